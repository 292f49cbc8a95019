"""Rows <-> core objects."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from annotator.core import Annotation, Code, CodeKind, Document, Speaker, Status
from annotator.core.fields import QUOTE_FIELDS
from annotator.core.palette import next_speaker_colour
from annotator.store.errors import StoreError

if TYPE_CHECKING:  # plain rows need no sqlmodel: a bulk import into a file runs without it
    from annotator.store.tables import AnnotationRow, CodeRow, DocumentRow, SpeakerRow


def utc(value: datetime) -> datetime:
    """A time read back from the database (naive on SQLite) as an aware UTC datetime."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def stamp(value: datetime | str) -> datetime:
    """A time as a result row holds it (SQLite's driver gives SQLAlchemy's stored text,
    ``2024-03-14 09:00:00.000000``, in UTC) as an aware UTC datetime."""
    if isinstance(value, str):
        try:  # parsed with its zone: twice as fast as attaching it afterwards
            return datetime.fromisoformat(value + "+00:00")
        except ValueError:  # text with an offset of its own
            value = datetime.fromisoformat(value)
    return utc(value)


def stored(value: datetime) -> datetime:
    """A time as the database takes it: aware, in UTC (naive values are taken as UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def sqlite_time(value: datetime) -> str:
    """A time (aware, UTC) as SQLAlchemy's SQLite ``DateTime`` stores it."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def document(row: DocumentRow | Any) -> Document:  # an ORM object or a plain result row
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
        url=row.url,
        attributes=tuple(sorted((row.attributes or {}).items())),
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
        "url": doc.url,
        "attributes": dict(doc.attributes) or None,
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


def new_speaker_row(sp: Speaker, colours: Sequence[str | None]) -> dict[str, Any]:
    """The row of a speaker added to a project whose speakers have ``colours``: its name
    with single spaces, and the next free colour unless it brings one."""
    name = " ".join(sp.name.split())
    if not name:
        raise StoreError("a speaker needs a name")
    colour = sp.colour if sp.colour is not None else next_speaker_colour(colours, len(colours))
    return {
        "name": name,
        "aliases": list(sp.aliases),
        "role": sp.role,
        "organisation": sp.organisation,
        "country": sp.country,
        "colour": colour,
    }


def new_code_row(c: Code, codes: int) -> dict[str, Any]:
    """The row of a tone or device added to a project with ``codes`` codes: it goes last."""
    return {
        "kind": c.kind.value,
        "name": c.name,
        "description": c.description,
        "colour": c.colour,
        "shortcut": c.shortcut,
        "parent": c.parent,
        "position": codes,
    }


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


# How each kind of quote field is kept in the ``annotation`` table. Names are ids into
# other tables (devices in ``annotation_device``, written by the caller); ``placed`` is the
# ``anchor`` column. Every field of ``Annotation`` has a rule here or the import fails.
_COLUMN_KINDS = frozenset({"document", "offset", "text", "number", "id"})
_BY_REFERENCE = {"speaker": "speaker_id", "tone": "tone_id"}
_ELSEWHERE = {"devices", "placed", "status", "created", "modified"}
_unmapped = (
    {f.name for f in QUOTE_FIELDS if f.kind not in _COLUMN_KINDS} - set(_BY_REFERENCE) - _ELSEWHERE
)
assert not _unmapped, f"quote fields without a storage rule: {_unmapped}"
_COLUMNS = tuple(f.name for f in QUOTE_FIELDS if f.kind in _COLUMN_KINDS)


# The columns a quote is read from, in the order ``annotation_of_values`` takes them.
QUOTE_COLUMNS = (*_COLUMNS, "speaker_id", "tone_id", "status", "created", "modified", "anchor")
_OWN = len(_COLUMNS)
_STATUSES = {status.value: status for status in Status}


def annotation(
    row: AnnotationRow | Any,  # an ORM object or a plain result row with the same fields
    speakers: dict[int, str],
    codes: dict[int, str],
    devices: tuple[str, ...],
) -> Annotation:
    values = tuple(getattr(row, name) for name in QUOTE_COLUMNS)
    return annotation_of_values(values, speakers, codes, devices)


