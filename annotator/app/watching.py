"""Progress and cancelling for a long export: a ``CorpusSource`` that reports as it is read.

Exporters read a corpus in one ordered pass (``CorpusReader.by_document``). ``watched``
wraps a source so that each document handed to the exporter first reports how many quotes
(and documents) have been written so far; when the callback answers False, the pass stops
with ``ExportCancelled``. Writers put their output in place only once they finish (see
``annotator.io.safe_write``), so a cancelled export leaves the target as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sized
from contextlib import contextmanager
from typing import Any

from annotator.core.model import Annotation, Document
from annotator.core.reading import CorpusReader, CorpusSource, Order

# (quotes written, quotes in all, documents written) -> go on?
ExportProgress = Callable[[int, int, int], bool]


class ExportCancelled(Exception):
    """The export was stopped before it finished; nothing was written."""

    def __init__(self) -> None:
        super().__init__("cancelled: nothing was written")


class WatchedSource:
    """``source`` (a ``CorpusSource``), reporting to ``progress`` as an exporter reads it."""

    def __init__(self, source: CorpusSource, progress: ExportProgress) -> None:
        self.source = source
        self.progress = progress

    @property
    def annotations(self) -> Sized:
        return self.source.annotations

    def __getattr__(self, name: str) -> Any:  # anything else a writer asks of its source
        return getattr(self.source, name)

    @contextmanager
    def reading(self) -> Iterator[CorpusReader]:
        with self.source.reading() as reader:
            yield WatchedReader(reader, len(self.source.annotations), self.progress)


class WatchedReader:
    """A ``CorpusReader`` whose ordered pass reports before each document."""

    def __init__(self, reader: CorpusReader, total: int, progress: ExportProgress) -> None:
        self.reader = reader
        self.total = total
        self.progress = progress

    def __getattr__(self, name: str) -> Any:  # speakers, codebook, speaker(), usage()
        return getattr(self.reader, name)

    def by_document(
        self, order: Order = Order.READING
    ) -> Iterator[tuple[Document, list[Annotation]]]:
        quotes = documents = 0
        for document, quoted in self.reader.by_document(order):
            if not self.progress(quotes, self.total, documents):
                raise ExportCancelled
            yield document, quoted
            quotes += len(quoted)
            documents += 1
        if not self.progress(quotes, self.total, documents):  # the last one, written whole
            raise ExportCancelled


def watched(source: CorpusSource, progress: ExportProgress) -> WatchedSource:
    """``source`` reporting to ``progress``; see the module's description."""
    return WatchedSource(source, progress)
