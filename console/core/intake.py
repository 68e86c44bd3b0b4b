"""What a new request is made of, and the checks it must pass before it is stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from console.core.errors import ValidationError
from console.core.geo import ServiceArea
from console.core.validation import (
    normalise_phone,
    normalise_plate,
    parse_choice,
    require_text,
    validate_coordinates,
)
from console.core.vocab import (
    CallerLanguage,
    Powertrain,
    Priority,
    RoadType,
    ServiceType,
    VehicleClass,
)

LIMITS = {
    "caller_name": 100,
    "make_model": 100,
    "address": 300,
    "city": 60,
    "priority_reason": 300,
    "notes": 2000,
}
"""Longest accepted text per field (characters)."""

MAX_GUIDANCE_STEPS = 200
"""Most steps a guidance path may record."""


@dataclass(frozen=True)
class RequestDraft:
    """Raw intake values as a form or an import supplies them (text or codes)."""

    caller_phone: str
    lat: object
    lon: object
    service_type: object
    caller_name: str = ""
    caller_language: object = CallerLanguage.ZH
    plate: str = ""
    make_model: str = ""
    powertrain: object = Powertrain.UNKNOWN
    vehicle_class: object = VehicleClass.CAR
    awd: bool = False
    address: str = ""
    city: str = ""
    road_type: object = RoadType.URBAN
    priority: object = Priority.P2
    priority_reason: str = ""
    notes: str = ""
    guidance_path: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CleanRequest:
    """A draft that passed every check, with normalised values and typed codes."""

    caller_phone: str
    lat: float
    lon: float
    service_type: ServiceType
    caller_name: str
    caller_language: CallerLanguage
    plate: str
    make_model: str
    powertrain: Powertrain
    vehicle_class: VehicleClass
    awd: bool
    address: str
    city: str
    road_type: RoadType
    priority: Priority
    priority_reason: str
    notes: str
    guidance_path: tuple[str, ...]


def clean_request(draft: RequestDraft) -> CleanRequest:
    """Validate every field of ``draft``; raise the first ValidationError found.

    Fields are checked in the order a dispatcher fills them in, so the message
    points at the first field that needs fixing.
    """
    phone = normalise_phone(draft.caller_phone)
    name = require_text(
        "caller_name", draft.caller_name, limit=LIMITS["caller_name"], required=False
    )
    language = parse_choice("caller_language", CallerLanguage, draft.caller_language)
    lat, lon = check_location(draft.lat, draft.lon)
    address = require_text("address", draft.address, limit=LIMITS["address"], required=False)
    city = require_text("city", draft.city, limit=LIMITS["city"], required=False)
    road = parse_choice("road_type", RoadType, draft.road_type)
    plate = normalise_plate(draft.plate)
    make_model = require_text(
        "make_model", draft.make_model, limit=LIMITS["make_model"], required=False
    )
    powertrain = parse_choice("powertrain", Powertrain, draft.powertrain)
    vehicle_class = parse_choice("vehicle_class", VehicleClass, draft.vehicle_class)
    service = parse_choice("service_type", ServiceType, draft.service_type)
    priority = parse_choice("priority", Priority, draft.priority)
    reason = require_text(
        "priority_reason", draft.priority_reason, limit=LIMITS["priority_reason"], required=False
    )
    notes = require_text("notes", draft.notes, limit=LIMITS["notes"], required=False)
    path = _guidance_path(draft.guidance_path)
    if not isinstance(draft.awd, bool):
        raise ValidationError("field.not_yes_no", field="awd")
    return CleanRequest(
        caller_phone=phone,
        lat=lat,
        lon=lon,
        service_type=service,
        caller_name=name,
        caller_language=language,
        plate=plate,
        make_model=make_model,
        powertrain=powertrain,
        vehicle_class=vehicle_class,
        awd=draft.awd,
        address=address,
        city=city,
        road_type=road,
        priority=priority,
        priority_reason=reason,
        notes=notes,
        guidance_path=path,
    )


def draft_errors(draft: RequestDraft) -> tuple[ValidationError, ...]:
    """Every field error of ``draft`` (not just the first), in form order.

    A form shows each message next to its own input; :func:`clean_request`
    stays the gate that decides what is stored.
    """
    checks: list[Callable[[], object]] = [
        lambda: normalise_phone(draft.caller_phone),
        lambda: require_text(
            "caller_name", draft.caller_name, limit=LIMITS["caller_name"], required=False
        ),
        lambda: parse_choice("caller_language", CallerLanguage, draft.caller_language),
        *(
            [lambda: check_location(draft.lat, draft.lon)]
            if _blank(draft.lat) and _blank(draft.lon)
            else [
                lambda: validate_coordinates(draft.lat, 0.0),
                lambda: validate_coordinates(0.0, draft.lon),
            ]
        ),
        lambda: require_text("address", draft.address, limit=LIMITS["address"], required=False),
        lambda: require_text("city", draft.city, limit=LIMITS["city"], required=False),
        lambda: parse_choice("road_type", RoadType, draft.road_type),
        lambda: normalise_plate(draft.plate),
        lambda: require_text(
            "make_model", draft.make_model, limit=LIMITS["make_model"], required=False
        ),
        lambda: parse_choice("powertrain", Powertrain, draft.powertrain),
        lambda: parse_choice("vehicle_class", VehicleClass, draft.vehicle_class),
        lambda: parse_choice("service_type", ServiceType, draft.service_type),
        lambda: parse_choice("priority", Priority, draft.priority),
        lambda: require_text(
            "priority_reason",
            draft.priority_reason,
            limit=LIMITS["priority_reason"],
            required=False,
        ),
        lambda: require_text("notes", draft.notes, limit=LIMITS["notes"], required=False),
    ]
    errors: list[ValidationError] = []
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            errors.append(exc)
    return tuple(errors)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_location(lat: object, lon: object) -> tuple[float, float]:
    """The coordinates, checked; no location at all is one message, not two.

    A dispatcher who has not got to the location yet needs to hear what to do
    ("enter a location or pick a city"), not that two empty boxes are not numbers.
    """
    if _blank(lat) and _blank(lon):
        raise ValidationError("location.required", field="lat")
    return validate_coordinates(lat, lon)


def _guidance_path(steps: object) -> tuple[str, ...]:
    """The guidance steps taken, each a short code; a lone string is not a path."""
    if not isinstance(steps, (tuple, list)) or len(steps) > MAX_GUIDANCE_STEPS:
        raise ValidationError("field.not_text", field="guidance_path")
    return tuple(require_text("guidance_path", step, limit=64) for step in steps)


def location_warnings(
    lat: float, lon: float, area: ServiceArea | None = None
) -> tuple[ValidationError, ...]:
    """Warnings (not errors) about a valid location: outside the service area.

    A caller just across a border or on a sea bridge is still helped, so the
    dispatcher is warned and decides; the warning is kept in the ledger.
    """
    region = area or ServiceArea.default()
    if region.contains(lat, lon):
        return ()
    return (
        ValidationError(
            "coord.outside_service_area", field="lat", lat=round(lat, 5), lon=round(lon, 5)
        ),
    )
