"""Does a database file have exactly the schema this console builds at its revision?

A backup is only trusted when every table, column, index, trigger and view in
it is one the console itself creates: SQL stored in the file runs on every
later write (a trigger can rewrite each new caller's number), so nothing extra
may come in with the data. The reference is the console's own: a fresh empty
database built by the migrations up to the backup's revision, in a temporary
folder. Entries are compared by their SQL, normalised so that only layout
(spaces, quoting, letter case outside literals) may differ.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from console.db import schema
from console.db.backup.files import read_only, scratch_engine

# ANALYZE (or PRAGMA optimize) adds these; they hold planner statistics, never code.
_STATISTICS = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})

_TOKEN = re.compile(
    r"""
      '(?:[^']|'')*'              # string literal, kept as written
    | "(?:[^"]|"")*"              # quoted identifiers, in SQLite's three styles
    | `(?:[^`]|``)*`
    | \[[^\]]*\]
    | [A-Za-z_][A-Za-z0-9_$]*     # keyword or bare identifier
    | \d+(?:\.\d*)?(?:[eE][+-]?\d+)?
    | \S                          # any other single character
    """,
    re.VERBOSE,
)
_BARE = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
# Code first: a trigger or a view runs SQL of the file's author; an extra index does not.
_HARM = {"trigger": 0, "view": 1, "table": 2, "index": 3}


@dataclass(frozen=True, slots=True)
class Entry:
    """One object of a schema: its kind, name, table and normalised SQL."""

    kind: str
    name: str
    table: str
    sql: str | None
    raw: str | None

    def same_as(self, other: Entry) -> bool:
        """True if both define the same object (layout aside)."""
        return (self.kind, self.table, self.sql) == (other.kind, other.table, other.sql)


def normalise_sql(sql: str) -> str:
    """SQL with layout removed: tokens joined by one space, identifiers unquoted and lower-case.

    A table's constraints are sorted: Alembic's batch migrations on SQLite
    rebuild a table with its constraints in an order that varies between runs.
    """
    tokens: list[str] = []
    for token in _TOKEN.findall(sql):
        if token[0] in '"`[':
            inner = token[1:-1]
            tokens.append(inner.lower() if _BARE.fullmatch(inner) else token)
        else:
            tokens.append(token if token[0] == "'" else token.lower())
    if tokens[:2] == ["create", "table"] and "(" in tokens:
        return _sorted_constraints(tokens)
    return " ".join(tokens)


_CONSTRAINT_STARTS = frozenset({"constraint", "primary", "unique", "check", "foreign"})


def _sorted_constraints(tokens: list[str]) -> str:
    """``create table t ( columns..., constraints... ) tail`` with the constraints in sorted order."""
    start = tokens.index("(")
    elements: list[list[str]] = [[]]
    depth = 0
    end = len(tokens)
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token == "(":
            depth += 1
        elif token == ")":
            if depth == 0:
                end = index
                break
            depth -= 1
        elif token == "," and depth == 0:
            elements.append([])
            continue
        elements[-1].append(token)
    parts = [" ".join(element) for element in elements]
    columns = [part for part, element in zip(parts, elements, strict=True)
               if not element or element[0] not in _CONSTRAINT_STARTS]  # fmt: skip
    constraints = sorted(set(parts) - set(columns))
    body = " , ".join([*columns, *constraints])
    return " ".join([*tokens[: start + 1], body, *tokens[end:]])


def entries(connection: sqlite3.Connection) -> dict[tuple[str, str], Entry]:
    """Every schema object of an open database, keyed by (kind, lower-case name)."""
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    found: dict[tuple[str, str], Entry] = {}
    for kind, name, table, sql in rows:
        if kind == "table" and str(name).lower() in _STATISTICS:
            continue
        entry = Entry(
            str(kind),
            str(name),
            str(table).lower(),
            normalise_sql(str(sql)) if sql is not None else None,
            None if sql is None else str(sql),
        )
        found[(entry.kind, entry.name.lower())] = entry
    return found


@cache
def reference(revision: str) -> dict[tuple[str, str], Entry]:
    """The schema the console's migrations build at ``revision``, on an empty database."""
    with tempfile.TemporaryDirectory(prefix="roadside-schema-") as folder:
        path = Path(folder) / "reference.db"
        engine = scratch_engine(path)
        try:
            schema.upgrade(engine, revision)
        finally:
            engine.dispose()
        with closing(sqlite3.connect(path)) as connection:
            return entries(connection)


def schema_difference(path: Path, revision: str) -> str | None:
    """How the database at ``path`` differs from the console's schema at ``revision``.

    ``None`` when they are the same; otherwise the first difference as the end
    of a sentence ("has a trigger `x` that the console does not create").
    Extra objects are named first: they are the ones that can do harm.
    """
    expected = reference(revision)
    with closing(read_only(path)) as connection:
        actual = entries(connection)
        for key in sorted(actual.keys() - expected.keys(), key=_harm_first):
            entry = actual[key]
            return f"has {_article(entry.kind)} {entry.kind} `{entry.name}` that the console does not create"
        for key in sorted(expected.keys() - actual.keys()):
            entry = expected[key]
            return f"lacks the {entry.kind} `{entry.name}` that the console creates"
        for key in sorted(expected.keys()):
            mine, theirs = expected[key], actual[key]
            if mine.same_as(theirs):
                continue
            if mine.kind == "table":
                return _table_difference(connection, theirs.name, mine.raw)
            return f"has the {mine.kind} `{theirs.name}` defined differently from the console's"
    return None


def _harm_first(key: tuple[str, str]) -> tuple[int, str]:
    kind, name = key
    return (_HARM.get(kind, len(_HARM)), name)


def _article(kind: str) -> str:
    return "an" if kind[:1] in "aeiou" else "a"


def _table_difference(connection: sqlite3.Connection, table: str, expected_sql: str | None) -> str:
    """Name the column that differs, using a reference table built from the console's SQL."""
    columns = _columns(connection.execute(f'PRAGMA table_xinfo("{table}")'))
    with closing(sqlite3.connect(":memory:")) as scratch:
        if expected_sql is not None:
            scratch.execute(expected_sql)
        wanted = _columns(scratch.execute(f'PRAGMA table_xinfo("{table}")'))
    for name in columns.keys() - wanted.keys():
        return f"has a column `{table}.{columns[name][0]}` that the console does not create"
    for name in wanted.keys() - columns.keys():
        return f"lacks the column `{table}.{wanted[name][0]}` that the console creates"
    for name, column in columns.items():
        if column != wanted[name]:
            return (
                f"has the column `{table}.{column[0]}` defined as {_describe(column)}, "
                f"the console defines it as {_describe(wanted[name])}"
            )
    return f"has the table `{table}` with constraints that differ from the console's"


Column = tuple[str, str, bool, str | None, int, int]


def _columns(rows: Iterable[tuple[object, ...]]) -> dict[str, Column]:
    # table_xinfo rows: cid, name, type, notnull, dflt_value, pk, hidden.
    return {
        str(name).lower(): (
            str(name),
            str(kind).upper(),
            bool(notnull),
            None if default is None else str(default),
            int(str(pk)),
            int(str(hidden)),
        )
        for _cid, name, kind, notnull, default, pk, hidden in rows
    }


def _describe(column: Column) -> str:
    _name, kind, notnull, default, pk, hidden = column
    words = [kind or "(no type)"]
    if notnull:
        words.append("NOT NULL")
    if default is not None:
        words.append(f"DEFAULT {default}")
    if pk:
        words.append("PRIMARY KEY")
    if hidden:
        words.append("GENERATED")
    return " ".join(words)
