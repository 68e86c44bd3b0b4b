"""Commit announcements on PostgreSQL: ``NOTIFY "roadside_changes.<schema>"`` and its listener.

Every unit of work on PostgreSQL sends ``NOTIFY "roadside_changes.<schema>", 'b:<revision>'``
inside its transaction (one channel per schema: notifications are per database,
and consoles on another schema of the same server must not be woken by this
one's writes), so the server delivers it exactly when the commit is visible. A
stored batch of vehicle fixes announces ``'p:<position_revision>'`` instead:
positions changed, nothing else. :class:`ChangeListener` holds one autocommit
psycopg connection that ``LISTEN``\\s on that channel in its own thread and
tells its subscribers which kind of change each announcement is
(:func:`notice_kind`), so consoles fetch a change at once instead of on the
next poll, and fetch only positions when only positions moved. A lost
connection is retried with a growing pause; after every (re)connect the
subscribers are told of a business change, because announcements sent while
nobody listened are gone. SQLite has no such channel and keeps polling.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Connection, Engine, String, Text, cast, func, literal, select
from sqlalchemy.engine import URL
from sqlalchemy.sql.elements import ColumnElement

from console.core.ports import ChangeKind

__all__ = [
    "CHANNEL",
    "ChangeListener",
    "announce",
    "announce_positions",
    "announcement",
    "channel_of",
    "notice_kind",
    "payload_of",
    "position_announcement",
    "supports_notify",
]

logger = logging.getLogger(__name__)

CHANNEL = "roadside_changes"
"""Prefix of the PostgreSQL notification channels; the schema name follows a dot."""

WAIT_S = 0.5
"""How long one wait for notifications lasts before the stop flag is checked again."""
RETRY_MIN_S = 0.5
"""First pause before reconnecting after a failure."""
RETRY_MAX_S = 5.0
"""Longest pause between reconnection attempts."""
CONNECT_TIMEOUT_S = 5
"""Connect timeout of the listening connection."""


def supports_notify(engine: Engine) -> bool:
    """True when ``engine``'s database can announce commits (PostgreSQL)."""
    return engine.dialect.name == "postgresql"


def channel_of(schema: str) -> str:
    """The notification channel of the tables in ``schema``."""
    return f"{CHANNEL}.{schema}"


def payload_of(kind: ChangeKind, counter: int) -> str:
    """The text of an announcement: its kind, a colon, and the counter it raised."""
    return f"{kind.value}:{counter}"


def notice_kind(payload: str) -> ChangeKind:
    """What an announcement's payload says changed.

    ``p:<n>`` is positions only; ``b:<n>``, a bare number (consoles and writers
    of older versions) and anything unrecognised count as business changes,
    which make a console look at everything.
    """
    head, colon, _rest = payload.partition(":")
    if colon and head == ChangeKind.POSITIONS.value:
        return ChangeKind.POSITIONS
    return ChangeKind.BUSINESS


def _notify(payload: str | ColumnElement[Any]) -> ColumnElement[Any]:
    return func.pg_notify(
        literal(CHANNEL, String()).concat(".").concat(func.current_schema()), payload
    )


def announcement(revision: int | ColumnElement[Any]) -> ColumnElement[Any]:
    """The expression that queues a business commit's announcement on its schema's channel.

    ``revision`` is a number, or an expression of the same statement that computes it.
    """
    if isinstance(revision, ColumnElement):
        prefix = payload_of(ChangeKind.BUSINESS, 0)[:-1]
        return _notify(literal(prefix, String()).concat(cast(revision, Text)))
    return _notify(payload_of(ChangeKind.BUSINESS, revision))


def position_announcement(position_revision: int) -> ColumnElement[Any]:
    """The expression that queues a batch of fixes' announcement (positions only)."""
    return _notify(payload_of(ChangeKind.POSITIONS, position_revision))


def announce(connection: Connection, revision: int) -> None:
    """Queue a business commit's announcement on its schema's channel; sent on commit."""
    connection.execute(select(announcement(revision)))


def announce_positions(connection: Connection, position_revision: int) -> None:
    """Queue a batch of fixes' announcement on its schema's channel; sent on commit."""
    connection.execute(select(position_announcement(position_revision)))


def _conninfo(url: URL) -> str:
    """A libpq URI for ``url`` (its query, e.g. ``options``, is kept)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """LISTENs on its schema's channel in a daemon thread and tells every subscriber per commit.

    One per console process (one connection): subscribers are told the
    :class:`~console.core.ports.ChangeKind` of each announcement and decide
    themselves how soon to fetch.
    """

    def __init__(self, url: URL) -> None:
        self._conninfo = _conninfo(url)
        self._callbacks: list[Callable[[ChangeKind], None]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()
        """Set while the listening connection is up (tests wait on it)."""

    def subscribe(self, callback: Callable[[ChangeKind], None]) -> Callable[[], None]:
        """Add ``callback`` (starting the thread if needed); returns its unsubscribe function."""
        with self._lock:
            self._callbacks.append(callback)
            if self._thread is None:
                # A fresh flag per thread: a stopped one that is still winding down stays stopped.
                self._stop = threading.Event()
                self._thread = threading.Thread(
                    target=self._run, args=(self._stop,), name="roadside-listener", daemon=True
                )
                self._thread.start()

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)
                last = not self._callbacks
            if last:
                # Closing a window must not wait for the listener's current wait to end.
                self.stop(timeout_s=0)

        return unsubscribe

    def stop(self, timeout_s: float = WAIT_S * 2) -> None:
        """Stop listening and wait (briefly) for the thread to end."""
        with self._lock:
            thread, self._thread = self._thread, None
            self._stop.set()
        if thread is not None and timeout_s > 0 and thread is not threading.current_thread():
            thread.join(timeout_s)

    def _run(self, stop: threading.Event) -> None:
        pause = RETRY_MIN_S
        failing = False
        while not stop.is_set():
            try:
                with psycopg.connect(
                    self._conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
                ) as connection:
                    row = connection.execute("SELECT current_schema()").fetchone()
                    schema = str(row[0]) if row is not None else "public"
                    connection.execute(
                        sql.SQL("LISTEN {}").format(sql.Identifier(channel_of(schema)))
                    )
                    self.connected.set()
                    if failing:
                        logger.info("change listener reconnected")
                    failing = False
                    pause = RETRY_MIN_S
                    # Whatever was committed while nobody listened.
                    self._fire(ChangeKind.BUSINESS)
                    while not stop.is_set():
                        for note in connection.notifies(timeout=WAIT_S, stop_after=1):
                            self._fire(notice_kind(note.payload))
            except psycopg.Error as exc:
                self.connected.clear()
                if not failing:
                    logger.warning("change listener lost its connection: %s", exc)
                failing = True
                stop.wait(pause)
                pause = min(pause * 2, RETRY_MAX_S)
            except Exception:  # the listener thread must never die of a surprise
                self.connected.clear()
                logger.exception("change listener failed")
                failing = True
                stop.wait(pause)
                pause = min(pause * 2, RETRY_MAX_S)
        self.connected.clear()

    def _fire(self, kind: ChangeKind) -> None:
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            try:
                callback(kind)
            except Exception:  # one bad subscriber must not silence the others
                logger.exception("change subscriber failed")
