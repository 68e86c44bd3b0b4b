"""The ``cover`` dispatch policy: nearest crew, unless that strips an area of its cover."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from console.core.dispatch import RequestInfo
from console.core.vocab import Priority
from console.sim.cover.coverage import ProvinceCover, added, marginal
from console.sim.cover.forecast import DemandForecast, coming_hour
from console.sim.policy import Assignment, DispatchView, FleetView, Relocation

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class CoverSettings:
    """The policy's knobs (the chosen values and why: :mod:`console.sim.cover`)."""

    minutes_per_call: float = 200.0
    """lambda: ETA minutes worth one expected covered call in the coming hour."""
    tolerance_minutes: float = 20.0
    """Only crews at most this much slower than the nearest are weighed."""
    p1_nearest: bool = True
    """P1 (safety) requests always get the nearest crew."""
    rebalance_minutes: float = 15.0
    """How often idle crews are reviewed for move-up."""
    moves_per_interval: int = 10
    """Move-ups per province and review."""
    min_gain: float = 0.00012
    """Expected covered calls in the coming hour a move must add (see ``relative_gain``)."""
    relative_gain: bool = True
    """``min_gain`` is a share of the whole twin's expected calls in the coming hour (so the
    rule holds at any volume); False: an absolute number of calls."""
    max_drive_minutes: float = 300.0
    only_at_depot: bool = False
    """Move only crews standing at their depot (not those driving back from a job)."""
    cooldown_hours: float = 2.0
    """A crew is moved out at most once in this time."""
    min_stay_minutes: float = 60.0
    """A moved crew stays at least this long before it is sent home."""
    return_slack: float = 0.0
    """A moved crew goes home once that costs at most this much expected cover."""
    max_away_hours: float = 24.0
    busy_floor: float = 0.05
    """Lower bound on q, the chance that a crew is busy."""
    reach: float = 1.0
    """A depot covers a demand point when the drive takes at most this share of its target."""
    p1_weight: float = 1.0
    """How much more a P1 call's cover counts than another call's."""


@dataclass
class _Fleet:
    """Static tables of the day's roster, built on the policy's first look at the twin."""

    forecast: DemandForecast
    provinces: dict[str, ProvinceCover]
    region: list[str]
    members: dict[str, IntArray]
    capable: FloatArray
    """Crew x need class: 1.0 where the crew may serve the class."""
    kind_of: IntArray
    """Crew -> capability type (crews with equal rows of ``capable``)."""
    types: FloatArray
    home: IntArray
    local: IntArray
    """Depot id -> index within its province."""
    depot_lat: FloatArray
    depot_lon: FloatArray
    index: IntArray
    """Crew id -> crew index."""
    ids: IntArray
    """Crew index -> crew id."""
    moved_at: FloatArray
    """Crew index -> minute it was last moved out (-inf: never)."""
    hourly: FloatArray
    """Expected calls per hour of the day, the whole twin."""


