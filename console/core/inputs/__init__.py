"""Reading files the console did not write itself, with bounds an attacker cannot stretch.

:mod:`.files` reads bytes from regular files only and never more than a cap;
:mod:`.documents` parses YAML, JSON and TOML with bounded aliases, nesting and
keys. Every file the console loads (imports, guidance, pricing, configuration,
scenarios, checkpoints) goes through here, so a hostile file gets one clear
line instead of a hang, a memory blow-up or a traceback.
"""

from console.core.inputs.documents import (
    DocumentError,
    Limits,
    parse_json,
    parse_toml,
    parse_yaml,
)
from console.core.inputs.files import DEFAULT_LIMIT, read_bytes, read_text

__all__ = [
    "DEFAULT_LIMIT",
    "DocumentError",
    "Limits",
    "parse_json",
    "parse_toml",
    "parse_yaml",
    "read_bytes",
    "read_text",
]
