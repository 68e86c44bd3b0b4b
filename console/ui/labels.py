"""Display text for every stable code: enum members, field codes, error messages.

The tables hold English source text marked for ``lupdate``; the translation is
looked up at call time, so whatever language is installed now applies.
Domain terms in Chinese follow the service's usage (拖车, 搭电, 救援车组, 网点...).
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.core.errors import DomainError
from console.core.field.feed import FeedState
from console.core.vocab import (
    CallerLanguage,
    CrewStatus,
    Powertrain,
    Priority,
    RequestStatus,
    RoadType,
    Role,
    ServiceType,
    Shift,
    Skill,
    VehicleClass,
    VehicleKind,
)

__all__ = [
    "ERROR_TEMPLATES",
    "EVENT_KIND_LABELS",
    "FIELD_LABELS",
    "LABELLED_ENUMS",
    "error_text",
    "event_kind_label",
    "field_label",
    "label",
    "label_source",
    "without_mnemonic",
]

logger = logging.getLogger(__name__)

LABELS_CONTEXT = "Labels"
ERRORS_CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate under ``context``; returns it untranslated.

    A typed stand-in for PySide6's function of the same name (whose stub returns
    ``object``); lupdate recognises it by name.
    """
    del context
    return text


LABELLED_ENUMS: tuple[type[StrEnum], ...] = (
    ServiceType,
    Priority,
    RequestStatus,
    CrewStatus,
    VehicleKind,
    Skill,
    Powertrain,
    VehicleClass,
    RoadType,
    CallerLanguage,
    Role,
    Shift,
)
"""Every vocabulary enum that has display labels (``FeedState`` too, from the field link)."""

