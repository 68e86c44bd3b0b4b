"""Plausible vehicle tracks for simulated devices: each drives a loop around its crew's place.

A loop is a circle of a few kilometres around the crew's seeded position, checked
to lie inside the service area, driven at 30-80 km/h: consecutive fixes are a
few hundred metres apart (no jumps the gateway would refuse) and never leave the
area. Positions come from a formula of the time, so a report costs the load
generator microseconds.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from console.core.geo import ServiceArea

__all__ = ["Device", "Sample", "Tracks", "schedule"]

_EARTH_M = 6_371_000.0


@dataclass(frozen=True, slots=True)
class Device:
    """A simulated device: its secret identifier and the crew whose vehicle it rides in."""

    index: int
    token: str
    device_id: int
    """The registered device's row id (what ``position_fixes.device_id`` holds)."""
    crew_id: int
    lat: float
    lon: float
    """The crew's position: the centre of the device's loop."""


@dataclass(frozen=True, slots=True)
class Sample:
    """One report a device sends."""

    index: int
    token: str
    at_ms: int
    """When the fix was taken (Unix milliseconds)."""
    lat: float
    lon: float
    speed_kn: float
    """Speed in knots, as the OsmAnd protocol carries it."""
    bearing: float


class Tracks:
    """Every device's loop: centre, radius, speed, starting angle and phase in the interval."""

    def __init__(self, devices: Sequence[Device], interval: float, seed: int = 7) -> None:
        rng = np.random.default_rng(seed)
        area = ServiceArea.default()
        self.devices = list(devices)
        self.interval = interval
        n = len(self.devices)
        self.radius_m = np.empty(n)
        self.speed_ms = rng.uniform(30, 80, n) / 3.6
        self.angle0 = rng.uniform(0, 2 * math.pi, n)
        self.clockwise = rng.random(n) < 0.5
        self.phase = rng.uniform(0, interval, n)
        for i, device in enumerate(self.devices):
            self.radius_m[i] = _fitting_radius(area, device.lat, device.lon)

    def sample(self, index: int, at: float) -> Sample:
        """Where device ``index`` is at ``at`` (Unix seconds)."""
        device = self.devices[index]
        radius = float(self.radius_m[index])
        speed = float(self.speed_ms[index])
        turn = speed * at / radius
        angle = float(self.angle0[index]) + (-turn if self.clockwise[index] else turn)
        north, east = radius * math.cos(angle), radius * math.sin(angle)
        lat = device.lat + math.degrees(north / _EARTH_M)
        lon = device.lon + math.degrees(east / (_EARTH_M * math.cos(math.radians(device.lat))))
        heading = math.degrees(angle) + (-90.0 if self.clockwise[index] else 90.0)
        return Sample(
            index=index,
            token=device.token,
            at_ms=int(at * 1000),
            lat=lat,
            lon=lon,
            speed_kn=speed * 3.6 / 1.852,
            bearing=heading % 360.0,
        )


def _fitting_radius(area: ServiceArea, lat: float, lon: float) -> float:
    """The largest of 3 km, 1.5 km, 600 m, 250 m whose circle around the point stays inside.

    Checked on two rings a little inside and outside the circle, 36 points each:
    a coastline can cut between the points of a single ring.
    """
    for radius in (3000.0, 1500.0, 600.0, 250.0):
        ring = (
            (
                lat + math.degrees(r * math.cos(a) / _EARTH_M),
                lon + math.degrees(r * math.sin(a) / (_EARTH_M * math.cos(math.radians(lat)))),
            )
            for r in (radius * 0.9, radius * 1.1)
            for a in np.linspace(0, 2 * math.pi, 36, endpoint=False)
        )
        if all(area.contains(p, q) for p, q in ring):
            return radius
    return 50.0


def schedule(tracks: Tracks, start: float, duration: float) -> Iterator[tuple[float, int]]:
    """``(due time, device index)`` of every report from ``start`` for ``duration``, in time order.

    Device ``i`` reports at ``start + phase[i] + k * interval``.
    """
    order = np.argsort(tracks.phase)
    phases = tracks.phase[order]
    rounds = math.ceil(duration / tracks.interval)
    for k in range(rounds):
        base = start + k * tracks.interval
        for phase, index in zip(phases, order, strict=True):
            due = base + float(phase)
            if due >= start + duration:
                return
            yield due, int(index)
