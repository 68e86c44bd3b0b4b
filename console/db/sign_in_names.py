"""The key that hashes sign-in names no account has, kept in ``console_secrets``.

Migration 0007 makes it; a database whose row was removed or damaged gets a
new one at the next sign-in of an unknown name (earlier labels then no longer match, which only
resets their lock-out count).
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import ConsoleSecret

__all__ = ["SIGN_IN_NAMES", "ensure_name_key", "name_key"]

SIGN_IN_NAMES = "sign_in_names"
"""The ``console_secrets`` row holding the key (64 hex digits)."""


def name_key(session: Session) -> bytes | None:
    """The key, or None if this database has none."""
    value = session.scalar(select(ConsoleSecret.value).where(ConsoleSecret.name == SIGN_IN_NAMES))
    try:
        key = bytes.fromhex(value or "")
    except ValueError:
        return None
    return key if len(key) >= 16 else None


def ensure_name_key(session: Session, now: datetime) -> bytes:
    """The key, made and stored now if missing (call inside a write transaction)."""
    key = name_key(session)
    if key is None:
        key = secrets.token_bytes(32)
        row = session.get(ConsoleSecret, SIGN_IN_NAMES)
        if row is None:
            session.add(ConsoleSecret(name=SIGN_IN_NAMES, value=key.hex(), created_at=now))
        else:  # damaged by hand: replace it
            row.value, row.created_at = key.hex(), now
        session.flush()
    return key
