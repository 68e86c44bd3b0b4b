"""``roadside-console plan``: where to station which capabilities, as a replayable what-if.

Registered by :mod:`console.cli`. Needs no database: it plans on the twin's own
fleet and demand (see :mod:`console.sim.planning`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.cli_sim import _count
from console.config import Settings

if TYPE_CHECKING:
    from console.sim.planning.planner import Plan

Handler = Callable[[Settings, argparse.Namespace], int]
MAX_BUDGET = 10_000


def add_commands(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``plan`` to the console's parser."""
    plan = commands.add_parser(
        "plan",
        parents=[common],
        help="plan where to station crews so more calls are reached in time (no database needed)",
    )
    plan.add_argument("--scenario", required=True, help="bundled scenario name or a .yaml file")
    mode = plan.add_mutually_exclusive_group()
    mode.add_argument(
        "--move-only", action="store_true", help="keep the fleet's size: moves and re-skilling only"
    )
    mode.add_argument(
        "--budget", type=_count(0, MAX_BUDGET), default=0, metavar="N", help="add up to N crews"
    )
    plan.add_argument("--out", type=Path, required=True, metavar="FILE", help="what-if file (JSON)")
    plan.add_argument("--csv", type=Path, metavar="FILE", help="the moves as CSV for the depots")
    plan.add_argument("--seed", type=_count(0, 2**63 - 1), default=1, help="random seed")


def cmd_plan(settings: Settings, args: argparse.Namespace) -> int:
    """Plan, print the moves and the coverage table, write the what-if (and CSV)."""
    import numpy as np

    from console.core.fleet_layout import load_cities
    from console.core.geo import ServiceArea
    from console.sim.fleet import build_fleet, scenario_depots, scenario_layout
    from console.sim.planning.planner import make_plan
    from console.sim.planning.report import format_plan, moves_csv_rows
    from console.sim.planning.whatif import from_plan, write_plan
    from console.sim.scenario import load_scenario

    for option, path in (("--out", args.out), ("--csv", args.csv)):
        if path is not None and not path.parent.is_dir():
            print(f"error: {option}: no folder {path.parent}", file=sys.stderr)
            return 2
    scenario = load_scenario(args.scenario)
    cities = load_cities()
    area = ServiceArea.default()
    # The same roster `simulate` builds for this seed (its first seed child).
    fleet_rng = np.random.default_rng(np.random.SeedSequence(args.seed).spawn(1)[0])
    roster = build_fleet(scenario, fleet_rng, cities=cities, area=area)
    depots = scenario_depots(scenario, scenario_layout(scenario, cities=cities, area=area))
    plan: Plan = make_plan(
        scenario,
        roster,
        depots,
        seed=args.seed,
        budget=0 if args.move_only else args.budget,
        cities=cities,
        area=area,
        sla=settings.sla,
    )
    write_plan(args.out, from_plan(plan))
    if args.csv is not None:
        from console.core.files import write_csv_rows

        write_csv_rows(args.csv, moves_csv_rows(plan))
    print(format_plan(plan))
    print(f"what-if written to {args.out}" + (f", moves CSV to {args.csv}" if args.csv else ""))
    return 0


COMMANDS: dict[str | None, Handler] = {"plan": cmd_plan}
"""Sub-command name -> handler, merged into ``console.cli.COMMANDS``."""
