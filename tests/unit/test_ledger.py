"""Hash-chain maths: any change to any event is found."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from console.core.ledger import (
    GENESIS_HASH,
    EventContent,
    StoredEvent,
    canonical_json,
    chain_hash,
    verify_chain,
)


def chain(n: int) -> list[StoredEvent]:
    start = datetime(2026, 11, 23, tzinfo=UTC)
    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        content = EventContent(seq, start + timedelta(seconds=seq), "dispatcher", "request.queued",
                               seq, None, {"reference": f"RA-20261123-{seq:04d}", "note": "杭州"})  # fmt: skip
        digest = chain_hash(prev, content)
        events.append(StoredEvent(content, prev, digest))
        prev = digest
    return events


def test_canonical_json_is_stable_and_keeps_chinese() -> None:
    assert canonical_json({"b": 1, "a": "杭州"}) == '{"a":"杭州","b":1}'
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})


def test_an_intact_chain_verifies() -> None:
    report = verify_chain(chain(20), expected_count=20)
    assert report.ok and report.count == 20 and report.head_hash == chain(20)[-1].hash


def test_altering_removing_inserting_or_reordering_is_found() -> None:
    events = chain(10)
    altered = list(events)
    altered[4] = replace(events[4], content=replace(events[4].content, actor="intruder"))
    assert verify_chain(altered).first_bad_seq == 5
    removed = events[:3] + events[4:]
    assert verify_chain(removed).first_bad_seq == 4
    reordered = [*events[:2], events[3], events[2], *events[4:]]
    assert verify_chain(reordered).first_bad_seq == 3
    truncated = verify_chain(events[:8], expected_count=10)
    assert not truncated.ok and truncated.first_bad_seq == 9
