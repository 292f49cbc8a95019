"""How exporters read a corpus: one document with its quotes at a time.

A ``CorpusSource`` is what an exporter takes: a ``Corpus`` in memory, or the store's
stream of a project's selection. ``reading()`` gives a ``CorpusReader``, a consistent view
for one export: speaker profiles and the codebook at hand, a ``Usage`` (the names the
quotes use, for formats that declare their codes before the quotes), and the documents
with their quotes in one ordered pass (``by_document``), so memory need not grow with the
corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sized
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from annotator.core.model import Annotation, Codebook, Document, Speaker, Status


class Order(StrEnum):
    """The order an exporter walks the documents in."""

    STORED = "stored"  # by document id, as the project holds them
    READING = "reading"  # by publication date (undated last), then title


def reading_key(document: Document) -> tuple[bool, str, str]:
    """The sort key of ``Order.READING``; ties keep the stored order (sorts are stable)."""
    return (document.published is None, document.published or "", document.title)


class Coded(Protocol):
    """What a filter reads off a quote: its review state and codes."""

    @property
    def status(self) -> Status: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def tone(self) -> str | None: ...
    @property
    def annotator(self) -> str | None: ...
    @property
    def devices(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Usage:
    """What a corpus's quotes use, each name once, first seen first (quotes by document id,
    then reading order), and how many documents and quotes it has."""

    speakers: tuple[str, ...] = ()
    tones: tuple[str, ...] = ()
    devices: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    statuses: frozenset[Status] = frozenset()
    variables: tuple[str, ...] = ()  # names of the documents' own variables, by document id
    documents: int = 0
    quotes: int = 0

    @classmethod
    def of(cls, documents: Iterable[Document], annotations: Iterable[Coded]) -> Usage:
        """The usage of ``annotations`` (in the order given) on ``documents``."""
        speakers: dict[str, None] = {}
        tones: dict[str, None] = {}
        devices: dict[str, None] = {}
        annotators: dict[str, None] = {}
        statuses: set[Status] = set()
        quotes = 0
        for a in annotations:
            quotes += 1
            speakers.update(dict.fromkeys([a.speaker] if a.speaker else []))
            tones.update(dict.fromkeys([a.tone] if a.tone else []))
            devices.update(dict.fromkeys(d for d in a.devices if d))
            annotators.update(dict.fromkeys([a.annotator] if a.annotator else []))
            statuses.add(a.status)
        variables: dict[str, None] = {}
        count = 0
        for document in documents:
            count += 1
            variables.update(dict.fromkeys(name for name, _value in document.attributes))
        return cls(tuple(speakers), tuple(tones), tuple(devices), tuple(annotators),
                   frozenset(statuses), tuple(variables), count, quotes)  # fmt: skip


class CorpusReader(Protocol):
    """One export's view of a corpus (see the module docstring)."""

    @property
    def speakers(self) -> tuple[Speaker, ...]: ...

    @property
    def codebook(self) -> Codebook: ...

    def speaker(self, name: str | None) -> Speaker | None:
        """The profile of the speaker of that canonical name, if known."""
        ...

    def usage(self) -> Usage:
        """The names, review states and variables the quotes use."""
        ...

    def variables(self) -> tuple[str, ...]:
        """``usage().variables`` alone (a reader may find them without the quotes)."""
        ...

    def by_document(
        self, order: Order = Order.READING
    ) -> Iterator[tuple[Document, list[Annotation]]]:
        """Each document with its quotes in reading order (start, end, id)."""
        ...


class CorpusSource(Protocol):
    """What an exporter takes (a ``Corpus``, or the store's stream of a selection)."""

    @property
    def annotations(self) -> Sized: ...

    def reading(self) -> AbstractContextManager[CorpusReader]:
        """A consistent view of the corpus for one export."""
        ...
