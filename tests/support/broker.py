"""A private Mosquitto broker for the MQTT tests: started on a free loopback port, stopped after.

The broker runs from the Debian package's binary with a throw-away
configuration (anonymous access on 127.0.0.1 only, persistence in the test's
temporary folder), never the system service. Tests that need one take the
``mqtt_broker`` fixture; where the binary is missing they are skipped with the
command that installs it (``./dev test`` installs it as root).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

__all__ = ["Broker", "mosquitto_binary", "mosquitto_pub", "mqtt_broker", "running_broker"]

INSTALL_HINT = "sudo apt-get install mosquitto mosquitto-clients"
START_TIMEOUT = 10.0


def mosquitto_binary() -> str | None:
    """The broker's executable, or None when Mosquitto is not installed."""
    found = shutil.which("mosquitto")
    if found:
        return found
    return "/usr/sbin/mosquitto" if os.access("/usr/sbin/mosquitto", os.X_OK) else None


def mosquitto_pub() -> str | None:
    """The ``mosquitto_pub`` command-line client, or None when it is not installed."""
    return shutil.which("mosquitto_pub")


@dataclass
class Broker:
    """A running private broker."""

    host: str
    port: int
    process: subprocess.Popen[bytes]
    folder: Path

    @property
    def url(self) -> str:
        """``mqtt://127.0.0.1:PORT``."""
        return f"mqtt://{self.host}:{self.port}"

    def log(self) -> str:
        """What the broker logged so far."""
        path = self.folder / "mosquitto.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        """Stop the broker (its persistence file stays in ``folder``)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _config(folder: Path, port: int) -> str:
    # Started as root, Mosquitto would switch to the "mosquitto" user, which cannot
    # write in the test's private folder: stay the user who runs the tests.
    user = pwd.getpwuid(os.getuid()).pw_name
    return "\n".join(
        (
            f"listener {port} 127.0.0.1",
            "allow_anonymous true",
            f"user {user}",
            "persistence true",
            f"persistence_location {folder}/",
            f"log_dest file {folder}/mosquitto.log",
            "log_type error",
            "log_type warning",
            "log_type notice",
            # A gateway acknowledges after its batch commits: let a batch's worth be in flight.
            "max_inflight_messages 1000",
            "max_queued_messages 100000",
            "",
        )
    )


def _accepting(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def start_broker(folder: Path, binary: str) -> Broker:
    """Start a broker in ``folder`` and wait until it accepts connections."""
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        port = _free_port()
        config = folder / "mosquitto.conf"
        config.write_text(_config(folder, port))
        process = subprocess.Popen(
            [binary, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        broker = Broker("127.0.0.1", port, process, folder)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and process.poll() is None:
            if _accepting(port):
                return broker
            time.sleep(0.05)
        broker.stop()
        # Another program may have taken the port between the probe and the start: try anew.
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    raise RuntimeError(f"mosquitto did not start: {stderr.strip()} {broker.log().strip()}")


def running_broker(folder: Path) -> Iterator[Broker]:
    """Start a broker in ``folder`` (skip when Mosquitto is missing), yield it, stop it."""
    binary = mosquitto_binary()
    if binary is None:
        pytest.skip(f"Mosquitto is not installed (the MQTT tests need it): {INSTALL_HINT}")
    broker = start_broker(folder, binary)
    try:
        yield broker
    finally:
        broker.stop()
        if broker.process.stderr is not None:
            broker.process.stderr.close()


@pytest.fixture
def mqtt_broker(tmp_path: Path) -> Iterator[Broker]:
    """A private Mosquitto broker on a free loopback port; ``.url`` is its ``mqtt://`` address."""
    yield from running_broker(tmp_path / "broker")
