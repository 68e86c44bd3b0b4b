"""Where ``verify --resume`` left off: the last verified event, its hash and the replay so far.

A full ``verify`` recomputes every event from the first (17 s at a million
events). ``verify --resume`` keeps this state in a private file in the user
data folder and next time recomputes only the events after it: the chain must
continue from the noted hash, the row changes of the new events are folded
into the noted replay, and the rows those events wrote (and every ledgered
table's row count) are compared with the result. Events up to the noted one,
and the rows no new event touched, are trusted as verified then; plain
``verify`` still checks everything.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.core.files import write_text
from console.core.replay import Replay
from console.db.records.verify import new_replay
from console.db.telemetry.trail_check import BatchLog

__all__ = ["RESUME_FORMAT", "ResumeState", "load_state", "resume_file", "save_state"]

RESUME_FORMAT = "roadside-verify-resume/1"


@dataclass
class ResumeState:
    """The ledger verified up to event ``count`` (hash ``head_hash``) of ``database``."""

    database: str
    count: int
    head_hash: str
    replay: Replay
    trail: BatchLog

    def to_json(self) -> str:
        """The state file's text (compact JSON)."""
        document = {
            "format": RESUME_FORMAT,
            "database": self.database,
            "count": self.count,
            "head_hash": self.head_hash,
            "replay": {
                "started": self.replay.started,
                "gaps": self.replay.gaps,
                "tables": {
                    table: [[key, row] for key, row in rows.items()]
                    for table, rows in sorted(self.replay.state.items())
                },
            },
            "trail": {
                "batches": [[seq, payload] for seq, payload in self.trail.batches.items()],
                "pruned_through": self.trail.pruned_through,
                "unreadable": self.trail.unreadable,
            },
        }
        return json.dumps(document, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ResumeState:
        """Read a state file's text; ``ValueError`` when it is not one this console wrote."""
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != RESUME_FORMAT:
            raise ValueError("not a verify resume file")
        replay = new_replay()
        stored = document["replay"]
        for table, rows in stored["tables"].items():
            if table not in replay.state:
                raise ValueError(f"unknown table {table}")
            replay.state[table] = {_key(key): dict(row) for key, row in rows}
        replay.started = bool(stored["started"])
        replay.gaps = [int(seq) for seq in stored["gaps"]]
        trail = BatchLog(
            batches={int(seq): payload for seq, payload in document["trail"]["batches"]},
            pruned_through=int(document["trail"]["pruned_through"]),
            unreadable=[int(seq) for seq in document["trail"]["unreadable"]],
        )
        count, head_hash = document["count"], document["head_hash"]
        if not isinstance(count, int) or not isinstance(head_hash, str):
            raise ValueError("count or head_hash missing")
        return cls(str(document["database"]), count, head_hash, replay, trail)


def _key(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        raise ValueError("unusable row key")
    return value


def resume_file(folder: Path, database: str) -> Path:
    """The state file of ``database`` (its URL, password hidden) in ``folder``."""
    name = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
    return folder / f"verify-resume-{name}.json"


def load_state(path: Path, database: str) -> ResumeState | None:
    """The state kept in ``path`` for ``database``, or None (none, unreadable or another database)."""
    try:
        state = ResumeState.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    return state if state.database == database else None


def save_state(path: Path, state: ResumeState) -> None:
    """Keep ``state`` in ``path`` (private, written whole or not at all)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, state.to_json())
