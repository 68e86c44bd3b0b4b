"""A TCP proxy that puts a database a given round trip away (asyncio, in a process of its own).

    python -m tests.bench.delay_proxy HOST:PORT [--delay-ms 1] [--port 0]

Every chunk the server sends is held for the delay and then passed on in
order, so a round trip through the proxy takes the delay longer while
pipelined traffic still flows: what a database server in another building does.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast


class _Side(asyncio.Protocol):
    """One connection of a proxied pair: what it receives goes to its peer, ``hold`` seconds later.

    Held chunks wait in order in one queue with at most one timer for its head,
    and a peer that cannot keep up pauses this side's reading: a few callbacks
    per chunk, so the proxy's own CPU stays small beside the measured code's.
    """

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.transport: asyncio.Transport | None = None
        self.peer: _Side | None = None
        self._held: deque[tuple[float, bytes]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        self._closing = False
        self.early: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's TCP transports are not asyncio.Transport subclasses, yet have its methods.
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        if self.hold <= 0:
            self._send(data)
            return
        loop = asyncio.get_running_loop()
        self._held.append((loop.time() + self.hold, data))
        if self._timer is None:
            self._timer = loop.call_at(self._held[0][0], self._release)

    def _release(self) -> None:
        self._timer = None
        loop = asyncio.get_running_loop()
        now = loop.time()
        due: list[bytes] = []
        while self._held and self._held[0][0] <= now:
            due.append(self._held.popleft()[1])
        if due:
            self._send(b"".join(due))
        if self._held:
            self._timer = loop.call_at(self._held[0][0], self._release)
        elif self._closing:
            self._close_peer()

    def _send(self, data: bytes) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.write(data)
        else:
            self.early.append(data)  # the peer is still connecting

    def eof_received(self) -> bool:
        self._closing = True
        if not self._held:
            self._close_peer()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._held.clear()
        self._close_peer()

    def _close_peer(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.close()

    def pause_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.resume_reading()


class _Client(_Side):
    """An accepted client: what it sends before its server side is connected waits for it."""

    def __init__(self, target: tuple[str, int], hold: float) -> None:
        # The whole delay on the answers: the event loop sleeps in whole milliseconds, so
        # half a millisecond each way would come out as one each way.
        super().__init__(0.0)
        self.target = target
        self.peer = _Side(hold)
        self.peer.peer = self
        self._connecting: asyncio.Task[None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._connecting = asyncio.get_running_loop().create_task(self._connect())

    async def _connect(self) -> None:
        assert self.transport is not None and self.peer is not None
        server = self.peer
        try:
            await asyncio.get_running_loop().create_connection(lambda: server, *self.target)
        except OSError:
            self.transport.close()
            return
        if self.transport.is_closing():
            self._close_peer()
            return
        assert server.transport is not None
        server.transport.write(b"".join(self.early))
        self.early.clear()


async def serve(target: tuple[str, int], delay_ms: float, port: int = 0) -> None:
    """Forward 127.0.0.1:``port`` to ``target`` with ``delay_ms`` per round trip, until cancelled.

    Prints the listening port (one line) once it listens.
    """
    hold = delay_ms / 1000
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Client(target, hold), "127.0.0.1", port)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def process_cpu(pid: int) -> float:
    """User and system CPU a process of this machine has used so far, in seconds (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class DelayProxy:
    """A running delay proxy: where it listens, and its process (to read its CPU)."""

    port: int
    pid: int

    def cpu(self) -> float:
        """User and system CPU the proxy has used so far, in seconds."""
        return process_cpu(self.pid)


@contextlib.contextmanager
def delayed(target_host: str, target_port: int, delay_ms: float) -> Iterator[DelayProxy]:
    """A delay proxy running in a process of its own for the ``with`` block.

    A process of its own, so the proxy never waits for the measured code's GIL.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.bench.delay_proxy", f"{target_host}:{target_port}",
         "--delay-ms", str(delay_ms)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.strip().isdigit():
            raise RuntimeError("the delay proxy did not start")
        yield DelayProxy(int(line), process.pid)
    finally:
        process.terminate()
        process.wait(10)


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop when it is installed: less of the proxy's CPU per chunk."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def main(argv: list[str] | None = None) -> int:
    """Run the proxy until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", help="HOST:PORT of the server")
    parser.add_argument("--delay-ms", type=float, default=1.0)
    parser.add_argument("--port", type=int, default=0, help="listening port (0: any free one)")
    args = parser.parse_args(argv)
    host, _, port = args.target.rpartition(":")
    with (
        contextlib.suppress(KeyboardInterrupt),
        asyncio.Runner(loop_factory=_loop_factory()) as runner,
    ):
        runner.run(serve((host, int(port)), args.delay_ms, args.port))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
