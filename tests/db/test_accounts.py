"""Spec: passwords are argon2id hashes only; sign-in is verified, rate-limited and logged."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, select, text, update
from sqlalchemy.orm import Session

from console.core.accounts import RateLimit
from console.core.errors import NotFound, PermissionDenied, SignInFailed, ValidationError
from console.core.roles import Permission, Principal
from console.core.vocab import Role
from console.db.accounts import Accounts
from console.db.models import Base, Event, SignInAttempt, User
from console.db.services import Services
from tests.db.conftest import FakeClock
from tests.support.principals import SYSTEM

SECRET = "Correct-Horse-Battery-42"
ADMIN = Principal.user("root", Role.ADMIN)
FAST = PasswordHasher(time_cost=2, memory_cost=1024, parallelism=1)
"""Still argon2id, with less memory, so the many attempts below stay quick."""


@pytest.fixture
def accounts(engine: Engine, clock: FakeClock) -> Accounts:
    """Accounts managed by an administrator, with one dispatcher ``wang``."""
    accounts = Accounts(engine, principal=ADMIN, clock=clock, hasher=FAST)
    accounts.add_user("wang", "王调度 Wang", Role.DISPATCHER, SECRET)
    return accounts


def every_stored_text(engine: Engine) -> str:
    """Every value of every table, as one string."""
    parts: list[str] = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(table.select()):
                parts.extend(str(value) for value in row)
        parts.extend(str(v) for v in connection.execute(text("SELECT * FROM alembic_version")))
    return "\n".join(parts)


def events_of(engine: Engine, kind: str) -> list[dict[str, object]]:
    with Session(engine) as session:
        payloads = session.scalars(
            select(Event.payload).where(Event.kind == kind).order_by(Event.seq)
        )
        return [json.loads(p) for p in payloads]


def test_passwords_are_stored_as_argon2id_hashes_and_nowhere_in_plain(
    engine: Engine, accounts: Accounts, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    accounts.reset_password("wang", SECRET + "-new")
    with pytest.raises(SignInFailed):
        accounts.sign_in("wang", SECRET, "desk-7")  # the old one: a failure is recorded too
    accounts.sign_in("wang", SECRET + "-new", "desk-7")
    with Session(engine) as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "wang"))
    assert stored is not None and stored.startswith("$argon2id$")
    assert PasswordHasher().verify(stored, SECRET + "-new")  # any argon2 verifier reads it
    everything = every_stored_text(engine)
    assert SECRET not in everything
    assert SECRET not in caplog.text


def test_the_right_password_signs_in_with_the_accounts_role(
    engine: Engine, accounts: Accounts
) -> None:
    principal = accounts.sign_in(" Wang ", SECRET, "desk-7")
    assert (principal.actor, principal.role, principal.is_demo) == ("wang", Role.DISPATCHER, False)
    assert events_of(engine, "user.signed_in")[-1]["username"] == "wang"


@pytest.mark.parametrize(
    ("username", "password"), [("wang", "wrong-password"), ("nobody", SECRET), ("", "")]
)
def test_a_wrong_name_or_password_gets_one_message_and_is_logged_without_the_password(
    engine: Engine,
    accounts: Accounts,
    username: str,
    password: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    with pytest.raises(SignInFailed) as failed:
        accounts.sign_in(username, password, "desk-7")
    assert failed.value.code == "auth.failed"
    logged = events_of(engine, "user.sign_in_failed")
    if username == "wang":
        assert [e["username"] for e in logged] == [username]
    else:  # a name no account has is kept only as a keyed hash
        assert [str(e["username"])[:8] for e in logged] == ["unknown:"]
    assert "sign-in failed" in caplog.text
    if password:
        assert password not in caplog.text
        assert all(password not in json.dumps(e) for e in logged)


def test_a_disabled_account_cannot_sign_in_until_enabled(accounts: Accounts) -> None:
    accounts.set_disabled("wang", True)
    with pytest.raises(SignInFailed):
        accounts.sign_in("wang", SECRET, "desk-7")
    accounts.set_disabled("wang", False)
    assert accounts.sign_in("wang", SECRET, "desk-7").role is Role.DISPATCHER


def test_five_failures_lock_the_name_for_a_few_minutes_even_with_the_right_password(
    engine: Engine, accounts: Accounts, clock: FakeClock
) -> None:
    for _ in range(5):
        with pytest.raises(SignInFailed):
            accounts.sign_in("wang", "guess", f"desk-{_}")  # five workstations: the name locks
        clock.advance(seconds=30)
    with pytest.raises(SignInFailed) as locked:
        accounts.sign_in("wang", SECRET, "desk-9")
    assert locked.value.code == "auth.locked"
    assert locked.value.params["minutes"] == 5  # 4.5 min left of the lock, rounded up
    assert events_of(engine, "user.sign_in_locked") == []  # a locked attempt writes nothing
    clock.advance(minutes=4)
    with pytest.raises(SignInFailed):
        accounts.sign_in("wang", SECRET, "desk-9")
    clock.advance(minutes=1)
    assert accounts.sign_in("wang", SECRET, "desk-9").actor == "wang"


def test_five_failures_from_one_workstation_lock_that_workstation_only(
    accounts: Accounts, clock: FakeClock
) -> None:
    for name in ("a1", "a2", "a3", "a4", "a5"):
        with pytest.raises(SignInFailed):
            accounts.sign_in(name, "guess", "desk-7")
    with pytest.raises(SignInFailed) as locked:
        accounts.sign_in("wang", SECRET, "desk-7")
    assert locked.value.code == "auth.locked"
    assert accounts.sign_in("wang", SECRET, "desk-8").actor == "wang"


def test_failures_older_than_the_window_or_before_a_success_do_not_count(
    accounts: Accounts, clock: FakeClock
) -> None:
    for _ in range(4):
        with pytest.raises(SignInFailed):
            accounts.sign_in("wang", "guess", "desk-7")
    accounts.sign_in("wang", SECRET, "desk-7")
    for _ in range(4):
        with pytest.raises(SignInFailed):
            accounts.sign_in("wang", "guess", "desk-7")
    clock.advance(minutes=11)
    for _ in range(4):
        with pytest.raises(SignInFailed):
            accounts.sign_in("wang", "guess", "desk-7")
    assert accounts.sign_in("wang", SECRET, "desk-7").actor == "wang"


def test_a_hash_made_with_weaker_parameters_is_upgraded_at_sign_in(
    engine: Engine, accounts: Accounts
) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash(SECRET)
    # Stored the way an older console did: through a unit of work, so the ledger agrees.
    with Services(engine, principal=SYSTEM).unit_of_work(Permission.MAINTAIN) as uow:
        uow.session.execute(update(User).values(password_hash=weak, revision=uow.revision))
        uow.record("user.password_reset", username="wang", was_demo=False)
    accounts.sign_in("wang", SECRET, "desk-7")
    with Session(engine) as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "wang"))
    assert stored is not None and stored != weak and stored.startswith("$argon2id$")
    assert not accounts.hasher.check_needs_rehash(stored)
    assert events_of(engine, "user.signed_in")[-1]["rehashed"] is True


def test_account_management_is_for_administrators_only(
    engine: Engine, accounts: Accounts, clock: FakeClock
) -> None:
    for role in (Role.DISPATCHER, Role.SUPERVISOR):
        other = Accounts(engine, principal=Principal.user("x", role), clock=clock, hasher=FAST)
        with pytest.raises(PermissionDenied):
            other.add_user("li", "Li", Role.ADMIN, SECRET)
        with pytest.raises(PermissionDenied):
            other.reset_password("wang", SECRET + "x")
        with pytest.raises(PermissionDenied):
            other.set_disabled("wang", True)
        with pytest.raises(PermissionDenied):
            other.users()
    assert [u.username for u in accounts.users()] == ["wang"]


@pytest.mark.parametrize(
    ("username", "password", "code"),
    [
        ("li", "short", "password.length"),
        ("li", "x" * 129, "password.length"),
        ("dispatcher.li", "Dispatcher.Li", "password.is_username"),
        ("Li Ming", SECRET, "user.name_invalid"),
        ("l", SECRET, "user.name_invalid"),
        ("wang", SECRET, "user.exists"),
        ("li", "tab\tinside-it", "field.control_chars"),
    ],
)
def test_bad_new_accounts_are_refused_with_a_reason_and_change_nothing(
    engine: Engine, accounts: Accounts, username: str, password: str, code: str
) -> None:
    before = every_stored_text(engine)
    with pytest.raises(ValidationError) as refused:
        accounts.add_user(username, "", Role.DISPATCHER, password)
    assert refused.value.code == code
    assert password not in refused.value.english()
    assert every_stored_text(engine) == before


def test_an_administrator_cannot_lock_themselves_out_and_unknown_names_are_reported(
    accounts: Accounts,
) -> None:
    accounts.add_user("root", "Root", Role.ADMIN, SECRET)
    with pytest.raises(ValidationError) as refused:
        accounts.set_disabled("root", True)
    assert refused.value.code == "user.self_disable"
    with pytest.raises(NotFound):
        accounts.reset_password("ghost", SECRET)


def test_rate_limit_counts_only_recent_failures() -> None:
    limit = RateLimit(max_failures=3)
    now = FakeClock().now

    recent = [now - timedelta(minutes=m) for m in (1, 2, 3)]
    assert limit.locked_until(recent, now) == now - timedelta(minutes=1) + limit.lock
    assert limit.locked_until(recent[:2], now) is None
    assert limit.locked_until([*recent[:2], now - timedelta(minutes=11)], now) is None
    assert limit.locked_until(recent, now + timedelta(minutes=4)) is None


def test_sign_in_attempts_keep_no_password(engine: Engine, accounts: Accounts) -> None:
    with pytest.raises(SignInFailed):
        accounts.sign_in("wang", "typo-" + SECRET, "desk-7")
    with Session(engine) as session:
        attempt = session.scalars(select(SignInAttempt)).one()
    assert (attempt.username, attempt.workstation, attempt.succeeded, attempt.reason) == (
        "wang",
        "desk-7",
        False,
        "wrong_password",
    )


def test_demo_accounts_are_offered_only_on_an_embedded_database_with_the_demo_password(
    engine: Engine, clock: FakeClock
) -> None:
    from console.db.seed import SeedOptions, seed_database

    seed_database(engine, SeedOptions(requests=0))
    gate = Accounts(engine, principal=ADMIN, clock=clock)
    offered = gate.demo_accounts()
    if engine.dialect.name != "sqlite":
        assert offered == []
        return
    assert [(a.username, a.role, a.password) for a in offered] == [
        ("dispatcher", Role.DISPATCHER, "demo"),
        ("supervisor", Role.SUPERVISOR, "demo"),
        ("admin", Role.ADMIN, "demo"),
    ]
    assert gate.sign_in("dispatcher", "demo", "desk-1").is_demo
    gate.reset_password("dispatcher", SECRET)
    gate.set_disabled("supervisor", True)
    assert [a.username for a in gate.demo_accounts()] == ["admin"]
