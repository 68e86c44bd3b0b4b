"""User accounts as the interface sees them, the sign-in rate limit, and their ports.

Pure Python: the database side lives in ``console.db.accounts``; the sign-in
dialog and the command line talk to it through :class:`SignInGate` and
:class:`UserAdmin`.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from console.core.roles import Principal
from console.core.vocab import Role

__all__ = [
    "UNKNOWN_NAME_PREFIX",
    "DemoAccount",
    "RateLimit",
    "SignInGate",
    "UserAdmin",
    "UserRow",
    "unknown_name_label",
]

UNKNOWN_NAME_PREFIX = "unknown:"
"""Starts the label kept for a name no account has (":" is never in a user name)."""


def unknown_name_label(key: bytes, name: str) -> str:
    """What is kept of a name typed at sign-in that no account has: a keyed hash.

    People type passwords into the name field; a name nobody has is therefore
    never kept in clear (not in the attempts table, the ledger or the log).
    HMAC-SHA256 under the console's own key, so the same typo counts towards
    its lock-out, yet the label cannot be reversed by trying likely names
    without the key. 128 bits of it fit the name column.
    """
    digest = hmac.new(key, name.encode("utf-8"), hashlib.sha256).hexdigest()
    return UNKNOWN_NAME_PREFIX + digest[:32]


@dataclass(frozen=True, slots=True)
class UserRow:
    """One account, without its password hash."""

    id: int
    username: str
    display_name: str
    role: Role
    is_demo: bool
    disabled: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A demo sign-in the dialog may offer: shown only on the embedded demo database."""

    username: str
    display_name: str
    role: Role
    password: str


@dataclass(frozen=True, slots=True)
class RateLimit:
    """How many failed sign-ins are tolerated before a name or workstation is locked.

    ``max_failures`` failures within ``window`` lock the name (or workstation)
    until ``lock`` after the latest of them; a successful sign-in starts the
    count again.
    """

    max_failures: int = 5
    window: timedelta = timedelta(minutes=10)
    lock: timedelta = timedelta(minutes=5)

    def locked_until(self, failures: Iterable[datetime], now: datetime) -> datetime | None:
        """When the lock from ``failures`` ends, or None if there is no lock at ``now``."""
        recent = [at for at in failures if at > now - self.window]
        if len(recent) < self.max_failures:
            return None
        until = max(recent) + self.lock
        return until if until > now else None


class SignInGate(Protocol):
    """What the sign-in dialog needs: verify a name and password, offer demo accounts."""

    def sign_in(self, username: str, password: str, workstation: str) -> Principal:
        """The principal for valid credentials; ``SignInFailed`` otherwise (logged, rate-limited)."""
        ...

    def demo_accounts(self) -> list[DemoAccount]:
        """Demo sign-ins to show (empty unless this is the embedded demo database)."""
        ...

    def describe(self) -> str:
        """The database the sign-in is for, password-free."""
        ...


class UserAdmin(Protocol):
    """Account management (an administrator's; every call is checked and ledgered)."""

    def users(self) -> list[UserRow]:
        """Every account, by name."""
        ...

    def add_user(self, username: str, display_name: str, role: Role, password: str) -> UserRow:
        """Create an account with an argon2id hash of ``password``."""
        ...

    def reset_password(self, username: str, password: str) -> UserRow:
        """Replace an account's password."""
        ...

    def set_disabled(self, username: str, disabled: bool) -> UserRow:
        """Disable (or enable again) an account."""
        ...
