"""Which syncs make a panel ask the database again."""

from __future__ import annotations

from console.ui.live_sync import SyncBatch
from console.ui.panels import touches
from tests.ui.conftest import crew_row, request_row


def batch(
    *, requests: tuple[int, ...] = (), crews: tuple[int, ...] = (), snapshot: bool = False
) -> SyncBatch:
    return SyncBatch(
        revision=2,
        requests=tuple(request_row(i) for i in requests),
        crews=tuple(crew_row(i) for i in crews),
        snapshot=snapshot,
    )


def test_a_panel_refreshes_only_for_batches_that_concern_it() -> None:
    assert touches(batch(requests=(7,)), 7, crews_matter=False)
    assert not touches(batch(requests=(8,)), 7, crews_matter=False)
    assert not touches(batch(crews=(1,)), 7, crews_matter=False), "crews do not change a timeline"
    assert touches(batch(crews=(1,)), 7, crews_matter=True), "crews change suggestions"
    assert touches(batch(snapshot=True), 7, crews_matter=False)
    assert not touches(batch(requests=(7,), snapshot=True), None, crews_matter=True), (
        "nothing shown"
    )
