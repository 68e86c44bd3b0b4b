"""An intake without a location is told to give one, in one message."""

from __future__ import annotations

import pytest

from console.core.errors import ValidationError
from console.core.intake import RequestDraft, check_location, clean_request, draft_errors


def draft(lat: object, lon: object) -> RequestDraft:
    return RequestDraft(caller_phone="13812345678", lat=lat, lon=lon, service_type="TOW")


@pytest.mark.parametrize(("lat", "lon"), [("", ""), ("  ", ""), (None, None)])
def test_no_location_at_all_is_one_location_required_error(lat: object, lon: object) -> None:
    errors = draft_errors(draft(lat, lon))
    assert [e.code for e in errors] == ["location.required"]
    assert errors[0].english() == "Enter a location or pick a city."
    with pytest.raises(ValidationError) as refused:
        clean_request(draft(lat, lon))
    assert refused.value.code == "location.required"


def test_half_a_location_still_names_the_missing_number() -> None:
    assert [e.code for e in draft_errors(draft("30.2", ""))] == ["field.not_a_number"]
    assert check_location("30.25", "120.16") == (30.25, 120.16)
