"""The gateway's MQTT door: positions and field status from vehicles through a Mosquitto broker.

Topics (all subscribed with QoS 1 as a shared subscription,
``$share/<group>/<topic>``, so several gateways in one group split the load):

``roadside/v1/fix`` (and any sub-topic, e.g. ``roadside/v1/fix/<user>`` for a broker ACL)
    the console's own crew topic: one JSON fix or an array of them, with the
    OsmAnd protocol's field names and units (see
    :mod:`console.core.field.mqtt_payloads`);
``owntracks/<user>/<device>``
    OwnTracks location messages (``_type: location``), the ``<device>`` topic
    segment being the device's secret identifier (the OwnTracks app's
    "Device ID"); other ``_type`` values are acknowledged and ignored;
``roadside/v1/status`` (and sub-topics)
    a crew's status report for its current job; the answer
    ``{"ok", "code", "message", "reference", "status"}`` goes to the MQTT 5
    response topic with its correlation data when the report has one, else to
    ``roadside/v1/reply/<reply>`` when the report names ``reply``.

Acknowledgements are manual: the broker gets its PUBACK for a message only
once every fix in it is committed (or definitively refused: malformed,
unknown device, outside the area ...). When the database is unavailable the
message is not acknowledged: the gateway disconnects, waits (1 s, doubling up
to 30 s while the database stays away) and reconnects to the same persistent
session (MQTT 5, clean start off, a session expiry), so the broker delivers
the unacknowledged messages again; fixes already stored come back as
DUPLICATE. The gateway recovers by itself once the database answers.

The client id must be stable per gateway (its session holds what is not yet
acknowledged) and different between gateways: by default
``roadside-gateway-<host name>``, or ``?client_id=`` in the URL.

paho-mqtt's network loop runs in its own thread; each message is handed to
the asyncio loop the ingest pipeline runs on (one ``call_soon_threadsafe`` for
whatever arrived meanwhile), whose fixes are submitted together, and each
message is acknowledged from there once its own fixes are settled.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Coroutine, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Protocol
from urllib.parse import parse_qsl, unquote, urlsplit

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion, MQTTProtocolVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from paho.mqtt.reasoncodes import ReasonCode

from console.core.field.fix import Report, Verdict
from console.core.field.mqtt_payloads import (
    OwnTracksIgnored,
    PayloadError,
    parse_crew_fixes,
    parse_owntracks,
    parse_status,
    status_reply,
)
from console.core.field.ports import (
    DeviceRef,
    FieldStatusWriter,
    StatusAnswer,
    StoreUnavailable,
)

__all__ = [
    "FIX_TOPIC",
    "OWNTRACKS_TOPIC",
    "REPLY_TOPIC",
    "STATUS_TOPIC",
    "FixSink",
    "MqttGateway",
    "MqttMetrics",
    "MqttSettings",
    "MqttUrlError",
    "parse_url",
    "run",
]

_log = logging.getLogger(__name__)

FIX_TOPIC = "roadside/v1/fix"
STATUS_TOPIC = "roadside/v1/status"
REPLY_TOPIC = "roadside/v1/reply"
OWNTRACKS_TOPIC = "owntracks/+/+"

LOG_EVERY = 60.0
"""Seconds between two log lines about the same kind of refused message."""


class MqttUrlError(ValueError):
    """An MQTT address the gateway cannot use (the message is one line, without the password)."""


@dataclass(frozen=True, slots=True)
class MqttSettings:
    """Where the broker is and how this gateway's session looks."""

    host: str
    port: int = 1883
    username: str | None = None
    password: str | None = None
    client_id: str = ""
    group: str = "roadside"
    """The shared-subscription group: gateways of one group split the messages."""
    tls: bool = False
    keepalive: int = 30
    session_expiry: int = 3600
    """Seconds the broker keeps this gateway's session (and its unacknowledged messages)."""
    receive_maximum: int = 5000
    """Messages the broker may have in flight to this gateway (a batch's worth)."""
    retry_pause: float = 1.0
    """Seconds to wait before reconnecting after the database was unavailable (doubles)."""
    max_pause: float = 30.0

    def describe(self) -> str:
        """The address without the password, for logs."""
        user = f"{self.username}@" if self.username else ""
        scheme = "mqtts" if self.tls else "mqtt"
        return f"{scheme}://{user}{self.host}:{self.port} as {self.client_id}"


