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
    "phone.invalid": (
        "Phone number {value} is not valid: use a mainland mobile (11 digits, 1xx), "
        "a landline with area code (0xx-xxxxxxxx) or an international number with +."
    ),
    "plate.invalid": "Plate {value} is not a valid Chinese licence plate.",
    "coord.lat_range": "Latitude {value} is outside -90 to 90.",
    "coord.lon_range": "Longitude {value} is outside -180 to 180.",
    "coord.outside_service_area": "The location {lat}, {lon} is outside the service area (mainland China).",
    "reason.required": "A reason is required.",
    # lifecycle and dispatch
    "lifecycle.illegal": "A request cannot move from {from_status} to {to_status}.",
    "lifecycle.needs_crew": "Choose a crew to assign.",
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
    "config.invalid": "Configuration file {path} is not valid: {detail}",
    "seed.invalid": "Seed option {option} is not valid: {detail}",
    "seed.data_missing": "Seed data file {path} is missing or damaged: {detail}",
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


class StorageError(DomainError):
    """The database cannot be reached, opened or is at the wrong schema."""


class ConfigError(DomainError):
    """A configuration file or option is not acceptable."""
