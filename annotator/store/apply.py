"""Applying edits to the tables, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from annotator.core import CodeKind, context_around, now
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
    UpdateAnnotation,
    UpdateCode,
    UpdateSpeaker,
)
from annotator.core.palette import speaker_colour
from annotator.store import translate
from annotator.store.errors import DuplicateName, InUse, NotFound, StoreError
from annotator.store.lookup import Names
from annotator.store.tables import (
    AnnotationDeviceRow,
    AnnotationRow,
    CodeRow,
    DocumentRow,
    SpeakerRow,
)

# Plain tables for the per-quote statements: no ORM bookkeeping on large batches.
ANNOTATIONS = AnnotationRow.__table__  # type: ignore[attr-defined]
DOCUMENTS = DocumentRow.__table__  # type: ignore[attr-defined]
ANNOTATION_DEVICES = AnnotationDeviceRow.__table__  # type: ignore[attr-defined]


@dataclass
class Changes:
    """What an edit touched, so views refresh only that."""

    annotations: set[str] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    speakers: bool = False
    codebook: bool = False


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
    _apply(run, edit)
    return run.changes


def _apply(run: _Run, edit: Edit) -> None:
    if isinstance(edit, Batch):
        for part in edit.edits:
            _apply(run, part)
        run.s.flush()
        return
    handler = _HANDLERS.get(type(edit))
    if handler is None:
        raise StoreError(f"cannot apply {type(edit).__name__}")
    handler(run, edit)
    if isinstance(
        edit, (AddSpeaker, RemoveSpeaker, UpdateSpeaker, AddCode, RemoveCode, UpdateCode)
    ):
        run.s.flush()
        run.forget_names()


def _add_annotation(run: _Run, edit: Any) -> None:
    s, changes = run.s, run.changes
    ann = edit.annotation
    text = run.text(ann.document_id)
    # An unplaced quote (undoing its deletion) keeps the span it had in an older text.
    if ann.placed and (
        not (0 <= ann.start < ann.end <= len(text)) or text[ann.start : ann.end] != ann.quote
    ):
        raise StoreError(
            f"the quote does not match document {ann.document_id} at {ann.start}-{ann.end}"
        )
    names = run.names()
    row = translate.annotation_row(
        ann, names.speaker_id(ann.speaker), names.code_id(CodeKind.TONE, ann.tone)
    )
    connection = s.connection()
    connection.execute(insert(ANNOTATIONS), [row])
    device_rows = _device_rows(names, ann.id, ann.devices)
    if device_rows:
        connection.execute(insert(ANNOTATION_DEVICES), device_rows)
    changes.annotations.add(ann.id)
    changes.documents.add(ann.document_id)


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


def _set_devices(s: Session, names: Names, annotation_id: str, devices: tuple[str, ...]) -> None:
    s.execute(
        delete(AnnotationDeviceRow).where(col(AnnotationDeviceRow.annotation_id) == annotation_id)
    )
    rows = _device_rows(names, annotation_id, devices)
    if rows:
        s.execute(insert(AnnotationDeviceRow), rows)


def _update_annotation(run: _Run, edit: Any) -> None:
    s, changes = run.s, run.changes
    row = s.get(AnnotationRow, edit.annotation_id)
    if row is None:
        raise NotFound(f"no annotation with id {edit.annotation_id}")
    names = run.names()
    new = {name: value for name, _old, value in edit.changes}
    if "speaker" in new:
        row.speaker_id = names.speaker_id(new["speaker"])
    if "tone" in new:
        row.tone_id = names.code_id(CodeKind.TONE, new["tone"])
    if "devices" in new:
        _set_devices(s, names, row.id, tuple(new["devices"]))
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


def _add_speaker(run: _Run, edit: Any) -> None:
    s, changes = run.s, run.changes
    sp = edit.speaker
    _check_free_speaker_name(run, sp.name)
    colour = sp.colour
    if colour is None:
        colour = speaker_colour(len(s.exec(select(SpeakerRow.id)).all()))
    s.add(
        SpeakerRow(
            name=sp.name,
            aliases=list(sp.aliases),
            role=sp.role,
            organisation=sp.organisation,
            country=sp.country,
            colour=colour,
        )
    )
    changes.speakers = True


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


def _add_code(run: _Run, edit: Any) -> None:
    s, changes = run.s, run.changes
    c = edit.code
    names = run.names()
    if names.code_id(c.kind, c.name, missing_ok=True) is not None:
        raise DuplicateName(f"a {c.kind.value} named {c.name!r} already exists")
    s.add(
        CodeRow(
            kind=c.kind.value,
            name=c.name,
            description=c.description,
            colour=c.colour,
            shortcut=c.shortcut,
            parent=c.parent,
            position=len(names.code_names),
        )
    )
    changes.codebook = True


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


def _add_document(run: _Run, edit: Any) -> None:
    doc = edit.document
    if doc.id is None or run.s.get(DocumentRow, doc.id) is not None:
        raise StoreError(f"document {doc.id} cannot be put back: its id is taken")
    taken = run.s.exec(select(DocumentRow.id).where(DocumentRow.sha256 == doc.sha256)).first()
    if taken is not None:
        raise StoreError(f"the text of {doc.title!r} is already in the project")
    run.s.connection().execute(insert(DOCUMENTS), [translate.document_row(doc)])
    for annotation in edit.annotations:
        _add_annotation(run, AddAnnotation(annotation))
    run.changes.documents.add(doc.id)


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
    run.changes.annotations.update(a.id for a in edit.annotations)


_HANDLERS: dict[type, Callable[[_Run, Any], None]] = {
    AddDocument: _add_document,
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
