"""Verify replays the ledger and names every row edited behind its back (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, Engine, delete, func, select, text, update
from sqlalchemy.orm import Session

from console.core.errors import SignInFailed
from console.core.roles import Role
from console.db import schema
from console.db.accounts import Accounts
from console.db.audit import make_checkpoint, verify_ledger
from console.db.models import (
    Base,
    Complaint,
    Event,
    ReferenceCounter,
    Request,
    Satisfaction,
    SignInAttempt,
    User,
)
from console.db.records.image import EXEMPT, ledgered_tables
from console.db.seed import DEMO_PASSWORD, SeedOptions, seed_database
from tests.db.helpers import as_written_before_row_changes

AT = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)


class _Clock:
    def __init__(self) -> None:
        self.now = AT

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def demo(engine: Engine) -> Engine:
    """A small demo database with history (follow-ups, complaints) and a signed-in dispatcher."""
    seed_database(engine, SeedOptions(requests=6, at=AT, history_days=1))
    Accounts(engine, clock=_Clock()).sign_in("dispatcher", DEMO_PASSWORD, "desk-1")
    return engine


def _promote(connection: Connection) -> None:
    connection.execute(text("update users set role='ADMIN' where username='dispatcher'"))


def _cancel_quietly(connection: Connection) -> None:
    target = connection.execute(select(func.min(Request.id))).scalar_one()
    connection.execute(
        update(Request)
        .where(Request.id == target)
        .values(status="CANCELLED", caller_phone="13900000000", notes="moved by hand")
    )


def _set_back_counters(connection: Connection) -> None:
    connection.execute(update(ReferenceCounter).values(last=1))


def _delete_all(model: type[Base]) -> Callable[[Connection], None]:
    def tamper(connection: Connection) -> None:
        connection.execute(delete(model))

    return tamper


EDITS: dict[str, tuple[Callable[[Connection], None], str]] = {
    "dispatcher made admin": (_promote, "users id 1: role is ADMIN, the ledger says DISPATCHER"),
    "request cancelled by hand": (_cancel_quietly, "status is CANCELLED, the ledger says"),
    "complaints deleted": (_delete_all(Complaint), "was deleted without an event"),
    "satisfaction deleted": (_delete_all(Satisfaction), "was deleted without an event"),
    "sign-in attempts deleted": (_delete_all(SignInAttempt), "was deleted without an event"),
    "reference counters set back": (_set_back_counters, ": last is 1, the ledger says"),
}


def test_legitimate_use_verifies_ok(demo: Engine) -> None:
    report = verify_ledger(demo)
    assert report.ok, report.problem
    assert report.difference_count == 0


@pytest.mark.ledger_tampered
@pytest.mark.parametrize("edit", list(EDITS))
@pytest.mark.parametrize("with_checkpoint", [False, True], ids=["chain", "checkpoint"])
def test_a_row_edited_behind_the_ledger_is_named(
    demo: Engine, edit: str, with_checkpoint: bool
) -> None:
    checkpoint = make_checkpoint(demo, AT)[0] if with_checkpoint else None
    tamper, expected = EDITS[edit]
    table = "users" if edit.startswith("dispatcher") else None
    with demo.begin() as connection:
        tamper(connection)
    report = verify_ledger(demo, checkpoint)
    assert not report.ok
    assert report.difference_count >= 1
    assert any(expected in line for line in report.differences), report.differences[:5]
    if table:
        assert report.differences[0] == expected
    assert report.problem.endswith(report.differences[0])


@pytest.mark.ledger_tampered
def test_the_cancelled_request_names_every_column_changed(demo: Engine) -> None:
    with demo.begin() as connection:
        _cancel_quietly(connection)
        target = connection.execute(select(func.min(Request.id))).scalar_one()
    lines = [line for line in verify_ledger(demo).differences if f"requests id {target}:" in line]
    columns = sorted(line.split(": ", 1)[1].split(" is ", 1)[0] for line in lines)
    assert columns == ["caller_phone", "notes", "status"]


@pytest.mark.ledger_tampered
def test_a_row_inserted_behind_the_ledger_is_not_in_it(demo: Engine) -> None:
    with demo.begin() as connection:
        connection.execute(
            text(
                "insert into users (id, username, display_name, role, password_hash, is_demo,"
                " disabled, created_at, revision) select 99, 'mole', 'Mole', 'ADMIN',"
                " password_hash, false, false, created_at, 0 from users where id = 1"
            )
        )
    assert "users id 99 is not in the ledger" in verify_ledger(demo).differences


@pytest.mark.ledger_tampered
def test_signing_in_after_the_role_edit_is_refused(demo: Engine) -> None:
    with demo.begin() as connection:
        _promote(connection)
    with pytest.raises(SignInFailed) as caught:
        Accounts(demo, clock=_Clock()).sign_in("dispatcher", DEMO_PASSWORD, "desk-1")
    assert caught.value.code == "auth.records_differ"
    assert "role is ADMIN, the ledger says DISPATCHER" in str(caught.value.params["detail"])
    # The others are not affected, and the refusal itself is on record.
    principal = Accounts(demo, clock=_Clock()).sign_in("supervisor", DEMO_PASSWORD, "desk-2")
    assert principal.role is Role.SUPERVISOR
    with Session(demo) as session:
        assert session.scalar(select(func.count()).where(SignInAttempt.reason == "records")) == 1


@pytest.mark.ledger_tampered
def test_a_corrupted_changes_column_names_the_event(demo: Engine) -> None:
    with demo.begin() as connection:
        connection.execute(update(Event).where(Event.seq == 2).values(changes="[{not json"))
    report = verify_ledger(demo)
    assert not report.ok
    assert report.first_bad_seq == 2
    assert report.problem.startswith("event 2 ")


@pytest.mark.ledger_tampered
def test_a_corrupted_time_names_the_event(demo: Engine, db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL refuses a non-time in a time column")
    with demo.begin() as connection:
        connection.execute(text("update events set at = 'yesterday' where seq = 3"))
    report = verify_ledger(demo)
    assert not report.ok
    assert report.first_bad_seq == 3
    assert report.problem.startswith("event 3 ")


def test_every_event_carries_its_row_changes(demo: Engine) -> None:
    with Session(demo) as session:
        kinds = {
            kind: json.loads(changes)
            for kind, changes in session.execute(select(Event.kind, Event.changes))
        }
    assert all(changes is not None for changes in kinds.values())
    signed_in = kinds["user.signed_in"]
    assert [entry["t"] for entry in signed_in] == ["sign_in_attempts"]


def test_every_table_is_ledgered_or_exempt_with_a_reason() -> None:
    tables = set(Base.metadata.tables)
    assert tables == set(ledgered_tables()) | (tables & set(EXEMPT))
    vouched = {"users", "requests", "crews", "complaints", "satisfaction", "reference_counters"}
    assert vouched <= set(ledgered_tables())
    assert all(reason for reason in EXEMPT.values())


@pytest.mark.ledger_tampered
def test_records_can_be_left_out(demo: Engine) -> None:
    with demo.begin() as connection:
        _promote(connection)
    assert verify_ledger(demo, records=False).ok


def _verify_cli(capsys: pytest.CaptureFixture[str], url: str) -> tuple[int, str, str]:
    from console.cli import main

    try:
        status = main(["verify", "--db", url])
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.ledger_tampered
def test_the_cli_lists_the_rows_that_differ(
    demo: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _verify_cli(capsys, db_url)
    assert status == 0 and "every ledgered row matches the ledger" in out
    with demo.begin() as connection:
        _promote(connection)
        _delete_all(SignInAttempt)(connection)
    status, out, err = _verify_cli(capsys, db_url)
    assert status == 1 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("records do not match the ledger: 2 rows differ")
    assert "  users id 1: role is ADMIN, the ledger says DISPATCHER" in lines
    assert "  sign_in_attempts id 1 was deleted without an event" in lines


@pytest.mark.ledger_tampered
def test_the_cli_shows_200_rows_then_counts_the_rest(
    demo: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo.begin() as connection:
        connection.execute(update(Request).values(notes="rewritten"))
        count = connection.execute(select(func.count()).select_from(Request)).scalar_one()
    assert count > 201
    status, _, err = _verify_cli(capsys, db_url)
    lines = err.splitlines()
    assert status == 1
    assert len(lines) == 1 + 200 + 1
    assert lines[-1] == f"  and {count - 200} more"


@pytest.mark.ledger_tampered
def test_an_older_ledger_gets_a_baseline_at_upgrade(demo: Engine) -> None:
    as_written_before_row_changes(demo)
    report = verify_ledger(demo)
    assert not report.ok and "run `roadside-console db upgrade`" in report.problem
    assert verify_ledger(demo, records=False).ok
    schema.upgrade(demo)
    with Session(demo) as session:
        kinds = list(session.scalars(select(Event.kind).order_by(Event.seq.desc()).limit(1)))
    assert kinds == ["ledger.baseline"]
    assert verify_ledger(demo).ok
    schema.upgrade(demo)  # a second upgrade adds nothing
    assert verify_ledger(demo).count == report.count + 1
    with demo.begin() as connection:
        _promote(connection)
    assert (
        "users id 1: role is ADMIN, the ledger says DISPATCHER" in verify_ledger(demo).differences
    )


@pytest.mark.ledger_tampered
def test_a_password_hash_edit_is_named_but_never_shown(demo: Engine) -> None:
    with demo.begin() as connection:
        connection.execute(
            update(User).where(User.username == "dispatcher").values(password_hash="$argon2id$x")
        )
    assert verify_ledger(demo).differences == ("users id 1: password_hash differs from the ledger",)
    with pytest.raises(SignInFailed) as caught:
        Accounts(demo, clock=_Clock()).sign_in("dispatcher", DEMO_PASSWORD, "desk-1")
    assert "argon2" not in str(caught.value.params)


@pytest.mark.ledger_tampered
def test_db_upgrade_refuses_a_user_row_that_differs(
    demo: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from console.cli import main

    assert main(["db", "upgrade", "--db", db_url]) == 0
    with demo.begin() as connection:
        _promote(connection)
    capsys.readouterr()
    try:
        status = main(["db", "upgrade", "--db", db_url])
    except SystemExit as exc:
        status = int(exc.code or 0)
    _, err = capsys.readouterr()
    assert status != 0
    assert err.strip().splitlines() == [
        "error: 1 user account(s) do not match the ledger "
        "(users id 1: role is ADMIN, the ledger says DISPATCHER): run verify."
    ]
