"""Telling a file's real title, author and date from what its software filled in.

Word, PDF makers and libraries write placeholders into a file's properties: a title
"Microsoft Word - speech.docx" or "untitled", an author "python-docx" or "anonymous", the
creation date of python-docx's own template. Such values say nothing about the article,
so they count as unknown and the importer falls back to the text itself.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# What generators write when nobody gave a value (compared in lower case).
_PLACEHOLDERS = {
    "",
    "untitled",
    "untitled document",
    "no title",
    "title",
    "document",
    "anonymous",
    "unknown",
    "unspecified",
    "author",
    "user",
    "administrator",
    "admin",
    "python-docx",
}
# "Microsoft Word - speech.docx", the title Word's PDF printer gives every file.
_APP_PREFIX = re.compile(r"^microsoft\s+(word|powerpoint|excel|office)\b", re.IGNORECASE)
_FILE_NAME = re.compile(
    r"\.(docx?|dotx?|pdf|rtf|odt|pages|indd|txt|md|html?|pptx?|xlsx?|tex|ps)$", re.IGNORECASE
)
# python-docx's default template was made at this moment; documents it makes keep it.
TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
TITLE_LENGTH = 150


def real_title(value: str | None) -> str | None:
    """``value`` as a title, or None when it is empty, a placeholder or a file name."""
    title = " ".join((value or "").split())
    if title.lower() in _PLACEHOLDERS or re.fullmatch(r"untitled[-\s]?\d*", title, re.I):
        return None
    if _APP_PREFIX.match(title) or _FILE_NAME.search(title):
        return None
    return title


def real_author(value: str | None) -> str | None:
    """``value`` as an author, or None when it is empty or a generator's placeholder."""
    author = " ".join((value or "").split())
    return None if author.lower() in _PLACEHOLDERS else author


def real_created(value: datetime | None) -> str | None:
    """A creation time as an ISO date, or None when unset or python-docx's template date."""
    if value is None or value.replace(tzinfo=None) == TEMPLATE_CREATED:
        return None
    return value.date().isoformat()


def pdf_date(value: str | None) -> str | None:
    """A PDF date ("D:20240315093000+01'00'") as YYYY-MM-DD, or as precise as it is
    (YYYY-MM, YYYY); None when it is not a valid date."""
    found = _PDF_DATE.match((value or "").strip())
    if not found:
        return None
    year, month, day = found.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part) if year != "0000" else None


def first_line_title(text: str) -> str | None:
    """The first non-empty line of ``text`` as a title, cut at a word near
    ``TITLE_LENGTH`` characters when longer."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(first) <= TITLE_LENGTH:
        return first or None
    cut = first[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-") + "…"
