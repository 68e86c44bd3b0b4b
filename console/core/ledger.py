"""Hash-chain maths for the tamper-evident ledger.

Every event's hash covers the previous event's hash and the canonical JSON of
its own content, so altering, removing, inserting or reordering any event
breaks every hash after it. Storage lives in ``console.db``; this module only
computes and checks.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from console.core.inputs import parse_json

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the first event."""


_AS_THEY_ARE = frozenset({str, int, bool, type(None)})


def _plain(value: Any) -> Any:
    """Turn values into JSON-representable ones with one stable spelling."""
    if type(value) in _AS_THEY_ARE:  # most values: exactly these types (no enums), kept
        return value
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
    # isoformat, not strftime: glibc's %Y drops the leading zeros of a year before 1000,
    # which PostgreSQL's and SQLite's own spellings keep.
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def canonical_json(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(
        _plain(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def event_canonical(
    *,
    seq: int,
    at: str,
    actor: str,
    kind: str,
    request_id: int | None,
    crew_id: int | None,
    revision: int,
    payload_json: str,
    changes_json: str | None = None,
) -> str:
    """The canonical JSON of one event from its stored parts.

    ``at`` is the :func:`format_time` spelling and ``payload_json`` the stored
    canonical payload text, taken byte for byte: the writer stores exactly
    ``canonical_json(payload)``, so any other spelling of the payload is a change.
    Equal to ``canonical_json`` of the whole event (keys sorted), but built
    without re-parsing the payload, which keeps verifying a long ledger fast.
    ``changes_json`` (the row changes the event made, stored canonical too) is
    covered only when present, so events written before it existed hash as they did.
    """
    changes = "" if changes_json is None else f',"changes":{changes_json}'
    return (
        f'{{"actor":{_text(actor)},"at":"{at}"{changes},"crew_id":{_number(crew_id)},'
        f'"kind":{_text(kind)},"payload":{payload_json},'
        f'"request_id":{_number(request_id)},"revision":{revision:d},"seq":{seq:d}}}'
    )


def canonical_pieces(
    *,
    at: str,
    actor: str,
    kind: str,
    request_id: int | None,
    crew_id: int | None,
    payload_json: str,
    changes_pieces: list[str] | None = None,
) -> list[str]:
    """:func:`event_canonical` cut where the event's revision goes, for a sealer that numbers it.

    ``changes_pieces`` is the changes JSON cut where each row's revision goes.
    For any ``revision`` and ``seq``: ``revision_text.join(pieces) + seq_text + "}"``
    equals :func:`event_canonical` with those numbers and
    ``changes_json = revision_text.join(changes_pieces)``, so a database can
    number and hash an event under its head lock without a round trip back here.
    """
    changes = list(changes_pieces) if changes_pieces is not None else None
    if changes is not None and not changes:
        raise ValueError("changes pieces need at least one piece")
    opening = f'{{"actor":{_text(actor)},"at":"{at}"'
    middle = (
        f',"crew_id":{_number(crew_id)},"kind":{_text(kind)},"payload":{payload_json},'
        f'"request_id":{_number(request_id)},"revision":'
    )
    if changes is None:
        return [opening + middle, ',"seq":']
    changes[0] = f'{opening},"changes":{changes[0]}'
    changes[-1] += middle
    return [*changes, ',"seq":']


@functools.lru_cache(maxsize=4096)
def _text(value: str) -> str:
    # Actors and kinds repeat across a ledger: spelling each once keeps verify fast.
    return json.dumps(value, ensure_ascii=False)


def _number(value: int | None) -> str:
    return "null" if value is None else f"{value:d}"


@dataclass(frozen=True, slots=True)
class EventContent:
    """What one ledger event says, independent of how it is stored.

    ``revision`` is the global change revision the event's unit of work
    stamped on every row it wrote; hashing it ties the change feed to the ledger.
    """

    seq: int
    at: datetime
    actor: str
    kind: str
    request_id: int | None
    crew_id: int | None
    payload: Mapping[str, Any]
    revision: int
    changes: str | None = None
    """The canonical JSON of the row changes the event made (None on events older than it)."""

    def canonical(self) -> str:
        """The canonical JSON that the hash covers."""
        return event_canonical(
            seq=self.seq,
            at=format_time(self.at),
            actor=self.actor,
            kind=self.kind,
            request_id=self.request_id,
            crew_id=self.crew_id,
            revision=self.revision,
            payload_json=canonical_json(self.payload),
            changes_json=self.changes,
        )


def digest(prev_hash: str, canonical: str) -> str:
    """sha256(prev_hash + canonical text), hex."""
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def chain_hash(prev_hash: str, content: EventContent) -> str:
    """sha256(prev_hash + canonical JSON of the content), hex."""
    return digest(prev_hash, content.canonical())


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as read back from storage, with the hashes it claims."""

    content: EventContent
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class ChainLink:
    """The least a verifier needs of one stored event: its canonical text and hashes."""

    seq: int
    canonical: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A note of the ledger at one moment, kept outside the database.

    If event ``count`` still has ``head_hash`` and the chain verifies, nothing
    up to that event has been altered, removed, inserted or reordered since,
    even by someone able to rewrite the whole table and its chain head.
    """

    count: int
    head_hash: str
    at: datetime
    database: str

    def to_json(self) -> str:
        """The checkpoint file's text (indented JSON, one trailing newline)."""
        document = {
            "format": CHECKPOINT_FORMAT,
            "count": self.count,
            "head_hash": self.head_hash,
            "at": format_time(self.at),
            "database": self.database,
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Checkpoint:
        """Parse a checkpoint file's text; ``ValueError`` says what is wrong with it."""
        try:
            document = parse_json(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not JSON ({exc.msg} at line {exc.lineno})") from None
        if not isinstance(document, dict):
            raise ValueError("not a JSON object")
        if document.get("format") != CHECKPOINT_FORMAT:
            raise ValueError(f"not a ledger checkpoint (format must be {CHECKPOINT_FORMAT!r})")
        count = document.get("count")
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError("count must be a whole number from 0")
        head = document.get("head_hash")
        if not isinstance(head, str) or not _HEX64.fullmatch(head):
            raise ValueError("head_hash must be 64 hexadecimal digits")
        if count == 0 and head != GENESIS_HASH:
            raise ValueError("an empty ledger's head_hash is all zeros")
        at = document.get("at")
        try:
            moment = datetime.fromisoformat(at) if isinstance(at, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise ValueError("at must be an ISO 8601 time with a zone")
        database = document.get("database", "")
        if not isinstance(database, str):
            raise ValueError("database must be text")
        return cls(count=count, head_hash=head, at=moment.astimezone(UTC), database=database)


CHECKPOINT_FORMAT = "roadside-ledger-checkpoint/1"
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of verifying a chain."""

    ok: bool
    count: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str = ""
    differences: tuple[str, ...] = ()
    """Rows that differ from the ledger's replay, one line each (the first ones, if many)."""
    difference_count: int = 0
    """How many rows differ in all (``differences`` may hold fewer)."""


def verify_links(
    links: Iterable[ChainLink],
    expected_count: int | None = None,
    checkpoint: Checkpoint | None = None,
    *,
    after: tuple[int, str] | None = None,
) -> ChainReport:
    """Recompute the chain in ``seq`` order and report the first broken event.

    ``expected_count`` (the count recorded in the chain head) catches events
    removed from the end, which no hash after them could reveal; ``checkpoint``
    catches a history rewritten from some event on, chain head included.
    ``after`` (count, head hash) continues a chain verified before: ``links``
    then start at event ``count + 1``, which must follow that hash.
    """
    prev = GENESIS_HASH if after is None else after[1]
    count = 0 if after is None else after[0]
    for expected_seq, link in enumerate(links, start=count + 1):
        seq = link.seq
        if seq != expected_seq:
            problem = (
                f"event {expected_seq} is missing (removed or renumbered)"
                if seq > expected_seq
                else f"event {expected_seq} is out of place: found event {seq} (inserted or reordered)"
            )
            return ChainReport(False, count, prev, expected_seq, problem)
        if link.prev_hash != prev:
            return ChainReport(
                False,
                count,
                prev,
                seq,
                f"event {seq} does not follow event {seq - 1} (removed, inserted or reordered)",
            )
        if digest(prev, link.canonical) != link.hash:
            return ChainReport(
                False, count, prev, seq, f"event {seq} was altered (its hash does not match)"
            )
        if checkpoint is not None and seq == checkpoint.count and link.hash != checkpoint.head_hash:
            return ChainReport(
                False,
                count,
                prev,
                seq,
                f"event {seq} differs from the checkpoint of {format_time(checkpoint.at)} "
                "(history rewritten)",
            )
        prev = link.hash
        count += 1
    if expected_count is not None and count < expected_count:
        return ChainReport(
            False,
            count,
            prev,
            count + 1,
            f"event {count + 1} is missing: the chain holds {count} events, "
            f"the head records {expected_count} (tail removed)",
        )
    if expected_count is not None and count > expected_count:
        return ChainReport(
            False,
            count,
            prev,
            expected_count + 1,
            f"event {expected_count + 1} is not in the chain head: the chain holds {count} "
            f"events, the head records {expected_count} (appended outside the console)",
        )
    if checkpoint is not None and count < checkpoint.count:
        return ChainReport(
            False,
            count,
            prev,
            count + 1,
            f"ledger holds {count} events, the checkpoint of {format_time(checkpoint.at)} "
            f"recorded {checkpoint.count} (events removed)",
        )
    return ChainReport(True, count, prev)


def verify_chain(
    events: Iterable[StoredEvent],
    expected_count: int | None = None,
    checkpoint: Checkpoint | None = None,
) -> ChainReport:
    """:func:`verify_links` over events with their decoded content."""
    return verify_links(
        (ChainLink(e.content.seq, e.content.canonical(), e.prev_hash, e.hash) for e in events),
        expected_count,
        checkpoint,
    )
