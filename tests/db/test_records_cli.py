"""Records and recovery from the command line: verify, checkpoint, backup, restore, import."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, update

from console.cli import main
from console.core.vocab import RequestStatus
from console.db import schema
from console.db.audit import verify_ledger
from console.db.backup import inspect_backup
from console.db.engine import make_engine
from console.db.models import ChainHead, Event
from console.db.services import Services
from tests.db.conftest import FakeClock, install_fleet
from tests.db.helpers import drive_to
from tests.db.test_cli import assert_one_line_error, run
from tests.db.test_importer import CREW_HEADER, CREWS, DEPOT_HEADER, DEPOTS, csv_file
from tests.support import fault_worker
from tests.support.fuzz import FUZZ, argv_texts, dump, mostly, note
from tests.support.invariants import all_problems
from tests.support.principals import desk

OK_LINE = re.compile(
    r"ok: (\d+) events, head ([0-9a-f]{64})(?:; every ledgered row matches the ledger)?"
)


@dataclass
class Db:
    """An SQLite database with a fleet and a few requests."""

    url: str
    path: Path
    engine: Engine
    services: Services


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Db]:
    path = tmp_path / "live" / "console.db"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    schema.ensure_schema(engine, auto_upgrade=True)
    install_fleet(engine)
    services = Services(engine, principal=desk("dispatcher:cli"), clock=FakeClock())
    for status in (RequestStatus.QUEUED, RequestStatus.ASSIGNED, RequestStatus.COMPLETED):
        drive_to(services, engine, status)
    yield Db(url, path, engine, services)
    engine.dispose()


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``main(argv)`` in-process: (exit status, stdout, stderr)."""
    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_help_lists_the_records_commands(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "--help")
    assert status == 0
    for word in ("verify", "checkpoint", "backup", "restore", "import"):
        assert word in out


def test_verify_prints_the_count_and_head_hash(db: Db, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "--db", db.url, "verify")
    assert status == 0
    match = OK_LINE.fullmatch(out.strip())
    assert match is not None, out
    report = verify_ledger(db.engine)
    assert match.groups() == (str(report.count), report.head_hash)


@pytest.mark.ledger_tampered
def test_verify_names_the_first_broken_event(db: Db) -> None:
    with db.engine.begin() as connection:
        connection.execute(update(Event).where(Event.seq == 3).values(actor="intruder"))
    result = run("--db", db.url, "verify")
    assert result.returncode == 1
    assert_one_line_error(result, "ledger broken at event 3: event 3 was altered")


def test_verify_of_a_missing_database_does_not_create_it(tmp_path: Path) -> None:
    missing = tmp_path / "none" / "console.db"
    assert_one_line_error(run("--db", f"sqlite:///{missing}", "verify"), "there is no such file")
    assert not missing.exists()


def test_a_checkpoint_proves_the_history_up_to_it(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "checkpoint.json"
    status, out, _ = cli(capsys, "--db", db.url, "checkpoint", "--out", str(note))
    assert status == 0 and out.startswith(f"checkpoint written to {note}")
    document = json.loads(note.read_text(encoding="utf-8"))
    report = verify_ledger(db.engine)
    assert document["count"] == report.count and document["head_hash"] == report.head_hash
    assert document["database"] == db.url and document["at"].endswith("Z")

    drive_to(db.services, db.engine, RequestStatus.EN_ROUTE)
    status, out, _ = cli(capsys, "--db", db.url, "verify", "--checkpoint", str(note))
    assert status == 0
    assert f"matches the checkpoint of {document['at']} at event {report.count}" in out

    _rewrite_history_from(db.engine, 2)
    status, out, _ = cli(capsys, "--db", db.url, "verify")
    assert status == 0, "the rewrite is consistent, so the chain alone cannot tell"
    status, _, err = cli(capsys, "--db", db.url, "verify", "--checkpoint", str(note))
    assert status == 1
    assert err.startswith(f"ledger broken at event {report.count}: ")
    assert "checkpoint" in err


def _rewrite_history_from(engine: Engine, first: int) -> None:
    """Change every actor from ``first`` on and recompute all hashes and the head."""
    from console.core.ledger import EventContent, chain_hash

    with engine.begin() as connection:
        rows = [dict(r._mapping) for r in connection.execute(Event.__table__.select()
                                                              .order_by(Event.seq))]  # fmt: skip
        prev = rows[first - 2]["hash"]
        for row in rows[first - 1 :]:
            content = EventContent(row["seq"], row["at"], "intruder", row["kind"],
                                   row["request_id"], row["crew_id"], json.loads(row["payload"]),
                                   row["revision"], row["changes"])  # fmt: skip
            digest = chain_hash(prev, content)
            connection.execute(
                update(Event)
                .where(Event.seq == row["seq"])
                .values(actor="intruder", prev_hash=prev, hash=digest)
            )
            prev = digest
        connection.execute(update(ChainHead).values(head_hash=prev))


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"not json", "not JSON"),
        (b'{"count": 3}', "not a ledger checkpoint"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"format": "roadside-ledger-checkpoint/1", "count": 999, "head_hash": "'
         + b"a" * 64 + b'", "at": "2026-11-23T08:00:00Z"}', "ledger broken at event"),
    ],
    ids=["not json", "other json", "binary", "from another ledger"],
)  # fmt: skip
def test_a_bad_or_foreign_checkpoint_is_one_clear_line(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, fragment: str
) -> None:
    note = tmp_path / "checkpoint.json"
    note.write_bytes(content)
    status, out, err = cli(capsys, "--db", db.url, "verify", "--checkpoint", str(note))
    assert status != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err


