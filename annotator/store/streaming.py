"""A project's selected quotes, read as an export writes them: one document at a time.

``CorpusStream.of(project, wanted)`` reads the speakers and the codebook and counts the
selection on the project's own thread. ``reading()`` may run on any thread: it takes its
own connection in one read transaction (a snapshot, so a colleague's edit during a long
export cannot make the file disagree with itself) and walks the documents in one ordered
pass. Two queries share one order (documents; quotes joined to their document, each with
its devices) and are merged as their rows arrive, so only the current document and its
quotes are in memory however large the project is.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby, islice
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine
from sqlmodel import Session

from annotator.core.corpus import CorpusFilter
from annotator.core.model import Annotation, Codebook, Document, Speaker, Status
from annotator.core.reading import Order, Usage
from annotator.store import translate
from annotator.store.lookup import Names
from annotator.store.project import DeviceNames, Project
from annotator.store.project import _device_codes as device_codes
from annotator.store.selection_sql import (
    DEVICE,
    DOCUMENT,
    QUOTE,
    count_quotes,
    kept_documents,
    quote_conditions,
)

MANY_STAMPS = 4096  # parsed stamps kept for the next quotes (most share a few)


@dataclass(frozen=True)
class QuoteCount:
    """How many quotes a stream holds (it has no list of them to measure)."""

    count: int

    def __len__(self) -> int:
        return self.count


@dataclass(frozen=True)
class Counts:
    """What a selection holds, counted when it is prepared."""

    quotes: int = 0
    unplaced: int = 0  # quotes left out only because they are not placed on their text


class CorpusStream:
    """A selection of a project (a ``CorpusSource``) read from the store as it is written."""

    def __init__(
        self,
        engine: Engine,
        wanted: CorpusFilter,
        *,
        with_quotes: bool = True,
        speakers: Sequence[Speaker] = (),
        codebook: Codebook | None = None,
    ) -> None:
        self.engine = engine
        self.wanted = wanted
        self.with_quotes = with_quotes
        self.all_speakers = tuple(speakers)
        self.profiles = {s.name: s for s in reversed(self.all_speakers)}  # the first wins
        self.codebook = codebook or Codebook()
        self.counts = Counts()

    @classmethod
    def of(cls, project: Project, wanted: CorpusFilter, with_quotes: bool = True) -> CorpusStream:
        """The part of ``project`` that ``wanted`` keeps (with no quotes at all when
        ``with_quotes`` is False), with its speakers, codebook and counts read now."""
        stream = cls(
            project.engine,
            wanted,
            with_quotes=with_quotes,
            speakers=project.speakers(),
            codebook=project.codebook(),
        )
        if with_quotes:
            with stream.reading() as reader:
                quotes, unplaced = count_quotes(reader.connection, wanted, reader.names)
            stream.counts = Counts(quotes, unplaced)
        return stream

    @property
    def annotations(self) -> QuoteCount:
        """The number of quotes, counted when the stream was made (``of``)."""
        return QuoteCount(self.counts.quotes)

    @contextmanager
    def reading(self) -> Iterator[StreamReader]:
        """A reader over one snapshot of the project, on a connection of its own."""
        with self.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                # The sqlite3 driver opens no transaction for reads: ask for one, so every
                # query of this export sees the same moment.
                connection.exec_driver_sql("BEGIN")
            else:
                connection.execution_options(isolation_level="REPEATABLE READ")
            try:
                yield StreamReader(self, connection)
            finally:
                connection.rollback()


class StreamReader:
    """One export's view of a ``CorpusStream`` (a ``CorpusReader``)."""

    def __init__(self, stream: CorpusStream, connection: Connection) -> None:
        self.stream = stream
        self.connection = connection
        self.codebook = stream.codebook
        self.names = Names.load(Session(bind=connection))
        self._usage: Usage | None = None
        self._conditions = quote_conditions(connection, stream.wanted, self.names)

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """The profiles of the speakers the selection quotes (all of them for texts only)."""
        if not self.stream.with_quotes:
            return self.stream.all_speakers
        used = set(self.usage().speakers)
        return tuple(s for s in self.stream.all_speakers if s.name in used)

    def speaker(self, name: str | None) -> Speaker | None:
        """The profile of the speaker of that canonical name, if known."""
        return self.stream.profiles.get(name) if name else None

    def usage(self) -> Usage:
        """The names the selected quotes use, first seen first (by document id)."""
        if self._usage is None:
            self._usage = self._tally()
        return self._usage

    def variables(self) -> tuple[str, ...]:
        """The names of the selected documents' own variables (``usage().variables``),
        found without a pass over the quotes when the usage has not been counted."""
        if self._usage is not None:
            return self._usage.variables
        quoted = None
        if self._needs_quotes:
            query = sa.select(QUOTE.c.document_id).where(*self._placed()).distinct()
            quoted = set(self.connection.execute(query).scalars())
        return self._documents(kept_documents(self.connection, self.stream.wanted), quoted)[1]

    def by_document(
        self, order: Order = Order.READING
    ) -> Iterator[tuple[Document, list[Annotation]]]:
        """Each selected document with its selected quotes (start, end, id)."""
        wanted = self.stream.wanted
        keeps, read = wanted.keeps_annotation, _QuoteReader(self.names)
        # The query keeps the wanted statuses: with no speaker, tone, device or analyst
        # wanted, a quote is left out only when it is not placed on its text.
        coded = wanted.restricts_annotations
        for row, quotes in self._merged(order):
            document = translate.document(row)
            if not wanted.keeps_document(document):
                continue
            if coded:
                annotations = [annotation for annotation in read(quotes) if keeps(annotation)]
            else:
                annotations = [annotation for annotation in read(quotes) if annotation.placed]
            if annotations or not self._needs_quotes:
                yield document, annotations

    @property
    def _needs_quotes(self) -> bool:
        # A filter on speakers, tones or devices drops the documents it leaves empty.
        return self.stream.with_quotes and self.stream.wanted.restricts_annotations

    def _tally(self) -> Usage:
        """The usage in three plain passes over the few columns it needs (the quotes, their
        devices, the documents), the quotes narrowed in SQL by the filter's conditions."""
        kept = kept_documents(self.connection, self.stream.wanted)
        placed = self._placed()
        order = (QUOTE.c.document_id, QUOTE.c.start, QUOTE.c.end, self._text(QUOTE.c.id))
        columns = (QUOTE.c.speaker_id, QUOTE.c.tone_id, QUOTE.c.annotator, QUOTE.c.status)
        speakers: dict[int | None, None] = {}
        tones: dict[int | None, None] = {}
        annotators: dict[str | None, None] = {}
        statuses: set[str] = set()
        quoted: dict[int, None] = {}  # the documents with a quote
        count = 0
        query = sa.select(QUOTE.c.document_id, *columns).where(*placed).order_by(*order)
        for rows in _batches(self._plain(query), kept):  # a column at a time, in C
            document_ids, speaker_ids, tone_ids, analysts, states = zip(*rows, strict=True)
            count += len(rows)
            quoted.update(dict.fromkeys(document_ids))
            speakers.update(dict.fromkeys(speaker_ids))
            tones.update(dict.fromkeys(tone_ids))
            annotators.update(dict.fromkeys(analysts))
            statuses.update(states)
        devices: dict[int, None] = {}
        query = sa.select(QUOTE.c.document_id, DEVICE.c.code_id).join(
            QUOTE, QUOTE.c.id == DEVICE.c.annotation_id
        )
        query = query.where(*placed).order_by(*order, DEVICE.c.position)
        for rows in _batches(self._plain(query), kept):
            _document_ids, code_ids = zip(*rows, strict=True)
            devices.update(dict.fromkeys(code_ids))
        documents, variables = self._documents(kept, quoted.keys())
        names, codes = self.names.speaker_names, self.names.code_names
        return Usage(
            speakers=tuple(names[i] for i in speakers if i is not None),
            tones=tuple(codes[i] for i in tones if i is not None),
            devices=tuple(codes[i] for i in devices),
            annotators=tuple(a for a in annotators if a),
            statuses=frozenset(Status(s) for s in statuses),
            variables=variables,
            documents=documents,
            quotes=count,
        )

    def _placed(self) -> list[Any]:
        """The conditions on the selected quotes placed on their text."""
        placed = [*self._conditions, QUOTE.c.anchor != "orphaned"]
        if not self.stream.with_quotes:  # texts only: no quote is read
            placed.append(sa.false())  # (it keeps the queries' shape)
        return placed

    def _documents(
        self, kept: set[int] | None, quoted: Collection[int] | None
    ) -> tuple[int, tuple[str, ...]]:
        """How many documents are selected, and the names of their variables (first seen
        by document id): ``kept`` by the filter (None: all) and, when the filter needs
        quotes, among ``quoted``."""
        documents, variables = 0, {}
        query = sa.select(DOCUMENT.c.id, DOCUMENT.c.attributes).order_by(DOCUMENT.c.id)
        for document_id, attributes in self._execute(query):
            wanted = (kept is None or document_id in kept) and (
                quoted is None or document_id in quoted or not self._needs_quotes
            )
            if wanted:
                documents += 1
                variables.update(dict.fromkeys(sorted(attributes or {})))
        return documents, tuple(variables)

    # -- documents and their quotes (with their devices) in one order, merged ----------
    def _merged(self, order: Order) -> Iterator[tuple[Any, list[Sequence[Any]]]]:
        """Each document row with its quote rows (``QUOTE_COLUMNS`` and the devices' codes,
        see ``_QuoteReader``)."""
        documents = self._execute(self._where(sa.select(DOCUMENT), order))
        if not self.stream.with_quotes:
            for row in documents:
                yield row, []
            return
        by_document = groupby(self._quotes(order), itemgetter(0))  # by the document id
        quoted = next(by_document, None)
        for row in documents:
            if quoted is None or quoted[0] != row.id:
                yield row, []
                continue
            yield row, list(quoted[1])
            quoted = next(by_document, None)

    def _execute(self, query: sa.Select[Any]) -> Iterator[Any]:
        # A server-side cursor where the database has one: rows come as they are read.
        options = {"stream_results": True, "yield_per": 500}
        return iter(self.connection.execute(query, execution_options=options))

    def _order(self, order: Order) -> list[Any]:
        column = DOCUMENT.c
        if order is Order.STORED:
            return [column.id]
        return [column.published.is_(None), self._text(column.published),
                self._text(column.title), column.id]  # fmt: skip

    def _text(self, value: Any) -> Any:
        # Python compares strings by code point, as SQLite's default collation does;
        # PostgreSQL follows the locale unless told to compare bytes.
        return value if self.connection.dialect.name == "sqlite" else value.collate("C")

    def _where(self, query: sa.Select[Any], order: Order) -> sa.Select[Any]:
        wanted = self.stream.wanted
        if wanted.document_ids:
            query = query.where(DOCUMENT.c.id.in_(sorted(wanted.document_ids)))
        return query.order_by(*self._order(order))

    def _quotes(self, order: Order) -> Iterator[Sequence[Any]]:
        columns = [
            *(QUOTE.c[name] for name in translate.QUOTE_COLUMNS),
            device_codes(self.connection.dialect.name, QUOTE.c.id),
        ]
        query = sa.select(*columns).join(DOCUMENT, DOCUMENT.c.id == QUOTE.c.document_id)
        return self._plain(self._quote_order(self._where(query, order)))

    def _plain(self, query: sa.Select[Any]) -> Iterator[Sequence[Any]]:
        """The rows of ``query`` as plain tuples, as they are read. On SQLite the driver's
        own cursor runs it (in this connection's transaction): SQLAlchemy's handling of
        each row took most of an export's time. Times then come as stored text."""
        if self.connection.dialect.name != "sqlite":
            return self._execute(query)
        compiled = query.compile(
            dialect=self.connection.dialect, compile_kwargs={"render_postcompile": True}
        )
        parameters = compiled.construct_params()
        values = [parameters[name] for name in compiled.positiontup or ()]
        cursor = self.connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.arraysize = 500
        return iter(cursor.execute(str(compiled), values))

    def _quote_order(self, query: sa.Select[Any]) -> sa.Select[Any]:
        query = query.where(*self._conditions)
        return query.order_by(QUOTE.c.start, QUOTE.c.end, self._text(QUOTE.c.id))


