"""Code points <-> UTF-16 code units.

Speechmark stores offsets as Python ``str`` indices (code points); Qt, JavaScript tools
(Label Studio) and UIMA count UTF-16 code units, where every character outside the Basic
Multilingual Plane (most emoji) counts two. ``Utf16Index`` precomputes where those
characters are, so each conversion is a binary search, fast on megabyte texts.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Converts offsets in one text between code points and UTF-16 code units."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Code-point index of each astral character, and its UTF-16 position. (Counting
        # the UTF-16 units first is much faster than searching a text that has none.)
        has_astral = len(text.encode("utf-16-le")) != 2 * len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if has_astral else []
        self._astral_utf16 = [cp + k for k, cp in enumerate(self._astral)]

    @property
    def utf16_length(self) -> int:
        return self._length + len(self._astral)

    def to_utf16(self, index: int) -> int:
        """The UTF-16 position of code-point ``index`` (0 <= index <= len(text))."""
        if not 0 <= index <= self._length:
            raise IndexError(f"code-point offset {index} outside 0..{self._length}")
        return index + bisect_left(self._astral, index)

    def from_utf16(self, position: int) -> int:
        """The code-point index of UTF-16 ``position``.

        A position inside a surrogate pair snaps to the start of that character.
        """
        if not 0 <= position <= self.utf16_length:
            raise IndexError(f"UTF-16 offset {position} outside 0..{self.utf16_length}")
        return position - bisect_left(self._astral_utf16, position)


def to_utf16(text: str, index: int) -> int:
    """One-off conversion; build a ``Utf16Index`` for repeated use."""
    return Utf16Index(text).to_utf16(index)


def from_utf16(text: str, position: int) -> int:
    """One-off conversion; build a ``Utf16Index`` for repeated use."""
    return Utf16Index(text).from_utf16(position)