# Keyed by (enum type, code): members of different enums compare equal when
# their codes match (StrEnum), e.g. RequestStatus.ASSIGNED == CrewStatus.ASSIGNED.
_LABELS: dict[tuple[type[StrEnum], str], str] = {
    (ServiceType, ServiceType.TOW): QT_TRANSLATE_NOOP("Labels", "Tow"),
    (ServiceType, ServiceType.JUMP_START): QT_TRANSLATE_NOOP("Labels", "Jump start"),
    (ServiceType, ServiceType.TYRE_CHANGE): QT_TRANSLATE_NOOP("Labels", "Tyre change"),
    (ServiceType, ServiceType.FUEL_DELIVERY): QT_TRANSLATE_NOOP("Labels", "Fuel delivery"),
    (ServiceType, ServiceType.EXTRACTION): QT_TRANSLATE_NOOP("Labels", "Extraction / winch-out"),
    (ServiceType, ServiceType.LOCKOUT): QT_TRANSLATE_NOOP("Labels", "Lockout"),
    (ServiceType, ServiceType.EV_CHARGING): QT_TRANSLATE_NOOP("Labels", "EV charging assistance"),
    (ServiceType, ServiceType.EV_HV_CHECK): QT_TRANSLATE_NOOP("Labels", "EV high-voltage check"),
    (ServiceType, ServiceType.REMOTE_GUIDANCE): QT_TRANSLATE_NOOP("Labels", "Remote guidance"),
    (Priority, Priority.P1): QT_TRANSLATE_NOOP("Labels", "P1"),
    (Priority, Priority.P2): QT_TRANSLATE_NOOP("Labels", "P2"),
    (Priority, Priority.P3): QT_TRANSLATE_NOOP("Labels", "P3"),
    (RequestStatus, RequestStatus.NEW): QT_TRANSLATE_NOOP("Labels", "New"),
    (RequestStatus, RequestStatus.TRIAGE): QT_TRANSLATE_NOOP("Labels", "Triage"),
    (RequestStatus, RequestStatus.RESOLVED_REMOTELY): QT_TRANSLATE_NOOP(
        "Labels", "Resolved remotely"
    ),
    (RequestStatus, RequestStatus.QUEUED): QT_TRANSLATE_NOOP("Labels", "Queued"),
    (RequestStatus, RequestStatus.ASSIGNED): QT_TRANSLATE_NOOP("Labels", "Assigned"),
    (RequestStatus, RequestStatus.EN_ROUTE): QT_TRANSLATE_NOOP("Labels", "En route"),
    (RequestStatus, RequestStatus.ON_SCENE): QT_TRANSLATE_NOOP("Labels", "On scene"),
    (RequestStatus, RequestStatus.TOWING): QT_TRANSLATE_NOOP("Labels", "Towing"),
    (RequestStatus, RequestStatus.COMPLETED): QT_TRANSLATE_NOOP("Labels", "Completed"),
    (RequestStatus, RequestStatus.CANCELLED): QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    (CrewStatus, CrewStatus.AVAILABLE): QT_TRANSLATE_NOOP("Labels", "Available"),
    (CrewStatus, CrewStatus.ASSIGNED): QT_TRANSLATE_NOOP("Labels", "Assigned"),
    (CrewStatus, CrewStatus.EN_ROUTE): QT_TRANSLATE_NOOP("Labels", "En route"),
    (CrewStatus, CrewStatus.ON_SCENE): QT_TRANSLATE_NOOP("Labels", "On scene"),
    (CrewStatus, CrewStatus.TOWING): QT_TRANSLATE_NOOP("Labels", "Towing"),
    (CrewStatus, CrewStatus.OFF_DUTY): QT_TRANSLATE_NOOP("Labels", "Off duty"),
    (CrewStatus, CrewStatus.OUT_OF_SERVICE): QT_TRANSLATE_NOOP("Labels", "Out of service"),
    (VehicleKind, VehicleKind.FLATBED): QT_TRANSLATE_NOOP("Labels", "Flatbed"),
    (VehicleKind, VehicleKind.WHEEL_LIFT): QT_TRANSLATE_NOOP("Labels", "Wheel-lift"),
    (VehicleKind, VehicleKind.SERVICE_VAN): QT_TRANSLATE_NOOP("Labels", "Service van"),
    (VehicleKind, VehicleKind.EV_SERVICE_VAN): QT_TRANSLATE_NOOP("Labels", "EV service van"),
    (VehicleKind, VehicleKind.HEAVY_WRECKER): QT_TRANSLATE_NOOP("Labels", "Heavy wrecker"),
    (Skill, Skill.EV_HV_CERTIFIED): QT_TRANSLATE_NOOP("Labels", "EV high-voltage certified"),
    (Skill, Skill.BILINGUAL): QT_TRANSLATE_NOOP("Labels", "Bilingual"),
    (Powertrain, Powertrain.ICE): QT_TRANSLATE_NOOP("Labels", "Combustion"),
    (Powertrain, Powertrain.HEV): QT_TRANSLATE_NOOP("Labels", "Hybrid"),
    (Powertrain, Powertrain.EV): QT_TRANSLATE_NOOP("Labels", "Electric"),
    (Powertrain, Powertrain.UNKNOWN): QT_TRANSLATE_NOOP("Labels", "Unknown"),
    (VehicleClass, VehicleClass.CAR): QT_TRANSLATE_NOOP("Labels", "Car"),
    (VehicleClass, VehicleClass.SUV): QT_TRANSLATE_NOOP("Labels", "SUV"),
    (VehicleClass, VehicleClass.LIGHT_TRUCK): QT_TRANSLATE_NOOP("Labels", "Light truck"),
    (VehicleClass, VehicleClass.HEAVY_TRUCK): QT_TRANSLATE_NOOP("Labels", "Heavy truck"),
    (RoadType, RoadType.URBAN): QT_TRANSLATE_NOOP("Labels", "Urban road"),
    (RoadType, RoadType.EXPRESSWAY): QT_TRANSLATE_NOOP("Labels", "Expressway"),
    (RoadType, RoadType.RURAL): QT_TRANSLATE_NOOP("Labels", "Rural road"),
    (CallerLanguage, CallerLanguage.ZH): QT_TRANSLATE_NOOP("Labels", "Chinese"),
    (CallerLanguage, CallerLanguage.EN): QT_TRANSLATE_NOOP("Labels", "English"),
    (Role, Role.DISPATCHER): QT_TRANSLATE_NOOP("Labels", "Dispatcher"),
    (Role, Role.SUPERVISOR): QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    (Role, Role.ADMIN): QT_TRANSLATE_NOOP("Labels", "Administrator"),
    (Shift, Shift.DAY): QT_TRANSLATE_NOOP("Labels", "Day shift"),
    (Shift, Shift.NIGHT): QT_TRANSLATE_NOOP("Labels", "Night shift"),
    (Shift, Shift.ROUND_THE_CLOCK): QT_TRANSLATE_NOOP("Labels", "Round the clock"),
    (FeedState, FeedState.LIVE): QT_TRANSLATE_NOOP("Labels", "Live feed"),
    (FeedState, FeedState.QUIET): QT_TRANSLATE_NOOP("Labels", "Quiet feed"),
    (FeedState, FeedState.SILENT): QT_TRANSLATE_NOOP("Labels", "Silent feed"),
    (FeedState, FeedState.NEVER_REPORTED): QT_TRANSLATE_NOOP("Labels", "Device never reported"),
    (FeedState, FeedState.NO_DEVICE): QT_TRANSLATE_NOOP("Labels", "No device"),
}

