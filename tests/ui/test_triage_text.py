"""Stored priority reasons are shown in the dispatcher's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from console.core.triage import TriageAnswers, derive_priority, override_reason
from console.core.vocab import Priority, RoadType
from console.ui.i18n import install_language
from console.ui.triage_text import reason_text


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "zh")
    yield
    install_language(qapp, "en")


STORED = derive_priority(TriageAnswers(injuries=True, road_type=RoadType.EXPRESSWAY)).reason


def test_english_reasons_are_shown_as_stored() -> None:
    assert reason_text(STORED) == "Injuries reported; Vehicle on an expressway"
    assert reason_text("Caller is very upset") == "Caller is very upset"
    assert reason_text("") == ""


def test_known_phrases_are_translated(chinese: None) -> None:
    assert reason_text(STORED) == "有人受伤；车辆在高速公路上"
    assert reason_text("Vehicle on expressway shoulder") == "车辆停在高速公路应急车道"
    # What a dispatcher typed stays as typed.
    assert reason_text("Collision reported; 乘客晕车") == "发生碰撞；乘客晕车"


def test_override_is_explained(qapp: QApplication) -> None:
    stored = override_reason(Priority.P1, Priority.P2, "Parked in a service area")
    assert reason_text(stored) == "Dispatcher override P1 → P2: Parked in a service area"
    install_language(qapp, "zh")
    try:
        assert reason_text(stored) == "调度员调整 P1 → P2：Parked in a service area"
    finally:
        install_language(qapp, "en")
