"""The dispatch engine: which crew goes where.

* :meth:`DispatchEngine.suggest` ranks the capable crews for one request.
* :meth:`DispatchEngine.propose` assigns the whole queue at once
  (priority-weighted, minimum total ETA) and compares it with the usual
  baseline: each request, in queue order, gets its nearest free crew. It may
  leave a request for a nearer crew later only while the request's assignment
  deadline (the SLA's ``assign_minutes``) still allows it at the next decision.

Both only look at each request's nearest candidates, found with one k-d tree
per vehicle kind over 3-D unit vectors, so the cost of one suggestion does not
grow with the size of the fleet. Both are deterministic for equal inputs: ties
are broken by crew id.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching
from scipy.spatial import cKDTree

from console.core.capability import CapabilityRules, Needs, VehicleFacts, with_equipment
from console.core.eta import EstimatedRouting, RoutingProvider
from console.core.field.feed import FeedRules, FeedState, feed_of
from console.core.records import RequestRow
from console.core.sla import SlaTargets
from console.core.vocab import (
    CallerLanguage,
    CrewStatus,
    Powertrain,
    Priority,
    RoadType,
    ServiceType,
    Skill,
    VehicleClass,
    VehicleKind,
)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

_SKILL_BITS = {skill: 1 << i for i, skill in enumerate(Skill)}
_KIND_CODES = {kind: i for i, kind in enumerate(VehicleKind)}
_KINDS = list(VehicleKind)


def skill_mask(skills: Iterable[Skill]) -> int:
    """Skills as a bit mask (fast vectorised capability checks)."""
    mask = 0
    for skill in skills:
        mask |= _SKILL_BITS[skill]
    return mask


def unit_vectors(lat: FloatArray, lon: FloatArray) -> FloatArray:
    """Points on the unit sphere: chord distance grows with great-circle distance."""
    phi = np.radians(lat)
    lam = np.radians(lon)
    cos_phi = np.cos(phi)
    return np.column_stack((cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi)))


@dataclass(frozen=True, slots=True)
class CrewInfo:
    """One crew as the engine sees it.

    ``free_at`` / ``free_lat`` / ``free_lon`` describe a busy crew finishing a
    job: when and where it is expected to be free. ``recent_jobs`` counts the
    jobs it took in the last shift (workload balance); ``partner_quality`` is
    its company's record from 0 to 1.
    """

    id: int
    call_sign: str
    depot_id: int
    partner_id: int
    region: str
    vehicle_kind: VehicleKind
    skills: frozenset[Skill]
    status: CrewStatus
    lat: float
    lon: float
    gps_at: datetime | None
    version: int
    recent_jobs: int = 0
    partner_quality: float = 1.0
    free_at: datetime | None = None
    free_lat: float | None = None
    free_lon: float | None = None
    devices: int = 0
    """Active registered devices (0: positions come by hand)."""
    devices_since: datetime | None = None
    """When the oldest of them was registered."""


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """What the engine needs to know about a request."""

    id: int
    reference: str
    lat: float
    lon: float
    road_type: RoadType
    service_type: ServiceType
    priority: Priority
    powertrain: Powertrain = Powertrain.UNKNOWN
    vehicle_class: VehicleClass = VehicleClass.CAR
    awd: bool = False
    caller_language: CallerLanguage = CallerLanguage.ZH
    queued_at: datetime | None = None
    required_kinds: frozenset[VehicleKind] = frozenset()
    """Vehicle kinds the request itself asks for (a guidance outcome), on top of the rules."""

    @classmethod
    def from_row(cls, row: RequestRow) -> RequestInfo:
        """The engine's view of a stored request."""
        return cls(
            id=row.id,
            reference=row.reference,
            lat=row.lat,
            lon=row.lon,
            road_type=row.road_type,
            service_type=row.service_type,
            priority=row.priority,
            powertrain=row.powertrain,
            vehicle_class=row.vehicle_class,
            awd=row.awd,
            caller_language=row.caller_language,
            queued_at=row.queued_at,
            required_kinds=row.required_kinds,
        )

    def facts(self) -> VehicleFacts:
        """The fields capability rules may test."""
        return VehicleFacts(
            self.service_type, self.powertrain, self.vehicle_class, self.awd, self.caller_language
        )


