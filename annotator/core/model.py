"""The domain: documents, speakers, the codebook and annotations.

Plain frozen dataclasses. Offsets are Python ``str`` indices (Unicode code points), end
exclusive; Qt's UTF-16 positions are converted at the UI boundary (see ``offsets``).
Annotations refer to speakers, tones and devices by name: names are unique within their
kind, and the store keeps the ids.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from functools import cached_property
from typing import Any

CONTEXT_CHARS = 32


class Status(StrEnum):
    """Where an annotation stands in review."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class CodeKind(StrEnum):
    """The two kinds of codebook entries."""

    TONE = "tone"
    DEVICE = "device"


def now() -> datetime:
    """The current UTC time to the second: what every created/modified stamp uses."""
    return datetime.now(UTC).replace(microsecond=0)


def text_sha256(text: str) -> str:
    """Hex SHA-256 of a document's text (UTF-8), used to detect re-imports."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_annotation_id() -> str:
    """A fresh, globally unique annotation id (kept across exports and imports)."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Document:
    """An imported article or speech. Its text never changes after import."""

    title: str
    text: str
    source: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD), or as precise as known
    language: str | None = None
    imported_at: datetime = field(default_factory=now)
    id: int | None = None
    url: str | None = None  # where it was published, when it has a web address
    # The analyst's own variables (country, party, medium...), sorted by name.
    attributes: tuple[tuple[str, str], ...] = ()

    @cached_property
    def sha256(self) -> str:
        """The text's hash, computed once per document object."""
        return text_sha256(self.text)

    def attribute(self, name: str) -> str | None:
        """The value of one of the analyst's variables, if set."""
        return dict(self.attributes).get(name)

    def with_attributes(self, values: Mapping[str, str | None]) -> Document:
        """This document with ``values`` set (None or "" removes a variable)."""
        merged = dict(self.attributes)
        for name, value in values.items():
            if value is None or value == "":
                merged.pop(name, None)
            else:
                merged[name] = value
        return replace(self, attributes=tuple(sorted(merged.items())))


@dataclass(frozen=True)
class Speaker:
    """A person (or body) quoted in the corpus, with the other names it goes by."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    organisation: str | None = None
    country: str | None = None
    colour: str | None = None
    id: int | None = None

    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Code:
    """A tone or a rhetorical device of the codebook."""

    kind: CodeKind
    name: str
    description: str = ""
    colour: str | None = None
    shortcut: str | None = None
    parent: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Codebook:
    """The tones and devices an analyst codes with."""

    tones: tuple[Code, ...] = ()
    devices: tuple[Code, ...] = ()

    def of_kind(self, kind: CodeKind) -> tuple[Code, ...]:
        return self.tones if kind is CodeKind.TONE else self.devices

    def find(self, kind: CodeKind, name: str) -> Code | None:
        """The code of that kind whose name matches case-insensitively, if any."""
        wanted = name.strip().casefold()
        return next((c for c in self.of_kind(kind) if c.name.casefold() == wanted), None)


def _kind(kind: str, *, derived: bool = False) -> dict[str, object]:
    # What a field holds, read by ``annotator.core.fields`` (storage and formats derive
    # from it); ``derived`` fields are recomputed from the text, never carried.
    return {"kind": kind, "derived": derived}


@dataclass(frozen=True)
class Annotation:
    """A marked quote: its span, who said it, the tone and devices, and its review state.

    ``prefix``/``suffix`` keep up to 32 characters of context on each side, so the
    annotation can be re-anchored if the document is re-imported with small changes.
    ``why`` explains a suggestion to the analyst. ``placed`` is False when the document was
    re-imported and the quote could not be found in its new text: the span is then the old
    one, and means nothing in the current text, until the analyst marks the quote again.
    """

    document_id: int = field(metadata=_kind("document"))
    start: int = field(metadata=_kind("offset"))
    end: int = field(metadata=_kind("offset"))
    quote: str = field(metadata=_kind("text"))
    speaker: str | None = field(default=None, metadata=_kind("name"))
    tone: str | None = field(default=None, metadata=_kind("name"))
    devices: tuple[str, ...] = field(default=(), metadata=_kind("names"))
    note: str | None = field(default=None, metadata=_kind("text"))
    status: Status = field(default=Status.ACCEPTED, metadata=_kind("status"))
    confidence: float | None = field(default=None, metadata=_kind("number"))
    annotator: str | None = field(default=None, metadata=_kind("text"))
    created: datetime = field(default_factory=now, metadata=_kind("time"))
    modified: datetime = field(default_factory=now, metadata=_kind("time"))
    # Context and placement are recomputed from the text wherever a quote is read in.
    prefix: str = field(default="", metadata=_kind("text", derived=True))
    suffix: str = field(default="", metadata=_kind("text", derived=True))
    id: str = field(default_factory=new_annotation_id, metadata=_kind("id"))
    why: str | None = field(default=None, metadata=_kind("text"))  # a suggestion's reason
    placed: bool = field(default=True, metadata=_kind("flag", derived=True))

    @classmethod
    def restored(cls, values: dict[str, Any]) -> Annotation:
        """The annotation whose fields have ``values`` (every field, as a store reads them
        back): equal to ``Annotation(**values)``, without the frozen dataclass's set-up of
        each field, which took much of the time of reading a large project."""
        if values.keys() != _ANNOTATION_FIELDS:
            missing = _ANNOTATION_FIELDS ^ values.keys()
            raise TypeError(f"an annotation needs every field: {', '.join(sorted(missing))}")
        annotation = object.__new__(cls)
        annotation.__dict__.update(values)
        return annotation

    @classmethod
    def on(cls, document_id: int, text: str, start: int, end: int, **values: object) -> Annotation:
        """An annotation of ``text[start:end]`` with its quote and context filled in."""
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}-{end} is outside the text (length {len(text)})")
        prefix, suffix = context_around(text, start, end)
        return cls(
            document_id=document_id,
            start=start,
            end=end,
            quote=text[start:end],
            prefix=prefix,
            suffix=suffix,
            **values,  # type: ignore[arg-type]
        )

    def moved(self, text: str, start: int, end: int) -> Annotation:
        """The same annotation over another span of ``text``."""
        prefix, suffix = context_around(text, start, end)
        return replace(
            self,
            start=start,
            end=end,
            quote=text[start:end],
            prefix=prefix,
            suffix=suffix,
            placed=True,
        )


_ANNOTATION_FIELDS = frozenset(f.name for f in fields(Annotation))


def context_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The (prefix, suffix) context kept with a quote: 32 characters each side."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def match_speaker(speakers: Iterable[Speaker], name: str) -> Speaker | None:
    """The speaker whose name, alias or (if unambiguous) surname is ``name``, in any case."""
    wanted = name.strip().casefold()
    speakers = list(speakers)
    exact = next((sp for sp in speakers if sp.name.casefold() == wanted), None)
    if exact:
        return exact
    alias = next((sp for sp in speakers if any(a.casefold() == wanted for a in sp.aliases)), None)
    if alias or " " in wanted:
        return alias
    # A lone surname names a speaker when exactly one has it.
    by_surname = [sp for sp in speakers if sp.name.casefold().split()[-1] == wanted]
    return by_surname[0] if len(by_surname) == 1 else None
