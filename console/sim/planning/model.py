"""The maximal expected covering model, solved as a mixed-integer program (HiGHS).

Decision variables, in one vector:

* ``x[t, j]`` integer: crews of type ``t`` stationed at depot ``j`` after the plan;
* ``y[p, l]`` in [0, 1]: point ``p`` is covered at level ``l`` (at least ``l``
  capable crews within its target);
* ``g[c, j]`` continuous: crews of capability group ``c`` (a set of types) at ``j``;
* ``m[k, j]`` continuous >= 0: crews of vehicle kind ``k`` moved away from depot ``j``;
* ``r[e]`` integer: crews re-skilled along edge ``e`` (type -> type with more skills);
* ``a[t]`` integer: new crews of type ``t`` (budget mode only).

Maximise ``sum_p w_p sum_l v[p, l] y[p, l]`` less the cost of moves, re-skills
and additions, subject to ``sum_l y[p, l] <= sum_{j covering p} g[c_p, j]``.
``y`` need not be integer: each point's level values decrease with ``l``, so an
optimal solution fills level 1 before level 2, and the sum of ``y`` over the
levels is at most an integer count of crews; the LP therefore never gains by
a fractional level.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix, csr_matrix

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class CoverInstance:
    """What the model needs to know, as plain arrays (independent of the twin)."""

    type_kind: IntArray
    """Per crew type: its vehicle kind (an index)."""
    type_skills: Sequence[frozenset[str]]
    """Per crew type: its skills."""
    today: IntArray
    """Crews of each type at each depot today, shape (types, depots)."""
    weight: FloatArray
    """Per demand point: expected calls a day."""
    values: FloatArray
    """Per point and level: the value of an l-th covering crew, shape (points, levels)."""
    capable: Sequence[frozenset[int]]
    """Per point: the crew types that may serve it."""
    covering: Sequence[IntArray]
    """Per point: the depots within its target."""


@dataclass(frozen=True)
class CoverCosts:
    """Costs in the objective's unit (expected covered calls a day)."""

    move: float = 0.05
    reskill: float = 0.1
    """Per skill added to one crew."""
    addition: float = 0.01


@dataclass(frozen=True)
class CoverSolution:
    """The stationing the model chose and how good it is."""

    crews: IntArray
    """Crews of each type at each depot, shape (types, depots)."""
    added: IntArray
    """New crews per type."""
    reskills: dict[tuple[int, int], int]
    """(from type, to type) -> crews re-skilled."""
    objective: float
    """Expected covered calls a day, less the costs."""
    covered: float
    """Expected covered calls a day (the objective without the costs)."""
    gap: float
    """Relative MIP gap when the solver stopped (0: proven optimal)."""
    seconds: float
    status: str


def reskill_edges(
    type_kind: IntArray, type_skills: Sequence[frozenset[str]]
) -> list[tuple[int, int]]:
    """Pairs (t, u) of the same vehicle kind where u has every skill of t and more."""
    edges = []
    for t, skills in enumerate(type_skills):
        for u, more in enumerate(type_skills):
            if t != u and type_kind[t] == type_kind[u] and skills < more:
                edges.append((t, u))
    return edges


