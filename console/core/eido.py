"""An EIDO-shaped JSON document for one request, for exchange with other systems.

Modelled on NENA's Emergency Incident Data Object (NENA-STA-021, JSON): an
incident component with tracking identifiers, type and status, a location
component, agency and unit (emergency resource) components and notes, each
with its own identifier and update time. Only the subset a roadside job has is
filled; the caller's phone number is shortened to its last four digits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from console.core.errors import NotFound, StorageError
from console.core.files import write_text
from console.core.ports import TimelineEntry
from console.core.quality import PartnerRow
from console.core.records import CrewRow, DepotRow, RequestRow

SCHEMA_REFERENCE = "NENA-STA-021 Emergency Incident Data Object (EIDO) JSON; roadside subset"
AGENCY_ID = "roadside.example.cn"


def _stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def eido_document(
    request: RequestRow,
    timeline: Sequence[TimelineEntry],
    *,
    crew: CrewRow | None = None,
    depot: DepotRow | None = None,
    partner_name: str | None = None,
    generated_at: datetime,
) -> dict[str, Any]:
    """The EIDO-shaped description of ``request`` (plain JSON-ready values)."""
    incident_id = f"urn:emergency:uid:incidentid:{request.reference}:{AGENCY_ID}"
    last = timeline[-1].at if timeline else request.created_at
    phone = request.caller_phone
    units = []
    if crew is not None:
        units.append(
            {
                "$id": f"unit-{crew.call_sign}",
                "unitIdentifier": crew.call_sign,
                "unitTypeText": crew.vehicle_kind.value,
                "unitStatusText": crew.status.value,
                "agencyReference": f"agency-{depot.code}" if depot else None,
                "lastUpdateTimeStamp": _stamp(crew.status_since or generated_at),
            }
        )
    agencies = [
        {
            "$id": "agency-dispatch",
            "agencyIdentifier": AGENCY_ID,
            "agencyName": "24h Roadside Assistance Call Centre",
            "agencyRoleText": "dispatching",
        }
    ]
    if depot is not None:
        agencies.append(
            {
                "$id": f"agency-{depot.code}",
                "agencyIdentifier": depot.code,
                "agencyName": partner_name or depot.name_en,
                "agencyRoleText": "responding",
            }
        )
    notes = [
        {
            "$id": f"note-{entry.seq}",
            "noteDateTimeStamp": _stamp(entry.at),
            "noteAuthorText": entry.actor,
            "noteText": entry.kind,
        }
        for entry in timeline
    ]
    if request.notes:
        notes.append(
            {
                "$id": "note-dispatcher",
                "noteDateTimeStamp": _stamp(last),
                "noteAuthorText": "dispatcher",
                "noteText": request.notes,
            }
        )
    return {
        "$schema": SCHEMA_REFERENCE,
        "eidoMessageIdentifier": f"{incident_id}:{int(generated_at.timestamp())}",
        "lastUpdateTimeStamp": _stamp(generated_at),
        "incidentComponent": {
            "$id": "incident",
            "incidentTrackingIdentifier": incident_id,
            "localIncidentIdentifier": request.reference,
            "incidentTypeCommonRegistryText": f"roadside.{request.service_type.value.lower()}",
            "incidentStatusCommonRegistryText": request.status.value,
            "incidentPriorityText": request.priority.value,
            "incidentCreationTimeStamp": _stamp(request.created_at),
            "lastUpdateTimeStamp": _stamp(last),
        },
        "locationComponent": {
            "$id": "location",
            "locationByValue": {
                "type": "Point",
                "coordinates": [request.lon, request.lat],
                "crs": "WGS84",
            },
            "civicAddressText": request.address,
            "cityText": request.city,
            "roadTypeText": request.road_type.value,
        },
        "personComponent": [
            {
                "$id": "caller",
                "personRoleText": "caller",
                "personLanguageText": request.caller_language.value,
                "telephoneNumberText": f"***{phone[-4:]}" if len(phone) >= 4 else "***",
            }
        ],
        "vehicleComponent": [
            {
                "$id": "vehicle",
                "vehicleLicensePlateText": request.plate,
                "vehicleMakeModelText": request.make_model,
                "vehiclePowertrainText": request.powertrain.value,
                "vehicleClassText": request.vehicle_class.value,
            }
        ],
        "agencyComponent": agencies,
        "emergencyResourceComponent": units,
        "notesComponent": notes,
    }


class EidoSource(Protocol):
    """The reads an EIDO export needs (all on ``console.core.ports`` backends)."""

    def request(self, request_id: int) -> RequestRow | None: ...
    def timeline(self, request_id: int) -> list[TimelineEntry]: ...
    def crews(self) -> list[CrewRow]: ...
    def depots(self) -> list[DepotRow]: ...
    def partners(self) -> list[PartnerRow]: ...


def eido_for(source: EidoSource, request_id: int, *, now: datetime) -> dict[str, Any]:
    """The EIDO document of one stored request, or :class:`NotFound`."""
    request = source.request(request_id)
    if request is None:
        raise NotFound("not_found.request", key=request_id)
    crew = next((c for c in source.crews() if c.id == request.assigned_crew_id), None)
    depot = (
        None if crew is None else next((d for d in source.depots() if d.id == crew.depot_id), None)
    )
    partner = None
    if depot is not None:
        partner = next((p.name_en for p in source.partners() if p.id == depot.partner_id), None)
    return eido_document(
        request,
        source.timeline(request_id),
        crew=crew,
        depot=depot,
        partner_name=partner,
        generated_at=now,
    )


def write_eido(path: Path, document: dict[str, Any]) -> None:
    """Write an EIDO document as UTF-8 JSON."""
    try:
        write_text(path, json.dumps(document, ensure_ascii=False, indent=2))
    except OSError as exc:
        raise StorageError(
            "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from None
