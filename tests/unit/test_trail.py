"""Thinning a crew's trail for drawing: bounded, oldest first, the newest fixes whole."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.core.field.trail import TrailPoint, thin_trail

T0 = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


def trail(n: int) -> list[TrailPoint]:
    return [TrailPoint(T0 + timedelta(seconds=5 * i), 30 + i / 1e4, 120.0) for i in range(n)]


def test_a_short_trail_is_kept_whole() -> None:
    points = trail(300)
    assert thin_trail(points, 500) == tuple(points)


def test_a_long_trail_is_thinned_to_the_limit_keeping_the_first_and_newest_fixes() -> None:
    points = trail(5000)
    thinned = thin_trail(points, 500, recent=120)
    assert len(thinned) == 500
    assert thinned[0] == points[0]
    assert thinned[-120:] == tuple(points[-120:])
    assert [p.at for p in thinned] == sorted(p.at for p in thinned)
    assert len(set(thinned)) == 500


def test_a_limit_below_two_points_is_refused() -> None:
    with pytest.raises(ValueError, match="at least two"):
        thin_trail(trail(10), 1)
