"""From a PDF's laid-out lines to running text: no page furniture, words whole, paragraphs kept.

A PDF holds positioned lines, not paragraphs. The layout library groups them into text
boxes in reading order (a column before the next); this module then drops the running
headers, footers and page numbers, joins a word hyphenated at a line end, joins the
lines of a paragraph with spaces and separates paragraphs by a blank line. Pure
functions over small dataclasses, so each rule is tested without a PDF.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# Headers and footers sit in the page's top or bottom band (A4 margins are about 8%).
MARGIN_BAND = 0.12
_ROMAN = r"(?-i:(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))"  # i to xxxix, lower case only
# "3", "- 3 -", "[iv]", "Page 3 of 10", "Seite 3 von 10", "3/10"
_PAGE_NUMBER = re.compile(
    rf"(page|p\.|seite|página|pagina)?\s*[-–—(\[]?\s*(\d{{1,4}}|{_ROMAN})\s*[-–—)\]]?"
    r"(\s*(of|/|von|de|sur|di)\s*\d{1,4})?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHENS = "-\u2010"  # hyphen-minus and hyphen; a line end with either may split a word
_SOFT_HYPHEN = "\u00ad"
_DASHES = "\u2013\u2014"
_PARAGRAPH_END = '.!?:;"”’»)'
_BULLETS = "•◦▪‣●○■□"
# Typesetting ligatures (ﬁ, ﬂ...) as their letters, so a quote can be searched for.
_LIGATURES = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
)
# pdfminer's mark for a glyph whose font does not say which character it draws
_UNKNOWN_GLYPH = re.compile(r"\(cid:\d+\)")


@dataclass(frozen=True)
class Line:
    """One laid-out line: its text and where it sits (PDF points, y grows upwards)."""

    text: str
    x0: float
    y0: float
    y1: float


@dataclass(frozen=True)
class Page:
    """A page's text boxes in reading order, each a tuple of lines, and its height."""

    boxes: tuple[tuple[Line, ...], ...]
    height: float


def running_text(pages: list[Page]) -> str:
    """The text of ``pages``: paragraphs separated by a blank line."""
    pages = drop_page_furniture(pages)
    lines = [line.text for page in pages for box in page.boxes for line in box]
    vocabulary = words_in(lines)
    paragraphs: list[list[str]] = []
    for page in pages:
        above = -1.0  # where the last box ended; a box starting higher is a new column
        for box in page.boxes:
            broken = box[0].y1 > above  # a page or column break came before this box
            for index, paragraph in enumerate(split_on_indent(box)):
                if (
                    index == 0
                    and broken
                    and paragraphs
                    and continues(paragraphs[-1][-1], paragraph[0])
                ):
                    paragraphs[-1].extend(paragraph)
                else:
                    paragraphs.append(paragraph)
            above = box[-1].y0
    return "\n\n".join(join_lines(paragraph, vocabulary) for paragraph in paragraphs)


def _in_band(line: Line, height: float) -> bool:
    band = height * MARGIN_BAND
    return line.y0 >= height - band or line.y1 <= band


def _key(text: str) -> str:
    """A line as compared across pages: page numbers and case do not count."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def running_lines(pages: list[Page]) -> set[str]:
    """The keys of lines in the top or bottom band that repeat: on 40% of the pages (a
    document's running title) or on three pages in a row (a chapter's)."""
    where: dict[str, list[int]] = defaultdict(list)
    for number, page in enumerate(pages):
        margins = {_key(ln.text) for box in page.boxes for ln in box if _in_band(ln, page.height)}
        for key in margins:
            where[key].append(number)
    needed = max(2, math.ceil(0.4 * len(pages)))
    return {
        key
        for key, numbers in where.items()
        if len(numbers) >= needed
        or any(b - a == 2 for a, b in zip(numbers, numbers[2:], strict=False))
    }


def drop_page_furniture(pages: list[Page]) -> list[Page]:
    """``pages`` without page numbers and without running headers and footers (a title,
    a date, "Press release - page 2")."""
    repeated = running_lines(pages)

    def furniture(line: Line, height: float) -> bool:
        if not _in_band(line, height):
            return False
        return _key(line.text) in repeated or bool(_PAGE_NUMBER.fullmatch(line.text.strip()))

    kept: list[Page] = []
    for page in pages:
        boxes = (tuple(ln for ln in box if not furniture(ln, page.height)) for box in page.boxes)
        kept.append(Page(tuple(box for box in boxes if box), page.height))
    return kept


def split_on_indent(box: tuple[Line, ...]) -> list[list[str]]:
    """A box's lines as paragraphs: a line indented past the box's left edge after a
    line that ends a sentence starts a new one (paragraphs set without space between),
    and so does a bulleted line."""
    paragraphs: list[list[str]] = []
    left = min(line.x0 for line in box)
    for line in box:
        text = line.text.strip()
        if not text:
            continue
        indented = line.x0 - left > 0.5 * (line.y1 - line.y0)
        new = indented and paragraphs and paragraphs[-1][-1].endswith(tuple(_PARAGRAPH_END))
        if paragraphs and not new and not text.startswith(tuple(_BULLETS)):
            paragraphs[-1].append(text)
        else:
            paragraphs.append([text])
    return paragraphs


def continues(last_line: str, next_line: str) -> bool:
    """Whether ``next_line`` goes on with the paragraph that ``last_line`` ended, across
    a column or page break: no sentence end before it and a lower-case word after."""
    if last_line.endswith(tuple(_PARAGRAPH_END)):
        return False
    return next_line[:1].islower()


def words_in(lines: Iterable[str]) -> set[str]:
    """The words and hyphenated compounds of ``lines``, in lower case."""
    return {word.lower() for line in lines for word in _WORD.findall(line)}


def join_lines(lines: list[str], vocabulary: set[str]) -> str:
    """The lines of one paragraph as one line. A word hyphenated at a line end is joined
    ("recon-" + "struction"), unless the text spells it with a hyphen elsewhere and never
    without ("co-" + "operate" stays "co-operate"); other lines are joined by a space."""
    text = lines[0]
    for line in lines[1:]:
        if text.endswith(_SOFT_HYPHEN):
            text = text[:-1] + line
        elif text[-1:] in _HYPHENS and text[-2:-1].isalpha() and line[:1].islower():
            text = _hyphenated(text, line, vocabulary)
        elif text[-1:] in _HYPHENS + _DASHES and not text[-2:-1].isspace():
            text += line  # "Anglo-" + "American", "2023-" + "2024", "said—" + "and"
        else:
            text += " " + line
    return text


def _hyphenated(text: str, line: str, vocabulary: set[str]) -> str:
    """``text`` ending in a hyphen after a letter, joined to ``line`` starting in lower
    case: the word whole, or with its hyphen when the text spells it so elsewhere only."""
    heads, tails = _WORD.findall(text[:-1]), _WORD.findall(line[:60])
    head = heads[-1] if heads else ""
    tail = tails[0] if tails and line.startswith(tails[0]) else ""
    real_hyphen = f"{head}-{tail}".lower() in vocabulary and (head + tail).lower() not in vocabulary
    return text + line if real_hyphen else text[:-1] + line


def clean_glyphs(text: str) -> tuple[str, int]:
    """``text`` with ligatures as letters and without pdfminer's marks for glyphs it could
    not map to characters; and how many such glyphs were left out."""
    unknown = len(_UNKNOWN_GLYPH.findall(text))
    return _UNKNOWN_GLYPH.sub("", text).translate(_LIGATURES), unknown
