"""Runs in other processes: random service-layer operations, reporting what committed.

Used by the fault tests: eight workers racing one database, and a writer
killed with SIGKILL at random moments. Every successful call is one committed
unit of work (one ledger event); a :class:`DomainError` is an expected refusal
that must have written nothing.
"""

from __future__ import annotations

import os
import random
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from console.core.errors import DomainError
from console.core.intake import RequestDraft
from console.core.records import RequestRow
from console.core.vocab import CrewStatus, RequestStatus, ServiceType
from console.db.engine import make_engine
from console.db.models import Crew, Request
from console.db.services import Services
from tests.support.principals import desk

OPERATIONS = {
    "create": 14, "triage": 10, "queue": 10, "assign": 14, "start_journey": 8, "arrive": 8,
    "complete": 7, "cancel": 5, "release": 5, "reassign": 6, "set_crew_status": 6,
    "update_crew_position": 7,
}  # fmt: skip
"""Operation -> relative weight in the random mix."""

# The status a request needs for each operation to have a chance (others are tried rarely).
_WANTS = {
    "triage": RequestStatus.NEW, "queue": RequestStatus.TRIAGE, "assign": RequestStatus.QUEUED,
    "start_journey": RequestStatus.ASSIGNED, "arrive": RequestStatus.EN_ROUTE,
    "complete": RequestStatus.ON_SCENE, "release": RequestStatus.EN_ROUTE,
    "reassign": RequestStatus.ASSIGNED,
}  # fmt: skip


@dataclass
class Outcome:
    """One committed operation: its name and, for request operations, the row read after it."""

    operation: str
    row: RequestRow | None = None


@dataclass
class WorkerLog:
    """What one worker did: committed operations, refusals by code, and anything unexpected."""

    worker: int
    successes: int = 0
    created: list[tuple[int, str]] = field(default_factory=list)
    seen: list[tuple[int, int, str]] = field(default_factory=list)
    """(request id, revision, status) of every request row a committed operation returned."""
    done: Counter[str] = field(default_factory=Counter)
    """Committed operations by name."""
    refusals: Counter[str] = field(default_factory=Counter)
    unexpected: list[str] = field(default_factory=list)


def _draft(rng: random.Random, n: int) -> RequestDraft:
    return RequestDraft(
        caller_phone=f"139{rng.randrange(10**7, 10**8)}",
        caller_name=f"测试{n}",
        lat=round(30.2 + rng.random() / 5, 5),
        lon=round(120.1 + rng.random() / 5, 5),
        service_type=rng.choice([ServiceType.TOW, ServiceType.JUMP_START, ServiceType.LOCKOUT]),
    )


def _pick_request(
    rng: random.Random, statuses: dict[int, RequestStatus], operation: str
) -> int | None:
    if not statuses:
        return None
    wanted = _WANTS.get(operation)
    fitting = [rid for rid, status in statuses.items() if status is wanted]
    if fitting and rng.random() < 0.85:
        return rng.choice(fitting)
    return rng.choice(list(statuses))


def random_operation(
    services: Services, engine: Engine, rng: random.Random, crew_ids: list[int], n: int
) -> Outcome:
    """Perform one random operation; raises DomainError when the service refuses it."""
    operation = rng.choices(list(OPERATIONS), weights=list(OPERATIONS.values()))[0]
    crew = rng.choice(crew_ids)
    if operation == "set_crew_status":
        status = rng.choice(
            [CrewStatus.AVAILABLE] * 3 + [CrewStatus.OFF_DUTY, CrewStatus.OUT_OF_SERVICE]
        )
        services.set_crew_status(crew, status)
        return Outcome(operation)
    if operation == "update_crew_position":
        services.update_crew_position(crew, 30.2 + rng.random() / 5, 120.1 + rng.random() / 5)
        return Outcome(operation)
    if operation == "create":
        return Outcome(operation, services.create_request(_draft(rng, n)))
    with Session(engine) as session:
        statuses = {
            rid: RequestStatus(status)
            for rid, status in session.execute(select(Request.id, Request.status))
        }
    request_id = _pick_request(rng, statuses, operation)
    if request_id is None:
        return Outcome("create", services.create_request(_draft(rng, n)))
    calls = {
        "triage": lambda: services.start_triage(request_id),
        "queue": lambda: services.queue(request_id),
        "assign": lambda: services.assign(request_id, crew, eta_minutes=rng.randrange(5, 60)),
        "start_journey": lambda: services.start_journey(request_id),
        "arrive": lambda: services.arrive(request_id),
        "complete": lambda: services.complete(request_id),
        "cancel": lambda: services.cancel(request_id, f"caller left ({n})"),
        "release": lambda: services.release_crew(request_id, "truck broke down"),
        "reassign": lambda: services.reassign(request_id, crew, "closer crew free"),
    }
    return Outcome(operation, calls[operation]())


