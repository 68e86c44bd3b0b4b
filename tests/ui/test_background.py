"""Slow reads run off the interface thread, newest first; the loop probe names what blocked."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from console.ui.background import BackgroundReads
from console.ui.loop_probe import EventLoopProbe, percentile


def test_a_read_runs_on_the_reader_and_answers_on_the_interface_thread(qtbot: QtBot) -> None:
    reads = BackgroundReads()
    ran_on: list[str] = []
    answered_on: list[str] = []

    def read() -> int:
        ran_on.append(threading.current_thread().name)
        return 42

    def done(value: int) -> None:
        answered_on.append(threading.current_thread().name)
        assert value == 42

    reads.submit("figures", read, done, lambda error: None)
    assert reads.pending("figures")
    qtbot.waitUntil(lambda: bool(answered_on))
    assert ran_on == ["reader"]
    assert answered_on == [threading.main_thread().name]
    assert not reads.pending("figures") and not reads.busy


def test_only_the_newest_read_of_a_name_is_answered(qtbot: QtBot) -> None:
    reads = BackgroundReads()
    release = threading.Event()
    answers: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "old"

    reads.submit("suggestions", slow, answers.append, lambda error: None)
    reads.submit("suggestions", lambda: "new", answers.append, lambda error: None)
    release.set()
    qtbot.waitUntil(lambda: not reads.busy)
    assert answers == ["new"]


def test_a_failed_read_is_reported_and_a_cancelled_one_is_dropped(qtbot: QtBot) -> None:
    reads = BackgroundReads()
    failures: list[BaseException] = []
    answers: list[object] = []

    def broken() -> None:
        raise ConnectionError("database away")

    reads.submit("report", broken, answers.append, failures.append)
    reads.submit("other", lambda: "ignored", answers.append, failures.append)
    reads.cancel("other")
    qtbot.waitUntil(lambda: not reads.busy)
    assert answers == []
    assert [str(error) for error in failures] == ["database away"]


def test_the_probe_names_what_blocked_the_interface_thread(qtbot: QtBot) -> None:
    probe = EventLoopProbe(10, stall_ms=50)

    def slow_handler() -> None:
        time.sleep(0.3)

    probe.start()
    qtbot.wait(100)
    slow_handler()
    qtbot.wait(100)
    report = probe.stop()
    assert report.ticks > 5
    worst = report.stalls[0]
    assert worst.gap_ms >= 250
    assert "slow_handler" in worst.culprit
    assert "tests/ui/test_background.py" in worst.culprit
    assert worst.cpu_ms < worst.gap_ms / 2, "sleeping is waiting, not work"
    assert any("slow_handler" in line for line in report.lines())


def test_percentiles_by_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 51
    assert percentile(values, 0.99) == 99
    assert percentile([], 0.99) == 0
