"""Interfaces the UI depends on, implemented by the data layer.

The UI is handed objects that satisfy these protocols (wired in ``console.cli``),
so it never imports the database layer and cannot write rows itself.
"""

from __future__ import annotations

from typing import Protocol

from console.core.records import RequestChanges, RequestRow


class QueueSource(Protocol):
    """Read access to the live request queue."""

    def revision(self) -> int:
        """The highest change revision in the database (a cheap query)."""
        ...

    def open_requests(self) -> RequestChanges:
        """Every open request, plus the revision they were read at."""
        ...

    def requests_changed_since(self, revision: int) -> RequestChanges:
        """Requests (open or just closed) written after ``revision``."""
        ...

    def describe(self) -> str:
        """A short, password-free description of the database for the status bar."""
        ...


__all__ = ["QueueSource", "RequestChanges", "RequestRow"]
