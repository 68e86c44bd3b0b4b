"""Command line: opens the console, or runs a maintenance sub-command.

Every user mistake (bad option, bad URL, unreachable server, unwritable path)
ends as one clear line on stderr and a non-zero exit status, never a traceback.

Opening the console is the common case and must be quick: it is parsed by a
small parser of its own, and the database layer, the simulator and the
sub-commands load only when they are used (the database opens on a worker
thread while the sign-in already shows).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from zoneinfo import ZoneInfo

from console import __version__, cli_plan, cli_sim, startup
from console.cli_presence import lost_database, refuse_lost_database, remember_database
from console.config import LANGUAGES, Settings, actor_name, data_dir, load_settings
from console.core.errors import DomainError, StorageError
from console.core.files import private_folder
from console.core.validation import printable
from console.logs import configure_logging
from console.qt_libraries import check_qt_libraries, wants_xcb

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from console.core.accounts import SignInGate
    from console.core.pricing import PricingBook
    from console.core.roles import Principal
    from console.db.accounts import Accounts
    from console.db.backend import DatabaseBackend
    from console.sim.live import LiveDemo

log = logging.getLogger(__name__)

EXIT_USAGE = 2
EXIT_FAILED = 1


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _at(text: str) -> object:
    from console.db.seed import parse_at

    try:
        return parse_at(text)
    except DomainError as exc:
        raise argparse.ArgumentTypeError(exc.english()) from None


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line (the full usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {printable(message)} (see --help)\n")


def _add_common_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    """Options accepted both before and after the sub-command (``seed --db URL``)."""
    parser.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help="database: sqlite:///FILE or postgresql+psycopg://USER@HOST/DB "
        "(default: $ROADSIDE_DB_URL, else an SQLite file in the user data folder)",
    )
    parser.add_argument(
        "--config", metavar="FILE", type=Path, default=default, help="settings file (TOML)"
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=default, help="user-interface language"
    )
    parser.add_argument(
        "--new-database",
        action="store_true",
        default=False if default is None else default,
        help="start a new database where one that held data has gone missing",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=False if default is None else default,
        help="log more detail",
    )


class _NotAConsoleStart(Exception):
    """The command line is more than a plain console start (a sub-command, --help...)."""


class _ConsoleStartParser(argparse.ArgumentParser):
    """Parses a plain console start only; anything else is left to the full parser."""

    def error(self, message: str) -> NoReturn:
        raise _NotAConsoleStart(message)


def _add_console_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=None,
        help="sign-in name to fill in when the console opens",
    )
    cli_sim.add_demo_options(parser)


def parse_console_start(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a plain console start, or None when ``argv`` asks for more.

    Building the full parser loads every sub-command's module; a console start
    needs none of them.
    """
    parser = _ConsoleStartParser(prog="roadside-console", add_help=False)
    _add_common_options(parser, default=None)
    _add_console_options(parser)
    try:
        args, extra = parser.parse_known_args(list(argv))
    except _NotAConsoleStart:
        return None
    if extra:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and --help)."""
    from console import (
        cli_devices,
        cli_gateway,
        cli_guidance,
        cli_pricing,
        cli_quality,
        cli_records,
        cli_users,
    )
    from console.db.seed import DEFAULT_SEED, DEMO_HISTORY_DAYS

    parser = _Parser(
        prog="roadside-console",
        description="Dispatcher console for 24-hour roadside assistance. "
        "Without a sub-command it opens the console window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common_options(parser, default=None)
    _add_console_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Sub-commands repeat the options but never overwrite a value given before them.
    common = _Parser(add_help=False)
    _add_common_options(common, default=argparse.SUPPRESS)

    seed = commands.add_parser("seed", parents=[common], help="fill the database with demo data")
    seed.add_argument("--seed", type=_non_negative_int, default=DEFAULT_SEED, help="random seed")
    seed.add_argument(
        "--requests", type=_non_negative_int, default=60, help="demo requests to create (0-2000)"
    )
    seed.add_argument(
        "--at", type=_at, default=None, help="pin the clock (ISO 8601 with zone) for exact replays"
    )
    seed.add_argument("--replace", action="store_true", help="wipe existing data first")
    seed.add_argument(
        "--history-days",
        type=_non_negative_int,
        default=DEMO_HISTORY_DAYS,
        help=f"days of finished jobs for the supervisor dashboard (default {DEMO_HISTORY_DAYS})",
    )

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", parents=[common], help="apply pending schema migrations")
    db_commands.add_parser("current", parents=[common], help="show the schema revision")

    cli_records.add_commands(commands, common)
    cli_guidance.add_commands(commands, common)
    cli_users.add_commands(commands, common)
    cli_devices.add_commands(commands, common)

    suggest = commands.add_parser("suggest", parents=[common], help="rank crews for a request")
    suggest.add_argument("reference", help="request reference, e.g. RA-20261123-0042")
    suggest.add_argument("--limit", type=_non_negative_int, default=5, help="how many crews")
    suggest.add_argument("--json", action="store_true", help="machine-readable output")
    optimise = commands.add_parser(
        "optimise", parents=[common], help="propose crews for the whole queue (nothing is applied)"
    )
    optimise.add_argument("--json", action="store_true", help="machine-readable output")
    cli_pricing.add_commands(commands, common)
    cli_quality.add_commands(commands, common)
    cli_sim.add_commands(commands, common)
    cli_plan.add_commands(commands, common)
    cli_gateway.add_commands(commands, common)
    return parser


def _open(settings: Settings, *, create: bool, new_database: bool = False) -> Engine:
    from console.db import schema

    if create and not new_database:
        refuse_lost_database(settings)
    return schema.open_database(settings.db_url, create=create)


def _cmd_seed(settings: Settings, args: argparse.Namespace) -> int:
    from console.db.engine import describe_url
    from console.db.seed import SeedOptions, seed_database

    options = SeedOptions(
        seed=args.seed,
        requests=args.requests,
        at=args.at,
        replace=args.replace,
        history_days=args.history_days,
    )
    engine = _open(settings, create=True, new_database=args.new_database)
    counts = seed_database(engine, options)
    remember_database(settings)
    print(
        "seeded {db}: {partners} partners, {depots} depots, {crews} crews, "
        "{users} demo users, {requests} requests, {history} finished jobs of history".format(
            db=describe_url(engine.url), **counts
        )
    )
    return 0


def _check_users(engine: Engine) -> None:
    """Refuse to call an upgrade done while a user's row differs from the ledger."""
    from console.db.records.fast import users_differences

    with engine.connect() as connection:
        found = users_differences(connection)
    if found:
        raise StorageError("ledger.users_differ", count=len(found), detail=found[0].text())


