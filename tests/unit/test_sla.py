"""Which service-level clock runs for a request, and when it is due (no Qt)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from console.core.sla import DeadlineKind, SlaTargets
from console.core.vocab import RequestStatus
from tests.ui.conftest import T0, request_row


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (RequestStatus.NEW, DeadlineKind.TRIAGE),
        (RequestStatus.TRIAGE, DeadlineKind.TRIAGE),
        (RequestStatus.QUEUED, DeadlineKind.ASSIGN),
        (RequestStatus.ASSIGNED, DeadlineKind.ARRIVE),
        (RequestStatus.EN_ROUTE, DeadlineKind.ARRIVE),
        (RequestStatus.ON_SCENE, None),
        (RequestStatus.TOWING, None),
        (RequestStatus.COMPLETED, None),
    ],
)
def test_each_status_runs_one_clock(status: RequestStatus, kind: DeadlineKind | None) -> None:
    deadline = SlaTargets().deadline(replace(request_row(1), status=status))
    assert (deadline.kind if deadline else None) is kind


def test_triage_is_counted_from_the_call_with_the_configured_target() -> None:
    row = request_row(1, status=RequestStatus.TRIAGE, queued_at=None, assign_due_at=None)
    deadline = SlaTargets(triage_minutes=7).deadline(row)
    assert deadline is not None
    assert deadline.start == row.created_at
    assert deadline.due == row.created_at + timedelta(minutes=7)
    assert deadline.target_seconds == 420


def test_assignment_and_arrival_use_the_stored_due_times_from_queueing() -> None:
    row = request_row(1)
    assign = SlaTargets().deadline(row)
    assert assign is not None
    assert (assign.start, assign.due) == (row.queued_at, row.assign_due_at)
    arrive = SlaTargets().deadline(replace(row, status=RequestStatus.EN_ROUTE))
    assert arrive is not None
    assert (arrive.start, arrive.due) == (row.queued_at, row.arrive_due_at)
    assert arrive.due > T0
