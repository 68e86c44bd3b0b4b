"""Run one slow call (open the database, check a password) off the interface thread.

The call runs on a plain daemon thread; its progress, result or exception come
back as queued signals, so every slot runs on the interface thread and the
window keeps painting meanwhile. The UI never writes rows here: the call is
whatever the service layer handed the UI (a gate, a seeder).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

__all__ = ["BackgroundCall", "Progress"]

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""``(done, total)``: how far a long call has come."""


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

    @property
    def running(self) -> bool:
        """True while the call has not returned."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, call: Callable[[Progress], Any]) -> None:
        """Run ``call(progress)`` on a new thread; only one call per object."""
        if self._thread is not None:
            raise RuntimeError(f"{self._name} already started")
        self._thread = threading.Thread(
            target=self._run, args=(call,), name=self._name, daemon=True
        )
        self._thread.start()

    def wait(self, timeout_s: float) -> bool:
        """Block until the call returned (tests and shutdown); True if it did."""
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def _run(self, call: Callable[[Progress], Any]) -> None:
        try:
            result = call(self._progress)
        except Exception as exc:  # handed to the interface thread, which says what failed
            logger.debug("%s failed", self._name, exc_info=True)
            self._emit(self.sig_failed, exc)
            return
        self._emit(self.sig_finished, result)

    def _progress(self, done: int, total: int) -> None:
        self._emit(self.sig_progress, done, total)

    def _emit(self, signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window that asked was closed meanwhile: nobody listens
            logger.debug("%s finished after its receiver was deleted", self._name)