@dataclass
class _Province:
    """One province's cover as of this dispatch pass (updated as crews are taken)."""

    cover: ProvinceCover
    matrix: FloatArray
    counts: FloatArray
    demand: FloatArray
    busy: float
    value: FloatArray | None = None
    """What the last crew adds at each point and class (None: recompute)."""
    extra: FloatArray | None = None
    """What one more crew would add at each point and class (None: recompute)."""
    worth: dict[bytes, tuple[FloatArray, FloatArray]] = field(default_factory=dict)
    """Per capability row: (``more``, ``last``) summed over the classes it serves."""

    def last(self) -> FloatArray:
        """``d (1-q) q^(k-1)``: what the last of the ``k`` crews adds (points x classes)."""
        if self.value is None:
            self.value = marginal(self.demand, self.counts, self.busy)
        return self.value

    def more(self) -> FloatArray:
        """``d (1-q) q^k``: what one more crew would add (points x classes)."""
        if self.extra is None:
            self.extra = added(self.demand, self.counts, self.busy)
        return self.extra

    def loss(self, stations: IntArray, capable: FloatArray) -> FloatArray:
        """Expected covered calls lost if each crew (station, capability row) left."""
        lost: FloatArray = np.einsum("np,pc,nc->n", self.matrix[stations], self.last(), capable)
        return lost

    def shift(self, origin: int | None, target: int | None, capable: FloatArray) -> None:
        """A crew of this capability leaves ``origin`` and/or is based at ``target``."""
        change = np.zeros(self.matrix.shape[1])
        if origin is not None:
            change -= self.matrix[origin]
        if target is not None:
            change += self.matrix[target]
        self.counts = self.counts + np.outer(change, capable)
        self.value = self.extra = None
        self.worth.clear()

    def _worth(self, capable: FloatArray) -> tuple[FloatArray, FloatArray]:
        key = capable.tobytes()
        pair = self.worth.get(key)
        if pair is None:
            pair = (self.more() @ capable, self.last() @ capable)
            self.worth[key] = pair
        return pair

    def gain_between(self, capable: FloatArray, origin: int, target: int) -> float:
        """Expected covered calls gained by moving one crew from ``origin`` to ``target``."""
        stay, leave = self._worth(capable)
        row = self.matrix[origin]
        value = row * leave + (1 - row) * stay
        return float(self.matrix[target] @ value - row @ value)

    def gains(
        self, capable: FloatArray, origins: IntArray, floor: float
    ) -> tuple[FloatArray, IntArray]:
        """Expected covered calls gained by moving a crew of this capability from A to B.

        Rows: ``origins``; columns: the returned target depots, only those where one
        more crew could add more than ``floor`` (the bound ``cover[B] @ more``: a
        move never gains more than its target depot alone adds). Leaving A lowers
        the count at A's points by one, so a crew there is worth ``last``, and
        ``more`` elsewhere.
        """
        stay, leave = self._worth(capable)
        targets = np.flatnonzero(self.matrix @ stay > floor)
        if not len(targets) or not len(origins):
            return np.zeros((len(origins), 0)), targets
        rows = self.matrix[origins]
        value = rows * leave[None, :] + (1 - rows) * stay[None, :]
        gains: FloatArray = value @ self.matrix[targets].T - (value * rows).sum(axis=1)[:, None]
        return gains, targets


