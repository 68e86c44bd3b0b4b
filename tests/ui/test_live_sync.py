"""The poller: cheap revision checks, changed rows only, snapshots, failures."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.core.records import RequestRow
from console.core.vocab import CrewStatus
from console.ui.live_sync import LiveSync, SyncBatch
from tests.ui.conftest import FakeQueueSource, crew_row

MakeRow = Callable[..., RequestRow]


class Counting(FakeQueueSource):
    """A fake that counts the calls the poller makes."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.calls: list[str] = []
        self.fail_crews = False

    def revision(self) -> int:
        self.calls.append("revision")
        return super().revision()

    def requests_changed_since(self, revision: int) -> Any:
        self.calls.append("requests")
        return super().requests_changed_since(revision)

    def crews_changed_since(self, revision: int) -> Any:
        self.calls.append("crews")
        if self.fail_crews:
            raise ConnectionError("lost mid-poll")
        return super().crews_changed_since(revision)


@pytest.fixture
def source(make_row: MakeRow) -> Counting:
    return Counting([make_row(1), make_row(2)], [crew_row(1)])


def batches(sync: LiveSync) -> list[SyncBatch]:
    seen: list[SyncBatch] = []
    sync.sig_batch.connect(seen.append)
    return seen


def test_first_poll_is_a_snapshot_then_only_changes(
    qtbot: QtBot, source: Counting, make_row: MakeRow
) -> None:
    sync = LiveSync(source, 60_000)
    seen = batches(sync)
    depots: list[object] = []
    sync.sig_depots.connect(depots.append)
    sync.poll()
    assert seen[0].snapshot
    assert {r.id for r in seen[0].requests} == {1, 2}
    assert len(depots) == 1
    source.calls.clear()

    sync.poll()  # nothing changed: one cheap query, nothing emitted
    assert source.calls == ["revision"]
    assert len(seen) == 1

    source.upsert(make_row(3))
    source.upsert_crews(crew_row(1, status=CrewStatus.OFF_DUTY))
    sync.poll()
    assert not seen[1].snapshot
    assert [r.id for r in seen[1].requests] == [3]
    assert [c.status for c in seen[1].crews] == [CrewStatus.OFF_DUTY]
    assert len(depots) == 1


def test_a_failure_mid_poll_applies_nothing_and_retries(
    qtbot: QtBot, source: Counting, make_row: MakeRow
) -> None:
    sync = LiveSync(source, 60_000)
    seen = batches(sync)
    states: list[bool] = []
    sync.sig_connection_changed.connect(states.append)
    sync.poll()
    source.upsert(make_row(4))
    source.fail_crews = True
    sync.poll()
    assert states == [True, False]
    assert len(seen) == 1
    source.fail_crews = False
    sync.poll()
    assert states == [True, False, True]
    assert [r.id for r in seen[-1].requests] == [4]


def test_a_lower_revision_means_a_new_database(
    qtbot: QtBot, source: Counting, make_row: MakeRow
) -> None:
    sync = LiveSync(source, 60_000)
    seen = batches(sync)
    sync.poll()
    replaced = Counting([make_row(9)], [crew_row(5)])
    replaced._revision = 1  # the old one was at 2
    sync._backend = replaced
    sync.poll()
    assert seen[-1].snapshot
    assert [r.id for r in seen[-1].requests] == [9]


class Stalling(Counting):
    """A fake whose revision query hangs until released, like a lost connection."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.stall = threading.Event()
        self.entered = threading.Event()
        self.release = threading.Event()
        self.threads: set[str] = set()

    def revision(self) -> int:
        self.threads.add(threading.current_thread().name)
        if self.stall.is_set():
            self.entered.set()
            self.release.wait(10)
        return super().revision()


def test_polls_run_off_the_gui_thread_one_at_a_time(qtbot: QtBot, make_row: MakeRow) -> None:
    source = Stalling([make_row(1)], [crew_row(1)])
    sync = LiveSync(source, 60_000)
    seen = batches(sync)
    sync.refresh()
    sync.start()
    try:
        source.stall.set()
        source.calls.clear()
        started = time.perf_counter()
        sync.request_poll()
        qtbot.waitUntil(source.entered.is_set, timeout=3000)
        for _ in range(5):  # the GUI thread is free; further requests only queue one more
            sync.request_poll()
        assert (time.perf_counter() - started) < 1.0
        assert sync.busy
        source.upsert(make_row(2))
        source.stall.clear()
        source.release.set()
        qtbot.waitUntil(lambda: any(2 in {r.id for r in b.requests} for b in seen), timeout=3000)
        qtbot.waitUntil(lambda: not sync.busy, timeout=3000)
        assert source.calls.count("revision") == 2
        assert threading.current_thread().name not in source.threads
    finally:
        sync.stop()


def test_a_pushed_change_polls_at_once(qtbot: QtBot, source: Counting, make_row: MakeRow) -> None:
    class Pushing(Counting):
        callback: Callable[[], None] | None = None

        def subscribe_changes(self, callback: Callable[[], None]) -> Callable[[], None]:
            self.callback = callback
            return lambda: setattr(self, "callback", None)

    pushing = Pushing([make_row(1)], [crew_row(1)])
    sync = LiveSync(pushing, 60_000)
    seen = batches(sync)
    sync.refresh()
    sync.start()
    assert sync.pushes_changes
    pushing.upsert(make_row(5))
    callback = pushing.callback
    assert callback is not None
    threading.Thread(target=callback).start()  # as the listener thread would
    qtbot.waitUntil(lambda: any(5 in {r.id for r in b.requests} for b in seen), timeout=3000)
    sync.stop()
    assert pushing.callback is None
