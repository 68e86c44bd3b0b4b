"""The OsmAnd protocol at ``/`` as a bare ASGI app: the gateway's hot path.

Every vehicle report arrives here, thousands a second, so this door speaks ASGI
directly instead of through Starlette's routing and middleware, which cost
about as much CPU per request as the parsing itself (measured under
cProfile at 2,000 reports a second). Every other path goes on to the
Starlette app of :mod:`console.gateway.http`. Which answer each verdict gets,
and why, is described there.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import datetime

from starlette.types import ASGIApp, Receive, Scope, Send

from console.core.field.fix import FixSource, Verdict
from console.core.field.osmand import ReportError, parse_request
from console.gateway.ingest import Ingest

__all__ = ["MAX_BODY", "RETRY_UNAVAILABLE", "OsmAndDoor", "answer_for"]

_log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024
"""Largest request body read, in bytes (a Traccar Client report is well under 1 KiB)."""
RETRY_UNAVAILABLE = 5
"""Seconds a client is asked to wait when the database is unavailable."""

_SETTLED = frozenset({Verdict.STALE, Verdict.JUMP, Verdict.OUTSIDE_AREA})
_REASONS = {
    Verdict.OUTSIDE_AREA: "outside the service area",
    Verdict.FUTURE: "taken in the future (check the device's clock)",
    Verdict.STALE: "older than the crew's newest position",
    Verdict.JUMP: "implausible jump from the crew's previous position",
}
_TEXT = (b"content-type", b"text/plain; charset=utf-8")


def answer_for(
    verdict: Verdict, retry_after: Callable[[], float], *, settle_refused: bool
) -> tuple[int, dict[str, str], str]:
    """``(status, headers, text)`` answering a report with ``verdict``."""
    if verdict.stored:
        return 200, {}, ""
    if verdict in (Verdict.UNKNOWN_DEVICE, Verdict.REVOKED_DEVICE):
        return 403, {}, "device not registered, or revoked"
    if verdict is Verdict.RATE_LIMITED:
        return 429, {"Retry-After": str(math.ceil(retry_after()))}, "too many reports"
    if verdict is Verdict.UNAVAILABLE:
        return (
            503,
            {"Retry-After": str(RETRY_UNAVAILABLE)},
            "database unavailable, nothing stored: try again later",
        )
    reason = _REASONS.get(verdict, verdict.value)
    headers = {"X-Fix-Verdict": verdict.value}
    if settle_refused and verdict in _SETTLED:
        return 200, headers, f"not stored: {reason}"
    return 422, headers, f"refused: {reason}"


class _TooLarge(Exception):
    pass


class _Gone(Exception):
    pass


class OsmAndDoor:
    """Answers ``GET``/``POST /`` with the report's verdict; passes anything else to ``other``."""

    def __init__(
        self,
        ingest: Ingest,
        other: ASGIApp,
        *,
        max_body: int,
        settle_refused: bool,
        clock: Callable[[], datetime],
    ) -> None:
        self._ingest = ingest
        self._other = other
        self._max_body = max_body
        self._settle = settle_refused
        self._clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/":
            await self._other(scope, receive, send)
            return
        if scope["method"] not in ("GET", "POST"):
            await _send(send, 405, {"Allow": "GET, POST"}, "method not allowed")
            return
        try:
            status, headers, text = await self._answer(scope, receive)
        except _Gone:
            return
        except Exception:
            _log.exception("answering a report failed")
            status, headers, text = 500, {}, "internal error"
        await _send(send, status, headers, text)

    async def _answer(self, scope: Scope, receive: Receive) -> tuple[int, dict[str, str], str]:
        ingest = self._ingest
        content_type = None
        declared = None
        for name, value in scope["headers"]:
            if name == b"content-type":
                content_type = value.decode("latin-1")
            elif name == b"content-length":
                declared = value
        try:
            if declared is not None and declared.isdigit() and int(declared) > self._max_body:
                raise _TooLarge
            body = await self._body(receive)
        except _TooLarge:
            ingest.note_refusal(FixSource.OSMAND, Verdict.TOO_LARGE, _client(scope))
            return 413, {}, f"body over {self._max_body} bytes"
        try:
            report = parse_request(
                scope["query_string"].decode("latin-1"), content_type, body, received=self._clock()
            )
        except ReportError as error:
            ingest.note_refusal(
                FixSource.OSMAND, Verdict.MALFORMED, _client(scope), f" ({error.field})"
            )
            return 400, {}, f"bad request: {error}"
        verdict = await ingest.submit(report)
        return answer_for(verdict, lambda: ingest.retry_after(report), settle_refused=self._settle)

    async def _body(self, receive: Receive) -> bytes:
        """The body, refused as soon as it passes the limit (checked while reading)."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Gone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self._max_body:
                raise _TooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return f"client {client[0] if client else '?'}"


async def _send(send: Send, status: int, headers: dict[str, str], text: str) -> None:
    body = text.encode("utf-8")
    raw = [_TEXT, (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
