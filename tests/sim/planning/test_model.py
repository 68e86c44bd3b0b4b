"""The covering model on instances small enough to solve by hand."""

from __future__ import annotations

import numpy as np
import pytest

from console.sim.planning.model import (
    CoverCosts,
    CoverInstance,
    expected_coverage,
    reskill_edges,
    solve,
)

A, B, C = 0, 1, 2
VAN, FLATBED = 0, 1
COSTS = CoverCosts(move=0.1, reskill=0.1, addition=0.1)


def three_depots() -> CoverInstance:
    """Three depots A, B, C; a van and a flatbed type; four demand points.

    ======  ======  ==========  =========  ===========
    point   calls   capable     depots     level values
    ======  ======  ==========  =========  ===========
    p0      4       van         A, B       1, 0.5
    p1      3       flatbed     B, C       1, 0
    p2      2       either      C          1, 0.5
    p3      1       flatbed     A          1, 0
    ======  ======  ==========  =========  ===========

    Today: a van at A, a van at B, the flatbed at A: p0 has two vans (4 x 1.5 = 6),
    p3 the flatbed (1), p1 and p2 nothing: 7 expected covered calls.
    """
    return CoverInstance(
        type_kind=np.array([VAN, FLATBED]),
        type_skills=[frozenset(), frozenset()],
        today=np.array([[1, 1, 0], [1, 0, 0]]),
        weight=np.array([4.0, 3.0, 2.0, 1.0]),
        values=np.array([[1.0, 0.5], [1.0, 0.0], [1.0, 0.5], [1.0, 0.0]]),
        capable=[
            frozenset({VAN}),
            frozenset({FLATBED}),
            frozenset({VAN, FLATBED}),
            frozenset({FLATBED}),
        ],
        covering=[np.array([A, B]), np.array([B, C]), np.array([C]), np.array([A])],
    )


def test_today_covers_seven_expected_calls() -> None:
    instance = three_depots()
    assert expected_coverage(instance, instance.today).tolist() == [6.0, 0.0, 0.0, 1.0]


def test_move_only_sends_the_flatbed_to_c_and_keeps_the_vans() -> None:
    """Flatbed at C covers p1 (3) and p2's first level (2); the vans at A and B keep p0
    at two levels (6): 11. The alternatives, by hand: flatbed at B -> 9, flatbed at A -> 7,
    a van to C instead of p0's second level -> 10. One move costs 0.1: 10.9."""
    solution = solve(three_depots(), costs=COSTS, budget=0)
    assert solution.crews.tolist() == [[1, 1, 0], [0, 0, 1]]
    assert solution.covered == pytest.approx(11.0)
    assert solution.objective == pytest.approx(10.9)
    assert solution.added.tolist() == [0, 0]
    assert solution.gap == pytest.approx(0.0, abs=1e-6)


def test_a_budget_of_one_adds_a_flatbed_at_c_and_moves_nothing() -> None:
    """A new flatbed at C covers p1 and p2 (5) while the old one stays for p3: 12,
    less one addition (0.1) = 11.9. Moving the old flatbed to C and adding a van
    there also covers 12 but pays a move too (11.8); 13 would need five crews."""
    solution = solve(three_depots(), costs=COSTS, budget=1)
    assert solution.crews.tolist() == [[1, 1, 0], [1, 0, 1]]
    assert solution.added.tolist() == [0, 1]
    assert solution.covered == pytest.approx(12.0)
    assert solution.objective == pytest.approx(11.9)


def test_a_crew_is_trained_where_a_skill_is_needed_rather_than_moved() -> None:
    """One van at A without the skill; one call a day at A needs it: train it (1 - 0.1)."""
    instance = CoverInstance(
        type_kind=np.array([VAN, VAN]),
        type_skills=[frozenset(), frozenset({"BILINGUAL"})],
        today=np.array([[1, 0], [0, 0]]),
        weight=np.array([1.0]),
        values=np.array([[1.0]]),
        capable=[frozenset({1})],
        covering=[np.array([A])],
    )
    solution = solve(instance, costs=COSTS)
    assert solution.crews.tolist() == [[0, 0], [1, 0]]
    assert solution.reskills == {(0, 1): 1}
    assert solution.objective == pytest.approx(0.9)


def test_nothing_moves_when_no_move_gains_more_than_it_costs() -> None:
    instance = three_depots()
    costly = CoverCosts(move=5.0, reskill=5.0, addition=5.0)
    solution = solve(instance, costs=costly)
    assert solution.crews.tolist() == instance.today.tolist()
    assert solution.objective == pytest.approx(7.0)


def test_reskilling_only_adds_skills_within_one_vehicle_kind() -> None:
    kinds = np.array([VAN, VAN, FLATBED])
    skills = [frozenset(), frozenset({"BILINGUAL"}), frozenset({"BILINGUAL"})]
    assert reskill_edges(kinds, skills) == [(0, 1)]
