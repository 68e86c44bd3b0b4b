"""``gateway``: the field link's network edge as its own long-running process.

``roadside-console gateway [--db URL] [--listen HOST:PORT] [--mqtt URL] [--lanes N]`` serves
the OsmAnd HTTP protocol at the root path of ``--listen`` (default
``0.0.0.0:5055``, a Traccar server's port, so Traccar Client needs only host and
port) and, with ``--mqtt``, the MQTT door. This module is the wiring: it builds
the data layer's telemetry store, device registry and field-status writer on
the database and hands them to :mod:`console.gateway`, which knows only their
interfaces. It runs until SIGTERM or SIGINT, then writes every queued fix and
exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from console.config import WRITER_LANES_MAX, Settings, actor_name
from console.core.errors import DomainError
from console.core.field.ports import (
    DeviceLookup,
    FieldStatusWriter,
    FixWriter,
    StoreUnavailable,
)
from console.core.validation import printable

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from console.gateway.mqtt import MqttSettings
    from console.gateway.server import Gateway

__all__ = ["COMMANDS", "Listen", "add_commands", "parse_listen"]

log = logging.getLogger(__name__)

EXIT_USAGE = 2
DEFAULT_LISTEN = "0.0.0.0:5055"
PRUNE_EVERY = 3600.0
"""Seconds between two retention prunings of the position history (the first at start)."""

Handler = Callable[[Settings, argparse.Namespace], int]


@dataclass(frozen=True, slots=True)
class Listen:
    """Where the gateway listens."""

    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def parse_listen(text: str) -> Listen:
    """``HOST:PORT`` (``[::]:5055`` for IPv6; port 0 takes any free port)."""
    host, separator, port = text.strip().rpartition(":")
    if not separator or not host:
        raise ValueError(f"expected HOST:PORT, got {text!r}")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host or any(c.isspace() for c in host):
        raise ValueError(f"expected HOST:PORT, got {text!r}")
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"port must be a number 0..65535, got {port!r}")
    return Listen(host, int(port))


def _listen_argument(text: str) -> Listen:
    try:
        return parse_listen(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _lanes_argument(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= WRITER_LANES_MAX:
        raise argparse.ArgumentTypeError(
            f"expected a whole number 1..{WRITER_LANES_MAX}, got {text!r}"
        )
    return int(text)


def add_commands(
    commands: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
) -> None:
    """Add ``gateway`` to the console's parser."""
    gateway = commands.add_parser(
        "gateway",
        parents=[common],
        help="run the field gateway: vehicles' positions and status in over HTTP and MQTT",
    )
    gateway.add_argument(
        "--listen",
        metavar="HOST:PORT",
        type=_listen_argument,
        default=parse_listen(DEFAULT_LISTEN),
        help=f"where to serve the OsmAnd HTTP protocol (default {DEFAULT_LISTEN})",
    )
    gateway.add_argument(
        "--mqtt",
        metavar="URL",
        default=None,
        help="also take positions and status from this MQTT broker (mqtt://HOST:PORT)",
    )
    gateway.add_argument(
        "--lanes",
        metavar="N",
        type=_lanes_argument,
        default=None,
        help="batches of fixes written at once, each on its own database connection "
        "(default [field] writer_lanes, 2)",
    )
    gateway.add_argument(
        "--strict-answers",
        action="store_true",
        help="answer stale, jumping and out-of-area fixes 422 instead of settling them with "
        "200 (Traccar Client then resends such a fix for ever and sends nothing newer)",
    )


def _usage(message: str) -> int:
    print(f"error: {printable(message)}", file=sys.stderr)
    return EXIT_USAGE


def _cmd_gateway(settings: Settings, args: argparse.Namespace) -> int:
    from console.db.engine import describe_url

    mqtt: MqttSettings | None = None
    if args.mqtt is not None:
        from console.gateway.mqtt import MqttUrlError, parse_url

        try:
            mqtt = parse_url(args.mqtt)
        except MqttUrlError as error:
            return _usage(f"--mqtt: {error}")
    from console.db import schema

    try:
        engine = schema.open_database(settings.db_url, create=False)
        schema.ensure_schema(engine, auto_upgrade=False)
    except DomainError as error:
        return _usage(f"--db: {error.english()}")
    parts = _wire(settings, engine)
    listen: Listen = args.listen
    lanes: int = settings.writer_lanes if args.lanes is None else args.lanes
    gateway = _gateway(parts, listen, args, mqtt, lanes)
    try:
        gateway.bind()
    except OSError as error:  # taken, not this machine's, or no such host
        return _usage(f"--listen {listen}: {error.strerror or error}")
    print(
        f"gateway on http://{Listen(listen.host, gateway.port)} "
        f"(database {describe_url(settings.db_url)}"
        + (f", MQTT {mqtt.describe()}" if mqtt is not None else "")
        + "); stop with Ctrl+C or SIGTERM",
        flush=True,
    )
    gateway.run()
    counts = {k: v for k, v in gateway.ingest.counters().items() if v}
    summary = ", ".join(f"{n} {verdict}" for verdict, n in counts.items()) or "no reports"
    print(f"gateway stopped: {summary}", flush=True)
    return 0


@dataclass
class _Parts:
    lookup: DeviceLookup
    writer: FixWriter
    status: FieldStatusWriter
    prune: Callable[[], object]
    """The position history's retention pruning (``[field] retention_days``)."""


def _wire(settings: Settings, engine: Engine) -> _Parts:
    """The data layer's telemetry objects on the configured database (schema at head)."""
    from console.cli_pricing import pricing_book
    from console.core.roles import Principal
    from console.db.services import utc_now
    from console.db.telemetry.devices import DeviceRegistry
    from console.db.telemetry.field_status import FieldStatusService
    from console.db.telemetry.retention import prune_trail
    from console.db.telemetry.store import TelemetryStore

    retention = timedelta(days=settings.retention_days)
    return _Parts(
        lookup=DeviceRegistry(engine, principal=Principal.system(actor_name("gateway"))),
        writer=TelemetryStore(engine, clock=utc_now),
        status=FieldStatusService(engine, book=pricing_book(), sla=settings.sla),
        prune=lambda: prune_trail(engine, retention=retention, clock=utc_now),
    )


def _gateway(
    parts: _Parts,
    listen: Listen,
    args: argparse.Namespace,
    mqtt: MqttSettings | None,
    lanes: int,
) -> Gateway:
    from console.gateway.ingest import Ingest, IngestSettings
    from console.gateway.server import Gateway, Job

    jobs: list[Job] = []
    metrics: dict[str, Callable[[], object]] = {}
    if mqtt is not None:
        from console.gateway import mqtt as door

        settings = mqtt
        board = door.MqttMetrics()
        metrics["mqtt"] = board
        jobs.append(lambda ingest: door.run(settings, ingest, parts.status, metrics=board))
    jobs.append(lambda ingest: _prune_periodically(parts.prune))
    return Gateway(
        Ingest(parts.lookup, parts.writer, IngestSettings(lanes=lanes)),
        host=listen.host,
        port=listen.port,
        jobs=jobs,
        status_writer=parts.status,
        settle_refused=not args.strict_answers,
        metrics=metrics,
    )


async def _prune_periodically(prune: Callable[[], object]) -> None:
    while True:
        try:
            await asyncio.to_thread(prune)
        except StoreUnavailable as error:
            log.warning("pruning the position history waits for the database (%s)", error)
        except Exception:
            log.exception("pruning the position history failed (tried again later)")
        await asyncio.sleep(PRUNE_EVERY)


COMMANDS: dict[str | None, Handler] = {"gateway": _cmd_gateway}
