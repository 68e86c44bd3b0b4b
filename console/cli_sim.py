"""``python main.py simulate``: run the digital twin and print its KPI table.

Registered by :mod:`console.cli`. Needs no database: the fleet is built in
memory from the same seed data as the demo database.
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from console.config import Settings

if TYPE_CHECKING:
    # The simulator (numpy, scipy) and SQLAlchemy load only for the commands that use
    # them: the console's own start needs neither before the sign-in shows.
    from sqlalchemy import Engine

    from console.sim.live import LiveDemo
    from console.sim.runner import Study

log = logging.getLogger(__name__)

Handler = Callable[[Settings, argparse.Namespace], int]
MAX_REPLICATIONS = 1000


def _policy(text: str) -> str:
    from console.sim.policy import POLICIES
    from console.sim.runner import base_policy

    if base_policy(text) not in POLICIES:
        raise argparse.ArgumentTypeError(
            f"unknown policy {text!r}; choose from {', '.join(POLICIES)} "
            "(NAME@plan: on the --what-if plan's fleet)"
        )
    return text


def _policies(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    if len(names) < 2:
        raise argparse.ArgumentTypeError("give at least two policies, e.g. nearest,suggest")
    if len(set(names)) != len(names):
        raise argparse.ArgumentTypeError("a policy is listed twice")
    return [_policy(name) for name in names]


def _count(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value

    return parse


def _share(low: float, high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not (math.isfinite(value) and low <= value <= high):
            raise argparse.ArgumentTypeError(f"{text} is not between {low:g} and {high:g}")
        return value

    return parse


def add_commands(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``simulate`` to the console's parser."""
    from console.sim.policy import POLICIES

    sim = commands.add_parser(
        "simulate",
        parents=[common],
        help="simulate a day of calls and compare dispatch policies (no database needed)",
    )
    sim.add_argument("--scenario", required=True, help="bundled scenario name or a .yaml file")
    sim.add_argument(
        "--policy", type=_policy, default="suggest", help=f"one of {', '.join(POLICIES)}"
    )
    sim.add_argument(
        "--compare", type=_policies, metavar="P1,P2,...", help="run several policies side by side"
    )
    sim.add_argument("--seed", type=_count(0, 2**63 - 1), default=1, help="random seed")
    sim.add_argument(
        "--replications", type=_count(1, MAX_REPLICATIONS), default=5, help="simulated days"
    )
    sim.add_argument("--json", action="store_true", help="machine-readable output")
    what_if = sim.add_argument_group("what-if")
    what_if.add_argument(
        "--demand-scale", type=_share(0.01, 100), metavar="X", help="multiply the calls"
    )
    what_if.add_argument("--ev-share", type=_share(0, 1), metavar="X", help="share of EVs (0-1)")
    what_if.add_argument(
        "--remove-depot", action="append", default=[], metavar="CODE", help="take a depot out"
    )
    what_if.add_argument("--add-crews", type=_count(0, 100_000), metavar="N", help="reserve crews")
    what_if.add_argument(
        "--remove-crews", type=_count(0, 100_000), metavar="N", help="crews off the roster"
    )
    what_if.add_argument(
        "--what-if",
        type=Path,
        metavar="FILE",
        help="replay a coverage plan (from `plan`); NAME@plan policies run on it",
    )


