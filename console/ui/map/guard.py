"""Keeps the map page offline and sealed: its own files and the tile server, nothing else.

The page is built from local files and may show text from the configuration
(the tile attribution) or the database. Should any of that ever run as script,
it must have nowhere to send what it reads: the guard blocks every request but
the page's own folder (``file:``), inline ``data:``/``blob:`` resources and the
configured tile origins (scheme, host and port), so WebSockets, other ports of
this machine and other local files are all refused.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

from console.core.map_tiles import TileSource

__all__ = ["NetworkGuard", "Origin", "tile_origins"]

logger = logging.getLogger(__name__)

Origin = tuple[str, str, int]
"""(scheme, lower-case host, port) of a web origin."""

_DEFAULT_PORTS = {"http": 80, "https": 443}
_INLINE_SCHEMES = frozenset({"data", "blob"})
"""Resources made inside the page: they carry nothing out of it."""


def tile_origins(tiles: TileSource) -> frozenset[Origin]:
    """Every origin the tile URL can expand to (``{s}`` filled with each subdomain)."""
    if not tiles.url:
        return frozenset()
    origins: set[Origin] = set()
    for letter in tiles.subdomains or "a":
        parts = urlsplit(tiles.url.replace("{s}", letter))
        scheme = parts.scheme.lower()
        if scheme in _DEFAULT_PORTS and parts.hostname:
            origins.add((scheme, parts.hostname.lower(), parts.port or _DEFAULT_PORTS[scheme]))
    return frozenset(origins)


def _origin(url: QUrl) -> Origin:
    scheme = url.scheme().lower()
    return scheme, url.host().lower(), url.port(_DEFAULT_PORTS.get(scheme, -1))


class NetworkGuard(QWebEngineUrlRequestInterceptor):
    """Allows the page's folder, inline resources and the tile origins; blocks and logs the rest.

    ``seen`` lists every request that was not the page's own (allowed or not), and
    ``blocked`` those refused, so a test can prove that nothing but tiles left.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._origins: frozenset[Origin] = frozenset()
        self._folders: frozenset[str] = frozenset()
        self.seen: list[str] = []
        self.blocked: list[str] = []

    def allow_tiles(self, tiles: TileSource) -> None:
        """Replace the set of origins the page may reach by those of ``tiles``."""
        with self._lock:
            self._origins = tile_origins(tiles)

    def allow_folder(self, folder: Path) -> None:
        """Let pages load files from ``folder`` (a map page's own folder) and below."""
        with self._lock:
            self._folders = self._folders | {os.path.realpath(folder)}

    def _is_own_file(self, url: QUrl) -> bool:
        path = os.path.realpath(url.toLocalFile())
        return any(path == folder or path.startswith(folder + os.sep) for folder in self._folders)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        """Qt's hook, called for every request the page makes (WebSockets included)."""
        url = info.requestUrl()
        scheme = url.scheme().lower()
        if scheme in _INLINE_SCHEMES:
            return
        text = url.toString()
        with self._lock:
            if scheme == "file" and self._is_own_file(url):
                return
            self.seen.append(text)
            allowed = scheme in _DEFAULT_PORTS and _origin(url) in self._origins
            if not allowed:
                self.blocked.append(text)
        if not allowed:
            logger.warning("map: blocked a request to %s", text[:200])
            info.block(True)
