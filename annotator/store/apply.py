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
    AddSpeaker,
    Batch,
    Edit,
    RemoveAnnotation,
    RemoveCode,
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


@dataclass
class Changes:
    """What an edit touched, so views refresh only that."""

    annotations: set[str] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    speakers: bool = False
    codebook: bool = False


def apply_edit(s: Session, edit: Edit) -> Changes:
    """Apply ``edit`` (and, for a batch, each part in order); the caller commits."""
    changes = Changes()
    _apply(s, edit, changes)
    return changes


def _apply(s: Session, edit: Edit, changes: Changes) -> None:
    if isinstance(edit, Batch):
        for part in edit.edits:
            _apply(s, part, changes)
            s.flush()
        return
    handler = _HANDLERS.get(type(edit))
    if handler is None:
        raise StoreError(f"cannot apply {type(edit).__name__}")
    handler(s, edit, changes)


def _add_annotation(s: Session, edit: Any, changes: Changes) -> None:
    ann = edit.annotation
    doc = s.get(DocumentRow, ann.document_id)
    if doc is None:
        raise NotFound(f"no document with id {ann.document_id}")
    if (
        not (0 <= ann.start < ann.end <= len(doc.text))
        or doc.text[ann.start : ann.end] != ann.quote
    ):
        raise StoreError(
            f"the quote does not match document {ann.document_id} at {ann.start}-{ann.end}"
        )
    names = Names.load(s)
    row = translate.annotation_row(
        ann, names.speaker_id(ann.speaker), names.code_id(CodeKind.TONE, ann.tone)
    )
    s.execute(insert(AnnotationRow), [row])
    _set_devices(s, names, ann.id, ann.devices)
    changes.annotations.add(ann.id)
    changes.documents.add(ann.document_id)


def _remove_annotation(s: Session, edit: Any, changes: Changes) -> None:
    row = s.get(AnnotationRow, edit.annotation.id)
    if row is None:
        raise NotFound(f"no annotation with id {edit.annotation.id}")
    s.execute(delete(AnnotationDeviceRow).where(col(AnnotationDeviceRow.annotation_id) == row.id))
    s.delete(row)
    changes.annotations.add(row.id)
    changes.documents.add(row.document_id)


def _set_devices(s: Session, names: Names, annotation_id: str, devices: tuple[str, ...]) -> None:
    s.execute(
        delete(AnnotationDeviceRow).where(col(AnnotationDeviceRow.annotation_id) == annotation_id)
    )
    ids = [names.code_id(CodeKind.DEVICE, d) for d in devices]
    rows = [
        {"annotation_id": annotation_id, "code_id": code_id, "position": i}
        for i, code_id in enumerate(dict.fromkeys(ids))
    ]
    if rows:
        s.execute(insert(AnnotationDeviceRow), rows)


def _update_annotation(s: Session, edit: Any, changes: Changes) -> None:
    row = s.get(AnnotationRow, edit.annotation_id)
    if row is None:
        raise NotFound(f"no annotation with id {edit.annotation_id}")
    names = Names.load(s)
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
        doc = s.get(DocumentRow, row.document_id)
        assert doc is not None
        start, end = new.get("start", row.start), new.get("end", row.end)
        if not 0 <= start < end <= len(doc.text):
            raise StoreError(f"span {start}-{end} is outside the document")
        row.start, row.end, row.quote = start, end, doc.text[start:end]
        row.prefix, row.suffix = context_around(doc.text, start, end)
        row.anchor = "position"
    row.modified = translate.stored(now())
    s.add(row)
    changes.annotations.add(row.id)
    changes.documents.add(row.document_id)


def _check_free_speaker_name(s: Session, name: str, except_id: int | None = None) -> None:
    taken = Names.load(s).speaker_id(name, missing_ok=True)
    if taken is not None and taken != except_id:
        raise DuplicateName(f"a speaker named {name!r} already exists")


def _add_speaker(s: Session, edit: Any, changes: Changes) -> None:
    sp = edit.speaker
    _check_free_speaker_name(s, sp.name)
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


def _remove_speaker(s: Session, edit: Any, changes: Changes) -> None:
    row = _speaker_row(s, edit.speaker.name)
    used = s.exec(select(AnnotationRow.id).where(AnnotationRow.speaker_id == row.id)).first()
    if used is not None:
        raise InUse(f"speaker {row.name!r} is still attributed quotes; reassign them first")
    s.delete(row)
    changes.speakers = True


def _update_speaker(s: Session, edit: Any, changes: Changes) -> None:
    row = _speaker_row(s, edit.name)
    for name, _old, value in edit.changes:
        if name == "name":
            _check_free_speaker_name(s, value, except_id=row.id)
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


def _add_code(s: Session, edit: Any, changes: Changes) -> None:
    c = edit.code
    names = Names.load(s)
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


def _remove_code(s: Session, edit: Any, changes: Changes) -> None:
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


def _update_code(s: Session, edit: Any, changes: Changes) -> None:
    row = _code_row(s, edit.kind, edit.name)
    names = Names.load(s)
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


_HANDLERS: dict[type, Callable[[Session, Any, Changes], None]] = {
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
