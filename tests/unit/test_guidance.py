"""Guidance scripts: the validator, the runner and the shipped protocols.

The shipped set must load cleanly, every path through it must end in an
outcome the response table knows, and every node must be met on some path.
Broken fixtures (tests/fixtures/guidance) and generated scripts with one
mutation each must be reported with the right file, node and kind.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.cli import main
from console.core.guidance import (
    ESCALATE,
    GuidanceLibrary,
    GuidanceRun,
    load_library,
    remote_fix_rates,
    replay,
)
from console.core.vocab import Powertrain, Priority, RoadType, ServiceType, VehicleKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "guidance"


@pytest.fixture(scope="module")
def shipped() -> GuidanceLibrary:
    library, issues = load_library()
    assert issues == []
    assert library is not None
    return library


def test_the_shipped_scripts_pass_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guidance", "check"]) == 0
    assert "10 protocols" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("dead_end", ("start.yaml", "retry", "dead end")),
        ("cycle", ("start.yaml", "retry", "cycle")),
        ("missing_zh", ("start.yaml", "retry", "missing translation")),
        ("unknown_code", ("start.yaml", "tow", "unknown code")),
        ("bad_yaml", ("start.yaml", "line 20, column 5", "YAML syntax")),
        ("unreachable", ("start.yaml", "orphan", "unreachable")),
        ("unknown_reference", ("start.yaml", "ev", "unknown reference")),
    ],
)
def test_a_broken_fixture_is_refused_naming_file_node_and_problem(
    case: str, expected: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    library, issues = load_library(FIXTURES / case)
    assert library is None
    assert expected in {(i.file, i.node, i.kind) for i in issues}

    assert main(["guidance", "check", str(FIXTURES / case)]) == 1
    out = capsys.readouterr().out
    assert f"{expected[0]}: {expected[1]}: {expected[2]}:" in out


def test_the_valid_fixture_loads(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guidance", "check", str(FIXTURES / "valid")]) == 0
    assert "OK" in capsys.readouterr().out


def test_a_missing_folder_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["guidance", "check", str(tmp_path / "nowhere")]) == 1
    assert "not a folder of guidance scripts" in capsys.readouterr().out


# ------------------------------------------------------------------ all paths

FACTS = [
    {"powertrain": p.value, "vehicle_class": "CAR", "awd": False, "road_type": r.value}
    for p, r in itertools.product(Powertrain, RoadType)
]


def walk(run: GuidanceRun, met: set[tuple[str, str]]) -> Iterator[tuple[tuple[str, ...], bool]]:
    """Every path from the run's current node (answers and escalations), depth first.

    Yields (path, ended): ``ended`` is False where the path leaves the protocol
    it started in, whose own paths are walked separately under every fact an
    answer could have set. Adds each node met to ``met``.
    """
    met.add((run.protocol.id, run.node.id))
    path = tuple(s.code() for s in run.steps)
    if run.finished:
        yield path, True
        return
    start = run.steps[0].protocol if run.steps else run.protocol.id
    if run.protocol.id != start:
        yield path, False
        return
    node = run.node
    moves: list[tuple[str, float | None]] = [(ESCALATE, None)]
    for answer in node.answers:
        moves.append((answer.id, answer.low if node.kind == "number" else None))
    for answer_id, number in moves:
        if answer_id == ESCALATE:
            run.escalate()
        elif number is not None:
            run.answer_number(number)
        else:
            run.answer(answer_id)
        yield from walk(run, met)
        assert run.back()


def test_every_path_of_every_shipped_protocol_ends_in_a_known_outcome(
    shipped: GuidanceLibrary,
) -> None:
    met: set[tuple[str, str]] = set()
    ended = handed_on = 0
    for protocol, facts in itertools.product(shipped.protocols, FACTS):
        for path, finished in walk(GuidanceRun(shipped, facts, protocol=protocol), met):
            if finished:
                result = replay(shipped, facts, path, protocol=protocol)
                assert result.code in shipped.responses
                assert result.steps[-1].code() == path[-1] if path else True
                ended += 1
            else:
                # Left for another protocol: only ever through a protocol's entry.
                last = path[-1]
                assert last.split(".", 1)[0] == protocol
                handed_on += 1
    every = {(p.id, n) for p in shipped.protocols.values() for n in p.nodes}
    assert every - met == set(), "nodes no path meets"
    assert ended > 1000
    assert handed_on > 0


def test_every_protocol_is_reached_from_the_case_entry(shipped: GuidanceLibrary) -> None:
    complaint = shipped.node(shipped.entry, "complaint")
    targets = {a.next.removeprefix("@") for a in complaint.answers}
    assert targets == set(shipped.protocols) - {shipped.entry}


def test_every_step_can_be_escalated_to_a_queued_response(shipped: GuidanceLibrary) -> None:
    for protocol in shipped.protocols.values():
        for node in protocol.nodes.values():
            code = node.escalate or protocol.escalate
            assert not shipped.responses[code].resolved, (protocol.id, node.id)


# ---------------------------------------------------------------- safety gate


def test_a_live_lane_makes_every_outcome_p1(shipped: GuidanceLibrary) -> None:
    facts = {**FACTS[0], "powertrain": Powertrain.UNKNOWN.value}
    path = [
        "case_entry.position=live_lane",
        "case_entry.get_safe=ok",
        "case_entry.triangle_road=ok",
        "case_entry.injuries=no",
        "case_entry.smoke=no",
        "case_entry.powertrain=ice",
        "case_entry.vulnerable=no",
        "case_entry.complaint=tyre",
        "tyre.place=yes",
        "tyre.damage=no",
        "tyre.run_flat=no",
        "tyre.spare=none",
    ]
    result = replay(shipped, facts, path)
    assert result.code == "R02-A-1"
    assert result.priority is Priority.P1


def test_the_triangle_goes_150_m_back_on_an_expressway_50_to_100_m_elsewhere(
    shipped: GuidanceLibrary,
) -> None:
    run = GuidanceRun(shipped, FACTS[0])
    run.answer("live_lane")
    run.answer("ok")
    assert run.node.id == "triangle_road"
    assert "50" in run.node.text.zh and "50 to 100 m" in run.node.text.en
    run.back()
    run.back()
    run.answer("expressway")
    run.answer("ok")
    assert run.node.id == "triangle"
    assert "150" in run.node.text.zh and "150 m" in run.node.text.en


def test_an_ev_high_voltage_warning_sends_a_p1_flatbed(shipped: GuidanceLibrary) -> None:
    ev = {**FACTS[0], "powertrain": "EV"}
    result = replay(
        shipped,
        ev,
        [
            "case_entry.position=safe",
            "case_entry.injuries=no",
            "case_entry.smoke=no",
            "case_entry.hv_warning=yes",
            "case_entry.leave_ev=ok",
        ],
    )
    assert (result.code, result.priority) == ("R00-C-2", Priority.P1)
    assert result.response.service is ServiceType.TOW
    assert result.response.equipment == frozenset({VehicleKind.FLATBED})


def test_a_child_locked_in_is_escalated_at_once(shipped: GuidanceLibrary) -> None:
    run = GuidanceRun(shipped, FACTS[0], protocol="lockout")
    run.answer("yes")
    run.answer("ok")
    assert run.result is not None
    assert (run.result.code, run.result.priority) == ("R04-C-1", Priority.P1)


def test_a_number_outside_every_band_is_refused(shipped: GuidanceLibrary) -> None:
    run = GuidanceRun(shipped, {**FACTS[0], "powertrain": "EV"}, protocol="energy")
    assert run.node.kind == "number"
    with pytest.raises(ValueError):
        run.answer_number(-5)
    run.answer_number(42)
    assert run.node.id == "charger_near"


def test_replay_refuses_a_step_out_of_order(shipped: GuidanceLibrary) -> None:
    with pytest.raises(ValueError, match="does not follow"):
        replay(shipped, FACTS[0], ["case_entry.smoke=no"])


# ----------------------------------------------------------------- statistics


def test_remote_fix_rate_per_protocol() -> None:
    rates = remote_fix_rates(
        [("battery", True), ("tyre", False), ("battery", False), ("battery", True)]
    )
    assert [(r.protocol, r.guided, r.resolved) for r in rates] == [
        ("battery", 3, 2),
        ("tyre", 1, 0),
    ]
    assert rates[0].rate == pytest.approx(2 / 3)
    assert rates[1].rate == 0.0
    assert remote_fix_rates([]) == []
