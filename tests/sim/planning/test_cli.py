"""``plan`` and ``simulate --what-if`` on the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from console.cli import main


def _run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        return int(str(exc.code))


def test_plan_prints_the_moves_and_writes_the_what_if_and_the_csv(
    tiny_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, table = tmp_path / "plan.json", tmp_path / "moves.csv"
    argv = ["plan", "--scenario", str(tiny_file), "--move-only", "--out", str(out),
            "--csv", str(table)]  # fmt: skip
    assert _run(argv) == 0
    printed = capsys.readouterr().out
    assert "move 1 " in printed and " from depot D33" in printed
    assert "covered by plan %" in printed and "all calls" in printed
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["scenario"] == "tiny-zhejiang" and document["moves"]
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["depot code", "depot name", "city", "action"]
    actions = {row[3] for row in rows[1:]}
    assert {"send", "receive"} <= actions
    assert len([r for r in rows if r[3] == "send"]) == len(document["moves"])


def test_the_replayed_plan_runs_beside_today_s_fleet(
    tiny_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.json"
    assert _run(["plan", "--scenario", str(tiny_file), "--out", str(out)]) == 0
    capsys.readouterr()
    argv = ["simulate", "--scenario", str(tiny_file), "--what-if", str(out), "--replications",
            "2", "--compare", "nearest,nearest@plan,cover@plan", "--json"]  # fmt: skip
    assert _run(argv) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document["policies"]) == {"nearest", "nearest@plan", "cover@plan"}
    assert "nearest@plan-nearest" in document["differences"]


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "--scenario", "nowhere", "--out", "{tmp}/p.json"],
        ["plan", "--scenario", "{tiny}", "--out", "{tmp}/missing/p.json"],
        ["plan", "--scenario", "{tiny}", "--out", "{tmp}/p.json", "--budget", "-1"],
        ["plan", "--scenario", "{tiny}", "--out", "{tmp}/p.json", "--budget", "2", "--move-only"],
        ["plan", "--scenario", "{tiny}"],
        ["simulate", "--scenario", "{tiny}", "--compare", "nearest,nearest@plan"],
        ["simulate", "--scenario", "{tiny}", "--compare", "nearest,random@plan"],
        ["simulate", "--scenario", "{tiny}", "--what-if", "{tmp}/absent.json"],
        ["simulate", "--scenario", "{tiny}", "--what-if", "{tmp}/bad.json"],
        ["simulate", "--scenario", "shanghai-day", "--what-if", "{tmp}/other.json"],
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    argv: list[str], tiny_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.json").write_text('{"format": "roadside-console/coverage-plan"', "utf-8")
    (tmp_path / "other.json").write_text(
        json.dumps({"format": "roadside-console/coverage-plan", "version": 1,
                    "scenario": "tiny-zhejiang", "seed": 1, "fleet_seed": 2026, "budget": 0}),
        "utf-8",
    )  # fmt: skip
    words = [w.format(tmp=tmp_path, tiny=tiny_file) for w in argv]
    assert _run(words) == 2
    err = capsys.readouterr().err.strip()
    assert err and len(err.splitlines()) == 1
    assert "Traceback" not in err
