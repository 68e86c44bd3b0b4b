"""From a scenario to a coverage plan: demand points, coverage sets, the model, the moves.

Travel times come from the twin's own :class:`EstimatedRouting`. A point is
split into a peak-hour part and an off-peak part, in the proportion of the
scenario's calls in each (the demand-weighted hour mix): a depot that reaches a
point in time only off-peak covers the off-peak part alone. A depot covers a
point when its crew would arrive within the point's target less ``margin``
minutes (assignment and a crew that is not quite home). Only depots of the
point's own province count, as the twin dispatches by province.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import stats
from scipy.optimize import linear_sum_assignment

from console.core.eta import EstimatedRouting, EtaModel, RoutingProvider
from console.core.fleet_layout import City
from console.core.geo import ServiceArea, haversine_km_many
from console.core.sla import SlaTargets
from console.core.vocab import RoadType, Skill, VehicleKind
from console.sim.fleet import SimCrew
from console.sim.planning.model import CoverCosts, CoverInstance, CoverSolution, solve
from console.sim.planning.points import DemandPoint, NeedClass, demand_points
from console.sim.scenario import HOURS, Scenario

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

KINDS = tuple(VehicleKind)
SKILL_SETS = tuple(
    frozenset(c) for n in range(len(Skill) + 1) for c in itertools.combinations(Skill, n)
)
PEAK_HOUR, OFF_PEAK_HOUR = 8, 12
"""Representative hours of the two parts of the day (the ETA model's peak and off-peak)."""


@dataclass(frozen=True)
class PlanSettings:
    """The model's knobs (defaults: what measured best in the twin)."""

    days: int = 8
    """Planning days drawn to estimate the demand points."""
    margin: float = 5.0
    """Minutes taken off every target: assignment, and crews not quite at their depot."""
    levels: int = 4
    """Coverage levels per point (a busy city's point may want several crews in reach)."""
    min_level_value: float = 0.01
    reach: tuple[tuple[float, tuple[float, ...]], ...] = (
        (360.0, (30.0, 2.5)),
        (math.inf, (1.0,)),
    )
    """(minutes, values per call of the first, second... crew): capable crews of the
    province within that many minutes, however far beyond the target. The twin never
    reaches a call whose province has no capable crew, nor one whose crew cannot
    arrive before the drain ends; a second crew in reach stands in when the only one
    is away on a long job (in remote prefectures jobs are long)."""
    prefer_value: float = 0.1
    """Value per call of a crew with a preferred skill (bilingual) in reach, as a share."""
    costs: CoverCosts = field(default_factory=CoverCosts)
    time_limit: float = 40.0
    gap: float = 1e-3


@dataclass(frozen=True)
class Station:
    """A depot a crew may be stationed at."""

    id: int
    code: str
    name: str
    city: str
    region: str
    lat: float
    lon: float
    partner_id: int


@dataclass(frozen=True)
class CrewType:
    """Vehicle kind and skills: crews of one type are interchangeable to the model."""

    kind: VehicleKind
    skills: frozenset[Skill]

    def can_serve(self, kinds: frozenset[VehicleKind], skills: frozenset[Skill]) -> bool:
        """True when a crew of this type meets the need."""
        return self.kind in kinds and skills <= self.skills


@dataclass(frozen=True)
class PlanPoint:
    """One demand point's part for one hour of the mix, as the model sees it."""

    point: DemandPoint
    weight: float
    capability: str
    """Table row this point counts in ("flatbed", ...; "" for helper points)."""
    capable: frozenset[int]
    covering: IntArray
    values: FloatArray


@dataclass(frozen=True)
class Move:
    """One crew to station elsewhere."""

    crew: SimCrew
    to: Station
    source: Station


@dataclass(frozen=True)
class Reskill:
    """Skills one crew is to be trained for."""

    crew: SimCrew
    skills: frozenset[Skill]
    station: Station
    """Where the crew is stationed after the plan."""


@dataclass(frozen=True)
class Addition:
    """A new crew at a depot."""

    kind: VehicleKind
    skills: frozenset[Skill]
    station: Station


@dataclass(frozen=True)
class CoverageRow:
    """Share of one capability's expected calls with a capable crew within target."""

    capability: str
    calls: float
    before_pct: float
    after_pct: float


@dataclass(frozen=True)
class Plan:
    """The plan and what the model expects of it."""

    scenario: Scenario
    seed: int
    budget: int
    moves: list[Move]
    reskills: list[Reskill]
    additions: list[Addition]
    coverage: list[CoverageRow]
    solution: CoverSolution
    points: int


CAPABILITY_ROWS = (
    "EV-certified (EV service van)",
    "flatbed",
    "heavy wrecker",
    "any tow truck",
    "service van",
    "bilingual (preferred)",
    "all calls",
)

_TOW_KINDS = frozenset({VehicleKind.FLATBED, VehicleKind.WHEEL_LIFT, VehicleKind.HEAVY_WRECKER})


def capability_of(kinds: frozenset[VehicleKind]) -> str:
    """The coverage-table row of a need class."""
    if kinds == {VehicleKind.EV_SERVICE_VAN}:
        return CAPABILITY_ROWS[0]
    if kinds == {VehicleKind.FLATBED}:
        return CAPABILITY_ROWS[1]
    if kinds == {VehicleKind.HEAVY_WRECKER}:
        return CAPABILITY_ROWS[2]
    if kinds <= _TOW_KINDS:
        return CAPABILITY_ROWS[3]
    return CAPABILITY_ROWS[4]


def stations_of(depots: Sequence[dict[str, Any]]) -> list[Station]:
    """The scenario's depots as stations, in layout order."""
    return [
        Station(
            id=int(d["id"]),
            code=str(d["code"]),
            name=str(d["name_en"]),
            city=str(d["city_en"]),
            region=str(d["adcode"])[:2],
            lat=float(d["lat"]),
            lon=float(d["lon"]),
            partner_id=int(d["partner_id"]),
        )
        for d in depots
    ]


def crew_types() -> list[CrewType]:
    """Every vehicle kind with every set of skills."""
    return [CrewType(kind, skills) for kind in KINDS for skills in SKILL_SETS]


def peak_share(scenario: Scenario, model: EtaModel) -> float:
    """Share of the scenario's expected calls that come in peak hours."""
    total = peak = 0.0
    for region in scenario.regions:
        profile = np.asarray(region.profile, dtype=float)
        weights = region.calls * profile / profile.sum()
        total += float(weights.sum())
        peak += float(sum(weights[h] for h in range(HOURS) if model.is_peak(h)))
    return peak / total if total else 0.0


def level_values(load: float, levels: int, floor: float) -> FloatArray:
    """Value of the l-th crew in reach: P(at least l-1 of the crews around are busy).

    The busy crews around a point are Poisson with mean ``load`` (an M/G/inf
    count: calls a day x mean job minutes / 1440), so a quiet town's second
    crew is worth little and a busy city's third crew still counts.
    """
    values = np.array([float(stats.poisson.sf(lv - 1, load)) for lv in range(levels)])
    values[0] = 1.0
    values[values < floor] = 0.0
    return values


def _loads(points: Sequence[DemandPoint]) -> FloatArray:
    """Per point: the offered load (busy crews) of the demand of its city sharing its kinds."""
    by_city: dict[tuple[str, str], list[int]] = {}
    for n, point in enumerate(points):
        by_city.setdefault((point.region, point.city), []).append(n)
    loads = np.zeros(len(points))
    for members in by_city.values():
        for p in members:
            kinds = points[p].need.kinds
            total = 0.0
            for q in members:
                other = points[q].need.kinds
                shared = len(kinds & other)
                if shared:
                    total += points[q].weight * points[q].job_minutes * shared / len(other)
            loads[p] = total / 1440.0
    return loads


def _reach_points(
    points: Sequence[DemandPoint],
    types: Sequence[CrewType],
    by_region: dict[str, IntArray],
    depots: tuple[FloatArray, FloatArray],
    *,
    settings: PlanSettings,
    routing: RoutingProvider,
) -> list[PlanPoint]:
    """Points asking for any capable crew within each reach tier, for every city and need.

    Rare needs (a heavy truck in a remote prefecture) may not occur in a few
    planning days, but a single such call nobody can reach before the drain ends
    costs the twin most. The generator draws a call's needs independently of its
    city, so every city gets every need at its national share of the calls.
    """
    city_calls: dict[tuple[str, str], list[float]] = {}
    need_calls: dict[NeedClass, float] = {}
    for point in points:
        acc = city_calls.setdefault((point.region, point.city), [0.0, 0.0, 0.0])
        acc[0] += point.weight
        acc[1] += point.weight * point.lat
        acc[2] += point.weight * point.lon
        need_calls[point.need] = need_calls.get(point.need, 0.0) + point.weight
    total = sum(need_calls.values()) or 1.0
    needs = sorted(need_calls, key=lambda n: (sorted(n.kinds), sorted(n.skills)))
    lat, lon = depots
    out: list[PlanPoint] = []
    for (region, city), (calls, lat_sum, lon_sum) in sorted(city_calls.items()):
        local = by_region.get(region, np.zeros(0, dtype=np.int64))
        if not len(local):
            continue
        anchor = next(p for p in points if (p.region, p.city) == (region, city))
        # From the city's centre of calls at town speed, the slowest: the twin drives a
        # whole trip at the speed of the road where the call is.
        minutes, _ = routing.travel_minutes(
            lat[local], lon[local], lat_sum / calls, lon_sum / calls,
            road=RoadType.URBAN, local_hour=OFF_PEAK_HOUR, region=region,
        )  # fmt: skip
        for need in needs:
            capable = frozenset(
                t for t, ct in enumerate(types) if ct.can_serve(need.kinds, need.skills)
            )
            weight = calls * need_calls[need] / total
            for limit, values in settings.reach:
                single = np.zeros(settings.levels)
                single[: len(values)] = values
                covering = local[minutes <= limit]
                out.append(PlanPoint(anchor, weight, "", capable, covering, single))
    return out


def build_instance(
    points: Sequence[DemandPoint],
    stations: Sequence[Station],
    types: Sequence[CrewType],
    today: IntArray,
    *,
    settings: PlanSettings,
    routing: RoutingProvider,
    peak: float,
) -> tuple[CoverInstance, list[PlanPoint]]:
    """The model's instance: every point split by hour, plus the reach and preference points."""
    by_region: dict[str, IntArray] = {}
    for j, station in enumerate(stations):
        by_region.setdefault(station.region, np.zeros(0, dtype=np.int64))
        by_region[station.region] = np.append(by_region[station.region], j)
    lat = np.array([s.lat for s in stations])
    lon = np.array([s.lon for s in stations])
    loads = _loads(points)
    plan_points: list[PlanPoint] = []
    for n, point in enumerate(points):
        local = by_region.get(point.region, np.zeros(0, dtype=np.int64))
        capable = frozenset(
            t for t, ct in enumerate(types) if ct.can_serve(point.need.kinds, point.need.skills)
        )
        values = level_values(float(loads[n]), settings.levels, settings.min_level_value)
        row = capability_of(point.need.kinds)
        for hour, share in ((PEAK_HOUR, peak), (OFF_PEAK_HOUR, 1.0 - peak)):
            if share <= 0:
                continue
            minutes, _ = routing.travel_minutes(
                lat[local], lon[local], point.lat, point.lon,
                road=point.road, local_hour=hour, region=point.region,
            )  # fmt: skip
            covering = local[minutes <= point.target - settings.margin]
            weight = point.weight * share
            plan_points.append(PlanPoint(point, weight, row, capable, covering, values))
            for skill, preferring in point.prefer:
                better = frozenset(t for t in capable if skill in types[t].skills)
                single = np.zeros(settings.levels)
                single[0] = settings.prefer_value
                label = "bilingual (preferred)" if skill is Skill.BILINGUAL else ""
                plan_points.append(
                    PlanPoint(point, weight * preferring, label, better, covering, single)
                )
    plan_points += _reach_points(
        points, types, by_region, (lat, lon), settings=settings, routing=routing
    )
    # Points seeing the same capable types at the same depots always have the same
    # number of crews in reach, so they fill their levels together: one row with the
    # summed level values is exact and makes the model several times smaller.
    pooled: dict[tuple[frozenset[int], tuple[int, ...]], FloatArray] = {}
    for p in plan_points:
        key = (p.capable, tuple(p.covering.tolist()))
        pooled[key] = pooled.get(key, np.zeros(settings.levels)) + p.weight * p.values
    keys = sorted(pooled, key=lambda k: (sorted(k[0]), k[1]))
    instance = CoverInstance(
        type_kind=np.array([KINDS.index(t.kind) for t in types], dtype=np.int64),
        type_skills=[frozenset(s.value for s in t.skills) for t in types],
        today=today,
        weight=np.ones(len(keys)),
        values=np.array([pooled[k] for k in keys]).reshape(len(keys), settings.levels),
        capable=[k[0] for k in keys],
        covering=[np.array(k[1], dtype=np.int64) for k in keys],
    )
    return instance, plan_points


def today_counts(
    roster: Sequence[SimCrew], stations: Sequence[Station], types: Sequence[CrewType]
) -> IntArray:
    """Crews of each type at each station on today's roster."""
    station_of = {s.id: j for j, s in enumerate(stations)}
    type_of = {(t.kind, t.skills): n for n, t in enumerate(types)}
    counts = np.zeros((len(types), len(stations)), dtype=np.int64)
    for crew in roster:
        counts[type_of[(crew.vehicle_kind, crew.skills)], station_of[crew.depot_id]] += 1
    return counts


def coverage_rows(
    plan_points: Sequence[PlanPoint], before: IntArray, after: IntArray
) -> list[CoverageRow]:
    """Per capability: share of expected calls with at least one capable crew within target."""
    sums: dict[str, list[float]] = {row: [0.0, 0.0, 0.0] for row in CAPABILITY_ROWS}
    for p in plan_points:
        if not p.capability:
            continue
        types = np.array(sorted(p.capable), dtype=np.int64)
        rows = [p.capability] if p.capability == CAPABILITY_ROWS[5] else [p.capability, "all calls"]
        has_before = len(types) > 0 and before[np.ix_(types, p.covering)].sum() > 0
        has_after = len(types) > 0 and after[np.ix_(types, p.covering)].sum() > 0
        for row in rows:
            sums[row][0] += p.weight
            sums[row][1] += p.weight * has_before
            sums[row][2] += p.weight * has_after
    return [
        CoverageRow(row, calls, 100.0 * b / calls, 100.0 * a / calls)
        for row, (calls, b, a) in sums.items()
        if calls > 0
    ]


def decode(
    solution: CoverSolution,
    roster: Sequence[SimCrew],
    stations: Sequence[Station],
    types: Sequence[CrewType],
) -> tuple[list[Move], list[Reskill], list[Addition]]:
    """Which crews move where and which learn skills: the fewest, shortest changes.

    Per vehicle kind, today's crews are matched to the model's places (a
    station and a type) at least cost: staying is free, moving costs its
    distance plus a fixed charge, a missing skill costs a training.
    """
    station_of = {s.id: j for j, s in enumerate(stations)}
    lat = np.array([s.lat for s in stations])
    lon = np.array([s.lon for s in stations])
    moves: list[Move] = []
    reskills: list[Reskill] = []
    additions: list[Addition] = []
    for kind in KINDS:
        slots = [
            (j, t)
            for t, ct in enumerate(types)
            if ct.kind is kind
            for j in range(len(stations))
            for _ in range(int(solution.crews[t, j]))
        ]
        crews = sorted((c for c in roster if c.vehicle_kind is kind), key=lambda c: c.id)
        if not slots:
            continue
        cost = np.zeros((len(crews), len(slots)))
        slot_station = np.array([j for j, _ in slots])
        for c, crew in enumerate(crews):
            home = station_of[crew.depot_id]
            km = haversine_km_many(
                stations[home].lat, stations[home].lon, lat[slot_station], lon[slot_station]
            )
            cost[c] = np.where(slot_station == home, 0.0, 10_000.0 + km)
            missing = np.array([len(types[t].skills - crew.skills) for _, t in slots])
            # A crew fills the place of its own type first, so a new crew is not given
            # a skill only because a trained one went to a plainer place.
            surplus = np.array([len(crew.skills - types[t].skills) for _, t in slots])
            cost[c] += 1_000.0 * missing + 1.0 * surplus
        rows, cols = linear_sum_assignment(cost)
        taken = set()
        for c, s in zip(rows.tolist(), cols.tolist(), strict=True):
            crew = crews[c]
            j, t = slots[s]
            taken.add(s)
            if j != station_of[crew.depot_id]:
                moves.append(Move(crew, stations[j], stations[station_of[crew.depot_id]]))
            missing_skills = types[t].skills - crew.skills
            if missing_skills:
                reskills.append(Reskill(crew, frozenset(missing_skills), stations[j]))
        for s, (j, t) in enumerate(slots):
            if s not in taken:
                additions.append(Addition(kind, types[t].skills, stations[j]))
    moves.sort(key=lambda m: (m.source.code, m.crew.call_sign))
    reskills.sort(key=lambda r: r.crew.call_sign)
    additions.sort(key=lambda a: (a.station.code, a.kind.value))
    return moves, reskills, additions


def make_plan(
    scenario: Scenario,
    roster: Sequence[SimCrew],
    depots: Sequence[dict[str, Any]],
    *,
    seed: int,
    budget: int,
    cities: Sequence[City],
    area: ServiceArea,
    settings: PlanSettings | None = None,
    routing: EstimatedRouting | None = None,
    sla: SlaTargets | None = None,
) -> Plan:
    """Plan where today's crews (and up to ``budget`` new ones) should stand."""
    settings = settings or PlanSettings()
    routing = routing or EstimatedRouting()
    stations = stations_of(depots)
    types = crew_types()
    today = today_counts(roster, stations, types)
    points = demand_points(
        scenario, seed=seed, days=settings.days, cities=cities, area=area, sla=sla
    )
    peak = peak_share(scenario, routing.eta.default)
    instance, plan_points = build_instance(
        points, stations, types, today, settings=settings, routing=routing, peak=peak
    )
    solution = solve(
        instance,
        costs=settings.costs,
        budget=budget,
        time_limit=settings.time_limit,
        gap=settings.gap,
    )
    moves, reskills, additions = decode(solution, roster, stations, types)
    return Plan(
        scenario=scenario,
        seed=seed,
        budget=budget,
        moves=moves,
        reskills=reskills,
        additions=additions,
        coverage=coverage_rows(plan_points, today, solution.crews),
        solution=solution,
        points=len(plan_points),
    )


def kind_label(kind: VehicleKind) -> str:
    """A vehicle kind in plain words ("heavy wrecker")."""
    return kind.value.lower().replace("_", " ").replace("ev ", "EV ")
