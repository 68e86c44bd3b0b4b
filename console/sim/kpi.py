"""Key figures of one simulated day, and their confidence intervals across replications.

Times are minutes from the moment a request is queued (when the SLA clocks
start, as in the console): *time to assign* until a crew is given, *time to
arrival* until the crew is on scene.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import stats

from console.core.sla import SlaTargets
from console.core.vocab import Priority, ServiceType
from console.sim.simulator import DAY_MINUTES, RunResult

FloatArray = npt.NDArray[np.float64]

CONFIDENCE = 0.95


def _spread(prefix: str, values: FloatArray) -> dict[str, float]:
    if not len(values):
        return {f"{prefix}.mean": math.nan, f"{prefix}.p50": math.nan, f"{prefix}.p90": math.nan}
    return {
        f"{prefix}.mean": float(np.mean(values)),
        f"{prefix}.p50": float(np.percentile(values, 50)),
        f"{prefix}.p90": float(np.percentile(values, 90)),
    }


def day_kpis(result: RunResult, sla: SlaTargets | None = None) -> dict[str, float]:
    """The KPI figures of one run, keyed by stable names (see :data:`KPI_LABELS`)."""
    sla = sla or SlaTargets()
    calls = result.calls
    n = len(calls)
    queued = ~np.isnan(result.queued)
    remote = queued & calls.remote
    dispatched = (
        queued
        & ~calls.remote
        & np.array([s is not ServiceType.REMOTE_GUIDANCE for s in calls.service], dtype=bool)
    )
    arrived = dispatched & ~np.isnan(result.arrived)
    assigned = dispatched & ~np.isnan(result.assigned)
    to_arrive = result.arrived - result.queued
    to_assign = result.assigned - result.queued
    figures: dict[str, float] = {
        "calls": float(n),
        "dispatched": float(dispatched.sum()),
        "remote_fix_pct": 100.0 * float(remote.sum()) / max(1, int(queued.sum())),
    }
    figures |= _spread("arrival", to_arrive[arrived])
    figures |= _spread("assign", to_assign[assigned])
    priorities = np.array([p.value for p in calls.priority])
    services = np.array([s.value for s in calls.service])
    for priority in Priority:
        figures |= _spread(
            f"arrival.{priority.value}", to_arrive[arrived & (priorities == priority.value)]
        )
    for service in ServiceType:
        if service is ServiceType.REMOTE_GUIDANCE:
            continue
        figures |= _spread(
            f"arrival.{service.value}", to_arrive[arrived & (services == service.value)]
        )
    target = np.array(
        [sla.arrival_minutes[p][r] for p, r in zip(calls.priority, calls.road, strict=True)],
        dtype=float,
    )
    met = arrived & (to_arrive <= target)
    figures["sla_arrival_pct"] = 100.0 * float(met.sum()) / max(1, int(dispatched.sum()))
    for priority in Priority:
        of_priority = dispatched & (priorities == priority.value)
        figures[f"sla_arrival_pct.{priority.value}"] = (
            100.0 * float((met & of_priority).sum()) / int(of_priority.sum())
            if of_priority.any()
            else math.nan
        )
    assign_met = assigned & (to_assign <= sla.assign_minutes)
    figures["sla_assign_pct"] = 100.0 * float(assign_met.sum()) / max(1, int(dispatched.sum()))
    figures["utilisation_pct"] = 100.0 * result.busy_minutes / max(1.0, result.crews * DAY_MINUTES)
    in_day = dispatched & (result.queued <= DAY_MINUTES)
    late = in_day & (np.isnan(result.assigned) | (result.assigned > DAY_MINUTES))
    figures["carried_over"] = float(late.sum())
    figures["unserved"] = float((dispatched & np.isnan(result.arrived)).sum())
    figures["relocations"] = float(result.relocations)
    figures["holes"] = float(len(result.holes))
    figures["cross_border"] = float(result.border_crossings)
    return figures


KPI_LABELS: Mapping[str, str] = {
    "calls": "calls",
    "dispatched": "crews sent (requests)",
    "remote_fix_pct": "fixed by phone %",
    "arrival.mean": "time to arrival, mean (min)",
    "arrival.p50": "time to arrival, p50 (min)",
    "arrival.p90": "time to arrival, p90 (min)",
    "assign.mean": "time to assign, mean (min)",
    "assign.p50": "time to assign, p50 (min)",
    "assign.p90": "time to assign, p90 (min)",
    "sla_arrival_pct": "arrival SLA met %",
    "sla_arrival_pct.P1": "  arrival SLA met %, P1",
    "sla_arrival_pct.P2": "  arrival SLA met %, P2",
    "sla_arrival_pct.P3": "  arrival SLA met %, P3",
    "sla_assign_pct": "2-minute assign SLA met %",
    "utilisation_pct": "crew utilisation %",
    "carried_over": "still unassigned at midnight",
    "unserved": "never reached (after the drain)",
    "relocations": "crews moved up (moves and returns)",
    "holes": "coverage holes (no capable crew in the fleet)",
    "cross_border": "served from over a provincial border",
}
"""Headline KPIs in table order; per-priority and per-service rows follow them."""


def _group(key: str) -> str:
    """The middle part of a ``arrival.GROUP.STAT`` key ("" for any other key)."""
    parts = key.split(".")
    return parts[1] if len(parts) == 3 else ""


def table_keys(keys: Sequence[str]) -> list[str]:
    """Headline KPIs first (with the SLA per priority), then per-priority, then per-service rows."""
    head = [k for k in KPI_LABELS if k in keys]
    rest = [k for k in keys if k not in KPI_LABELS]
    priority = [k for k in rest if _group(k) in Priority.__members__]
    return head + priority + [k for k in rest if k not in priority]


def label(key: str) -> str:
    """A readable row label for a KPI key."""
    if key in KPI_LABELS:
        return KPI_LABELS[key]
    group = _group(key)
    if not group:
        return key
    stat = key.rsplit(".", 1)[1]
    return f"  arrival {group} {stat}" + (" (min)" if stat == "mean" else "")


@dataclass(frozen=True)
class Estimate:
    """Mean across replications and the half-width of its 95 % confidence interval."""

    mean: float
    half_width: float
    n: int


def estimate(values: Sequence[float]) -> Estimate:
    """Student-t interval over the finite ``values`` (NaN: the category did not occur)."""
    finite = np.array([v for v in values if math.isfinite(v)], dtype=float)
    if not len(finite):
        return Estimate(math.nan, math.nan, 0)
    mean = float(finite.mean())
    if len(finite) < 2:
        return Estimate(mean, math.nan, len(finite))
    sd = float(finite.std(ddof=1))
    t = float(stats.t.ppf(0.5 + CONFIDENCE / 2, len(finite) - 1))
    return Estimate(mean, t * sd / math.sqrt(len(finite)), len(finite))
