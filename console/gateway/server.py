"""The gateway process's life: uvicorn serving the HTTP app, the ingest pipeline, background jobs.

``Gateway.serve()`` starts the ingest pipeline and the background jobs (an MQTT
subscriber, the history's retention pruning), serves HTTP until ``stop()`` or
SIGTERM/SIGINT, then stops taking requests, lets the open ones finish, cancels
the jobs and writes every queued fix before it returns: a clean stop loses no
acknowledged fix and leaves none half-written.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Mapping, Sequence

import uvicorn
from starlette.applications import Starlette

from console.core.field.ports import FieldStatusWriter
from console.gateway.http import MAX_BODY, create_app
from console.gateway.ingest import Ingest

__all__ = ["Gateway", "Job"]

_BACKLOG = 2048
"""Connections the kernel holds for the gateway before it accepts them."""

_log = logging.getLogger(__name__)

Job = Callable[[Ingest], Awaitable[None]]
"""A background task run for the gateway's whole life (cancelled at shutdown)."""


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop when it is installed (a fifth less CPU per request, measured)."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


class _Server(uvicorn.Server):
    """uvicorn's server, except that a stop signal ends the process normally once flushed.

    uvicorn re-raises the signal after its shutdown, which would end the process
    by the signal's default action (status 143 for SIGTERM) before the gateway's
    own ``finally`` could report; here the signal only asks for a graceful stop.
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        handled = (signal.SIGINT, signal.SIGTERM)
        original = {sig: signal.signal(sig, self.handle_exit) for sig in handled}
        try:
            yield
        finally:
            for sig, handler in original.items():
                signal.signal(sig, handler)


class Gateway:
    """One gateway process: an :class:`Ingest`, its HTTP app on ``host:port``, and jobs.

    The options after ``jobs`` are those of :func:`~console.gateway.http.create_app`
    (``metrics`` is its ``sections``: the jobs' own parts of ``/metrics``).
    """

    def __init__(
        self,
        ingest: Ingest,
        *,
        host: str,
        port: int,
        jobs: Sequence[Job] = (),
        status_writer: FieldStatusWriter | None = None,
        settle_refused: bool = True,
        max_body: int = MAX_BODY,
        metrics: Mapping[str, Callable[[], object]] | None = None,
    ) -> None:
        self.ingest = ingest
        self._host = host
        self._port = port
        self._socket: socket.socket | None = None
        self._jobs = jobs
        self._tasks: list[asyncio.Task[None]] = []
        self.app = create_app(
            ingest,
            status_writer=status_writer,
            settle_refused=settle_refused,
            max_body=max_body,
            lifespan=self._lifespan,
            sections=metrics,
        )
        config = uvicorn.Config(
            self.app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=10,
            backlog=4096,
        )
        self._server = _Server(config)
        self.started = threading.Event()
        """Set once the gateway listens (for tests and callers in other threads)."""

    @property
    def port(self) -> int:
        """The port listened on (the real one when asked for port 0); 0 before ``bind()``."""
        return int(self._socket.getsockname()[1]) if self._socket is not None else 0

    def bind(self) -> None:
        """Take the listening address now; raises OSError (taken, not ours, unknown host)."""
        if self._socket is not None:
            return
        family, kind, proto, _, address = socket.getaddrinfo(
            self._host, self._port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            sock.bind(address)
            # Listening at once: a client that connects between the "gateway on" line and
            # the server's start waits in the backlog instead of being refused.
            sock.listen(_BACKLOG)
        except OSError:
            sock.close()
            raise
        self._socket = sock

    def run(self) -> None:
        """Serve in this thread on a new event loop (uvloop where installed) until stopped."""
        with asyncio.Runner(loop_factory=_loop_factory()) as runner:
            runner.run(self.serve())

    async def serve(self) -> None:
        """Serve until stopped; returns after every queued fix was written.

        Raises OSError, before anything starts, when the address cannot be listened on.
        """
        self.bind()
        assert self._socket is not None
        try:
            await self._server.serve(sockets=[self._socket])
        finally:
            self._socket.close()
            self._socket = None

    def stop(self) -> None:
        """Ask the gateway to stop (from any thread); ``serve()`` returns once it has."""
        self._server.should_exit = True

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        self.ingest.start()
        self._tasks = [asyncio.create_task(self._run_job(job)) for job in self._jobs]
        asyncio.get_running_loop().call_soon(self._announce)
        try:
            yield
        finally:
            for task in self._tasks:
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await self.ingest.stop()
            self.started.clear()

    def _announce(self) -> None:
        if self._server.started:
            self.started.set()
        else:
            asyncio.get_running_loop().call_later(0.01, self._announce)

    async def _run_job(self, job: Job) -> None:
        try:
            await job(self.ingest)
        except asyncio.CancelledError:
            raise
        except Exception:
            _log.exception("a gateway background job failed")
