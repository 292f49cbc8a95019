"""Character classes of `regex` for the stdlib `re` engine, which scans some patterns faster.

`re` knows no Unicode properties (\\p{L}, \\p{Lu}, ...), so a class becomes the explicit
list of Basic Multilingual Plane characters the installed `regex` puts in it. A pattern
built from such classes matches exactly as its `regex` original on any text without
letters, marks, digits or word characters beyond the BMP (`needs_regex` tells when a text
has one).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

_ASTRAL_RX = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_WORD_CHAR_RX = regex.compile(r"[\w\p{L}\p{M}\d]")


@lru_cache(maxsize=1)
def _bmp() -> str:
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))


@cache
def class_body(spec: str) -> str:
    """The BMP characters `regex` matches with `spec` (one character), as `re` class ranges."""
    bmp = _bmp()
    ranges = []
    for m in regex.finditer(f"(?:{spec})+", bmp):
        first, last = bmp[m.start()], bmp[m.end() - 1]
        ranges.append(re.escape(first) + ("" if first == last else "-" + re.escape(last)))
    return "".join(ranges)


def needs_regex(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when text[start:end] holds a letter, mark, digit or word character beyond the
    BMP, where a rewritten pattern may match differently."""
    found = _ASTRAL_RX.finditer(text, start, len(text) if end is None else end)
    return any(_ASTRAL_WORD_CHAR_RX.match(c.group()) for c in found)
