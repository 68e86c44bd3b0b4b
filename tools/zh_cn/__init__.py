"""Simplified Chinese translations of the console's source strings, one module per area.

Each module in this package defines ``ZH_CN: dict[tuple[str, str], str]`` keyed by
(Qt translation context, English source text). Keeping areas apart lets each
feature carry its own translations; :func:`load_catalogue` merges them and refuses
a key that two modules translate differently.
"""

from __future__ import annotations

import importlib
import pkgutil


def load_catalogue() -> dict[tuple[str, str], str]:
    """Merge the ``ZH_CN`` tables of every module in this package."""
    merged: dict[tuple[str, str], str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda module: module.name):
        table: dict[tuple[str, str], str] = importlib.import_module(f"{__name__}.{info.name}").ZH_CN
        for key, text in table.items():
            if merged.get(key, text) != text:
                raise SystemExit(f"{info.name}: conflicting translation for {key!r}")
            merged[key] = text
    return merged
