"""Measures how responsive the interface thread is, and catches what blocks it.

A short repeating timer notes how late each of its ticks fires (the event
loop's latency). A watchdog thread looks at the timer's last tick every few
milliseconds; while the loop has been silent longer than ``stall_ms`` it
samples the interface thread's Python stack, so each long stall comes with
what was running. The watchdog never touches Qt (only the clock and
``sys._current_frames``), so it is safe next to the interface thread.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from PySide6.QtCore import QObject, Qt, QTimer

__all__ = ["EventLoopProbe", "LatencyReport", "Stall", "percentile"]

_ROOT = Path(__file__).resolve().parents[2]
_OWN = ("console", "tests", "tools")


def percentile(values: list[float], share: float) -> float:
    """The ``share`` (0-1) quantile of ``values`` by nearest rank (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[rank]


@dataclass(frozen=True, slots=True)
class Stall:
    """One stretch in which the event loop did not run."""

    at_s: float
    """Seconds after the probe started."""
    gap_ms: float
    """How long the loop was silent."""
    culprit: str
    """The stack seen most often while it was silent (innermost frame first), or ""."""
    samples: int
    cpu_ms: float = 0.0
    """CPU time the interface thread itself used in the gap: near ``gap_ms`` it was
    busy; near zero it waited (for the GIL, held by another thread, or for a core)."""


@dataclass(frozen=True, slots=True)
class Collection:
    """One run of Python's cyclic garbage collector (it holds every thread while it runs)."""

    at_s: float
    generation: int
    ms: float
    thread: str


@dataclass(frozen=True, slots=True)
class LatencyReport:
    """Lateness of the probe's ticks and the worst stalls."""

    ticks: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    over_100_ms: int
    duration_s: float
    busy_p99_ms: float = 0.0
    """CPU time the interface thread spent between two ticks: its own work, whatever
    the machine's load (wall-clock lateness also counts waiting for a core)."""
    busy_max_ms: float = 0.0
    busy_over_100: int = 0
    stalls: tuple[Stall, ...] = field(default=())
    busiest: tuple[Stall, ...] = field(default=())
    """The gaps in which the interface thread itself worked longest."""
    collections: tuple[Collection, ...] = field(default=())
    """The longest garbage collections."""

    def lines(self) -> list[str]:
        """A human summary: the figures, then the worst stalls with what ran."""
        out = [
            f"{self.ticks} ticks in {self.duration_s:.1f} s: lateness p50 {self.p50_ms:.1f} ms, "
            f"p99 {self.p99_ms:.1f} ms, max {self.max_ms:.1f} ms; "
            f"{self.over_100_ms} ticks over 100 ms late",
            f"interface thread's own work between ticks: p99 {self.busy_p99_ms:.1f} ms, "
            f"max {self.busy_max_ms:.1f} ms; {self.busy_over_100} stretches over 100 ms",
            "longest gaps:",
        ]
        for stall in self.stalls:
            out.append(
                f"  {stall.gap_ms:7.1f} ms at {stall.at_s:6.1f} s, cpu {stall.cpu_ms:5.1f} ms "
                f"({stall.samples} samples): "
                f"{stall.culprit or '(no Python frame sampled)'}"
            )
        out.append("busiest gaps (interface thread CPU):")
        for stall in self.busiest:
            out.append(
                f"  cpu {stall.cpu_ms:6.1f} ms in a {stall.gap_ms:7.1f} ms gap at {stall.at_s:6.1f} s: "
                f"{stall.culprit or '(no Python frame sampled)'}"
            )
        out.append("longest garbage collections:")
        for run in self.collections:
            out.append(
                f"  gc gen {run.generation}: {run.ms:6.1f} ms at {run.at_s:6.1f} s on {run.thread}"
            )
        return out


def _where(frame: FrameType | None, depth: int) -> str:
    """The innermost frame, then up to ``depth`` frames of the project's own code."""
    parts: list[str] = []
    own = 0
    first = True
    while frame is not None and own < depth:
        path = Path(frame.f_code.co_filename)
        try:
            relative = path.resolve().relative_to(_ROOT)
        except ValueError:
            relative = None
        mine = relative is not None and relative.parts[:1] in tuple((p,) for p in _OWN)
        if first or mine:
            name = str(relative) if mine else path.name
            parts.append(f"{name}:{frame.f_lineno} {frame.f_code.co_name}")
            own += int(mine)
        first = False
        frame = frame.f_back
    return " < ".join(parts)


class EventLoopProbe(QObject):
    """A ``interval_ms`` timer measuring its own lateness, plus a stall sampler."""

    def __init__(
        self,
        interval_ms: int = 20,
        *,
        stall_ms: float = 50.0,
        keep: int = 10,
        depth: int = 4,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._interval_s = interval_ms / 1000
        self._stall_s = stall_ms / 1000
        self._keep = keep
        self._depth = depth
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._lateness: list[float] = []
        self._busy: list[float] = []
        self._busiest: list[Stall] = []
        self._stalls: list[Stall] = []
        self._samples: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._watchdog: threading.Thread | None = None
        self._gui_thread = threading.get_ident()
        self._started = 0.0
        self._last = 0.0
        self._last_cpu = 0.0
        self._expected = 0.0
        self._collections: list[Collection] = []
        self._gc_started: dict[int, float] = {}

    def start(self) -> None:
        """Start measuring (on the interface thread)."""
        self._gui_thread = threading.get_ident()
        self._started = self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._expected = self._last + self._interval_s
        self._stop.clear()
        self._watchdog = threading.Thread(target=self._watch, name="loop-probe", daemon=True)
        self._watchdog.start()
        gc.callbacks.append(self._on_gc)
        self._timer.start()

    def stop(self) -> LatencyReport:
        """Stop measuring and report."""
        self._timer.stop()
        self._stop.set()
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        if self._watchdog is not None:
            self._watchdog.join(1.0)
        return self.report()

    def report(self) -> LatencyReport:
        """The figures so far."""
        late = [s * 1000 for s in self._lateness]
        busy = [s * 1000 for s in self._busy]
        worst = sorted(self._stalls, key=lambda s: s.gap_ms, reverse=True)[: self._keep]
        busiest = sorted(self._busiest, key=lambda s: s.cpu_ms, reverse=True)[: self._keep]
        return LatencyReport(
            ticks=len(late),
            p50_ms=percentile(late, 0.50),
            p99_ms=percentile(late, 0.99),
            max_ms=max(late, default=0.0),
            over_100_ms=sum(1 for v in late if v > 100),
            duration_s=time.perf_counter() - self._started,
            busy_p99_ms=percentile(busy, 0.99),
            busy_max_ms=max(busy, default=0.0),
            busy_over_100=sum(1 for v in busy if v > 100),
            stalls=tuple(worst),
            busiest=tuple(busiest),
            collections=tuple(
                sorted(self._collections, key=lambda c: c.ms, reverse=True)[: self._keep]
            ),
        )

    def _tick(self) -> None:
        now = time.perf_counter()
        cpu = time.thread_time()
        self._lateness.append(max(0.0, now - self._expected))
        self._busy.append(cpu - self._last_cpu)
        gap = now - self._last
        with self._lock:
            samples, self._samples = self._samples, []
        if gap > self._stall_s:
            culprit = Counter(samples).most_common(1)[0][0] if samples else ""
            stall = Stall(
                self._last - self._started,
                gap * 1000,
                culprit,
                len(samples),
                (cpu - self._last_cpu) * 1000,
            )
            self._stalls.append(stall)
            self._busiest.append(stall)
            if len(self._stalls) > 20 * self._keep:
                self._stalls.sort(key=lambda s: s.gap_ms, reverse=True)
                del self._stalls[self._keep :]
                self._busiest.sort(key=lambda s: s.cpu_ms, reverse=True)
                del self._busiest[self._keep :]
        self._last = now
        self._last_cpu = cpu
        self._expected = now + self._interval_s

    def _watch(self) -> None:
        while not self._stop.wait(0.005):
            if time.perf_counter() - self._last < self._stall_s:
                continue
            frame = sys._current_frames().get(self._gui_thread)
            where = _where(frame, self._depth)
            del frame
            with self._lock:
                self._samples.append(where)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        thread = threading.get_ident()
        now = time.perf_counter()
        if phase == "start":
            self._gc_started[thread] = now
            return
        began = self._gc_started.pop(thread, None)
        if began is None or now - began < 0.01:
            return
        name = threading.current_thread().name
        self._collections.append(
            Collection(
                began - self._started, info.get("generation", -1), (now - began) * 1000, name
            )
        )
