"""The live map's "Coverage holes" layer, asked from the page itself.

The console is built on a seeded SQLite file and the map panel installed as the
application does; the worst holes of the backend's coverage must be on the
page, with a tooltip naming the city, the capability and the nearest free
capable crew, in a layer of the layer control. Later measurements go in as
diffs: an unchanged hole is not sent again, a closed one is removed.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.core.map_tiles import TileSource
from console.core.reach import Hole
from console.ui.map.panel import HOLES_ON_MAP
from console.ui.map.view import hole_id
from console.ui.reach_labels import group_label
from tests.support.map_page import ask
from tests.ui.test_map import MapConsole, _open_console


@pytest.fixture
def console(qtbot: QtBot, tmp_path: Path) -> Iterator[MapConsole]:
    """The console with its map, no tiles (offline)."""
    yield from _open_console(qtbot, tmp_path, TileSource.named("none"))


def page_holes(qtbot: QtBot, console: MapConsole) -> list[dict[str, Any]]:
    answer = ask(qtbot, console.panel.view, "ConsoleMap.holes()")
    assert isinstance(answer, list)
    return answer


def as_html(text: str) -> str:
    """``text`` escaped as the page escapes it (tooltips are HTML)."""
    return html.escape(text).replace("&#x27;", "&#39;")


def test_the_worst_holes_are_on_the_page_with_their_tooltips(
    qtbot: QtBot, console: MapConsole
) -> None:
    coverage = console.backend.coverage_now()
    worst = coverage.worst(HOLES_ON_MAP)
    assert len(worst) == HOLES_ON_MAP, "the demo fleet leaves more holes than the map shows"
    qtbot.waitUntil(lambda: len(page_holes(qtbot, console)) == HOLES_ON_MAP, timeout=15_000)
    shown = page_holes(qtbot, console)
    assert [h["id"] for h in shown] == [hole_id(h) for h in worst]
    assert console.panel.hole_ids == [hole_id(h) for h in worst]
    for hole, item in zip(worst, shown, strict=True):
        tip = item["tooltip"]
        assert as_html(hole.place.name_en) in tip and as_html(group_label(hole.group)) in tip
        if hole.minutes is None:
            assert "none free" in tip
        else:
            assert f"{round(hole.minutes)} min ({hole.nearest})" in tip
        assert item["shown"]
    counts = ask(qtbot, console.panel.view, "ConsoleMap.counts()")
    assert counts["holes"] == counts["holeLayer"] == HOLES_ON_MAP
    control = ask(
        qtbot, console.panel.view,
        "document.querySelector('.leaflet-control-layers').textContent",
    )  # fmt: skip
    assert "Coverage holes" in control


def test_a_new_measurement_sends_only_what_changed(
    qtbot: QtBot, console: MapConsole, monkeypatch: pytest.MonkeyPatch
) -> None:
    coverage = console.backend.coverage_now()
    panel = console.panel
    qtbot.waitUntil(lambda: len(page_holes(qtbot, console)) == HOLES_ON_MAP, timeout=15_000)
    sent: list[list[tuple[int, Hole]]] = []
    removed: list[list[str]] = []
    upsert, remove = panel.view.upsert_holes, panel.view.remove_holes
    monkeypatch.setattr(panel.view, "upsert_holes", lambda h: (sent.append(list(h)), upsert(h)))
    monkeypatch.setattr(panel.view, "remove_holes", lambda i: (removed.append(list(i)), remove(i)))

    panel.show_holes(coverage)
    assert sent == [] and removed == [], "the same holes again: nothing goes to the page"

    # The worst hole closes, another one's nearest crew comes within a minute of the target.
    closed = coverage.holes[0]
    nearer = replace(coverage.holes[5], minutes=61.0, nearest="TEST-01")
    holes = list(coverage.holes)
    holes[5] = nearer
    panel.show_holes(replace(coverage, holes=tuple(holes[1:])))
    assert removed == [[hole_id(closed)]]
    entering = coverage.holes[HOLES_ON_MAP]
    assert {hole_id(nearer), hole_id(entering)} <= {hole_id(h) for _rank, h in sent[0]}
    qtbot.waitUntil(
        lambda: hole_id(closed) not in {h["id"] for h in page_holes(qtbot, console)},
        timeout=5_000,
    )
    shown = {h["id"]: h for h in page_holes(qtbot, console)}
    assert len(shown) == HOLES_ON_MAP
    assert "61 min (TEST-01)" in shown[hole_id(nearer)]["tooltip"]
    assert hole_id(entering) in shown
