"""Principals for tests that are not about permissions.

Most data-layer specs exercise the desk operations in full, so they act as a
supervisor (who may do all of them) under the ledger name they always used.
"""

from __future__ import annotations

from console.core.roles import Principal
from console.core.vocab import Role


def desk(name: str) -> Principal:
    """A supervisor called ``name``: every dispatch-desk operation is allowed."""
    return Principal.user(name, Role.SUPERVISOR)


def dispatcher(name: str) -> Principal:
    """A dispatcher called ``name``."""
    return Principal.user(name, Role.DISPATCHER)


SYSTEM = Principal.system("fixture")
"""The maintenance principal fixtures write reference data as."""
