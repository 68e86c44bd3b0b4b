"""Capability rules as data: who may serve what."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.core.capability import CapabilityRules, VehicleFacts
from console.core.errors import ConfigError
from console.core.vocab import CallerLanguage as L
from console.core.vocab import Powertrain as P
from console.core.vocab import ServiceType as S
from console.core.vocab import Skill
from console.core.vocab import VehicleClass as C
from console.core.vocab import VehicleKind as K

RULES = CapabilityRules.default()


def needs(service: S, powertrain: P = P.ICE, vclass: C = C.CAR, awd: bool = False, lang: L = L.ZH):
    return RULES.needs(VehicleFacts(service, powertrain, vclass, awd, lang))


@pytest.mark.parametrize(
    ("service", "powertrain", "vclass", "awd", "kinds"),
    [
        (S.TOW, P.ICE, C.CAR, False, {K.FLATBED, K.WHEEL_LIFT, K.HEAVY_WRECKER}),
        (S.TOW, P.EV, C.CAR, False, {K.FLATBED}),
        (S.TOW, P.EV, C.SUV, False, {K.FLATBED}),
        (S.TOW, P.ICE, C.SUV, True, {K.FLATBED}),
        (S.TOW, P.HEV, C.CAR, False, {K.FLATBED, K.WHEEL_LIFT, K.HEAVY_WRECKER}),
        (S.TOW, P.ICE, C.HEAVY_TRUCK, False, {K.HEAVY_WRECKER}),
        (S.TOW, P.EV, C.HEAVY_TRUCK, False, {K.HEAVY_WRECKER}),
        (S.EXTRACTION, P.ICE, C.HEAVY_TRUCK, False, {K.HEAVY_WRECKER}),
        (S.TYRE_CHANGE, P.ICE, C.CAR, False, {K.SERVICE_VAN, K.EV_SERVICE_VAN}),
        (S.TYRE_CHANGE, P.ICE, C.HEAVY_TRUCK, False, {K.HEAVY_WRECKER}),
        (S.EV_CHARGING, P.EV, C.CAR, False, {K.EV_SERVICE_VAN}),
        (S.EV_HV_CHECK, P.EV, C.CAR, False, {K.EV_SERVICE_VAN}),
        (S.LOCKOUT, P.ICE, C.CAR, False, {K.SERVICE_VAN, K.EV_SERVICE_VAN}),
    ],
)
def test_allowed_vehicle_kinds(
    service: S, powertrain: P, vclass: C, awd: bool, kinds: set[K]
) -> None:
    assert needs(service, powertrain, vclass, awd).kinds == kinds


def test_an_ev_tow_never_gets_a_wheel_lift_and_a_heavy_truck_never_gets_a_van() -> None:
    for service in S:
        if K.WHEEL_LIFT in needs(service, P.EV).kinds:
            assert service is not S.TOW
        for kind in needs(service, vclass=C.HEAVY_TRUCK).kinds & {K.SERVICE_VAN, K.EV_SERVICE_VAN}:
            assert service not in {S.TOW, S.EXTRACTION, S.TYRE_CHANGE}, kind


def test_high_voltage_work_needs_a_certified_crew_and_remote_guidance_no_crew() -> None:
    assert needs(S.EV_HV_CHECK, P.EV).skills == {Skill.EV_HV_CERTIFIED}
    assert needs(S.REMOTE_GUIDANCE).no_crew
    assert needs(S.TOW, P.EV).prefer == {Skill.EV_HV_CERTIFIED}
    assert needs(S.LOCKOUT, lang=L.EN).prefer == {Skill.BILINGUAL}


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        ([], "expected"),
        ({"rules": [{"service": "TELEPORT", "kinds": ["FLATBED"]}]}, "unknown service 'TELEPORT'"),
        ({"rules": [{"service": "TOW", "kinds": ["ROCKET"]}]}, "rule 1 kinds has an unknown value"),
        (
            {"rules": [{"service": "TOW", "when": {"colour": ["red"]}, "kinds": ["FLATBED"]}]},
            "unknown field 'colour'",
        ),
        ({"rules": [{"service": "TOW", "kinds": ["FLATBED"], "extra": 1}]}, "unknown key 'extra'"),
        ({"rules": [{"service": "TOW", "kinds": []}]}, "non-empty list"),
        (
            {"rules": [{"service": "TOW", "kinds": ["FLATBED"]}]},
            "no vehicle kind can serve JUMP_START",
        ),
        (
            {
                "rules": [
                    {"service": "*", "kinds": ["FLATBED"]},
                    {
                        "service": "TOW",
                        "when": {"vehicle_class": ["HEAVY_TRUCK"]},
                        "kinds": ["HEAVY_WRECKER"],
                    },
                ]
            },
            "no vehicle kind can serve TOW for ICE HEAVY_TRUCK",
        ),
    ],
)
def test_a_bad_rules_file_names_the_problem(
    tmp_path: Path, document: object, fragment: str
) -> None:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        CapabilityRules.load(path)
    assert fragment in caught.value.english()
    assert str(path) in caught.value.english()
