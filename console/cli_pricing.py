"""Sub-commands for pricing: check the tariff and programme files, report, export a bill.

    roadside-console pricing check [PATH ...]     validate pricing files (or folders)
    roadside-console pricing report [--json]      revenue and covered cost by programme
    roadside-console pricing bill REFERENCE [--format json|csv] [--out FILE]

The pricing files are ``resources/pricing/tariffs.json`` and ``programmes.json``,
or those in the folder named by ``$ROADSIDE_PRICING_DIR``. A malformed file is
refused with one line naming the file and the field.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.config import Settings, actor_name
from console.core.errors import NotFound, StorageError
from console.core.files import write_text
from console.core.pricing import PROGRAMMES_FILE, TARIFF_FILE, PricingBook, check_file, load_book
from console.core.quote import bill_csv, bill_document, bill_json
from console.core.roles import Principal
from console.paths import resource_path

if TYPE_CHECKING:
    from console.db.backend import DatabaseBackend

PRICING_DIR_VARIABLE = "ROADSIDE_PRICING_DIR"

Handler = Callable[[Settings, argparse.Namespace], int]


def pricing_folder() -> Path:
    """Where the tariff and programme files are read from."""
    configured = os.environ.get(PRICING_DIR_VARIABLE, "").strip()
    return Path(configured) if configured else resource_path("pricing")


def pricing_book() -> PricingBook:
    """The validated pricing book (ConfigError naming file and field if one is malformed)."""
    return load_book(pricing_folder())


def add_commands(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``pricing`` and its actions to the console's parser."""
    pricing = commands.add_parser("pricing", help="tariffs, coverage, quotes and bills")
    actions = pricing.add_subparsers(dest="pricing_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", parents=[common], help="validate tariff and programme files"
    )
    check.add_argument(
        "paths", metavar="PATH", nargs="*", type=Path,
        help="files or folders (default: the pricing folder in use)",
    )  # fmt: skip
    report = actions.add_parser(
        "report", parents=[common], help="revenue and covered cost by programme"
    )
    report.add_argument("--json", action="store_true", help="machine-readable output")
    bill = actions.add_parser("bill", parents=[common], help="export the bill of a request")
    bill.add_argument("reference", help="request reference, e.g. RA-20261123-0042")
    bill.add_argument("--format", choices=("json", "csv"), default="json")
    bill.add_argument("--out", metavar="FILE", type=Path, help="write here instead of stdout")


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths or [pricing_folder()]:
        if path.is_dir():
            found += [path / TARIFF_FILE, path / PROGRAMMES_FILE]
        else:
            found.append(path)
    return found


def cmd_pricing(settings: Settings, args: argparse.Namespace) -> int:
    """Run one ``pricing`` action."""
    if args.pricing_command == "check":
        for path in _files(args.paths):
            print(check_file(path))
        return 0
    backend = _backend(settings)
    if args.pricing_command == "report":
        return _report(backend, args)
    return _bill(backend, args)


def _backend(settings: Settings) -> DatabaseBackend:
    from console.db import schema
    from console.db.backend import DatabaseBackend

    engine = schema.open_database(settings.db_url, create=False)
    schema.ensure_schema(engine, auto_upgrade=False)
    return DatabaseBackend(
        engine,
        principal=Principal.system(actor_name("cli")),
        timezone=settings.timezone,
        pricing=pricing_book(),
    )


def _report(backend: DatabaseBackend, args: argparse.Namespace) -> int:
    rows = backend.revenue_by_programme()
    if args.json:
        print(json.dumps(
            [{"programme": r.programme, "jobs": r.jobs, "total": str(r.total),
              "covered": str(r.covered), "caller": str(r.caller), "disputed": r.disputed,
              "disputed_references": list(r.disputed_references)} for r in rows],
            indent=2, ensure_ascii=False,
        ))  # fmt: skip
        return 0
    names = {code: p.name_en for code, p in backend.book.programmes.items()}
    print(f"{'programme':<36} {'jobs':>5} {'billed':>12} {'covered':>12} {'caller':>12} disputed")
    for r in rows:
        name = names.get(r.programme or "", r.programme) if r.programme else "Pay as you go"
        print(f"{name[:36]:<36} {r.jobs:>5} {r.total:>12,.2f} {r.covered:>12,.2f} "
              f"{r.caller:>12,.2f} {r.disputed}")  # fmt: skip
    if not rows:
        print("(no bills yet)")
    return 0


def _bill(backend: DatabaseBackend, args: argparse.Namespace) -> int:
    row = backend.request_by_reference(args.reference)
    if row is None:
        raise NotFound("not_found.request", key=args.reference)
    record = backend.charges(row.id)
    if record is None or record.bill is None:
        raise NotFound("pricing.not_billed", reference=row.reference)
    if args.format == "csv":
        text = bill_csv(row.reference, record.bill, record.differences)
    else:
        text = bill_json(
            bill_document(
                row.reference, record.quote, record.bill, record.differences,
                disputed=record.disputed, dispute_reason=record.dispute_reason,
            )
        )  # fmt: skip
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        write_text(args.out, text)
    except OSError as exc:
        raise StorageError("file.unwritable", path=str(args.out), detail=exc.strerror) from None
    print(f"bill of {row.reference} written to {args.out}")
    return 0


COMMANDS: dict[str | None, Handler] = {"pricing": cmd_pricing}
"""Sub-command name -> handler, merged into ``console.cli.COMMANDS``."""

__all__ = ["COMMANDS", "add_commands", "pricing_book", "pricing_folder"]
