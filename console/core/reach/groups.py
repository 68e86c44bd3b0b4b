"""Capability groups: which free crews count as cover for which kind of call.

A group is a predicate over (vehicle kind, skills), kept as data so it can be
evaluated for one crew or, vectorised, for the whole fleet at once. The groups
follow the capability rules (``resources/dispatch/capabilities.json``): any tow
truck tows and extracts, a flatbed is the only way to tow an EV or an AWD car,
a heavy wrecker serves heavy trucks, an EV service van with high-voltage
certification is the only crew for HV checks, service vans do lockouts, jump
starts and tyres, and bilingual crews are preferred for English-speaking callers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from console.core.vocab import Skill, VehicleKind

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class CapabilityGroup:
    """Crews that may cover one kind of call: ``kinds`` (None: any kind) and all of ``skills``."""

    key: str
    kinds: frozenset[VehicleKind] | None
    skills: frozenset[Skill] = frozenset()

    def admits(self, kind: VehicleKind, skills: Iterable[Skill]) -> bool:
        """True when a crew of ``kind`` with ``skills`` belongs to the group."""
        if self.kinds is not None and kind not in self.kinds:
            return False
        return self.skills <= frozenset(skills)


TOW = CapabilityGroup(
    "tow",
    frozenset({VehicleKind.FLATBED, VehicleKind.WHEEL_LIFT, VehicleKind.HEAVY_WRECKER}),
)
FLATBED = CapabilityGroup("flatbed", frozenset({VehicleKind.FLATBED}))
HEAVY = CapabilityGroup("heavy", frozenset({VehicleKind.HEAVY_WRECKER}))
EV = CapabilityGroup(
    "ev", frozenset({VehicleKind.EV_SERVICE_VAN}), frozenset({Skill.EV_HV_CERTIFIED})
)
VAN = CapabilityGroup("van", frozenset({VehicleKind.SERVICE_VAN, VehicleKind.EV_SERVICE_VAN}))
BILINGUAL = CapabilityGroup("bilingual", None, frozenset({Skill.BILINGUAL}))

GROUPS: tuple[CapabilityGroup, ...] = (TOW, FLATBED, HEAVY, EV, VAN, BILINGUAL)
"""The groups the console reports, in display order."""


def group_masks(
    groups: Sequence[CapabilityGroup],
    kinds: Sequence[VehicleKind],
    skills: Sequence[Iterable[Skill]],
) -> BoolArray:
    """A (groups x crews) matrix: True where the crew belongs to the group.

    Kinds and skills are coded once per crew; each group is then two vectorised
    comparisons, whatever the size of the fleet.
    """
    kind_index = {kind: i for i, kind in enumerate(VehicleKind)}
    skill_bit = {skill: 1 << i for i, skill in enumerate(Skill)}
    kind_codes = np.fromiter((kind_index[k] for k in kinds), dtype=np.int64, count=len(kinds))
    masks = np.fromiter(
        (sum(skill_bit[s] for s in set(crew)) for crew in skills), dtype=np.int64, count=len(skills)
    )
    out = np.zeros((len(groups), len(kinds)), dtype=bool)
    for row, group in enumerate(groups):
        required = sum(skill_bit[s] for s in group.skills)
        member = (masks & required) == required
        if group.kinds is not None:
            allowed = np.fromiter((kind_index[k] for k in group.kinds), dtype=np.int64)
            member &= np.isin(kind_codes, allowed)
        out[row] = member
    return out
