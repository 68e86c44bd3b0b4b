"""Run one slow call (open the database, check a password) off the interface thread.

The call runs on a plain daemon thread. Like :mod:`console.ui.background`, the
worker never touches Qt (PySide6 corrupts reference counts when signals are
emitted from other threads under load): it queues its progress and its result,
and a short timer on the interface thread hands them on as signals, so every
slot runs on the interface thread and the window keeps painting meanwhile.
The UI never writes rows here: the call is whatever the service layer handed
the UI (a gate, a seeder).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

__all__ = ["BackgroundCall", "Progress"]

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""``(done, total)``: how far a long call has come."""

COLLECT_MS = 15
"""How often the interface thread looks for news from the call while it runs."""

_PROGRESS, _FINISHED, _FAILED = "progress", "finished", "failed"


class BackgroundCall(QObject):
    """One call on a worker thread, reported back by signal (one call per object)."""

    sig_progress = Signal(int, int)
    """Carries ``(done, total)`` as the call reports progress."""

    sig_finished = Signal(object)
    """Carries the call's result."""

    sig_failed = Signal(object)
    """Carries the exception the call raised."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._thread: threading.Thread | None = None
        self._news: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._collector = QTimer(self)
        self._collector.setInterval(COLLECT_MS)
        self._collector.timeout.connect(self.collect)

    @property
    def running(self) -> bool:
        """True while the call has not returned."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, call: Callable[[Progress], Any]) -> None:
        """Run ``call(progress)`` on a new thread; only one call per object."""
        if self._thread is not None:
            raise RuntimeError(f"{self._name} already started")
        self._thread = threading.Thread(
            target=_run, args=(call, self._news, self._name), name=self._name, daemon=True
        )
        self._thread.start()
        self._collector.start()

    def wait(self, timeout_s: float) -> bool:
        """Block until the call returned (tests and shutdown); True if it did."""
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def collect(self) -> None:
        """Hand on what the call reported (called by the timer; tests may call it)."""
        while True:
            try:
                kind, value = self._news.get_nowait()
            except queue.Empty:
                return
            if kind == _PROGRESS:
                self.sig_progress.emit(*value)
                continue
            self._collector.stop()
            if kind == _FINISHED:
                self.sig_finished.emit(value)
            else:
                self.sig_failed.emit(value)
            return


def _run(
    call: Callable[[Progress], Any], news: queue.SimpleQueue[tuple[str, Any]], name: str
) -> None:
    """The worker: a plain function, so no Qt object is touched off the interface thread."""
    try:
        result = call(lambda done, total: news.put((_PROGRESS, (done, total))))
    except Exception as exc:  # handed to the interface thread, which says what failed
        logger.debug("%s failed", name, exc_info=True)
        news.put((_FAILED, exc))
        return
    news.put((_FINISHED, result))
