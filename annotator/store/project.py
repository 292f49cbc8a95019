"""The Project API: open a project, read documents and annotations, apply edits.

Every write is one committed transaction. Readers get core objects, never rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import replace
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, func
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, col, select

from annotator import paths
from annotator.core import (
    Annotation,
    Code,
    Codebook,
    CodeKind,
    Document,
    Speaker,
    Status,
    match_speaker,
)
from annotator.core.allocation import many_objects
from annotator.core.codebook import codebook_edit, codebook_from_dict
from annotator.core.corpus import Corpus
from annotator.core.edits import AddDocument, Edit, RemoveDocument, ReviseDocument
from annotator.core.listing import QuoteSummary
from annotator.core.palette import next_speaker_colour
from annotator.store import translate
from annotator.store.apply import Changes, apply_edit
from annotator.store.database import (
    ProjectOpenError,
    describe,
    make_engine,
    prepare,
    retrying_when_refused,
    to_url,
)
from annotator.store.errors import NotFound, StoreError, UnknownName
from annotator.store.lookup import Names
from annotator.store.project_file import EDIT_COUNT_KEY
from annotator.store.summaries import DocumentSummary
from annotator.store.tables import (
    AnnotationDeviceRow,
    AnnotationRow,
    CodeRow,
    DocumentRow,
    SettingRow,
    SpeakerRow,
)

if TYPE_CHECKING:
    from annotator.store.corpus_import import CorpusImportReport


class Project:
    """An open project: a SQLite file or a database URL."""

    def __init__(self, location: str, *, seed_codebook: bool = True) -> None:
        self.location = location
        self.url = to_url(location)
        try:
            self.engine: Engine = make_engine(location)
            prepare(self.engine, _seed_new_project if seed_codebook else None)
        except ProjectOpenError:
            raise
        except OSError as error:
            raise ProjectOpenError(
                f"{location}: cannot create the project ({error.strerror})"
            ) from error
        except DBAPIError as error:
            raise ProjectOpenError(f"{location}: {_open_problem(error)}") from error

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def sqlite_connection(self) -> Iterator[tuple[sqlite3.Connection, str]]:
        """The standard library's own connection under one of this SQLite project's, with
        no transaction open, and the file as messages name it: for work written once for
        both this store and a file opened without it (a bulk import)."""
        if self.engine.dialect.name != "sqlite":
            raise StoreError(f"{describe(self.engine)} is not a SQLite project")
        with self.engine.connect() as connection:
            db = connection.connection.driver_connection
            assert isinstance(db, sqlite3.Connection)
            yield db, describe(self.engine)

    def is_empty(self) -> bool:
        """True for a project with no documents, speakers or codes yet."""
        with self.session() as s:
            return not any(
                s.exec(select(table).limit(1)).first()
                for table in (DocumentRow, SpeakerRow, CodeRow)
            )

    def load_default_codebook(self) -> None:
        """Add the bundled default tones and devices (used for a new project)."""
        codebook, speakers = codebook_from_dict(
            json.loads(paths.read_resource_text("codebook.json"))
        )
        self.apply(codebook_edit(self.codebook(), self.speakers(), codebook, speakers))

    # -- documents ---------------------------------------------------------------------
    def add_document(self, doc: Document) -> Document:
        """Add a document (an edit like any other); DuplicateDocument if its text is present."""
        applied = self.apply(AddDocument(replace(doc, id=None))).applied
        assert isinstance(applied, AddDocument)
        return applied.document

    def revision(self, document_id: int, text: str, new: Document | None = None) -> ReviseDocument:
        """The edit giving a document a new version of its text (``new`` carries the
        re-read title and other metadata), with every quote placed again."""
        before = self.document(document_id)
        annotations = tuple(self.annotations(document_id))
        after = replace(new or before, id=document_id, text=text)
        from annotator.core.anchoring import place_again  # rapidfuzz: only for a revision

        placed, _counts = place_again(annotations, text)
        return ReviseDocument(before, after, annotations, placed)

    def update_document_text(self, document_id: int, text: str) -> ReviseDocument:
        """Replace a document's text by a new version and re-anchor its quotes."""
        edit = self.revision(document_id, text)
        self.apply(edit)
        return edit

    def document_hashes(self) -> dict[str, int]:
        """The text hash of every document, with its id."""
        with self.session() as s:
            return {h: i or 0 for h, i in s.exec(select(DocumentRow.sha256, DocumentRow.id))}

    def annotation_ids(self) -> set[str]:
        """The id of every annotation in the project."""
        with self.session() as s:
            return set(s.exec(select(AnnotationRow.id)).all())

    def document_by_source(self, source: str) -> Document | None:
        """The document imported from that path or URL, if any."""
        with self.session() as s:
            row = s.exec(select(DocumentRow).where(DocumentRow.source == source)).first()
            return translate.document(row) if row else None

    def orphaned(self, document_id: int | None = None) -> set[str]:
        """Ids of annotations that could not be placed on their document's current text."""
        query = select(AnnotationRow.id).where(AnnotationRow.anchor == "orphaned")
        if document_id is not None:
            query = query.where(AnnotationRow.document_id == document_id)
        with self.session() as s:
            return set(s.exec(query).all())

    def document(self, document_id: int) -> Document:
        # A plain row, not an ORM object: half the time when a document is first opened.
        table = DocumentRow.__table__  # type: ignore[attr-defined]
        with self.session() as s:
            query = sa.select(table).where(table.c.id == document_id)
            row = s.connection().execute(query).first()
            if row is None:
                raise NotFound(f"no document with id {document_id}")
            return translate.document(row)

    def documents(self) -> list[Document]:
        with self.session() as s:
            rows = s.exec(select(DocumentRow).order_by(col(DocumentRow.id))).all()
            return [translate.document(r) for r in rows]

    def summaries(self, document_ids: Collection[int] | None = None) -> list[DocumentSummary]:
        """Every document (or those of ``document_ids``, after an edit: they alone are
        counted again) with its number of quotes and of suggestions still open."""
        document, annotation = DocumentRow.__table__.c, AnnotationRow.__table__.c  # type: ignore[attr-defined]
        # Each count reads an index alone: quotes by document, and suggestions (schema v5).
        mine = annotation.document_id == document.id
        quotes = sa.select(func.count()).where(mine).scalar_subquery()
        open_ = annotation.status == Status.SUGGESTED.value
        suggested = sa.select(func.count()).where(mine, open_).scalar_subquery()
        query = sa.select(
            document.id, document.title, document.outlet, document.published, quotes, suggested
        ).order_by(document.id)
        if document_ids is not None:
            query = query.where(document.id.in_(list(document_ids)))
        with self.session() as s:
            return [
                DocumentSummary(i or 0, t, o, p, n or 0, int(sug or 0))
                for i, t, o, p, n, sug in s.execute(query).all()
            ]

    def delete_document(self, document_id: int) -> None:
        """Delete a document and its annotations (an undoable edit)."""
        self.apply(RemoveDocument(self.document(document_id), tuple(self.annotations(document_id))))

    # -- annotations -------------------------------------------------------------------
    def annotations(
        self,
        document_id: int | None = None,
        statuses: frozenset[Status] | None = None,
        ids: Collection[str] | None = None,
    ) -> list[Annotation]:
        """Annotations of one document (or all; or those with ``ids``), in reading order."""
        # Plain rows straight into core objects, with no per-value type processing: ten
        # thousand quotes read in about the time the database driver takes to return them.
        table = AnnotationRow.__table__  # type: ignore[attr-defined]
        conditions = _quote_conditions(document_id, statuses, ids)
        columns = [
            sa.type_coerce(table.c[name], sa.String) if name in ("created", "modified")
            else table.c[name]
            for name in translate.QUOTE_COLUMNS
        ]  # fmt: skip
        with self.session() as s, many_objects():
            names = Names.load(s)
            connection = s.connection()
            # Sorted here: several times quicker than the database sorting whole rows.
            query = sa.select(*columns).where(*conditions)
            rows = sorted(connection.execute(query).all(), key=_READING_ORDER)
            devices = _devices_by_annotation(connection, names, conditions)
            return translate.annotations_from_rows(
                rows, names.speaker_names, names.code_names, devices
            )

    def quote_summaries(
        self,
        document_id: int | None = None,
        ids: Collection[str] | None = None,
        text: str | None = None,
    ) -> list[QuoteSummary]:
        """The shown fields of the quotes of one document (or all; or those with ``ids``),
        in reading order: what the workspace lists and highlights, read in a fraction of
        the time full annotations take (no context, annotator or stamps to read).

        ``text`` is document ``document_id``'s text when the caller has it: a placed quote
        is its slice of that text (the store refuses any other), so only the quotes a
        re-import could not place have their stored text read.
        """
        if text is not None and document_id is None:
            raise ValueError("a text is only given with the document it belongs to")
        if text is not None and document_id is not None:
            return self._document_quote_summaries(document_id, ids, text)
        conditions = _quote_conditions(document_id, None, ids)
        c = AnnotationRow.__table__.c  # type: ignore[attr-defined]
        with self.session() as s, many_objects():
            names = Names.load(s)
            connection = s.connection()
            query = sa.select(
                c.id, c.document_id, c.start, c.end, c.quote, c.speaker_id, c.tone_id,
                c.status, c.anchor, c.note, c.confidence, c.why,
                _device_codes(connection.dialect.name, c.id),
            ).where(*conditions)  # fmt: skip
            rows = sorted(_driver_rows(connection, query), key=_SUMMARY_ORDER)
            devices = DeviceNames(names.code_names)
            speaker, code = names.speaker_names.get, names.code_names.get
            statuses, new = translate.STATUSES, tuple.__new__
            return [
                new(QuoteSummary, (i, d, start, end, quote, speaker(si), code(ti),
                                   devices[codes], statuses.get(st) or Status(st),
                                   anchor != "orphaned", note, confidence, why))
                for i, d, start, end, quote, si, ti, st, anchor, note, confidence, why, codes
                in rows
            ]  # fmt: skip

    def _document_quote_summaries(
        self, document_id: int, ids: Collection[str] | None, text: str
    ) -> list[QuoteSummary]:
        """``quote_summaries`` of one document whose text is given: the stored text is read
        only for an unplaced quote, which is then the only kind with one (the column says
        whether a quote is placed), and the document id is not read ten thousand times."""
        conditions = _quote_conditions(document_id, None, ids)
        c = AnnotationRow.__table__.c  # type: ignore[attr-defined]
        stored = sa.case((c.anchor == "orphaned", c.quote), else_=sa.null())
        with self.session() as s, many_objects():
            names = Names.load(s)
            connection = s.connection()
            query = sa.select(
                c.id, c.start, c.end, stored, c.speaker_id, c.tone_id, c.status, c.note,
                c.confidence, c.why, _device_codes(connection.dialect.name, c.id),
            ).where(*conditions)  # fmt: skip
            rows = sorted(_driver_rows(connection, query), key=_START_END)
            devices = DeviceNames(names.code_names)
            speaker, code = names.speaker_names.get, names.code_names.get
            statuses, new = translate.STATUSES, tuple.__new__
            return [
                new(QuoteSummary, (i, document_id, start, end,
                                   text[start:end] if quote is None else quote,
                                   speaker(si), code(ti),
                                   devices[codes], statuses.get(st) or Status(st),
                                   quote is None, note, confidence, why))
                for i, start, end, quote, si, ti, st, note, confidence, why, codes in rows
            ]  # fmt: skip

    def annotation(self, annotation_id: str) -> Annotation:
        """One annotation by id."""
        found = self.annotations(ids=[annotation_id])
        if not found:
            raise NotFound(f"no annotation with id {annotation_id}")
        return found[0]

    # -- speakers and codebook ---------------------------------------------------------
    def speakers(self) -> list[Speaker]:
        with self.session() as s:
            rows = s.exec(select(SpeakerRow).order_by(col(SpeakerRow.name))).all()
            return [translate.speaker(r) for r in rows]

    def find_speaker(self, name: str) -> Speaker | None:
        """The speaker whose name, alias or (if unambiguous) surname matches, in any case."""
        return match_speaker(self.speakers(), name)

    def codebook(self) -> Codebook:
        with self.session() as s:
            rows = s.exec(select(CodeRow).order_by(col(CodeRow.position), col(CodeRow.id))).all()
        codes = [translate.code(r) for r in rows]
        return Codebook(
            tones=tuple(c for c in codes if c.kind is CodeKind.TONE),
            devices=tuple(c for c in codes if c.kind is CodeKind.DEVICE),
        )

    def code(self, kind: CodeKind, name: str) -> Code:
        """The tone or device named ``name`` (any case); UnknownName lists valid names."""
        codebook = self.codebook()
        found = codebook.find(kind, name)
        if found is None:
            raise UnknownName(kind.value, name, [c.name for c in codebook.of_kind(kind)])
        return found

    def next_speaker_colour(self) -> str:
        """The colour the store gives the next speaker added without one."""
        speakers = self.speakers()
        return next_speaker_colour((s.colour for s in speakers), len(speakers))

    # -- edits -------------------------------------------------------------------------
    def apply(self, edit: Edit) -> Changes:
        """Apply one edit in one committed transaction; returns what changed.

        When another writer added the same speaker or code a moment before (a unique name
        taken between reading and writing), the edit is applied once more: it then finds
        that name and uses it.
        """

        def once() -> Changes:
            with self.session() as s:
                changes = apply_edit(s, edit)
                changes.edit_count = count_edit(s)
                s.commit()
            return changes

        for attempt in (1, 2):
            try:
                return retrying_when_refused(once)
            except IntegrityError as error:
                if attempt == 2:
                    raise StoreError(f"the change could not be saved ({error.orig})") from error
        raise AssertionError("unreachable")

    # -- whole corpus ------------------------------------------------------------------
    def corpus(self) -> Corpus:
        """Everything in the project as one core ``Corpus``."""
        return Corpus(
            documents=tuple(self.documents()),
            annotations=tuple(self.annotations()),
            speakers=tuple(self.speakers()),
            codebook=self.codebook(),
        )

    def import_corpus(self, corpus: Corpus) -> CorpusImportReport:
        """Take a whole corpus in one transaction: all of it, or (on error) none of it."""
        from annotator.store.corpus_import import corpus_import_edit

        edit, report = corpus_import_edit(self, corpus)
        self.apply(edit)
        return report

    def edit_count(self) -> int:
        """How many edits the project has taken (from any program): a window that last saw
        a smaller number has others' changes to show."""
        with self.session() as s:
            row = s.get(SettingRow, EDIT_COUNT_KEY)
            return int(row.value) if row else 0

    # -- settings ----------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        with self.session() as s:
            row = s.get(SettingRow, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Keep a setting; a value it already has is not written again (a write waits for
        the disk, and opening a document sets one)."""
        with self.session() as s:
            row = s.get(SettingRow, key)
            if row is not None and row.value == value:
                return
            s.merge(SettingRow(key=key, value=value))
            s.commit()


def _seed_new_project(connection: Connection) -> None:
    """The default codebook, written in the transaction that creates the schema."""
    codebook, speakers = codebook_from_dict(json.loads(paths.read_resource_text("codebook.json")))
    with Session(bind=connection) as s:
        apply_edit(s, codebook_edit(Codebook(), (), codebook, speakers))
        s.flush()


_SUMMARY_ORDER = itemgetter(1, 2, 3)  # document_id, start, end
_START_END = itemgetter(1, 2)
_READING_ORDER = itemgetter(
    *(translate.QUOTE_COLUMNS.index(name) for name in ("document_id", "start", "end"))
)


def count_edit(s: Session) -> int:
    """One more edit, counted in the edit's own transaction."""
    row = s.get(SettingRow, EDIT_COUNT_KEY)
    if row is None:
        row = SettingRow(key=EDIT_COUNT_KEY, value="0")
    row.value = str(int(row.value) + 1)
    s.add(row)
    return int(row.value)


def _open_problem(error: DBAPIError) -> str:
    """What an analyst should read when a project will not open."""
    text = str(error.orig).lower()
    if "locked" in text or "busy" in text:
        return "the project is in use by another program; close it there and try again"
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return "not a Speechmark project (the file is not a database, or it is damaged)"
    return f"cannot open the project ({error.orig})"


def _quote_conditions(
    document_id: int | None, statuses: frozenset[Status] | None, ids: Collection[str] | None
) -> list[Any]:
    table = AnnotationRow.__table__  # type: ignore[attr-defined]
    conditions = []
    if ids is not None:
        conditions.append(table.c.id.in_(list(ids)))
    if document_id is not None:
        conditions.append(table.c.document_id == document_id)
    if statuses:
        conditions.append(table.c.status.in_([s.value for s in statuses]))
    return conditions


def _devices_by_annotation(
    connection: Connection, names: Names, conditions: list[Any]
) -> dict[str, tuple[str, ...]]:
    """The device names of the annotations meeting ``conditions``, in their order."""
    device = AnnotationDeviceRow.__table__  # type: ignore[attr-defined]
    query = sa.select(device.c.annotation_id, device.c.code_id)
    if conditions:
        annotation = AnnotationRow.__table__  # type: ignore[attr-defined]
        query = query.join(annotation, annotation.c.id == device.c.annotation_id)
        query = query.where(*conditions)
    query = query.order_by(device.c.annotation_id, device.c.position)
    found: dict[str, tuple[int, ...]] = {}
    for annotation_id, code_id in connection.execute(query).all():
        found[annotation_id] = found.get(annotation_id, ()) + (code_id,)
    # Quotes with the same devices share one tuple of names: thousands of quotes have a
    # few dozen sets of devices, and fewer objects are fewer for the cycle collector.
    shared: dict[tuple[int, ...], tuple[str, ...]] = {}
    code_names = names.code_names
    for code_ids in set(found.values()):
        shared[code_ids] = tuple(code_names[c] for c in code_ids)
    return dict(zip(found, map(shared.__getitem__, found.values()), strict=True))


def _driver_rows(connection: Connection, query: Any) -> list[Any]:
    """The rows of ``query`` as the database driver gives them: plain tuples, without a
    result row made around each (ten thousand quotes are read when a document opens)."""
    result = connection.execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


# A device's place in its quote's list and its code, as one number (see ``_device_codes``).
_PLACE = 1 << 32


def _device_codes(dialect: str, annotation_id: Any) -> Any:
    """A column of each quote's devices, as one text of numbers ``position * 2**32 +
    code id`` joined by commas, in no particular order: the quotes and their devices come
    in one query, one row per quote, and ``DeviceNames`` reads each distinct text once."""
    device = AnnotationDeviceRow.__table__  # type: ignore[attr-defined]
    if dialect == "sqlite":  # 64-bit numbers, joined as they are (quicker than as text)
        placed = device.c.position * _PLACE + device.c.code_id
    else:  # PostgreSQL: 32-bit columns, and only texts are joined
        placed = sa.cast(
            sa.cast(device.c.position, sa.BigInteger) * _PLACE + device.c.code_id, sa.String
        )
    return (
        sa.select(func.aggregate_strings(placed, ","))
        .where(device.c.annotation_id == annotation_id)
        .scalar_subquery()
    )


class DeviceNames(dict[str | None, tuple[str, ...]]):
    """The device names, in their order, of each text of ``_device_codes`` (None: none)."""

    def __init__(self, code_names: dict[int, str]) -> None:
        super().__init__({None: ()})
        self.code_names = code_names

    def __missing__(self, codes: str) -> tuple[str, ...]:
        placed = sorted(map(int, codes.split(",")))  # by position: its share comes first
        names = self[codes] = tuple(self.code_names[n % _PLACE] for n in placed)
        return names
