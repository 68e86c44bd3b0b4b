"""``pytest --audit-ledgers``: verify every database a test used, after the test.

Legitimate use of the console must leave records that ``verify`` accepts. With
the option given, every engine that connected during a test is verified (chain and rows) just before the test's fixtures are
torn down, and a test whose database does not verify fails with the report's
first line. Tests that break a ledger on purpose carry
``@pytest.mark.ledger_tampered`` and are skipped by the audit.
"""

from __future__ import annotations

import gc
from collections.abc import Generator
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, event, inspect
from sqlalchemy.exc import SQLAlchemyError

_OPTION = "--audit-ledgers"
_ENGINES = pytest.StashKey[dict[int, Engine]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        _OPTION,
        action="store_true",
        help="verify the ledger and rows of every database a test used",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "ledger_tampered: the test breaks a ledger on purpose (skipped by the audit)"
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    if not item.config.getoption(_OPTION):
        return (yield)
    made: dict[int, Engine] = {}

    def seen(connection: Connection) -> None:
        made.setdefault(id(connection.engine), connection.engine)

    item.stash[_ENGINES] = made
    event.listen(Engine, "engine_connect", seen)
    try:
        return (yield)
    finally:
        event.remove(Engine, "engine_connect", seen)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None]:
    # Runs before the fixtures' finalisers, while temporary schemas still exist.
    engines = list(item.stash.get(_ENGINES, {}).values())
    failures: list[str] = []
    if engines and item.get_closest_marker("ledger_tampered") is None:
        distinct = {engine.url.render_as_string(hide_password=False): engine for engine in engines}
        # Verifying allocates a great deal, so the collector would run here, between a
        # Qt test's body and the closing of its widgets: PySide6 can crash collecting
        # then (seen after an accepted intake dialog). It waits until the fixtures'
        # finalisers have closed the widgets.
        collecting = gc.isenabled()
        gc.disable()
        try:
            failures = [problem for engine in distinct.values() if (problem := _audit(engine))]
            result = yield
        finally:
            if collecting:
                gc.enable()
    else:
        result = yield
    if failures:
        pytest.fail("ledger audit: " + "; ".join(failures), pytrace=False)
    return result


def _audit(engine: Engine) -> str | None:
    """The first line of a failed verification of ``engine``'s database, or None."""
    from console.core.errors import DomainError
    from console.db.audit import verify_ledger

    try:
        if not inspect(engine).has_table("chain_head"):
            return None
        report = verify_ledger(engine)
    except (SQLAlchemyError, DomainError):
        return None  # the database is gone (a test about losing it); nothing to audit
    if report.ok:
        return None
    return f"{engine.url.render_as_string(hide_password=True)}: {report.problem}"
