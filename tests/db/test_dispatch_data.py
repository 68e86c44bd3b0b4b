"""The dispatch engine fed from the database: workload, partner record, crews finishing a job."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine

from console.core.dispatch import DispatchWeights
from console.core.sla import SlaTargets
from console.core.vocab import CrewStatus, RequestStatus
from console.db.backend import DatabaseBackend
from console.db.dispatch_data import load_crew_infos
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.db.helpers import drive_to
from tests.support.principals import desk


def test_crew_infos_carry_workload_quality_and_finishing_time(
    services: Services, engine: Engine, clock: FakeClock
) -> None:
    done = drive_to(services, engine, RequestStatus.COMPLETED)
    assert done.assigned_crew_id == 1
    on_scene = drive_to(services, engine, RequestStatus.ON_SCENE, service_type="LOCKOUT")
    busy = on_scene.assigned_crew_id
    assert busy == 1, "the test helper hands every job to the first free crew"
    infos = {c.id: c for c in load_crew_infos(engine, clock.now)}
    assert 5 not in infos and 6 not in infos, "off duty and out of service are never loaded"
    assert infos[1].recent_jobs == 2
    assert infos[1].partner_quality > 0.9, "one completed job lifts a partner above the 90 % prior"
    finishing = infos[busy]
    assert finishing.status is CrewStatus.ON_SCENE
    assert finishing.free_at == clock.now + timedelta(minutes=15), "a lockout takes about 15 min"
    assert (finishing.free_lat, finishing.free_lon) == (on_scene.lat, on_scene.lon)
    clock.advance(minutes=40)
    late = {c.id: c for c in load_crew_infos(engine, clock.now, DispatchWeights())}[busy]
    assert late.free_at == clock.now + timedelta(minutes=5), "an overrun job gets five more minutes"


def test_backend_suggestions_follow_the_data(
    engine: Engine, clock: FakeClock, services: Services
) -> None:
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock)
    request = drive_to(services, engine, RequestStatus.QUEUED)
    first = backend.suggest(request.id).suggestions[0]
    services.set_crew_status(first.crew_id, CrewStatus.OFF_DUTY)
    again = backend.suggest(request.id).suggestions
    assert first.crew_id not in {s.crew_id for s in again}, "a write invalidates the cached fleet"
    proposal = backend.propose()
    assert [item.request_id for item in proposal.items] == [request.id]


def test_the_backends_proposals_keep_the_centres_assignment_target(
    engine: Engine, clock: FakeClock, services: Services
) -> None:
    relaxed = SlaTargets(assign_minutes=10)
    backend = DatabaseBackend(engine, principal=desk("dispatcher:test"), clock=clock, sla=relaxed)
    assert backend.advisor().sla.assign_minutes == 10, "the [sla] setting, not the default"


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, str(root / "main.py"), *argv],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_suggest_and_optimise_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert run("seed", "--db", url, "--requests", "30").returncode == 0
    proposal = run("optimise", "--db", url, "--json")
    assert proposal.returncode == 0, proposal.stderr
    document = json.loads(proposal.stdout)
    assert document["requests"] >= 1 and document["objective"] <= document["baseline_objective"]
    reference = document["items"][0]["request"]
    ranked = run("suggest", reference.lower(), "--db", url, "--json")
    assert ranked.returncode == 0, ranked.stderr
    suggestions = json.loads(ranked.stdout)["suggestions"]
    assert suggestions and suggestions[0]["rank"] == 1 and "ETA" in suggestions[0]["summary"]
    text = run("suggest", reference, "--db", url)
    assert text.stdout.startswith(reference)
    missing = run("suggest", "RA-19990101-0001", "--db", url)
    assert (
        missing.returncode != 0
        and missing.stderr.strip() == "error: There is no request RA-19990101-0001."
    )
