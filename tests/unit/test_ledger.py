"""Hash-chain maths: any change to any event is found, and the fast path agrees with the slow one."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.ledger import (
    GENESIS_HASH,
    ChainLink,
    Checkpoint,
    EventContent,
    StoredEvent,
    canonical_json,
    canonical_pieces,
    chain_hash,
    event_canonical,
    format_time,
    verify_chain,
    verify_links,
)

START = datetime(2026, 11, 23, tzinfo=UTC)


def chain(n: int) -> list[StoredEvent]:
    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        content = EventContent(seq, START + timedelta(seconds=seq), "dispatcher", "request.queued",
                               seq, None, {"reference": f"RA-20261123-{seq:04d}", "note": "杭州"},
                               revision=seq + 1)  # fmt: skip
        digest = chain_hash(prev, content)
        events.append(StoredEvent(content, prev, digest))
        prev = digest
    return events


def checkpoint_of(events: list[StoredEvent], count: int) -> Checkpoint:
    return Checkpoint(count, events[count - 1].hash, START, "sqlite:///x.db")


def test_canonical_json_is_stable_and_keeps_chinese() -> None:
    assert canonical_json({"b": 1, "a": "杭州"}) == '{"a":"杭州","b":1}'
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


events = st.builds(
    EventContent,
    seq=st.integers(min_value=1, max_value=2**31 - 1),
    at=st.datetimes(timezones=st.just(UTC)),
    actor=st.text(max_size=30),
    kind=st.text(max_size=30),
    request_id=st.none() | st.integers(min_value=1, max_value=2**31 - 1),
    crew_id=st.none() | st.integers(min_value=1, max_value=2**31 - 1),
    payload=st.dictionaries(st.text(max_size=10), json_values, max_size=6),
    revision=st.integers(min_value=0, max_value=2**31 - 1),
)


@settings(max_examples=150, deadline=None)
@given(content=events)
def test_the_stored_form_builds_exactly_the_canonical_json_of_the_whole_event(
    content: EventContent,
) -> None:
    whole = {
        "seq": content.seq, "at": content.at, "actor": content.actor, "kind": content.kind,
        "request_id": content.request_id, "crew_id": content.crew_id, "payload": content.payload,
        "revision": content.revision,
    }  # fmt: skip
    assert content.canonical() == canonical_json(whole)


@settings(max_examples=150, deadline=None)
@given(
    content=events,
    changes=st.none() | st.lists(st.text(max_size=12), min_size=1, max_size=4),
)
def test_the_pieces_a_database_numbers_make_exactly_the_canonical_json(
    content: EventContent, changes: list[str] | None
) -> None:
    number = str(content.revision)
    pieces = canonical_pieces(
        at=format_time(content.at), actor=content.actor, kind=content.kind,
        request_id=content.request_id, crew_id=content.crew_id,
        payload_json=canonical_json(content.payload), changes_pieces=changes,
    )  # fmt: skip
    numbered = replace(content, changes=None if changes is None else number.join(changes))
    assert number.join(pieces) + str(content.seq) + "}" == numbered.canonical()


def test_a_payload_spelled_differently_counts_as_altered() -> None:
    event = chain(1)[0]
    c = event.content
    respelled = json.dumps(dict(c.payload), indent=1, ensure_ascii=True)
    text = event_canonical(seq=c.seq, at=format_time(c.at), actor=c.actor, kind=c.kind,
                           request_id=c.request_id, crew_id=c.crew_id, revision=c.revision,
                           payload_json=respelled)  # fmt: skip
    report = verify_links([ChainLink(1, text, event.prev_hash, event.hash)])
    assert not report.ok and report.first_bad_seq == 1


def test_an_intact_chain_verifies() -> None:
    report = verify_chain(chain(20), expected_count=20)
    assert report.ok and report.count == 20 and report.head_hash == chain(20)[-1].hash


def test_altering_removing_inserting_or_reordering_is_found() -> None:
    events = chain(10)
    altered = list(events)
    altered[4] = replace(events[4], content=replace(events[4].content, actor="intruder"))
    assert verify_chain(altered).first_bad_seq == 5
    revised = list(events)
    revised[4] = replace(events[4], content=replace(events[4].content, revision=99))
    assert verify_chain(revised).first_bad_seq == 5
    removed = events[:3] + events[4:]
    report = verify_chain(removed)
    assert report.first_bad_seq == 4 and "missing" in report.problem
    reordered = [*events[:2], events[3], events[2], *events[4:]]
    assert verify_chain(reordered).first_bad_seq == 3
    truncated = verify_chain(events[:8], expected_count=10)
    assert not truncated.ok and truncated.first_bad_seq == 9


def test_a_checkpoint_catches_a_history_rewritten_with_its_head() -> None:
    events = chain(10)
    note = checkpoint_of(events, 6)
    assert verify_chain(events, 10, note).ok
    # Someone rewrites event 4 onwards and recomputes every hash: the chain alone holds...
    forged, prev = list(events[:3]), events[2].hash
    for event in events[3:]:
        content = replace(event.content, actor="intruder")
        digest = chain_hash(prev, content)
        forged.append(StoredEvent(content, prev, digest))
        prev = digest
    assert verify_chain(forged, 10).ok
    # ...but not against the checkpoint.
    report = verify_chain(forged, 10, note)
    assert not report.ok and report.first_bad_seq == 6 and "checkpoint" in report.problem


def test_a_checkpoint_catches_events_removed_from_the_end_with_the_head() -> None:
    events = chain(10)
    report = verify_chain(events[:5], 5, checkpoint_of(events, 8))
    assert not report.ok and report.first_bad_seq == 6 and "recorded 8" in report.problem


def test_a_checkpoint_survives_its_file() -> None:
    note = checkpoint_of(chain(3), 3)
    assert Checkpoint.from_json(note.to_json()) == note
    empty = Checkpoint(0, GENESIS_HASH, START, "")
    assert verify_chain([], 0, Checkpoint.from_json(empty.to_json())).ok


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "not JSON"),
        ("[1]", "not a JSON object"),
        ('{"count": 1}', "format"),
        ('{"format": "roadside-ledger-checkpoint/1", "count": -1}', "count"),
        ('{"format": "roadside-ledger-checkpoint/1", "count": true}', "count"),
        ('{"format": "roadside-ledger-checkpoint/1", "count": 2, "head_hash": "abc"}', "head_hash"),
        (
            '{"format": "roadside-ledger-checkpoint/1", "count": 0, "head_hash": "'
            + "a" * 64
            + '"}',
            "all zeros",
        ),
        (
            '{"format": "roadside-ledger-checkpoint/1", "count": 2, "head_hash": "'
            + "a" * 64
            + '", "at": "2026-11-23T08:00:00"}',
            "zone",
        ),
    ],
)
def test_a_bad_checkpoint_file_says_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        Checkpoint.from_json(text)


def test_times_are_spelt_with_four_digit_years_as_the_databases_spell_them() -> None:
    assert format_time(datetime(2026, 11, 23, 7, 30, tzinfo=UTC)) == "2026-11-23T07:30:00.000000Z"
    assert format_time(datetime(160, 11, 7, 0, 30, 54, 37360, tzinfo=UTC)) == (
        "0160-11-07T00:30:54.037360Z"
    )
