"""Registered devices: the secret identifier a phone sends, and a device as lists show it.

The OsmAnd protocol carries nothing but the device's identifier, so the
identifier is the credential: 160 random bits in URL-safe Base64 (27
characters a person can still type from a screen), stored only as its SHA-256
with the last characters as a hint. Pure Python: no database here.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

__all__ = ["HINT_LENGTH", "TOKEN_BYTES", "DeviceRow", "new_token", "token_hash", "token_hint"]

TOKEN_BYTES = 20
"""Random bytes in a new identifier (160 bits: unguessable, at least the 128 asked for)."""
HINT_LENGTH = 4
"""Characters of the identifier kept in clear, to tell devices apart in lists and logs."""
TOKEN_MAX = 200
"""Longest identifier looked up (longer ones are no identifier this console made)."""


def new_token() -> str:
    """A fresh secret device identifier."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """SHA-256 (hex) of an identifier: what the registry stores and looks up.

    A fast hash is enough: the identifier holds 160 random bits, so there is no
    dictionary to try against a stolen hash.
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_hint(token: str) -> str:
    """The identifier's last characters, safe to show and to log."""
    return token[-HINT_LENGTH:]


@dataclass(frozen=True, slots=True)
class DeviceRow:
    """One registered device as lists and dialogs show it (never its identifier)."""

    id: int
    crew_id: int
    call_sign: str
    label: str
    hint: str
    """The identifier's last characters."""
    created_at: datetime
    created_by: str
    revoked_at: datetime | None = None
    revoked_by: str | None = None

    @property
    def revoked(self) -> bool:
        """True once the device was revoked: the gateway refuses its reports."""
        return self.revoked_at is not None
