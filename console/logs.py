"""Logging set-up: a rotating log file in the user data directory."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path

from console.core.files import FILE_MODE, private_folder, tighten_all
from console.core.urls import hide_url_secrets


class SecretHidingFormatter(logging.Formatter):
    """Formats a record, then hides any password a URL in it carries."""

    def format(self, record: logging.LogRecord) -> str:
        """The formatted line, URL passwords replaced by ``***``."""
        return hide_url_secrets(super().format(record))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file created 0600: logs name callers, users and places."""

    def _open(self) -> io.TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        return io.TextIOWrapper(
            io.FileIO(descriptor, "a"), encoding=self.encoding, errors=self.errors
        )


def configure_logging(folder: Path, *, verbose: bool = False) -> Path | None:
    """Log to ``folder/console.log`` (rotated at 2 MB, 5 kept); return the file, or None."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_roadside", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = SecretHidingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr.setFormatter(formatter)
    stderr._roadside = True  # type: ignore[attr-defined]
    root.addHandler(stderr)
    try:
        private_folder(folder)
        path = folder / "console.log"
        # Files an older console wrote with looser modes; rotation keeps a file's mode.
        tighten_all(folder.glob("console.log*"))
        handler = PrivateRotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(formatter)
    handler._roadside = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
