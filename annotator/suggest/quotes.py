"""Pair quotation marks into quote spans.

Handles straight and curly quotes, guillemets (« » and » «, ‹ ›), low-high quotes („ “ ‚ ‘),
nesting (an inner quote belongs to the outer one), apostrophes, quotes running over several
paragraphs, and odd counts of marks (a stray mark is skipped instead of derailing the rest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

DOUBLE_MARKS = '"“”„«»'
SINGLE_MARKS = "'‘’‚‹›"
MARK_RX = re.compile("[\"'“”„«»‘’‚‹›]")
# Every mark except an apostrophe between ASCII letters ("don’t", "O’Brien"), which
# `_is_apostrophe` would skip: most marks in news text are such apostrophes.
# The mark comes first, so the engine skips to marks fast; what it may not be follows.
_MARK_NOT_APOSTROPHE_RX = re.compile(
    "[\"'“”„«»‘’‚‹›](?:(?<=[^'’])|(?<![A-Za-z0-9](?s:.))|(?![A-Za-z]))"
)
_LINE_RX = re.compile(r"[^\n]+")

# For each opening mark, the marks that may close it.
CLOSERS: dict[str, str] = {
    '"': '"”',
    "“": '”“"',
    "„": "“”",
    "«": "»",
    "»": "«»",
    "”": "”",
    "'": "'’",
    "‘": "’‘",
    "‚": "‘’",
    "‹": "›",
    "›": "‹›",
}
_OPEN_BEFORE = set(" \t\r\n\u00a0([{—–-/:") | set(DOUBLE_MARKS) | set(SINGLE_MARKS)
_CLOSE_AFTER = set(" \t\r\n\u00a0.,;:!?)]}—–-…/") | set(DOUBLE_MARKS) | set(SINGLE_MARKS)
_SENTENCE_END = set('.!?:…"”’»')
_POSSESSIVE_NEXT_CLOSER = re.compile(r"\S[’'](?=[\s.,;:!?)\]—–]|$)")
_FEET_INCHES_RX = re.compile(r"(?<!\w)\d[’']\d{1,2}\Z")

MARK_STYLES: dict[str, str] = {
    '"': "straight quotes",
    "“": "curly quotes",
    "”": "curly quotes",
    "„": "low-high quotes",
    "«": "guillemets",
    "»": "guillemets",
    "'": "straight single quotes",
    "‘": "single curly quotes",
    "‚": "low-high single quotes",
    "‹": "single guillemets",
    "›": "single guillemets",
}


class QuoteSpan(NamedTuple):
    """A top-level quote: `start`/`end` include the marks; `closed` is False when recovered."""

    start: int
    end: int
    style: str
    closed: bool = True
    paragraphs: int = 1


@dataclass(slots=True)
class _Open:
    index: int
    mark: str
    paragraphs: int = 1
    children: list[QuoteSpan] = field(default_factory=list)


def _family(mark: str) -> str:
    return "d" if mark in DOUBLE_MARKS else "s"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph; hard-wrapped lines are joined into one."""
    spans: list[tuple[int, int]] = []
    for m in _LINE_RX.finditer(text):
        start, end = m.start(), m.end()
        if not m.group().strip():
            continue
        if spans:
            p_start, p_end = spans[-1]
            soft = (
                p_end == start - 1
                and text[p_end - 1] not in _SENTENCE_END
                and text[start:end].lstrip()[:1].islower()
            )
            if soft:
                spans[-1] = (p_start, end)
                continue
        spans.append((start, end))
    return spans


