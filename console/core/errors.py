"""Typed errors that carry a stable message code plus parameters.

Core and service code raise these; the UI turns ``code`` + ``params`` into a
translated sentence (see ``console.ui.labels``), the CLI prints the English
template. A user's mistake is always one of these, never a bare exception.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MESSAGES: dict[str, str] = {
    # validation
    "field.required": "{field} is required.",
    "field.too_long": "{field} is too long (at most {limit} characters).",
    "field.control_chars": "{field} contains invisible control characters.",
    "field.not_a_number": "{field} must be a number.",
    "field.invalid_choice": "{field} has an unknown value: {value}.",
    "field.not_text": "{field} must be text.",
    "field.range": "{field} must be a whole number from {low} to {high}.",
    "field.not_a_time": "{field} must be a date and time with a time zone.",
    "field.not_yes_no": "{field} must be yes or no.",
    "phone.invalid": (
        "Phone number {value} is not valid: use a mainland mobile (11 digits, 1xx), "
        "a landline with area code (0xx-xxxxxxxx) or an international number with +."
    ),
    "plate.invalid": "Plate {value} is not a valid Chinese licence plate.",
    "coord.lat_range": "Latitude {value} is outside -90 to 90.",
    "coord.lon_range": "Longitude {value} is outside -180 to 180.",
    "coord.outside_service_area": "The location {lat}, {lon} is outside the service area (mainland China).",
    "reason.required": "A reason is required.",
    "location.required": "Enter a location or pick a city.",
    # lifecycle and dispatch
    "lifecycle.illegal": "A request cannot move from {from_status} to {to_status}.",
    "lifecycle.needs_crew": "Choose a crew to assign.",
    "lifecycle.service_mismatch": "A {service} request cannot move to {to_status}.",
    "lifecycle.use_operation": "Use the {operation} action to move a request to {to_status}.",
    "crew.not_available": "Crew {crew} is no longer available (now {status}).",
    "crew.changed": "Crew {crew} was changed by someone else; refresh and try again.",
    "crew.busy": "Crew {crew} is on a job and cannot be set to {status} by hand.",
    "crew.status_not_settable": "A crew cannot be set to {status} by hand.",
    "request.changed": "Request {reference} was changed by someone else; refresh and try again.",
    "record.conflict": "Someone else changed this record at the same moment; refresh and try again.",
    "request.no_crew": "Request {reference} has no crew assigned.",
    "not_found.request": "There is no request {key}.",
    "not_found.crew": "There is no crew {key}.",
    # storage and configuration
    "db.url_invalid": "The database address {url} is not valid: {detail}",
    "db.unsupported": "Database {url} is not supported: use sqlite:///FILE or postgresql+psycopg://HOST/DB.",
    "db.unreachable": "Cannot open the database {url}: {detail}",
    "db.outdated": "The database schema is at {current}, this console needs {head}: run `roadside-console db upgrade`.",
    "db.too_new": "The database schema {current} is newer than this console knows; upgrade the console.",
    "db.not_empty": "The database already holds demo data; pass --replace to seed it again.",
    "db.file_missing": (
        "The database file {path} is missing: it was deleted or moved while the console ran. "
        "Nothing more is saved; restore it from a backup and restart the console."
    ),
    "db.file_replaced": (
        "The database file {path} was replaced by another file while the console ran. "
        "Nothing more is saved; restart the console to open the file now there."
    ),
    "db.rescue_failed": "Could not save a rescue copy to {path}: {detail}",
    "db.file_lost": (
        "The database {path} held data before and is now missing or empty: restore it "
        "from a backup, or pass --new-database to start a new one there."
    ),
    "config.invalid": "Configuration file {path} is not valid: {detail}",
    "seed.invalid": "Seed option {option} is not valid: {detail}",
    "seed.data_missing": "Seed data file {path} is missing or damaged: {detail}",
    # records and recovery
    "file.unreadable": "Cannot read {path}: {detail}",
    "file.unwritable": "Cannot write {path}: {detail}",
    "file.exists": "{path} already exists; choose another name or move that file away first.",
    "file.not_regular": "{path} is not a regular file (a device, pipe or socket); choose a file.",
    "file.too_large": "{path} is too large (more than {limit}).",
    "file.not_text": "{path} is not UTF-8 text (line {line}).",
    "ledger.broken": "The ledger is broken at event {seq}: {detail}",
    "ledger.users_differ": (
        "{count} user account(s) do not match the ledger ({detail}): run verify."
    ),
    "checkpoint.invalid": "Checkpoint file {path} is not valid: {detail}",
    "backup.postgres": (
        "The console backs up only its SQLite file; back up PostgreSQL with its own tools: "
        "pg_dump -Fc -f FILE DBNAME, and restore with pg_restore --clean -d DBNAME FILE."
    ),
    "backup.invalid": "{path} is not a backup of this console: {detail}",
    "backup.same_file": "{path} is the database itself; restore from a copy.",
    "backup.refused": "Backup refused: {path} {detail}.",
    "restore.not_empty": "The database {url} already holds data; pass --force to replace it with the backup.",
    "restore.in_use": "The database {url} is open in a console or another program; close it, then restore again.",
    # imports
    "import.encoding": "{path} is not UTF-8 text (line {line}): save it as “CSV UTF-8”.",
    "import.too_large": "{path} is too large to import (more than {limit}).",
    "import.malformed": "{path} is not a valid CSV file at line {line}: {detail}",
    "import.empty": "{path} has a header but no rows to import.",
    "import.no_header": "{path} is empty: the first line must name the columns.",
    "import.columns_missing": "{path} lacks the column(s) {columns}.",
    "import.columns_unknown": "{path} has unknown column(s) {columns}.",
    "import.columns_repeated": "{path} names the column {column} more than once.",
    "import.field_count": "The line has {found} fields but the header names {expected}.",
    "import.rejected": "{path}: {count} row(s) are not valid; nothing was imported.",
    "import.duplicate": "{field} {value} appears more than once in the file (first on line {first}).",
    "import.exists": "{field} {value} already exists in the database.",
    "import.code_invalid": "{field} {value} is not valid: use letters, digits, - and _ (at most {limit}).",
    "import.adcode_invalid": "Administrative code {value} is not valid: use 6 or 12 digits.",
    "import.unknown_partner": "There is no partner {value}.",
    "import.unknown_depot": "There is no depot {value}.",
    # pricing and coverage
    "pricing.invalid": "Pricing file {path} is not valid: {field_path} {detail}.",
    "pricing.no_quote": "Request {reference} has no accepted quote.",
    "pricing.billed": "Request {reference} is already billed; its quote can no longer change.",
    "pricing.closed": "Request {reference} is closed; it can no longer be quoted.",
    "pricing.not_billed": "Request {reference} has no bill yet.",
    # users, sign-in and permissions
    "permission.denied": "{user} ({role}) is not allowed to do this ({permission}).",
    "crew.not_own_job": "Crew {crew} may move only its own current job, not {reference}.",
    "auth.failed": "Wrong user name or password.",
    "auth.locked": "Too many failed sign-ins: try again in {minutes} minute(s).",
    "auth.records_differ": (
        "Account {username} does not match the ledger ({detail}): sign-in refused; "
        "ask an administrator to run verify."
    ),
    "user.name_invalid": "User name {value} is not valid: use 2 to 64 lower-case letters, digits, ., _ or -.",
    "user.exists": "There is already a user {username}.",
    "user.self_disable": "You cannot disable your own account.",
    "not_found.user": "There is no user {key}.",
    "not_found.device": "There is no device {key}.",
    "password.length": "The password must be {low} to {high} characters long.",
    "password.is_username": "The password must not be the user name.",
    "password.mismatch": "The two passwords are not the same.",
    # service quality
    "quality.not_completed": "Request {reference} is not completed; follow-ups are for completed jobs.",
    "satisfaction.exists": "Request {reference} already has a satisfaction score.",
    "not_found.complaint": "There is no complaint {key}.",
    "complaint.closed": "Complaint {key} is already closed.",
    "complaint.answered": "Complaint {key} has already been answered.",
    "complaint.changed": "Complaint {key} was changed by someone else; refresh and try again.",
    "report.day_invalid": "Report day {value} is not valid: use YYYY-MM-DD.",
    # coverage planning
    "plan_moves.invalid": "Plan file {path} cannot be read: {detail}.",
}


class DomainError(Exception):
    """Base class: a failure with a message code that the UI can translate."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        if code not in MESSAGES:
            raise KeyError(f"unknown message code {code!r}")
        self.code = code
        self.field = field
        self.params: Mapping[str, Any] = params
        super().__init__(self.english())

    def english(self) -> str:
        """The message in English, with parameters filled in."""
        values = dict(self.params)
        if self.field is not None:
            values.setdefault("field", self.field)
        try:
            return MESSAGES[self.code].format(**values)
        except (KeyError, IndexError):
            return MESSAGES[self.code]


class ValidationError(DomainError):
    """A value a user entered (or a file supplied) is not acceptable."""


class IllegalTransition(DomainError):
    """The requested lifecycle move is not allowed from the current status."""


class Conflict(DomainError):
    """Someone else changed the record first (e.g. took the crew)."""


class NotFound(DomainError):
    """The record named does not exist."""


class PermissionDenied(DomainError):
    """The acting user's role does not allow the operation."""


class SignInFailed(DomainError):
    """A sign-in was refused: wrong name or password, disabled, or locked out."""


class StorageError(DomainError):
    """The database cannot be reached, opened or is at the wrong schema."""


class ConfigError(DomainError):
    """A configuration file or option is not acceptable."""
