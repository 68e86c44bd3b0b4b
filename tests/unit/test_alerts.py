"""The alert detector: which requests newly became P1 or breached a deadline."""

from __future__ import annotations

import io
import wave
from dataclasses import replace
from datetime import timedelta

from console.core.vocab import Priority, RequestStatus
from console.ui.alerts import Alert, AlertDetector, AlertKind, breach_deadline, tone_wav
from tests.ui.conftest import T0, request_row


def test_rows_present_at_start_do_not_alert() -> None:
    detector = AlertDetector()
    late = request_row(2, assign_due_at=T0 - timedelta(seconds=5))
    assert detector.take([request_row(1, priority=Priority.P1), late], T0, snapshot=True) == []
    assert detector.primed
    # Already breached at start-up: known, never announced later either.
    assert detector.tick(T0 + timedelta(hours=1)) == [
        Alert(AlertKind.ASSIGN_BREACH, 1, "RA-20261123-0001")
    ]


def test_a_new_p1_alerts_once() -> None:
    detector = AlertDetector()
    detector.take([request_row(1)], T0, snapshot=True)
    p1 = request_row(2, priority=Priority.P1)
    assert detector.take([p1], T0) == [Alert(AlertKind.NEW_P1, 2, p1.reference)]
    assert detector.take([replace(p1, revision=5)], T0) == []
    assert detector.take([p1], T0, snapshot=True) == []


def test_a_request_raised_to_p1_alerts_and_a_p2_does_not() -> None:
    detector = AlertDetector()
    detector.take([request_row(1)], T0, snapshot=True)
    assert detector.take([request_row(3)], T0) == []
    raised = request_row(1, priority=Priority.P1)
    assert [a.kind for a in detector.take([raised], T0)] == [AlertKind.NEW_P1]


def test_a_closed_or_acknowledged_p1_does_not_alert() -> None:
    detector = AlertDetector()
    detector.take([], T0, snapshot=True)
    closed = request_row(1, priority=Priority.P1, status=RequestStatus.RESOLVED_REMOTELY)
    assert detector.take([closed], T0) == []
    detector.acknowledge(2)
    assert detector.take([request_row(2, priority=Priority.P1)], T0) == []


def test_crossing_a_deadline_alerts_once_per_kind() -> None:
    detector = AlertDetector()
    row = request_row(1)  # assignment due at T0 + 1 min, arrival at T0 + 59 min
    detector.take([row], T0, snapshot=True)
    assert detector.tick(T0 + timedelta(seconds=59)) == []
    assert detector.tick(T0 + timedelta(seconds=61)) == [
        Alert(AlertKind.ASSIGN_BREACH, 1, row.reference)
    ]
    assert detector.tick(T0 + timedelta(seconds=62)) == []
    # Released and queued again: the assignment breach was already announced.
    requeued = replace(row, assign_due_at=T0 + timedelta(minutes=3), revision=2)
    detector.take([requeued], T0 + timedelta(seconds=70))
    assert detector.tick(T0 + timedelta(minutes=4)) == []
    # On the way: the arrival deadline is a breach of its own kind.
    travelling = replace(row, status=RequestStatus.EN_ROUTE, revision=3)
    detector.take([travelling], T0 + timedelta(minutes=5))
    assert detector.tick(T0 + timedelta(minutes=60)) == [
        Alert(AlertKind.ARRIVE_BREACH, 1, row.reference)
    ]


def test_a_row_arriving_already_breached_alerts_at_once() -> None:
    detector = AlertDetector()
    detector.take([], T0, snapshot=True)
    late = request_row(4, assign_due_at=T0 - timedelta(seconds=1))
    assert detector.take([late], T0) == [Alert(AlertKind.ASSIGN_BREACH, 4, late.reference)]


def test_a_deadline_moved_later_or_a_closed_request_does_not_alert() -> None:
    detector = AlertDetector()
    row = request_row(1)
    detector.take([row, request_row(2)], T0, snapshot=True)
    assigned = replace(row, status=RequestStatus.ASSIGNED, revision=2)
    detector.take([assigned], T0 + timedelta(seconds=30))
    detector.take([replace(request_row(2), status=RequestStatus.CANCELLED)], T0)
    assert detector.tick(T0 + timedelta(minutes=2)) == []


def test_breach_deadline_follows_the_status() -> None:
    row = request_row(1)
    assert breach_deadline(row) == (AlertKind.ASSIGN_BREACH, row.assign_due_at)
    travelling = replace(row, status=RequestStatus.ASSIGNED)
    assert breach_deadline(travelling) == (AlertKind.ARRIVE_BREACH, row.arrive_due_at)
    assert breach_deadline(replace(row, status=RequestStatus.ON_SCENE)) is None


def test_tone_is_a_short_wav() -> None:
    data = tone_wav()
    with wave.open(io.BytesIO(data), "rb") as sound:
        assert sound.getnchannels() == 1
        assert sound.getsampwidth() == 2
        seconds = sound.getnframes() / sound.getframerate()
    assert 0.1 < seconds < 1.0