@dataclass(frozen=True)
class DispatchWeights:
    """How much each factor weighs, in minutes of ETA (all configurable)."""

    stale_gps_after_minutes: float = 10.0
    """A position entered by hand (no device feed) older than this is stale."""
    stale_gps_penalty: float = 12.0
    """Minutes added for a stale position or a silent feed (:mod:`console.core.field.feed`)."""
    feed: FeedRules = field(default_factory=FeedRules)
    """When a crew's device feed counts as silent: the crew board's rule, shared."""
    per_recent_job: float = 1.5
    partner_quality: float = 20.0
    """Minutes added for a partner with quality 0 (scaled linearly to 0 at 1)."""
    missing_preferred_skill: float = 6.0
    finishing_horizon_minutes: float = 20.0
    """Busy crews expected free within this many minutes are offered."""
    candidates_per_kind: int = 24
    priority_weight: Mapping[Priority, float] = field(
        default_factory=lambda: {Priority.P1: 4.0, Priority.P2: 1.0, Priority.P3: 0.4}
    )
    defer_cost_minutes: float = 90.0
    """What leaving a request for later costs the optimiser (per unit of priority weight)."""
    max_defer_minutes: float = 5.0
    """Requests queued this long are never left unassigned while a capable crew is free."""
    decision_interval_minutes: float = 0.5
    """How soon after a deferral the queue is decided again (the twin wakes by then): a
    request is only left for later while it would still be assigned within its target."""
    proposal_candidates: int = 12
    typical_on_scene_minutes: Mapping[ServiceType, float] = field(
        default_factory=lambda: {
            ServiceType.JUMP_START: 15.0,
            ServiceType.TYRE_CHANGE: 25.0,
            ServiceType.FUEL_DELIVERY: 12.0,
            ServiceType.LOCKOUT: 15.0,
            ServiceType.EXTRACTION: 30.0,
            ServiceType.EV_CHARGING: 40.0,
            ServiceType.EV_HV_CHECK: 30.0,
        }
    )
    """How long a job on scene usually takes; tows leave the scene, so they are absent."""

    def finishing_at(
        self, job_status: CrewStatus, service: ServiceType, since: datetime, now: datetime
    ) -> datetime | None:
        """When a crew on scene is expected to be free there, or None if unknown.

        A job that has overrun its typical time is given five more minutes.
        """
        minutes = self.typical_on_scene_minutes.get(service)
        if job_status is not CrewStatus.ON_SCENE or minutes is None:
            return None
        expected = since + timedelta(minutes=minutes)
        return max(expected, now + timedelta(minutes=5))

    def defer_limit(self, assign_minutes: float) -> float:
        """Minutes a request may wait before the optimiser must assign it (never deferred after).

        The smaller of ``max_defer_minutes`` and the time that still lets the next
        decision, ``decision_interval_minutes`` later, meet the ``assign_minutes`` target.
        """
        return max(
            0.0, min(self.max_defer_minutes, assign_minutes - self.decision_interval_minutes)
        )


