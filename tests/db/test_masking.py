"""Spec: each role receives from the data layer only the caller numbers it needs.

Dispatchers see the full number while a job is open (they call the caller
back) and a masked one once it is closed; supervisors, who handle follow-ups
and complaints, always see it; administrators never do. The masking happens in
the read layer, so the interface never even receives the full number.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from console.core.roles import Principal
from console.core.vocab import RequestStatus, Role
from console.db.backend import DatabaseBackend
from tests.db.conftest import FakeClock
from tests.support.principals import desk
from tests.support.workspace import new_call

FULL = "13912345678"
MASKED = "139****5678"


def backend_for(engine: Engine, role: Role, clock: FakeClock) -> DatabaseBackend:
    return DatabaseBackend(engine, principal=Principal.user(f"{role.lower()}1", role), clock=clock)


def everything_received(backend: DatabaseBackend, request_id: int) -> str:
    """Every request row and timeline entry this backend hands to the interface, as text."""
    parts = [
        repr(backend.open_requests()),
        repr(backend.requests_changed_since(0)),
        repr(backend.request(request_id)),
        repr(backend.timeline(request_id)),
    ]
    return "\n".join(parts)


EXPECTED = {
    # role: (open request, closed request)
    Role.DISPATCHER: (FULL, MASKED),
    Role.SUPERVISOR: (FULL, FULL),
    Role.ADMIN: (MASKED, MASKED),
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_receives_the_number_it_needs_and_no_more(
    engine: Engine, fleet: list[int], clock: FakeClock, role: Role
) -> None:
    writer = DatabaseBackend(engine, principal=desk("desk"), clock=clock)
    request_id = new_call(writer)
    reader = backend_for(engine, role, clock)
    open_number, closed_number = EXPECTED[role]

    row = reader.request(request_id)
    assert row is not None and row.caller_phone == open_number
    assert [r.caller_phone for r in reader.open_requests().requests] == [open_number]
    created = reader.timeline(request_id)[0]
    assert created.payload["caller_phone"] == open_number
    if open_number == MASKED:
        assert FULL not in everything_received(reader, request_id)

    writer.move(request_id, RequestStatus.CANCELLED, reason="caller cancelled")
    closed = reader.request(request_id)
    assert closed is not None and closed.caller_phone == closed_number
    changed = reader.requests_changed_since(0).requests
    assert [r.caller_phone for r in changed] == [closed_number]
    assert reader.timeline(request_id)[0].payload["caller_phone"] == closed_number
    if closed_number == MASKED:
        assert FULL not in everything_received(reader, request_id)


def test_a_write_answers_with_the_row_as_the_writer_may_see_it(
    engine: Engine, fleet: list[int], clock: FakeClock
) -> None:
    dispatcher = backend_for(engine, Role.DISPATCHER, clock)
    request_id = new_call(dispatcher)
    assert dispatcher.request(request_id).caller_phone == FULL  # type: ignore[union-attr]
    cancelled = dispatcher.move(request_id, RequestStatus.CANCELLED, reason="duplicate")
    assert cancelled.caller_phone == MASKED