class ProgressBar:
    """A one-line progress bar on a terminal (nothing when the stream is not a terminal)."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.enabled = stream.isatty()
        self.started = time.monotonic()
        self._last = -1.0

    def __call__(self, what: str, fraction: float) -> None:
        """Redraw at most every half per cent."""
        if not self.enabled or (fraction - self._last < 0.005 and fraction < 1):
            return
        self._last = fraction
        filled = round(self.width * fraction)
        elapsed = time.monotonic() - self.started
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {fraction:4.0%} {what:<16} "
            f"{elapsed:5.0f} s"
        )
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self._last >= 0:
            self.stream.write("\n")
            self.stream.flush()


def cmd_simulate(settings: Settings, args: argparse.Namespace) -> int:
    """Run the study and print the KPI table (or JSON)."""
    from console.sim.runner import base_policy, run_study
    from console.sim.scenario import WhatIf, load_scenario

    scenario = WhatIf(
        demand_scale=args.demand_scale,
        ev_share=args.ev_share,
        remove_depots=tuple(args.remove_depot),
        add_crews=args.add_crews,
        remove_crews=args.remove_crews,
    ).apply(load_scenario(args.scenario))
    policies = args.compare or [args.policy]
    plan = None
    if args.what_if is not None:
        from console.sim.planning.whatif import read_plan

        plan = read_plan(args.what_if)
    elif any(name != base_policy(name) for name in policies):
        print("error: NAME@plan policies run on a plan: give --what-if FILE", file=sys.stderr)
        return 2
    bar = ProgressBar(sys.stderr)
    try:
        study = run_study(
            scenario,
            policies,
            seed=args.seed,
            replications=args.replications,
            sla=settings.sla,
            progress=bar,
            plan=plan,
            plan_source=str(args.what_if),
        )
    finally:
        bar.close()
    print(study.to_json() if args.json else format_table(study))
    return 0


def _cell(mean: float | None, half: float | None, *, signed: bool = False) -> str:
    if mean is None:
        return "-"
    text = f"{mean:+.1f}" if signed else f"{mean:.1f}"
    return f"{text} ± {half:.1f}" if half is not None else text


def format_table(study: Study) -> str:
    """The KPI table: mean ± 95 % CI half-width per policy, then differences to the first."""
    import json

    from console.sim.kpi import label, table_keys

    document = json.loads(study.to_json())
    summaries = document["policies"]
    first = study.policies[0]
    differences = {
        f"{p}-{first}": document["differences"][f"{p}-{first}"] for p in study.policies[1:]
    }
    keys = table_keys(list(summaries[study.policies[0]]))
    headers = ["KPI", *study.policies, *(f"Δ {name}" for name in differences)]
    rows = []
    for key in keys:
        row = [label(key)]
        row += [_cell(summaries[p][key]["mean"], summaries[p][key]["ci95"]) for p in study.policies]
        row += [
            _cell(diff[key]["mean"], diff[key]["ci95"], signed=True)
            for diff in differences.values()
        ]
        rows.append(row)
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = [
        f"{study.scenario.title_en} - seed {study.seed}, {document['replications']} "
        f"replication(s), {study.crews} crews, ~{study.scenario.expected_calls:.0f} calls/day; "
        "mean ± 95 % CI",
        "  ".join(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(headers, widths, strict=True))
        ),
    ]
    lines += [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    if differences:
        lines.append(
            f"Δ: difference to {study.policies[0]} on the same calls (common random numbers)"
        )
    lines += hole_lines(study)
    return "\n".join(lines)


HOLES_SHOWN = 10
"""Coverage holes listed under the table (the JSON has them all)."""


def hole_lines(study: Study) -> list[str]:
    """The "coverage holes" section: the worst (service, city) pairs, calls a day."""
    if not study.holes:
        return ["Coverage holes: none (every request had a capable crew in the fleet)."]
    lines = ["Coverage holes (requests no crew of the fleet can serve), calls a day, worst first:"]
    shown = study.holes[:HOLES_SHOWN]
    width = max(len(hole.service) for hole in shown)
    lines += [
        f"  {hole.service.ljust(width)}  {hole.city} ({hole.province})  {hole.calls_per_day:.1f}"
        for hole in shown
    ]
    if len(study.holes) > HOLES_SHOWN:
        lines.append(f"  ... and {len(study.holes) - HOLES_SHOWN} more (--json lists them all)")
    return lines


COMMANDS: dict[str | None, Handler] = {"simulate": cmd_simulate}
"""Sub-command name -> handler, merged into ``console.cli.COMMANDS``."""


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(value) and 0.1 <= value <= 1000):
        raise argparse.ArgumentTypeError(f"{text} is not between 0.1 and 1000")
    return value


def add_demo_options(parser: argparse.ArgumentParser) -> None:
    """``--demo`` / ``--no-demo`` / ``--demo-speed`` for the console window."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--demo",
        dest="demo",
        action="store_true",
        default=None,
        help="run the live digital-twin demo (default: on for an embedded SQLite database)",
    )
    group.add_argument(
        "--no-demo", dest="demo", action="store_false", help="do not run the live demo"
    )
    parser.add_argument(
        "--demo-speed",
        type=_speed,
        default=DEFAULT_DEMO_SPEED,
        metavar="X",
        help=f"demo time runs X times faster than real time (default {DEFAULT_DEMO_SPEED:g})",
    )


DEFAULT_DEMO_SPEED = 5.0


def start_demo(engine: Engine, settings: Settings, args: argparse.Namespace) -> LiveDemo | None:
    """Start the live demo when asked for, or by default on an embedded database.

    A shared (PostgreSQL) database never gets demo traffic unless ``--demo`` is given.
    """
    wanted = getattr(args, "demo", None)
    if wanted is None:
        wanted = engine.dialect.name == "sqlite"
    if not wanted:
        return None
    from console.db.engine import describe_url
    from console.sim.live import LiveDemo

    demo = LiveDemo(
        engine,
        speed=getattr(args, "demo_speed", DEFAULT_DEMO_SPEED),
        sla=settings.sla,
        timezone=settings.timezone,
        rules=settings.rules(),
        routing=settings.routing(),
    )
    demo.start()
    log.info("live demo on %s (turn off with --no-demo)", describe_url(engine.url))
    return demo
