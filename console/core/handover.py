"""From intake to guidance: what the form already asked is not asked again.

The intake form opens with the same safety gate as the case-entry script
(where the vehicle is, injuries, smoke or fire, an EV warning, vulnerable
people). When the dispatcher goes on to guide the caller, those answers are
handed over as *known answers*: the script takes them at once, records them
as answered at intake (``case_entry.injuries=no@intake``) and goes on with
the first question the form did not ask. Safety warnings that follow a "yes"
are still shown, to be read out in full.

An unticked box counts as "no": the form's protocol asks every safety
question first, and the derived priority already treats it that way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from console.core.triage import TriageAnswers
from console.core.vocab import RoadType

__all__ = ["GATE_NODES", "GuidanceStart", "intake_answers"]

CASE_ENTRY = "case_entry"
"""The protocol holding the safety gate."""

GATE_NODES = ("position", "injuries", "smoke", "hv_warning", "vulnerable")
"""Case-entry questions the intake form answers (a test checks the shipped scripts have them)."""


@dataclass(frozen=True, slots=True)
class GuidanceStart:
    """A request to guide, with the answers the caller has already given."""

    request_id: int
    known: Mapping[str, str] = field(default_factory=dict)
    """``"protocol.node" -> answer id`` for questions not to be asked again."""


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def intake_answers(answers: TriageAnswers) -> dict[str, str]:
    """The case-entry answers the intake form's safety gate gives.

    Position: a live lane beats everything (the most dangerous place); else
    an expressway means its hard shoulder; else the vehicle is off the lane.
    The EV question only counts where the script asks it (EVs and hybrids).
    """
    if answers.in_live_lane:
        position = "live_lane"
    elif answers.road_type is RoadType.EXPRESSWAY:
        position = "expressway"
    else:
        position = "safe"
    given = {
        "position": position,
        "injuries": _yes(answers.injuries),
        "smoke": _yes(answers.smoke_or_fire),
        "hv_warning": _yes(answers.ev_warning),
        "vulnerable": _yes(answers.vulnerable_occupants),
    }
    return {f"{CASE_ENTRY}.{node}": answer for node, answer in given.items()}