FIELD_LABELS: dict[str, str] = {
    "reference": QT_TRANSLATE_NOOP("Labels", "Reference"),
    "caller_name": QT_TRANSLATE_NOOP("Labels", "Caller name"),
    "caller_phone": QT_TRANSLATE_NOOP("Labels", "Caller phone"),
    "caller_language": QT_TRANSLATE_NOOP("Labels", "Caller language"),
    "plate": QT_TRANSLATE_NOOP("Labels", "Plate"),
    "make_model": QT_TRANSLATE_NOOP("Labels", "Make and model"),
    "powertrain": QT_TRANSLATE_NOOP("Labels", "Powertrain"),
    "vehicle_class": QT_TRANSLATE_NOOP("Labels", "Vehicle class"),
    "awd": QT_TRANSLATE_NOOP("Labels", "All-wheel drive"),
    "lat": QT_TRANSLATE_NOOP("Labels", "Latitude"),
    "lon": QT_TRANSLATE_NOOP("Labels", "Longitude"),
    "address": QT_TRANSLATE_NOOP("Labels", "Address"),
    "city": QT_TRANSLATE_NOOP("Labels", "City"),
    "road_type": QT_TRANSLATE_NOOP("Labels", "Road type"),
    "service_type": QT_TRANSLATE_NOOP("Labels", "Service type"),
    "priority": QT_TRANSLATE_NOOP("Labels", "Priority"),
    "priority_reason": QT_TRANSLATE_NOOP("Labels", "Priority reason"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "crew": QT_TRANSLATE_NOOP("Labels", "Crew"),
    "call_sign": QT_TRANSLATE_NOOP("Labels", "Call sign"),
    "depot": QT_TRANSLATE_NOOP("Labels", "Depot"),
    "vehicle_kind": QT_TRANSLATE_NOOP("Labels", "Vehicle kind"),
    "skills": QT_TRANSLATE_NOOP("Labels", "Skills"),
    "shift": QT_TRANSLATE_NOOP("Labels", "Shift"),
    "eta_minutes": QT_TRANSLATE_NOOP("Labels", "ETA"),
    "quote_cny": QT_TRANSLATE_NOOP("Labels", "Price quote"),
    "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
    "reason": QT_TRANSLATE_NOOP("Labels", "Reason"),
    "cancel_reason": QT_TRANSLATE_NOOP("Labels", "Cancellation reason"),
    "guidance_path": QT_TRANSLATE_NOOP("Labels", "Guidance path"),
}
"""Field code (as passed in ``DomainError.field``) -> English source label."""

EVENT_KIND_LABELS: dict[str, str] = {
    "request.created": QT_TRANSLATE_NOOP("Labels", "Request created"),
    "request.triage": QT_TRANSLATE_NOOP("Labels", "Triage started"),
    "request.resolved_remotely": QT_TRANSLATE_NOOP("Labels", "Resolved by phone"),
    "request.queued": QT_TRANSLATE_NOOP("Labels", "Queued for a crew"),
    "request.assigned": QT_TRANSLATE_NOOP("Labels", "Crew assigned"),
    "request.en_route": QT_TRANSLATE_NOOP("Labels", "Crew on the way"),
    "request.on_scene": QT_TRANSLATE_NOOP("Labels", "Crew arrived"),
    "request.towing": QT_TRANSLATE_NOOP("Labels", "Towing started"),
    "request.completed": QT_TRANSLATE_NOOP("Labels", "Job completed"),
    "request.cancelled": QT_TRANSLATE_NOOP("Labels", "Request cancelled"),
    "request.crew_released": QT_TRANSLATE_NOOP("Labels", "Crew released"),
    "request.reassigned": QT_TRANSLATE_NOOP("Labels", "Crew reassigned"),
    "request.guided": QT_TRANSLATE_NOOP("Labels", "Guidance outcome recorded"),
    "crew.status_changed": QT_TRANSLATE_NOOP("Labels", "Crew status changed"),
    "crew.position": QT_TRANSLATE_NOOP("Labels", "Crew position reported"),
    "dataset.seeded": QT_TRANSLATE_NOOP("Labels", "Demo data loaded"),
    "import.depots": QT_TRANSLATE_NOOP("Labels", "Depots imported"),
    "import.crews": QT_TRANSLATE_NOOP("Labels", "Crews imported"),
    "pricing.quote_accepted": QT_TRANSLATE_NOOP("Labels", "Quote accepted by the caller"),
    "pricing.dispute": QT_TRANSLATE_NOOP("Labels", "Bill disputed"),
    "pricing.entitlement_added": QT_TRANSLATE_NOOP("Labels", "Coverage entitlement added"),
    "satisfaction.recorded": QT_TRANSLATE_NOOP("Labels", "Satisfaction recorded"),
    "complaint.opened": QT_TRANSLATE_NOOP("Labels", "Complaint opened"),
    "complaint.answered": QT_TRANSLATE_NOOP("Labels", "Complaint answered"),
    "complaint.closed": QT_TRANSLATE_NOOP("Labels", "Complaint closed"),
    "dataset.history_seeded": QT_TRANSLATE_NOOP("Labels", "Demo history loaded"),
}
"""Ledger event kind -> English source label, for the request timeline."""

ERROR_TEMPLATES: dict[str, str] = {
    # validation
    "field.required": QT_TRANSLATE_NOOP("Errors", "{field} is required."),
    "field.too_long": QT_TRANSLATE_NOOP(
        "Errors", "{field} is too long (at most {limit} characters)."
    ),
    "field.control_chars": QT_TRANSLATE_NOOP(
        "Errors", "{field} contains invisible control characters."
    ),
    "field.not_a_number": QT_TRANSLATE_NOOP("Errors", "{field} must be a number."),
    "field.invalid_choice": QT_TRANSLATE_NOOP("Errors", "{field} has an unknown value: {value}."),
    "field.not_text": QT_TRANSLATE_NOOP("Errors", "{field} must be text."),
    "field.range": QT_TRANSLATE_NOOP(
        "Errors", "{field} must be a whole number from {low} to {high}."
    ),
    "field.not_a_time": QT_TRANSLATE_NOOP(
        "Errors", "{field} must be a date and time with a time zone."
    ),
    "field.not_yes_no": QT_TRANSLATE_NOOP("Errors", "{field} must be yes or no."),
    "phone.invalid": QT_TRANSLATE_NOOP(
        "Errors",
        "Phone number {value} is not valid: use a mainland mobile (11 digits, 1xx), "
        "a landline with area code (0xx-xxxxxxxx) or an international number with +.",
    ),
    "plate.invalid": QT_TRANSLATE_NOOP(
        "Errors", "Plate {value} is not a valid Chinese licence plate."
    ),
    "coord.lat_range": QT_TRANSLATE_NOOP("Errors", "Latitude {value} is outside -90 to 90."),
    "coord.lon_range": QT_TRANSLATE_NOOP("Errors", "Longitude {value} is outside -180 to 180."),
    "coord.outside_service_area": QT_TRANSLATE_NOOP(
        "Errors", "The location {lat}, {lon} is outside the service area (mainland China)."
    ),
    "reason.required": QT_TRANSLATE_NOOP("Errors", "A reason is required."),
    "location.required": QT_TRANSLATE_NOOP("Errors", "Enter a location or pick a city."),
    # lifecycle and dispatch
    "lifecycle.illegal": QT_TRANSLATE_NOOP(
        "Errors", "A request cannot move from {from_status} to {to_status}."
    ),
    "lifecycle.needs_crew": QT_TRANSLATE_NOOP("Errors", "Choose a crew to assign."),
    "lifecycle.service_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "A {service} request cannot move to {to_status}."
    ),
    "lifecycle.use_operation": QT_TRANSLATE_NOOP(
        "Errors", "Use the {operation} action to move a request to {to_status}."
    ),
    "crew.not_available": QT_TRANSLATE_NOOP(
        "Errors", "Crew {crew} is no longer available (now {status})."
    ),
    "crew.changed": QT_TRANSLATE_NOOP(
        "Errors", "Crew {crew} was changed by someone else; refresh and try again."
    ),
    "crew.busy": QT_TRANSLATE_NOOP(
        "Errors", "Crew {crew} is on a job and cannot be set to {status} by hand."
    ),
    "crew.status_not_settable": QT_TRANSLATE_NOOP(
        "Errors", "A crew cannot be set to {status} by hand."
    ),
    "request.changed": QT_TRANSLATE_NOOP(
        "Errors", "Request {reference} was changed by someone else; refresh and try again."
    ),
    "record.conflict": QT_TRANSLATE_NOOP(
        "Errors", "Someone else changed this record at the same moment; refresh and try again."
    ),
    "request.no_crew": QT_TRANSLATE_NOOP("Errors", "Request {reference} has no crew assigned."),
    "not_found.request": QT_TRANSLATE_NOOP("Errors", "There is no request {key}."),
    "not_found.crew": QT_TRANSLATE_NOOP("Errors", "There is no crew {key}."),
    "not_found.device": QT_TRANSLATE_NOOP("Errors", "There is no device {key}."),
    # storage and configuration
    "db.url_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The database address {url} is not valid: {detail}"
    ),
    "db.unsupported": QT_TRANSLATE_NOOP(
        "Errors",
        "Database {url} is not supported: use sqlite:///FILE or postgresql+psycopg://HOST/DB.",
    ),
    "db.unreachable": QT_TRANSLATE_NOOP("Errors", "Cannot open the database {url}: {detail}"),
    "db.outdated": QT_TRANSLATE_NOOP(
        "Errors",
        "The database schema is at {current}, this console needs {head}: "
        "run `roadside-console db upgrade`.",
    ),
    "db.too_new": QT_TRANSLATE_NOOP(
        "Errors",
        "The database schema {current} is newer than this console knows; upgrade the console.",
    ),
    "db.not_empty": QT_TRANSLATE_NOOP(
        "Errors", "The database already holds demo data; pass --replace to seed it again."
    ),
    "db.file_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "The database file {path} is missing: it was deleted or moved while the console ran. "
        "Nothing more is saved; restore it from a backup and restart the console.",
    ),
    "db.file_replaced": QT_TRANSLATE_NOOP(
        "Errors",
        "The database file {path} was replaced by another file while the console ran. "
        "Nothing more is saved; restart the console to open the file now there.",
    ),
    "db.rescue_failed": QT_TRANSLATE_NOOP(
        "Errors", "Could not save a rescue copy to {path}: {detail}"
    ),
    "db.file_lost": QT_TRANSLATE_NOOP(
        "Errors",
        "The database {path} held data before and is now missing or empty: restore it "
        "from a backup, or pass --new-database to start a new one there.",
    ),
    "plan_moves.invalid": QT_TRANSLATE_NOOP("Errors", "Plan file {path} cannot be read: {detail}."),
    "config.invalid": QT_TRANSLATE_NOOP(
        "Errors", "Configuration file {path} is not valid: {detail}"
    ),
    "seed.invalid": QT_TRANSLATE_NOOP("Errors", "Seed option {option} is not valid: {detail}"),
    "seed.data_missing": QT_TRANSLATE_NOOP(
        "Errors", "Seed data file {path} is missing or damaged: {detail}"
    ),
    # records and recovery
    "file.unreadable": QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {detail}"),
    "file.unwritable": QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {detail}"),
    "file.exists": QT_TRANSLATE_NOOP(
        "Errors", "{path} already exists; choose another name or move that file away first."
    ),
    "file.not_regular": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a regular file (a device, pipe or socket); choose a file."
    ),
    "file.too_large": QT_TRANSLATE_NOOP("Errors", "{path} is too large (more than {limit})."),
    "file.not_text": QT_TRANSLATE_NOOP("Errors", "{path} is not UTF-8 text (line {line})."),
    "ledger.broken": QT_TRANSLATE_NOOP("Errors", "The ledger is broken at event {seq}: {detail}"),
    "ledger.users_differ": QT_TRANSLATE_NOOP(
        "Errors", "{count} user account(s) do not match the ledger ({detail}): run verify."
    ),
    "checkpoint.invalid": QT_TRANSLATE_NOOP(
        "Errors", "Checkpoint file {path} is not valid: {detail}"
    ),
    "backup.postgres": QT_TRANSLATE_NOOP(
        "Errors",
        "The console backs up only its SQLite file; back up PostgreSQL with its "
        "own tools: pg_dump -Fc -f FILE DBNAME, and restore with pg_restore "
        "--clean -d DBNAME FILE.",
    ),
    "backup.invalid": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a backup of this console: {detail}"
    ),
    "backup.same_file": QT_TRANSLATE_NOOP(
        "Errors", "{path} is the database itself; restore from a copy."
    ),
    "backup.refused": QT_TRANSLATE_NOOP("Errors", "Backup refused: {path} {detail}."),
    "restore.not_empty": QT_TRANSLATE_NOOP(
        "Errors",
        "The database {url} already holds data; pass --force to replace it with the backup.",
    ),
    "restore.in_use": QT_TRANSLATE_NOOP(
        "Errors",
        "The database {url} is open in a console or another program; close it, then restore again.",
    ),
    # imports
    "import.encoding": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not UTF-8 text (line {line}): save it as “CSV UTF-8”."
    ),
    "import.too_large": QT_TRANSLATE_NOOP(
        "Errors", "{path} is too large to import (more than {limit})."
    ),
    "import.malformed": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a valid CSV file at line {line}: {detail}"
    ),
    "import.empty": QT_TRANSLATE_NOOP("Errors", "{path} has a header but no rows to import."),
    "import.no_header": QT_TRANSLATE_NOOP(
        "Errors", "{path} is empty: the first line must name the columns."
    ),
    "import.columns_missing": QT_TRANSLATE_NOOP("Errors", "{path} lacks the column(s) {columns}."),
    "import.columns_unknown": QT_TRANSLATE_NOOP(
        "Errors", "{path} has unknown column(s) {columns}."
    ),
    "import.columns_repeated": QT_TRANSLATE_NOOP(
        "Errors", "{path} names the column {column} more than once."
    ),
    "import.field_count": QT_TRANSLATE_NOOP(
        "Errors", "The line has {found} fields but the header names {expected}."
    ),
    "import.rejected": QT_TRANSLATE_NOOP(
        "Errors", "{path}: {count} row(s) are not valid; nothing was imported."
    ),
    "import.duplicate": QT_TRANSLATE_NOOP(
        "Errors", "{field} {value} appears more than once in the file (first on line {first})."
    ),
    "import.exists": QT_TRANSLATE_NOOP("Errors", "{field} {value} already exists in the database."),
    "import.code_invalid": QT_TRANSLATE_NOOP(
        "Errors", "{field} {value} is not valid: use letters, digits, - and _ (at most {limit})."
    ),
    "import.adcode_invalid": QT_TRANSLATE_NOOP(
        "Errors", "Administrative code {value} is not valid: use 6 or 12 digits."
    ),
    "import.unknown_partner": QT_TRANSLATE_NOOP("Errors", "There is no partner {value}."),
    "import.unknown_depot": QT_TRANSLATE_NOOP("Errors", "There is no depot {value}."),
    # pricing and coverage
    "pricing.invalid": QT_TRANSLATE_NOOP(
        "Errors", "Pricing file {path} is not valid: {field_path} {detail}."
    ),
    "pricing.no_quote": QT_TRANSLATE_NOOP("Errors", "Request {reference} has no accepted quote."),
    "pricing.billed": QT_TRANSLATE_NOOP(
        "Errors", "Request {reference} is already billed; its quote can no longer change."
    ),
    "pricing.closed": QT_TRANSLATE_NOOP(
        "Errors", "Request {reference} is closed; it can no longer be quoted."
    ),
    "pricing.not_billed": QT_TRANSLATE_NOOP("Errors", "Request {reference} has no bill yet."),
    # users, sign-in and permissions
    "permission.denied": QT_TRANSLATE_NOOP(
        "Errors", "{user} ({role}) is not allowed to do this ({permission})."
    ),
    "crew.not_own_job": QT_TRANSLATE_NOOP(
        "Errors", "Crew {crew} may move only its own current job, not {reference}."
    ),
    "auth.failed": QT_TRANSLATE_NOOP("Errors", "Wrong user name or password."),
    "auth.locked": QT_TRANSLATE_NOOP(
        "Errors", "Too many failed sign-ins: try again in {minutes} minute(s)."
    ),
    "auth.records_differ": QT_TRANSLATE_NOOP(
        "Errors",
        "Account {username} does not match the ledger ({detail}): sign-in refused; "
        "ask an administrator to run verify.",
    ),
    "user.name_invalid": QT_TRANSLATE_NOOP(
        "Errors",
        "User name {value} is not valid: use 2 to 64 lower-case letters, digits, ., _ or -.",
    ),
    "user.exists": QT_TRANSLATE_NOOP("Errors", "There is already a user {username}."),
    "user.self_disable": QT_TRANSLATE_NOOP("Errors", "You cannot disable your own account."),
    "not_found.user": QT_TRANSLATE_NOOP("Errors", "There is no user {key}."),
    "password.length": QT_TRANSLATE_NOOP(
        "Errors", "The password must be {low} to {high} characters long."
    ),
    "password.is_username": QT_TRANSLATE_NOOP("Errors", "The password must not be the user name."),
    "password.mismatch": QT_TRANSLATE_NOOP("Errors", "The two passwords are not the same."),
    # service quality
    "quality.not_completed": QT_TRANSLATE_NOOP(
        "Errors",
        "Request {reference} is not completed; follow-ups are for completed jobs.",
    ),
    "satisfaction.exists": QT_TRANSLATE_NOOP(
        "Errors", "Request {reference} already has a satisfaction score."
    ),
    "not_found.complaint": QT_TRANSLATE_NOOP("Errors", "There is no complaint {key}."),
    "complaint.closed": QT_TRANSLATE_NOOP("Errors", "Complaint {key} is already closed."),
    "complaint.answered": QT_TRANSLATE_NOOP("Errors", "Complaint {key} has already been answered."),
    "complaint.changed": QT_TRANSLATE_NOOP(
        "Errors", "Complaint {key} was changed by someone else; refresh and try again."
    ),
    "report.day_invalid": QT_TRANSLATE_NOOP(
        "Errors", "Report day {value} is not valid: use YYYY-MM-DD."
    ),
}
"""Message code -> English template, identical to ``console.core.errors.MESSAGES``."""

