"""Spec: the map page is sealed. It loads its own files and the configured tiles, nothing else.

A real listener on another port of this machine must see no connection from the
page, whether the page opens a WebSocket, fetches, or loads an image, even with
the tile server on the same host; the page's script cannot read local files;
and the tile attribution from the configuration is shown as text, never run.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.core.map_tiles import TileSource
from console.ui.map.view import network_guard
from tests.support.map_page import ask
from tests.ui.test_map import FAKE_TILES, MapConsole, _open_console


class Listener:
    """A TCP server on a free loopback port that counts every connection it is offered."""

    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.2)
        self.port: int = self.socket.getsockname()[1]
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with client:
                client.settimeout(0.5)
                try:
                    self.connections.append(client.recv(4096))
                except OSError:
                    self.connections.append(b"")
                # Answer like an HTTP server, so a request that got through is complete.
                client.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.socket.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


HOSTILE_ATTRIBUTION = '<img src=x onerror="window.PWNED=1">Evil <b>tiles</b> &copy; ok'


@pytest.fixture(params=["none", "custom"])
def console(qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[MapConsole]:
    """The console with no tiles, or with tiles on port 9 of this machine (same host)."""
    if request.param == "none":
        tiles = TileSource.named("none")
    else:
        tiles = TileSource("custom", FAKE_TILES.url, HOSTILE_ATTRIBUTION, "abc", 18)
    yield from _open_console(qtbot, tmp_path, tiles)


def test_nothing_on_another_port_of_this_machine_hears_from_the_page(
    qtbot: QtBot, console: MapConsole, listener: Listener
) -> None:
    view = console.panel.view
    base = f"127.0.0.1:{listener.port}"
    attempts = [
        f"new WebSocket('ws://{base}/log')",
        f"new WebSocket('wss://{base}/log')",
        f"fetch('http://{base}/leak?d=1').catch(() => null)",
        f"fetch('https://{base}/leak').catch(() => null)",
        f"(new Image()).src = 'http://{base}/pixel.png'",
        f"navigator.sendBeacon('http://{base}/beacon', 'x')",
    ]
    for attempt in attempts:
        ask(qtbot, view, f"(() => {{ try {{ {attempt}; }} catch (e) {{}} return 1; }})()")
    QTest.qWait(2_000)
    assert listener.connections == []
    blocked = network_guard().blocked
    assert any(url.startswith(f"ws://{base}") for url in blocked), blocked
    if view.tiles.has_tiles:
        # The page may reach the network for tiles on 127.0.0.1:9; the guard holds the
        # other ports of the same host. (Without tiles Chromium refuses http itself.)
        assert any(url.startswith(f"http://{base}/leak") for url in blocked), blocked


def test_the_page_cannot_read_local_files(qtbot: QtBot, console: MapConsole) -> None:
    view = console.panel.view
    ask(
        qtbot,
        view,
        "(window.__read = 'pending', fetch('file:///etc/passwd').then(r => r.text())"
        ".then(t => { window.__read = 'read ' + t.length; })"
        ".catch(() => { window.__read = 'refused'; }), 1)",
    )
    qtbot.waitUntil(lambda: ask(qtbot, view, "window.__read") != "pending", timeout=10_000)
    assert ask(qtbot, view, "window.__read") == "refused"


def test_the_configured_attribution_is_shown_as_text(qtbot: QtBot, console: MapConsole) -> None:
    view = console.panel.view
    if not view.tiles.has_tiles:
        pytest.skip("no tiles, no attribution")
    control = "document.querySelector('.leaflet-control-attribution')"
    qtbot.waitUntil(lambda: ask(qtbot, view, f"!!{control}") is True, timeout=10_000)
    text = ask(qtbot, view, f"{control}.textContent")
    assert '<img src=x onerror="window.PWNED=1">Evil <b>tiles</b> © ok' in text
    assert ask(qtbot, view, f"{control}.querySelectorAll('img, b').length") == 0
    QTest.qWait(300)
    assert ask(qtbot, view, "window.PWNED === undefined") is True
