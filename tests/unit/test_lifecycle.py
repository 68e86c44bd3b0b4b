"""The request state machine of DESIGN.md."""

from __future__ import annotations

import itertools

import pytest

from console.core import lifecycle
from console.core.errors import IllegalTransition
from console.core.vocab import OPEN_STATUSES
from console.core.vocab import RequestStatus as S

LEGAL = {
    (S.NEW, S.TRIAGE), (S.TRIAGE, S.RESOLVED_REMOTELY), (S.TRIAGE, S.QUEUED),
    (S.QUEUED, S.ASSIGNED), (S.ASSIGNED, S.EN_ROUTE), (S.EN_ROUTE, S.ON_SCENE),
    (S.ON_SCENE, S.TOWING), (S.ON_SCENE, S.COMPLETED), (S.TOWING, S.COMPLETED),
    (S.ASSIGNED, S.QUEUED), (S.EN_ROUTE, S.QUEUED), (S.QUEUED, S.RESOLVED_REMOTELY),
} | {(s, S.CANCELLED) for s in OPEN_STATUSES}  # fmt: skip


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_exactly_the_designed_moves_are_legal(current: S, target: S) -> None:
    assert lifecycle.can_move(current, target) == ((current, target) in LEGAL)
    if (current, target) not in LEGAL:
        with pytest.raises(IllegalTransition, match=f"from {current.value} to {target.value}"):
            lifecycle.check_move(current, target)


def test_terminal_statuses_are_exactly_the_closed_ones() -> None:
    assert {S.RESOLVED_REMOTELY, S.COMPLETED, S.CANCELLED} == lifecycle.TERMINAL
    assert lifecycle.TERMINAL.isdisjoint(OPEN_STATUSES)
    assert set(S) == lifecycle.TERMINAL | OPEN_STATUSES


@pytest.mark.parametrize("target", [s for s in S if s is not S.NEW])
def test_every_status_is_reachable_by_legal_moves(target: S) -> None:
    path = [S.NEW, *lifecycle.path_to(target)]
    assert path[-1] is target
    for a, b in itertools.pairwise(path):
        assert lifecycle.can_move(a, b)
