"""How long the live queue takes to apply a large change set (run with --benchmark-enable).

    pytest tests/bench --benchmark-enable

1,000 changed rows (scattered through the queue, so many separate dataChanged
ranges) applied to a 10,000-row model: once to the model alone (the issue's
target: median under 50 ms), once behind the sorting, filtering proxy and a
table view as in the main window, with every changed row also changing its
sort key (the worst case for the proxy): sorted by priority, and by urgency (the
queue's default order: waiting requests by deadline, jobs under way below).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import count
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytest_benchmark.fixture import BenchmarkFixture

from console.core.records import RequestChanges, RequestRow
from console.core.vocab import Priority, RequestStatus
from console.ui.queue_filter import QueueFilter, RequestFilterProxy
from console.ui.queue_model import Column, RequestQueueModel
from tests.ui.conftest import T0, FakeClock, request_row

ROWS = 10_000
CHANGED = 1_000


@pytest.mark.parametrize(
    "sort_column", [Column.PRIORITY, Column.SLA], ids=["by-priority", "by-urgency"]
)
def test_apply_1000_changes_to_10000_rows(
    qapp: QApplication, benchmark: BenchmarkFixture, sort_column: Column
) -> None:
    clock = FakeClock()
    rows = [
        request_row(
            i,
            priority=(Priority.P1, Priority.P2, Priority.P2, Priority.P3)[i % 4],
            created_at=T0 - timedelta(seconds=i),
        )
        for i in range(1, ROWS + 1)
    ]
    model = RequestQueueModel(clock)
    model.apply(RequestChanges(revision=1, requests=tuple(rows)))
    proxy = RequestFilterProxy()
    proxy.setSourceModel(model)
    # A filter that every row passes still runs for each changed row.
    proxy.set_queue_filter(QueueFilter(statuses=frozenset(RequestStatus)))
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.resize(1000, 600)
    view.show()
    qapp.processEvents()

    revisions = count(2)
    current: dict[int, RequestRow] = {row.id: row for row in rows}

    def changes() -> tuple[tuple[Any, ...], dict[str, Any]]:
        revision = next(revisions)
        updated = []
        for n, request_id in enumerate(range(1, ROWS + 1, ROWS // CHANGED)):
            row = current[request_id]
            new = replace(
                row,
                status=(RequestStatus.QUEUED, RequestStatus.EN_ROUTE)[(revision + n) % 2],
                eta_minutes=(revision + n) % 60,
                assigned_crew_call_sign=f"C{revision}",
                priority=(Priority.P1, Priority.P2, Priority.P3)[(revision + n) % 3],
                revision=revision,
            )
            current[request_id] = new
            updated.append(new)
        assert len(updated) == CHANGED
        return (RequestChanges(revision=revision, requests=tuple(updated)),), {}

    benchmark.extra_info.update(rows=ROWS, changed=CHANGED, target_median_ms=50)
    benchmark.pedantic(model.apply, setup=changes, rounds=30, warmup_rounds=2)
    assert model.rowCount() == ROWS
    assert proxy.rowCount() == ROWS
    view.close()


def test_apply_1000_changes_to_10000_rows_in_the_model(
    qapp: QApplication, benchmark: BenchmarkFixture
) -> None:
    clock = FakeClock()
    rows = [request_row(i, created_at=T0 - timedelta(seconds=i)) for i in range(1, ROWS + 1)]
    model = RequestQueueModel(clock)
    model.apply(RequestChanges(revision=1, requests=tuple(rows)))
    revisions = count(2)
    current: dict[int, RequestRow] = {row.id: row for row in rows}

    def changes() -> tuple[tuple[Any, ...], dict[str, Any]]:
        revision = next(revisions)
        updated = []
        for n, request_id in enumerate(range(1, ROWS + 1, ROWS // CHANGED)):
            new = replace(current[request_id], eta_minutes=(revision + n) % 60, revision=revision)
            current[request_id] = new
            updated.append(new)
        return (RequestChanges(revision=revision, requests=tuple(updated)),), {}

    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    benchmark.extra_info.update(rows=ROWS, changed=CHANGED, target_median_ms=50)
    benchmark.pedantic(model.apply, setup=changes, rounds=30, warmup_rounds=2)
    assert model.rowCount() == ROWS
    assert resets == [], "updates never reset the view"
    assert benchmark.stats.stats.median < 0.050
