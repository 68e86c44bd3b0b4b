"""Accounts: sign-in with argon2id, rate limiting, and an administrator's user management.

Passwords are only ever hashed (argon2id through argon2-cffi) and compared by
``PasswordHasher.verify``; no password reaches the ledger, the log or an
error message. Every attempt and every account change is one unit of work
with one ledger event, like any other write.
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime
from typing import NoReturn

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from console.core.accounts import (
    UNKNOWN_NAME_PREFIX,
    DemoAccount,
    RateLimit,
    UserRow,
    unknown_name_label,
)
from console.core.errors import NotFound, SignInFailed, ValidationError
from console.core.roles import (
    Permission,
    Principal,
    check_new_password,
    clean_username,
    require,
)
from console.core.validation import printable, require_text
from console.core.vocab import Role
from console.db.engine import describe_url
from console.db.models import SignInAttempt, User
from console.db.records.fast import user_differences
from console.db.seed import DEMO_PASSWORD
from console.db.services import Clock, Services, WriteContext, utc_now
from console.db.sign_in_names import ensure_name_key, name_key

__all__ = ["Accounts", "user_row"]

log = logging.getLogger(__name__)

NAME_LIMIT = 64
WORKSTATION_LIMIT = 128


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so both failures take as long."""
    return PasswordHasher().hash("not a password of anyone")


def user_row(user: User) -> UserRow:
    """Copy an ORM user into a :class:`UserRow` (never the hash)."""
    return UserRow(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        is_demo=user.is_demo,
        disabled=user.disabled,
        created_at=user.created_at,
    )