def parse_url(url: str) -> MqttSettings:
    """``mqtt://[user[:password]@]host[:port][?client_id=..&group=..&session_expiry=..]``.

    ``mqtts://`` connects with TLS (port 8883 by default). Raises
    :class:`MqttUrlError` with a one-line reason.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
        host = parts.hostname
    except ValueError as exc:
        raise MqttUrlError(f"MQTT address {_safe(text)} is not valid: {exc}") from None
    if parts.scheme not in ("mqtt", "mqtts"):
        raise MqttUrlError(
            f"MQTT address {_safe(text)} is not valid: use mqtt://HOST:PORT or mqtts://HOST:PORT"
        )
    if not host:
        raise MqttUrlError(f"MQTT address {_safe(text)} is not valid: the host is missing")
    if parts.path not in ("", "/"):
        raise MqttUrlError(f"MQTT address {_safe(text)} is not valid: it takes no path")
    tls = parts.scheme == "mqtts"
    options: dict[str, str] = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in ("client_id", "group", "session_expiry"):
            raise MqttUrlError(
                f"MQTT address {_safe(text)} is not valid: unknown option {key!r} "
                "(known: client_id, group, session_expiry)"
            )
        options[key] = value
    client_id = options.get("client_id", f"roadside-gateway-{socket.gethostname()}")[:128]
    group = options.get("group", "roadside")
    if not client_id or not group or any(c in group for c in "/+#"):
        raise MqttUrlError(
            f"MQTT address {_safe(text)} is not valid: client_id and group must be non-empty "
            "(a group without /, + or #)"
        )
    expiry_text = options.get("session_expiry", "3600")
    if not expiry_text.isdigit() or not 0 < int(expiry_text) <= 2**32 - 1:
        raise MqttUrlError(
            f"MQTT address {_safe(text)} is not valid: session_expiry is seconds (1 or more)"
        )
    return MqttSettings(
        host=host,
        port=port or (8883 if tls else 1883),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        client_id=client_id,
        group=group,
        tls=tls,
        session_expiry=int(expiry_text),
    )


def _safe(url: str) -> str:
    """``url`` with any password starred out."""
    try:
        parts = urlsplit(url)
        if parts.password is not None:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
            return parts._replace(netloc=netloc).geturl()
    except ValueError:
        return "(unreadable)"
    return url


class FixSink(Protocol):
    """What the MQTT door needs of the ingest pipeline (``console.gateway.ingest.Ingest``)."""

    async def submit_many(
        self, reports: Iterable[Report], *, wait_for_room: bool = False
    ) -> list[Verdict]:
        """Store the reports; their verdicts once their batches committed.

        ``wait_for_room``: wait while the pipeline is full instead of refusing.
        """
        ...

    async def device(self, token: str) -> DeviceRef | None:
        """The device an identifier belongs to; raises StoreUnavailable."""
        ...


class _Outcome(Enum):
    ACK = "ack"
    HOLD = "hold"
    """The database is unavailable: leave the message unacknowledged and reconnect later."""


@dataclass(frozen=True, slots=True)
class _Message:
    topic: str
    payload: bytes
    mid: int
    qos: int
    generation: int
    response_topic: str | None
    correlation: bytes | None


class MqttGateway:
    """Subscribes to the vehicle topics and feeds the ingest pipeline; one per gateway process.

    Build it inside the asyncio loop the ingest runs on, ``start()`` it, and
    ``await stop()`` before the loop ends. ``status`` may be None: the status
    topic is then not subscribed.
    """

    def __init__(
        self,
        settings: MqttSettings,
        ingest: FixSink,
        status: FieldStatusWriter | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.settings = settings
        self._ingest = ingest
        self._status = status
        self._clock = clock or (lambda: datetime.now(UTC))
        self._loop = asyncio.get_running_loop()
        self._status_pool = ThreadPoolExecutor(2, thread_name_prefix="mqtt-status")
        self._client = self._make_client()
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._generation = 0
        self._connected = threading.Event()
        self._holding = False
        self._pause = settings.retry_pause
        self._counts: Counter[str] = Counter()
        # Counted on the network thread, under the lock (the rest on the asyncio loop).
        self._received = 0
        self._redelivered = 0
        self._connections = 0
        self._acknowledged = 0
        self._logged: dict[str, float] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._inbox: list[_Message] = []

    # -- life cycle ---------------------------------------------------------------

    def _make_client(self) -> paho.Client:
        client = paho.Client(
            CallbackAPIVersion.VERSION2,
            client_id=self.settings.client_id,
            protocol=MQTTProtocolVersion.MQTTv5,
            manual_ack=True,
        )
        if self.settings.username is not None:
            client.username_pw_set(self.settings.username, self.settings.password)
        if self.settings.tls:
            client.tls_set()
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        client.on_subscribe = self._on_subscribe
        client.reconnect_delay_set(1, 30)
        return client

    def start(self) -> None:
        """Connect in the background (and keep reconnecting until stopped)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._network, name="mqtt", daemon=True)
            self._thread.start()

    async def stop(self) -> None:
        """Disconnect; messages not yet acknowledged stay with the broker for the next start."""
        self._stopping.set()
        self._client.disconnect()
        thread = self._thread
        if thread is not None:
            await asyncio.get_running_loop().run_in_executor(None, thread.join, 10)
        self._thread = None
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._status_pool.shutdown(wait=False, cancel_futures=True)

    def wait_connected(self, timeout: float) -> bool:
        """Block until subscribed to the broker (for tests and start-up checks)."""
        return self._connected.wait(timeout)

    @property
    def connected(self) -> bool:
        """True while connected and subscribed."""
        return self._connected.is_set()

    def counters(self) -> dict[str, int]:
        """Messages and fixes by outcome so far (``{"fix.accepted": 12, "malformed": 1, ...}``)."""
        return dict(self._counts)

    def metrics(self) -> dict[str, object]:
        """What ``/metrics`` shows under ``"mqtt"``: connection, message totals and outcomes.

        ``received`` counts every delivery (``redelivered`` of them came again after
        a lost connection), ``acknowledged`` the PUBACKs sent, ``malformed`` the
        messages refused as unreadable, ``held`` the times the door let go of its
        messages for an unavailable database, ``reconnects`` the connections after
        the first; ``outcomes`` is :meth:`counters`.
        """
        with self._lock:
            received, redelivered = self._received, self._redelivered
            connections = self._connections
        return {
            "connected": self.connected,
            "broker": self.settings.describe(),
            "connections": connections,
            "reconnects": max(0, connections - 1),
            "received": received,
            "redelivered": redelivered,
            "acknowledged": self._acknowledged,
            "malformed": self._counts["malformed"],
            "held": self._counts["held"],
            "outcomes": self.counters(),
        }

    # -- network thread -------------------------------------------------------------

    def _network(self) -> None:
        settings = self.settings
        properties = Properties(PacketTypes.CONNECT)  # type: ignore[no-untyped-call]
        properties.SessionExpiryInterval = settings.session_expiry
        properties.ReceiveMaximum = settings.receive_maximum
        failures = 0
        while not self._stopping.is_set():
            try:
                self._client.connect(
                    settings.host,
                    settings.port,
                    settings.keepalive,
                    clean_start=False,
                    properties=properties,
                )
            except (OSError, ValueError) as exc:
                failures += 1
                self._note("connect", f"cannot reach the MQTT broker {settings.describe()}: {exc}")
                self._stopping.wait(min(settings.max_pause, settings.retry_pause * 2**failures))
                continue
            failures = 0
            if self._stopping.is_set():
                # stop() may have disconnected before this connect(): leave now.
                self._client.disconnect()
                break
            self._client.loop_forever(retry_first_connection=True)
            if self._stopping.is_set():
                break
            # Left on purpose (the database was unavailable): give it time before redelivery.
            with self._lock:
                pause = self._pause
                self._pause = min(settings.max_pause, self._pause * 2)
            _log.info("MQTT paused for %.0f s: the database is unavailable", pause)
            self._stopping.wait(pause)
            with self._lock:
                self._holding = False

    def _on_connect(
        self,
        client: paho.Client,
        userdata: object,
        flags: paho.ConnectFlags,
        reason: ReasonCode,
        properties: Properties | None,
    ) -> None:
        if reason.is_failure:
            self._note("connect", f"the MQTT broker refused {self.settings.describe()}: {reason}")
            return
        with self._lock:
            self._generation += 1
            self._connections += 1
        group = self.settings.group
        topics = [f"{FIX_TOPIC}/#", OWNTRACKS_TOPIC]
        if self._status is not None:
            topics.append(f"{STATUS_TOPIC}/#")
        client.subscribe([(f"$share/{group}/{topic}", 1) for topic in topics])
        _log.info("MQTT connected to %s (session present: %s)", self.settings.describe(),
                  flags.session_present)  # fmt: skip

    def _on_subscribe(
        self,
        client: paho.Client,
        userdata: object,
        mid: int,
        reasons: list[ReasonCode],
        properties: Properties | None,
    ) -> None:
        refused = [str(reason) for reason in reasons if reason.is_failure]
        if refused:
            self._note("subscribe", f"the MQTT broker refused a subscription: {refused}")
        self._connected.set()

    def _on_disconnect(
        self,
        client: paho.Client,
        userdata: object,
        flags: paho.DisconnectFlags,
        reason: ReasonCode,
        properties: Properties | None,
    ) -> None:
        self._connected.clear()
        with self._lock:
            self._generation += 1
        if not self._stopping.is_set() and not self._holding:
            self._note("disconnect", f"MQTT connection lost ({reason}); reconnecting")

    def _on_message(self, client: paho.Client, userdata: object, msg: paho.MQTTMessage) -> None:
        properties = getattr(msg, "properties", None)
        response = getattr(properties, "ResponseTopic", None) if properties else None
        correlation = getattr(properties, "CorrelationData", None) if properties else None
        with self._lock:
            message = _Message(
                msg.topic, bytes(msg.payload), msg.mid, msg.qos, self._generation, response,
                correlation,
            )  # fmt: skip
            self._inbox.append(message)
            self._received += 1
            self._redelivered += int(bool(msg.dup))
            first = len(self._inbox) == 1
        # One wake-up of the loop for whatever arrived meanwhile, not one per message.
        if first:
            self._loop.call_soon_threadsafe(self._drain)

    # -- handling (on the asyncio loop) -------------------------------------------------

    def _drain(self) -> None:
        with self._lock:
            messages, self._inbox = self._inbox, []
        positions: list[_Message] = []
        for message in messages:
            if _is_status(message.topic):
                self._spawn(self._handle(message))
            else:
                positions.append(message)
        if positions:
            self._spawn(self._handle_positions(positions))

    def _spawn(self, work: Coroutine[None, None, None]) -> None:
        task = self._loop.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _handle(self, message: _Message) -> None:
        """Handle a status report (one at a time: each is a unit of work)."""
        try:
            outcome = await self._status_report(message)
        except Exception:
            _log.exception("an MQTT message on %s could not be handled", message.topic)
            self._counts["error"] += 1
            outcome = _Outcome.HOLD
        if outcome is _Outcome.HOLD:
            self._hold()
        else:
            self._settle(message)

    async def _handle_positions(self, messages: Sequence[_Message]) -> None:
        """Submit the fixes of ``messages`` together; acknowledge each once its own are settled."""
        reports: list[Report] = []
        owners: list[int] = []
        for index, message in enumerate(messages):
            for report in self._reports_of(message):
                reports.append(report)
                owners.append(index)
        held = [False] * len(messages)
        try:
            verdicts = (
                await self._ingest.submit_many(reports, wait_for_room=True) if reports else []
            )
        except Exception:
            _log.exception("%d MQTT messages could not be handled", len(messages))
            self._counts["error"] += len(messages)
            verdicts = [Verdict.UNAVAILABLE] * len(reports)
        for owner, verdict in zip(owners, verdicts, strict=True):
            self._counts[f"fix.{verdict.value}"] += 1
            if verdict is Verdict.UNAVAILABLE:
                held[owner] = True
        # What is settled is acknowledged first: it is committed (or refused) already.
        for message, hold in zip(messages, held, strict=True):
            if not hold:
                self._settle(message)
        if any(held):
            self._hold()

    def _settle(self, message: _Message) -> None:
        """Acknowledge ``message`` (PUBACK) if it came on this connection and nothing is held."""
        with self._lock:
            current = message.generation == self._generation and not self._holding
            if current:
                self._pause = self.settings.retry_pause
        if current:
            # A message from an earlier connection is delivered again on this one: its
            # old packet id is not ours to acknowledge.
            self._client.ack(message.mid, message.qos)
            self._acknowledged += 1

    def _reports_of(self, message: _Message) -> list[Report]:
        """The reports a position message carries (none when it is refused or ignored: counted)."""
        topic = message.topic
        if topic == FIX_TOPIC or topic.startswith(FIX_TOPIC + "/"):
            try:
                items = parse_crew_fixes(message.payload, received=self._clock())
            except PayloadError as error:
                self._malformed(message, error)
                return []
            for item in items:
                if isinstance(item, PayloadError):
                    self._malformed(message, item)
            return [item for item in items if isinstance(item, Report)]
        if topic.startswith("owntracks/"):
            try:
                return [parse_owntracks(topic, message.payload)]
            except OwnTracksIgnored:
                self._counts["owntracks.ignored"] += 1
            except PayloadError as error:
                self._malformed(message, error)
            return []
        self._counts["ignored"] += 1
        return []

    async def _status_report(self, message: _Message) -> _Outcome:
        try:
            parsed = parse_status(message.payload)
        except PayloadError as error:
            self._malformed(message, error)
            reply = status_reply(message.payload)
            self._answer(message, reply, StatusAnswer(False, "malformed", str(error)))
            return _Outcome.ACK
        writer = self._status
        assert writer is not None
        try:
            device = await self._ingest.device(parsed.token)
            if device is None:
                answer = StatusAnswer(False, "unknown_device", "No device has this identifier.")
            elif device.revoked:
                answer = StatusAnswer(False, "revoked_device", "This device was revoked.")
            else:
                answer = await self._loop.run_in_executor(
                    self._status_pool, writer.report_status, device, parsed.report
                )
        except StoreUnavailable:
            self._counts["status.unavailable"] += 1
            return _Outcome.HOLD
        self._counts[f"status.{answer.code}"] += 1
        self._answer(message, parsed.reply, answer)
        return _Outcome.ACK

    def _answer(self, message: _Message, reply: str | None, answer: StatusAnswer) -> None:
        """Publish ``answer`` where the device asked for it (nowhere when it did not)."""
        if message.response_topic:
            topic = message.response_topic
        elif reply:
            topic = f"{REPLY_TOPIC}/{reply}"
        else:
            return
        body = json.dumps(
            {
                "ok": answer.ok,
                "code": answer.code,
                "message": answer.message,
                "reference": answer.reference,
                "status": answer.status,
            },
            ensure_ascii=False,
        )
        properties = None
        if message.correlation is not None:
            properties = Properties(PacketTypes.PUBLISH)  # type: ignore[no-untyped-call]
            properties.CorrelationData = message.correlation
        self._client.publish(topic, body, qos=1, properties=properties)

    def _malformed(self, message: _Message, error: PayloadError) -> _Outcome:
        self._counts["malformed"] += 1
        self._note(f"malformed:{message.topic.split('/')[0]}",
                   f"malformed MQTT message on {_topic_hint(message.topic)}: {error}")  # fmt: skip
        return _Outcome.ACK

    def _hold(self) -> None:
        """Leave unacknowledged what is in flight: disconnect, and reconnect after a pause."""
        with self._lock:
            if self._holding:
                return
            self._holding = True
        self._counts["held"] += 1
        self._note("hold", "the database is unavailable: MQTT messages are left to the broker")
        self._client.disconnect()

    def _note(self, kind: str, text: str) -> None:
        """Log ``text`` at most once a minute per ``kind``."""
        now = time.monotonic()
        if now - self._logged.get(kind, -LOG_EVERY) >= LOG_EVERY:
            self._logged[kind] = now
            _log.warning("%s", text)


