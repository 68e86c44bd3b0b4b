"""Property tests: generated valid script sets load and run to an outcome; one
mutation each (a broken link, a loop, a missing text...) is always reported with
the file and node it is in."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.guidance import GuidanceRun, load_library

TEXT = {"zh": "文本", "en": "Text"}
SERVICES = ["TOW", "JUMP_START", "TYRE_CHANGE", "LOCKOUT"]


@st.composite
def script_sets(draw: st.DrawFn) -> dict[str, Any]:
    """A valid script set: file name -> document (responses.yaml included)."""
    protocols = draw(st.integers(1, 3))
    files: dict[str, Any] = {}
    codes: dict[str, Any] = {}
    for p in range(protocols):
        questions = draw(st.integers(1, 5))
        outcomes = draw(st.integers(1, 3))
        nodes: list[dict[str, Any]] = []
        for i in range(questions):
            later = [f"q{j}" for j in range(i + 1, questions)] + [f"o{k}" for k in range(outcomes)]
            first = f"q{i + 1}" if i + 1 < questions else "o0"
            extra = draw(st.lists(st.sampled_from(later), min_size=1, max_size=2))
            answers = [
                {"id": f"a{n}", "text": TEXT, "next": t} for n, t in enumerate([first, *extra])
            ]
            nodes.append({"id": f"q{i}", "type": "question", "text": TEXT, "answers": answers})
        for k in range(outcomes):
            code = f"P{p}-{k}"
            resolved = draw(st.booleans())
            codes[code] = {
                "outcome": "resolved" if resolved else "queue",
                "service": "REMOTE_GUIDANCE" if resolved else draw(st.sampled_from(SERVICES)),
                "priority": draw(st.sampled_from(["P1", "P2", "P3"])),
                "label": TEXT,
            }
            nodes.append({"id": f"o{k}", "type": "outcome", "code": code, "text": TEXT})
        # Every node must be reachable: the first answers chain q0 -> q1 -> ... -> o0;
        # the other outcomes get a link from q0.
        for k in range(1, outcomes):
            nodes[0]["answers"].append({"id": f"to{k}", "text": TEXT, "next": f"o{k}"})
        files[f"p{p}.yaml"] = {
            "protocol": f"p{p}",
            "version": draw(st.integers(1, 9)),
            "title": TEXT,
            "entry": "q0",
            "escalate": "ESC",
            "nodes": nodes,
        }
    codes["ESC"] = {"outcome": "queue", "service": "TOW", "priority": "P2", "label": TEXT}
    files["entry.yaml"] = {
        "protocol": "entry",
        "case_entry": True,
        "version": 1,
        "title": TEXT,
        "entry": "pick",
        "escalate": "ESC",
        "nodes": [
            {
                "id": "pick",
                "type": "question",
                "text": TEXT,
                "answers": [
                    {"id": f"c{p}", "text": TEXT, "next": f"@p{p}"} for p in range(protocols)
                ],
            }
        ],
    }
    files["responses.yaml"] = {"version": 1, "responses": codes}
    return files


def write(folder: Path, files: dict[str, Any]) -> None:
    for name, document in files.items():
        (folder / name).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=script_sets(), choices=st.lists(st.integers(0, 9), min_size=30, max_size=30))
def test_a_generated_valid_set_loads_and_every_walk_ends_in_an_outcome(
    files: dict[str, Any], choices: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), files)
        library, issues = load_library(Path(folder))
    assert issues == []
    assert library is not None
    run = GuidanceRun(library, {"powertrain": "ICE"})
    for choice in choices:
        if run.finished:
            break
        answers = run.node.answers
        run.answer(answers[choice % len(answers)].id)
    assert run.finished
    assert run.result is not None and run.result.code in library.responses


MUTATIONS = ["drop_zh", "unknown_target", "cycle", "dead_end", "unknown_code", "bad_yaml", "orphan"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=script_sets(), mutation=st.sampled_from(MUTATIONS), data=st.data())
def test_one_mutation_is_reported_with_its_file_and_node(
    files: dict[str, Any], mutation: str, data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(sorted(n for n in files if n.startswith("p"))))
    nodes = files[name]["nodes"]
    questions = [n for n in nodes if n["type"] == "question"]
    outcomes = [n for n in nodes if n["type"] == "outcome"]
    target = data.draw(st.sampled_from(questions))
    expected: tuple[str, str | None, str]
    if mutation == "drop_zh":
        target["text"] = {"en": "Only English"}
        expected = (name, target["id"], "missing translation")
    elif mutation == "unknown_target":
        target["answers"][-1]["next"] = "zz_missing"
        expected = (name, target["id"], "unknown reference")
    elif mutation == "cycle":
        earlier = data.draw(st.sampled_from(questions[: questions.index(target) + 1]))
        target["answers"][0]["next"] = earlier["id"]
        expected = (name, None, "cycle")
    elif mutation == "dead_end":
        target["answers"] = []
        expected = (name, target["id"], "dead end")
    elif mutation == "unknown_code":
        outcome = data.draw(st.sampled_from(outcomes))
        outcome["code"] = "ZZ-9"
        expected = (name, outcome["id"], "unknown code")
    elif mutation == "orphan":
        nodes.append({"id": "orphan", "type": "outcome", "code": "ESC", "text": TEXT})
        expected = (name, "orphan", "unreachable")
    else:
        expected = (name, None, "YAML syntax")
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), files)
        if mutation == "bad_yaml":
            with (Path(folder) / name).open("a", encoding="utf-8") as broken:
                broken.write("- {id: [unclosed\n")
        library, issues = load_library(Path(folder))
    assert library is None
    found = {(i.file, i.node, i.kind) for i in issues}
    if expected[1] is None:
        assert any(f == expected[0] and k == expected[2] for f, _n, k in found), issues
    else:
        assert expected in found, issues