def crew_ids_of(engine: Engine) -> list[int]:
    """Every crew id, in order."""
    with Session(engine) as session:
        return list(session.scalars(select(Crew.id).order_by(Crew.id)))


def run_random_operations(url: str, worker: int, operations: int, seed: int) -> WorkerLog:
    """Try ``operations`` random operations as dispatcher ``worker``; log what happened."""
    engine = make_engine(url)
    services = Services(engine, principal=desk(f"dispatcher:{worker}"))
    rng = random.Random(seed * 1000 + worker)
    crews = crew_ids_of(engine)
    log = WorkerLog(worker)
    try:
        for n in range(operations):
            try:
                outcome = random_operation(services, engine, rng, crews, n)
            except DomainError as exc:
                log.refusals[exc.code] += 1
                continue
            except Exception:
                log.unexpected.append(traceback.format_exc())
                continue
            log.successes += 1
            log.done[outcome.operation] += 1
            if outcome.row is not None:
                row = outcome.row
                if outcome.operation == "create":
                    log.created.append((row.id, row.reference))
                log.seen.append((row.id, row.revision, row.status.value))
    finally:
        engine.dispose()
    return log


def write_until_killed(url: str, report: str, seed: int) -> None:
    """Write random operations for ever, appending one line per commit to ``report``.

    Each line (``operation request_id revision status``) is written with one
    ``os.write`` right after the commit returns, so a SIGKILL can lose at most
    the report of the last commit, never report one that did not happen.
    """
    engine = make_engine(url)
    services = Services(engine, principal=desk(f"writer:{seed}"))
    rng = random.Random(seed)
    crews = crew_ids_of(engine)
    descriptor = os.open(report, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.write(descriptor, b"ready\n")
    n = 0
    while True:
        n += 1
        os.write(descriptor, b"begin\n")
        try:
            outcome = random_operation(services, engine, rng, crews, n)
        except DomainError as exc:
            line = f"refused {exc.code}\n"
        else:
            row = outcome.row
            line = (
                f"{outcome.operation} {row.id} {row.revision} {row.status.value}\n"
                if row is not None
                else f"{outcome.operation} - - -\n"
            )
        os.write(descriptor, line.encode())


def wait_until_ready(report: Path, timeout: float = 60.0) -> None:
    """Wait for a writer started with :func:`write_until_killed` to open its database."""
    deadline = time.monotonic() + timeout
    while not (report.exists() and report.read_bytes().startswith(b"ready\n")):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the writer reporting to {report} never started")
        time.sleep(0.01)


@dataclass(frozen=True)
class WriterReport:
    """What a killed writer reported: its commits, and whether it died inside an operation."""

    commits: list[list[str]]
    killed_inside_operation: bool


def read_report(path: Path) -> WriterReport:
    """Parse a killed writer's report (its last line may be cut short)."""
    # A line without its newline was cut by the kill mid-write: not a report.
    lines = path.read_text(encoding="utf-8").split("\n")[:-1]
    commits = [
        line.split(" ")
        for line in lines
        if line not in {"ready", "begin"} and not line.startswith("refused")
    ]
    return WriterReport(commits, killed_inside_operation=lines[-1] == "begin")
