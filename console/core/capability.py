"""Capability rules as data: which crews may serve which request.

The rules live in ``resources/dispatch/capabilities.json`` (a centre may point
to its own file). Every rule whose service and conditions match a request
applies: the allowed vehicle kinds are intersected, required and preferred
skills are added up, and ``no_crew`` marks services handled by phone.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from console.core.errors import ConfigError, DomainError
from console.core.inputs import parse_json, read_text
from console.core.vocab import (
    CallerLanguage,
    Powertrain,
    ServiceType,
    Skill,
    VehicleClass,
    VehicleKind,
)
from console.paths import resource_path

CONDITION_FIELDS: dict[str, type[Any]] = {
    "powertrain": Powertrain,
    "vehicle_class": VehicleClass,
    "caller_language": CallerLanguage,
    "awd": bool,
}
"""Request fields a rule may test, and the type of their values."""

ANY_SERVICE = "*"


@dataclass(frozen=True, slots=True)
class VehicleFacts:
    """What a rule can know about a request."""

    service: ServiceType
    powertrain: Powertrain
    vehicle_class: VehicleClass
    awd: bool
    caller_language: CallerLanguage


@dataclass(frozen=True, slots=True)
class Rule:
    """One line of the rules table."""

    index: int
    service: ServiceType | None
    when: Mapping[str, frozenset[str] | bool]
    kinds: frozenset[VehicleKind] | None
    skills: frozenset[Skill]
    prefer: frozenset[Skill]
    no_crew: bool
    note: str

    def applies_to(self, facts: VehicleFacts) -> bool:
        """True when the service matches and every condition holds."""
        if self.service is not None and self.service is not facts.service:
            return False
        for name, expected in self.when.items():
            value = getattr(facts, name)
            if isinstance(expected, bool):
                if value is not expected:
                    return False
            elif str(value) not in expected:
                return False
        return True


@dataclass(frozen=True, slots=True)
class Needs:
    """What a request requires of a crew."""

    no_crew: bool
    kinds: frozenset[VehicleKind]
    skills: frozenset[Skill]
    prefer: frozenset[Skill]
    rules: tuple[int, ...]


class CapabilityRules:
    """The parsed, validated rules table."""

    def __init__(self, rules: Sequence[Rule], source: str = "<rules>") -> None:
        self.rules = tuple(rules)
        self.source = source
        self._needs = lru_cache(maxsize=4096)(self._compute_needs)
        # Every possible request must be servable: a hole in the table would
        # leave a caller with no crew ever suggested.
        combinations = itertools.product(
            ServiceType, Powertrain, VehicleClass, (False, True), CallerLanguage
        )
        for facts in map(_facts, combinations):
            needs = self.needs(facts)
            if not needs.no_crew and not needs.kinds:
                raise ConfigError(
                    "config.invalid",
                    path=source,
                    detail=f"no vehicle kind can serve {facts.service.value} for "
                    f"{facts.powertrain.value} {facts.vehicle_class.value}"
                    + (" AWD" if facts.awd else ""),
                )

    def needs(self, facts: VehicleFacts) -> Needs:
        """Combine every rule that applies to ``facts`` (cached)."""
        return self._needs(facts)

    def _compute_needs(self, facts: VehicleFacts) -> Needs:
        kinds: frozenset[VehicleKind] = frozenset(VehicleKind)
        skills: set[Skill] = set()
        prefer: set[Skill] = set()
        matched: list[int] = []
        no_crew = False
        for rule in self.rules:
            if not rule.applies_to(facts):
                continue
            matched.append(rule.index)
            no_crew = no_crew or rule.no_crew
            if rule.kinds is not None:
                kinds = kinds & rule.kinds
            skills |= rule.skills
            prefer |= rule.prefer
        if not any(self.rules[i].kinds is not None for i in matched):
            kinds = frozenset()
        return Needs(no_crew, kinds, frozenset(skills), frozenset(prefer - skills), tuple(matched))

    @classmethod
    def from_document(cls, document: Any, source: str) -> CapabilityRules:
        """Parse and validate a rules document; ConfigError names the bad rule."""
        if not isinstance(document, Mapping) or not isinstance(document.get("rules"), list):
            raise ConfigError("config.invalid", path=source, detail='expected {"rules": [...]}')
        return cls([_rule(i, item, source) for i, item in enumerate(document["rules"])], source)

    @classmethod
    def load(cls, path: Path) -> CapabilityRules:
        """Read a rules file."""
        try:
            document = parse_json(read_text(path))
        except DomainError as exc:
            raise ConfigError("config.invalid", path=str(path), detail=exc.english()) from None
        except ValueError as exc:  # bad JSON, or a DocumentError
            raise ConfigError("config.invalid", path=str(path), detail=str(exc)) from None
        return cls.from_document(document, str(path))

    @staticmethod
    @cache
    def default() -> CapabilityRules:
        """The rules shipped in resources/dispatch/capabilities.json."""
        return CapabilityRules.load(resource_path("dispatch", "capabilities.json"))


def with_equipment(needs: Needs, required: frozenset[VehicleKind]) -> Needs:
    """``needs`` narrowed to the vehicle kinds a request asks for itself.

    When the two have nothing in common the vehicle's own rules win (a heavy
    truck needs a heavy wrecker whatever a script asked for), so a request is
    never left with no crew that may serve it.
    """
    if not required or needs.no_crew:
        return needs
    narrowed = needs.kinds & required
    if not narrowed:
        return needs
    return Needs(needs.no_crew, narrowed, needs.skills, needs.prefer, needs.rules)


def _facts(
    values: tuple[ServiceType, Powertrain, VehicleClass, bool, CallerLanguage],
) -> VehicleFacts:
    return VehicleFacts(*values)


def _codes(source: str, where: str, values: Any, kind: type[Any]) -> frozenset[Any]:
    if not isinstance(values, list) or not values:
        raise ConfigError("config.invalid", path=source, detail=f"{where} must be a non-empty list")
    try:
        return frozenset(kind(v) for v in values)
    except (ValueError, TypeError):
        raise ConfigError(
            "config.invalid", path=source, detail=f"{where} has an unknown value in {values}"
        ) from None


def _rule(index: int, item: Any, source: str) -> Rule:
    where = f"rule {index + 1}"
    if not isinstance(item, Mapping):
        raise ConfigError("config.invalid", path=source, detail=f"{where} must be an object")
    unknown = sorted(
        set(item) - {"service", "when", "kinds", "skills", "prefer", "no_crew", "note"}
    )
    if unknown:
        raise ConfigError(
            "config.invalid", path=source, detail=f"{where} has unknown key {unknown[0]!r}"
        )
    raw_service = item.get("service")
    try:
        service = None if raw_service == ANY_SERVICE else ServiceType(str(raw_service))
    except ValueError:
        raise ConfigError(
            "config.invalid", path=source, detail=f"{where} has unknown service {raw_service!r}"
        ) from None
    when: dict[str, frozenset[str] | bool] = {}
    conditions = item.get("when", {})
    if not isinstance(conditions, Mapping):
        raise ConfigError("config.invalid", path=source, detail=f"{where}: when must be an object")
    for name, expected in conditions.items():
        kind = CONDITION_FIELDS.get(name)
        if kind is None:
            raise ConfigError(
                "config.invalid", path=source, detail=f"{where} tests unknown field {name!r}"
            )
        if kind is bool:
            if not isinstance(expected, bool):
                raise ConfigError(
                    "config.invalid", path=source, detail=f"{where}: {name} must be true or false"
                )
            when[name] = expected
        else:
            when[name] = frozenset(
                str(v) for v in _codes(source, f"{where} {name}", expected, kind)
            )
    no_crew = item.get("no_crew", False)
    if not isinstance(no_crew, bool):
        raise ConfigError(
            "config.invalid", path=source, detail=f"{where}: no_crew must be true or false"
        )
    kinds = (
        _codes(source, f"{where} kinds", item["kinds"], VehicleKind) if "kinds" in item else None
    )
    return Rule(
        index=index,
        service=service,
        when=when,
        kinds=kinds,
        skills=_codes(source, f"{where} skills", item["skills"], Skill)
        if "skills" in item
        else frozenset(),
        prefer=_codes(source, f"{where} prefer", item["prefer"], Skill)
        if "prefer" in item
        else frozenset(),
        no_crew=no_crew,
        note=str(item.get("note", "")),
    )
