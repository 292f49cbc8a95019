"""Helpers shared by the exporters: text cleaning, file names, context, dates, colours.

Kept free of any one format so each exporter stays a short translation of the corpus.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from bisect import bisect_left
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import urlsplit

from annotator.core.corpus import Corpus
from annotator.core.fields import time_text
from annotator.core.model import Annotation, Document
from annotator.core.reading import reading_key

# Okabe-Ito: readable by people with the common forms of colour blindness.
SAFE_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#999999",
)

# Characters XML 1.0 forbids (python-docx and lxml raise ValueError on them).
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Word stores a manual line break as \x0b and a page break as \x0c.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"})
_NEEDS_CLEANING = re.compile(f"[\x0b\x0c\u2028\u2029]|{_XML_INVALID.pattern}")
_TERMINATORS = r"[.!?\u2026\u061f\u06d4\u3002]"
_CLOSERS = r"[\"'\u201d\u2019\u00bb)\]]"
_SENTENCE_END = re.compile(rf"{_TERMINATORS}{_CLOSERS}*\s+|\n")
# The last end of a sentence before a point, found in the reversed text (one search, not
# every end in the 400 characters before it): the whitespace after a terminator and its
# closers, or else the last line end. Its start is where the last _SENTENCE_END ends.
_SENTENCE_END_BEFORE = re.compile(rf"\s+(?={_CLOSERS}*{_TERMINATORS})|\n")
_UUID_HEX = re.compile("[0-9a-f]{32}")
_COLOUR = re.compile(r"#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))}
_WINDOWS_RESERVED |= {f"lpt{i}" for i in range(10)}

# Stable GUIDs for things that have no uuid of their own (codes, documents, users).
SPEECHMARK_NAMESPACE = uuid.UUID("6f1f0a6e-5a55-4b8e-9c55-2f5d5e6c7a10")


def xml_safe(text: str | None) -> str:
    """``text`` with XML-invalid control characters removed (line/page breaks -> ``\\n``)."""
    if not text:
        return ""
    if text.isprintable() or is_xml_safe(text):  # nearly always: no copy
        return text
    return _XML_INVALID.sub("", text.translate(_BREAKS))


def is_xml_safe(text: str) -> bool:
    """True when ``xml_safe(text)`` is ``text`` itself (several texts joined by spaces are
    checked at once)."""
    # Printable text (no control, separator or unassigned character) is safe: one quick
    # scan. So is text printable once its line ends and tabs are spaces (a few scans as
    # quick: a document's paragraphs); a no-break space sends it on to the exact search.
    if text.isprintable():
        return True
    spaced = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return spaced.isprintable() or _NEEDS_CLEANING.search(text) is None


def one_line(text: str | None) -> str:
    """``text`` cleaned and folded onto one line (for line-based formats)."""
    return " ".join(xml_safe(text).split())


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence(s) containing ``text[start:end]``, at most ``limit`` characters each side."""
    floor = max(0, start - limit)
    before = _SENTENCE_END_BEFORE.search(text[floor:start][::-1])
    boundary = start - before.start() if before else None
    ceiling = min(len(text), end + limit)
    after = _SENTENCE_END.search(text, max(start, end - 1), ceiling)
    context = text[boundary if boundary is not None else floor : after.end() if after else ceiling]
    prefix = "\u2026" if boundary is None and floor > 0 else ""
    suffix = "\u2026" if after is None and ceiling < len(text) else ""
    return f"{prefix}{context.strip()}{suffix}"


def safe_filename(name: str, taken: set[str], fallback: str = "document") -> str:
    """A portable, unique file stem for ``name``; records it in ``taken`` (lowercased)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    stem = _UNSAFE_NAME.sub("-", ascii_name).strip("-._")[:60].rstrip("-._") or fallback
    if stem.casefold() in _WINDOWS_RESERVED:
        stem = f"{stem}-{fallback}"
    candidate, number = stem, 2
    while candidate.casefold() in taken:
        candidate, number = f"{stem}-{number}", number + 1
    taken.add(candidate.casefold())
    return candidate


@lru_cache(maxsize=4096)  # quotes marked together share their stamps
def iso_utc(moment: datetime) -> str:
    """``2024-05-01T10:00:00Z``; naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return time_text(moment)


def parse_iso(value: str | None) -> datetime | None:
    """A timezone-aware datetime from an ``xsd:dateTime``-like string, or None."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def normalise_colour(value: str | None) -> str | None:
    """``#RRGGBB`` (upper case) from ``#rgb``/``rrggbb``/``#rrggbb``; None if not a colour."""
    match = _COLOUR.fullmatch(value.strip()) if value else None
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return f"#{digits.upper()}"


def colour_or_default(value: str | None, index: int) -> str:
    """The colour if valid, else the ``index``-th colour of the safe palette."""
    return normalise_colour(value) or SAFE_PALETTE[index % len(SAFE_PALETTE)]


def stable_uuid(*parts: object) -> uuid.UUID:
    """A uuid5 derived from ``parts``: the same inputs give the same id in every export."""
    return uuid.uuid5(SPEECHMARK_NAMESPACE, "\x1f".join(str(p) for p in parts))


_NAMESPACE_SHA1 = hashlib.sha1(SPEECHMARK_NAMESPACE.bytes, usedforsecurity=False)
# uuid5 keeps two bits of the 17th hex digit and sets the top one (the RFC 4122 variant).
_VARIANT_DIGIT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def stable_guid(*parts: object) -> str:
    """``str(stable_uuid(*parts))``, formatted from one SHA-1 (exports make one per quote
    and per coding: no ``UUID`` object each time)."""
    digest = _NAMESPACE_SHA1.copy()
    digest.update("\x1f".join(map(str, parts)).encode("utf-8"))
    return _guid_text(digest.hexdigest())


