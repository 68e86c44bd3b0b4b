"""Tampering with any single ledger event is caught by verify, on SQLite and PostgreSQL.

One ledger per backend is built once; each case tampers with it directly in
the database (as someone with write access to the tables could), checks what
``verify`` says, then puts the original rows back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, delete, insert, select, update

from console.core.ledger import Checkpoint, EventContent, chain_hash
from console.core.vocab import RequestStatus
from console.db import schema
from console.db.audit import make_checkpoint, verify_ledger
from console.db.engine import make_engine
from console.db.models import ChainHead, Event
from console.db.services import Services
from tests.db.conftest import FakeClock, install_fleet
from tests.db.helpers import drive_to
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason
from tests.support.principals import desk

pytestmark = pytest.mark.ledger_tampered

K = 6
"""The event most cases tamper with (somewhere in the middle)."""


@dataclass
class Ledger:
    """A database with a sound ledger of ``count`` events, and its pristine rows."""

    engine: Engine
    count: int
    events: list[dict[str, Any]]
    head: dict[str, Any]

    def restore(self) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(Event))
            connection.execute(insert(Event), self.events)
            connection.execute(update(ChainHead).where(ChainHead.id == 1).values(**self.head))


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def ledger(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Ledger]:
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{tmp_path_factory.mktemp('tamper') / 'l.db'}"])
        yield from _build(next(urls))
        return
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        yield from _build(url)


def _build(url: str) -> Iterator[Ledger]:
    engine = make_engine(url)
    schema.ensure_schema(engine, auto_upgrade=True)
    install_fleet(engine)
    services = Services(engine, principal=desk("dispatcher:tamper"), clock=FakeClock())
    drive_to(services, engine, RequestStatus.COMPLETED)
    drive_to(services, engine, RequestStatus.ASSIGNED, caller_name="李娜")
    with engine.connect() as connection:
        events = [
            dict(row._mapping) for row in connection.execute(select(Event).order_by(Event.seq))
        ]
        head = dict(connection.execute(select(ChainHead.revision, ChainHead.event_count,
                                              ChainHead.head_hash)).one()._mapping)  # fmt: skip
    assert verify_ledger(engine).ok and len(events) > K + 3
    yield Ledger(engine, len(events), events, head)
    engine.dispose()


@pytest.fixture
def sound(ledger: Ledger) -> Iterator[Ledger]:
    """The ledger, verified sound before the case and put back afterwards."""
    assert verify_ledger(ledger.engine).ok
    yield ledger
    ledger.restore()


def _set(seq: int, **values: Any) -> Callable[[Connection, Ledger], None]:
    def tamper(connection: Connection, _ledger: Ledger) -> None:
        connection.execute(update(Event).where(Event.seq == seq).values(**values))

    return tamper


def _shift_time(connection: Connection, ledger: Ledger) -> None:
    at = ledger.events[K - 1]["at"]
    connection.execute(update(Event).where(Event.seq == K).values(at=at + timedelta(seconds=1)))


def _payload(change: Callable[[dict[str, Any]], str]) -> Callable[[Connection, Ledger], None]:
    def tamper(connection: Connection, ledger: Ledger) -> None:
        payload = json.loads(ledger.events[K - 1]["payload"])
        connection.execute(update(Event).where(Event.seq == K).values(payload=change(payload)))

    return tamper


def _reword(payload: dict[str, Any]) -> str:
    payload["reference"] = "RA-20261123-9999"
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _respell(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True)  # same content, other spelling


def _renumber(connection: Connection, _ledger: Ledger) -> None:
    connection.execute(update(Event).where(Event.seq == K).values(seq=10_000))


def _swap(connection: Connection, _ledger: Ledger) -> None:
    connection.execute(update(Event).where(Event.seq == K).values(seq=-1))
    connection.execute(update(Event).where(Event.seq == K + 1).values(seq=K))
    connection.execute(update(Event).where(Event.seq == -1).values(seq=K + 1))


def _delete(seq: int) -> Callable[[Connection, Ledger], None]:
    def tamper(connection: Connection, _ledger: Ledger) -> None:
        connection.execute(delete(Event).where(Event.seq == seq))

    return tamper


def _forged(ledger: Ledger, seq: int, prev_hash: str) -> dict[str, Any]:
    """A well-formed event claiming to follow ``prev_hash``: what a forger would write."""
    template = ledger.events[K - 1]
    content = EventContent(seq, template["at"], "intruder", "request.cancelled",
                           template["request_id"], None, {"reason": "forged"},
                           template["revision"])  # fmt: skip
    return {"seq": seq, "at": content.at, "actor": content.actor, "kind": content.kind,
            "request_id": content.request_id, "crew_id": None,
            "payload": json.dumps({"reason": "forged"}, separators=(",", ":")),
            "prev_hash": prev_hash, "hash": chain_hash(prev_hash, content),
            "revision": content.revision}  # fmt: skip


def _insert_inside(connection: Connection, ledger: Ledger) -> None:
    # Make room at K (two steps: PostgreSQL checks the key on every row), then forge event K.
    connection.execute(update(Event).where(Event.seq >= K).values(seq=Event.seq + 100_000))
    connection.execute(update(Event).where(Event.seq >= 100_000).values(seq=Event.seq - 99_999))
    connection.execute(insert(Event), [_forged(ledger, K, ledger.events[K - 2]["hash"])])


def _append(connection: Connection, ledger: Ledger) -> None:
    connection.execute(
        insert(Event), [_forged(ledger, ledger.count + 1, ledger.events[-1]["hash"])]
    )


def _truncate(connection: Connection, ledger: Ledger) -> None:
    connection.execute(delete(Event).where(Event.seq > ledger.count - 3))


def _head_hash(connection: Connection, _ledger: Ledger) -> None:
    connection.execute(update(ChainHead).values(head_hash="f" * 64))


CASES: dict[str, tuple[Callable[[Connection, Ledger], None], Callable[[Ledger], int]]] = {
    "time": (_shift_time, lambda _: K),
    "actor": (_set(K, actor="intruder"), lambda _: K),
    "kind": (_set(K, kind="request.completed"), lambda _: K),
    "request_id": (_set(K, request_id=999), lambda _: K),
    "crew_id": (_set(K, crew_id=999), lambda _: K),
    "payload content": (_payload(_reword), lambda _: K),
    "payload spelling": (_payload(_respell), lambda _: K),
    "revision": (_set(K, revision=99_999), lambda _: K),
    "row changes": (_set(K, changes="[]"), lambda _: K),
    "prev_hash": (_set(K, prev_hash="0" * 64), lambda _: K),
    "hash": (_set(K, hash="e" * 64), lambda _: K),
    "seq renumbered": (_renumber, lambda _: K),
    "two events swapped": (_swap, lambda _: K),
    "event deleted": (_delete(K), lambda _: K),
    "first event deleted": (_delete(1), lambda _: 1),
    "last event deleted": (lambda c, ledger: _delete(ledger.count)(c, ledger), lambda x: x.count),
    "event inserted": (_insert_inside, lambda _: K + 1),
    "event appended": (_append, lambda x: x.count + 1),
    "tail truncated": (_truncate, lambda x: x.count - 2),
    "head hash altered": (_head_hash, lambda x: x.count),
}


@pytest.mark.parametrize("case", list(CASES))
def test_any_single_tampering_is_found_and_named(sound: Ledger, case: str) -> None:
    tamper, first_bad = CASES[case]
    with sound.engine.begin() as connection:
        tamper(connection, sound)
    report = verify_ledger(sound.engine)
    assert not report.ok
    assert report.first_bad_seq == first_bad(sound), report.problem
    assert f"event {first_bad(sound)}" in report.problem or "head" in report.problem


def _rewrite_from(
    seq: int, *, truncate_to: int | None = None
) -> Callable[[Connection, Ledger], None]:
    """Rewrite the chain from ``seq`` on, recomputing every hash and the head: a careful forger."""

    def tamper(connection: Connection, ledger: Ledger) -> None:
        last = truncate_to or ledger.count
        connection.execute(delete(Event).where(Event.seq >= seq))
        prev = ledger.events[seq - 2]["hash"]
        rows = []
        for original in ledger.events[seq - 1 : last]:
            content = EventContent(original["seq"], original["at"], "intruder", original["kind"],
                                   original["request_id"], original["crew_id"],
                                   json.loads(original["payload"]), original["revision"],
                                   original["changes"])  # fmt: skip
            digest = chain_hash(prev, content)
            rows.append({**original, "actor": "intruder", "prev_hash": prev, "hash": digest})
            prev = digest
        if rows:
            connection.execute(insert(Event), rows)
        connection.execute(update(ChainHead).values(event_count=last, head_hash=prev))

    return tamper


@pytest.mark.parametrize(
    "case",
    ["history rewritten with its head", "tail truncated with its head"],
)
def test_a_checkpoint_catches_what_the_chain_alone_cannot(
    sound: Ledger, case: str, tmp_path: Path
) -> None:
    note, _ = make_checkpoint(sound.engine, sound.events[-1]["at"])
    stored = Checkpoint.from_json(note.to_json())
    tamper = (
        _rewrite_from(K)
        if case.startswith("history")
        else _rewrite_from(sound.count - 2, truncate_to=sound.count - 3)
    )
    with sound.engine.begin() as connection:
        tamper(connection, sound)
    fooled = verify_ledger(sound.engine, records=False)
    assert fooled.ok, "a consistent rewrite fools the chain alone"
    report = verify_ledger(sound.engine, stored)
    assert not report.ok
    assert "checkpoint" in report.problem


def test_a_checkpoint_of_a_growing_ledger_still_verifies(sound: Ledger) -> None:
    note, report = make_checkpoint(sound.engine, sound.events[-1]["at"])
    assert report.ok and note.count == sound.count
    services = Services(sound.engine, principal=desk("dispatcher:later"), clock=FakeClock())
    drive_to(services, sound.engine, RequestStatus.QUEUED)
    later = verify_ledger(sound.engine, note)
    assert later.ok and later.count > note.count
