"""Replacing a document's text with a new version and re-placing its annotations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlmodel import Session, col, select

from annotator.core.anchoring import AnchorMethod, reanchor
from annotator.core.model import text_sha256
from annotator.store import translate
from annotator.store.errors import NotFound
from annotator.store.lookup import Names
from annotator.store.tables import AnnotationRow, DocumentRow


@dataclass(frozen=True)
class ReanchorReport:
    """How the annotations of an updated document were placed again."""

    document_id: int
    placed: dict[str, int]  # AnchorMethod value -> count

    @property
    def orphaned(self) -> int:
        return self.placed.get(AnchorMethod.ORPHANED.value, 0)


def replace_text(s: Session, document_id: int, text: str) -> ReanchorReport:
    """Give the document its new text and re-anchor every annotation; the caller commits.

    Orphaned annotations keep their old offsets and quote and are flagged ``orphaned``.
    """
    doc = s.get(DocumentRow, document_id)
    if doc is None:
        raise NotFound(f"no document with id {document_id}")
    doc.text, doc.sha256 = text, text_sha256(text)
    s.add(doc)
    names = Names.load(s)
    counts: Counter[str] = Counter()
    rows = s.exec(select(AnnotationRow).where(col(AnnotationRow.document_id) == document_id))
    for row in rows.all():
        anchor = reanchor(
            translate.annotation(row, names.speaker_names, names.code_names, ()), text
        )
        counts[anchor.method.value] += 1
        row.anchor = anchor.method.value
        if anchor.method is not AnchorMethod.ORPHANED:
            moved = translate.annotation(row, {}, {}, ()).moved(text, anchor.start, anchor.end)
            row.start, row.end, row.quote = moved.start, moved.end, moved.quote
            row.prefix, row.suffix = moved.prefix, moved.suffix
        s.add(row)
    return ReanchorReport(document_id, dict(counts))
