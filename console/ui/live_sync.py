"""The one poller that keeps a console in step with the database.

Every business write bumps a global revision; every stored batch of vehicle
fixes bumps a position revision instead. Each poll reads both (one cheap
query, in the same session as whatever it then fetches: see
:class:`~console.core.ports.ChangeFeed`); when the revision rose the changed
requests and crews are fetched, when only the position revision rose only the
moved crews' positions are, and they are handed on as plain rows for the
models to apply in place (:attr:`LiveSync.sig_batch` for business rows,
:attr:`LiveSync.sig_positions` for positions). A failing backend turns the
connection state to "disconnected"; the next good poll recovers.

The timed polls (and :meth:`LiveSync.request_poll`) run on a worker thread so a
slow or lost database never freezes the window: the GUI thread puts a
:class:`_Job` in the worker's queue, the worker runs the queries and queues a
:class:`_Outcome`, and a short GUI timer collects it; at most one job is in
flight. A backend that can push changes (:class:`~console.core.ports.ChangeNotifier`,
PostgreSQL LISTEN/NOTIFY) sets a flag per kind of change that the same timer
picks up, debounced: a business change is fetched at once but no sooner than
:data:`BUSINESS_GAP_S` after the previous fetch, positions at most every
:data:`POSITIONS_GAP_S`, so a burst of commits (a fleet reporting) costs a few
fetches a second, never one per commit. :meth:`LiveSync.poll` and
:meth:`LiveSync.refresh` stay blocking for start-up and for tests that drive
the polls by hand.
"""

from __future__ import annotations

import logging
import math
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.errors import DomainError
from console.core.ports import ChangeFeed, ChangeHeads, ChangeKind, ChangeNotifier, ConsoleBackend
from console.core.records import CrewPosition, CrewRow, DepotRow, RequestRow

__all__ = ["BUSINESS_GAP_S", "LOST_CODES", "POSITIONS_GAP_S", "LiveSync", "SyncBatch", "fetch"]

logger = logging.getLogger(__name__)

STOP_WAIT_MS = 2000
"""How long :meth:`LiveSync.stop` waits for a running query before leaving it behind."""

LOST_CODES = frozenset({"db.file_missing", "db.file_replaced"})
"""Failures that do not heal by retrying: the database file under the console is not the one opened."""

COLLECT_MS = 20
"""How often the GUI thread looks for a finished fetch or a pushed change."""

BUSINESS_GAP_S = 0.1
"""A pushed business change is fetched at once, but no sooner than this after the last fetch."""
POSITIONS_GAP_S = 0.5
"""Pushed position changes are fetched at most this often."""


@dataclass(frozen=True, slots=True)
class SyncBatch:
    """What one poll brought: rows to upsert, or (``snapshot``) the whole picture.

    ``positions`` are crews moved by fixes (applied after ``crews``), up to
    ``position_revision``.
    """

    revision: int
    requests: tuple[RequestRow, ...]
    crews: tuple[CrewRow, ...]
    snapshot: bool
    position_revision: int = 0
    positions: tuple[CrewPosition, ...] = ()

    @property
    def has_rows(self) -> bool:
        """True when requests or crews changed (or it is a snapshot): more than positions."""
        return self.snapshot or bool(self.requests) or bool(self.crews)


