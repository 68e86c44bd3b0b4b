"""YAML, JSON and TOML parsed within bounds.

A small file can still be a weapon: a YAML "billion laughs" of nested aliases
expands to billions of nodes, a JSON or TOML file nested 100,000 levels deep
exhausts the parser's stack, and a JSON object naming a key twice silently
keeps the last value. These parsers refuse each with one line
(:class:`DocumentError`) before anything downstream walks the document.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (about 10x faster), else the pure one."""


class DocumentError(ValueError):
    """A document breaks a bound (aliases, size, nesting) or names a key twice.

    The message is one English line without the file name; callers wrap it in
    their own error naming the file.
    """


@dataclass(frozen=True, slots=True)
class Limits:
    """How large a parsed document may grow.

    ``max_nodes`` counts every scalar and collection once per place it appears,
    so a node reached through five aliases counts five times: that is what a
    consumer walking the document would have to visit.
    """

    max_depth: int = 64
    max_nodes: int = 500_000
    max_aliases: int = 100


DEFAULT_LIMITS = Limits()


def parse_yaml(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """The one YAML document in ``text``, safely loaded.

    Raises :class:`DocumentError` when the document nests deeper than
    ``limits.max_depth``, uses more than ``limits.max_aliases`` aliases, refers
    to an anchor from inside itself, or would expand to more than
    ``limits.max_nodes`` nodes; :class:`yaml.YAMLError` for bad syntax.
    """
    _check_yaml_events(yaml.parse(text, Loader=_LOADER), limits)
    return yaml.load(text, Loader=_LOADER)


def _check_yaml_events(events: Iterable[yaml.Event], limits: Limits) -> None:
    """Walk the event stream once, without recursion, measuring the expanded document."""
    sizes: dict[str, int] = {}
    open_anchors: list[str | None] = []
    counts: list[int] = [0]
    aliases = 0

    def add(size: int) -> None:
        counts[-1] += size
        if counts[-1] > limits.max_nodes:
            raise DocumentError(
                f"the document expands to more than {limits.max_nodes:,} nodes "
                "(aliases count once per use)"
            )

    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            if len(open_anchors) >= limits.max_depth:
                raise DocumentError(_too_deep(limits.max_depth))
            open_anchors.append(event.anchor)
            counts.append(1)
        elif isinstance(event, yaml.CollectionEndEvent):
            size = counts.pop()
            anchor = open_anchors.pop()
            if anchor is not None:
                sizes[anchor] = size
            add(size)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                sizes[event.anchor] = 1
            add(1)
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > limits.max_aliases:
                raise DocumentError(f"the document uses more than {limits.max_aliases} aliases")
            if event.anchor in open_anchors:
                raise DocumentError(f"alias *{event.anchor} refers to a node that contains it")
            # An unknown anchor is left for the loader, which names its line.
            add(sizes.get(event.anchor or "", 0))


def parse_json(
    text: str | bytes,
    limits: Limits = DEFAULT_LIMITS,
    *,
    parse_float: Callable[[str], Any] | None = None,
) -> Any:
    """``text`` parsed as JSON, refusing duplicate keys and deep nesting.

    Raises :class:`DocumentError` for a key named twice in one object or
    nesting past ``limits.max_depth``; :class:`json.JSONDecodeError` (a
    ``ValueError`` with ``lineno``) for bad syntax.
    """
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys, parse_float=parse_float)
    except RecursionError:
        raise DocumentError(_too_deep(limits.max_depth)) from None
    _check_depth(document, limits.max_depth)
    return document


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                shown = json.dumps(key, ensure_ascii=False)
                raise DocumentError(f"the key {shown} appears twice in one object")
            seen.add(key)
    return table


def parse_toml(text: str, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """``text`` parsed as TOML, refusing nesting past ``limits.max_depth``.

    Raises :class:`DocumentError` for deep nesting and
    :class:`tomllib.TOMLDecodeError` for bad syntax.
    """
    _check_dotted_keys(text, limits.max_depth)
    try:
        document = tomllib.loads(text)
    except RecursionError:
        raise DocumentError(_too_deep(limits.max_depth)) from None
    _check_depth(document, limits.max_depth)
    return document


def _check_dotted_keys(text: str, max_depth: int) -> None:
    """Refuse a key or table header with more dots than ``max_depth`` before tomllib sees it.

    tomllib nests dotted keys without recursion but in quadratic time (a
    100,000-part key takes it 20 s), so the bound must come first. A line of a
    multi-line string is looked at too; no real text has that many dots before
    an ``=``.
    """
    for line in text.splitlines():
        stripped = line.lstrip()
        key = stripped.split("]", 1)[0] if stripped.startswith("[") else stripped.split("=", 1)[0]
        if key.count(".") >= max_depth:
            raise DocumentError(_too_deep(max_depth))


def _check_depth(document: Any, max_depth: int) -> None:
    """Refuse ``document`` if its lists and tables nest deeper than ``max_depth`` (no recursion)."""
    level: list[Any] = [document] if isinstance(document, dict | list) else []
    depth = 1
    while level:
        children: list[Any] = []
        for node in level:
            if isinstance(node, dict):
                children.extend(value for value in node.values() if isinstance(value, dict | list))
            elif isinstance(node, list):
                children.extend(value for value in node if isinstance(value, dict | list))
        if children:
            depth += 1
            if depth > max_depth:
                raise DocumentError(_too_deep(max_depth))
        level = children


def _too_deep(max_depth: int) -> str:
    return f"the document nests more than {max_depth} levels deep"
