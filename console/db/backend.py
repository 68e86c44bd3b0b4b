"""The one object the console window talks to: reads from queries, writes through services."""

from __future__ import annotations

from sqlalchemy import Engine

from console.core.intake import RequestDraft
from console.core.records import RequestRow
from console.core.sla import SlaTargets
from console.core.vocab import CrewStatus, RequestStatus
from console.db.queries import DatabaseReader
from console.db.services import Clock, Services, utc_now


class DatabaseBackend(DatabaseReader):
    """Implements ``console.core.ports.ConsoleBackend`` for one signed-in user."""

    def __init__(
        self,
        engine: Engine,
        *,
        actor: str,
        sla: SlaTargets | None = None,
        clock: Clock = utc_now,
        timezone: str = "Asia/Shanghai",
    ) -> None:
        super().__init__(engine)
        self.services = Services(engine, actor=actor, sla=sla, clock=clock, timezone=timezone)

    def create_request(self, draft: RequestDraft) -> RequestRow:
        """Validate and store a new request."""
        return self.services.create_request(draft)

    def move(
        self,
        request_id: int,
        target: RequestStatus,
        *,
        crew_id: int | None = None,
        reason: str = "",
    ) -> RequestRow:
        """Move a request along its lifecycle."""
        return self.services.move(request_id, target, crew_id=crew_id, reason=reason)

    def assign(
        self,
        request_id: int,
        crew_id: int,
        *,
        expected_crew_version: int | None = None,
        eta_minutes: int | None = None,
    ) -> RequestRow:
        """Assign a crew if it is still available."""
        return self.services.assign(
            request_id,
            crew_id,
            expected_crew_version=expected_crew_version,
            eta_minutes=eta_minutes,
        )

    def set_crew_status(
        self, crew_id: int, status: CrewStatus, *, expected_version: int | None = None
    ) -> None:
        """Put a crew without a job on or off duty, or out of service."""
        self.services.set_crew_status(crew_id, status, expected_version=expected_version)
