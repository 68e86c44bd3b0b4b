"""Field validation: what dispatchers may type, and what they are told when it is wrong."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.errors import MESSAGES, DomainError, ValidationError
from console.core.intake import RequestDraft, clean_request
from console.core.validation import (
    normalise_phone,
    normalise_plate,
    require_text,
    validate_coordinates,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("010-62345678", "010-62345678"),
        ("0571 8765 4321", "0571-87654321"),
        ("(021) 6123 4567", "021-61234567"),
        ("+86 571 87654321", "0571-87654321"),
        ("400-810-0100", "4008100100"),
        ("+44 7911 123456", "+447911123456"),
        ("+1 (415) 555-2671", "+14155552671"),
    ],
)
def test_phone_numbers_are_normalised(raw: str, expected: str) -> None:
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["12345", "1381234567", "23812345678", "+86 123", "0571-1234", "phone", "+0123456789", "110"],
)
def test_bad_phone_numbers_are_refused_with_the_value(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_phone(raw)
    assert caught.value.code == "phone.invalid"
    assert raw in caught.value.english()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("浙A12345", "浙A12345"),
        ("浙a·12345", "浙A12345"),
        ("京 N 8P8F8", "京N8P8F8"),
        ("粤BD12345", "粤BD12345"),  # new-energy small car
        ("沪A12345D", "沪A12345D"),  # new-energy large vehicle
        ("苏E1234挂", "苏E1234挂"),
        ("", ""),
    ],
)
def test_plates_are_normalised(raw: str, expected: str) -> None:
    assert normalise_plate(raw) == expected


@pytest.mark.parametrize("raw", ["ABC123", "浙I12345", "浙A1234", "浙A1234567", "X浙12345"])
def test_bad_plates_are_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_plate(raw)
    assert caught.value.code == "plate.invalid"


def test_coordinates_accept_text_and_check_ranges() -> None:
    assert validate_coordinates("30.25", " 120.16 ") == (30.25, 120.16)
    for lat, lon, code in [(91, 0, "coord.lat_range"), (0, 181, "coord.lon_range"), ("x", 0, "field.not_a_number"),
                           (float("inf"), 0, "field.not_a_number"), (None, 0, "field.required"),
                           (True, 0, "field.not_a_number")]:  # fmt: skip
        with pytest.raises(ValidationError) as caught:
            validate_coordinates(lat, lon)
        assert caught.value.code == code


def test_text_limits_and_control_characters() -> None:
    assert require_text("notes", "  ok  ", limit=10) == "ok"
    with pytest.raises(ValidationError, match="too long"):
        require_text("notes", "x" * 11, limit=10)
    with pytest.raises(ValidationError):
        require_text("notes", "a\u202eb", limit=10)  # right-to-left override
    with pytest.raises(ValidationError):
        require_text("notes", " ", limit=10)


@given(st.text(max_size=60))
def test_any_text_as_phone_is_either_accepted_or_a_typed_error(raw: str) -> None:
    try:
        normalise_phone(raw)
    except ValidationError as exc:
        assert exc.code in MESSAGES


@given(
    st.fixed_dictionaries(
        {
            "caller_phone": st.text(max_size=30),
            "lat": st.one_of(st.floats(), st.text(max_size=10), st.none()),
            "lon": st.one_of(st.floats(), st.integers()),
            "service_type": st.text(max_size=12),
            "plate": st.text(max_size=12),
            "notes": st.text(max_size=3000),
        }
    )
)
def test_any_draft_is_either_clean_or_a_typed_error(values: dict[str, object]) -> None:
    try:
        clean = clean_request(RequestDraft(**values))  # type: ignore[arg-type]
    except DomainError as exc:
        assert exc.code in MESSAGES and exc.field
    else:
        assert -90 <= clean.lat <= 90


def test_every_message_code_formats_in_english() -> None:
    for code in MESSAGES:
        assert DomainError(code).english()
