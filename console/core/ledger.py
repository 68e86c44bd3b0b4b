"""Hash-chain maths for the tamper-evident ledger.

Every event's hash covers the previous event's hash and the canonical JSON of
its own content, so altering, removing, inserting or reordering any event
breaks every hash after it. Storage lives in ``console.db``; this module only
computes and checks.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the first event."""


def _plain(value: Any) -> Any:
    """Turn values into JSON-representable ones with one stable spelling."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, float) and math.isnan(value):  # NaN has no canonical form
        raise ValueError("NaN cannot be recorded in the ledger")
    return value


def format_time(moment: datetime) -> str:
    """UTC ISO-8601 with microseconds and a ``Z``: the one spelling the ledger uses."""
    if moment.tzinfo is None:
        raise ValueError("ledger times must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(
        _plain(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


@dataclass(frozen=True, slots=True)
class EventContent:
    """What one ledger event says, independent of how it is stored."""

    seq: int
    at: datetime
    actor: str
    kind: str
    request_id: int | None
    crew_id: int | None
    payload: Mapping[str, Any]

    def canonical(self) -> str:
        """The canonical JSON that the hash covers."""
        return canonical_json(
            {
                "seq": self.seq,
                "at": self.at,
                "actor": self.actor,
                "kind": self.kind,
                "request_id": self.request_id,
                "crew_id": self.crew_id,
                "payload": self.payload,
            }
        )


def chain_hash(prev_hash: str, content: EventContent) -> str:
    """sha256(prev_hash + canonical JSON of the content), hex."""
    return hashlib.sha256((prev_hash + content.canonical()).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as read back from storage, with the hashes it claims."""

    content: EventContent
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of verifying a chain."""

    ok: bool
    count: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str = ""


def verify_chain(events: Iterable[StoredEvent], expected_count: int | None = None) -> ChainReport:
    """Recompute the chain in ``seq`` order and report the first broken event.

    ``expected_count`` (the count recorded in the chain head) catches events
    removed from the end, which no hash after them could reveal.
    """
    prev = GENESIS_HASH
    count = 0
    for expected_seq, event in enumerate(events, start=1):
        seq = event.content.seq
        if seq != expected_seq:
            problem = "missing" if seq > expected_seq else "out of order or inserted"
            return ChainReport(False, count, prev, expected_seq, f"event {expected_seq} {problem}")
        if event.prev_hash != prev:
            return ChainReport(
                False, count, prev, seq, f"event {seq} does not follow event {seq - 1}"
            )
        if chain_hash(prev, event.content) != event.hash:
            return ChainReport(False, count, prev, seq, f"event {seq} was altered")
        prev = event.hash
        count += 1
    if expected_count is not None and count != expected_count:
        return ChainReport(
            False,
            count,
            prev,
            count + 1,
            f"chain holds {count} events, head records {expected_count}",
        )
    return ChainReport(True, count, prev)
