"""Folding recorded row changes into the state the ledger vouches for, and naming differences."""

from __future__ import annotations

import json

import pytest

from console.core.replay import Difference, Replay, ReplayError


def _changes(*entries: dict[str, object]) -> str:
    return json.dumps(list(entries))


def _replay() -> Replay:
    replay = Replay(frozenset({"users", "requests"}), frozenset({("users", "password_hash")}))
    replay.apply(1, _changes(
        {"t": "users", "id": 1, "new": {"id": 1, "role": "DISPATCHER", "password_hash": "h1"}},
        {"t": "requests", "id": 7, "new": {"id": 7, "status": "NEW", "notes": ""}},
        {"t": "requests", "id": 8, "new": {"id": 8, "status": "NEW", "notes": ""}},
    ))  # fmt: skip
    replay.apply(2, _changes({"t": "requests", "id": 7, "set": {"status": "QUEUED"}}))
    replay.apply(3, _changes({"t": "requests", "id": 8, "deleted": True}))
    return replay


def test_updates_and_deletions_fold_in_order() -> None:
    replay = _replay()
    assert replay.state["requests"] == {7: {"id": 7, "status": "QUEUED", "notes": ""}}


def test_rows_as_the_ledger_says_show_no_difference() -> None:
    stored = [(7, {"id": 7, "status": "QUEUED", "notes": ""})]
    assert list(_replay().compare("requests", stored)) == []


def test_every_kind_of_difference_is_named() -> None:
    replay = _replay()
    stored = [(7, {"id": 7, "status": "CANCELLED", "notes": "x"}), (9, {"id": 9})]
    lines = [d.text() for d in replay.compare("requests", stored)]
    assert lines == [
        "requests id 7: status is CANCELLED, the ledger says QUEUED",
        'requests id 7: notes is x, the ledger says ""',
        "requests id 9 is not in the ledger",
    ]
    assert [d.text() for d in replay.compare("users", [])] == [
        "users id 1 was deleted without an event"
    ]


def test_a_secret_column_is_named_but_not_shown() -> None:
    stored = [(1, {"id": 1, "role": "DISPATCHER", "password_hash": "forged"})]
    found = list(_replay().compare("users", stored))
    assert found == [Difference("users", 1, "password_hash", secret=True)]
    assert found[0].text() == "users id 1: password_hash differs from the ledger"


def test_events_before_the_first_with_changes_are_skipped_later_gaps_are_noted() -> None:
    replay = Replay(frozenset({"users"}))
    replay.apply(1, None)
    assert not replay.started and replay.gaps == []
    replay.apply(2, "[]")
    replay.apply(3, None)
    assert replay.started and replay.gaps == [3]


@pytest.mark.parametrize(
    "text",
    ["[{not json", '{"t": "users"}', '[{"t": "nope", "id": 1, "new": {}}]',
     '[{"t": "users", "id": 1}]', '[{"t": "users", "id": 1, "new": 5}]', "[3]"],
)  # fmt: skip
def test_unreadable_changes_name_the_event(text: str) -> None:
    with pytest.raises(ReplayError, match=r"^event 4 "):
        Replay(frozenset({"users"})).apply(4, text)


def test_many_events_decoded_together_fold_as_one_by_one() -> None:
    events: list[tuple[int, str | None]] = [
        (1, None),
        (2, _changes({"t": "users", "id": 1, "new": {"id": 1, "role": "DISPATCHER"}})),
        (3, None),
        (4, _changes({"t": "users", "id": 1, "set": {"role": "SUPERVISOR"}})),
    ]
    together = Replay(frozenset({"users"}))
    together.apply_many(events)
    alone = Replay(frozenset({"users"}))
    alone.fold_all(events)
    assert together.state == alone.state == {"users": {1: {"id": 1, "role": "SUPERVISOR"}}}
    assert together.gaps == alone.gaps == [3]


def test_an_unreadable_event_among_many_is_named() -> None:
    events: list[tuple[int, str | None]] = [(5, "[]"), (6, "[{broken"), (7, "[]")]
    with pytest.raises(ReplayError, match=r"^event 6 "):
        Replay(frozenset({"users"})).apply_many(events)