@pytest.mark.ledger_tampered
def test_checkpoint_refuses_to_overwrite_or_to_vouch_for_a_broken_ledger(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = tmp_path / "taken.json"
    taken.write_text("keep me", encoding="utf-8")
    status, _, err = cli(capsys, "--db", db.url, "checkpoint", "--out", str(taken))
    assert (
        status != 0 and "already exists" in err and taken.read_text(encoding="utf-8") == "keep me"
    )
    with db.engine.begin() as connection:
        connection.execute(update(Event).where(Event.seq == 2).values(kind="forged"))
    fresh = tmp_path / "fresh.json"
    status, _, err = cli(capsys, "--db", db.url, "checkpoint", "--out", str(fresh))
    assert status == 1 and "The ledger is broken at event 2" in err and not fresh.exists()


def test_backup_and_restore_round_trip(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "backup.db"
    status, out, _ = cli(capsys, "--db", db.url, "backup", "--out", str(copy))
    assert status == 0
    assert out.startswith(f"backup written to {copy}: ")
    assert OK_LINE.fullmatch(out.strip().splitlines()[-1])
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not list(tmp_path.glob(".*partial")), "no temporary file is left behind"
    assert inspect_backup(copy).requests == 3

    target = tmp_path / "restored" / "console.db"
    status, out, _ = cli(capsys, "--db", f"sqlite:///{target}", "restore", str(copy))
    assert status == 0 and "restored" in out and OK_LINE.fullmatch(out.strip().splitlines()[-1])
    restored = make_engine(f"sqlite:///{target}")
    try:
        assert dump(restored) == dump(db.engine)
    finally:
        restored.dispose()


def test_restore_will_not_overwrite_data_without_force(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "backup.db"
    assert cli(capsys, "--db", db.url, "backup", "--out", str(copy))[0] == 0
    drive_to(db.services, db.engine, RequestStatus.QUEUED)
    newer = dump(db.engine)
    status, _, err = cli(capsys, "--db", db.url, "restore", str(copy))
    assert status == 1 and "--force" in err and dump(db.engine) == newer
    db.engine.dispose()  # a console that has the database open is never swapped under
    status, out, _ = cli(capsys, "--db", db.url, "restore", str(copy), "--force")
    assert status == 0 and "ok: " in out
    assert verify_ledger(db.engine).ok
    assert dump(db.engine) != newer and inspect_backup(copy).requests == 3


def test_backup_refuses_to_overwrite_and_needs_an_existing_folder(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"precious")
    status, _, err = cli(capsys, "--db", db.url, "backup", "--out", str(taken))
    assert status != 0 and "already exists" in err and taken.read_bytes() == b"precious"
    status, _, err = cli(capsys, "--db", db.url, "backup", "--out", str(tmp_path / "no" / "b.db"))
    assert status != 0 and "no such folder" in err
    status, _, err = cli(capsys, "--db", db.url, "backup", "--out", str(db.path))
    assert status != 0 and len(err.strip().splitlines()) == 1


def _not_ours(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE diary (entry TEXT)")


def _truncated(path: Path, source: Path) -> None:
    path.write_bytes(source.read_bytes()[:3000])


def _newer(path: Path, source: Path) -> None:
    path.write_bytes(source.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        ("text", "is not an SQLite database"),
        ("missing", "Cannot read"),
        ("not ours", "lacks the table(s)"),
        ("truncated", "is damaged"),
        ("newer", "newer than this console"),
    ],
)
def test_restore_checks_the_file_first(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str], make: str, fragment: str
) -> None:
    good = tmp_path / "good.db"
    assert cli(capsys, "--db", db.url, "backup", "--out", str(good))[0] == 0
    bad = tmp_path / "bad.db"
    if make == "text":
        bad.write_text("id,name\n1,x\n", encoding="utf-8")
    elif make == "not ours":
        _not_ours(bad)
    elif make == "truncated":
        _truncated(bad, good)
    elif make == "newer":
        _newer(bad, good)
    target = tmp_path / "target.db"
    status, out, err = cli(capsys, "--db", f"sqlite:///{target}", "restore", str(bad))
    assert status != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err, err
    assert not target.exists() or target.stat().st_size == 0


@pytest.mark.parametrize("argv", [["backup", "--out", "x.dump"], ["restore", "x.dump"]])
def test_postgresql_is_pointed_to_pg_dump_and_pg_restore(argv: list[str], tmp_path: Path) -> None:
    result = run("--db", "postgresql+psycopg://someone@127.0.0.1:1/roadside", *argv)
    assert result.returncode == 1
    assert_one_line_error(result, "pg_dump -Fc -f FILE DBNAME")
    assert "pg_restore" in result.stderr


@pytest.mark.slow
def test_an_online_backup_is_consistent_while_writers_run(db: Db, tmp_path: Path) -> None:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.support.fault_worker"])
    writers = [
        context.Process(
            target=fault_worker.write_until_killed,
            args=(db.url, str(tmp_path / f"writer-{n}.log"), 100 + n),
        )
        for n in range(3)
    ]
    for writer in writers:
        writer.start()
    try:
        for n in range(len(writers)):
            fault_worker.wait_until_ready(tmp_path / f"writer-{n}.log")
        for n in range(5):
            copy = tmp_path / f"backup-{n}.db"
            assert main(["--db", db.url, "backup", "--out", str(copy)]) == 0
            engine = create_engine(f"sqlite:///{copy}")
            try:
                assert all_problems(engine) == []
            finally:
                engine.dispose()
    finally:
        for writer in writers:
            assert writer.pid is not None
            os.kill(writer.pid, signal.SIGKILL)
            writer.join(30)
    reports = [fault_worker.read_report(tmp_path / f"writer-{n}.log") for n in range(3)]
    assert sum(len(r.commits) for r in reports) > 0, "the writers were writing meanwhile"


def test_import_reports_every_bad_row_then_one_error_line(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = csv_file(tmp_path, CREW_HEADER, [CREWS[0], CREWS[1].replace("DAY", "").replace(
        "OFF_DUTY", "BUSY"), CREWS[0]])  # fmt: skip
    before = dump(db.engine)
    status, out, err = cli(capsys, "--db", db.url, "import", "crews", str(bad))
    assert status == 2
    assert out.splitlines() == [
        "line 3: status has an unknown value: BUSY.",
        "line 4: call_sign HZ-11 appears more than once in the file (first on line 2).",
    ]
    assert err.strip() == f"error: {bad}: 2 row(s) are not valid; nothing was imported."
    assert dump(db.engine) == before


def test_import_dry_run_then_import(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    depots = csv_file(tmp_path, DEPOT_HEADER, DEPOTS)
    before = dump(db.engine)
    status, out, _ = cli(capsys, "--db", db.url, "import", "depots", str(depots), "--dry-run")
    assert (status, out.strip()) == (0, f"would import 2 depots from {depots}")
    assert dump(db.engine) == before
    status, out, _ = cli(capsys, "--db", db.url, "import", "depots", str(depots))
    assert (status, out.strip()) == (0, f"imported 2 depots from {depots}")
    status, out, err = cli(capsys, "--db", db.url, "import", "depots", str(depots))
    assert status == 2 and "already exists" in out and len(err.strip().splitlines()) == 1


def test_import_mistakes_in_a_real_process_are_one_line(db: Db, tmp_path: Path) -> None:
    assert_one_line_error(run("--db", db.url, "import", "trucks", "x.csv"), "invalid choice")
    assert_one_line_error(run("--db", db.url, "import", "crews"), "required")
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes((CREW_HEADER + "\n" + CREWS[0].replace("HZ", "杭州")).encode("gbk"))
    assert_one_line_error(run("--db", db.url, "import", "crews", str(gbk)), "not UTF-8 text")


@settings(FUZZ, max_examples=120)
@given(data=st.data())
def test_random_command_lines_never_crash_and_mistakes_change_nothing(
    db: Db,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: st.DataObject,
) -> None:
    # Random names are made relative to a scratch folder: a fuzzer must not write anywhere else.
    scratch = tmp_path / "scratch"
    scratch.mkdir(exist_ok=True)
    monkeypatch.chdir(scratch)
    names = argv_texts.map(lambda text: text.replace("/", "_"))
    file = st.one_of(st.sampled_from(_fuzz_files(db, tmp_path)), names)
    token = st.one_of(
        st.sampled_from(["--db", "--out", "--checkpoint", "--force", "--dry-run", "--config",
                         "--lang", "-v", "depots", "crews", "upgrade", "current", "RA-1", "--"]),
        file,
    )  # fmt: skip
    shapes = {
        "verify": st.just([]) | st.tuples(st.just("--checkpoint"), file).map(list),
        "checkpoint": st.tuples(st.just("--out"), file).map(list),
        "backup": st.tuples(st.just("--out"), file).map(list),
        "restore": st.tuples(file, st.sampled_from([[], ["--force"]])).map(lambda t: [t[0], *t[1]]),
        "import": st.tuples(st.sampled_from(["depots", "crews"]), file,
                            st.sampled_from([[], ["--dry-run"]])).map(lambda t: [t[0], t[1], *t[2]]),
        "db": st.sampled_from([["upgrade"], ["current"]]),
        "suggest": st.tuples(names).map(list),
        "optimise": st.just([]),
    }  # fmt: skip
    databases = st.sampled_from([db.url, f"sqlite:///{tmp_path / 'other.db'}", "mysql://x/y",
                                 "postgresql+psycopg://nobody@127.0.0.1:1/none", "sqlite://"])  # fmt: skip
    argv: list[str] = []
    if data.draw(mostly(st.just(True), st.just(False)), "--db first"):
        argv += ["--db", data.draw(mostly(databases, names), "database")]
    command = data.draw(st.sampled_from(list(shapes)), "command")
    argv += [command, *data.draw(mostly(shapes[command], st.lists(token, max_size=5)), "args")]
    before = dump(db.engine)
    status, _, err = cli(capsys, *argv)
    note(f"{command}: exit {status}")
    assert "Traceback" not in err and "unexpected" not in err, err
    if status != 0:
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, err
        assert dump(db.engine) == before


def _fuzz_files(db: Db, tmp_path: Path) -> list[str]:
    """Paths worth passing to the commands: real backups and CSV files, junk, folders, nothing."""
    folder = tmp_path / "fuzz-files"
    if not folder.exists():
        folder.mkdir()
        backup = folder / "backup.db"
        assert main(["--db", db.url, "backup", "--out", str(backup)]) == 0
        csv_file(folder, DEPOT_HEADER, DEPOTS, name="depots.csv")
        csv_file(folder, CREW_HEADER, [CREWS[0].replace("DAY", "DUSK")], name="crews.csv")
        (folder / "junk.bin").write_bytes(bytes(range(256)))
        (folder / "checkpoint.json").write_text('{"count": 1}', encoding="utf-8")
    return [*(str(path) for path in sorted(folder.iterdir())), str(folder), str(db.path),
            "/dev/null", str(folder / "missing.csv"), "", "-"]  # fmt: skip


@pytest.mark.parametrize(
    "argv",
    [
        ["verify", "--checkpoint", "{dir}/a\nb\rc.json"],
        ["import", "crews", "{dir}/a\nb.csv"],
        ["restore", "{dir}/a\u2028b.db"],
        ["checkpoint", "--out", "{dir}/no\nsuch/c.json"],
    ],
    ids=["checkpoint", "import", "restore", "checkpoint out"],
)
def test_file_names_with_line_breaks_stay_on_one_line(
    db: Db, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    args = [arg.format(dir=tmp_path) for arg in argv]
    status, _, err = cli(capsys, "--db", db.url, *args)
    assert status != 0
    assert len(err.strip().splitlines()) == 1, err
    assert "\\n" in err or "\\u2028" in err
