"""Start the real console in a child process and time its start-up phases.

Each run is a fresh ``python`` process running ``console.cli.main`` (the same
code path as ``python main.py``) with private settings folders. A small driver
in the child subscribes to :mod:`console.startup`, clicks "Sign in" as soon as
the dialog is ready (the demo dispatcher is filled in) and exits once the
first rows reached the console window. Times are seconds since the child
process was spawned.

Cold: a fresh data folder and database, so demo data is seeded. Warm: the
same database again (and a warm disk cache).

    python -m tests.bench.startup_runs --cold 3 --warm 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PHASES: tuple[str, ...] = (
    "entry point",
    "settings read",
    "application created",
    "sign-in shown",
    "database open",
    "demo data loaded",
    "sign-in ready",
    "sign-in clicked",
    "password checked",
    "main window built",
    "main window shown",
    "first rows shown",
)
"""The phases in the order they pass ("demo data loaded" on a cold start only)."""

_DRIVER = r"""
import json, os, sys, time
from console import startup
spawned = float(os.environ["STARTUP_BENCH_SPAWNED"])
seen = {}

def record(phase):
    seen.setdefault(phase, time.time() - spawned)

def click_when_ready():
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from console.ui.sign_in_dialog import SignInDialog
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, SignInDialog) and w.isVisible()]
    if dialogs and dialogs[0].ready:
        record("sign-in clicked")
        dialogs[0].sign_in_button.click()
    else:
        QTimer.singleShot(10, click_when_ready)

def on_mark(mark):
    record(mark.phase)
    if mark.phase == "sign-in shown":
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, click_when_ready)
    if mark.phase == "first rows shown":
        sys.stdout.write("STARTUP " + json.dumps(seen) + "\n")
        sys.stdout.flush()
        os._exit(0)

startup.subscribe(on_mark)
from console.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_once(data: Path, *, timeout_s: float = 180.0) -> dict[str, float]:
    """One start in a child process; seconds after spawn at which each phase passed."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("STARTUP_BENCH_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": str(data / "config"),
        "XDG_DATA_HOME": str(data / "data"),
        "STARTUP_BENCH_SPAWNED": repr(time.time()),
    }
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--no-sandbox" not in flags:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()
    url = f"sqlite:///{data / 'console.db'}"
    done = subprocess.run(
        [sys.executable, "-c", _DRIVER, "--db", url, "--lang", "en"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("STARTUP "):
            phases: dict[str, float] = json.loads(line.removeprefix("STARTUP "))
            return phases
    raise RuntimeError(
        f"the console did not reach its first rows (exit status {done.returncode}):\n"
        f"{done.stderr[-3000:]}"
    )


def cold_start() -> dict[str, float]:
    """A first start: fresh folders and database (demo data is seeded)."""
    with tempfile.TemporaryDirectory(prefix="startup-cold-") as folder:
        return run_once(Path(folder))


def warm_starts(count: int, folder: Path) -> list[dict[str, float]]:
    """``count`` starts on a database that an untimed first start already seeded."""
    run_once(folder)
    return [run_once(folder) for _ in range(count)]


def summary(runs: list[dict[str, float]]) -> list[tuple[str, float, float, float]]:
    """(phase, min, median, max) for each phase seen in every run."""
    rows = []
    for phase in PHASES:
        values = [run[phase] for run in runs if phase in run]
        if len(values) == len(runs) and values:
            rows.append((phase, min(values), statistics.median(values), max(values)))
    return rows


def _print(title: str, runs: list[dict[str, float]]) -> None:
    print(f"{title} ({len(runs)} runs), seconds after the process was spawned")
    print(f"  {'phase':<22} {'min':>6} {'median':>7} {'max':>6}")
    for phase, low, middle, high in summary(runs):
        print(f"  {phase:<22} {low:6.2f} {middle:7.2f} {high:6.2f}")


def main(argv: list[str] | None = None) -> int:
    """Print the phase table for cold and warm starts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", type=int, default=3, help="cold starts (each seeds demo data)")
    parser.add_argument("--warm", type=int, default=5, help="warm starts")
    args = parser.parse_args(argv)
    if args.cold:
        _print("cold start", [cold_start() for _ in range(args.cold)])
    if args.warm:
        with tempfile.TemporaryDirectory(prefix="startup-warm-") as folder:
            _print("warm start", warm_starts(args.warm, Path(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
