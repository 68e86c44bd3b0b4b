"""Read permits: every public read of the data layer names the permission it needs.

Writes declare theirs with :func:`console.db.services.requires`; reads do the
same with :func:`reads`, so a principal that may not see complaints, scores,
the jobs list or revenue is refused by the data layer itself, whichever
interface asks. The role table stays in ``console.core.roles``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from console.core.roles import Permission, Principal, require

__all__ = ["Reader", "declares", "reads"]


class Reader(Protocol):
    """Anything that reads on behalf of a principal."""

    principal: Principal


_P = ParamSpec("_P")
_R = TypeVar("_R")
_S = TypeVar("_S", bound=Reader)


def declares(
    permission: Permission,
) -> Callable[[Callable[Concatenate[_S, _P], _R]], Callable[Concatenate[_S, _P], _R]]:
    """Check ``permission`` against ``self.principal`` before the operation runs.

    The permission is kept on the method as ``.permission`` so a test can prove
    every public operation declares one. Writes use it as
    :func:`console.db.services.requires`, reads as :func:`reads`.
    """

    def decorate(operation: Callable[Concatenate[_S, _P], _R]) -> Callable[Concatenate[_S, _P], _R]:
        @functools.wraps(operation)
        def checked(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
            require(self.principal, permission)
            return operation(self, *args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        return checked

    return decorate


reads = declares
"""Declare the permission a read operation needs: ``@reads(Permission.VIEW_QUALITY)``
on a method of a class whose instances carry ``principal``."""