def solve(
    instance: CoverInstance,
    *,
    costs: CoverCosts | None = None,
    budget: int = 0,
    time_limit: float = 30.0,
    gap: float = 1e-4,
) -> CoverSolution:
    """Best stationing of today's crews (moves, re-skills) plus up to ``budget`` new ones."""
    costs = costs or CoverCosts()
    started = time.monotonic()
    today = np.asarray(instance.today, dtype=np.int64)
    n_types, n_depots = today.shape
    n_points, n_levels = instance.values.shape
    kinds = sorted(set(instance.type_kind.tolist()))
    edges = reskill_edges(instance.type_kind, instance.type_skills)
    groups = sorted({tuple(sorted(c)) for c in instance.capable})
    group_of = {g: n for n, g in enumerate(groups)}

    # Column offsets of each block of variables.
    x0 = 0
    y0 = x0 + n_types * n_depots
    g0 = y0 + n_points * n_levels
    m0 = g0 + len(groups) * n_depots
    r0 = m0 + len(kinds) * n_depots
    a0 = r0 + len(edges)
    n_vars = a0 + (n_types if budget > 0 else 0)

    cost = np.zeros(n_vars)
    lower = np.zeros(n_vars)
    upper = np.full(n_vars, np.inf)
    integral = np.zeros(n_vars)
    integral[x0:y0] = 1
    integral[r0:a0] = 1
    integral[a0:n_vars] = 1
    value = instance.weight[:, None] * instance.values
    cost[y0:g0] = -value.ravel()
    upper[y0:g0] = np.where(value.ravel() > 0, 1.0, 0.0)
    cost[m0:r0] = costs.move
    for e, (t, u) in enumerate(edges):
        cost[r0 + e] = costs.reskill * len(instance.type_skills[u] - instance.type_skills[t])
    cost[a0:n_vars] = costs.addition
    for t in range(n_vars - a0):
        cost[a0 + t] += costs.reskill * len(instance.type_skills[t])

    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    low: list[float] = []
    high: list[float] = []

    def row(entries: list[tuple[int, float]], lo: float, hi: float) -> None:
        n = len(low)
        for col, coef in entries:
            rows.append(n)
            cols.append(col)
            data.append(coef)
        low.append(lo)
        high.append(hi)

    # Coverage: the levels of a point are at most its capable crews within reach.
    for p in range(n_points):
        c = group_of[tuple(sorted(instance.capable[p]))]
        entries = [(y0 + p * n_levels + lv, 1.0) for lv in range(n_levels) if value[p, lv] > 0]
        if not entries:
            continue
        entries += [(g0 + c * n_depots + int(j), -1.0) for j in instance.covering[p]]
        row(entries, -np.inf, 0.0)
    # Capability groups: g[c, j] is the sum of x[t, j] over the group's types.
    for c, group in enumerate(groups):
        for j in range(n_depots):
            row(
                [(g0 + c * n_depots + j, 1.0)] + [(x0 + t * n_depots + j, -1.0) for t in group],
                0.0,
                0.0,
            )
    # Moves: crews of a kind at a depot short of today's count have left it (a new
    # crew fills a place without a move).
    kind_today = np.zeros((len(kinds), n_depots))
    for t in range(n_types):
        kind_today[kinds.index(int(instance.type_kind[t]))] += today[t]
    for k, kind in enumerate(kinds):
        members = [t for t in range(n_types) if instance.type_kind[t] == kind]
        for j in range(n_depots):
            row(
                [(x0 + t * n_depots + j, 1.0) for t in members] + [(m0 + k * n_depots + j, 1.0)],
                float(kind_today[k, j]),
                np.inf,
            )
    # Types: today's crews of a type, less those re-skilled away, plus those
    # re-skilled into it and the new ones.
    for t in range(n_types):
        entries = [(x0 + t * n_depots + j, 1.0) for j in range(n_depots)]
        for e, (src, dst) in enumerate(edges):
            if src == t:
                entries.append((r0 + e, 1.0))
            elif dst == t:
                entries.append((r0 + e, -1.0))
        if budget > 0:
            entries.append((a0 + t, -1.0))
        total = float(today[t].sum())
        row(entries, total, total)
    if budget > 0:
        row([(a0 + t, 1.0) for t in range(n_types)], 0.0, float(budget))

    matrix = csr_matrix(coo_matrix((data, (rows, cols)), shape=(len(low), n_vars)))
    result = milp(
        cost,
        constraints=LinearConstraint(matrix, np.array(low), np.array(high)),
        integrality=integral,
        bounds=Bounds(lower, upper),
        options={"time_limit": time_limit, "mip_rel_gap": gap, "disp": False},
    )
    if result.x is None:
        raise RuntimeError(f"the covering model found no solution: {result.message}")
    solution = result.x
    crews = np.rint(solution[x0:y0]).astype(np.int64).reshape(n_types, n_depots)
    added = (
        np.rint(solution[a0:n_vars]).astype(np.int64)
        if budget > 0
        else np.zeros(n_types, dtype=np.int64)
    )
    reskills = {
        edge: round(solution[r0 + e]) for e, edge in enumerate(edges) if round(solution[r0 + e]) > 0
    }
    covered = float(-(cost[y0:g0] @ solution[y0:g0]))
    mip_gap = getattr(result, "mip_gap", None)
    return CoverSolution(
        crews=crews,
        added=added,
        reskills=reskills,
        objective=float(-result.fun),
        covered=covered,
        gap=float(mip_gap) if mip_gap is not None else 0.0,
        seconds=time.monotonic() - started,
        status=str(result.message),
    )


def expected_coverage(instance: CoverInstance, crews: IntArray) -> FloatArray:
    """Per point: expected covered calls a day with ``crews`` stationed, shape (points,)."""
    out = np.zeros(len(instance.weight))
    n_levels = instance.values.shape[1]
    for p in range(len(instance.weight)):
        types = np.array(sorted(instance.capable[p]), dtype=np.int64)
        count = int(crews[np.ix_(types, instance.covering[p])].sum()) if len(types) else 0
        out[p] = instance.weight[p] * float(instance.values[p, : min(count, n_levels)].sum())
    return out
