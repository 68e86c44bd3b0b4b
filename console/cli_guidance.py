"""``guidance check``: validate a guidance script set from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from console.config import Settings
from console.core.guidance import default_directory, load_library

EXIT_BROKEN = 1
"""Exit status when the script set has problems."""


def add_commands(
    commands: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
) -> None:
    """Add the ``guidance`` sub-command to the console's parser."""
    guidance = commands.add_parser("guidance", parents=[common], help="remote-guidance scripts")
    actions = guidance.add_subparsers(dest="guidance_command", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check", help="validate a folder of guidance scripts (default: the shipped set)"
    )
    check.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar="PATH",
        help="folder holding the protocol files and responses.yaml",
    )


def cmd_guidance(_settings: Settings, args: argparse.Namespace) -> int:
    """Print every problem in the script set (file: node: kind: message); 1 if any."""
    folder: Path = args.path or default_directory()
    library, issues = load_library(folder)
    if library is None:
        for issue in issues:
            print(issue)
        print(f"{len(issues)} problem(s) in {folder}")
        return EXIT_BROKEN
    nodes = sum(len(p.nodes) for p in library.protocols.values())
    print(
        f"{folder}: {len(library.protocols)} protocols, {nodes} nodes, "
        f"{len(library.responses)} response codes: OK"
    )
    return 0


COMMANDS: dict[str | None, Callable[[Settings, argparse.Namespace], int]] = {
    "guidance": cmd_guidance
}
"""Sub-command name -> handler, merged into ``console.cli.COMMANDS``."""
