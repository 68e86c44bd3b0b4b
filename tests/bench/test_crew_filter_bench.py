"""Re-filtering the national crew board on Backspace (run with --benchmark-enable).

    pytest tests/bench/test_crew_filter_bench.py --benchmark-enable

Issue 15 saw 0.35-1.03 s on the interface thread when Backspace widened the crew
search from one city's depots back to about 1,800 crews. Target: under 100 ms
from the key to the filtered, sorted board (the filter applied at once, as on
Enter; typing itself is debounced).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from console.ui.crew_board import CrewBoardPanel
from console.ui.crew_model import CrewTableModel
from tests.ui.conftest import DEPOTS, FakeClock, FakeQueueSource, crew_row

CREWS = 2_100


def test_backspace_back_to_every_crew(qtbot: QtBot, benchmark: BenchmarkFixture) -> None:
    model = CrewTableModel(FakeClock())
    model.set_depots(DEPOTS)
    model.load(
        crew_row(i, call_sign=f"3301-{i:04d}") if i % 10 == 0 else
        crew_row(i, call_sign=f"3101-{i:04d}", depot_id=2, depot_code="D310100-01")
        for i in range(1, CREWS + 1)
    )  # fmt: skip
    board = CrewBoardPanel(model, FakeQueueSource())
    qtbot.addWidget(board)
    board.resize(900, 600)
    board.show()
    board.set_depots(list(DEPOTS))

    def narrow() -> tuple[tuple[()], dict[str, object]]:
        board.search.setText("3301-")
        QTest.keyClick(board.search, Qt.Key.Key_Return)
        assert board.proxy.rowCount() == CREWS // 10
        return (), {}

    def widen() -> None:
        # "3301-" less its last four characters is "3": every crew matches again.
        for _ in range(4):
            QTest.keyClick(board.search, Qt.Key.Key_Backspace)
        QTest.keyClick(board.search, Qt.Key.Key_Return)
        board.view.viewport().repaint()

    benchmark.pedantic(widen, setup=narrow, rounds=15, iterations=1)
    assert board.proxy.rowCount() == CREWS
