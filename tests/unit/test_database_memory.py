"""The list of databases that held data: private, atomic, and never fooled by an empty file."""

from __future__ import annotations

import json
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

from console.core.database_memory import DatabaseMemory, file_holds_data


def _database(path: Path, *, depots: int) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE depots (id INTEGER PRIMARY KEY)")
        connection.executemany("INSERT INTO depots (id) VALUES (?)", [(i,) for i in range(depots)])
        connection.commit()
    return path


def test_a_remembered_database_that_is_deleted_is_lost(tmp_path: Path) -> None:
    memory = DatabaseMemory(tmp_path / "config" / "databases.json")
    path = _database(tmp_path / "console.db", depots=3)
    assert not memory.lost(path)  # never remembered: a first start may create it
    memory.remember(path)
    assert memory.remembers(path) and not memory.lost(path)
    path.unlink()
    assert memory.lost(path)


def test_an_empty_file_in_the_place_of_a_remembered_one_is_lost_too(tmp_path: Path) -> None:
    memory = DatabaseMemory(tmp_path / "databases.json")
    path = _database(tmp_path / "console.db", depots=1)
    memory.remember(path)
    path.unlink()
    path.touch()
    assert memory.lost(path)
    path.unlink()
    _database(path, depots=0)
    assert memory.lost(path)


def test_the_list_is_readable_only_by_its_owner(tmp_path: Path) -> None:
    file = tmp_path / "config" / "roadside" / "databases.json"
    DatabaseMemory(file).remember(tmp_path / "console.db")
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700
    data = json.loads(file.read_text(encoding="utf-8"))
    assert list(data["databases"]) == [str(tmp_path / "console.db")]
    assert not list(file.parent.glob(".*partial"))


def test_a_damaged_list_is_ignored_and_rewritten(tmp_path: Path) -> None:
    file = tmp_path / "databases.json"
    file.write_text("{not json", encoding="utf-8")
    memory = DatabaseMemory(file)
    assert memory.paths() == {}
    memory.remember(tmp_path / "a.db")
    assert memory.remembers(tmp_path / "a.db")


def test_a_file_that_cannot_be_read_counts_as_holding_data(tmp_path: Path) -> None:
    garbage = tmp_path / "console.db"
    garbage.write_bytes(b"not a database at all, but something someone may need" * 100)
    assert file_holds_data(garbage)
    assert not file_holds_data(tmp_path / "absent.db")


def test_forgetting_a_path(tmp_path: Path) -> None:
    memory = DatabaseMemory(tmp_path / "databases.json")
    memory.remember(tmp_path / "a.db")
    memory.forget(tmp_path / "a.db")
    assert not memory.remembers(tmp_path / "a.db")
