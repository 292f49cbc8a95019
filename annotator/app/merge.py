"""Bringing a colleague's coding in as a second layer, without touching mine.

Their project file, JSONL corpus or .qdpx goes in as one edit: their quotes on the
documents I have (matched by text, never duplicated), each keeping its analyst. Documents
only they have are listed, and added only when asked. Quotes already here (same id) are
skipped, so merging the same file twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.app.agreement import ENGINE
from annotator.app.imports import read_corpus
from annotator.core import Document
from annotator.core.corpus import Corpus
from annotator.core.edits import Edit
from annotator.core.wording import plural
from annotator.paths import PROJECT_SUFFIX
from annotator.store.corpus_import import CorpusImportReport, corpus_import_edit

if TYPE_CHECKING:
    from annotator.store import Project


@dataclass(frozen=True)
class MergeReport:
    """What a merge brought in, and the documents only the colleague has."""

    analyst: str
    report: CorpusImportReport
    missing: tuple[Document, ...]  # theirs, not mine, not added
    edit: Edit | None

    def summary(self) -> str:
        line = f"{self.analyst}: {plural(self.report.annotations_added, 'quote')} added"
        if self.report.annotations_present:
            line += f" ({self.report.annotations_present} already here)"
        documents = self.report.documents_present + self.report.documents_added
        line += f" on {plural(documents, 'document')}"
        if self.report.documents_added:
            line += f", {self.report.documents_added} of them new"
        if self.missing:
            line += (
                f"; {plural(len(self.missing), 'document')} of theirs not in this project "
                "(add them with --add-missing)"
            )
        return line


def read_colleague(path: Path) -> Corpus:
    """A colleague's work: a Speechmark project file, a JSONL corpus or a .qdpx project."""
    if path.suffix.lower() == PROJECT_SUFFIX or _is_sqlite(path):
        from annotator.store import Project

        with Project(str(path), seed_codebook=False) as theirs:
            return theirs.corpus()
    return read_corpus(path)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def their_analyst(corpus: Corpus, fallback: str) -> str:
    """The colleague's name: the analyst behind most of their own quotes, else ``fallback``."""
    names = [a.annotator for a in corpus.annotations if a.annotator and a.annotator != ENGINE]
    return max(set(names), key=names.count) if names else fallback


def merge(
    project: Project,
    theirs: Corpus,
    *,
    analyst: str | None = None,
    fallback: str = "colleague",
    add_missing: bool = False,
    label: str = "Merge colleague's quotes",
) -> MergeReport:
    """Add their quotes as their layer (one undoable edit); mine stay as they are."""
    name = analyst or their_analyst(theirs, fallback)
    mine = set(project.document_hashes())
    missing = tuple(d for d in theirs.documents if d.sha256 not in mine)
    kept_ids = {d.id for d in theirs.documents if add_missing or d.sha256 in mine}
    annotations = tuple(
        replace(a, annotator=name if not a.annotator or a.annotator == ENGINE else a.annotator)
        for a in theirs.annotations
        if a.document_id in kept_ids
    )
    documents = tuple(d for d in theirs.documents if d.id in kept_ids)
    used = {a.speaker for a in annotations}
    narrowed = replace(
        theirs,
        documents=documents,
        annotations=annotations,
        speakers=tuple(s for s in theirs.speakers if s.name in used),
    )
    edit, report = corpus_import_edit(project, narrowed)
    applied = project.apply(replace(edit, label=label)).applied if edit.edits else None
    return MergeReport(name, report, () if add_missing else missing, applied)
