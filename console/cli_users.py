"""``users`` sub-commands: list, add, reset-password, disable, enable.

They run as the command line's system principal (``cli:<os user>`` in the
ledger): whoever can reach the database with these tools administers it
anyway. Passwords are asked for twice without echo, or read from the first
line of stdin with ``--password-stdin`` (for scripts); they are never
accepted as an argument, where ``ps`` and the shell history would see them.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from console.config import Settings, actor_name
from console.core.accounts import UserRow
from console.core.errors import ValidationError
from console.core.roles import Principal
from console.core.validation import printable
from console.core.vocab import Role
from console.db import schema
from console.db.accounts import Accounts

Handler = Callable[[Settings, argparse.Namespace], int]

ROLE_CHOICES = tuple(role.value.lower() for role in Role)


def add_commands(
    commands: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
) -> None:
    """Add ``users ACTION`` to the console's parser."""
    users = commands.add_parser("users", help="manage sign-in accounts")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[common], help="list accounts and their roles")
    add = actions.add_parser("add", parents=[common], help="add an account")
    add.add_argument("username", help="sign-in name (lower-case letters, digits, . _ -)")
    add.add_argument("--role", choices=ROLE_CHOICES, required=True)
    add.add_argument("--name", default="", help="display name (default: the sign-in name)")
    _password_option(add)
    reset = actions.add_parser("reset-password", parents=[common], help="set a new password")
    reset.add_argument("username")
    _password_option(reset)
    for action, text in (("disable", "stop an account signing in"), ("enable", "allow it again")):
        parser = actions.add_parser(action, parents=[common], help=text)
        parser.add_argument("username")


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin instead of asking",
    )


def read_password(args: argparse.Namespace) -> str:
    """The new password from stdin (``--password-stdin``) or asked twice without echo."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("New password: ")
    second = getpass.getpass("Repeat it: ")
    if first != second:
        raise ValidationError("password.mismatch", field="password")
    return first


def _accounts(settings: Settings) -> Accounts:
    engine = schema.open_database(settings.db_url, create=False)
    schema.ensure_schema(engine, auto_upgrade=False)
    return Accounts(engine, principal=Principal.system(actor_name("cli")))


def _line(user: UserRow) -> str:
    flags = [flag for flag, on in (("demo", user.is_demo), ("disabled", user.disabled)) if on]
    marks = f"  [{', '.join(flags)}]" if flags else ""
    return (
        f"{user.username:<20} {user.role.value.lower():<11} {printable(user.display_name)}{marks}"
    )


def cmd_users(settings: Settings, args: argparse.Namespace) -> int:
    """Run one ``users`` action; a mistake is one line on stderr (see ``console.cli``)."""
    accounts = _accounts(settings)
    action = args.users_command
    if action == "list":
        for user in accounts.users():
            print(_line(user))
        return 0
    if action == "add":
        password = read_password(args)
        user = accounts.add_user(args.username, args.name, Role(args.role.upper()), password)
        print(f"added {user.username} ({user.role.value.lower()})")
    elif action == "reset-password":
        password = read_password(args)
        user = accounts.reset_password(args.username, password)
        print(f"new password set for {user.username}")
    else:
        user = accounts.set_disabled(args.username, action == "disable")
        print(f"{action}d {user.username}")
    return 0


COMMANDS: dict[str | None, Handler] = {"users": cmd_users}
"""Sub-command name -> handler, merged into ``console.cli.COMMANDS``."""
