"""Character classes of `regex` for the stdlib `re` engine, which scans some patterns faster.

`re` knows no Unicode properties (\\p{L}, \\p{Lu}, ...), so a class becomes the explicit
list of Basic Multilingual Plane characters the installed `regex` puts in it. A pattern
built from such classes matches exactly as its `regex` original on any text without
letters, marks, digits or word characters beyond the BMP (`needs_regex` tells when a text
has one).

`Dual` goes further: it rewrites a whole `regex` pattern for `re`, and `plain` tells when
a text holds nothing on which the two engines could disagree (the shorthands \\w, \\s, \\d
and \\b differ on a few hundred characters, mostly combining marks and superscripts).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

import regex

_ASTRAL_RX = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_WORD_CHAR_RX = regex.compile(r"[\w\p{L}\p{M}\d]")
_PROPERTY_RX = re.compile(r"\\p\{[^}]+\}")


@lru_cache(maxsize=1)
def _bmp() -> str:
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))


def _ranges(chars: str) -> str:
    """Sorted characters as the body of a character class, consecutive runs as ranges."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        first, last = chars[i], chars[j]
        out.append(re.escape(first) + ("" if i == j else "-" + re.escape(last)))
        i = j + 1
    return "".join(out)


@cache
def class_body(spec: str) -> str:
    """The BMP characters `regex` matches with `spec` (one character), as `re` class ranges."""
    return _ranges("".join(regex.findall(spec, _bmp())))


def needs_regex(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when text[start:end] holds a letter, mark, digit or word character beyond the
    BMP, where a rewritten pattern may match differently."""
    found = _ASTRAL_RX.finditer(text, start, len(text) if end is None else end)
    return any(_ASTRAL_WORD_CHAR_RX.match(c.group()) for c in found)


@lru_cache(maxsize=1)
def _disputed_rx() -> re.Pattern[str]:
    """BMP characters on which \\w, \\s or \\d of the two engines disagree."""
    bmp = _bmp()
    disputed: set[str] = set()
    for shorthand in (r"\w", r"\s", r"\d"):
        disputed |= set(regex.findall(shorthand, bmp)) ^ set(re.findall(shorthand, bmp))
    return re.compile(f"[{_ranges(''.join(sorted(disputed)))}]")


def plain(text: str) -> bool:
    """True when every `Dual` pattern matches `text` in `re` exactly as in `regex`."""
    return _disputed_rx().search(text) is None and not needs_regex(text)


def stdlib_pattern(pattern: str) -> str:
    """`pattern` with every \\p{...} spelled out as BMP characters, for `re`."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            m = _PROPERTY_RX.match(pattern, i)
            if m:
                body = class_body(m.group())
                out.append(body if in_class else f"[{body}]")
                i = m.end()
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                out.append("[^")
                i += 2
                continue
        elif c == "]" and in_class and out[-1] not in ("[", "[^"):
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


class Dual:
    """One pattern compiled by both engines: `re` where the text is `plain`, else `regex`."""

    __slots__ = ("rx", "std")

    def __init__(self, pattern: str) -> None:
        self.rx = regex.compile(pattern)
        self.std = re.compile(stdlib_pattern(pattern))

    def on(self, is_plain: bool) -> Any:
        """The compiled pattern to run on a text for which `plain` gave `is_plain`."""
        return self.std if is_plain else self.rx
