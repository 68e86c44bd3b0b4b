"""The quick check of the rows a sign-in relies on: a user's row against the ledger.

Only events of the kinds in :data:`USER_EVENT_KINDS` may change the ``users``
table (the writer refuses any other, see :func:`check_kind`), so the check reads
those few events through the ``events.kind`` index, never the whole ledger.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from console.core.replay import Difference
from console.db.models import Event, User
from console.db.records.image import SECRET_COLUMNS, image

USER_EVENT_KINDS = frozenset(
    {
        "user.added",
        "user.password_reset",
        "user.disabled",
        "user.enabled",
        "user.signed_in",
        "user.role_changed",
        "dataset.seeded",
        "ledger.baseline",
    }
)
"""Every event kind allowed to write the ``users`` table."""

_USERS = '"t":"users"'


def check_kind(kind: str, changes: str) -> None:
    """Refuse to record an event that writes ``users`` under a kind the fast check skips."""
    if kind not in USER_EVENT_KINDS and _USERS in changes:
        raise RuntimeError(f"event kind {kind} writes users: add it to USER_EVENT_KINDS")


def user_differences(bind: Session | Connection, user_id: int) -> list[Difference]:
    """How user ``user_id``'s stored row differs from what the ledger says (empty: it agrees).

    Databases whose ledger records no row changes yet (not upgraded) are not checked.
    """
    found = image(User.__tablename__)
    assert found is not None
    query = (
        select(Event.changes)
        .where(Event.kind.in_(sorted(USER_EVENT_KINDS)), Event.changes.is_not(None))
        .order_by(Event.seq)
    )
    expected: dict[str, Any] | None = None
    recorded = False
    for (changes,) in bind.execute(query):
        recorded = True
        if changes is None or _USERS not in changes:
            continue
        for entry in json.loads(changes):
            if entry.get("t") != "users" or entry.get("id") != user_id:
                continue
            if "new" in entry:
                expected = dict(entry["new"])
            elif "set" in entry:
                expected = {**(expected or {}), **entry["set"]}
            elif entry.get("deleted"):
                expected = None
    if not recorded:
        return []
    row = bind.execute(select(found.table).where(found.table.c.id == user_id)).mappings().first()
    if row is None:
        return [] if expected is None else [Difference("users", user_id, kind="missing")]
    if expected is None:
        return [Difference("users", user_id, kind="extra")]
    stored = found.row(row)
    return [
        Difference("users", user_id, column, secret=True)
        if ("users", column) in SECRET_COLUMNS
        else Difference("users", user_id, column, stored[column], value)
        for column, value in sorted(expected.items())
        if column in stored and stored[column] != value
    ]


def users_differences(bind: Session | Connection) -> list[Difference]:
    """Every user row that differs from the ledger (what ``db upgrade`` checks)."""
    ids = list(bind.execute(select(User.id).order_by(User.id)).scalars())
    return [found for user_id in ids for found in user_differences(bind, user_id)]
