"""Keeps the map page offline: every http(s) request but the tile host's is blocked."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

__all__ = ["NetworkGuard"]

logger = logging.getLogger(__name__)


class NetworkGuard(QWebEngineUrlRequestInterceptor):
    """Allows http(s) only to ``hosts``; blocks and logs the rest; remembers what it saw.

    ``seen`` lists every http(s) URL the page asked for (allowed or not), so a test
    can prove that nothing but tiles left the machine.
    """

    def __init__(self, hosts: Iterable[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._hosts = frozenset(h.lower() for h in hosts)
        self.seen: list[str] = []
        self.blocked: list[str] = []

    def allow_hosts(self, hosts: Iterable[str]) -> None:
        """Replace the set of hosts the page may reach."""
        with self._lock:
            self._hosts = frozenset(h.lower() for h in hosts)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        """Qt's hook, called for every request the page makes."""
        url = info.requestUrl()
        if url.scheme() not in ("http", "https"):
            return
        text = url.toString()
        with self._lock:
            self.seen.append(text)
            allowed = url.host().lower() in self._hosts
            if not allowed:
                self.blocked.append(text)
        if not allowed:
            logger.warning("map: blocked a request to %s", text)
            info.block(True)
