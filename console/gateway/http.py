"""The gateway's HTTP door: the OsmAnd protocol at ``/``, field status, health and metrics.

Why Starlette on uvicorn: the gateway's work per request is tiny (parse a few
fields, await a verdict) and most of its time is spent *waiting* for the next
batch to commit, so one asyncio process holds thousands of open requests
cheaply; Starlette is the thin ASGI toolkit under FastAPI without its
validation layer we do not need (the OsmAnd parser is our own, in
``console.core.field.osmand``), and uvicorn is the standard production ASGI
server, started programmatically so the gateway controls its own shutdown
(flush, then exit), on its C HTTP parser and uvloop. aiohttp would have done as
well; plain ASGI keeps the app testable without a socket, and lets the hot path,
reports at ``/``, be a bare ASGI callable (:mod:`console.gateway.osmand_door`)
that skips Starlette's routing and middleware (they doubled the CPU per report).

Answers at ``/`` (what a Traccar server on port 5055 accepts, so an unmodified
Traccar Client needs only host and port):

=====  ============================================================================
200    stored (accepted, or a retry of a fix already stored).
400    not a position report; the text names the field.
403    unknown or revoked device (the same answer for both: nothing to learn).
413    body over the size limit (checked while reading).
422    taken in the future (the device's clock is ahead): retried, it passes once
       the centre's clock has caught up.
429    the device is over its rate; ``Retry-After`` says when to come back.
503    the database is unavailable; ``Retry-After``; nothing was stored.
=====  ============================================================================

Traccar Client resends a report until it gets a 200, and keeps its queue in
order: every other answer holds up all the device's later fixes. For 400, 403,
413, 429 and 503 that is right (the client or its registration must change, or
the centre will take it later). A fix the store refuses on its merits, stale
(older than the crew's newest), an implausible jump or outside the service area,
would be refused again on every retry, and the client would never send another
position. Those are therefore *settled* by default: answered 200 with the
header ``X-Fix-Verdict`` naming the refusal (and the same in the body),
counted and logged, never stored, so the client drops that one fix and goes on.
``settle_refused=False`` answers them 422 with the reason instead, for clients
that drop a fix on a 4xx. A future fix stays 422 either way (it is not permanent).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Lifespan

from console.core.field.fix import FixSource, Verdict
from console.core.field.osmand import MAX_TOKEN, ReportError
from console.core.field.ports import (
    FieldStatus,
    FieldStatusWriter,
    StatusReport,
    StoreUnavailable,
)
from console.gateway.ingest import Ingest
from console.gateway.osmand_door import MAX_BODY, RETRY_UNAVAILABLE, OsmAndDoor, answer_for

__all__ = ["MAX_BODY", "create_app"]


class _TooLarge(Exception):
    pass


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused as soon as it passes ``limit`` bytes (declared or read)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _TooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _client(request: Request) -> str:
    return f"client {request.client.host if request.client else '?'}"


def create_app(
    ingest: Ingest,
    *,
    status_writer: FieldStatusWriter | None = None,
    max_body: int = MAX_BODY,
    settle_refused: bool = True,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    lifespan: Lifespan[Starlette] | None = None,
    sections: Mapping[str, Callable[[], object]] | None = None,
) -> ASGIApp:
    """The gateway's ASGI app over a started :class:`Ingest` (its owner starts and stops it).

    Reports at ``/`` go through :class:`~console.gateway.osmand_door.OsmAndDoor` (the
    hot path, bare ASGI); ``/status``, ``/health`` and ``/metrics`` through Starlette.

    ``lifespan`` runs around the server's life (the :class:`~console.gateway.server.Gateway`
    starts and stops the ingest pipeline there). ``sections`` adds parts to
    ``/metrics`` by key (``{"mqtt": ...}``), each asked for its figures per request.
    """
    extra = dict(sections or {})

    def _answer(verdict: Verdict) -> Response:
        status, headers, text = answer_for(verdict, lambda: 1.0, settle_refused=settle_refused)
        return PlainTextResponse(text, status, headers)

    async def status(request: Request) -> Response:
        try:
            body = await _read_body(request, max_body)
        except _TooLarge:
            return PlainTextResponse(f"body over {max_body} bytes", 413)
        except ClientDisconnect:
            return Response(status_code=400)
        try:
            token, field_report = _status_report(body)
        except ReportError as error:
            return PlainTextResponse(f"bad request: {error}", 400)
        try:
            device = await ingest.device(token)
        except StoreUnavailable:
            return _answer(Verdict.UNAVAILABLE)
        if device is None or device.revoked:
            ingest.note_refusal(FixSource.OSMAND, Verdict.UNKNOWN_DEVICE, _client(request))
            return _answer(Verdict.UNKNOWN_DEVICE)
        if status_writer is None:
            return PlainTextResponse("field status is not available on this gateway", 501)
        try:
            answer = await asyncio.to_thread(status_writer.report_status, device, field_report)
        except StoreUnavailable:
            return _answer(Verdict.UNAVAILABLE)
        return JSONResponse(dataclasses.asdict(answer), 200 if answer.ok else 409)

    async def health(request: Request) -> Response:
        ok = await ingest.healthy()
        if ok:
            return JSONResponse({"ok": True})
        return JSONResponse({"ok": False}, 503, {"Retry-After": str(RETRY_UNAVAILABLE)})

    async def metrics(request: Request) -> Response:
        figures = ingest.metrics()
        for key, section in extra.items():
            figures[key] = section()
        return JSONResponse(figures)

    others = Starlette(
        routes=[
            Route("/status", status, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    return OsmAndDoor(ingest, others, max_body=max_body, settle_refused=settle_refused, clock=clock)


def _status_report(body: bytes) -> tuple[str, StatusReport]:
    """``(device identifier, report)`` from a ``/status`` JSON body."""
    try:
        root = json.loads(body)
    except (ValueError, RecursionError):
        raise ReportError("body", "not valid JSON") from None
    if not isinstance(root, dict):
        raise ReportError("body", "expected a JSON object")
    token = root.get("id", root.get("device_id"))
    if not isinstance(token, str) or not token.strip() or len(token) > MAX_TOKEN:
        raise ReportError("id", "missing or not a device identifier")
    try:
        status = FieldStatus(str(root.get("status")))
    except ValueError:
        choices = ", ".join(s.value for s in FieldStatus)
        raise ReportError("status", f"expected one of {choices}") from None
    reference = root.get("reference")
    if reference is not None and (not isinstance(reference, str) or len(reference) > 64):
        raise ReportError("reference", "expected a job reference")
    distance = root.get("distance_km")
    if distance is not None and (
        isinstance(distance, bool)
        or not isinstance(distance, int | float)
        or not 0 <= distance <= 10_000
    ):
        raise ReportError("distance_km", "expected a number of km, 0..10000")
    waiting = root.get("waiting_minutes")
    if waiting is not None and (
        isinstance(waiting, bool) or not isinstance(waiting, int) or not 0 <= waiting <= 10_000
    ):
        raise ReportError("waiting_minutes", "expected whole minutes, 0..10000")
    return token.strip(), StatusReport(
        status=status,
        reference=reference,
        distance_km=None if distance is None else float(distance),
        waiting_minutes=waiting,
    )