def annotation_of_values(
    row: Sequence[Any],  # the ``QUOTE_COLUMNS`` of one quote, in that order
    speakers: dict[int, str],
    codes: dict[int, str],
    devices: tuple[str, ...],
    times: dict[Any, datetime] | None = None,
) -> Annotation:
    """The quote of one plain result row (an export reads a hundred thousand of them).
    ``times`` keeps the stamps already parsed: quotes marked together share theirs."""
    values = dict(zip(_COLUMNS, row, strict=False))  # the first _OWN values
    speaker_id, tone_id, status, created, modified, anchor = row[_OWN:]
    values["speaker"] = speakers.get(speaker_id) if speaker_id is not None else None
    values["tone"] = codes.get(tone_id) if tone_id is not None else None
    values["devices"] = devices
    values["status"] = _STATUSES[status]
    if times is None:
        values["created"] = stamp(created)
        values["modified"] = stamp(modified)
    else:
        values["created"] = times.get(created) or times.setdefault(created, stamp(created))
        values["modified"] = times.get(modified) or times.setdefault(modified, stamp(modified))
    values["placed"] = anchor != "orphaned"
    return Annotation.restored(values)


# The columns ``annotations_from_rows`` reads, in this order (times as the driver gives them).
QUOTE_COLUMNS = (*_COLUMNS, "speaker_id", "tone_id", "status", "created", "modified", "anchor")
_FIELDS = frozenset(f.name for f in QUOTE_FIELDS)
_FILLED = {*_COLUMNS, "speaker", "tone", "devices", "status", "created", "modified", "placed"}
assert _FILLED == _FIELDS, f"quote fields not read back: {_FIELDS - _FILLED}"
_STATUSES = STATUSES = {s.value: s for s in Status}  # each status by its stored text


def annotations_from_rows(
    rows: Iterable[tuple[Any, ...]],
    speakers: Mapping[int, str],
    codes: Mapping[int, str],
    devices: Mapping[str, tuple[str, ...]],
) -> list[Annotation]:
    """Annotations from plain rows of ``QUOTE_COLUMNS``: the fast path for reading thousands.

    A time column may come as the driver's text (SQLite) or as a datetime; each distinct
    stamp is parsed once (a bulk import or a suggestion run stamps many quotes alike).
    """
    times: dict[Any, datetime] = {}
    names, width = _COLUMNS, len(_COLUMNS)
    made: list[Annotation] = []
    append, new = made.append, object.__new__
    for row in rows:
        speaker_id, tone_id, status, created, modified, anchor = row[width:]
        values = dict(zip(names, row, strict=False))  # the first ``width`` values, named
        values.update(
            speaker=speakers.get(speaker_id) if speaker_id is not None else None,
            tone=codes.get(tone_id) if tone_id is not None else None,
            devices=devices.get(values["id"], ()),
            status=_STATUSES.get(status) or Status(status),
            created=times.get(created) or times.setdefault(created, _time(created)),
            modified=times.get(modified) or times.setdefault(modified, _time(modified)),
            placed=anchor != "orphaned",
        )
        # Values read back from the store are complete and already valid: filling the new
        # object's attributes at once skips the generated ``__init__`` (a frozen dataclass
        # sets each of its 18 fields through ``object.__setattr__``), several times slower
        # over ten thousand quotes. Every field is set here (``_FILLED`` is checked above).
        annotation = new(Annotation)
        annotation.__dict__.update(values)
        append(annotation)
    return made


def _time(value: datetime | str) -> datetime:
    return utc(datetime.fromisoformat(value) if isinstance(value, str) else value)


def annotation_row(ann: Annotation, speaker_id: int | None, tone_id: int | None) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(ann, name) for name in _COLUMNS}
    row.update(
        speaker_id=speaker_id,
        tone_id=tone_id,
        status=ann.status.value,
        created=stored(ann.created),
        modified=stored(ann.modified),
        anchor="position" if ann.placed else "orphaned",
    )
    return row