class Accounts:
    """Sign-in (``SignInGate``) and account management (``UserAdmin``) on one database.

    ``principal`` is who manages accounts (an administrator, or the command
    line's system principal); signing in needs none.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        principal: Principal | None = None,
        clock: Clock = utc_now,
        hasher: PasswordHasher | None = None,
        limit: RateLimit | None = None,
    ) -> None:
        self._engine = engine
        self.principal = principal
        self.clock = clock
        self.hasher = hasher or PasswordHasher()
        self.limit = limit or RateLimit()

    def describe(self) -> str:
        """The database URL with any password hidden."""
        return describe_url(self._engine.url)

    # ------------------------------------------------------------- sign-in

    def sign_in(self, username: str, password: str, workstation: str) -> Principal:
        """The principal of a valid, enabled account; :class:`SignInFailed` otherwise.

        A name or workstation with too many recent failures is refused without
        checking the password (``auth.locked``) and without recording anything:
        a locked name cannot grow the ledger. Every other attempt is recorded in
        ``sign_in_attempts`` and the ledger, never the password, and a name no
        account has only as a keyed hash (:func:`unknown_name_label`).
        """
        name = printable(str(username)).strip().lower()[:NAME_LIMIT]
        station = printable(str(workstation)).strip()[:WORKSTATION_LIMIT] or "unknown"
        with Session(self._engine) as session:
            user = session.scalar(select(User).where(User.username == name))
            stored = user.password_hash if user is not None else None
            label = name if user is not None else _unknown_label(name_key(session), name)
            until = self._locked_until(session, label, station, self.clock())
        if until is not None:
            self._refuse_locked(label or UNKNOWN_NAME_PREFIX, station, until)
        verdict, fresh_hash = self._verify(user, stored, str(password))
        mismatch = ""
        if verdict == "ok" and user is not None:
            mismatch = self._against_ledger(user.id)
            if mismatch:
                verdict = "records"
        gate = Services(self._engine, principal=_gate_principal(station), clock=self.clock)
        try:
            with gate.unit_of_work(Permission.SIGN_IN) as uow:
                if label is None:
                    label = unknown_name_label(ensure_name_key(uow.session, uow.now), name)
                # Checked again under the writer lock: parallel attempts count too.
                until = self._locked_until(uow.session, label, station, uow.now)
                if until is not None:
                    raise _LockedMeanwhile(until)
                self._record(uow, label, station, verdict, fresh_hash)
        except _LockedMeanwhile as locked:
            self._refuse_locked(label or UNKNOWN_NAME_PREFIX, station, locked.until)
        if verdict == "ok" and user is not None:
            log.info("%s signed in on %s", name, station)
            return Principal.user(
                user.username,
                Role(user.role),
                display_name=user.display_name,
                is_demo=user.is_demo,
            )
        if verdict == "records":
            log.error("sign-in for %s on %s refused: %s", label, station, mismatch)
            raise SignInFailed("auth.records_differ", username=name, detail=mismatch)
        log.warning("sign-in failed for %s on %s (%s)", label, station, verdict)
        raise SignInFailed("auth.failed")

    def _against_ledger(self, user_id: int) -> str:
        """The first way the user's stored row differs from the ledger, or "" if it agrees."""
        with Session(self._engine) as session:
            found = user_differences(session, user_id)
        return found[0].text() if found else ""

    def _refuse_locked(self, label: str, station: str, until: datetime) -> NoReturn:
        """Refuse a locked name or workstation: one log line, nothing written."""
        log.warning("sign-in for %s on %s refused: locked until %s", label, station, until)
        minutes = max(1, -(-int((until - self.clock()).total_seconds()) // 60))
        raise SignInFailed("auth.locked", minutes=minutes)

    def demo_accounts(self) -> list[DemoAccount]:
        """Enabled demo users, on an SQLite file only.

        A shared (PostgreSQL) database never advertises passwords. A demo account
        whose password an administrator reset is an ordinary account from then on
        (see :meth:`reset_password`), so the public demo password is never shown
        for an account it no longer opens.
        """
        if self._engine.dialect.name != "sqlite":
            return []
        with Session(self._engine) as session:
            demo = session.scalars(
                select(User)
                .where(User.is_demo.is_(True), User.disabled.is_(False))
                .order_by(User.id)
            ).all()
        return [DemoAccount(u.username, u.display_name, Role(u.role), DEMO_PASSWORD) for u in demo]

    # ------------------------------------------------------------ admin

    def users(self) -> list[UserRow]:
        """Every account, by name (administrators only)."""
        require(self._manager(), Permission.MANAGE_USERS)
        with Session(self._engine) as session:
            return [user_row(u) for u in session.scalars(select(User).order_by(User.username))]

    def add_user(self, username: str, display_name: str, role: Role, password: str) -> UserRow:
        """Create an account; the password is stored only as an argon2id hash."""
        manager = self._manager()
        require(manager, Permission.MANAGE_USERS)
        name = clean_username(username)
        shown = require_text("display_name", display_name, limit=100, required=False) or name
        try:
            chosen = Role(str(role).upper())
        except ValueError:
            raise ValidationError("field.invalid_choice", field="role", value=str(role)) from None
        digest = self.hasher.hash(check_new_password(name, password))
        with self._services().unit_of_work(Permission.MANAGE_USERS) as uow:
            if uow.session.scalar(select(func.count()).where(User.username == name)):
                raise ValidationError("user.exists", field="username", username=name)
            user = User(
                username=name,
                display_name=shown,
                role=chosen.value,
                password_hash=digest,
                is_demo=False,
                disabled=False,
                created_at=uow.now,
                revision=uow.revision,
            )
            uow.session.add(user)
            uow.session.flush()
            uow.record("user.added", username=name, display_name=shown, role=chosen.value)
            return user_row(user)

    def reset_password(self, username: str, password: str) -> UserRow:
        """Give an account a new password (argon2id hash only).

        A demo account stops being one: its password is no longer the public one.
        """
        manager = self._manager()
        require(manager, Permission.MANAGE_USERS)
        name = printable(str(username)).strip().lower()
        digest = self.hasher.hash(check_new_password(name, password))
        with self._services().unit_of_work(Permission.MANAGE_USERS) as uow:
            user = _load_user(uow, name)
            was_demo = user.is_demo
            user.password_hash = digest
            user.is_demo = False
            user.revision = uow.revision
            uow.record("user.password_reset", username=user.username, was_demo=was_demo)
            return user_row(user)

    def set_disabled(self, username: str, disabled: bool) -> UserRow:
        """Disable an account (it can no longer sign in) or enable it again."""
        manager = self._manager()
        require(manager, Permission.MANAGE_USERS)
        name = printable(str(username)).strip().lower()
        if disabled and name == manager.actor:
            raise ValidationError("user.self_disable", field="username")
        with self._services().unit_of_work(Permission.MANAGE_USERS) as uow:
            user = _load_user(uow, name)
            user.disabled = bool(disabled)
            user.revision = uow.revision
            uow.record("user.disabled" if disabled else "user.enabled", username=user.username)
            return user_row(user)

    # ----------------------------------------------------------- helpers

    def _manager(self) -> Principal:
        if self.principal is None:
            raise TypeError("account management needs the acting principal")
        return self.principal

    def _services(self) -> Services:
        return Services(self._engine, principal=self._manager(), clock=self.clock)

    def _matches(self, stored: str, password: str) -> bool:
        try:
            return bool(self.hasher.verify(stored, password))
        except (VerificationError, InvalidHashError):
            return False

    def _verify(
        self, user: User | None, stored: str | None, password: str
    ) -> tuple[str, str | None]:
        """("ok" | "unknown_user" | "disabled" | "wrong_password", a new hash if one is due)."""
        if user is None or stored is None:
            self._matches(_dummy_hash(), password)
            return "unknown_user", None
        if not self._matches(stored, password):
            return "wrong_password", None
        if user.disabled:
            return "disabled", None
        fresh = self.hasher.hash(password) if self.hasher.check_needs_rehash(stored) else None
        return "ok", fresh

    def _locked_until(
        self, session: Session, name: str | None, station: str, now: datetime
    ) -> datetime | None:
        """When the lock on ``name`` (its label; None: not yet known) or ``station`` ends."""
        watched: list[tuple[object, str]] = [(SignInAttempt.workstation, station)]
        if name is not None:
            watched.append((SignInAttempt.username, name))
        ends = [
            self.limit.locked_until(self._failures(session, column, value, now), now)
            for column, value in watched
        ]
        found = [end for end in ends if end is not None]
        return max(found) if found else None

    def _failures(
        self, session: Session, column: object, value: str, now: datetime
    ) -> list[datetime]:
        """Failure times for one name or workstation within the window, since its last success."""
        since = now - self.limit.window
        last_ok = session.scalar(
            select(func.max(SignInAttempt.at)).where(
                column == value,  # type: ignore[arg-type]
                SignInAttempt.succeeded.is_(True),
                SignInAttempt.at > since,
            )
        )
        start = max(since, last_ok) if last_ok is not None else since
        return list(
            session.scalars(
                select(SignInAttempt.at).where(
                    column == value,  # type: ignore[arg-type]
                    SignInAttempt.succeeded.is_(False),
                    SignInAttempt.at > start,
                )
            )
        )

    @staticmethod
    def _record(
        uow: WriteContext, name: str, station: str, verdict: str, fresh_hash: str | None
    ) -> None:
        uow.session.add(
            SignInAttempt(
                at=uow.now,
                username=name,
                workstation=station,
                succeeded=verdict == "ok",
                reason="" if verdict == "ok" else verdict,
            )
        )
        if verdict != "ok":
            uow.record("user.sign_in_failed", username=name, workstation=station, reason=verdict)
            return
        user = uow.session.scalar(select(User).where(User.username == name))
        if user is not None and fresh_hash is not None:
            # The stored hash used weaker parameters than today's: upgrade it now.
            user.password_hash = fresh_hash
            user.revision = uow.revision
        uow.record("user.signed_in", username=name, workstation=station, rehashed=bool(fresh_hash))


class _LockedMeanwhile(Exception):
    """A parallel attempt locked the name: roll the sign-in's unit of work back unwritten."""

    def __init__(self, until: datetime) -> None:
        super().__init__(until)
        self.until = until


def _unknown_label(key: bytes | None, name: str) -> str | None:
    """The label of a name no account has, or None until the database has its key."""
    return unknown_name_label(key, name) if key is not None else None


def _gate_principal(station: str) -> Principal:
    """The sign-in gate itself: it may record attempts and nothing else."""
    return Principal(f"sign-in@{station}"[:64], None, frozenset({Permission.SIGN_IN}))


def _load_user(uow: WriteContext, name: str) -> User:
    user = uow.session.scalar(select(User).where(User.username == name))
    if user is None:
        raise NotFound("not_found.user", key=name[:NAME_LIMIT])
    return user