def _cmd_db(settings: Settings, args: argparse.Namespace) -> int:
    from console.db import schema
    from console.db.engine import check_connection, make_engine

    if args.db_command == "upgrade" and not args.new_database:
        refuse_lost_database(settings)
    engine = make_engine(settings.db_url)
    check_connection(engine)
    if args.db_command == "upgrade":
        before = schema.current_revision(engine)
        schema.ensure_schema(engine, auto_upgrade=True)
        _check_users(engine)
        print(f"schema {before or 'empty'} -> {schema.current_revision(engine)} (head)")
    else:
        current = schema.current_revision(engine)
        head = schema.head_revision()
        state = "up to date" if current == head else f"needs upgrade to {head}"
        print(f"schema {current or 'empty'}: {state}")
    return 0


def _qt_platform_missing() -> str | None:
    """One line naming the missing libraries and their apt command, if Qt would abort."""
    if not wants_xcb(os.environ):
        return None
    missing = check_qt_libraries()
    return missing.message() if missing else None


def _cmd_console(settings: Settings, args: argparse.Namespace) -> int:
    # Qt aborts the process when its platform plugin cannot load: ask first.
    problem = _qt_platform_missing()
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_FAILED
    from console import cli_pricing

    # A malformed tariff or programme file stops the console here, before the
    # database is touched or anyone signs in.
    book = cli_pricing.pricing_book()
    startup.mark("settings read")
    from console.ui.app import run_console

    if not args.new_database:
        lost = lost_database(settings)
        if lost is not None:
            from console.ui.lost_database import ask_new_database

            # Demo data is never loaded silently where a database went missing.
            if not ask_new_database(lost, language=settings.language, argv=sys.argv[:1]):
                raise StorageError("db.file_lost", path=printable(str(lost)))
            args.new_database = True
    database = _ConsoleDatabase(settings, args, book)
    try:
        return run_console(
            None,
            database.backend,
            prepare=database.prepare,
            user=args.user,
            open_user_admin=database.user_admin,
            language=settings.language,
            argv=sys.argv[:1],
            poll_ms=round(settings.poll_seconds * 1000),
            tz=ZoneInfo(settings.timezone),
            tiles=settings.map,
        )
    finally:
        database.stop()


class _ConsoleDatabase:
    """The console's database: opened (and seeded on a first start) off the interface thread."""

    def __init__(self, settings: Settings, args: argparse.Namespace, book: PricingBook) -> None:
        self._settings = settings
        self._args = args
        self._book = book
        self._engine: Engine | None = None
        self._demo: LiveDemo | None = None

    def prepare(self, progress: Callable[[int, int], None]) -> SignInGate:
        """Open and upgrade the database, load demo data into an empty one; the sign-in gate.

        Runs on a worker thread while the sign-in shows; ``progress`` gets
        ``(done, total)`` while demo data is loaded.
        """
        from sqlalchemy import func, select
        from sqlalchemy.orm import Session

        from console.db.accounts import Accounts
        from console.db.engine import describe_url
        from console.db.models import Depot
        from console.db.seed import DEMO_HISTORY_DAYS, SeedOptions, seed_database

        new_database = bool(self._args.new_database)
        engine = _open(self._settings, create=True, new_database=new_database)
        with Session(engine) as session:
            has_data = bool(session.scalar(select(func.count()).select_from(Depot)))
        startup.mark("database open")
        if not has_data:
            if not new_database:
                # The file could not be read before it was opened: decide on what it holds.
                refuse_lost_database(self._settings)
            log.info("first start on %s: loading demo data", describe_url(engine.url))
            seed_database(engine, SeedOptions(history_days=DEMO_HISTORY_DAYS), progress=progress)
            startup.mark("demo data loaded")
        remember_database(self._settings)
        self._engine = engine
        self._demo = cli_sim.start_demo(engine, self._settings, self._args)
        threading.Thread(target=_load_console_modules, name="warm-imports", daemon=True).start()
        return Accounts(engine)

    def backend(self, principal: Principal) -> DatabaseBackend:
        """The backend for whoever signed in."""
        assert self._engine is not None, "signed in before the database was open"
        return _backend_on(self._engine, self._settings, principal, self._book)

    def user_admin(self, principal: Principal) -> Accounts:
        """File ▸ Users… for an administrator."""
        from console.db.accounts import Accounts

        assert self._engine is not None
        return Accounts(self._engine, principal=principal)

    def stop(self) -> None:
        """Stop the live demo, if it runs."""
        if self._demo is not None:
            self._demo.stop()


