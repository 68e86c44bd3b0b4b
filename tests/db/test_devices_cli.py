"""Spec: ``roadside-console devices ...`` registers, lists and revokes devices; mistakes change nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, func, select

from console.cli import main
from console.core.roles import Principal
from console.db.models import Device, Event
from console.db.telemetry.devices import DeviceRegistry


def run(db_url: str, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["devices", *argv, "--db", db_url])
    out, err = capsys.readouterr()
    return code, out, err


def counts(engine: Engine) -> tuple[int, int]:
    with engine.connect() as connection:
        return (
            connection.scalar(select(func.count()).select_from(Device)) or 0,
            connection.scalar(select(func.count()).select_from(Event)) or 0,
        )


def test_add_prints_the_settings_once_and_the_identifier_resolves(
    engine: Engine, fleet: list[int], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(db_url, capsys, "add", "HZ-01", "--label", "driver phone", "--json",
                       "--server", "http://gw.example.cn:5055")  # fmt: skip
    assert code == 0
    document = json.loads(out)
    assert document["crew"] == "HZ-01"
    assert document["server"] == "http://gw.example.cn:5055"
    assert document["hint"] == document["device_id"][-4:]
    assert "id=" + document["device_id"] in document["link"]
    found = DeviceRegistry(engine, principal=Principal.system("test")).resolve(
        document["device_id"]
    )
    assert found is not None and found.call_sign == "HZ-01"

    code, out, _ = run(db_url, capsys, "add", "HZ-02")
    assert code == 0
    assert "identifier:" in out and "http://" in out


def test_list_never_shows_identifiers_and_revoke_stops_a_device(
    engine: Engine, fleet: list[int], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(db_url, capsys, "add", "HZ-01", "--json")
    token = json.loads(out)["device_id"]
    device_id = json.loads(out)["id"]

    code, out, _ = run(db_url, capsys, "list")
    assert code == 0 and "HZ-01" in out and "active" in out and token not in out
    code, out, _ = run(db_url, capsys, "list", "--crew", "HZ-01", "--json")
    assert [d["id"] for d in json.loads(out)] == [device_id]
    assert token not in out

    code, out, _ = run(db_url, capsys, "revoke", str(device_id))
    assert code == 0 and "revoked" in out
    found = DeviceRegistry(engine, principal=Principal.system("test")).resolve(token)
    assert found is not None and found.revoked


@pytest.mark.parametrize(
    "argv",
    [("add", "NOPE-1"), ("list", "--crew", "NOPE-1"), ("revoke", "999"), ("revoke", "abc")],
    ids=["add-unknown-crew", "list-unknown-crew", "revoke-unknown", "revoke-not-a-number"],
)
def test_an_unknown_call_sign_or_device_is_one_line_and_exit_2(
    engine: Engine,
    fleet: list[int],
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
) -> None:
    before = counts(engine)
    code, out, err = run(db_url, capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: There is no")
    assert counts(engine) == before


def test_a_bad_server_address_is_refused_by_the_parser(
    engine: Engine, fleet: list[int], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = counts(engine)
    with pytest.raises(SystemExit) as exit_:
        run(db_url, capsys, "add", "HZ-01", "--server", "ftp://nowhere")
    assert exit_.value.code == 2
    assert counts(engine) == before
