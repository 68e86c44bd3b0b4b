"""Sends position reports to a gateway over HTTP keep-alive connections (raw asyncio streams).

The OsmAnd protocol as Traccar Client sends it: ``GET /?id=...&lat=...`` with an
empty body. A fixed pool of connections takes reports from one queue; each
connection has one request in flight, as HTTP/1.1 without pipelining allows,
so the pool's size bounds the concurrency. Raw streams rather than an HTTP
client library: at 2,000 requests a second on a shared 2-core machine the
client's own cost per request must stay small (see :func:`client_ceiling`).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from tests.bench.field_tracks import Sample

__all__ = ["Answer", "HttpSender", "osmand_request"]


@dataclass(frozen=True, slots=True)
class Answer:
    """What became of one report: the HTTP status (0: no answer) and the round trip."""

    sample: Sample
    status: int
    verdict: str
    """The gateway's ``X-Fix-Verdict`` header: a refusal settled with a 200, not stored."""
    sent: float
    """``time.time()`` when the request was written."""
    answered: float
    """``time.time()`` when the answer was read (or the connection failed)."""


def osmand_request(sample: Sample, host: str) -> bytes:
    """The GET request of one report, as Traccar Client sends it (timestamp in Unix ms)."""
    query = (
        f"id={sample.token}&lat={sample.lat:.7f}&lon={sample.lon:.7f}"
        f"&timestamp={sample.at_ms}&speed={sample.speed_kn:.1f}&bearing={sample.bearing:.1f}"
        f"&accuracy=8&batt=80"
    )
    return f"GET /?{query} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: field-load\r\n\r\n".encode()


async def _read_answer(reader: asyncio.StreamReader) -> tuple[int, str]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    verdict = ""
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"x-fix-verdict":
            verdict = value.strip().decode("ascii", "replace")
    if length:
        await reader.readexactly(length)
    return status, verdict


class HttpSender:
    """A pool of keep-alive connections to ``host:port`` sending the reports put in ``queue``."""

    def __init__(
        self,
        host: str,
        port: int,
        connections: int,
        on_answer: Callable[[Answer], None],
        *,
        timeout: float = 30.0,
    ) -> None:
        self.host = host
        self.port = port
        self.connections = connections
        self.on_answer = on_answer
        self.timeout = timeout
        self.queue: asyncio.Queue[Sample | None] = asyncio.Queue()
        self.reconnects = 0
        self._host_header = f"{host}:{port}"

    async def run(self) -> None:
        """Send until a ``None`` was queued for every connection."""
        await asyncio.gather(*(self._connection() for _ in range(self.connections)))

    async def close(self) -> None:
        """Let every connection finish its request in flight, then stop."""
        for _ in range(self.connections):
            self.queue.put_nowait(None)

    async def _connection(self) -> None:
        streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        while (sample := await self.queue.get()) is not None:
            sent = time.time()
            status, verdict = 0, ""
            # A kept-alive connection the gateway closed while idle fails at once: retry
            # on a new one, as HTTP clients do. A new connection that fails is an answer.
            for fresh in (streams is None, True):
                try:
                    if streams is None:
                        streams = await asyncio.wait_for(
                            asyncio.open_connection(self.host, self.port), self.timeout
                        )
                    reader, writer = streams
                    writer.write(osmand_request(sample, self._host_header))
                    status, verdict = await asyncio.wait_for(_read_answer(reader), self.timeout)
                    break
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
                    if streams is not None:
                        streams[1].close()
                    streams = None
                    self.reconnects += 1
                    if fresh or isinstance(error, TimeoutError):
                        break
            self.on_answer(Answer(sample, status, verdict, sent, time.time()))
        if streams is not None:
            streams[1].close()
            with contextlib.suppress(OSError):
                await streams[1].wait_closed()
