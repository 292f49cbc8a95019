"""Applying edits to the tables, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, delete, insert
from sqlmodel import Session, select

from annotator.core import Annotation, CodeKind, context_around, now
from annotator.core.edits import (
    AddAnnotation,
    AddCode,
    AddDocument,
    AddSpeaker,
    Batch,
    Edit,
    RemoveAnnotation,
    RemoveCode,
    RemoveDocument,
    RemoveSpeaker,
    ReviseDocument,
    UpdateAnnotation,
    UpdateCode,
    UpdateDocument,
    UpdateSpeaker,
)
from annotator.store import translate
from annotator.store.changes import Changes as Changes
from annotator.store.errors import DuplicateDocument, DuplicateName, InUse, NotFound, StoreError
from annotator.store.lookup import Names
from annotator.store.project_file import insert_sql
from annotator.store.tables import (
    AnnotationDeviceRow,
    AnnotationRow,
    CodeRow,
    DocumentRow,
    SpeakerRow,
)
from annotator.store.translate import sqlite_time

FEW_QUOTES = 4  # up to this many new quotes are checked against their text in the database
BULK_ROWS = 50  # from this many rows on, a bulk insert skips SQLAlchemy's conversions
# Plain tables for the per-quote statements: no ORM bookkeeping on large batches.
ANNOTATIONS = AnnotationRow.__table__  # type: ignore[attr-defined]
DOCUMENTS = DocumentRow.__table__  # type: ignore[attr-defined]
ANNOTATION_DEVICES = AnnotationDeviceRow.__table__  # type: ignore[attr-defined]


class _Run:
    """One application of an edit: the session, what changed, and lookups reused by every
    part of a batch (a suggestion run adds hundreds of quotes in one edit)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.changes = Changes()
        self._names: Names | None = None
        self._texts: dict[int, str] = {}

    def names(self) -> Names:
        if self._names is None:
            self._names = Names.load(self.s)
        return self._names

    def forget_names(self) -> None:
        self._names = None

    def matches(self, annotation: Annotation, few: bool) -> bool:
        """Whether the quote is its document's text at its span. For ``few`` quotes the
        database compares just that stretch, rather than handing over a text of perhaps a
        megabyte; a batch reads each text once."""
        start, end = annotation.start, annotation.end
        if not 0 <= start < end or len(annotation.quote) != end - start:
            return False
        if few and annotation.document_id not in self._texts:
            stretch = sa.select(sa.func.substr(DOCUMENTS.c.text, start + 1, end - start))
            found = (
                self.s.connection()
                .execute(stretch.where(DOCUMENTS.c.id == annotation.document_id))
                .first()
            )
            if found is None:
                raise NotFound(f"no document with id {annotation.document_id}")
            return bool(found[0] == annotation.quote)
        return self.text(annotation.document_id)[start:end] == annotation.quote

    def text(self, document_id: int) -> str:
        if document_id not in self._texts:
            doc = self.s.get(DocumentRow, document_id)
            if doc is None:
                raise NotFound(f"no document with id {document_id}")
            self._texts[document_id] = doc.text
        return self._texts[document_id]


def apply_edit(s: Session, edit: Edit) -> Changes:
    """Apply ``edit`` (and, for a batch, each part in order); the caller commits."""
    run = _Run(s)
    run.changes.applied = _apply(run, edit)
    return run.changes


def _apply(run: _Run, edit: Edit) -> Edit:
    if isinstance(edit, Batch):
        parts = tuple(_apply(run, part) for part in edit.edits)
        run.s.flush()
        return edit if parts == edit.edits else replace(edit, edits=parts)
    handler = _HANDLERS.get(type(edit))
    if handler is None:
        raise StoreError(f"cannot apply {type(edit).__name__}")
    applied = handler(run, edit)
    if isinstance(
        edit, (AddSpeaker, RemoveSpeaker, UpdateSpeaker, AddCode, RemoveCode, UpdateCode)
    ):
        run.s.flush()
        run.forget_names()
    return applied or edit


def _add_annotation(run: _Run, edit: Any) -> None:
    _insert_annotations(run, (edit.annotation,))