@dataclass(frozen=True, slots=True)
class Reason:
    """One short, translatable reason: a code and its value."""

    code: str
    value: str | int = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One ranked crew for one request."""

    rank: int
    crew_id: int
    call_sign: str
    crew_version: int
    vehicle_kind: VehicleKind
    eta_minutes: int
    distance_km: float
    score: float
    free_in_minutes: int | None
    stale_gps: bool
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class SuggestionResult:
    """The answer for one request: ranked crews, or why there are none."""

    request_id: int
    no_crew_needed: bool
    needs: Needs
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True, slots=True)
class ProposalItem:
    """The optimiser's choice for one queued request, next to the baseline's."""

    request_id: int
    reference: str
    priority: Priority
    crew_id: int | None
    call_sign: str | None
    crew_version: int | None
    eta_minutes: float | None
    baseline_crew_id: int | None
    baseline_call_sign: str | None
    baseline_eta_minutes: float | None
    waited_minutes: float
    must_assign: bool

    @property
    def eta_change(self) -> float | None:
        """Proposal minus baseline ETA (negative is faster), where both assign."""
        if self.eta_minutes is None or self.baseline_eta_minutes is None:
            return None
        return self.eta_minutes - self.baseline_eta_minutes


@dataclass(frozen=True, slots=True)
class Proposal:
    """A joint assignment for the queue, with its cost against the baseline."""

    items: tuple[ProposalItem, ...]
    objective: float
    baseline_objective: float
    weighted_eta: float
    baseline_weighted_eta: float

    @property
    def assigned(self) -> int:
        """How many requests the proposal gives a crew."""
        return sum(item.crew_id is not None for item in self.items)


class DispatchEngine:
    """Suggestions and queue proposals over one snapshot of the fleet."""

    def __init__(
        self,
        crews: Sequence[CrewInfo],
        *,
        now: datetime,
        rules: CapabilityRules | None = None,
        routing: RoutingProvider | None = None,
        weights: DispatchWeights | None = None,
        timezone: tzinfo | None = None,
        sla: SlaTargets | None = None,
    ) -> None:
        self.rules = rules or CapabilityRules.default()
        self.routing: RoutingProvider = routing or EstimatedRouting()
        self.weights = weights or DispatchWeights()
        self.sla = sla or SlaTargets()
        self.now = now
        self.zone = timezone or ZoneInfo("Asia/Shanghai")
        horizon = self.weights.finishing_horizon_minutes
        eligible = [c for c in crews if _eligible(c, now, horizon)]
        eligible.sort(key=lambda c: c.id)
        self.crews = eligible
        n = len(eligible)
        self.ids = np.array([c.id for c in eligible], dtype=np.int64)
        self.kind = np.array([_KIND_CODES[c.vehicle_kind] for c in eligible], dtype=np.int64)
        self.skills = np.array([skill_mask(c.skills) for c in eligible], dtype=np.int64)
        # Where each crew will start from: its position, or the site of the job it is finishing.
        self.lat = np.array([c.free_lat if c.free_at else c.lat for c in eligible], dtype=float)
        self.lon = np.array([c.free_lon if c.free_at else c.lon for c in eligible], dtype=float)
        self.wait = np.array(
            [
                max(0.0, (c.free_at - now).total_seconds() / 60) if c.free_at else 0.0
                for c in eligible
            ],
            dtype=float,
        )
        self.available = np.array([c.free_at is None for c in eligible], dtype=bool)
        gps_age = [
            (now - c.gps_at).total_seconds() / 60 if c.gps_at is not None else math.inf
            for c in eligible
        ]
        self.gps_age = np.array(gps_age, dtype=float)
        # A crew with a device is judged by its feed (the board's rule); one without, by
        # the age of the position last entered for it.
        self.silent = np.array([_silent(c, now, self.weights.feed) for c in eligible], dtype=bool)
        self.stale = self.silent | (
            self.available & (self.gps_age > self.weights.stale_gps_after_minutes)
        )
        self.base_penalty = (
            np.where(self.stale, self.weights.stale_gps_penalty, 0.0)
            + self.weights.per_recent_job * np.array([c.recent_jobs for c in eligible], dtype=float)
            + self.weights.partner_quality
            * (1.0 - np.clip(np.array([c.partner_quality for c in eligible], dtype=float), 0, 1))
        )
        self.region = [c.region for c in eligible]
        self._points = unit_vectors(self.lat, self.lon) if n else np.zeros((0, 3))
        # One k-d tree per vehicle kind (all eligible crews, and free ones only), built on
        # first use: a suggestion usually needs one or two kinds, and engines are rebuilt
        # often (the simulator builds tens of thousands).
        self._trees = _KindTrees(self._points, self.kind, np.ones(n, dtype=bool))
        self._free_trees = (
            self._trees
            if self.available.all()
            else _KindTrees(self._points, self.kind, self.available)
        )

    # ------------------------------------------------------------ one request

    def _nearest(
        self,
        trees: _KindTrees,
        needs: Needs,
        point: FloatArray,
        k: int,
    ) -> IntArray:
        found: list[IntArray] = []
        for kind in sorted(needs.kinds, key=_KIND_CODES.__getitem__):
            entry = trees.get(_KIND_CODES[kind])
            if entry is None:
                continue
            tree, members = entry
            count = min(k, len(members))
            _, local = tree.query(point, k=count)
            found.append(members[np.atleast_1d(local)])
        if not found:
            return np.zeros(0, dtype=np.int64)
        candidates: IntArray = np.concatenate(found)
        required = skill_mask(needs.skills)
        capable: IntArray = candidates[(self.skills[candidates] & required) == required]
        return capable

    def _local_hour(self) -> int:
        return self.now.astimezone(self.zone).hour

    def _travel(self, idx: IntArray, request: RequestInfo) -> tuple[FloatArray, FloatArray]:
        region = self.region[int(idx[0])] if len(idx) else None
        return self.routing.travel_minutes(
            self.lat[idx],
            self.lon[idx],
            request.lat,
            request.lon,
            road=request.road_type,
            local_hour=self._local_hour(),
            region=region,
        )

    def suggest(self, request: RequestInfo, limit: int = 5) -> SuggestionResult:
        """The best ``limit`` crews for ``request``, best first, with reasons."""
        needs = with_equipment(self.rules.needs(request.facts()), request.required_kinds)
        if needs.no_crew or not needs.kinds or not len(self.ids):
            return SuggestionResult(request.id, needs.no_crew, needs, ())
        point = unit_vectors(np.array([request.lat]), np.array([request.lon]))[0]
        idx = self._nearest(self._trees, needs, point, self.weights.candidates_per_kind)
        if not len(idx):
            return SuggestionResult(request.id, False, needs, ())
        travel, road_km = self._travel(idx, request)
        eta = self.wait[idx] + travel
        prefer = skill_mask(needs.prefer)
        missing = np.array(
            [bin(prefer & ~int(mask)).count("1") for mask in self.skills[idx]], dtype=float
        )
        score = eta + self.base_penalty[idx] + self.weights.missing_preferred_skill * missing
        order = np.lexsort((self.ids[idx], eta, score))[:limit]
        suggestions = tuple(
            self._suggestion(
                rank,
                int(idx[i]),
                eta=float(eta[i]),
                road_km=float(road_km[i]),
                score=float(score[i]),
                needs=needs,
            )
            for rank, i in enumerate(order, start=1)
        )
        return SuggestionResult(request.id, False, needs, suggestions)

    def _suggestion(
        self, rank: int, i: int, *, eta: float, road_km: float, score: float, needs: Needs
    ) -> Suggestion:
        crew = self.crews[i]
        eta_minutes = max(1, round(eta))
        reasons = [
            Reason("distance_km", max(1, round(road_km))),
            Reason("eta_min", eta_minutes),
            Reason("vehicle", crew.vehicle_kind.value),
        ]
        reasons += [
            Reason("skill", skill.value)
            for skill in sorted(crew.skills & (needs.skills | needs.prefer))
        ]
        free_in = None
        if not self.available[i]:
            free_in = max(1, round(float(self.wait[i])))
            reasons.append(Reason("free_in", free_in))
        if self.silent[i]:
            reasons.append(Reason("feed_silent", int(self.gps_age[i])))
        elif self.stale[i]:
            age = self.gps_age[i]
            reasons.append(Reason("stale_gps", round(age) if math.isfinite(age) else -1))
        reasons += [Reason("lacks_skill", s.value) for s in sorted(needs.prefer - crew.skills)]
        if crew.recent_jobs >= 3:
            reasons.append(Reason("recent_jobs", crew.recent_jobs))
        if crew.partner_quality < 0.85:
            reasons.append(Reason("partner_quality", round(crew.partner_quality * 100)))
        return Suggestion(
            rank=rank,
            crew_id=crew.id,
            call_sign=crew.call_sign,
            crew_version=crew.version,
            vehicle_kind=crew.vehicle_kind,
            eta_minutes=eta_minutes,
            distance_km=round(road_km, 1),
            score=round(score, 3),
            free_in_minutes=free_in,
            stale_gps=bool(self.stale[i]),
            reasons=tuple(reasons),
        )

    # ------------------------------------------------------------ whole queue

    def candidate_graph(self, requests: Sequence[RequestInfo]) -> list[tuple[IntArray, FloatArray]]:
        """For each request: its nearest capable free crews and their ETAs."""
        graph: list[tuple[IntArray, FloatArray]] = []
        if not requests:
            return graph
        points = unit_vectors(
            np.array([r.lat for r in requests], dtype=float),
            np.array([r.lon for r in requests], dtype=float),
        )
        k = self.weights.proposal_candidates
        for row, request in enumerate(requests):
            needs = with_equipment(self.rules.needs(request.facts()), request.required_kinds)
            if needs.no_crew or not needs.kinds:
                graph.append((np.zeros(0, dtype=np.int64), np.zeros(0)))
                continue
            idx = self._nearest(self._free_trees, needs, points[row], k)
            if not len(idx):
                graph.append((idx, np.zeros(0)))
                continue
            travel, _ = self._travel(idx, request)
            cost = travel + self.base_penalty[idx]
            keep = np.lexsort((self.ids[idx], cost))[:k]
            graph.append((idx[keep], travel[keep]))
        return graph

    def propose(self, requests: Sequence[RequestInfo]) -> Proposal:
        """Jointly assign the queued ``requests`` (minimum priority-weighted ETA).

        A request may be left for later when every candidate is far away, but
        only while its assignment deadline allows it: never once it has waited
        :meth:`DispatchWeights.defer_limit` (the SLA's ``assign_minutes`` less the
        time until the next decision, at most ``max_defer_minutes``).
        """
        queue = sorted(requests, key=lambda r: (r.queued_at or self.now, r.id))
        graph = self.candidate_graph(queue)
        weights = np.array([self.weights.priority_weight[r.priority] for r in queue], dtype=float)
        waited = np.array(
            [max(0.0, (self.now - (r.queued_at or self.now)).total_seconds() / 60) for r in queue]
        )
        must = waited >= self.weights.defer_limit(self.sla.assign_minutes)
        defer = np.where(must, 1e6, self.weights.defer_cost_minutes) * weights
        chosen = _solve(graph, weights, defer)
        baseline = _greedy(graph)
        items = []
        total = base_total = weighted = base_weighted = 0.0
        for row, request in enumerate(queue):
            idx, eta = graph[row]
            pick, base_pick = chosen[row], baseline[row]
            eta_pick = float(eta[pick]) if pick >= 0 else None
            eta_base = float(eta[base_pick]) if base_pick >= 0 else None
            w = float(weights[row])
            defer_cost = float(defer[row]) if len(idx) else 0.0
            total += w * eta_pick if eta_pick is not None else defer_cost
            base_total += w * eta_base if eta_base is not None else defer_cost
            weighted += w * eta_pick if eta_pick is not None else 0.0
            base_weighted += w * eta_base if eta_base is not None else 0.0
            crew = self.crews[int(idx[pick])] if pick >= 0 else None
            base_crew = self.crews[int(idx[base_pick])] if base_pick >= 0 else None
            items.append(
                ProposalItem(
                    request_id=request.id,
                    reference=request.reference,
                    priority=request.priority,
                    crew_id=crew.id if crew else None,
                    call_sign=crew.call_sign if crew else None,
                    crew_version=crew.version if crew else None,
                    eta_minutes=round(eta_pick, 1) if eta_pick is not None else None,
                    baseline_crew_id=base_crew.id if base_crew else None,
                    baseline_call_sign=base_crew.call_sign if base_crew else None,
                    baseline_eta_minutes=round(eta_base, 1) if eta_base is not None else None,
                    waited_minutes=round(float(waited[row]), 1),
                    must_assign=bool(must[row]),
                )
            )
        return Proposal(
            tuple(items),
            round(total, 3),
            round(base_total, 3),
            round(weighted, 3),
            round(base_weighted, 3),
        )


class _KindTrees:
    """k-d trees of crew positions by vehicle-kind code, each built when first asked for."""

    def __init__(self, points: FloatArray, kind: IntArray, include: npt.NDArray[np.bool_]) -> None:
        self._points = points
        self._kind = kind
        self._include = include
        self._built: dict[int, tuple[cKDTree, IntArray] | None] = {}

    def get(self, code: int) -> tuple[cKDTree, IntArray] | None:
        """(tree, crew indices) for a vehicle kind, or None when it has no crew."""
        if code not in self._built:
            members = np.flatnonzero((self._kind == code) & self._include)
            self._built[code] = (cKDTree(self._points[members]), members) if len(members) else None
        return self._built[code]


def _silent(crew: CrewInfo, now: datetime, rules: FeedRules) -> bool:
    """True when the crew's device feed went silent (the crew board flags the same crews)."""
    if crew.devices <= 0:  # most crews in the twin: skip building a Feed
        return False
    feed = feed_of(
        devices=crew.devices,
        devices_since=crew.devices_since,
        gps_at=crew.gps_at,
        status=crew.status,
        now=now,
        rules=rules,
    )
    return feed.state is FeedState.SILENT


