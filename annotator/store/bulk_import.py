"""Taking a large corpus in as it is read: one document at a time, in one transaction.

The plan is the one ``corpus_import`` makes for a corpus held in memory: a document whose
text is in the project already (or earlier in the same corpus) is not added again and its
new quotes go onto it; a quote whose id is present is skipped; missing tones, devices and
speakers are added as they are met. Here the plan is made as the documents arrive, from
lookups loaded once, and the rows go in with one bulk statement per table and batch, so
memory holds one document and one batch of rows, however large the corpus.

A document that cannot keep its own id (taken in the project, or given twice) is stored
under a provisional negative id and renumbered once all have gone in: it then takes the
next free id, which can no longer be one a later document of the corpus keeps. Any error,
or a cancel, rolls the whole transaction back: the project is exactly as it was.

The work runs on the standard library's sqlite3 connection alone: the full store lends one
of its own (``Project.sqlite_connection``), and ``annotator import-corpus`` opens a project
file without loading the full store at all (``project_file``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from annotator.core import Code, CodeKind, Document, Speaker, Status, context_around, now
from annotator.core.records import RECORD_INDEX, QuoteRecord
from annotator.store import translate
from annotator.store.corpus_import import CorpusImportReport
from annotator.store.errors import StoreError
from annotator.store.lookup import Names
from annotator.store.project_file import (
    add_code,
    add_speaker,
    count_edit,
    insert_sql,
    plain_error,
)
from annotator.store.translate import sqlite_time, stored

BATCH_ROWS = 1000  # quote rows gathered before one bulk insert (more: more memory, no faster)
BATCH_TEXT = 2_000_000  # characters of new documents' texts gathered before one, at most

# Called after each document with how many have been read; False cancels the import.
DocumentProgress = Callable[[int], bool]


class ImportCancelled(StoreError):
    """The import was cancelled; nothing of it went in."""


@dataclass
class ImportedParts:
    """What an import added, by name and id: enough to read it back for an undo."""

    codes: list[Code] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)  # new documents, in id order
    onto_present: list[str] = field(default_factory=list)  # quotes added to present ones

    def __bool__(self) -> bool:
        return bool(self.codes or self.speakers or self.documents or self.onto_present)


def import_documents(
    db: sqlite3.Connection,
    where: str,
    documents: Iterable[tuple[Document, Sequence[QuoteRecord]]],
    progress: DocumentProgress | None = None,
) -> tuple[CorpusImportReport, ImportedParts]:
    """Add each document with its quotes (as records: see ``annotator.core.records``) as
    they come to the SQLite project ``db`` (named ``where`` in messages), all in one
    transaction; returns what went in. Raises ``ImportCancelled`` when ``progress`` says
    stop, ``ProjectBusy`` or ``ProjectReadOnly`` when the project cannot be written, and
    any other error of the data or the database as it is: either way nothing is written.

    ``db`` is a connection with no transaction open: one of the full store's (see
    ``Project.sqlite_connection``) or one opened by ``project_file.open_for_import``.
    """
    try:
        db.execute("BEGIN IMMEDIATE")  # the write lock now: a writer waits for its turn
        try:
            run = _BulkRun(db)
            for count, (document, quotes) in enumerate(documents, 1):
                run.take(document, quotes)
                if progress is not None and not progress(count):
                    raise ImportCancelled("nothing was imported")
            run.finish()
            if run.parts:  # nothing new: no edit, as for an import applied as one edit
                count_edit(db)
            db.commit()
        except BaseException:
            db.rollback()
            raise
    except sqlite3.Error as error:
        plain = plain_error(error, where)
        if plain is None:
            raise
        raise plain from error
    return run.report(), run.parts


# The quote table's columns a record fills, in the order of its rows here: the document,
# the record's own values (``_OWN``), context, names as ids, and how the quote is placed.
_OWN = tuple(name for name in translate.QUOTE_COLUMNS[:-6] if name in RECORD_INDEX)
_QUOTE_COLUMNS = (
    "document_id", *_OWN, "prefix", "suffix",
    "speaker_id", "tone_id", "status", "created", "modified", "anchor",
)  # fmt: skip
_missing = set(translate.QUOTE_COLUMNS) - set(_QUOTE_COLUMNS)
assert not _missing, f"quote columns a bulk import leaves out: {_missing}"
_DEVICE_COLUMNS = ("annotation_id", "code_id", "position")
_DOCUMENT_COLUMNS = tuple(translate.document_row(Document(title="", text="")))


_INSERT_DOCUMENTS = insert_sql("document", _DOCUMENT_COLUMNS)
_INSERT_QUOTES = insert_sql("annotation", _QUOTE_COLUMNS)
_INSERT_DEVICES = insert_sql("annotation_device", _DEVICE_COLUMNS)
_ID, _START, _END, _QUOTE, _SPEAKER, _TONE, _DEVICES, _STATUS, _CREATED, _MODIFIED = (
    RECORD_INDEX[name]
    for name in (
        "id", "start", "end", "quote", "speaker", "tone", "devices", "status", "created",
        "modified",
    )
)  # fmt: skip
_OWN_VALUES = itemgetter(*(RECORD_INDEX[name] for name in _OWN))
_STATUS_TEXT = {status: status.value for status in Status}


def _time(value: datetime) -> str:
    return sqlite_time(stored(value))


class _BulkRun:
    """One import's lookups, pending rows and tallies."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.names = Names.read(db)
        # Ids by the names as the quotes spell them: looked up once per spelling.
        self.speaker_ids: dict[str | None, int | None] = {None: None}
        self.code_ids: dict[tuple[CodeKind, str], int | None] = {}
        self.tone_ids: dict[str | None, int | None] = {None: None, "": None}
        self.device_ids: dict[str, int | None] = {}
        rows = db.execute("SELECT sha256, id FROM document")
        self.by_hash: dict[str, int] = dict(rows)
        self.taken: set[int] = set(self.by_hash.values())
        # The quotes in the project before the import. The ones it adds are not kept: a
        # hundred thousand ids would be held to the end for nothing, as an id given twice
        # is refused by the reader (naming both lines) or else by the table's key.
        self.present_quotes: set[str] = {i for (i,) in db.execute("SELECT id FROM annotation")}
        # Times as the full store writes them (SQLAlchemy's text for SQLite), each distinct
        # one made once: quotes marked together share their stamps.
        self.times: dict[datetime | None, str] = {None: _time(now())}
        self.provisional: list[int] = []  # documents to renumber at the end
        self.document_rows: list[tuple[Any, ...]] = []
        self.pending_text = 0  # characters of the texts in ``document_rows``
        self.quote_rows: list[tuple[Any, ...]] = []
        self.device_rows: list[tuple[Any, ...]] = []
        self.parts = ImportedParts()
        self.added_hashes: set[str] = set()
        self.documents_present = self.annotations_added = self.annotations_present = 0

    def take(self, document: Document, quotes: Sequence[QuoteRecord]) -> None:
        """Plan and write one document with its quotes."""
        sha = document.sha256
        target = self.by_hash.get(sha)
        if target is not None:  # in the project, or earlier in this corpus: quotes onto it
            self.documents_present += 1
            onto_present = sha not in self.added_hashes
        else:
            target = self._add_document(document)
            self.by_hash[sha] = target
            self.added_hashes.add(sha)
            onto_present = False
        self._add_quotes(quotes, target, document.text, onto_present)
        if len(self.quote_rows) >= BATCH_ROWS or self.pending_text >= BATCH_TEXT:
            self._flush()

    def _add_document(self, document: Document) -> int:
        own = document.id
        if own is not None and own > 0 and own not in self.taken:
            document_id = own
        else:  # renumbered at the end (see the module's docstring)
            document_id = -1 - len(self.provisional)
            self.provisional.append(document_id)
        self.taken.add(document_id)
        values = translate.document_row(document)
        values.update(
            id=document_id,
            imported_at=sqlite_time(values["imported_at"]),
            attributes=json.dumps(values["attributes"]),  # None as JSON's null, as SQLAlchemy
        )
        self.document_rows.append(tuple(values.values()))  # before its quotes (``_flush``)
        self.pending_text += len(document.text)
        self.parts.documents.append(document_id)
        return document_id

    def _add_quotes(
        self, quotes: Sequence[QuoteRecord], document_id: int, text: str, onto_present: bool
    ) -> None:
        # A hundred thousand quotes pass here: each becomes a row tuple directly, its
        # names looked up in dicts filled once per spelling.
        present, rows, device_rows = self.present_quotes, self.quote_rows, self.device_rows
        speakers, tones, times = self.speaker_ids, self.tone_ids, self.times
        own, added = _OWN_VALUES, 0
        for quote in quotes:
            quote_id = quote[_ID]
            if quote_id in present:
                self.annotations_present += 1
                continue
            start, end = quote[_START], quote[_END]
            if text[start:end] != quote[_QUOTE]:
                raise StoreError(f"quote {quote_id} does not match its text at {start}-{end}")
            speaker, tone = quote[_SPEAKER], quote[_TONE]
            speaker_id = speakers[speaker] if speaker in speakers else self._speaker_id(speaker)
            tone_id = tones[tone] if tone in tones else self._tone_id(tone)
            created, modified = quote[_CREATED], quote[_MODIFIED]
            rows.append(
                (
                    document_id, *own(quote), *context_around(text, start, end),
                    speaker_id, tone_id, _STATUS_TEXT[quote[_STATUS]],
                    times[created] if created in times else self._stamp(created),
                    times[modified] if modified in times else self._stamp(modified),
                    "position",
                )
            )  # fmt: skip
            if quote[_DEVICES]:
                device_ids = dict.fromkeys(map(self._device_id, quote[_DEVICES]))
                device_rows += [
                    (quote_id, code_id, position) for position, code_id in enumerate(device_ids)
                ]
            if onto_present:
                self.parts.onto_present.append(quote_id)
            added += 1
        self.annotations_added += added

    def _speaker_id(self, name: str | None) -> int | None:
        found = self.speaker_ids[name] = self._find_speaker(name) if name is not None else None
        return found

    def _find_speaker(self, name: str) -> int | None:
        found = self.names.speaker_id(name, missing_ok=True)
        if found is None and name.strip():
            speaker = Speaker(name.strip())
            self._add(lambda: add_speaker(self.db, self.names, speaker))
            self.parts.speakers.append(speaker)
            found = self.names.speaker_id(name, missing_ok=True)
        return found if found is not None else self.names.speaker_id(name)  # raises

    def _tone_id(self, name: str | None) -> int | None:
        found = self.tone_ids[name] = self._code_id(CodeKind.TONE, name)
        return found

    def _device_id(self, name: str) -> int | None:
        found = self.device_ids.get(name)
        if found is None:
            found = self.device_ids[name] = self._code_id(CodeKind.DEVICE, name)
        return found

    def _code_id(self, kind: CodeKind, name: str | None) -> int | None:
        if not name:
            return None
        known = self.code_ids.get((kind, name))
        if known is None:
            known = self.code_ids[kind, name] = self._find_code(kind, name)
        return known

    def _find_code(self, kind: CodeKind, name: str) -> int | None:
        found = self.names.code_id(kind, name, missing_ok=True)
        if found is None:
            code = Code(kind, name)
            self._add(lambda: add_code(self.db, self.names, code))
            self.parts.codes.append(code)
            found = self.names.code_id(kind, name)
        return found

    def _stamp(self, value: datetime | None) -> str:
        assert value is not None  # None (unknown: now) is in ``times`` from the start
        found = self.times[value] = _time(value)
        return found

    def _add(self, add: Callable[[], bool]) -> None:
        """A new name goes in as its edit adds it (colour, place in the codebook: see
        ``project_file``), then the lookups are read again; names are few, quotes many."""
        self._flush()
        add()
        self.names = Names.read(self.db)

    def _flush(self) -> None:
        # Emptied in place: ``_add_quotes`` holds these lists while it may flush them
        # (when a quote names a new speaker or code). Documents go first: their quotes
        # refer to them.
        if self.document_rows:
            self.db.executemany(_INSERT_DOCUMENTS, self.document_rows)
            self.document_rows.clear()
            self.pending_text = 0
        if self.quote_rows:
            self.db.executemany(_INSERT_QUOTES, self.quote_rows)
            self.quote_rows.clear()
        if self.device_rows:
            self.db.executemany(_INSERT_DEVICES, self.device_rows)
            self.device_rows.clear()

    def finish(self) -> None:
        """Write what is pending and give renumbered documents their ids."""
        self._flush()
        if not self.provisional:
            return
        # Renumbering moves a document and its quotes in two statements: the foreign keys
        # are checked at commit instead of between them. (Set inside the open transaction:
        # SQLite switches it off when a transaction ends.)
        self.db.execute("PRAGMA defer_foreign_keys = ON")
        next_id = max((i for i in self.taken if i > 0), default=0) + 1
        renumbered: dict[int, int] = {}
        for provisional in self.provisional:
            renumbered[provisional] = next_id
            self.db.execute("UPDATE document SET id = ? WHERE id = ?", (next_id, provisional))
            self.db.execute(
                "UPDATE annotation SET document_id = ? WHERE document_id = ?",
                (next_id, provisional),
            )
            next_id += 1
        self.parts.documents = sorted(renumbered.get(i, i) for i in self.parts.documents)

    def report(self) -> CorpusImportReport:
        return CorpusImportReport(
            documents_added=len(self.parts.documents),
            documents_present=self.documents_present,
            annotations_added=self.annotations_added,
            annotations_present=self.annotations_present,
            speakers_added=len(self.parts.speakers),
            codes_added=len(self.parts.codes),
        )
