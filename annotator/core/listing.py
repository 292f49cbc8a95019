"""A quote as the workspace lists and highlights it: the fields shown, without its
context and stamps.

Opening a document shows every one of its quotes at once (a fill in the text, a row in the
table), but the analyst looks closely at one at a time. ``QuoteSummary`` carries what the
views show; the full ``Annotation`` (context for re-anchoring, annotator, stamps) is read
when a quote is selected or edited. ``QuoteView`` is what the views read, which both give.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from annotator.core.model import Annotation, Status


class QuoteView(Protocol):
    """The fields of a quote that views show: an ``Annotation`` or a ``QuoteSummary``."""

    @property
    def id(self) -> str: ...
    @property
    def document_id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def quote(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def tone(self) -> str | None: ...
    @property
    def devices(self) -> tuple[str, ...]: ...
    @property
    def status(self) -> Status: ...
    @property
    def placed(self) -> bool: ...
    @property
    def note(self) -> str | None: ...
    @property
    def confidence(self) -> float | None: ...
    @property
    def why(self) -> str | None: ...


class QuoteSummary(NamedTuple):
    """The shown fields of one quote (the same values as its ``Annotation``'s)."""

    id: str
    document_id: int
    start: int
    end: int
    quote: str
    speaker: str | None
    tone: str | None
    devices: tuple[str, ...]
    status: Status
    placed: bool
    note: str | None
    confidence: float | None
    why: str | None

    @classmethod
    def of(cls, annotation: Annotation) -> QuoteSummary:
        """The summary of a full annotation."""
        a = annotation
        return cls(a.id, a.document_id, a.start, a.end, a.quote, a.speaker, a.tone,
                   a.devices, a.status, a.placed, a.note, a.confidence, a.why)  # fmt: skip
