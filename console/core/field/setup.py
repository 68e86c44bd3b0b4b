"""What a phone needs to report for a crew: server address, identifier, interval.

Traccar Client reads its settings from a QR code holding a URL: the server
address as scheme, host, port and path, and its preferences as query
parameters (``id``, ``interval``, ``heartbeat``, ``accuracy``, ``distance``).
:meth:`PhoneSetup.link` builds that URL; OsmAnd's tracking plug-in takes the
same server address and identifier typed in.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

__all__ = ["DEFAULT_PORT", "PhoneSetup", "default_server_url"]

DEFAULT_PORT = 5055
"""The OsmAnd protocol's usual port (as on a Traccar server)."""


def default_server_url() -> str:
    """This computer's name on the protocol's usual port (set ``[field] server_url``)."""
    try:
        host = socket.gethostname() or "localhost"
    except OSError:
        host = "localhost"
    return f"http://{host}:{DEFAULT_PORT}"


@dataclass(frozen=True)
class PhoneSetup:
    """The settings every crew phone gets; only the identifier differs per device."""

    server_url: str = f"http://localhost:{DEFAULT_PORT}"
    """Where phones reach the gateway (its address as seen from the road)."""
    interval_seconds: int = 10
    """How often a moving phone reports."""
    heartbeat_seconds: int = 60
    """How often a phone standing still reports anyway, so its feed does not look silent."""

    def __post_init__(self) -> None:
        parts = urlsplit(self.server_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("server_url must be an http(s) URL with a host")
        if parts.query or parts.fragment:
            raise ValueError("server_url must not carry a query or fragment")
        if not 1 <= self.interval_seconds <= 3600:
            raise ValueError("interval_seconds must be between 1 and 3600")
        if not 10 <= self.heartbeat_seconds <= 3600:
            raise ValueError("heartbeat_seconds must be between 10 and 3600")

    def link(self, identifier: str) -> str:
        """The configuration URL for Traccar Client's QR scanner (holds the secret)."""
        base = self.server_url if urlsplit(self.server_url).path else f"{self.server_url}/"
        query = urlencode(
            {
                "id": identifier,
                "interval": self.interval_seconds,
                "heartbeat": self.heartbeat_seconds,
                "distance": 0,
                "accuracy": "high",
            }
        )
        return f"{base}?{query}"
