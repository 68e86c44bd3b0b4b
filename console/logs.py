"""Logging set-up: a rotating log file in the user data directory."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from console.core.urls import hide_url_secrets


class SecretHidingFormatter(logging.Formatter):
    """Formats a record, then hides any password a URL in it carries."""

    def format(self, record: logging.LogRecord) -> str:
        """The formatted line, URL passwords replaced by ``***``."""
        return hide_url_secrets(super().format(record))


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
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "console.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(formatter)
    handler._roadside = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
