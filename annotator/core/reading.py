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
        tally = Tally()
        for document in documents:
            tally.document(document)
        for annotation in annotations:
            tally.quote(annotation)
        return tally.usage()


class Tally:
    """Builds a ``Usage`` one document and one quote at a time."""

    def __init__(self) -> None:
        self._names: tuple[dict[str, None], ...] = ({}, {}, {}, {}, {})
        self._statuses: set[Status] = set()
        self._documents = self._quotes = 0

    def document(self, document: Document) -> None:
        self._documents += 1
        self._names[4].update(dict.fromkeys(name for name, _value in document.attributes))

    def quote(self, annotation: Coded) -> None:
        self._quotes += 1
        speakers, tones, devices, annotators, _variables = self._names
        if annotation.speaker:
            speakers[annotation.speaker] = None
        if annotation.tone:
            tones[annotation.tone] = None
        devices.update(dict.fromkeys(d for d in annotation.devices if d))
        if annotation.annotator:
            annotators[annotation.annotator] = None
        self._statuses.add(annotation.status)

    def usage(self) -> Usage:
        speakers, tones, devices, annotators, variables = (tuple(n) for n in self._names)
        return Usage(speakers, tones, devices, annotators, frozenset(self._statuses),
                     variables, self._documents, self._quotes)  # fmt: skip


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
