"""Field status: a crew's device moves its own current job through the lifecycle.

Implements :class:`console.core.field.ports.FieldStatusWriter`. The device's
crew acts as a crew principal (:meth:`console.core.roles.Principal.crew`, which
may only record progress) through the same service-layer operations a
dispatcher's click uses, so the lifecycle rules, the one ledger event per move
and the bill on completion are the console's own; the service layer itself
refuses a crew principal any job but its crew's current one.

A refused report is answered with a stable code and the reason in English:

``no_job``
    the crew has no current job;
``not_your_job``
    the reference names a job that is not the crew's;
``stale_reference``
    the reference names a job the crew was on but is no longer (closed or released);
``unknown_reference``
    no job has that reference;
``illegal_transition``
    the lifecycle does not allow the move (the message says from what to what);
``invalid``
    a completion's distance or waiting minutes are out of range;
``conflict``
    someone changed the job at the same moment (report again).

Reporting the status the job already has answers ``ok`` with code ``already``,
so a redelivered report does no harm.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cached_property

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from console.core.errors import (
    Conflict,
    DomainError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from console.core.field.ports import (
    DeviceRef,
    FieldStatus,
    StatusAnswer,
    StatusReport,
    StoreUnavailable,
)
from console.core.pricing import ActualFacts, PricingBook
from console.core.quote import charge_from_dict
from console.core.roles import Principal
from console.core.sla import SlaTargets
from console.core.validation import whole_number
from console.core.vocab import RequestStatus
from console.db.models import Crew, Request, RequestCharge
from console.db.pricing_services import MAX_MINUTES, PricingServices, tow_km
from console.db.services import Clock, utc_now

__all__ = ["TARGETS", "FieldStatusService"]

TARGETS: dict[FieldStatus, RequestStatus] = {
    FieldStatus.EN_ROUTE: RequestStatus.EN_ROUTE,
    FieldStatus.ON_SCENE: RequestStatus.ON_SCENE,
    FieldStatus.TOWING: RequestStatus.TOWING,
    FieldStatus.COMPLETED: RequestStatus.COMPLETED,
}
"""The request status each field status asks for."""


class FieldStatusService:
    """Applies crews' status reports to their current jobs (a ``FieldStatusWriter``).

    ``book`` prices the bill of a quoted job on completion (the shipped pricing
    book when not given); ``clock`` and ``sla`` are the service layer's.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        book: PricingBook | None = None,
        sla: SlaTargets | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._engine = engine
        self._book = book
        self._sla = sla
        self._clock = clock

    @cached_property
    def book(self) -> PricingBook:
        """The pricing book bills are priced from."""
        if self._book is not None:
            return self._book
        from console.db.pricing_backend import default_book

        return default_book()

    def report_status(self, device: DeviceRef, report: StatusReport) -> StatusAnswer:
        """Move the device's crew's current job to ``report.status``, or say why not.

        Raises :class:`StoreUnavailable` when the database cannot be reached;
        a refusal writes nothing.
        """
        if device.revoked:
            return _refused("revoked_device", "This device was revoked.")
        try:
            return self._report(device, report)
        except StorageError as exc:
            raise StoreUnavailable(exc.english()) from None
        except DBAPIError as exc:
            raise StoreUnavailable(str(exc.orig or exc).strip().splitlines()[0]) from None

    def _report(self, device: DeviceRef, report: StatusReport) -> StatusAnswer:
        target = TARGETS[FieldStatus(report.status)]
        with Session(self._engine) as session:
            crew = session.get(Crew, device.crew_id)
            job = crew.current_request_id if crew is not None else None
            current = session.get(Request, job) if job is not None else None
            if report.reference is not None and (
                current is None or current.reference != report.reference
            ):
                named = session.scalar(select(Request).where(Request.reference == report.reference))
                return _wrong_reference(device, report.reference, named)
            if current is None:
                return _refused("no_job", f"Crew {device.call_sign} has no current job.")
            job_id, reference = current.id, current.reference
            status = RequestStatus(current.status)
            charge = session.scalar(select(RequestCharge).where(RequestCharge.request_id == job_id))
            quote = charge.quote if charge is not None and charge.bill is None else None
        if status is target:
            return StatusAnswer(
                True, "already", f"{reference} is already {target.value}.", reference, target.value
            )
        services = PricingServices(
            self._engine,
            self.book,
            principal=Principal.crew(device.crew_id, device.call_sign),
            sla=self._sla,
            clock=self._clock,
            timezone=self.book.tariff.timezone.key,
        )
        try:
            if target is RequestStatus.COMPLETED:
                facts = _actual_facts(report, quote)
                if quote is not None and facts is not None:
                    row = services.complete_with_bill(job_id, facts)
                else:
                    row = services.complete(job_id)
            else:
                row = services.move(job_id, target)
        except PermissionDenied as exc:
            code = "not_your_job" if exc.code == "crew.not_own_job" else "forbidden"
            return _refused(code, exc.english(), reference)
        except IllegalTransition as exc:
            return _refused("illegal_transition", exc.english(), reference, status.value)
        except ValidationError as exc:
            return _refused("invalid", exc.english(), reference, status.value)
        except Conflict as exc:
            return _refused("conflict", exc.english(), reference)
        except NotFound as exc:
            return _refused("not_found", exc.english(), reference)
        except StorageError:
            raise
        except DomainError as exc:
            return _refused("refused", exc.english(), reference)
        return StatusAnswer(
            True,
            "ok",
            f"{row.reference} is now {row.status.value}.",
            row.reference,
            row.status.value,
        )


def _actual_facts(report: StatusReport, quote: str | None) -> ActualFacts | None:
    """What the crew reports for the bill, validated; the quoted distance when none is given."""
    waiting = whole_number("waiting_minutes", report.waiting_minutes or 0, 0, MAX_MINUTES)
    if report.distance_km is not None:
        km = tow_km(report.distance_km, "distance_km")
    elif quote is not None:
        km = charge_from_dict(json.loads(quote)).facts.tow_km or Decimal(0)
    else:
        return None
    return ActualFacts(tow_km=km, waiting_minutes=waiting)


def _wrong_reference(device: DeviceRef, reference: str, named: Request | None) -> StatusAnswer:
    """Why a report naming ``reference`` (not the crew's current job) is refused."""
    if named is None:
        return _refused("unknown_reference", f"There is no job {reference}.", reference)
    if named.assigned_crew_id == device.crew_id:
        return _refused(
            "stale_reference",
            f"{reference} is no longer crew {device.call_sign}'s current job "
            f"(it is {named.status}).",
            reference,
            named.status,
        )
    return _refused(
        "not_your_job",
        f"{reference} is not crew {device.call_sign}'s job.",
        reference,
    )


def _refused(
    code: str, message: str, reference: str | None = None, status: str | None = None
) -> StatusAnswer:
    return StatusAnswer(False, code, message, reference, status)
