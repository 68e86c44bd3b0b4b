"""A real gateway (uvicorn on a free loopback port) in a background thread, for tests."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from console.gateway.ingest import Ingest
from console.gateway.server import Gateway


@dataclass
class Running:
    gateway: Gateway
    url: str


@contextmanager
def running_gateway(make_ingest: Callable[[], Ingest], **options: Any) -> Iterator[Running]:
    """Serve a gateway on 127.0.0.1 (a free port) until the block ends, then stop it cleanly."""
    made: list[Gateway] = []
    failed: list[BaseException] = []
    ready = threading.Event()

    def run() -> None:
        async def main() -> None:
            gateway = Gateway(make_ingest(), host="127.0.0.1", port=0, **options)
            made.append(gateway)
            ready.set()
            await gateway.serve()

        try:
            asyncio.run(main())
        except BaseException as error:
            failed.append(error)
            ready.set()

    thread = threading.Thread(target=run, name="gateway-under-test", daemon=True)
    thread.start()
    assert ready.wait(10), "the gateway did not start"
    assert not failed, f"the gateway failed to start: {failed[0]!r}"
    gateway = made[0]
    assert gateway.started.wait(10), "the gateway did not start listening"
    try:
        yield Running(gateway, f"http://127.0.0.1:{gateway.port}")
    finally:
        gateway.stop()
        thread.join(20)
        assert not thread.is_alive(), "the gateway did not stop"
        assert not failed, f"the gateway failed: {failed[0]!r}"
