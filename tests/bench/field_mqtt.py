"""Publishes position reports to an MQTT broker with QoS 1, as vehicles on the crew topic.

A minimal MQTT 3.1.1 publisher on raw asyncio streams (CONNECT, PUBLISH QoS 1,
PUBACK): measured on this 2-core machine, paho-mqtt needed about 220 µs of CPU
a message and topped out near 2,400 messages a second with four connections,
which would leave the gateway under test too little of the machine. Each
connection keeps its publishes in flight without waiting, as a broker allows.

A report is acknowledged when the broker answers PUBACK: from then on the
broker holds it for the gateway's persistent session until the gateway
acknowledges it in turn, which it does only once the fix is committed. So
"acknowledged and not lost" for MQTT is checked once the gateway has drained
the broker.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import struct
import time
from collections.abc import Callable

from tests.bench.field_http import Answer
from tests.bench.field_tracks import Sample

__all__ = ["FIX_TOPIC", "MqttSender", "fix_payload"]

FIX_TOPIC = "roadside/v1/fix"
"""The gateway's crew topic: one JSON report per message, OsmAnd field names; each
connection publishes under its own name below it, as a vehicle under its broker user."""


def fix_payload(sample: Sample) -> bytes:
    """The JSON message of one report (the OsmAnd protocol's field names)."""
    return json.dumps(
        {
            "id": sample.token,
            "lat": round(sample.lat, 7),
            "lon": round(sample.lon, 7),
            "timestamp": sample.at_ms,
            "speed": round(sample.speed_kn, 1),
            "bearing": round(sample.bearing, 1),
            "accuracy": 8,
            "batt": 80,
        },
        separators=(",", ":"),
    ).encode()


def _length(n: int) -> bytes:
    """MQTT's variable-length integer."""
    out = bytearray()
    while True:
        byte, n = n % 128, n // 128
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _string(text: str) -> bytes:
    data = text.encode()
    return struct.pack("!H", len(data)) + data


def connect_packet(client_id: str) -> bytes:
    """CONNECT, MQTT 3.1.1, clean session, no keep-alive."""
    body = _string("MQTT") + bytes((4, 0x02)) + struct.pack("!H", 0) + _string(client_id)
    return b"\x10" + _length(len(body)) + body


def publish_packet(topic: bytes, packet_id: int, payload: bytes) -> bytes:
    """PUBLISH with QoS 1."""
    body = struct.pack("!H", len(topic)) + topic + struct.pack("!H", packet_id) + payload
    return b"\x32" + _length(len(body)) + body


async def _read_packet(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    kind = (await reader.readexactly(1))[0]
    length, shift = 0, 0
    while True:
        byte = (await reader.readexactly(1))[0]
        length += (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    return kind, await reader.readexactly(length)


class _Connection:
    """One publishing connection: writes without waiting, matches PUBACKs by packet id."""

    def __init__(self, name: str, on_answer: Callable[[Answer], None]) -> None:
        self.name = name
        self.topic = f"{FIX_TOPIC}/{name}".encode()
        self.on_answer = on_answer
        self.pending: dict[int, tuple[Sample, float]] = {}
        self.next_id = 0
        self.writer: asyncio.StreamWriter | None = None
        self.reading: asyncio.Task[None] | None = None

    async def open(self, host: str, port: int) -> None:
        reader, self.writer = await asyncio.open_connection(host, port)
        self.writer.write(connect_packet(self.name))
        kind, body = await _read_packet(reader)
        if kind != 0x20 or body[1] != 0:
            raise ConnectionError(f"the broker refused the connection (CONNACK {body.hex()})")
        self.reading = asyncio.create_task(self._read(reader))

    def send(self, sample: Sample) -> None:
        assert self.writer is not None
        self.next_id = self.next_id % 65535 + 1
        if self.next_id in self.pending:
            raise RuntimeError("65,535 messages in flight on one connection")
        self.pending[self.next_id] = (sample, time.time())
        self.writer.write(publish_packet(self.topic, self.next_id, fix_payload(sample)))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        with contextlib.suppress(asyncio.IncompleteReadError, OSError):
            while True:
                kind, body = await _read_packet(reader)
                if kind >> 4 == 4:  # PUBACK
                    entry = self.pending.pop(struct.unpack("!H", body[:2])[0], None)
                    if entry is not None:
                        sample, sent = entry
                        self.on_answer(Answer(sample, 200, "", sent, time.time()))

    async def close(self) -> None:
        if self.writer is not None:
            with contextlib.suppress(OSError):
                self.writer.write(b"\xe0\x00")  # DISCONNECT
                await self.writer.drain()
            self.writer.close()
        if self.reading is not None:
            self.reading.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.reading


class MqttSender:
    """``clients`` MQTT connections publishing reports with QoS 1, round robin (one event loop).

    ``on_answer`` is called with status 200 when the broker acknowledged a report.
    """

    def __init__(
        self, host: str, port: int, clients: int, on_answer: Callable[[Answer], None]
    ) -> None:
        self.host = host
        self.port = port
        self._connections = [_Connection(f"field-load-{n}", on_answer) for n in range(clients)]
        self._next = 0

    async def open(self) -> None:
        """Connect every connection."""
        await asyncio.gather(*(c.open(self.host, self.port) for c in self._connections))

    def send(self, sample: Sample) -> None:
        """Publish one report."""
        connection = self._connections[self._next]
        self._next = (self._next + 1) % len(self._connections)
        connection.send(sample)

    def unanswered(self) -> int:
        """Reports the broker has not acknowledged yet."""
        return sum(len(c.pending) for c in self._connections)

    async def close(self, timeout: float = 30.0) -> None:
        """Wait (up to ``timeout``) for the broker's acknowledgements, then disconnect."""
        deadline = time.monotonic() + timeout
        while self.unanswered() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        for connection in self._connections:
            await connection.close()