class CoveragePolicy:
    """Nearest crew, weighed against the expected cover it takes away; move-up of idle crews."""

    name = "cover"
    single_pass = False

    def __init__(self, settings: CoverSettings | None = None) -> None:
        self.settings = settings or CoverSettings()
        self.rebalance_minutes = self.settings.rebalance_minutes
        self._fleet: _Fleet | None = None

    # ------------------------------------------------------------ dispatch

    def choose(self, view: DispatchView, queue: Sequence[int]) -> list[Assignment]:
        """Queue order; each request takes the best of its nearly-nearest crews by ETA + lambda x loss."""
        engine = view.engine()
        requests = [view.request(call) for call in queue]
        graph = engine.candidate_graph(requests)
        fleet_of = getattr(view, "fleet", None)
        twin: FleetView | None = fleet_of() if fleet_of is not None else None
        tables = self._tables(twin) if twin is not None else None
        provinces: dict[str, _Province] = {}
        taken: set[int] = set()
        chosen: list[Assignment] = []
        for call, request, (idx, eta) in zip(queue, requests, graph, strict=True):
            if not len(idx):
                continue
            ids = engine.ids[idx]
            order = [p for p in np.lexsort((ids, eta)).tolist() if int(ids[p]) not in taken]
            if not order:
                # Every candidate went to an older request: ask again with a fresh engine.
                break
            pick = order[0]
            # P1 is a safety call: any minute added to its drive is a risk to the caller,
            # and its 30-minute town target leaves no slack to trade for cover.
            weigh = len(order) > 1 and not (
                self.settings.p1_nearest and request.priority is Priority.P1
            )
            if tables is not None and twin is not None and weigh:
                waited = (
                    (engine.now - request.queued_at).total_seconds() / 60
                    if request.queued_at is not None
                    else 0.0
                )
                pick = self._weigh(
                    request=request, waited=waited, order=order, ids=ids, eta=eta,
                    tables=tables, twin=twin, provinces=provinces,
                )  # fmt: skip
            crew_id = int(ids[pick])
            taken.add(crew_id)
            chosen.append(Assignment(call, crew_id))
            if tables is not None and twin is not None:
                i = int(tables.index[crew_id])
                province = self._province(tables, twin, tables.region[i], provinces)
                if province is not None:
                    station = int(tables.local[int(twin.station[i])])
                    province.shift(station, None, tables.capable[i])
        return chosen

    def _weigh(
        self,
        *,
        request: RequestInfo,
        waited: float,
        order: list[int],
        ids: IntArray,
        eta: FloatArray,
        tables: _Fleet,
        twin: FleetView,
        provinces: dict[str, _Province],
    ) -> int:
        """The candidate with the smallest ETA + lambda x coverage loss, within the limits."""
        s = self.settings
        best = order[0]
        remaining = twin.sla.arrival_minutes[request.priority][request.road_type] - waited
        limit = float(eta[best]) + s.tolerance_minutes
        if float(eta[best]) <= remaining:
            limit = min(limit, remaining)
        near = [p for p in order if float(eta[p]) <= limit]
        if len(near) < 2:
            return best
        crews = tables.index[ids[near]]
        score = eta[near].astype(float)
        for region in {tables.region[int(i)] for i in crews}:
            province = self._province(tables, twin, region, provinces)
            if province is None:
                continue
            rows = np.flatnonzero(np.array([tables.region[int(i)] == region for i in crews]))
            stations = tables.local[twin.station[crews[rows]]]
            score[rows] += s.minutes_per_call * province.loss(stations, tables.capable[crews[rows]])
        ranked = np.lexsort((ids[near], eta[near], score))
        return near[int(ranked[0])]

    def _province(
        self, tables: _Fleet, twin: FleetView, region: str, provinces: dict[str, _Province]
    ) -> _Province | None:
        province = provinces.get(region)
        if province is None:
            cover = tables.provinces.get(region)
            if cover is None:
                return None
            province = self._state(tables, twin, cover)
            provinces[region] = province
        return province

    def _state(self, tables: _Fleet, twin: FleetView, cover: ProvinceCover) -> _Province:
        members = tables.members[cover.region]
        free = members[twin.free[members]]
        hour = int(twin.minute // 60)
        stations = tables.local[twin.station[free]]
        counts = cover.counts(stations, tables.capable[free], hour)
        busy = min(0.9, max(self.settings.busy_floor, 1 - len(free) / max(1, len(members))))
        return _Province(cover, cover.cover(hour), counts, cover.demand(twin.minute), busy)

    # ------------------------------------------------------------ move-up

    def rebalance(self, fleet: FleetView, minute: float) -> list[Relocation]:
        """Send moved crews home once not needed, then fill the worst gaps (greedy, DMEXCLP)."""
        tables = self._tables(fleet)
        if tables is None:
            return []
        orders: list[Relocation] = []
        s = self.settings
        least = (
            s.min_gain * float(coming_hour(tables.hourly, minute))
            if s.relative_gain
            else s.min_gain
        )
        for region in sorted(tables.provinces):
            orders += self._rebalance_province(
                tables, fleet, tables.provinces[region], minute, least
            )
        for order in orders:
            i = int(tables.index[order.crew_id])
            if order.depot_id != tables.home[i]:
                tables.moved_at[i] = minute
        return orders

    def _rebalance_province(
        self, tables: _Fleet, fleet: FleetView, cover: ProvinceCover, minute: float, least: float
    ) -> list[Relocation]:
        s = self.settings
        members = tables.members[cover.region]
        free = fleet.free[members]
        crews = members[free]
        away = crews[fleet.station[crews] != tables.home[crews]]
        demand = cover.demand(minute)
        if not len(away) and demand.sum() < least:
            return []
        state = self._state(tables, fleet, cover)
        drive = cover.drive()
        orders: list[Relocation] = []
        for i in away.tolist():
            station = int(tables.local[int(fleet.station[i])])
            home = int(tables.local[int(tables.home[i])])
            stay = minute - float(tables.moved_at[i])
            if stay < s.min_stay_minutes:
                continue
            gain = state.gain_between(tables.capable[i], station, home)
            # A rounding hair below zero is no cost.
            if gain >= -s.return_slack - 1e-12 or stay >= s.max_away_hours * 60:
                orders.append(Relocation(int(tables.ids[i]), int(tables.home[i])))
                state.shift(station, home, tables.capable[i])
        at_home = (fleet.station[crews] == tables.home[crews]) & (
            minute - tables.moved_at[crews] >= s.cooldown_hours * 60
        )
        if s.only_at_depot:
            at_home &= (fleet.crew_lat[crews] == tables.depot_lat[fleet.station[crews]]) & (
                fleet.crew_lon[crews] == tables.depot_lon[fleet.station[crews]]
            )
        ready = crews[at_home]
        moved: set[int] = set()
        for _ in range(s.moves_per_interval):
            best: tuple[float, int, int] | None = None
            for kind in np.unique(tables.kind_of[ready]).tolist():
                group = ready[(tables.kind_of[ready] == kind)]
                group = np.array([i for i in group.tolist() if i not in moved], dtype=np.int64)
                if not len(group):
                    continue
                origins = np.unique(tables.local[fleet.station[group]])
                floor = least if best is None else max(least, best[0])
                gains, targets = state.gains(tables.types[kind], origins, floor)
                if not gains.size:
                    continue
                gains[drive[origins][:, targets] > s.max_drive_minutes] = -np.inf
                gains[origins[:, None] == targets[None, :]] = -np.inf
                row, col = np.unravel_index(int(np.argmax(gains)), gains.shape)
                gain, column = float(gains[row, col]), int(targets[col])
                if gain > least and (best is None or gain > best[0]):
                    origin = int(origins[row])
                    crew = min(
                        i
                        for i in group.tolist()
                        if int(tables.local[int(fleet.station[i])]) == origin
                    )
                    best = (gain, crew, int(column))
            if best is None:
                break
            _, crew, target = best
            origin = int(tables.local[int(fleet.station[crew])])
            orders.append(Relocation(int(tables.ids[crew]), cover.depot_ids[target]))
            state.shift(origin, target, tables.capable[crew])
            moved.add(crew)
        return orders

    # ------------------------------------------------------------ tables

    def _tables(self, fleet: FleetView) -> _Fleet | None:
        if self._fleet is not None:
            return self._fleet
        forecast = fleet.forecast
        if forecast is None:
            return None
        roster = fleet.roster
        depots: dict[int, tuple[float, float, str]] = {}
        for crew in roster:
            depots.setdefault(crew.depot_id, (crew.depot_lat, crew.depot_lon, crew.region))
        size = max(depots) + 1
        local = np.full(size, -1, dtype=np.int64)
        depot_lat = np.zeros(size)
        depot_lon = np.zeros(size)
        sla = fleet.sla
        urgent = np.array(
            [
                minutes == sla.arrival_minutes[Priority.P1][road]
                for road, minutes in zip(forecast.road, forecast.target.tolist(), strict=True)
            ],
            dtype=bool,
        )
        weight = np.where(urgent, self.settings.p1_weight, 1.0)
        provinces: dict[str, ProvinceCover] = {}
        for region in sorted({r for *_, r in depots.values()}):
            ids = sorted(d for d, (*_, r) in depots.items() if r == region)
            local[ids] = np.arange(len(ids))
            lat = np.array([depots[d][0] for d in ids])
            lon = np.array([depots[d][1] for d in ids])
            depot_lat[ids], depot_lon[ids] = lat, lon
            provinces[region] = ProvinceCover(
                region,
                depot_ids=ids,
                depot_lat=lat,
                depot_lon=lon,
                forecast=forecast,
                routing=fleet.routing,
                reach=self.settings.reach,
                weight=weight,
            )
        from console.core.dispatch import skill_mask

        capable = np.array(
            [
                [
                    float(need.served_by(c.vehicle_kind, skill_mask(c.skills)))
                    for need in forecast.classes
                ]
                for c in roster
            ],
            dtype=float,
        ).reshape(len(roster), len(forecast.classes))
        types, kind_of = np.unique(capable, axis=0, return_inverse=True)
        regions = [c.region for c in roster]
        members = {
            r: np.flatnonzero(np.array([x == r for x in regions], dtype=bool)) for r in provinces
        }
        index = np.full(max(c.id for c in roster) + 1, -1, dtype=np.int64)
        index[[c.id for c in roster]] = np.arange(len(roster))
        self._fleet = _Fleet(
            forecast=forecast,
            provinces=provinces,
            region=regions,
            members=members,
            capable=capable,
            kind_of=kind_of.reshape(-1).astype(np.int64),
            types=types,
            home=np.array([c.depot_id for c in roster], dtype=np.int64),
            local=local,
            depot_lat=depot_lat,
            depot_lon=depot_lon,
            index=index,
            ids=np.array([c.id for c in roster], dtype=np.int64),
            moved_at=np.full(len(roster), -np.inf),
            hourly=forecast.rate.sum(axis=(1, 2)),
        )
        return self._fleet
