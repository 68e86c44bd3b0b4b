"""An EIDO-shaped JSON document for one request, for exchange with other systems.

Modelled on NENA's Emergency Incident Data Object (NENA-STA-021, JSON): an
incident component with tracking identifiers, type and status, a location
component, agency and unit (emergency resource) components and notes, each
with its own identifier and update time. Only the subset a roadside job has is
filled; the caller's phone number is shortened to its last four digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from console.core.ports import TimelineEntry
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
