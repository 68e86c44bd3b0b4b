"""Reads that take longer than a frame run off the interface thread, latest first.

A panel hands :class:`BackgroundReads` a named read (a plain callable that asks
the backend something) and what to do with the answer; the read runs on the
console's one reader thread, and the answer is handed back on the interface
thread. A newer read under the same name makes an older one's answer stale: it
is dropped, so a panel always shows what it asked for last.

All panels share the one reader: reads are serialised, so two panels asking
for the same thing (the suggestions panel and the map rank the same request's
crews) cost one computation (the backend caches it), and only one reader
competes with the interface thread for the interpreter at a time.

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
    answers: queue.SimpleQueue[_Answer]
    generations: dict[str, int]


@dataclass(frozen=True, slots=True)
class _Answer:
    read: _Read
    value: Any = None
    error: BaseException | None = None


class BackgroundReads(QObject):
    """A panel's slow reads, run on the reader thread; answers come back on the interface thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._answers: queue.SimpleQueue[_Answer] = queue.SimpleQueue()
        self._generations: dict[str, int] = {}
        self._handlers: dict[
            str, tuple[Callable[[Any], None], Callable[[BaseException], None]]
        ] = {}
        self._outstanding = 0
        self._collector = QTimer(self)
        self._collector.setInterval(COLLECT_MS)
        self._collector.timeout.connect(self.collect)
        self._queued: list[_Read] = []
        self._handover = QTimer(self)
        self._handover.setSingleShot(True)
        self._handover.setInterval(0)
        self._handover.timeout.connect(self._hand_over)

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
        self._outstanding += 1
        self._queued.append(_Read(name, generation, call, self._answers, self._generations))
        self._handover.start()
        if not self._collector.isActive():
            self._collector.start()

    def _hand_over(self) -> None:
        """Give the reader what was asked for during the last event."""
        queued, self._queued = self._queued, []
        jobs = _reader()
        for read in queued:
            jobs.put(read)

    def cancel(self, name: str) -> None:
        """Forget the outstanding read ``name`` (its answer will be dropped)."""
        self._generations[name] = self._generations.get(name, 0) + 1
        self._handlers.pop(name, None)

    def stop(self) -> None:
        """Drop every outstanding read (their answers are ignored)."""
        self._hand_over()
        self._collector.stop()
        for name in list(self._handlers):
            self.cancel(name)

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


_jobs: queue.SimpleQueue[_Read] | None = None
_lock = threading.Lock()


def _reader() -> queue.SimpleQueue[_Read]:
    """The queue of the console's one reader thread (started on first use)."""
    global _jobs  # noqa: PLW0603 - one reader for the whole process, started lazily
    with _lock:
        if _jobs is None:
            _jobs = queue.SimpleQueue()
            threading.Thread(target=_work, args=(_jobs,), name="reader", daemon=True).start()
        return _jobs


def _work(jobs: queue.SimpleQueue[_Read]) -> None:
    """The reader loop (a plain function: no Qt object is touched off the interface thread)."""
    while True:
        read = jobs.get()
        if read.generations.get(read.name) != read.generation:
            read.answers.put(_Answer(read))  # already stale: not worth the database's time
            continue
        try:
            value = read.call()
        except Exception as exc:  # reported to the panel, which decides what to show
            read.answers.put(_Answer(read, error=exc))
        else:
            read.answers.put(_Answer(read, value))
        del read
