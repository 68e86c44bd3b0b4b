"""Tariff, coverage and quote maths: worked examples in exact decimals, boundaries included."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from console.core.coverage import (
    Coverage,
    CoverageStatus,
    Entitlement,
    Extra,
    Programme,
    ProgrammeKind,
    decide,
    load_programmes,
    matches,
)
from console.core.errors import ConfigError
from console.core.pricing import check_file, load_book
from console.core.quote import (
    DifferenceKind,
    JobFacts,
    LineKind,
    bill_csv,
    bill_document,
    explain,
    price,
    started_km,
    winch_blocks,
)
from console.core.tariff import load_tariff, money, parse_tariff
from console.core.vocab import Powertrain, RoadType, ServiceType, VehicleClass
from console.paths import resource_path

D = Decimal
PRICING = resource_path("pricing")
BOOK = load_book(PRICING)
TARIFF = BOOK.tariff
EV = BOOK.programmes["MAKER-EV"]
NOON = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
ENTITLEMENT = Entitlement(
    id=1, programme="MAKER-EV", holder="林晓", number="EV-0001", plate="浙A D12345",
    vin="LGXCE4CB0N0123456", valid_from=date(2026, 1, 1), valid_to=date(2026, 12, 31),
)  # fmt: skip


def shanghai(hour: int, minute: int) -> datetime:
    """A moment on 23 Nov 2026 at hour:minute Beijing time, as UTC."""
    return datetime(2026, 11, 23, hour, minute, tzinfo=TARIFF.timezone).astimezone(UTC)


def tow(km: str, *, at: datetime = NOON, **changes: Any) -> JobFacts:
    values: dict[str, Any] = {
        "service": ServiceType.TOW, "at": at, "road_type": RoadType.URBAN,
        "vehicle_class": VehicleClass.CAR, "tow_km": D(km),
    }  # fmt: skip
    values.update(changes)
    return JobFacts(**values)


def covered(uses: int = 0, on: date = date(2026, 11, 23)) -> Coverage:
    return decide(ENTITLEMENT, EV, service=ServiceType.TOW, powertrain=Powertrain.EV, on=on,
                  uses_this_year=uses)  # fmt: skip


# ------------------------------------------------------------------ money


def test_money_rounds_half_a_fen_up_and_never_uses_floats() -> None:
    assert money(D("0.005")) == D("0.01")
    assert money(D("0.004")) == D("0.00")
    assert money(D("2.675")) == D("2.68")  # a float would give 2.67
    charge = price(TARIFF, tow("80"), covered())
    assert all(isinstance(line.amount, Decimal) for line in charge.lines)


# ------------------------------------------------------------------ the acceptance example


def test_covered_ev_tow_of_80_km_with_50_included() -> None:
    # Tariff: base ¥300 includes 10 km, then ¥8.00 per km. The programme pays 50 km.
    quote = price(TARIFF, tow("80"), covered())
    base, km = quote.lines
    assert (base.kind, base.amount, base.covered, base.caller) == (
        LineKind.BASE, D("300.00"), D("300.00"), D("0.00"))  # fmt: skip
    assert (km.kind, km.quantity, km.unit_price) == (LineKind.TOW_KM, D(70), D("8.00"))
    assert (km.amount, km.covered, km.caller) == (D("560.00"), D("320.00"), D("240.00"))
    assert (quote.total, quote.covered_total, quote.caller_total) == (
        D("860.00"), D("620.00"), D("240.00"))  # fmt: skip
    assert quote.programme == "MAKER-EV"

    bill = price(TARIFF, tow("83"), covered())
    assert bill.caller_total == D("264.00")
    (difference,) = explain(quote, bill, TARIFF)
    assert difference.kind is DifferenceKind.QUANTITY
    assert (difference.delta, difference.caller_delta) == (D("24.00"), D("24.00"))
    assert difference.english() == (
        "Tow 83 km instead of 80 km: +3 km × ¥8.00 = ¥24.00 (caller's part +¥24.00)"
    )


def test_exactly_the_included_km_costs_the_caller_nothing() -> None:
    charge = price(TARIFF, tow("50"), covered())
    assert charge.caller_total == D("0.00")
    assert charge.covered_total == D("620.00")  # 300 + 40 km x 8
    one_more = price(TARIFF, tow("51"), covered())
    assert one_more.caller_total == D("8.00")


def test_exactly_the_tariffs_included_km_has_no_km_line() -> None:
    assert price(TARIFF, tow("10"), Coverage(CoverageStatus.NO_ENTITLEMENT)).total == D("300.00")
    assert price(TARIFF, tow("10.1"), Coverage(CoverageStatus.NO_ENTITLEMENT)).total == D("308.00")


def test_kilometres_count_as_started_kilometres() -> None:
    assert [started_km(D(k)) for k in ("0", "49.9", "50", "50.01")] == [0, 50, 50, 51]


# ------------------------------------------------------------------ coverage boundaries


def test_policy_valid_on_its_last_day_and_expired_the_day_after() -> None:
    assert covered(on=date(2026, 12, 31)).status is CoverageStatus.COVERED
    expired = covered(on=date(2027, 1, 1))
    assert expired.status is CoverageStatus.EXPIRED
    charge = price(TARIFF, tow("80"), expired)
    assert (charge.covered_total, charge.caller_total) == (D("0.00"), D("860.00"))


def test_not_yet_valid_before_the_first_day() -> None:
    assert covered(on=date(2025, 12, 31)).status is CoverageStatus.NOT_YET_VALID
    assert covered(on=date(2026, 1, 1)).status is CoverageStatus.COVERED


def test_uses_per_year_last_use_covered_then_exhausted() -> None:
    last = covered(uses=3)  # 4 a year, 3 used
    assert (last.status, last.uses_left) == (CoverageStatus.COVERED, 0)
    exhausted = covered(uses=4)
    assert exhausted.status is CoverageStatus.USES_EXHAUSTED
    assert price(TARIFF, tow("80"), exhausted).caller_total == D("860.00")


def test_service_and_vehicle_must_be_covered() -> None:
    fuel = decide(ENTITLEMENT, EV, service=ServiceType.FUEL_DELIVERY, powertrain=Powertrain.EV,
                  on=date(2026, 5, 1), uses_this_year=0)  # fmt: skip
    assert fuel.status is CoverageStatus.SERVICE_NOT_COVERED
    petrol = decide(ENTITLEMENT, EV, service=ServiceType.TOW, powertrain=Powertrain.ICE,
                    on=date(2026, 5, 1), uses_this_year=0)  # fmt: skip
    assert petrol.status is CoverageStatus.VEHICLE_NOT_ELIGIBLE


def test_lookup_by_number_plate_or_vin_tail() -> None:
    assert matches(ENTITLEMENT, "ev-0001")
    assert matches(ENTITLEMENT, "浙AD12345")
    assert matches(ENTITLEMENT, "123456")
    assert matches(ENTITLEMENT, "LGXCE4CB0N0123456")
    assert not matches(ENTITLEMENT, "23456")
    assert not matches(ENTITLEMENT, "")


# ------------------------------------------------------------------ surcharges


@pytest.mark.parametrize(
    ("hour", "minute", "night"),
    [(21, 59, False), (22, 0, True), (23, 59, True), (0, 0, True), (5, 59, True), (6, 0, False)],
)
def test_night_window_22_00_inclusive_to_06_00_exclusive(
    hour: int, minute: int, night: bool
) -> None:
    charge = price(TARIFF, tow("5", at=shanghai(hour, minute)),
                   Coverage(CoverageStatus.NO_ENTITLEMENT))  # fmt: skip
    line = charge.line(LineKind.NIGHT)
    assert (line is not None) is night
    assert charge.total == (D("400.00") if night else D("300.00"))


def test_covered_surcharges_and_the_callers_own() -> None:
    facts = tow("20", at=shanghai(23, 0), road_type=RoadType.EXPRESSWAY,
                vehicle_class=VehicleClass.HEAVY_TRUCK, winch_minutes=16, waiting_minutes=45)  # fmt: skip
    charge = price(TARIFF, facts, covered())
    by_kind = {line.kind: line for line in charge.lines}
    assert by_kind[LineKind.NIGHT].caller == D("0.00")  # EV programme pays night
    assert by_kind[LineKind.EXPRESSWAY].caller == D("0.00")
    assert by_kind[LineKind.HEAVY].caller == D("500.00")
    assert (by_kind[LineKind.WINCH].quantity, by_kind[LineKind.WINCH].caller) == (D(2), D("240.00"))
    assert (by_kind[LineKind.WAITING].quantity, by_kind[LineKind.WAITING].caller) == (
        D(15), D("30.00"))  # fmt: skip
    assert charge.caller_total == D("770.00")


def test_winch_blocks_are_started_quarter_hours() -> None:
    assert [winch_blocks(m) for m in (0, 1, 15, 16, 30, 31)] == [0, 1, 1, 2, 2, 3]


def test_waiting_exactly_the_free_minutes_costs_nothing() -> None:
    free = price(TARIFF, tow("5", waiting_minutes=30), Coverage(CoverageStatus.NO_ENTITLEMENT))
    assert free.line(LineKind.WAITING) is None
    over = price(TARIFF, tow("5", waiting_minutes=31), Coverage(CoverageStatus.NO_ENTITLEMENT))
    assert over.total == D("302.00")


def test_regional_override_longest_code_wins() -> None:
    shenzhen = price(TARIFF, tow("20", region="440305"), Coverage(CoverageStatus.NO_ENTITLEMENT))
    assert (shenzhen.region, shenzhen.total) == ("4403", D("390.00"))  # 300 + 10 x 9
    guangzhou = price(TARIFF, tow("20", region="440100"), Coverage(CoverageStatus.NO_ENTITLEMENT))
    assert (guangzhou.region, guangzhou.total) == (None, D("380.00"))
    shanghai_night = price(TARIFF, tow("20", region="310101", at=shanghai(22, 0)),
                           Coverage(CoverageStatus.NO_ENTITLEMENT))  # fmt: skip
    assert shanghai_night.total == D("600.00")  # 350 + 10 x 10 + 150


def test_added_and_dropped_lines_are_explained() -> None:
    quote = price(TARIFF, tow("20", winch_minutes=15), covered())
    bill = price(TARIFF, tow("20", waiting_minutes=40), covered())
    kinds = {(d.line, d.kind) for d in explain(quote, bill, TARIFF)}
    assert kinds == {(LineKind.WINCH, DifferenceKind.DROPPED),
                     (LineKind.WAITING, DifferenceKind.ADDED)}  # fmt: skip


def test_exports_carry_exact_amounts() -> None:
    quote = price(TARIFF, tow("80"), covered())
    bill = price(TARIFF, tow("83"), covered())
    differences = explain(quote, bill, TARIFF)
    document = bill_document("RA-20261123-0001", quote, bill, differences)
    assert document["bill"]["caller_total"] == "264.00"
    assert "instead of 80 km" in document["differences"][0]["explanation"]
    text = bill_csv("RA-20261123-0001", bill, differences)
    assert "Total,,,884.00,620.00,264.00," in text


# ------------------------------------------------------------------ malformed files


def _tariff_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PRICING / "tariffs.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["services"]["TOW"].update(per_km="eight"), "services.TOW.per_km"),
        (lambda d: d["services"]["TOW"].update(per_km="8.005"), "services.TOW.per_km"),
        (lambda d: d["services"]["TOW"].update(base="-1"), "services.TOW.base"),
        (lambda d: d["services"].pop("LOCKOUT"), "services.LOCKOUT"),
        (
            lambda d: d["surcharges"].update(waiting_free_minutes=True),
            "surcharges.waiting_free_minutes",
        ),
        (lambda d: d["night"].update(start="10pm"), "night.start"),
        (lambda d: d.update(effective_from="soon"), "effective_from"),
        (
            lambda d: d["regions"]["31"]["services"]["TOW"].update(per_km=[]),
            "regions.31.services.TOW.per_km",
        ),
        (lambda d: d["regions"].update(XX={}), "regions.XX"),
        (lambda d: d.update(colour="red"), "colour"),
    ],
)
def test_a_malformed_tariff_is_refused_naming_file_and_field(
    tmp_path: Path, change: Any, field: str
) -> None:
    data = _tariff_data()
    change(data)
    path = tmp_path / "tariffs.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_tariff(path)
    message = caught.value.english()
    assert str(path) in message
    assert f": {field} " in message


def test_broken_json_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "tariffs.json"
    path.write_text('{\n  "version": "1",\n  oops\n}', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tariffs.json is not valid: line 3"):
        load_tariff(path)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda p: p.update(kind="CHARITY"), "programmes[0].kind"),
        (lambda p: p.update(services=["TOW", "TELEPORT"]), "programmes[0].services[1]"),
        (lambda p: p.update(included_tow_km="fifty"), "programmes[0].included_tow_km"),
        (lambda p: p["terms"].pop("zh"), "programmes[0].terms.zh"),
        (lambda p: p.update(valid_to="2020-01-01"), "programmes[0].valid_to"),
    ],
)
def test_a_malformed_programme_is_refused_naming_file_and_field(
    tmp_path: Path, change: Any, field: str
) -> None:
    data = json.loads((PRICING / "programmes.json").read_text(encoding="utf-8"))
    change(data["programmes"][0])
    path = tmp_path / "programmes.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_programmes(path)
    assert str(path) in caught.value.english()
    assert f": {field} " in caught.value.english()


def test_shipped_files_pass_the_check() -> None:
    assert "tariff 2026.1" in check_file(PRICING / "tariffs.json")
    assert "MAKER-EV" in check_file(PRICING / "programmes.json")


def test_tariff_versions_and_terms_in_both_languages() -> None:
    tariff = parse_tariff(_tariff_data(), "tariffs.json")
    assert tariff.effective_from == date(2026, 1, 1)
    assert tariff.terms_zh and tariff.terms_en
    for programme in BOOK.programmes.values():
        assert isinstance(programme, Programme)
        assert programme.terms_zh and programme.terms_en
    assert BOOK.programmes["MEMBER-GOLD"].kind is ProgrammeKind.MEMBERSHIP
    assert Extra.NIGHT in EV.extras


def test_a_stored_charge_reads_back_identical() -> None:
    from console.core.quote import charge_from_dict

    charge = price(TARIFF, tow("83", waiting_minutes=45, at=shanghai(22, 0)), covered())
    assert charge_from_dict(json.loads(json.dumps(charge.as_dict()))) == charge