def _open_ctx(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPEN_BEFORE and not after.isspace()


def _close_ctx(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and after in _CLOSE_AFTER


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalpha():
        return True  # don't, O’Brien
    if before.isdigit() and after.isdigit():
        return True  # feet: 6’2”
    return after.isdigit() and not before.isalnum()  # the ’90s


def _is_inches(text: str, i: int) -> bool:
    """A double mark after feet and inches ("he’s 6’2”", "5'11\""): a measure, not a quote
    closing."""
    return _FEET_INCHES_RX.search(text, max(0, i - 4), i) is not None


def _closes(text: str, i: int, mark: str, opener: str, line_end: int) -> bool:
    if mark not in CLOSERS[opener]:
        return False
    if opener in "„‚«‹" or (opener == "“" and mark == "”") or (opener == "‘" and mark == "’"):
        after_s = text[i - 1 : i] in ("s", "S")
        return not (mark in "’'" and after_s and _possessive_like(text, i, line_end))
    return _close_ctx(text, i) or not _open_ctx(text, i)


def _possessive_like(text: str, i: int, line_end: int) -> bool:
    """`’` after an s and before a word (Truss’ trip) when a better closer follows."""
    after = text[i + 1 : i + 3]
    if len(after) < 2 or not after[0].isspace() or not after[1].isalpha():
        return False
    return _POSSESSIVE_NEXT_CLOSER.search(text, i + 1, line_end) is not None


def find_quotes(text: str, paras: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Find every top-level quote in `text`, in text order (`paras` from `paragraphs`)."""
    found: list[QuoteSpan] = []
    if paras is None:
        paras = paragraphs(text)
    stack: list[_Open] = []
    skip = -1
    # One pass, shared by paragraphs.
    marks = [m.start() for m in _MARK_NOT_APOSTROPHE_RX.finditer(text)]
    next_mark = 0
    for n, (p_start, p_end) in enumerate(paras):
        while next_mark < len(marks) and marks[next_mark] < p_start:
            next_mark += 1
        if (next_mark == len(marks) or marks[next_mark] >= p_end) and not stack:
            continue
        while next_mark < len(marks) and marks[next_mark] < p_end:
            i = marks[next_mark]
            next_mark += 1
            if i == skip:
                continue
            mark = text[i]
            if mark in "'’" and _is_apostrophe(text, i):
                continue
            if mark in '"”' and _is_inches(text, i):
                continue
            double = mark in DOUBLE_MARKS
            family = "d" if double else "s"
            k = len(stack) - 1
            while k >= 0 and (stack[k].mark in DOUBLE_MARKS) != double:
                k -= 1
            if k >= 0 and _closes(text, i, mark, stack[k].mark, p_end):
                while len(stack) > k + 1:
                    _discard(stack, found)
                entry = stack.pop()
                span = QuoteSpan(
                    entry.index, i + 1, MARK_STYLES[entry.mark], True, entry.paragraphs
                )
                (stack[-1].children if stack else found).append(span)
                continue
            if mark in CLOSERS and mark not in "’" and _can_open(text, i, mark):
                if stack and stack[-1].mark == mark and family == "d":
                    _discard(stack, found)  # an unclosed quote before this one: a stray mark
                stack.append(_Open(i, mark))
        if not stack:
            continue
        skip = _carry_over(text, paras, n, stack, found)
    while stack:
        _discard(stack, found)
    found.sort(key=lambda q: q.start)
    return found


def _can_open(text: str, i: int, mark: str) -> bool:
    if mark == '"' and text[i - 1 : i] in (".", "!", "?") and text[i + 1 : i + 2].isupper():
        return True  # no space typed after a sentence: 'the authorities."We were …'
    if mark in "\"'”":
        return _open_ctx(text, i)
    if mark == "«":
        return True
    after = text[i + 1 : i + 3]
    if mark == "“" and after[:1] == " " and after[1:].strip():
        # "saying, “ you have to …": a space typed after an opening mark, which only ever
        # opens where a quote may start (after a space, a bracket or a dash).
        return (text[i - 1] if i > 0 else " ") in _OPEN_BEFORE
    return bool(after) and not after[0].isspace()


def _discard(stack: list[_Open], found: list[QuoteSpan]) -> None:
    """Drop the top opening mark as stray, keeping the quotes closed inside it."""
    entry = stack.pop()
    (stack[-1].children if stack else found).extend(entry.children)


def _carry_over(
    text: str, paras: list[tuple[int, int]], n: int, stack: list[_Open], found: list[QuoteSpan]
) -> int:
    """At a paragraph end: continue the open quote, recover it, or drop its stray marks.

    Returns the index of the next paragraph's opening mark to skip (-1 if none).
    """
    while len(stack) > 1:
        _discard(stack, found)
    bottom = stack[0]
    if n + 1 < len(paras):
        nxt_start, nxt_end = paras[n + 1]
        lead = len(text[nxt_start:nxt_end]) - len(text[nxt_start:nxt_end].lstrip())
        j = nxt_start + lead
        if text[j] in CLOSERS and _family(text[j]) == _family(bottom.mark):
            bottom.paragraphs += 1
            return j
    p_start, p_end = paras[n]
    end = p_end
    while end > bottom.index + 1 and text[end - 1].isspace():
        end -= 1
    head = text[p_start : bottom.index].strip()
    if end - bottom.index > 2 and (bottom.paragraphs > 1 or not head or head[-1] in ":,.!?"):
        stack.pop()
        found.append(
            QuoteSpan(bottom.index, end, MARK_STYLES[bottom.mark], False, bottom.paragraphs)
        )
    else:
        _discard(stack, found)
    return -1