# Parameters whose values are vocabulary codes and so get a display label too.
_ENUM_PARAMS: dict[str, type[StrEnum]] = {
    "from_status": RequestStatus,
    "to_status": RequestStatus,
    "status": CrewStatus,
    "service": ServiceType,
}


def label_source(member: StrEnum) -> str | None:
    """The untranslated English label of ``member``, or ``None`` if it has none."""
    return _LABELS.get((type(member), member.value))


def label(member: StrEnum) -> str:
    """The display label of a vocabulary member in the current language.

    An unlabelled member (a code added without a label) shows its code rather
    than breaking the view; the translation test catches it before release.
    """
    source = label_source(member)
    if source is None:
        logger.warning("no label for %s.%s", type(member).__name__, member.name)
        return member.value
    return QCoreApplication.translate(LABELS_CONTEXT, source)


def field_label(code: str) -> str:
    """The display name of a field code (e.g. ``"caller_phone"``), or the code itself."""
    source = FIELD_LABELS.get(code)
    if source is None:
        return code
    return QCoreApplication.translate(LABELS_CONTEXT, source)


def event_kind_label(kind: str) -> str:
    """The display name of a ledger event kind, or the kind itself when it has none."""
    source = EVENT_KIND_LABELS.get(kind)
    if source is None:
        return kind
    return QCoreApplication.translate(LABELS_CONTEXT, source)


def _display_param(name: str, value: Any) -> Any:
    enum_type = _ENUM_PARAMS.get(name)
    if enum_type is None or not isinstance(value, str):
        return value
    try:
        return label(enum_type(value))
    except ValueError:
        return value


def error_text(err: DomainError) -> str:
    """The message of ``err`` in the current language, parameters filled in."""
    source = ERROR_TEMPLATES.get(err.code)
    if source is None:
        logger.warning("no translation entry for message code %s", err.code)
        return err.english()
    template = QCoreApplication.translate(ERRORS_CONTEXT, source)
    values = {name: _display_param(name, value) for name, value in err.params.items()}
    if err.field is not None:
        values.setdefault("field", field_label(err.field))
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


_CJK_MNEMONIC = re.compile(r"\s*\(&\w\)")
"""A mnemonic appended in brackets, as Chinese menus write it: "新来电(&N)"."""


def without_mnemonic(text: str) -> str:
    """Menu text as a plain label: "刷新(&R)" -> "刷新", "&Refresh" -> "Refresh".

    "&&" stays a literal "&".
    """
    text = _CJK_MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