def _insert_annotations(run: _Run, annotations: Iterable[Annotation]) -> None:
    """Insert quotes (in one statement per table: an import brings thousands)."""
    names = run.names()
    rows: list[dict[str, Any]] = []
    device_rows: list[dict[str, Any]] = []
    annotations = list(annotations)
    for ann in annotations:
        # An unplaced quote (undoing its deletion) keeps the span it had in an older text.
        if ann.placed and not run.matches(ann, few=len(annotations) <= FEW_QUOTES):
            raise StoreError(
                f"the quote does not match document {ann.document_id} at {ann.start}-{ann.end}"
            )
        rows.append(
            translate.annotation_row(
                ann, names.speaker_id(ann.speaker), names.code_id(CodeKind.TONE, ann.tone)
            )
        )
        device_rows += _device_rows(names, ann.id, ann.devices)
        run.changes.annotations.add(ann.id)
        run.changes.documents.add(ann.document_id)
    connection = run.s.connection()
    if rows:
        insert_many(connection, ANNOTATIONS, rows)
    if device_rows:
        insert_many(connection, ANNOTATION_DEVICES, device_rows)


def insert_many(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows at once. On SQLite the driver gets plain tuples, with times written
    as SQLAlchemy writes them: its per-value conversions took most of a corpus import."""
    if connection.dialect.name != "sqlite" or len(rows) < BULK_ROWS:
        connection.execute(insert(table), rows)
        return
    columns = list(rows[0])
    times = [n for n, c in enumerate(columns) if isinstance(rows[0][c], datetime)]
    written: dict[datetime, str] = {}  # quotes imported together share their stamps
    values = []
    for row in rows:
        row_values = [row[c] for c in columns]
        for n in times:
            stamp = row_values[n]
            text = written.get(stamp)
            if text is None:
                text = written[stamp] = sqlite_time(stamp)
            row_values[n] = text
        values.append(tuple(row_values))
    insert_rows(connection, table, columns, values)


def insert_rows(
    connection: Connection, table: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert rows given as tuples of the values of ``columns``, in one statement.

    SQLite's driver takes the tuples as they are, so times must already be its text
    (``sqlite_time``) and JSON columns text. Any other database gets the rows through
    SQLAlchemy, which converts each value as it does for any insert (times as datetimes).
    """
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    connection.exec_driver_sql(insert_sql(table.name, columns), rows)


def _remove_annotation(run: _Run, edit: Any) -> None:
    ann = edit.annotation
    connection = run.s.connection()
    connection.execute(
        delete(ANNOTATION_DEVICES).where(ANNOTATION_DEVICES.c.annotation_id == ann.id)
    )
    removed = connection.execute(delete(ANNOTATIONS).where(ANNOTATIONS.c.id == ann.id))
    if removed.rowcount != 1:
        raise NotFound(f"no annotation with id {ann.id}")
    run.changes.annotations.add(ann.id)
    run.changes.documents.add(ann.document_id)


def _device_rows(
    names: Names, annotation_id: str, devices: tuple[str, ...]
) -> list[dict[str, Any]]:
    ids = dict.fromkeys(names.code_id(CodeKind.DEVICE, d) for d in devices)
    return [
        {"annotation_id": annotation_id, "code_id": code_id, "position": i}
        for i, code_id in enumerate(ids)
    ]


def _change_devices(
    s: Session, names: Names, annotation_id: str, old: tuple[str, ...], new: tuple[str, ...]
) -> None:
    """Add the devices ``new`` has and ``old`` lacks, remove those it dropped; leave the
    others alone, so a device another window added meanwhile survives this edit."""
    gone = {names.code_id(CodeKind.DEVICE, d) for d in old if d not in new}
    came = [names.code_id(CodeKind.DEVICE, d) for d in new if d not in old]
    table = ANNOTATION_DEVICES
    of_this = table.c.annotation_id == annotation_id
    if gone:
        s.execute(delete(table).where(of_this, table.c.code_id.in_(gone)))
    present = set(s.execute(select(table.c.code_id).where(of_this)).scalars())
    position = len(present)
    rows = []
    for code_id in dict.fromkeys(came):
        if code_id not in present:
            rows.append({"annotation_id": annotation_id, "code_id": code_id, "position": position})
            position += 1
    if rows:
        s.execute(insert(table), rows)


def _update_annotation(run: _Run, edit: Any) -> None:
    s, changes = run.s, run.changes
    row = s.get(AnnotationRow, edit.annotation_id)
    if row is None:
        raise NotFound(f"no annotation with id {edit.annotation_id}")
    names = run.names()
    old = {name: value for name, value, _new in edit.changes}
    new = {name: value for name, _old, value in edit.changes}
    if "speaker" in new:
        row.speaker_id = names.speaker_id(new["speaker"])
    if "tone" in new:
        row.tone_id = names.code_id(CodeKind.TONE, new["tone"])
    if "devices" in new:
        _change_devices(s, names, row.id, tuple(old["devices"]), tuple(new["devices"]))
    for name in ("note", "confidence"):
        if name in new:
            setattr(row, name, new[name])
    if "status" in new:
        row.status = str(new["status"])
    if "start" in new or "end" in new:
        text = run.text(row.document_id)
        start, end = new.get("start", row.start), new.get("end", row.end)
        if not 0 <= start < end <= len(text):
            raise StoreError(f"span {start}-{end} is outside the document")
        row.start, row.end, row.quote = start, end, text[start:end]
        row.prefix, row.suffix = context_around(text, start, end)
        row.anchor = "position"
    row.modified = translate.stored(now())
    s.add(row)
    changes.annotations.add(row.id)
    changes.documents.add(row.document_id)


def _check_free_speaker_name(run: _Run, name: str, except_id: int | None = None) -> None:
    taken = run.names().speaker_id(name, missing_ok=True)
    if taken is not None and taken != except_id:
        raise DuplicateName(f"a speaker named {name!r} already exists")


def _add_speaker(run: _Run, edit: Any) -> Edit | None:
    """Insert-or-get: a speaker already there under that name (any case, outer spaces
    ignored) is kept as it is, and the edit applies as nothing, so undo never removes a
    speaker this edit did not add."""
    s, changes = run.s, run.changes
    sp = replace(edit.speaker, name=" ".join(edit.speaker.name.split()))
    if not sp.name:
        raise StoreError("a speaker needs a name")
    if run.names().speaker_id(sp.name, missing_ok=True) is not None:
        return Batch((), edit.label)
    colours = s.exec(select(SpeakerRow.colour)).all() if sp.colour is None else []
    row = SpeakerRow(**translate.new_speaker_row(sp, colours))
    s.add(row)  # a writer adding it at the same moment: Project.apply tries again
    changes.speakers = True
    return replace(edit, speaker=sp) if sp != edit.speaker else None


def _speaker_row(s: Session, name: str) -> SpeakerRow:
    row = s.exec(select(SpeakerRow).where(SpeakerRow.name == name)).first()
    if row is None:
        raise NotFound(f"no speaker named {name!r}")
    return row


def _remove_speaker(run: _Run, edit: Any) -> None:
    s, changes = run.s, run.changes
    row = _speaker_row(s, edit.speaker.name)
    used = s.exec(select(AnnotationRow.id).where(AnnotationRow.speaker_id == row.id)).first()
    if used is not None:
        raise InUse(f"speaker {row.name!r} is still attributed quotes; reassign them first")
    s.delete(row)
    changes.speakers = True


def _update_speaker(run: _Run, edit: Any) -> None:
    s, changes = run.s, run.changes
    row = _speaker_row(s, edit.name)
    for name, _old, value in edit.changes:
        if name == "name":
            _check_free_speaker_name(run, value, except_id=row.id)
        setattr(row, name, list(value) if name == "aliases" else value)
    s.add(row)
    changes.speakers = True
    # Annotations show the speaker by name: every quote of this speaker changed.
    changes.annotations.update(
        s.exec(select(AnnotationRow.id).where(AnnotationRow.speaker_id == row.id)).all()
    )


def _code_row(s: Session, kind: CodeKind, name: str) -> CodeRow:
    row = s.exec(select(CodeRow).where(CodeRow.kind == kind.value, CodeRow.name == name)).first()
    if row is None:
        raise NotFound(f"no {kind.value} named {name!r}")
    return row


def _add_code(run: _Run, edit: Any) -> Edit | None:
    """Insert-or-get, as for speakers: a code already there applies as nothing."""
    s, changes = run.s, run.changes
    c = edit.code
    names = run.names()
    if names.code_id(c.kind, c.name, missing_ok=True) is not None:
        return Batch((), edit.label)
    row = CodeRow(**translate.new_code_row(c, len(names.code_names)))
    s.add(row)
    changes.codebook = True
    return None


def _remove_code(run: _Run, edit: Any) -> None:
    s, changes = run.s, run.changes
    row = _code_row(s, edit.code.kind, edit.code.name)
    used = s.exec(select(AnnotationRow.id).where(AnnotationRow.tone_id == row.id)).first()
    used = (
        used
        or s.exec(
            select(AnnotationDeviceRow.annotation_id).where(AnnotationDeviceRow.code_id == row.id)
        ).first()
    )
    if used is not None:
        raise InUse(f"{row.kind} {row.name!r} is still used by quotes; reassign them first")
    s.delete(row)
    changes.codebook = True


def _update_code(run: _Run, edit: Any) -> None:
    s, changes = run.s, run.changes
    row = _code_row(s, edit.kind, edit.name)
    names = run.names()
    for name, _old, value in edit.changes:
        if name == "name":
            taken = names.code_id(edit.kind, value, missing_ok=True)
            if taken is not None and taken != row.id:
                raise DuplicateName(f"a {row.kind} named {value!r} already exists")
        setattr(row, name, value)
    s.add(row)
    changes.codebook = True
    changes.annotations.update(
        s.exec(select(AnnotationRow.id).where(AnnotationRow.tone_id == row.id)).all()
    )
    changes.annotations.update(
        s.exec(
            select(AnnotationDeviceRow.annotation_id).where(AnnotationDeviceRow.code_id == row.id)
        ).all()
    )


def _add_document(run: _Run, edit: Any) -> Edit:
    doc = edit.document
    if doc.id is not None and run.s.get(DocumentRow, doc.id) is not None:
        raise StoreError(f"document {doc.id} cannot be put back: its id is taken")
    taken = run.s.exec(
        select(DocumentRow.id, DocumentRow.title).where(DocumentRow.sha256 == doc.sha256)
    ).first()
    if taken is not None:
        raise DuplicateDocument(doc.title, taken[0] or 0, taken[1])
    values = translate.document_row(doc)
    if doc.id is None:
        del values["id"]
    inserted = run.s.connection().execute(insert(DOCUMENTS), values)
    applied = edit
    if doc.id is None:  # a new document: now it has an id, and so do its quotes
        key = inserted.inserted_primary_key
        assert key is not None
        new_id = key[0]
        applied = replace(
            edit,
            document=replace(doc, id=new_id),
            annotations=tuple(replace(a, document_id=new_id) for a in edit.annotations),
        )
    run._texts[applied.document.id] = doc.text
    _insert_annotations(run, applied.annotations)
    run.changes.documents.add(applied.document.id)
    run.changes.details.add(applied.document.id)
    return applied


def _update_document(run: _Run, edit: Any) -> None:
    row = run.s.get(DocumentRow, edit.document_id)
    if row is None:
        raise NotFound(f"no document with id {edit.document_id}")
    for name, _old, value in edit.changes:
        if name == "attributes":
            value = dict(value) or None
        elif name == "title" and not (value or "").strip():
            raise StoreError("a document needs a title")
        setattr(row, name, value)
    run.s.add(row)
    run.changes.documents.add(edit.document_id)
    run.changes.details.add(edit.document_id)


def _revise_document(run: _Run, edit: Any) -> None:
    before, after = edit.before, edit.after
    row = run.s.get(DocumentRow, before.id)
    if row is None:
        raise NotFound(f"no document with id {before.id}")
    if row.sha256 != before.sha256:
        raise StoreError(f"document {before.id} has changed since; re-import it again")
    values = translate.document_row(replace(after, id=before.id))
    del values["id"], values["imported_at"]
    for name, value in values.items():
        setattr(row, name, value)
    run.s.add(row)
    run.s.flush()
    run._texts[before.id] = after.text
    connection = run.s.connection()
    for ann in edit.after_annotations:
        connection.execute(
            ANNOTATIONS.update()
            .where(ANNOTATIONS.c.id == ann.id)
            .values(
                start=ann.start, end=ann.end, quote=ann.quote, prefix=ann.prefix,
                suffix=ann.suffix, anchor="position" if ann.placed else "orphaned",
            )
        )  # fmt: skip
        run.changes.annotations.add(ann.id)
    run.changes.documents.add(before.id)
    run.changes.details.add(before.id)


def _remove_document(run: _Run, edit: Any) -> None:
    doc = edit.document
    connection = run.s.connection()
    ids = select(ANNOTATIONS.c.id).where(ANNOTATIONS.c.document_id == doc.id)
    connection.execute(
        delete(ANNOTATION_DEVICES).where(ANNOTATION_DEVICES.c.annotation_id.in_(ids))
    )
    connection.execute(delete(ANNOTATIONS).where(ANNOTATIONS.c.document_id == doc.id))
    removed = connection.execute(delete(DOCUMENTS).where(DOCUMENTS.c.id == doc.id))
    if removed.rowcount != 1:
        raise NotFound(f"no document with id {doc.id}")
    run._texts.pop(doc.id, None)
    run.changes.documents.add(doc.id)
    run.changes.details.add(doc.id)
    run.changes.annotations.update(a.id for a in edit.annotations)


_HANDLERS: dict[type, Callable[[_Run, Any], Edit | None]] = {
    AddDocument: _add_document,
    ReviseDocument: _revise_document,
    UpdateDocument: _update_document,
    RemoveDocument: _remove_document,
    AddAnnotation: _add_annotation,
    RemoveAnnotation: _remove_annotation,
    UpdateAnnotation: _update_annotation,
    AddSpeaker: _add_speaker,
    RemoveSpeaker: _remove_speaker,
    UpdateSpeaker: _update_speaker,
    AddCode: _add_code,
    RemoveCode: _remove_code,
    UpdateCode: _update_code,
}
