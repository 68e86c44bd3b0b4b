"""Chromium's sandbox and the superuser: the map must not take the console down.

QtWebEngine refuses to start its renderer as root unless the sandbox is off
("Running as root without --no-sandbox is not supported"), and the failure
ends the whole process. A console started as root (a kiosk, a container, CI)
therefore turns the sandbox off for itself, and says so in the log.
"""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping

__all__ = ["FLAGS_VARIABLE", "NO_SANDBOX", "allow_web_engine_as_root"]

logger = logging.getLogger(__name__)

FLAGS_VARIABLE = "QTWEBENGINE_CHROMIUM_FLAGS"
"""The environment variable QtWebEngine reads Chromium's switches from."""

NO_SANDBOX = "--no-sandbox"


def allow_web_engine_as_root(
    environ: MutableMapping[str, str] | None = None, *, euid: int | None = None
) -> bool:
    """Add ``--no-sandbox`` to Chromium's flags when running as root.

    Must run before the first web page is created. Returns True when the flag
    was added. ``environ`` and ``euid`` are for tests.
    """
    env = os.environ if environ is None else environ
    uid = euid if euid is not None else (os.geteuid() if hasattr(os, "geteuid") else -1)
    if uid != 0:
        return False
    flags = env.get(FLAGS_VARIABLE, "")
    if NO_SANDBOX in flags.split():
        return False
    env[FLAGS_VARIABLE] = f"{flags} {NO_SANDBOX}".strip()
    logger.warning(
        "running as root: the map's web engine runs without Chromium's sandbox; "
        "run the console as an ordinary user to keep it"
    )
    return True
