"""Reads that take longer than a frame run off the interface thread, latest first.

A panel hands :class:`BackgroundReads` a named read (a plain callable that asks
the backend something) and what to do with the answer; the read runs on one
worker thread, and the answer is handed back on the interface thread. A newer
read under the same name makes an older one's answer stale: it is dropped, so
a panel always shows what it asked for last.

Like :mod:`console.ui.live_sync`, the worker never touches Qt (PySide6 6.12
corrupts reference counts when signals are emitted from other threads under
load): a short timer on the interface thread collects finished reads, and it
runs only while reads are outstanding.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer

__all__ = ["BackgroundReads"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

COLLECT_MS = 15
"""How often the interface thread looks for finished reads while some are outstanding."""


@dataclass(frozen=True, slots=True)
class _Read:
    name: str
    generation: int
    call: Callable[[], Any]


@dataclass(frozen=True, slots=True)
class _Answer:
    read: _Read
    value: Any = None
    error: BaseException | None = None


class BackgroundReads(QObject):
    """One worker thread for a panel's slow reads; answers come back on the interface thread."""

    def __init__(self, parent: QObject | None = None, *, thread_name: str = "reads") -> None:
        super().__init__(parent)
        self._thread_name = thread_name
        self._jobs: queue.SimpleQueue[_Read | None] = queue.SimpleQueue()
        self._answers: queue.SimpleQueue[_Answer] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._generations: dict[str, int] = {}
        self._handlers: dict[str, tuple[Callable[[Any], None], Callable[[BaseException], None]]] = {}
        self._outstanding = 0
        self._collector = QTimer(self)
        self._collector.setInterval(COLLECT_MS)
        self._collector.timeout.connect(self.collect)
        jobs = self._jobs
        del jobs

    @property
    def busy(self) -> bool:
        """True while a read is outstanding."""
        return self._outstanding > 0

    def pending(self, name: str) -> bool:
        """True while the newest read called ``name`` has not been answered."""
        return name in self._handlers

    def submit(
        self,
        name: str,
        call: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run ``call`` on the worker; then ``done(value)`` or ``failed(error)`` here.

        Only the newest read of each ``name`` is answered.
        """
        generation = self._generations.get(name, 0) + 1
        self._generations[name] = generation
        self._handlers[name] = (done, failed)
        self._ensure_thread()
        self._outstanding += 1
        self._jobs.put(_Read(name, generation, call))
        if not self._collector.isActive():
            self._collector.start()

    def cancel(self, name: str) -> None:
        """Forget the outstanding read ``name`` (its answer will be dropped)."""
        self._generations[name] = self._generations.get(name, 0) + 1
        self._handlers.pop(name, None)

    def stop(self, timeout_s: float = 2.0) -> None:
        """End the worker thread (waits up to ``timeout_s`` for a read in progress)."""
        self._collector.stop()
        self._handlers.clear()
        thread, self._thread = self._thread, None
        if thread is not None:
            self._jobs.put(None)
            thread.join(timeout_s)

    def collect(self) -> None:
        """Hand finished reads to their handlers (called by the timer; tests may call it)."""
        while True:
            try:
                answer = self._answers.get_nowait()
            except queue.Empty:
                break
            self._outstanding -= 1
            read = answer.read
            if self._generations.get(read.name) != read.generation:
                continue  # a newer read of the same name was asked for
            handlers = self._handlers.pop(read.name, None)
            if handlers is None:
                continue
            done, failed = handlers
            if answer.error is not None:
                failed(answer.error)
            else:
                done(answer.value)
        if self._outstanding <= 0:
            self._outstanding = 0
            self._collector.stop()

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(
                target=_work,
                args=(self._jobs, self._answers, self._generations),
                name=self._thread_name,
                daemon=True,
            )
            self._thread.start()


def _work(
    jobs: queue.SimpleQueue[_Read | None],
    answers: queue.SimpleQueue[_Answer],
    generations: dict[str, int],
) -> None:
    """The worker loop: run reads until told to stop (a plain function: no Qt object is held)."""
    while (read := jobs.get()) is not None:
        if generations.get(read.name) != read.generation:
            answers.put(_Answer(read))  # already stale: not worth the database's time
            continue
        try:
            value = read.call()
        except Exception as exc:  # reported to the panel, which decides what to show
            answers.put(_Answer(read, error=exc))
        else:
            answers.put(_Answer(read, value))
