"""A database file that disappears or is replaced under a running console is noticed.

SQLite keeps committing into a deleted file through its open descriptors, so
every write after a deletion used to "succeed" and vanish at exit. The guard
refuses the write and the change poll instead; PostgreSQL has no file and is
not guarded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

from console.cli import main
from console.core.errors import StorageError, ValidationError
from console.core.intake import RequestDraft
from console.core.vocab import RoadType, ServiceType
from console.db import schema
from console.db.backend import DatabaseBackend
from console.db.engine import make_engine
from console.db.presence import FileGuard, NoGuard, guard_for
from tests.support.databases import postgres_schema_url, postgres_unavailable_reason
from tests.support.principals import desk


def _draft() -> RequestDraft:
    return RequestDraft(
        caller_phone="13912345678",
        lat=30.27,
        lon=120.15,
        city="杭州",
        road_type=RoadType.URBAN,
        service_type=ServiceType.JUMP_START,
    )


def _sqlite(tmp_path: Path) -> tuple[Path, Engine, DatabaseBackend]:
    path = tmp_path / "console.db"
    engine = make_engine(f"sqlite:///{path}")
    schema.ensure_schema(engine, auto_upgrade=True)
    return path, engine, DatabaseBackend(engine, principal=desk("dispatcher:a"))


def _delete_with_journal(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def test_a_write_after_the_file_was_deleted_is_refused(tmp_path: Path) -> None:
    path, engine, backend = _sqlite(tmp_path)
    try:
        backend.create_request(_draft())
        _delete_with_journal(path)
        with pytest.raises(StorageError) as refused:
            backend.create_request(_draft())
        assert refused.value.code == "db.file_missing"
        assert str(path) in refused.value.english()
    finally:
        engine.dispose()


def test_the_change_poll_reports_a_deleted_file(tmp_path: Path) -> None:
    path, engine, backend = _sqlite(tmp_path)
    try:
        assert backend.revision() >= 0
        _delete_with_journal(path)
        with pytest.raises(StorageError) as refused:
            backend.revision()
        assert refused.value.code == "db.file_missing"
    finally:
        engine.dispose()


def test_a_file_put_in_the_deleted_ones_place_is_refused_as_replaced(tmp_path: Path) -> None:
    path, engine, backend = _sqlite(tmp_path)
    try:
        backend.create_request(_draft())
        engine.dispose()  # checkpoint, so the copy below is a complete database
        shutil.copyfile(path, tmp_path / "copy.db")
        backend.revision()  # the console holds the file open again, as it does while running
        _delete_with_journal(path)
        shutil.copyfile(tmp_path / "copy.db", path)
        with pytest.raises(StorageError) as polled:
            backend.revision()
        assert polled.value.code == "db.file_replaced"
        with pytest.raises(StorageError) as written:
            backend.create_request(_draft())
        assert written.value.code == "db.file_replaced"
    finally:
        engine.dispose()


def test_no_empty_file_is_created_where_the_database_was(tmp_path: Path) -> None:
    path, engine, backend = _sqlite(tmp_path)
    try:
        backend.revision()
        engine.dispose()  # the next read needs a new connection, which would create the file
        _delete_with_journal(path)
        with pytest.raises(StorageError) as refused:
            backend.open_requests()
        assert refused.value.code == "db.file_missing"
        assert not path.exists()
    finally:
        engine.dispose()


def test_a_folder_that_went_away_is_unreachable_and_may_come_back(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    _path, engine, backend = _sqlite(share)
    try:
        backend.revision()
        guard = guard_for(engine)
        share.rename(tmp_path / "away")
        guard.check()  # not "missing": the connection says the share is unreachable
        (tmp_path / "away").rename(share)
        guard.check()
        backend.create_request(_draft())
    finally:
        engine.dispose()


def test_a_restore_that_swaps_the_file_on_purpose_can_be_accepted(tmp_path: Path) -> None:
    path, engine, backend = _sqlite(tmp_path)
    try:
        engine.dispose()
        shutil.copyfile(path, tmp_path / "copy.db")
        (tmp_path / "copy.db").replace(path)
        guard = guard_for(engine)
        assert isinstance(guard, FileGuard)
        with pytest.raises(StorageError):
            guard.check()
        guard.accept_replacement()
        backend.create_request(_draft())
    finally:
        engine.dispose()


def test_the_guard_costs_one_stat_per_check(tmp_path: Path) -> None:
    path, engine, _backend = _sqlite(tmp_path)
    try:
        guard = guard_for(engine)
        assert isinstance(guard, FileGuard)
        assert guard.identity == (path.stat().st_dev, path.stat().st_ino)
    finally:
        engine.dispose()


def test_a_rescue_copy_holds_every_commit_of_the_deleted_file_and_restores(tmp_path: Path) -> None:
    path, engine, backend = _sqlite(tmp_path)
    try:
        created = [backend.create_request(_draft()).id for _ in range(3)]
        _delete_with_journal(path)
        assert backend.can_rescue()
        copy = backend.rescue_copy(str(tmp_path / "rescued.db"))
        assert copy.requests == 3 and copy.events >= 3
        with pytest.raises(ValidationError) as exists:
            backend.rescue_copy(str(tmp_path / "rescued.db"))
        assert exists.value.code == "file.exists"
    finally:
        engine.dispose()
    assert main(["--db", f"sqlite:///{path}", "restore", str(tmp_path / "rescued.db")]) == 0
    restored = make_engine(f"sqlite:///{path}")
    try:
        reader = DatabaseBackend(restored, principal=desk("dispatcher:b"))
        assert all(reader.request(request_id) is not None for request_id in created)
    finally:
        restored.dispose()


def test_no_rescue_once_no_connection_reaches_the_lost_file(tmp_path: Path) -> None:
    path, engine, backend = _sqlite(tmp_path)
    try:
        backend.revision()
        engine.dispose()
        _delete_with_journal(path)
        with pytest.raises(StorageError) as refused:
            backend.rescue_copy(str(tmp_path / "rescued.db"))
        assert refused.value.code == "db.rescue_failed"
        assert not (tmp_path / "rescued.db").exists()
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgresql_has_no_file_to_guard() -> None:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_schema_url() as url:
        engine = make_engine(url)
        try:
            schema.ensure_schema(engine, auto_upgrade=True)
            assert isinstance(guard_for(engine), NoGuard)
            backend = DatabaseBackend(engine, principal=desk("dispatcher:a"))
            before = backend.revision()
            backend.create_request(_draft())
            assert backend.revision() > before
            assert not backend.can_rescue()
        finally:
            engine.dispose()
