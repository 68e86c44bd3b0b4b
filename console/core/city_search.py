"""City search for the intake form: the best matches first, in any of a city's names.

A dispatcher types what the caller says: Chinese (杭州), pinyin or English
(Hangzhou, hangzhou, Hang Zhou). Matches are ranked by how well the typed
text matches a name, not by the alphabet: an exact name first, then names
that start with it, then names with a word that starts with it, then names
that merely contain it ("hangzhou" is inside "Changzhou" but must come after
Hangzhou). A province name counts after all city names. The English names of
mainland cities are their pinyin, so pinyin needs no table of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CityName", "normalise", "rank_cities"]

_NOT_LETTERS = re.compile(r"[\s'’\-·.,()（）]+")


@dataclass(frozen=True, slots=True)
class CityName:
    """A city as the search sees it: its key (the Chinese name) and every name it answers to."""

    key: str
    names: tuple[str, ...]
    """The city's names (Chinese, pinyin/English) in order of preference."""
    provinces: tuple[str, ...] = ()
    """Its province's names: matched after every city name."""


def normalise(text: str) -> str:
    """Lower case, tone marks, spaces and punctuation removed: "Xi’ān" -> "xian"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_LETTERS.sub("", plain)


def _words(text: str) -> list[str]:
    return [normalise(word) for word in _NOT_LETTERS.split(text.casefold()) if word]


def _tier(query: str, name: str) -> int | None:
    """0 exact, 1 prefix, 2 a word starts with it, 3 contains it; None: no match."""
    plain = normalise(name)
    if not plain:
        return None
    if plain == query:
        return 0
    if plain.startswith(query):
        return 1
    if any(word.startswith(query) for word in _words(name)[1:]):
        return 2
    if query in plain:
        return 3
    return None


def rank_cities(
    query: str, cities: Iterable[CityName], *, limit: int | None = None
) -> list[CityName]:
    """The cities matching ``query``, best first; every city (in the given order) for no query."""
    wanted = normalise(query)
    pool = list(cities)
    if not wanted:
        return pool[:limit] if limit is not None else pool
    scored: list[tuple[tuple[int, int, int], CityName]] = []
    for position, city in enumerate(pool):
        # Per name: how well it matches, then how much of it is left over.
        matches = [
            (t, len(normalise(n))) for n in city.names if (t := _tier(wanted, n)) is not None
        ]
        if not matches:
            # A province match ranks after every city-name match.
            matches = [
                (4 + t, len(normalise(n)))
                for n in city.provinces
                if (t := _tier(wanted, n)) is not None
            ]
        if matches:
            tier, length = min(matches)
            scored.append(((tier, length, position), city))
    scored.sort(key=lambda item: item[0])
    ranked = [city for _score, city in scored]
    return ranked[:limit] if limit is not None else ranked
