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
import subprocess
import sys
from collections.abc import Iterator

_CHUNK = 65_536


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, hold: float) -> None:
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def send() -> None:
        loop = asyncio.get_running_loop()
        while True:
            due, data = await queue.get()
            if not data:
                break
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        with contextlib.suppress(OSError):
            writer.close()

    sender = asyncio.create_task(send())
    loop = asyncio.get_running_loop()
    try:
        while data := await reader.read(_CHUNK):
            queue.put_nowait((loop.time() + hold, data))
    except OSError:
        pass
    finally:
        queue.put_nowait((0.0, b""))
        await sender


async def _serve(
    client_r: asyncio.StreamReader,
    client_w: asyncio.StreamWriter,
    target: tuple[str, int],
    hold: float,
) -> None:
    try:
        server_r, server_w = await asyncio.open_connection(*target)
    except OSError:
        client_w.close()
        return
    # The whole delay on the answers: the event loop sleeps in whole milliseconds, so
    # half a millisecond each way would come out as one each way.
    await asyncio.gather(_pipe(client_r, server_w, 0.0), _pipe(server_r, client_w, hold))


async def serve(target: tuple[str, int], delay_ms: float, port: int = 0) -> None:
    """Forward 127.0.0.1:``port`` to ``target`` with ``delay_ms`` per round trip, until cancelled.

    Prints the listening port (one line) once it listens.
    """
    hold = delay_ms / 1000
    server = await asyncio.start_server(lambda r, w: _serve(r, w, target, hold), "127.0.0.1", port)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


@contextlib.contextmanager
def delayed(target_host: str, target_port: int, delay_ms: float) -> Iterator[int]:
    """The port of a delay proxy running in a process of its own for the ``with`` block.

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
        yield int(line)
    finally:
        process.terminate()
        process.wait(10)


def main(argv: list[str] | None = None) -> int:
    """Run the proxy until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", help="HOST:PORT of the server")
    parser.add_argument("--delay-ms", type=float, default=1.0)
    parser.add_argument("--port", type=int, default=0, help="listening port (0: any free one)")
    args = parser.parse_args(argv)
    host, _, port = args.target.rpartition(":")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve((host, int(port)), args.delay_ms, args.port))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
