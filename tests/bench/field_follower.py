"""A console following a database under field load: when does it see each crew move?

    python -m tests.bench.field_follower --db URL --seconds 60 --out FILE

A process of its own doing what :class:`console.ui.live_sync.LiveSync` does,
without the window: on PostgreSQL it is woken by the typed change notices and
fetches moved crews at most every :data:`~console.ui.live_sync.POSITIONS_GAP_S`
(business changes at once, no sooner than :data:`~console.ui.live_sync.BUSINESS_GAP_S`);
on SQLite it polls once a second, the console's timer. Every crew position it
sees arrive (after it printed ``ready``) is written to FILE as a line ``crew_id gps_at_ms seen_unix_s``; the
load generator matches them with the fixes it had acknowledged. The last line
is ``# cpu SECONDS wall SECONDS fetches N``: the follower's own cost.
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

from console.core.ports import ChangeHeads, ChangeKind
from console.core.roles import Principal
from console.core.vocab import Role
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.ui.live_sync import BUSINESS_GAP_S, POSITIONS_GAP_S

POLL_S = 1.0
"""The console's timer poll where nothing announces commits (SQLite)."""


def follow(url: str, seconds: float, out: Path) -> None:
    """Follow ``url``'s change feed for ``seconds``, writing every crew position seen to ``out``."""
    engine = make_engine(url)
    backend = DatabaseBackend(engine, principal=Principal.user("follower", Role.DISPATCHER))
    news = {kind: threading.Event() for kind in ChangeKind}
    woken = threading.Event()

    def announced(kind: ChangeKind) -> None:
        news[kind].set()
        woken.set()

    notified = engine.dialect.name == "postgresql"
    unsubscribe = backend.subscribe_changes(announced) if notified else None
    cpu0, wall0 = time.process_time(), time.time()
    heads: ChangeHeads | None = backend.changes_since(None).heads
    print("ready", flush=True)
    last = {ChangeKind.BUSINESS: 0.0, ChangeKind.POSITIONS: 0.0}
    fetches = 0
    with out.open("w") as sink:
        stop = time.monotonic() + seconds
        while (now := time.monotonic()) < stop:
            if notified:
                due = [
                    kind
                    for kind, gap in (
                        (ChangeKind.BUSINESS, BUSINESS_GAP_S),
                        (ChangeKind.POSITIONS, POSITIONS_GAP_S),
                    )
                    if news[kind].is_set() and now - last[kind] >= gap
                ]
                if not due:
                    woken.wait(0.02)
                    woken.clear()
                    continue
            else:
                due = list(ChangeKind)
            for kind in due:
                news[kind].clear()
                last[kind] = now
            changes = backend.changes_since(heads, positions=ChangeKind.POSITIONS in due)
            fetches += 1
            seen = time.time()
            heads = changes.heads
            for position in changes.positions:
                if position.gps_at is not None:
                    at_ms = round(position.gps_at.timestamp() * 1000)
                    sink.write(f"{position.id} {at_ms} {seen:.4f}\n")
            if not notified:
                time.sleep(max(0.0, POLL_S - (time.monotonic() - now)))
        sink.write(
            f"# cpu {time.process_time() - cpu0:.3f} wall {time.time() - wall0:.3f} "
            f"fetches {fetches}\n"
        )
    if unsubscribe is not None:
        unsubscribe()
    backend.close()


def main(argv: list[str] | None = None) -> int:
    """Follow and write what was seen."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    follow(args.db, args.seconds, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
