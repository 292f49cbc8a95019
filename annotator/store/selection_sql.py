"""A ``CorpusFilter`` as SQL, for counting a selection without reading its quotes.

Names match case-insensitively (``str.casefold``), which SQL cannot do the same way in
every database: the few names a project has are matched here in Python and the query
asks for their ids. Documents are kept or not by ``CorpusFilter.keeps_document`` on their
id, date and variables, read once. ``CorpusStream`` still checks every quote it writes
with the filter itself; these conditions only narrow what is read and counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from annotator.core.corpus import CorpusFilter
from annotator.core.model import Document
from annotator.store.lookup import Names
from annotator.store.tables import AnnotationDeviceRow, AnnotationRow, DocumentRow

DOCUMENT = DocumentRow.__table__  # type: ignore[attr-defined]
QUOTE = AnnotationRow.__table__  # type: ignore[attr-defined]
DEVICE = AnnotationDeviceRow.__table__  # type: ignore[attr-defined]


def _matching(column: Any, known: Mapping[Any, str], wanted: frozenset[str]) -> Any:
    """``column`` holds one of the ``known`` values whose name is ``wanted`` (or is empty,
    when the empty name is wanted)."""
    condition = column.in_(sorted(key for key, name in known.items() if name.casefold() in wanted))
    return sa.or_(condition, column.is_(None)) if "" in wanted else condition


def quote_conditions(connection: Connection, wanted: CorpusFilter, names: Names) -> list[Any]:
    """The filter's conditions on a quote: status, speaker, tone, analyst and devices."""
    conditions = []
    if wanted.statuses:
        conditions.append(QUOTE.c.status.in_(sorted(s.value for s in wanted.statuses)))
    if wanted.speakers:
        conditions.append(_matching(QUOTE.c.speaker_id, names.speaker_names, wanted.speakers))
    if wanted.tones:
        conditions.append(_matching(QUOTE.c.tone_id, names.code_names, wanted.tones))
    if wanted.annotators:
        analysts = connection.execute(sa.select(QUOTE.c.annotator).distinct()).scalars()
        known = {name: name for name in analysts if name}
        conditions.append(_matching(QUOTE.c.annotator, known, wanted.annotators))
    if wanted.devices:
        codes = [i for i, name in names.code_names.items() if name.casefold() in wanted.devices]
        device = sa.select(DEVICE.c.annotation_id).where(DEVICE.c.code_id.in_(sorted(codes)))
        conditions.append(QUOTE.c.id.in_(device))
    return conditions


def kept_documents(connection: Connection, wanted: CorpusFilter) -> set[int] | None:
    """The ids of the documents the filter keeps, or None when it keeps every one."""
    if not (wanted.document_ids or wanted.attributes or wanted.published_from
            or wanted.published_to):  # fmt: skip
        return None
    columns = (DOCUMENT.c.id, DOCUMENT.c.title, DOCUMENT.c.published, DOCUMENT.c.attributes)
    kept = set()
    for row in connection.execute(sa.select(*columns)):
        attributes = tuple(sorted((row.attributes or {}).items()))
        light = Document(row.title, "", published=row.published, id=row.id, attributes=attributes)
        if wanted.keeps_document(light):
            kept.add(row.id)
    return kept


def count_quotes(connection: Connection, wanted: CorpusFilter, names: Names) -> tuple[int, int]:
    """(quotes the filter keeps, quotes it leaves out only because they are not placed)."""
    orphaned = QUOTE.c.anchor == "orphaned"
    query = (
        sa.select(QUOTE.c.document_id, orphaned, sa.func.count())
        .where(*quote_conditions(connection, wanted, names))
        .group_by(QUOTE.c.document_id, orphaned)
    )
    kept = kept_documents(connection, wanted)
    placed = unplaced = 0
    for document_id, is_orphaned, count in connection.execute(query):
        if kept is None or document_id in kept:
            if is_orphaned:
                unplaced += count
            else:
                placed += count
    return placed, unplaced
