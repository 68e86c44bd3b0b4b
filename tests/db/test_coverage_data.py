"""Coverage now from the database: the free crews, measured against the P2 urban arrival target.

The fixture fleet stands in Hangzhou: a flatbed (EV-certified), a wheel-lift, a
bilingual service van and a certified EV van are free; the heavy wrecker is off
duty and a flatbed out of service. No other city is within an hour of them.
"""

from __future__ import annotations

from sqlalchemy import Engine

from console.core.fleet_layout import load_cities
from console.core.reach import city_places
from console.core.sla import SlaTargets
from console.core.vocab import CrewStatus, Priority, RoadType
from console.db.backend import DatabaseBackend
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.support.principals import desk

HANGZHOU = "330100"


def test_free_crews_are_the_available_ones(engine: Engine, fleet: list[int]) -> None:
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"))
    assert [c.call_sign for c in backend.free_crews()] == ["HZ-01", "HZ-02", "HZ-03", "HZ-04"]
    assert all(c.status is CrewStatus.AVAILABLE for c in backend.free_crews())


def test_coverage_now_counts_hangzhou_for_each_capability_its_free_crews_bring(
    engine: Engine, clock: FakeClock, services: Services
) -> None:
    backend = DatabaseBackend(engine, principal=desk("supervisor:test"), clock=clock)
    places = city_places(load_cities())
    hangzhou = next(p for p in places if p.key == HANGZHOU)
    share = hangzhou.weight / sum(p.weight for p in places)
    coverage = backend.coverage_now()
    assert coverage.target_minutes == 60 and coverage.crews == 4
    shares = {g.group.key: g.share for g in coverage.groups}
    assert shares == {
        "tow": share, "flatbed": share, "heavy": 0.0, "ev": share, "van": share,
        "bilingual": share,
    }  # fmt: skip
    worst = coverage.holes[0]
    assert (worst.group, worst.minutes) == ("heavy", None), "no heavy wrecker is free anywhere"
    assert {h.place.key for h in coverage.holes if h.group == "tow"} == {
        p.key for p in places if p.key != HANGZHOU
    }

    services.set_crew_status(3, CrewStatus.OFF_DUTY)  # the only bilingual crew goes home
    after = backend.coverage_now()
    assert after.share_of("bilingual").share == 0.0, "a write is seen at once, not after the cache"
    assert after.share_of("van").share == share, "the EV van still covers the town"


def test_the_target_is_the_configured_p2_urban_arrival(engine: Engine, fleet: list[int]) -> None:
    targets = SlaTargets()
    arrival = {p: dict(r) for p, r in targets.arrival_minutes.items()}
    arrival[Priority.P2][RoadType.URBAN] = 45
    backend = DatabaseBackend(
        engine, principal=desk("supervisor:test"), sla=SlaTargets(arrival_minutes=arrival)
    )
    assert backend.coverage_now().target_minutes == 45
