"""Spec: what a failed sign-in leaves behind never holds a typed name no account has.

People type their password into the name field. Such a name is kept only as a
keyed hash (HMAC-SHA256 under a random key the database keeps in
``console_secrets``): not in the attempts table, the ledger or the log. Known
names stay as they are. An attempt against a locked name or workstation
writes nothing at all, so hammering a lock cannot grow the ledger.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from console.core.accounts import RateLimit
from console.core.errors import SignInFailed
from console.core.roles import Principal
from console.core.vocab import Role
from console.db.accounts import Accounts
from console.db.models import ChainHead, ConsoleSecret, Event, SignInAttempt
from console.db.sign_in_names import SIGN_IN_NAMES, name_key
from tests.db.conftest import FakeClock
from tests.db.test_accounts import events_of, every_stored_text

PASSWORD = "Correct-Horse-Battery-42"
TYPED = "Wang.Correct-Horse-42"
"""A password typed into the name field (it passes as a name, so it must not be kept)."""
FAST = PasswordHasher(time_cost=2, memory_cost=1024, parallelism=1)


@pytest.fixture
def accounts(engine: Engine, clock: FakeClock) -> Accounts:
    accounts = Accounts(
        engine, principal=Principal.user("root", Role.ADMIN), clock=clock, hasher=FAST
    )
    accounts.add_user("wang", "Wang", Role.DISPATCHER, PASSWORD)
    return accounts


def fail(accounts: Accounts, name: str, station: str = "desk-7") -> str:
    with pytest.raises(SignInFailed) as failed:
        accounts.sign_in(name, "not-the-password", station)
    return failed.value.code


def attempt_names(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.scalars(select(SignInAttempt.username).order_by(SignInAttempt.id)))


def written(engine: Engine) -> tuple[object, ...]:
    """The ledger head, the events and the attempts: what a refused attempt must not change."""
    with Session(engine) as session:
        head = session.execute(select(ChainHead.event_count, ChainHead.head_hash)).one()
        events = session.scalar(select(func.count()).select_from(Event))
        attempts = session.scalar(select(func.count()).select_from(SignInAttempt))
    return (tuple(head), events, attempts)


def test_a_name_no_account_has_is_kept_only_as_a_keyed_hash(
    engine: Engine, accounts: Accounts, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert fail(accounts, TYPED) == "auth.failed"
    with Session(engine) as session:
        key = name_key(session)
    assert key is not None and len(key) == 32
    expected = hmac.new(key, TYPED.lower().encode(), hashlib.sha256).hexdigest()[:32]
    assert attempt_names(engine) == [f"unknown:{expected}"]
    assert [e["username"] for e in events_of(engine, "user.sign_in_failed")] == [
        f"unknown:{expected}"
    ]
    for text in (every_stored_text(engine), caplog.text):
        assert TYPED.lower() not in text.lower()
        assert "Correct-Horse" not in text
    assert f"unknown:{expected}" in caplog.text


def test_known_names_stay_as_they_are(engine: Engine, accounts: Accounts) -> None:
    assert fail(accounts, " Wang ") == "auth.failed"
    accounts.sign_in("wang", PASSWORD, "desk-7")
    assert attempt_names(engine) == ["wang", "wang"]
    assert [e["username"] for e in events_of(engine, "user.sign_in_failed")] == ["wang"]


def test_the_same_unknown_name_still_locks_out(accounts: Accounts, clock: FakeClock) -> None:
    for n in range(5):
        assert fail(accounts, TYPED, f"desk-{n}") == "auth.failed"
        clock.advance(seconds=10)
    assert fail(accounts, TYPED, "desk-9") == "auth.locked"
    assert fail(accounts, "someone-else", "desk-9") == "auth.failed"


@pytest.mark.parametrize("locked_by", ["name", "workstation"])
def test_attempts_against_a_lock_add_no_event_and_no_row(
    engine: Engine, accounts: Accounts, clock: FakeClock, locked_by: str
) -> None:
    for n in range(5):
        name, station = ("wang", f"desk-{n}") if locked_by == "name" else (f"x{n}", "desk-7")
        fail(accounts, name, station)
    before = written(engine)
    names = ["wang"] if locked_by == "name" else ["wang", TYPED, "someone"]
    for _ in range(20):
        for name in names:
            with pytest.raises(SignInFailed) as refused:
                accounts.sign_in(name, PASSWORD, "desk-7")
            assert refused.value.code == "auth.locked"
        clock.advance(seconds=5)
    assert written(engine) == before
    assert events_of(engine, "user.sign_in_locked") == []


def test_each_database_has_its_own_key_and_a_lost_key_is_made_again(
    engine: Engine, accounts: Accounts
) -> None:
    with Session(engine) as session:
        first = session.get(ConsoleSecret, SIGN_IN_NAMES)
        assert first is not None and len(first.value) == 64
        session.execute(delete(ConsoleSecret))
        session.commit()
    assert fail(accounts, TYPED) == "auth.failed"
    with Session(engine) as session:
        again = name_key(session)
    assert again is not None and again.hex() != first.value
    assert attempt_names(engine)[-1].startswith("unknown:")


def test_the_limit_counts_hashed_names_like_any_other(engine: Engine, clock: FakeClock) -> None:
    strict = Accounts(engine, clock=clock, hasher=FAST, limit=RateLimit(max_failures=2))
    for station in ("a", "b"):
        with pytest.raises(SignInFailed):
            strict.sign_in("nobody-here", "x", station)
    with pytest.raises(SignInFailed) as locked:
        strict.sign_in("nobody-here", "x", "c")
    assert locked.value.code == "auth.locked"
