"""Hypothesis strategies for hostile input, and a way to see that nothing was written."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from sqlalchemy import Engine, select

from console.db.models import Base

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
"""Settings for the bad-input tests: reproducible, no time limit per example."""

MALICIOUS_TEXT = (
    "'; DROP TABLE requests; --",
    "Robert'); DELETE FROM crews;--",
    "1 OR 1=1",
    "%s %d {0} {field}",
    "\x00",
    "a\x00b",
    "\x1b[31mred\x1b[0m",
    "\u202eevil",
    "\ud800",
    "🚗💥🆘",
    "１３８０５７１００００",
    "<script>alert(1)</script>",
    "NaN",
    "-inf",
    "1e999",
    " ",
    "\t\n",
    "null",
    "../../etc/passwd",
)
"""Strings that have broken other programs."""

texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(MALICIOUS_TEXT),
    st.builds(lambda char, n: char * n, st.characters(), st.integers(200, 5000)),
)
"""Any text: random, malicious, or very long."""

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Characters ``str.splitlines`` breaks at."""

argv_texts = st.one_of(
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00" + LINE_BREAKS),
        max_size=30,
    ),
    st.sampled_from([t for t in MALICIOUS_TEXT if t.isprintable() or t == "\x1b[31mred\x1b[0m"]),
)
"""Text a shell could pass as an argument, without NUL, lone surrogates or line breaks.

Line breaks are left out because argparse echoes an unknown argument verbatim
in its one-line usage error (``console.cli._Parser.error``).
"""

numbers = st.one_of(
    st.integers(),
    st.floats(),
    st.sampled_from([float("nan"), float("inf"), -float("inf"), 10**400, -(2**63), 2**31]),
    st.decimals(allow_nan=True),
    st.just(Decimal("sNaN")),
    st.booleans(),
)
"""Numbers of every kind, finite or not, and booleans pretending to be numbers."""

anything = st.one_of(
    texts,
    numbers,
    st.none(),
    st.binary(max_size=12),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.builds(object),
)
"""Values of the wrong type as well as the right one."""


def mostly(
    valid: st.SearchStrategy[Any], hostile: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """``valid`` seven times in ten, else ``hostile``: so the checks behind the first one run too."""
    # Hypothesis favours small numbers, so the valid branch takes them.
    return st.integers(0, 9).flatmap(lambda n: valid if n < 7 else hostile)


def ids(existing: int) -> st.SearchStrategy[Any]:
    """Row ids: mostly real ones (so checks past the lookup run), else anything at all."""
    return mostly(st.integers(1, existing), st.one_of(st.integers(), anything))


def note(outcome: str) -> None:
    """Count an outcome in Hypothesis' statistics (``--hypothesis-show-statistics``)."""
    if currently_in_test_context():
        event(outcome)


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order: equal dumps mean nothing was written."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            ordered = select(table).order_by(*table.primary_key.columns)
            tables[table.name] = [tuple(row) for row in connection.execute(ordered)]
    return tables
