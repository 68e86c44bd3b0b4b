"""Locations of the read-only resource files shipped with the application.

In a source checkout (and an editable install) resources live in the
repository's ``resources/`` folder next to the ``console`` package; a wheel
installs the same files as ``console/resources`` (see pyproject.toml).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["resource_dir", "resource_path"]

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir() -> Path:
    """Return the absolute path of the resources folder."""
    installed = _PACKAGE / "resources"
    return installed if installed.is_dir() else _PACKAGE.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a resource, e.g. ``resource_path("geo", "china.geojson")``.

    The file is not required to exist; callers decide how to report a missing one.
    """
    return resource_dir().joinpath(*parts)
