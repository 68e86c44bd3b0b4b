"""``devices`` sub-commands: add, list, revoke a crew's reporting devices.

``devices add CALL_SIGN`` prints the new device's settings once: the server
address Traccar Client or OsmAnd reports to, the secret identifier the phone
sends as ``id``, and the suggested interval. The identifier is shown only
here; the database keeps its SHA-256 and last characters. The commands run as
the command line's system principal (``cli:<os user>`` in the ledger), like
``users``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from console.config import Settings, actor_name
from console.core.field.devices import DeviceRow
from console.core.field.setup import PhoneSetup
from console.core.ledger import format_time
from console.core.roles import Principal
from console.core.validation import printable
from console.db import schema
from console.db.telemetry.devices import DeviceRegistry

Handler = Callable[[Settings, argparse.Namespace], int]


def _server_url(raw: str) -> str:
    try:
        PhoneSetup(server_url=raw)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return raw.rstrip("/")


def add_commands(
    commands: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
) -> None:
    """Add ``devices ACTION`` to the console's parser."""
    devices = commands.add_parser("devices", help="register, list and revoke crews' devices")
    actions = devices.add_subparsers(dest="devices_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", parents=[common], help="register a device for a crew and print its settings once"
    )
    add.add_argument("call_sign", metavar="CALL_SIGN", help="the crew's call sign, e.g. HZ-01")
    add.add_argument("--label", default="", help="what the device is, e.g. 'driver phone'")
    add.add_argument(
        "--server",
        type=_server_url,
        default=None,
        help="the gateway's address as phones reach it (default: [field] server_url)",
    )
    add.add_argument("--json", action="store_true", help="machine-readable output")
    listing = actions.add_parser("list", parents=[common], help="list devices (never identifiers)")
    listing.add_argument("--crew", metavar="CALL_SIGN", default=None, help="one crew's devices")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    revoke = actions.add_parser("revoke", parents=[common], help="stop a device reporting")
    revoke.add_argument("device", metavar="ID", help="the device's number (from devices list)")


def _registry(settings: Settings) -> DeviceRegistry:
    engine = schema.open_database(settings.db_url, create=False)
    schema.ensure_schema(engine, auto_upgrade=False)
    return DeviceRegistry(engine, principal=Principal.system(actor_name("cli")))


def _document(device: DeviceRow) -> dict[str, Any]:
    return {
        "id": device.id,
        "crew": device.call_sign,
        "label": device.label,
        "hint": device.hint,
        "created_at": format_time(device.created_at),
        "created_by": device.created_by,
        "revoked_at": None if device.revoked_at is None else format_time(device.revoked_at),
        "revoked_by": device.revoked_by,
    }


def _line(device: DeviceRow) -> str:
    state = "revoked" if device.revoked else "active"
    return (
        f"{device.id:>5}  {device.call_sign:<12} …{device.hint:<5} {state:<8} "
        f"{format_time(device.created_at)[:16].replace('T', ' ')}  {printable(device.label)}"
    )


def _add(settings: Settings, args: argparse.Namespace) -> int:
    registry = _registry(settings)
    phone = settings.phone
    if args.server is not None:
        phone = PhoneSetup(args.server, phone.interval_seconds, phone.heartbeat_seconds)
    device, token = registry.add(args.call_sign, args.label)
    if args.json:
        document = {
            **_document(device),
            "device_id": token,
            "server": phone.server_url,
            "interval_seconds": phone.interval_seconds,
            "heartbeat_seconds": phone.heartbeat_seconds,
            "link": phone.link(token),
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"device {device.id} added for crew {device.call_sign}")
    print(f"  server:      {phone.server_url}")
    print(f"  identifier:  {token}")
    print(f"  interval:    {phone.interval_seconds} s (heartbeat {phone.heartbeat_seconds} s)")
    print(f"  setup link:  {phone.link(token)}")
    print(
        "The identifier is shown only now: enter it in Traccar Client or OsmAnd as the device id."
    )
    return 0


def cmd_devices(settings: Settings, args: argparse.Namespace) -> int:
    """Run one ``devices`` action; a mistake is one line on stderr (see ``console.cli``)."""
    action = args.devices_command
    if action == "add":
        return _add(settings, args)
    registry = _registry(settings)
    if action == "list":
        devices = registry.list(args.crew)
        if args.json:
            print(json.dumps([_document(d) for d in devices], ensure_ascii=False, indent=2))
        else:
            for device in devices:
                print(_line(device))
        return 0
    device = registry.revoke(args.device)
    print(f"revoked device {device.id} (…{device.hint}) of crew {device.call_sign}")
    return 0


COMMANDS: dict[str | None, Handler] = {"devices": cmd_devices}
"""Sub-command name -> handler, merged into ``console.cli.COMMANDS``."""