def _is_status(topic: str) -> bool:
    return topic == STATUS_TOPIC or topic.startswith(STATUS_TOPIC + "/")


def _topic_hint(topic: str) -> str:
    """A topic for logs: an OwnTracks topic's device segment (a secret) cut to its last 4."""
    levels = topic.split("/")
    if levels[0] == "owntracks" and len(levels) == 3:
        return f"owntracks/{levels[1]}/…{levels[2][-4:]}"
    return topic


class MqttMetrics:
    """The MQTT door's part of ``/metrics``: the running door's :meth:`MqttGateway.metrics`.

    Made before the door runs (the HTTP app is built first); until :func:`run`
    has started a door it shows ``{"connected": false}``.
    """

    def __init__(self) -> None:
        self._door: MqttGateway | None = None

    def attach(self, door: MqttGateway | None) -> None:
        """Show ``door``'s figures from now on (None: no door runs)."""
        self._door = door

    def __call__(self) -> dict[str, object]:
        door = self._door
        return door.metrics() if door is not None else {"connected": False}


async def run(
    url: str | MqttSettings,
    ingest: FixSink,
    status: FieldStatusWriter | None = None,
    *,
    stop: asyncio.Event | None = None,
    metrics: MqttMetrics | None = None,
) -> None:
    """Serve MQTT until ``stop`` is set or the task is cancelled (beside the HTTP server).

    ``url`` is checked first: a bad one raises :class:`MqttUrlError` before anything starts.
    ``metrics``, if given, shows this door's figures while it runs.
    """
    settings = url if isinstance(url, MqttSettings) else parse_url(url)
    gateway = MqttGateway(settings, ingest, status)
    if metrics is not None:
        metrics.attach(gateway)
    gateway.start()
    try:
        await (stop or asyncio.Event()).wait()
    finally:
        await gateway.stop()
