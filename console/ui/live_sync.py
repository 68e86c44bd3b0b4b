"""The one poller that keeps a console in step with the database.

Every write bumps a global revision. Each poll reads that revision (one cheap
query); only when it rose are the changed requests and crews fetched, and they
are handed on as plain rows for the models to apply in place. A failing backend
turns the connection state to "disconnected"; the next good poll recovers.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.ports import ConsoleBackend
from console.core.records import CrewRow, DepotRow, RequestRow

__all__ = ["LiveSync", "SyncBatch"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SyncBatch:
    """What one poll brought: rows to upsert, or (``snapshot``) the whole picture."""

    revision: int
    requests: tuple[RequestRow, ...]
    crews: tuple[CrewRow, ...]
    snapshot: bool


class LiveSync(QObject):
    """Polls ``backend`` every ``interval_ms`` and emits what changed."""

    sig_batch = Signal(object)
    """Emitted with a :class:`SyncBatch` whenever requests or crews changed."""

    sig_depots = Signal(object)
    """Emitted with the list of :class:`DepotRow` after the first good snapshot."""

    sig_connection_changed = Signal(bool)
    """Emitted with True when the backend answers again, False when it fails."""

    def __init__(
        self, backend: ConsoleBackend, interval_ms: int = 2000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._revision: int | None = None
        self._connected: bool | None = None
        self._depots_loaded = False
        self.description = self._describe()
        self._timer = QTimer(self)
        self._timer.setInterval(max(50, interval_ms))
        self._timer.timeout.connect(self.poll)

    @property
    def revision(self) -> int | None:
        """The revision the models are at, or ``None`` before the first load."""
        return self._revision

    @property
    def is_connected(self) -> bool:
        """True when the last call to the backend succeeded."""
        return bool(self._connected)

    @property
    def connection_known(self) -> bool:
        """False until the backend has been asked once."""
        return self._connected is not None

    def start(self) -> None:
        """Start polling."""
        self._timer.start()

    def stop(self) -> None:
        """Stop polling."""
        self._timer.stop()

    def interval_ms(self) -> int:
        """The poll interval."""
        return self._timer.interval()

    def refresh(self) -> None:
        """Reload every open request and every crew now."""
        try:
            batch = self._snapshot()
            depots = None if self._depots_loaded else self._backend.depots()
        except Exception as exc:  # any failure of the data layer must not kill the GUI
            self._set_connected(False, exc)
            return
        self._deliver(batch, depots)

    def poll(self) -> None:
        """Fetch what changed since the last revision seen, if anything did."""
        if self._revision is None:
            self.refresh()
            return
        try:
            current = self._backend.revision()
            if current == self._revision:
                self._set_connected(True)
                return
            if current < self._revision:
                # A lower revision means the database was replaced: start afresh.
                batch = self._snapshot()
            else:
                requests = self._backend.requests_changed_since(self._revision)
                crews = self._backend.crews_changed_since(self._revision)
                batch = SyncBatch(
                    revision=min(requests.revision, crews.revision),
                    requests=requests.requests,
                    crews=crews.crews,
                    snapshot=False,
                )
            depots = None if self._depots_loaded else self._backend.depots()
        except Exception as exc:  # any failure of the data layer must not kill the GUI
            self._set_connected(False, exc)
            return
        self._deliver(batch, depots)

    def _snapshot(self) -> SyncBatch:
        requests = self._backend.open_requests()
        crews = tuple(self._backend.crews())
        # The revision was read before the rows: anything written meanwhile comes again.
        return SyncBatch(requests.revision, requests.requests, crews, snapshot=True)

    def _deliver(self, batch: SyncBatch, depots: list[DepotRow] | None) -> None:
        self._revision = batch.revision
        self._set_connected(True)
        if depots is not None:
            self._depots_loaded = True
            self.sig_depots.emit(depots)
        if batch.snapshot or batch.requests or batch.crews:
            self.sig_batch.emit(batch)

    def _set_connected(self, connected: bool, error: BaseException | None = None) -> None:
        if error is not None:
            if self._connected is not False:
                logger.warning("queue source %s failed", self.description or "?", exc_info=error)
            else:
                logger.debug("queue source still failing: %s", error)
        elif connected and self._connected is False:
            logger.info("queue source %s is back", self.description or "?")
        if connected == self._connected:
            return
        self._connected = connected
        self.sig_connection_changed.emit(connected)

    def _describe(self) -> str:
        try:
            return self._backend.describe()
        except Exception:  # a status-bar nicety must not stop the window opening
            logger.warning("could not describe the queue source", exc_info=True)
            return ""
