"""A corpus: documents with their annotations, speakers and codebook, and its filters.

Importers of exchange formats return a ``Corpus``; the store builds one from a project
(``Project.corpus()``) and takes one in (``Project.import_corpus``). A ``Corpus`` is also a
``CorpusSource`` (``annotator.core.reading``), so exporters write it like a stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from functools import cached_property

from annotator.core.model import Annotation, Codebook, Document, Speaker, Status
from annotator.core.reading import Coded, Order, Usage, reading_key


@dataclass(frozen=True)
class Corpus:
    """Documents, their annotations, and the speakers and codebook they use."""

    documents: tuple[Document, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    codebook: Codebook = field(default_factory=Codebook)

    def annotations_of(self, document_id: int | None) -> list[Annotation]:
        """The annotations of one document, in reading order."""
        return list(self._by_document.get(document_id, ()))

    @cached_property
    def _by_document(self) -> dict[int | None, tuple[Annotation, ...]]:
        # Built once: exporters ask for every document's quotes (one pass, not one per
        # document over the whole corpus).
        grouped: dict[int | None, list[Annotation]] = {}
        for a in self.annotations:
            grouped.setdefault(a.document_id, []).append(a)
        return {
            key: tuple(sorted(found, key=lambda a: (a.start, a.end, a.id)))
            for key, found in grouped.items()
        }

    def reading(self) -> AbstractContextManager[Corpus]:
        """The corpus itself: it is in memory already."""
        return nullcontext(self)

    def by_document(
        self, order: Order = Order.READING
    ) -> Iterator[tuple[Document, list[Annotation]]]:
        """Each document with its quotes in reading order (start, end, id)."""
        documents = self.documents
        if order is Order.READING:
            documents = tuple(sorted(documents, key=reading_key))
        for document in documents:
            yield document, self.annotations_of(document.id)

    def usage(self) -> Usage:
        """The names, review states and variables this corpus uses."""
        return Usage.of(self.documents, self.annotations)

    def variables(self) -> tuple[str, ...]:
        """The names of the documents' own variables, first seen first."""
        return self.usage().variables

    def speaker(self, name: str | None) -> Speaker | None:
        """The speaker of that canonical name, if known."""
        return self._speakers.get(name) if name else None

    def document(self, document_id: int | None) -> Document | None:
        return self._documents.get(document_id)

    @cached_property
    def _documents(self) -> dict[int | None, Document]:
        return {d.id: d for d in reversed(self.documents)}  # the first wins, as before

    @cached_property
    def _speakers(self) -> dict[str, Speaker]:
        return {s.name: s for s in reversed(self.speakers)}


@dataclass(frozen=True)
class CorpusFilter:
    """What an export or briefing covers. Empty collections mean "no restriction".

    Names match case-insensitively. ``statuses`` defaults to accepted quotes only.
    Dates compare as ISO strings (``published`` is YYYY-MM-DD or a prefix of it).
    """

    document_ids: frozenset[int] = frozenset()
    speakers: frozenset[str] = frozenset()
    tones: frozenset[str] = frozenset()
    devices: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset({Status.ACCEPTED})
    published_from: str | None = None
    published_to: str | None = None
    annotators: frozenset[str] = frozenset()  # who made the quote (case-insensitive)
    # The analyst's document variables as (name, value) pairs: a document must have one of
    # the values given for each variable named.
    attributes: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def build(
        cls,
        document_ids: Iterable[int] = (),
        speakers: Iterable[str] = (),
        tones: Iterable[str] = (),
        devices: Iterable[str] = (),
        statuses: Iterable[Status | str] | None = None,
        published_from: str | None = None,
        published_to: str | None = None,
        annotators: Iterable[str] = (),
        attributes: Iterable[tuple[str, str]] = (),
    ) -> CorpusFilter:
        """A filter from plain values (e.g. command-line options); no statuses = any."""
        return cls(
            document_ids=frozenset(document_ids),
            speakers=frozenset(s.casefold() for s in speakers),
            tones=frozenset(t.casefold() for t in tones),
            devices=frozenset(d.casefold() for d in devices),
            statuses=frozenset(Status(s) for s in statuses) if statuses else frozenset(Status),
            published_from=published_from,
            published_to=published_to,
            annotators=frozenset(a.casefold() for a in annotators),
            attributes=frozenset((n, v.casefold()) for n, v in attributes),
        )

    def keeps_document(self, document: Document) -> bool:
        if self.document_ids and document.id not in self.document_ids:
            return False
        wanted: dict[str, set[str]] = {}
        for name, value in self.attributes:  # any of a variable's values, every variable
            wanted.setdefault(name, set()).add(value)
        for name, values in wanted.items():
            if (document.attribute(name) or "").casefold() not in values:
                return False
        if self.published_from or self.published_to:
            if not document.published:
                return False
            day = document.published[:10]
            if self.published_from and day < self.published_from:
                return False
            if self.published_to and day > self.published_to:
                return False
        return True

    def keeps_annotation(self, annotation: Annotation) -> bool:
        """True for a quote the filter selects; never one not placed on its text (after a
        re-import), whose span would point at the wrong words in any export."""
        return annotation.placed and self.matches(annotation)

    def matches(self, annotation: Coded) -> bool:
        """True when the quote's status, speaker, tone and devices are wanted."""
        if self.statuses and annotation.status not in self.statuses:
            return False
        if self.speakers and (annotation.speaker or "").casefold() not in self.speakers:
            return False
        if self.tones and (annotation.tone or "").casefold() not in self.tones:
            return False
        if self.annotators and (annotation.annotator or "").casefold() not in self.annotators:
            return False
        return not self.devices or any(d.casefold() in self.devices for d in annotation.devices)

    @property
    def restricts_annotations(self) -> bool:
        return bool(self.speakers or self.tones or self.devices or self.annotators)


def unplaced(corpus: Corpus, wanted: CorpusFilter) -> int:
    """How many quotes ``select`` leaves out only because they are not placed on their text."""
    kept_ids = {d.id for d in corpus.documents if wanted.keeps_document(d)}
    return sum(
        1
        for a in corpus.annotations
        if not a.placed and a.document_id in kept_ids and wanted.matches(a)
    )


def unplaced_note(count: int) -> str:
    """What an export says about the quotes it left out, or ""."""
    if not count:
        return ""
    quotes = "1 quote was" if count == 1 else f"{count} quotes were"
    return (
        f"{quotes} left out: not found in the new text of a re-imported document "
        "(mark them again, or delete them)."
    )


def select(corpus: Corpus, wanted: CorpusFilter) -> Corpus:
    """The part of ``corpus`` that ``wanted`` keeps.

    Documents outside the filter are dropped; when the filter names speakers, tones or
    devices, documents left with no matching annotation are dropped too.
    """
    documents = [d for d in corpus.documents if wanted.keeps_document(d)]
    kept_ids = {d.id for d in documents}
    annotations = tuple(
        a for a in corpus.annotations if a.document_id in kept_ids and wanted.keeps_annotation(a)
    )
    if wanted.restricts_annotations:
        with_quotes = {a.document_id for a in annotations}
        documents = [d for d in documents if d.id in with_quotes]
    used = {a.speaker for a in annotations}
    speakers = tuple(s for s in corpus.speakers if s.name in used)
    return replace(corpus, documents=tuple(documents), annotations=annotations, speakers=speakers)
