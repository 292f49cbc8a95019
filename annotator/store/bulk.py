"""Taking a whole corpus in (JSONL, QDPX...) in one transaction, with bulk inserts.

If anything in the corpus is wrong, nothing of it is written: the project stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, select

from annotator.core import Code, CodeKind
from annotator.core.corpus import Corpus
from annotator.core.palette import speaker_colour
from annotator.store import translate
from annotator.store.lookup import Names
from annotator.store.tables import (
    AnnotationDeviceRow,
    AnnotationRow,
    CodeRow,
    DocumentRow,
    SpeakerRow,
)


@dataclass(frozen=True)
class CorpusImportReport:
    """What a corpus import added and what it found already present."""

    documents_added: int
    documents_present: int
    annotations_added: int
    annotations_present: int
    speakers_added: int
    codes_added: int

    def summary(self) -> str:
        """One line for the analyst."""
        return (
            f"{self.documents_added} documents added ({self.documents_present} already present), "
            f"{self.annotations_added} annotations added ({self.annotations_present} already "
            f"present), {self.speakers_added} speakers and {self.codes_added} codes added"
        )


def _add_missing_codes(s: Session, corpus: Corpus, names: Names) -> int:
    wanted: list[Code] = list(corpus.codebook.tones) + list(corpus.codebook.devices)
    known = {(c.kind, c.name.casefold()) for c in wanted}
    for a in corpus.annotations:
        if a.tone and (CodeKind.TONE, a.tone.casefold()) not in known:
            wanted.append(Code(CodeKind.TONE, a.tone))
            known.add((CodeKind.TONE, a.tone.casefold()))
        for d in a.devices:
            if (CodeKind.DEVICE, d.casefold()) not in known:
                wanted.append(Code(CodeKind.DEVICE, d))
                known.add((CodeKind.DEVICE, d.casefold()))
    added = 0
    for c in wanted:
        if names.code_id(c.kind, c.name, missing_ok=True) is None:
            s.add(
                CodeRow(
                    kind=c.kind.value, name=c.name, description=c.description, colour=c.colour,
                    shortcut=c.shortcut, parent=c.parent, position=len(names.code_names) + added,
                )
            )  # fmt: skip
            added += 1
    return added


def _add_missing_speakers(s: Session, corpus: Corpus, names: Names) -> int:
    profiles = {sp.name.casefold(): sp for sp in corpus.speakers}
    wanted = dict.fromkeys(
        [sp.name for sp in corpus.speakers] + [a.speaker for a in corpus.annotations if a.speaker]
    )
    added = 0
    for name in wanted:
        assert name is not None
        if names.speaker_id(name, missing_ok=True) is not None:
            continue
        sp = profiles.get(name.casefold())
        s.add(
            SpeakerRow(
                name=name,
                aliases=list(sp.aliases) if sp else [],
                role=sp.role if sp else None,
                organisation=sp.organisation if sp else None,
                country=sp.country if sp else None,
                colour=(sp.colour if sp else None)
                or speaker_colour(len(names.speaker_names) + added),
            )
        )
        added += 1
    return added


def import_corpus(s: Session, corpus: Corpus) -> CorpusImportReport:
    """Add the corpus's documents, speakers, codes and annotations; the caller commits."""
    names = Names.load(s)
    codes_added = _add_missing_codes(s, corpus, names)
    speakers_added = _add_missing_speakers(s, corpus, names)
    s.flush()
    names = Names.load(s)

    by_hash = {row.sha256: row.id for row in s.exec(select(DocumentRow)).all()}
    taken_ids = set(by_hash.values())
    new_id: dict[int | None, int] = {}
    docs_added = docs_present = 0
    for doc in corpus.documents:
        if doc.sha256 in by_hash:
            new_id[doc.id] = by_hash[doc.sha256] or 0
            docs_present += 1
            continue
        values = translate.document_row(doc)
        if doc.id is None or doc.id <= 0 or doc.id in taken_ids:
            values.pop("id")
        document = DocumentRow(**values)
        s.add(document)
        s.flush()
        assert document.id is not None
        new_id[doc.id] = by_hash[doc.sha256] = document.id
        taken_ids.add(document.id)
        docs_added += 1

    present = set(s.exec(select(AnnotationRow.id)).all())
    rows: list[dict[str, Any]] = []
    device_rows: list[dict[str, Any]] = []
    for a in corpus.annotations:
        if a.id in present:
            continue
        present.add(a.id)
        row = translate.annotation_row(
            a, names.speaker_id(a.speaker), names.code_id(CodeKind.TONE, a.tone)
        )
        row["document_id"] = new_id[a.document_id]
        rows.append(row)
        device_ids = dict.fromkeys(names.code_id(CodeKind.DEVICE, d) for d in a.devices)
        device_rows.extend(
            {"annotation_id": a.id, "code_id": code_id, "position": i}
            for i, code_id in enumerate(device_ids)
        )
    # Core inserts on the session's connection: same transaction, no ORM bookkeeping.
    connection = s.connection()
    if rows:
        connection.execute(insert(AnnotationRow.__table__), rows)  # type: ignore[attr-defined]
    if device_rows:
        connection.execute(insert(AnnotationDeviceRow.__table__), device_rows)  # type: ignore[attr-defined]
    return CorpusImportReport(
        documents_added=docs_added,
        documents_present=docs_present,
        annotations_added=len(rows),
        annotations_present=len(corpus.annotations) - len(rows),
        speakers_added=speakers_added,
        codes_added=codes_added,
    )