_OWN = translate.QUOTE_COLUMNS[:-6]  # the columns a quote's own fields are read from
assert _OWN[0] == "document_id" and len(_OWN) + 6 == len(translate.QUOTE_COLUMNS)


class _QuoteReader:
    """The quotes of rows of ``QUOTE_COLUMNS`` followed by the codes of each quote's
    devices (``device_codes``), as ``translate.annotation_of_values`` makes them, in one
    loop over a document's rows. Stamps and sets of devices are shared by many quotes:
    each is read once."""

    def __init__(self, names: Names) -> None:
        self.speakers, self.codes = names.speaker_names, names.code_names
        self.devices = DeviceNames(names.code_names)
        self.times: dict[Any, datetime] = {}  # stamps parsed, by their stored text

    def __call__(self, rows: list[Sequence[Any]]) -> list[Annotation]:
        speakers, codes, devices, times = self.speakers, self.codes, self.devices, self.times
        if len(times) > MANY_STAMPS:
            times.clear()
        statuses, stamp, new, width = translate.STATUSES, translate.stamp, object.__new__, len(_OWN)
        made = []
        for row in rows:
            speaker_id, tone_id, status, created, modified, anchor, device_codes = row[width:]
            values = dict(zip(_OWN, row, strict=False))  # the first ``width`` values, named
            values.update(
                speaker=speakers.get(speaker_id) if speaker_id is not None else None,
                tone=codes.get(tone_id) if tone_id is not None else None,
                devices=devices[device_codes],
                status=statuses[status],
                created=times.get(created) or times.setdefault(created, stamp(created)),
                modified=times.get(modified) or times.setdefault(modified, stamp(modified)),
                placed=anchor != "orphaned",
            )
            annotation = new(Annotation)  # every field is set: as Annotation.restored does
            annotation.__dict__.update(values)
            made.append(annotation)
        return made


_BATCH = 2000  # rows a usage pass takes at once


def _batches(rows: Iterator[Sequence[Any]], kept: set[int] | None) -> Iterator[list[Sequence[Any]]]:
    """``rows`` (a document id first) in lists of up to ``_BATCH``, those of a document
    outside ``kept`` left out (None: none is)."""
    while batch := list(islice(rows, _BATCH)):
        if kept is not None:
            batch = [row for row in batch if row[0] in kept]
        if batch:
            yield batch
