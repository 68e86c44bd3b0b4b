"""Field validation at the edges: phone numbers, plates, coordinates, text.

Each validator returns the normalised value or raises
:class:`console.core.errors.ValidationError` with a message code and the field
name, so the UI can show a translated message next to the right input.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from console.core.errors import ValidationError

_PHONE_SEPARATORS = re.compile(r"[\s\-().·]")
_MAINLAND_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area codes: 010 and 02x are three digits long; all others are four (0xxx).
_LANDLINE = re.compile(r"(?P<area>0(?:10|2\d|[3-9]\d{2}))(?P<number>[2-9]\d{6,7})")
_SERVICE_NUMBER = re.compile(r"[48]00\d{7}")
_INTERNATIONAL = re.compile(r"\+(?P<digits>[1-9]\d{6,14})")

_PROVINCE_ABBREVIATIONS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# Letters I and O are never used on Chinese plates (confusable with 1 and 0).
_PLATE_LETTER = "A-HJ-NP-Z"
_PLATE = re.compile(
    rf"[{_PROVINCE_ABBREVIATIONS}][{_PLATE_LETTER}]"
    rf"(?:[{_PLATE_LETTER}0-9]{{5}}|[DF][{_PLATE_LETTER}0-9]{{5}}|[0-9]{{5}}[DF]"
    rf"|[{_PLATE_LETTER}0-9]{{4}}[挂学警港澳领试超])"
)
_EMBASSY_PLATE = re.compile(r"(?:使[0-9]{6}|[0-9]{6}使|[京沪粤][0-9A-Z]{4}领)")
_PLATE_SEPARATORS = re.compile(r"[\s\-·•.]")

E = TypeVar("E", bound=StrEnum)


def require_text(field: str, value: object, *, limit: int, required: bool = True) -> str:
    """Strip ``value``; reject non-text, control characters, over-long or (if required) empty text."""
    if value is not None and not isinstance(value, str):
        raise ValidationError("field.not_text", field=field)
    text = (value or "").strip()
    if required and not text:
        raise ValidationError("field.required", field=field)
    if len(text) > limit:
        raise ValidationError("field.too_long", field=field, limit=limit)
    for char in text:
        if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"} and char not in "\n\t":
            raise ValidationError("field.control_chars", field=field)
    return text


def normalise_phone(value: str | None, field: str = "caller_phone") -> str:
    """Normalise a caller's phone number or raise ``phone.invalid``.

    Accepted: mainland mobiles (``13812345678``, optionally ``+86``/``0086``),
    landlines with area code (``0571-87654321``, ``010 1234 5678``), 400/800
    service numbers and international numbers written with ``+``.
    Returns ``13812345678``, ``0571-87654321``, ``4008123123`` or ``+447911123456``.
    """
    raw = require_text(field, value, limit=40)
    compact = _PHONE_SEPARATORS.sub("", raw)
    if compact.startswith("0086"):
        compact = "+86" + compact[4:]
    if compact.startswith("+86"):
        national = compact[3:]
        if _MAINLAND_MOBILE.fullmatch(national):
            return national
        # In international form a landline drops its trunk 0: +86 571 87654321.
        landline = _LANDLINE.fullmatch("0" + national)
        if landline:
            return f"{landline['area']}-{landline['number']}"
        raise ValidationError("phone.invalid", field=field, value=brief(raw))
    if _MAINLAND_MOBILE.fullmatch(compact) or _SERVICE_NUMBER.fullmatch(compact):
        return compact
    landline = _LANDLINE.fullmatch(compact)
    if landline:
        return f"{landline['area']}-{landline['number']}"
    international = _INTERNATIONAL.fullmatch(compact)
    if international:
        return "+" + international["digits"]
    raise ValidationError("phone.invalid", field=field, value=brief(raw))


def normalise_plate(value: str | None, field: str = "plate", *, required: bool = False) -> str:
    """Normalise a Chinese licence plate (``浙A·12345`` -> ``浙A12345``).

    An empty plate is allowed unless ``required`` (callers often do not know it).
    """
    raw = require_text(field, value, limit=16, required=required)
    if not raw:
        return ""
    plate = _PLATE_SEPARATORS.sub("", raw).upper()
    if _PLATE.fullmatch(plate) or _EMBASSY_PLATE.fullmatch(plate):
        return plate
    raise ValidationError("plate.invalid", field=field, value=brief(raw))


def to_float(field: str, value: object) -> float:
    """Convert text or a number to a finite float, or raise ``field.not_a_number``."""
    if isinstance(value, bool) or value is None:
        raise ValidationError(
            "field.required" if value is None else "field.not_a_number", field=field
        )
    try:
        number = float(value.strip() if isinstance(value, str) else value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise ValidationError("field.not_a_number", field=field, value=brief(value)) from None
    if not math.isfinite(number):
        raise ValidationError("field.not_a_number", field=field, value=brief(value))
    return number


def whole_number(field: str, value: object, low: int, high: int) -> int:
    """``value`` if it is a whole number (``int``, not ``bool``) from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError("field.range", field=field, low=low, high=high)
    return value


def aware_time(field: str, value: object) -> datetime:
    """``value`` if it is a timezone-aware ``datetime``, else ``field.not_a_time``."""
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValidationError("field.not_a_time", field=field)
    return value


def printable(text: str) -> str:
    """``text`` on one line: control characters, line breaks and lone surrogates escaped."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)


def brief(value: object, limit: int = 40) -> str:
    """A short, one-line, printable rendering of a rejected value for a message."""
    text = printable(value if isinstance(value, str) else repr(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def validate_coordinates(lat: object, lon: object) -> tuple[float, float]:
    """Check WGS-84 ranges and return ``(lat, lon)`` as floats."""
    latitude = to_float("lat", lat)
    longitude = to_float("lon", lon)
    if not -90.0 <= latitude <= 90.0:
        raise ValidationError("coord.lat_range", field="lat", value=latitude)
    if not -180.0 <= longitude <= 180.0:
        raise ValidationError("coord.lon_range", field="lon", value=longitude)
    return latitude, longitude


def parse_choice(field: str, enum_type: type[E], value: object) -> E:
    """Turn a stored or typed code into a member of ``enum_type``."""
    if isinstance(value, enum_type):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("field.required", field=field)
    if not isinstance(value, str):
        raise ValidationError("field.invalid_choice", field=field, value=brief(value))
    try:
        return enum_type(value.strip())
    except ValueError:
        raise ValidationError("field.invalid_choice", field=field, value=brief(value)) from None