def _eligible(crew: CrewInfo, now: datetime, horizon: float) -> bool:
    if crew.status is CrewStatus.AVAILABLE:
        return True
    if crew.free_at is None or crew.free_lat is None or crew.free_lon is None:
        return False
    return (crew.free_at - now).total_seconds() / 60 <= horizon


def _greedy(graph: Sequence[tuple[IntArray, FloatArray]]) -> list[int]:
    """Queue order, each request takes its nearest still-free candidate (by ETA)."""
    taken: set[int] = set()
    picks: list[int] = []
    for idx, eta in graph:
        pick = -1
        for position in np.lexsort((idx, eta)):
            if int(idx[position]) not in taken:
                pick = int(position)
                taken.add(int(idx[position]))
                break
        picks.append(pick)
    return picks


def _solve(
    graph: Sequence[tuple[IntArray, FloatArray]],
    weights: FloatArray,
    defer: FloatArray,
) -> list[int]:
    """Minimum-cost matching with a private "leave for later" column per request.

    Returns, per request, the position of the chosen candidate in its
    candidate list, or -1 when it is left for later.
    """
    rows_n = len(graph)
    if rows_n == 0:
        return []
    crew_columns: dict[int, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    costs: list[float] = []
    for row, (idx, eta) in enumerate(graph):
        for crew, minutes in zip(idx.tolist(), eta.tolist(), strict=True):
            column = crew_columns.setdefault(crew, len(crew_columns))
            rows.append(row)
            cols.append(column)
            # +1 keeps every edge strictly positive: sparse matchers drop zeros.
            costs.append(weights[row] * minutes + 1.0)
    n_crews = len(crew_columns)
    for row in range(rows_n):
        rows.append(row)
        cols.append(n_crews + row)
        costs.append(float(defer[row]) + 1.0)
    matrix = csr_matrix((costs, (rows, cols)), shape=(rows_n, n_crews + rows_n))
    try:
        matched_rows, matched_cols = min_weight_full_bipartite_matching(matrix)
    except ValueError:  # pragma: no cover - the private columns make a full matching exist
        dense = np.full(matrix.shape, 1e12)
        dense[rows, cols] = costs
        matched_rows, matched_cols = linear_sum_assignment(dense)
    crew_of_column = list(crew_columns)
    column_of_row = dict(zip(matched_rows.tolist(), matched_cols.tolist(), strict=True))
    picks: list[int] = []
    for row, (idx, _) in enumerate(graph):
        column = column_of_row[row]
        if column >= n_crews:
            picks.append(-1)
            continue
        crew = crew_of_column[column]
        picks.append(int(np.flatnonzero(idx == crew)[0]))
    return picks
