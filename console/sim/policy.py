"""Dispatch policies: how the simulated centre picks crews, all through the console's engine.

* ``nearest`` - the usual baseline: in queue order, each request gets the
  nearest free capable crew (by ETA, the engine's candidate search).
* ``suggest`` - what a dispatcher clicking the engine's first suggestion does,
  request by request in queue order (score: ETA + workload and quality terms).
* ``optimise`` - the engine's whole-queue proposal, accepted as is at every event.
* ``cover`` - nearest, but between crews with similar ETAs it keeps the one whose
  departure would leave an area uncovered, and it moves idle crews to fill gaps
  (see :mod:`console.sim.cover`).

A policy may also move idle crews: when it has a ``rebalance(fleet, minute)``
method, the simulator calls it every ``rebalance_minutes`` with a
:class:`FleetView` and applies the :class:`Relocation` orders it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from console.core.dispatch import DispatchEngine, RequestInfo
from console.core.eta import RoutingProvider
from console.core.sla import SlaTargets
from console.sim.fleet import SimCrew

if TYPE_CHECKING:
    from console.sim.cover.forecast import DemandForecast


@dataclass(frozen=True, slots=True)
class Assignment:
    """One decision: this request (a call index) gets this crew."""

    call: int
    crew_id: int


@dataclass(frozen=True, slots=True)
class Relocation:
    """One move-up order: this idle crew drives to this depot and is based there."""

    crew_id: int
    depot_id: int


class FleetView(Protocol):
    """What a policy sees of the whole twin: every crew, where it is based, the demand forecast.

    Arrays are indexed like ``roster`` and always show the present moment.
    """

    @property
    def roster(self) -> Sequence[SimCrew]:
        """Every crew of the day."""
        ...

    @property
    def forecast(self) -> DemandForecast | None:
        """Expected calls by place, hour and need class (None: not known)."""
        ...

    @property
    def routing(self) -> RoutingProvider:
        """The travel-time model the twin drives with."""
        ...

    @property
    def sla(self) -> SlaTargets:
        """The arrival targets the day is measured against."""
        ...

    @property
    def minute(self) -> float:
        """Minutes after the day's midnight."""
        ...

    @property
    def free(self) -> npt.NDArray[np.bool_]:
        """True for crews free to take a job."""
        ...

    @property
    def station(self) -> npt.NDArray[np.int64]:
        """Depot id each crew is based at: its own, or the one it was moved to."""
        ...

    @property
    def crew_lat(self) -> npt.NDArray[np.float64]:
        """Where each crew is (a driving crew shows where it set off)."""
        ...

    @property
    def crew_lon(self) -> npt.NDArray[np.float64]:
        """Where each crew is (a driving crew shows where it set off)."""
        ...


class DispatchView(Protocol):
    """What a policy sees of one dispatch area at one moment."""

    def engine(self) -> DispatchEngine:
        """The engine over the area's free crews, as of now."""
        ...

    def request(self, call: int) -> RequestInfo:
        """The engine's view of a queued call."""
        ...


class Policy(Protocol):
    """Chooses crews for queued calls."""

    name: str
    single_pass: bool
    """True when one call settles the queue (a joint plan); else the simulator
    calls again after applying the choices, until nothing more is assigned."""

    def choose(self, view: DispatchView, queue: Sequence[int]) -> list[Assignment]:
        """Assignments for calls in ``queue`` (oldest first); each crew at most once."""
        ...


class NearestFreeCrew:
    """Queue order; each request takes its nearest (smallest ETA) free capable crew."""

    name = "nearest"
    single_pass = False

    def choose(self, view: DispatchView, queue: Sequence[int]) -> list[Assignment]:
        """Greedy in queue order over the engine's candidate lists."""
        engine = view.engine()
        graph = engine.candidate_graph([view.request(call) for call in queue])
        taken: set[int] = set()
        chosen: list[Assignment] = []
        for call, (idx, eta) in zip(queue, graph, strict=True):
            if not len(idx):
                continue
            ids = engine.ids[idx]
            for position in np.lexsort((ids, eta)).tolist():
                crew_id = int(ids[position])
                if crew_id not in taken:
                    taken.add(crew_id)
                    chosen.append(Assignment(call, crew_id))
                    break
            else:
                # Every candidate went to an older request: ask again with a fresh engine.
                break
        return chosen


class FirstSuggestion:
    """Queue order; each request takes the engine's first suggestion (one click)."""

    name = "suggest"
    single_pass = False

    def __init__(self, limit: int = 1) -> None:
        self.limit = limit

    def choose(self, view: DispatchView, queue: Sequence[int]) -> list[Assignment]:
        """The best-ranked suggestion not already taken in this pass."""
        engine = view.engine()
        taken: set[int] = set()
        chosen: list[Assignment] = []
        for call in queue:
            result = engine.suggest(view.request(call), limit=self.limit)
            if not result.suggestions:
                continue
            pick = next((s for s in result.suggestions if s.crew_id not in taken), None)
            if pick is None:
                break
            taken.add(pick.crew_id)
            chosen.append(Assignment(call, pick.crew_id))
        return chosen


class WholeQueueOptimiser:
    """The engine's joint proposal for the queue (it may leave a request for later)."""

    name = "optimise"
    single_pass = True

    def choose(self, view: DispatchView, queue: Sequence[int]) -> list[Assignment]:
        """Every assignment of the engine's proposal."""
        proposal = view.engine().propose([view.request(call) for call in queue])
        return [
            Assignment(item.request_id, item.crew_id)
            for item in proposal.items
            if item.crew_id is not None
        ]


def _cover() -> Policy:
    from console.sim.cover.policy import CoveragePolicy

    return CoveragePolicy()


POLICIES: dict[str, Callable[[], Policy]] = {
    "nearest": NearestFreeCrew,
    "suggest": FirstSuggestion,
    "optimise": WholeQueueOptimiser,
    "cover": _cover,
}
"""Policies by command-line name."""


def make_policy(name: str) -> Policy:
    """A fresh policy by name (KeyError for an unknown name)."""
    return POLICIES[name]()
