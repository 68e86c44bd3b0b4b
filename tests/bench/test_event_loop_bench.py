"""Event-loop latency of a full console following the live demo (run with --benchmark-enable).

    pytest tests/bench/test_event_loop_bench.py --benchmark-enable -s

Ten minutes of demo time at 10x (60 s of wall time) on the national demo fleet,
with the map in QtWebEngine, a scripted dispatcher (selections, crew searches)
and the supervisor dashboard open. ``LIVE_LOOP_DEMO_MINUTES`` and
``LIVE_LOOP_SPEED`` change the run, ``LIVE_LOOP_HOUR`` the local hour it starts at. The figures (probe lateness p50/p99/max,
the interface thread's own work between ticks, the worst stalls with what ran)
are printed and stored in the benchmark's ``extra_info``.

Target (issue 15): no work of the console's own blocks the event loop for more
than 100 ms. Wall-clock lateness also counts time spent waiting for a core, so
on a loaded machine the interface thread's own CPU time between two ticks is
the figure that judges the console's code.
"""

from __future__ import annotations

import os
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from tests.bench.live_loop import LoopRun, run_live_loop

DEMO_MINUTES = float(os.environ.get("LIVE_LOOP_DEMO_MINUTES", "10"))
SPEED = float(os.environ.get("LIVE_LOOP_SPEED", "10"))
LOCAL_HOUR = int(os.environ.get("LIVE_LOOP_HOUR", "10"))
"""The demo starts at 10:00 local time (a busy morning hour), so runs compare."""


def test_event_loop_latency_under_the_live_demo(
    qtbot: QtBot, tmp_path: Path, benchmark: BenchmarkFixture
) -> None:
    del qtbot  # the QApplication
    runs: list[LoopRun] = []

    def play() -> None:
        runs.append(
            run_live_loop(tmp_path, demo_minutes=DEMO_MINUTES, speed=SPEED, local_hour=LOCAL_HOUR)
        )

    benchmark.pedantic(play, rounds=1, iterations=1)
    run = runs[0]
    report = run.report
    benchmark.extra_info.update(
        {
            "demo_minutes": DEMO_MINUTES,
            "speed": SPEED,
            "crews": run.crews,
            "window_build_s": round(run.window_build_s, 2),
            "lateness_p50_ms": round(report.p50_ms, 1),
            "lateness_p99_ms": round(report.p99_ms, 1),
            "lateness_max_ms": round(report.max_ms, 1),
            "own_work_p99_ms": round(report.busy_p99_ms, 1),
            "own_work_max_ms": round(report.busy_max_ms, 1),
            "own_work_over_100ms": report.busy_over_100,
            "demo": run.demo_counts,
            "dispatcher": run.actions,
        }
    )
    print("\n" + "\n".join(report.lines()))
    assert run.crews > 2000, "the national fleet"
    assert run.actions["selections"] > 0 and run.actions["keystrokes"] > 0
    assert report.ticks > 0
    assert report.busy_p99_ms <= 100, "the console's own work between two ticks"
