"""The service layer refuses moves that do not fit the job, whoever asks (console or device)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from console.core.errors import IllegalTransition
from console.core.vocab import RequestStatus, ServiceType
from console.db.services import Services
from tests.db.helpers import drive_to, free_crew, state


def test_a_jump_start_is_never_towed_and_nothing_is_written(
    services: Services, engine: Engine
) -> None:
    row = drive_to(services, engine, RequestStatus.ON_SCENE, service_type=ServiceType.JUMP_START)
    before = state(engine)
    with pytest.raises(IllegalTransition) as refused:
        services.move(row.id, RequestStatus.TOWING)
    assert refused.value.code == "lifecycle.service_mismatch"
    assert refused.value.english() == "A JUMP_START request cannot move to TOWING."
    assert state(engine) == before
    assert services.move(row.id, RequestStatus.COMPLETED).status is RequestStatus.COMPLETED


def test_remote_guidance_is_never_given_a_crew(services: Services, engine: Engine) -> None:
    row = drive_to(services, engine, RequestStatus.QUEUED, service_type=ServiceType.REMOTE_GUIDANCE)
    with pytest.raises(IllegalTransition) as refused:
        services.assign(row.id, free_crew(engine))
    assert refused.value.code == "lifecycle.service_mismatch"
    moved = services.move(row.id, RequestStatus.RESOLVED_REMOTELY)
    assert moved.status is RequestStatus.RESOLVED_REMOTELY
