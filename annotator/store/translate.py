"""Rows <-> core objects."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from annotator.core import Annotation, Code, CodeKind, Document, Speaker, Status
from annotator.store.tables import AnnotationRow, CodeRow, DocumentRow, SpeakerRow


def utc(value: datetime) -> datetime:
    """A time read back from the database (naive on SQLite) as an aware UTC datetime."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def stored(value: datetime) -> datetime:
    """A time as the database takes it: aware, in UTC (naive values are taken as UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def document(row: DocumentRow) -> Document:
    return Document(
        id=row.id,
        title=row.title,
        text=row.text,
        source=row.source,
        outlet=row.outlet,
        author=row.author,
        published=row.published,
        language=row.language,
        imported_at=utc(row.imported_at),
    )


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "text": doc.text,
        "source": doc.source,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published,
        "language": doc.language,
        "imported_at": stored(doc.imported_at),
        "sha256": doc.sha256,
    }


def speaker(row: SpeakerRow) -> Speaker:
    return Speaker(
        id=row.id,
        name=row.name,
        aliases=tuple(row.aliases or ()),
        role=row.role,
        organisation=row.organisation,
        country=row.country,
        colour=row.colour,
    )


def code(row: CodeRow) -> Code:
    return Code(
        id=row.id,
        kind=CodeKind(row.kind),
        name=row.name,
        description=row.description,
        colour=row.colour,
        shortcut=row.shortcut,
        parent=row.parent,
    )


def annotation(
    row: AnnotationRow | Any,  # an ORM object or a plain result row with the same fields
    speakers: dict[int, str],
    codes: dict[int, str],
    devices: tuple[str, ...],
) -> Annotation:
    return Annotation(
        id=row.id,
        document_id=row.document_id,
        start=row.start,
        end=row.end,
        quote=row.quote,
        prefix=row.prefix,
        suffix=row.suffix,
        speaker=speakers.get(row.speaker_id) if row.speaker_id is not None else None,
        tone=codes.get(row.tone_id) if row.tone_id is not None else None,
        devices=devices,
        note=row.note,
        status=Status(row.status),
        confidence=row.confidence,
        annotator=row.annotator,
        created=utc(row.created),
        modified=utc(row.modified),
        why=row.why,
        placed=row.anchor != "orphaned",
    )


def annotation_row(ann: Annotation, speaker_id: int | None, tone_id: int | None) -> dict[str, Any]:
    return {
        "id": ann.id,
        "document_id": ann.document_id,
        "start": ann.start,
        "end": ann.end,
        "quote": ann.quote,
        "prefix": ann.prefix,
        "suffix": ann.suffix,
        "speaker_id": speaker_id,
        "tone_id": tone_id,
        "note": ann.note,
        "status": ann.status.value,
        "confidence": ann.confidence,
        "annotator": ann.annotator,
        "created": stored(ann.created),
        "modified": stored(ann.modified),
        "anchor": "position" if ann.placed else "orphaned",
        "why": ann.why,
    }