@dataclass(frozen=True, slots=True)
class _Job:
    """One fetch for the worker: from which heads, whether positions and depots are wanted."""

    generation: int
    since: ChangeHeads | None
    need_depots: bool
    positions: bool = True


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What the worker found for a :class:`_Job` (``batch`` None: nothing changed)."""

    job: _Job
    batch: SyncBatch | None = None
    depots: list[DepotRow] | None = None
    error: BaseException | None = None


def fetch(
    backend: ConsoleBackend, since: ChangeHeads | None, need_depots: bool, *, positions: bool = True
) -> tuple[SyncBatch | None, list[DepotRow] | None]:
    """Read what changed after ``since`` (``None``: everything); ``None`` if nothing did.

    A :class:`~console.core.ports.ChangeFeed` backend answers in one session;
    any other is asked for its revision and then for the changed rows.
    """
    if isinstance(backend, ChangeFeed):
        batch = _feed_batch(backend, since, positions)
    else:
        batch = _plain_batch(backend, None if since is None else since.revision)
    depots = backend.depots() if need_depots else None
    return batch, depots


def _feed_batch(
    backend: ChangeFeed, since: ChangeHeads | None, positions: bool
) -> SyncBatch | None:
    changes = backend.changes_since(since, positions=positions)
    if since is not None and changes.heads == since and not changes.snapshot:
        return None
    return SyncBatch(
        revision=changes.heads.revision,
        requests=changes.requests,
        crews=changes.crews,
        snapshot=changes.snapshot,
        position_revision=changes.heads.position_revision,
        positions=changes.positions,
    )


def _plain_batch(backend: ConsoleBackend, revision: int | None) -> SyncBatch | None:
    if revision is None:
        return _snapshot(backend)
    current = backend.revision()
    if current == revision:
        return None
    if current < revision:
        # A lower revision means the database was replaced: start afresh.
        return _snapshot(backend)
    requests = backend.requests_changed_since(revision)
    crews = backend.crews_changed_since(revision)
    return SyncBatch(
        revision=min(requests.revision, crews.revision),
        requests=requests.requests,
        crews=crews.crews,
        snapshot=False,
    )


def _snapshot(backend: ConsoleBackend) -> SyncBatch:
    requests = backend.open_requests()
    crews = tuple(backend.crews())
    # The revision was read before the rows: anything written meanwhile comes again.
    return SyncBatch(requests.revision, requests.requests, crews, snapshot=True)


class _Worker:
    r"""A plain thread that runs queued :class:`_Job`\ s and queues their :class:`_Outcome`\ s.

    It never touches Qt: PySide6 6.12 corrupts reference counts (``none_dealloc``
    crashes) when signals are emitted from non-GUI threads under load, so the
    GUI thread collects outcomes with a short timer instead of a queued signal.
    """

    def __init__(self, backend: ConsoleBackend) -> None:
        self._backend = backend
        self.jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self.outcomes: queue.SimpleQueue[_Outcome] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._loop, name="live-sync", daemon=True)
        self.thread.start()

    def stop(self, timeout_s: float) -> bool:
        """Ask the thread to end; True if it did within ``timeout_s``."""
        self.jobs.put(None)
        self.thread.join(timeout_s)
        return not self.thread.is_alive()

    def _loop(self) -> None:
        while (job := self.jobs.get()) is not None:
            try:
                batch, depots = fetch(
                    self._backend, job.since, job.need_depots, positions=job.positions
                )
            except Exception as exc:  # any failure of the data layer is reported, not raised
                self.outcomes.put(_Outcome(job, error=exc))
            else:
                self.outcomes.put(_Outcome(job, batch, depots))


class LiveSync(QObject):
    """Polls ``backend`` every ``interval_ms`` (off the GUI thread) and emits what changed."""

    sig_batch = Signal(object)
    """Emitted with a :class:`SyncBatch` whenever requests or crews changed."""

    sig_positions = Signal(object)
    """Emitted with a tuple of :class:`~console.core.records.CrewPosition` when crews moved.

    After :attr:`sig_batch` of the same poll; nothing else about the crews changed.
    """

    sig_depots = Signal(object)
    """Emitted with the list of :class:`DepotRow` after the first good snapshot."""

    sig_connection_changed = Signal(bool)
    """Emitted with True when the backend answers again, False when it fails (or fails otherwise)."""

    def __init__(
        self, backend: ConsoleBackend, interval_ms: int = 1000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._revision: int | None = None
        self._position_revision = 0
        self._connected: bool | None = None
        self._problem: DomainError | None = None
        self._depots_loaded = False
        self._generation = 0
        self._in_flight = False
        self._again = False
        self._worker: _Worker | None = None
        # Set by the listener thread, per kind of change announced; read by _collect.
        self._business_news = threading.Event()
        self._position_news = threading.Event()
        self._last_fetch = -math.inf
        self._last_positions = -math.inf
        self.fetches = 0
        """How many fetches ran on the worker (tests and benchmarks watch it)."""
        self._unsubscribe: Callable[[], None] | None = None
        self.description = self._describe()
        self._timer = QTimer(self)
        self._timer.setInterval(max(50, interval_ms))
        self._timer.timeout.connect(self.request_poll)
        self._collector = QTimer(self)
        self._collector.setInterval(COLLECT_MS)
        self._collector.timeout.connect(self._collect)

    @property
    def revision(self) -> int | None:
        """The revision the models are at, or ``None`` before the first load."""
        return self._revision

    @property
    def position_revision(self) -> int:
        """The position revision the crews' positions are at (0 before any)."""
        return self._position_revision

    @property
    def is_connected(self) -> bool:
        """True when the last call to the backend succeeded."""
        return bool(self._connected)

    @property
    def problem(self) -> DomainError | None:
        """Why the last call failed, when the data layer said so (``db.file_missing``...)."""
        return self._problem

    @property
    def database_lost(self) -> bool:
        """True when the database file is gone or replaced: writes are refused, not retried."""
        return self._problem is not None and self._problem.code in LOST_CODES

    @property
    def connection_known(self) -> bool:
        """False until the backend has been asked once."""
        return self._connected is not None

    @property
    def busy(self) -> bool:
        """True while the worker thread is running a fetch."""
        return self._in_flight

    @property
    def pushes_changes(self) -> bool:
        """True when the backend wakes this poller on every commit (no waiting for a tick)."""
        return self._unsubscribe is not None

    def start(self) -> None:
        """Start polling on the worker thread, and listen for pushed changes if offered."""
        self._ensure_worker()
        if self._unsubscribe is None and isinstance(self._backend, ChangeNotifier):
            try:
                self._unsubscribe = self._backend.subscribe_changes(self._hear)
            except Exception:  # polling still works without the push channel
                logger.warning("change notifications unavailable", exc_info=True)
        self._timer.start()
        self._collector.start()

    def stop(self) -> None:
        """Stop polling and listening; waits briefly for a running fetch."""
        self._timer.stop()
        self._collector.stop()
        unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            try:
                unsubscribe()
            except Exception:  # closing must go on whatever the listener does
                logger.warning("could not stop the change listener", exc_info=True)
        worker, self._worker = self._worker, None
        self._in_flight = False
        self._again = False
        self._generation += 1
        if worker is not None and not worker.stop(STOP_WAIT_MS / 1000):
            # Stuck in a query on a dead connection: the daemon thread ends with it.
            logger.warning("leaving a database query running after the poller stopped")

    def interval_ms(self) -> int:
        """The poll interval."""
        return self._timer.interval()

    def request_poll(self) -> None:
        """Poll on the worker thread now (or right after the fetch in flight).

        Moved positions come along unless they were fetched less than
        :data:`POSITIONS_GAP_S` ago (then a later poll brings them).
        """
        if self._in_flight:
            self._again = True
            return
        self._ensure_worker()
        assert self._worker is not None
        now = time.monotonic()
        positions = now - self._last_positions >= POSITIONS_GAP_S
        if positions:
            self._last_positions = now
            self._position_news.clear()
        self._business_news.clear()
        self._last_fetch = now
        self._in_flight = True
        self._again = False
        self.fetches += 1
        self._worker.jobs.put(
            _Job(
                self._generation,
                self._since(),
                need_depots=not self._depots_loaded,
                positions=positions,
            )
        )

    def _since(self) -> ChangeHeads | None:
        if self._revision is None:
            return None
        return ChangeHeads(self._revision, self._position_revision)

    def _hear(self, kind: ChangeKind | None = None) -> None:
        """On the listener thread: note what changed (the GUI timer decides when to fetch)."""
        if kind is ChangeKind.POSITIONS:
            self._position_news.set()
        else:
            self._business_news.set()

    def refresh(self) -> None:
        """Reload every open request and every crew now (blocking)."""
        self._run_blocking(None)

    def poll(self) -> None:
        """Fetch what changed since the last revision seen, if anything did (blocking)."""
        self._run_blocking(self._since())

    def _run_blocking(self, since: ChangeHeads | None) -> None:
        # Results of a fetch already in flight are now stale: drop them, ask again.
        self._generation += 1
        if self._in_flight:
            self._again = True
        need_depots = not self._depots_loaded
        try:
            batch, depots = fetch(self._backend, since, need_depots)
        except Exception as exc:  # any failure of the data layer must not kill the GUI
            self._set_connected(False, exc)
            return
        self._deliver(batch, depots)

    def _ensure_worker(self) -> None:
        if self._worker is None:
            self._worker = _Worker(self._backend)
        self._collector.start()

    def _collect(self) -> None:
        """On the GUI thread: take a finished fetch, and act on a pushed change."""
        worker = self._worker
        if worker is None:
            return
        try:
            outcome = worker.outcomes.get_nowait()
        except queue.Empty:
            outcome = None
        if outcome is not None:
            self._in_flight = False
            if outcome.job.generation == self._generation:
                if outcome.error is not None:
                    self._set_connected(False, outcome.error)
                else:
                    self._deliver(outcome.batch, outcome.depots)
            else:
                self._again = True
        if not self._in_flight and (self._again or self._news_due(time.monotonic())):
            self.request_poll()

    def _news_due(self, now: float) -> bool:
        """Whether an announced change should be fetched now (debounced per kind)."""
        if self._business_news.is_set() and now - self._last_fetch >= BUSINESS_GAP_S:
            return True
        return self._position_news.is_set() and now - self._last_positions >= POSITIONS_GAP_S

    def _deliver(self, batch: SyncBatch | None, depots: list[DepotRow] | None) -> None:
        if batch is not None:
            self._revision = batch.revision
            self._position_revision = batch.position_revision
        self._set_connected(True)
        if depots is not None:
            self._depots_loaded = True
            self.sig_depots.emit(depots)
        if batch is not None and batch.has_rows:
            self.sig_batch.emit(batch)
        if batch is not None and batch.positions:
            self.sig_positions.emit(batch.positions)

    def _set_connected(self, connected: bool, error: BaseException | None = None) -> None:
        if error is not None:
            if self._connected is not False:
                logger.warning("queue source %s failed", self.description or "?", exc_info=error)
            else:
                logger.debug("queue source still failing: %s", error)
        elif connected and self._connected is False:
            logger.info("queue source %s is back", self.description or "?")
        problem = error if isinstance(error, DomainError) else None
        same_problem = (problem and problem.code) == (self._problem and self._problem.code)
        self._problem = problem
        if connected == self._connected and same_problem:
            return
        self._connected = connected
        self.sig_connection_changed.emit(connected)

    def _describe(self) -> str:
        try:
            return self._backend.describe()
        except Exception:  # a status-bar nicety must not stop the window opening
            logger.warning("could not describe the queue source", exc_info=True)
            return ""
