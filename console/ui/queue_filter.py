"""Filtering and sorting of the live request queue.

The proxy reads the immutable rows straight from :class:`RequestQueueModel`
(no per-cell ``data()`` calls), and its filter role is the row role, so the
once-a-second tick of the age and SLA cells never re-runs the filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Signal

from console.core.records import RequestRow
from console.core.vocab import Priority, RequestStatus, ServiceType
from console.ui.keyed_table import RowFilterProxy
from console.ui.queue_model import ROW_ROLE, SORT_ROLE, RequestQueueModel

__all__ = ["QueueFilter", "Region", "RequestFilterProxy", "search_key", "text_matches"]

_SEARCH_NOISE = re.compile(r"[\s\-().·•+]")


def search_key(text: str) -> str:
    """Text folded for searching: lower case, no spaces, dashes, dots or brackets.

    So "浙A·12345", "浙a12345" and "138-1234 5678" match what was stored.
    """
    return _SEARCH_NOISE.sub("", text).casefold()


def text_matches(text: str, values: Iterable[str]) -> bool:
    """Whether search ``text`` occurs in any of ``values`` (both folded); blank matches all."""
    needle = search_key(text)
    return not needle or any(needle in search_key(value) for value in values)


@dataclass(frozen=True, slots=True)
class Region:
    """A place to filter on: a whole province or one city (Chinese names, as stored)."""

    kind: str
    """``"province"`` or ``"city"``."""
    name: str


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the dispatcher chose to see; an empty set means "any"."""

    statuses: frozenset[RequestStatus] = field(default_factory=frozenset)
    priorities: frozenset[Priority] = field(default_factory=frozenset)
    services: frozenset[ServiceType] = field(default_factory=frozenset)
    region: Region | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        """True when every row passes."""
        return not (
            self.statuses or self.priorities or self.services or self.region or self.text.strip()
        )

    def accepts(self, row: RequestRow, province_of: Mapping[str, str]) -> bool:
        """Whether ``row`` passes; ``province_of`` maps a city to its province."""
        if self.statuses and row.status not in self.statuses:
            return False
        if self.priorities and row.priority not in self.priorities:
            return False
        if self.services and row.service_type not in self.services:
            return False
        if self.region is not None:
            if self.region.kind == "city" and row.city != self.region.name:
                return False
            if self.region.kind == "province" and province_of.get(row.city) != self.region.name:
                return False
        return text_matches(
            self.text, (row.reference, row.plate, row.caller_phone, row.caller_name)
        )


class RequestFilterProxy(RowFilterProxy[QueueFilter]):
    """Sorts the queue by the raw values of ``SORT_ROLE`` and applies a :class:`QueueFilter`."""

    sig_filter_about_to_change = Signal()
    """Emitted before the filter changes (rows may disappear)."""

    sig_filter_changed = Signal()
    """Emitted after the filter changed."""

    queue_filter = RowFilterProxy.row_filter
    set_queue_filter = RowFilterProxy.set_row_filter

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(SORT_ROLE, ROW_ROLE, QueueFilter(), parent)
        self._province_of: dict[str, str] = {}

    def set_provinces(self, province_of: Mapping[str, str]) -> None:
        """Tell the proxy which province each city is in (for province filters)."""
        with self._changing_filter():
            self._province_of = dict(province_of)

    @contextmanager
    def _changing_filter(self) -> Iterator[None]:
        """As the base, announced with the about-to-change and changed signals."""
        self.sig_filter_about_to_change.emit()
        with super()._changing_filter():
            yield
        self.sig_filter_changed.emit()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        """Apply the queue filter to the source row."""
        if self._filter.is_empty:
            return True
        source = self.sourceModel()
        if isinstance(source, RequestQueueModel):
            row = source.row_at(source_row)
        else:
            row = source.data(source.index(source_row, 0, source_parent), ROW_ROLE)
        return self._filter.accepts(row, self._province_of)
