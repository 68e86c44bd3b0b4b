"""The advisor's fleet, read once per business revision and kept across position-only changes.

Reading the whole fleet (crews, their jobs, workload and partner quality) is
the expensive part of a suggestion. Business writes change what it holds and
force a new read; a batch of vehicle fixes changes only where crews are, so
the held fleet is patched with the moved crews' positions (a narrow read of
the crews whose ``position_revision`` rose) and the engine is rebuilt from
it, ranking by the live position without a full read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.core.dispatch import CrewInfo, DispatchEngine
from console.core.ports import ChangeHeads
from console.core.records import CrewPosition

__all__ = ["FleetCache", "moved_fleet"]

_FIELDS = tuple(f.name for f in dataclasses.fields(CrewInfo))


@dataclass(frozen=True, slots=True)
class _Held:
    """One read of the fleet, patched since with positions up to ``position_revision``."""

    revision: int
    read_at: datetime
    position_revision: int
    crews: tuple[CrewInfo, ...]
    engine: DispatchEngine


def moved_fleet(
    crews: Iterable[CrewInfo], positions: Iterable[CrewPosition]
) -> tuple[list[CrewInfo], int]:
    """``crews`` with the positions of those that moved; and how many of them moved.

    Positions of crews outside the fleet (off duty, out of service) are ignored.
    """
    where = {p.id: p for p in positions}
    moved = 0
    patched: list[CrewInfo] = []
    for crew in crews:
        position = where.get(crew.id)
        if position is None or (
            position.lat == crew.lat and position.lon == crew.lon and position.gps_at == crew.gps_at
        ):
            patched.append(crew)
            continue
        values = {name: getattr(crew, name) for name in _FIELDS}
        values.update(lat=position.lat, lon=position.lon, gps_at=position.gps_at)
        patched.append(CrewInfo(**values))
        moved += 1
    return patched, moved


class FleetCache:
    """Holds the dispatch engine for a business revision and an age; follows positions.

    ``get`` rebuilds from a full read when the business revision moved or the
    read is older than ``max_age``; when only the position revision moved it
    patches the held crews with ``moved(since)`` and rebuilds the engine only.
    """

    def __init__(self, max_age: timedelta) -> None:
        self.max_age = max_age
        self._held: _Held | None = None
        self.full_reads = 0
        """How many times the whole fleet was read (tests and benchmarks watch it)."""
        self.position_reads = 0
        """How many times only moved positions were read."""

    def get(
        self,
        heads: ChangeHeads,
        now: datetime,
        load: Callable[[], list[CrewInfo]],
        moved: Callable[[int], Iterable[CrewPosition]],
        build: Callable[[list[CrewInfo], datetime], DispatchEngine],
    ) -> DispatchEngine:
        """The engine for ``heads`` at ``now``: held, patched with moved crews, or built anew."""
        held = self._held
        if held is None or held.revision != heads.revision or now - held.read_at >= self.max_age:
            crews = load()
            self.full_reads += 1
            engine = build(crews, now)
            self._held = _Held(heads.revision, now, heads.position_revision, tuple(crews), engine)
            return engine
        if heads.position_revision <= held.position_revision:
            return held.engine
        self.position_reads += 1
        crews, count = moved_fleet(held.crews, moved(held.position_revision))
        engine = build(crews, now) if count else held.engine
        self._held = dataclasses.replace(
            held, position_revision=heads.position_revision, crews=tuple(crews), engine=engine
        )
        return engine