def _load_console_modules() -> None:
    """Import what the console window needs while the user types the password.

    Pure-Python modules only (no Qt module is first imported on this thread); the
    window is then built a second or so sooner once the password is accepted.
    """
    modules = ("console.db.backend", "folium", "console.ui.map.page")
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # only a head start: the window imports them again if need be
            log.debug("could not preload %s", name, exc_info=True)


def _backend_on(
    engine: Engine, settings: Settings, principal: Principal, book: PricingBook | None = None
) -> DatabaseBackend:
    from console import cli_pricing
    from console.core.dispatch import DispatchWeights
    from console.db.backend import DatabaseBackend

    return DatabaseBackend(
        engine,
        principal=principal,
        sla=settings.sla,
        timezone=settings.timezone,
        rules=settings.rules(),
        routing=settings.routing(),
        pricing=book or cli_pricing.pricing_book(),
        quality=settings.quality,
        weights=DispatchWeights(feed=settings.feed),
        phone=settings.phone,
    )


def _backend(settings: Settings) -> DatabaseBackend:
    from console.core.roles import Principal
    from console.db import schema

    engine = _open(settings, create=False)
    schema.ensure_schema(engine, auto_upgrade=False)
    # Maintenance commands act as the system itself: whoever runs them holds the database.
    return _backend_on(engine, settings, Principal.system(actor_name("cli")))


def _cmd_suggest(settings: Settings, args: argparse.Namespace) -> int:
    from console import cli_dispatch

    return cli_dispatch.run_suggest(_backend(settings), args)


def _cmd_optimise(settings: Settings, args: argparse.Namespace) -> int:
    from console import cli_dispatch

    return cli_dispatch.run_optimise(_backend(settings), args)


def _cmd_report(settings: Settings, args: argparse.Namespace) -> int:
    from console import cli_quality

    return cli_quality.run_report(_backend(settings), settings, args)


def _cmd_eido(settings: Settings, args: argparse.Namespace) -> int:
    from console import cli_quality

    return cli_quality.run_eido(_backend(settings), args)


Handler = Callable[[Settings, argparse.Namespace], int]


def commands() -> dict[str | None, Handler]:
    """Every sub-command's handler (``None``: open the console)."""
    from console import cli_devices, cli_gateway, cli_guidance, cli_pricing, cli_records, cli_users

    return {
        None: _cmd_console,
        "seed": _cmd_seed,
        "db": _cmd_db,
        **cli_records.COMMANDS,
        **cli_users.COMMANDS,
        **cli_devices.COMMANDS,
        "suggest": _cmd_suggest,
        "optimise": _cmd_optimise,
        **cli_guidance.COMMANDS,
        **cli_pricing.COMMANDS,
        "report": _cmd_report,
        "eido": _cmd_eido,
        **cli_sim.COMMANDS,
        **cli_plan.COMMANDS,
        **cli_gateway.COMMANDS,
    }


def prepare_data_folder() -> None:
    """Make the per-user data folder (database, logs) private: 0700, on POSIX."""
    with contextlib.suppress(OSError):  # the database or log set-up reports the reason
        private_folder(data_dir())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``roadside-console`` and ``python main.py``."""
    startup.clear()
    startup.mark("entry point")
    words = sys.argv[1:] if argv is None else list(argv)
    args = parse_console_start(words) or build_parser().parse_args(words)
    prepare_data_folder()
    log_file = configure_logging(data_dir() / "logs", verbose=args.verbose)
    try:
        settings = load_settings(config_file=args.config, db_url=args.db, language=args.lang)
        handler = _cmd_console if args.command is None else commands()[args.command]
        return handler(settings, args)
    except DomainError as exc:
        print(f"error: {exc.english()}", file=sys.stderr)
        return EXIT_USAGE if not isinstance(exc, StorageError) else EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        log.exception("unexpected failure")
        where = f" (details in {log_file})" if log_file else ""
        print(f"error: unexpected {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return EXIT_FAILED