class GuidPrefix:
    """``stable_guid(*parts, *more)`` for many ``more`` after the same ``parts``, which are
    hashed once (a quote's codings share ``"coding"`` and the quote's GUID)."""

    def __init__(self, *parts: object) -> None:
        self._digest = _NAMESPACE_SHA1.copy()
        self._digest.update(("\x1f".join(map(str, parts)) + "\x1f").encode("utf-8"))

    def then(self, part: str) -> GuidPrefix:
        """The prefix of ``parts`` and one more part (already text), from this one's hash."""
        longer = GuidPrefix.__new__(GuidPrefix)
        longer._digest = self._digest.copy()
        longer._digest.update(f"{part}\x1f".encode())
        return longer

    def guid(self, *more: object) -> str:
        """``stable_guid(*parts, *more)``."""
        return self.guid_of("\x1f".join(map(str, more)))

    def guids_after(self, part: str, texts: Iterable[bytes]) -> list[str]:
        """``stable_guid(*parts, part, text)`` for each of ``texts`` (encoded as UTF-8),
        ``part`` hashed once for them all (a quote's codings)."""
        after = self._digest.copy()
        after.update(f"{part}\x1f".encode())
        found, copy, variant = [], after.copy, _VARIANT_DIGIT
        for text in texts:
            digest = copy()
            digest.update(text)
            hex_digits = digest.hexdigest()
            found.append(
                f"{hex_digits[:8]}-{hex_digits[8:12]}-5{hex_digits[13:16]}-"
                f"{variant[hex_digits[16]]}{hex_digits[17:20]}-{hex_digits[20:32]}"
            )
        return found

    def guid_of(self, text: str) -> str:
        """``stable_guid(*parts, text)``: one more part, already text."""
        digest = self._digest.copy()
        digest.update(text.encode("utf-8"))
        hex_digits = digest.hexdigest()
        return (
            f"{hex_digits[:8]}-{hex_digits[8:12]}-5{hex_digits[13:16]}-"
            f"{_VARIANT_DIGIT[hex_digits[16]]}{hex_digits[17:20]}-{hex_digits[20:32]}"
        )


def _guid_text(hex_digits: str) -> str:
    # uuid5's text: the first 32 digits of the SHA-1, version 5 and the RFC 4122 variant.
    return (
        f"{hex_digits[:8]}-{hex_digits[8:12]}-5{hex_digits[13:16]}-"
        f"{_VARIANT_DIGIT[hex_digits[16]]}{hex_digits[17:20]}-{hex_digits[20:32]}"
    )


class GrowingUuid:
    """``stable_uuid(*parts)`` for parts that arrive one at a time: the same id, without
    keeping the parts (uuid5 is a SHA-1 over the namespace and the joined parts)."""

    def __init__(self, *parts: object) -> None:
        self._digest = hashlib.sha1(SPEECHMARK_NAMESPACE.bytes, usedforsecurity=False)
        self._empty = True
        for part in parts:
            self.add(part)

    def add(self, part: object) -> None:
        """Append one part."""
        if not self._empty:
            self._digest.update(b"\x1f")
        self._digest.update(str(part).encode("utf-8"))
        self._empty = False

    def uuid(self) -> uuid.UUID:
        """The id of the parts so far."""
        return uuid.UUID(bytes=self._digest.digest()[:16], version=5)


def annotation_uuid(annotation: Annotation) -> uuid.UUID:
    """The annotation's own id as a UUID (derived if it is not a uuid hex string)."""
    try:
        return uuid.UUID(annotation.id)
    except ValueError:
        return stable_uuid("annotation", annotation.id)


_ANNOTATION_GUIDS = GuidPrefix("annotation")


def annotation_guid(annotation: Annotation) -> str:
    """``str(annotation_uuid(annotation))``; the ids Speechmark makes (32 lowercase hex
    digits) are only cut into groups, not parsed, and an id that ``uuid.UUID`` would
    refuse for its length is not tried (an exception per quote is slow)."""
    own = annotation.id
    if len(own) == 32 and _UUID_HEX.fullmatch(own):
        return f"{own[:8]}-{own[8:12]}-{own[12:16]}-{own[16:20]}-{own[20:]}"
    if len(own) < 32:  # too short to hold a UUID's digits (an imported "00001-00042")
        return _ANNOTATION_GUIDS.guid_of(own)
    # As uuid.UUID reads a text: without "urn:", "uuid:", braces and dashes it needs 32 digits.
    digits = own.replace("urn:", "").replace("uuid:", "").strip("{}").replace("-", "")
    if len(digits) != 32:
        return _ANNOTATION_GUIDS.guid_of(own)
    return str(annotation_uuid(annotation))


def normalise_newlines(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with CRLF/CR turned to LF, and a function mapping old offsets to new ones."""
    crlf = [m.start() for m in re.finditer("\r\n", text)]
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")

    def shift(offset: int) -> int:
        return offset - bisect_left(crlf, offset)

    return normalised, shift


def public_url(source: str | None) -> str | None:
    """``source`` if it is a web address (http, https), else None.

    A document imported from a file has its local path as source: that is no IRI for
    other tools, and it would publish the analyst's folders (often their user name).
    """
    if not source:
        return None
    try:
        parts = urlsplit(source.strip())
    except ValueError:
        return None
    return source.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def documents_in_order(corpus: Corpus) -> list[Document]:
    """Documents by publication date (undated last), then title: the order readers expect."""
    return sorted(corpus.documents, key=reading_key)


def names_used(values: Iterable[str | None]) -> list[str]:
    """Distinct non-empty names in first-seen order."""
    return list(dict.fromkeys(v for v in values if v))
