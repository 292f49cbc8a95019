"""Taking a whole corpus in (JSONL, QDPX...) as one edit: all of it, or none of it.

The plan is made against what the project holds: documents already present (same text)
are not added again and their new quotes go onto them; quotes already present (same id)
are skipped; missing tones, devices and speakers are added first. The result is one
``Batch``, applied in one transaction and undone in one step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from annotator.core import Annotation, Code, CodeKind, Document, Speaker
from annotator.core.corpus import Corpus
from annotator.core.edits import AddAnnotation, AddCode, AddDocument, AddSpeaker, Batch, Edit

if TYPE_CHECKING:
    from annotator.store.project import Project


@dataclass(frozen=True)
class CorpusImportReport:
    """What a corpus import adds and what it finds already present."""

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


def _missing_codes(corpus: Corpus, project: Project) -> list[Edit]:
    have = project.codebook()
    wanted: dict[tuple[CodeKind, str], Code] = {}
    for c in (*corpus.codebook.tones, *corpus.codebook.devices):
        wanted.setdefault((c.kind, c.name.casefold()), c)
    for a in corpus.annotations:
        named = [(CodeKind.TONE, a.tone)] if a.tone else []
        for kind, name in named + [(CodeKind.DEVICE, d) for d in a.devices]:
            wanted.setdefault((kind, name.casefold()), Code(kind, name))
    return [
        AddCode(replace(c, id=None), "Import corpus")
        for (kind, name), c in wanted.items()
        if have.find(kind, name) is None
    ]


def _missing_speakers(corpus: Corpus, project: Project) -> list[Edit]:
    known = {n.casefold() for sp in project.speakers() for n in sp.names()}
    profiles = {sp.name.casefold(): sp for sp in corpus.speakers}
    edits: list[Edit] = []
    for name in [sp.name for sp in corpus.speakers] + [a.speaker or "" for a in corpus.annotations]:
        if not name.strip() or name.strip().casefold() in known:
            continue
        profile = profiles.get(name.casefold()) or Speaker(name.strip())
        edits.append(AddSpeaker(replace(profile, id=None), "Import corpus"))
        known.add(name.strip().casefold())
    return edits


def corpus_import_edit(project: Project, corpus: Corpus) -> tuple[Batch, CorpusImportReport]:
    """The one edit that adds ``corpus`` to ``project``, and what it will add."""
    codes, speakers = _missing_codes(corpus, project), _missing_speakers(corpus, project)
    by_hash = project.document_hashes()
    present_ids = project.annotation_ids()
    taken_ids = set(by_hash.values())
    annotations: dict[int | None, list[Annotation]] = {}
    added = 0
    for a in corpus.annotations:
        if a.id not in present_ids:
            present_ids.add(a.id)
            annotations.setdefault(a.document_id, []).append(a)
            added += 1
    new_documents: dict[str, tuple[Document, list[Annotation]]] = {}
    onto_present: list[Edit] = []
    present = 0
    for doc in corpus.documents:
        own = annotations.pop(doc.id, [])
        if doc.sha256 in by_hash:  # in the project already: its new quotes go onto it
            present += 1
            target = by_hash[doc.sha256]
            onto_present += [AddAnnotation(replace(a, document_id=target)) for a in own]
        elif doc.sha256 in new_documents:  # the same text twice in the corpus
            present += 1
            new_documents[doc.sha256][1].extend(own)
        else:
            keep_id = doc.id is not None and doc.id > 0 and doc.id not in taken_ids
            taken_ids.add(doc.id if keep_id and doc.id else 0)
            new_documents[doc.sha256] = (doc if keep_id else replace(doc, id=None), own)
    # Documents keeping their ids go in first: a renumbered one takes the next free id,
    # which must not be one a later document of the corpus keeps.
    ordered = sorted(new_documents.values(), key=lambda item: item[0].id is None)
    documents: list[Edit] = [AddDocument(doc, tuple(own), "Import corpus") for doc, own in ordered]
    report = CorpusImportReport(
        documents_added=len(documents),
        documents_present=present,
        annotations_added=added,
        annotations_present=len(corpus.annotations) - added,
        speakers_added=len(speakers),
        codes_added=len(codes),
    )
    return Batch((*codes, *speakers, *documents, *onto_present), "Import corpus"), report
