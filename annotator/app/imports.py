"""Bringing work in: article files, JSONL corpora and REFI-QDA projects, each as one edit.

Files are read first; what they add (new documents, new versions of documents imported
before from the same path) then goes in as one edit in one transaction, so an import is
one undo step in the workspace and, when the project cannot be written, changes nothing.
A file whose text is already in the project is reported, not duplicated; a file that
cannot be read is reported with its reason, and the others still go in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core import Document
from annotator.core.corpus import Corpus
from annotator.core.edits import (
    AddAnnotation,
    AddCode,
    AddDocument,
    AddSpeaker,
    Batch,
    Edit,
    ReviseDocument,
)
from annotator.io.files import display_path
from annotator.store.corpus_import import CorpusImportReport, corpus_import_edit

if TYPE_CHECKING:
    from annotator.core.records import QuoteRecord
    from annotator.store import Project
    from annotator.store.bulk_import import ImportedParts

Progress = Callable[[int, int, Path], bool]  # (done, total, current) -> keep going?


@dataclass
class ImportReport:
    """The outcome of importing files, and the edit that went in (None: nothing did)."""

    added: list[Document] = field(default_factory=list)
    updated: list[tuple[Document, int]] = field(default_factory=list)  # (document, unplaced)
    duplicates: list[tuple[Path, str]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    notes: list[tuple[Path, str]] = field(default_factory=list)  # e.g. a guessed encoding
    # Files and folders met in a folder and not read (unsupported kind, hidden...), with why.
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False
    edit: Edit | None = None

    def lines(self) -> list[str]:
        """One line per file, for the command line and the workspace's details."""
        out = [f"added    {d.id}\t{d.title}" for d in self.added]
        for doc, orphaned in self.updated:
            quotes = "1 quote" if orphaned == 1 else f"{orphaned} quotes"
            note = f" ({quotes} could not be re-placed)" if orphaned else ""
            out.append(f"updated  {doc.id}\t{doc.title}{note}")
        out += [f"skipped  {display_path(p)}: {reason}" for p, reason in self.duplicates]
        out += [f"skipped  {display_path(p)}: {reason}" for p, reason in self.skipped]
        out += [f"failed   {display_path(p)}: {reason}" for p, reason in self.failed]
        out += [f"note     {display_path(p)}: {note}" for p, note in self.notes]
        return out

    def summary(self) -> str:
        """One sentence on what went in."""
        parts = [f"{len(self.added)} added"]
        if self.updated:
            parts.append(f"{len(self.updated)} updated")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in the project")
        if self.failed:
            parts.append(f"{len(self.failed)} could not be imported")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        ending = " (cancelled)" if self.cancelled else ""
        return "Import finished: " + ", ".join(parts) + ending + "."


class _Plan:
    """The edits an import will make, checked against the project and each other."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.hashes = project.document_hashes()
        self.titles: dict[str, str] = {}
        self.edits: list[Edit] = []

    def take(self, path: Path, doc: Document, report: ImportReport) -> None:
        if doc.sha256 in self.hashes or doc.sha256 in self.titles:
            where = self.hashes.get(doc.sha256)
            what = f"document {where}" if where else f"“{self.titles[doc.sha256]}”"
            report.duplicates.append((path, f"already in the project: same text as {what}"))
            return
        earlier = self.project.document_by_source(doc.source) if doc.source else None
        if earlier is not None and earlier.id is not None:
            revision = self.project.revision(earlier.id, doc.text, replace(doc, id=earlier.id))
            self.edits.append(replace(revision, label=f"Re-import “{doc.title}”"))
        else:
            self.edits.append(AddDocument(doc, label=f"Import “{doc.title}”"))
        self.titles[doc.sha256] = doc.title


def read_one(path: Path, notes: list[str] | None = None) -> Document | str:
    """The document in ``path``, or why it cannot be read; what the reader had to decide
    (a guessed encoding...) is appended to ``notes``."""
    # The article readers (and their decoding and metadata libraries) are loaded when a
    # file is read, not for a corpus import, which never needs them.
    from annotator.io.importers import ImportProblem, read_document

    try:
        return read_document(path, notes)
    except ImportProblem as problem:
        return problem.reason
    except Exception as error:  # a reader library failing on odd input
        return f"could not be read ({type(error).__name__}: {error})"


def import_files(
    project: Project, paths: Iterable[Path], progress: Progress | None = None
) -> ImportReport:
    """Import files and folders (recursively) as one edit; ``progress`` may cancel.

    Cancelling keeps what was read so far (it goes in); the report's ``edit`` is the
    applied edit, with the new documents' ids, for an undo stack.
    """
    from annotator.io.importers import scan

    files, skipped = scan(paths)
    report = ImportReport(skipped=skipped)
    plan = _Plan(project)
    for done, path in enumerate(files):
        if progress is not None and not progress(done, len(files), path):
            report.cancelled = True
            break
        notes: list[str] = []
        found = read_one(path, notes)
        if isinstance(found, str):
            report.failed.append((path, found))
        else:
            report.notes.extend((path, note) for note in notes)
            plan.take(path, found, report)
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), Path())
    if plan.edits:
        label = plan.edits[0].label if len(plan.edits) == 1 else "Import documents"
        report.edit = project.apply(Batch(tuple(plan.edits), label)).applied
        _record(report, report.edit)
    return report


def _record(report: ImportReport, edit: Edit | None) -> None:
    parts = edit.edits if isinstance(edit, Batch) else (edit,)
    for part in parts:
        if isinstance(part, AddDocument):
            report.added.append(part.document)
        elif isinstance(part, ReviseDocument):
            report.updated.append((part.after, part.orphaned))


def paste_edit(title: str, text: str) -> AddDocument:
    """The edit adding pasted text as a new document (newlines made ``\\n``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ValueError("there is no text to add")
    return AddDocument(
        Document(title=title.strip() or text.split("\n", 1)[0][:120], text=text, source=None),
        label="Paste document",
    )


@dataclass(frozen=True)
class CorpusImport:
    """A corpus import's report and the edit that went in (for an undo stack)."""

    report: CorpusImportReport
    edit: Edit | None


def read_corpus(path: Path, *, qdpx: bool | None = None) -> Corpus:
    """A REFI-QDA project (``qdpx``; by default: a .qdpx file), else a Speechmark JSONL
    corpus (whose reader says clearly when a file is not one)."""
    if qdpx if qdpx is not None else path.suffix.lower() == ".qdpx":
        from annotator.io.qdpx import read_qdpx

        return read_qdpx(path)
    from annotator.io.jsonl import read_jsonl

    return read_jsonl(path)


def import_corpus(project: Project, corpus: Corpus, label: str = "Import corpus") -> CorpusImport:
    """Add a whole corpus as one edit: all of it, or (on any error) none of it."""
    edit, report = corpus_import_edit(project, corpus)
    if not edit.edits:
        return CorpusImport(report, None)
    return CorpusImport(report, project.apply(replace(edit, label=label)).applied)


# (bytes read, file size, documents read) -> keep going?
CorpusProgress = Callable[[int, int, int], bool]


def import_corpus_file(
    project: Project,
    path: Path,
    *,
    qdpx: bool | None = None,
    progress: CorpusProgress | None = None,
    undoable: bool = True,
) -> CorpusImport:
    """Add the corpus in ``path`` (see ``read_corpus``) as one transaction: all of it, or
    (on an error, or when ``progress`` cancels) none of it.

    A JSONL corpus going into a SQLite project is streamed: one document in memory at a
    time. The returned edit (for an undo stack) is then read back from the project once
    the import is in; ``undoable=False`` skips that (the command line has no undo).
    """
    label = f"Import {path.name}"
    if _is_qdpx(path, qdpx) or project.engine.dialect.name != "sqlite":
        return import_corpus(project, read_corpus(path, qdpx=qdpx), label)
    from annotator.store.bulk_import import import_documents

    with project.sqlite_connection() as (db, where):
        report, parts = import_documents(db, where, *_streamed(path, progress))
    edit = imported_edit(project, parts, label) if parts and undoable else None
    return CorpusImport(report, edit)


def import_corpus_at(
    location: str,
    path: Path,
    *,
    qdpx: bool | None = None,
    progress: CorpusProgress | None = None,
) -> CorpusImportReport:
    """What ``annotator import-corpus`` does: ``import_corpus_file`` into the project at
    ``location`` (a new one when it is missing), with no edit kept for an undo.

    A JSONL corpus going into a SQLite file at the newest schema (or a new file) is
    imported by the same code on a connection of the standard library's own, without
    loading the full store, whose import alone takes more memory than the work; anything
    else (a database URL, an older file, a .qdpx project) opens the project as usual.
    """
    from annotator.store.project_file import open_for_import

    opened = None if _is_qdpx(path, qdpx) else open_for_import(location)
    if opened is None:
        from annotator.app.projects import open_project

        with open_project(location) as project:
            imported = import_corpus_file(
                project, path, qdpx=qdpx, progress=progress, undoable=False
            )
            return imported.report
    from annotator.store.bulk_import import import_documents

    db, where = opened
    try:
        report, _parts = import_documents(db, where, *_streamed(path, progress))
    finally:
        db.close()
    return report


def _is_qdpx(path: Path, qdpx: bool | None) -> bool:
    return qdpx if qdpx is not None else path.suffix.lower() == ".qdpx"


def _streamed(
    path: Path, progress: CorpusProgress | None
) -> tuple[Iterator[tuple[Document, list[QuoteRecord]]], Callable[[int], bool]]:
    """The documents of a JSONL corpus with their quotes, read as they are taken, and the
    progress to call after each (how far into the file, and how many documents)."""
    from annotator.io.jsonl import iter_jsonl_records

    size = max(1, path.stat().st_size)
    lines = iter_jsonl_records(path)
    read = 0

    def documents() -> Iterator[tuple[Document, list[QuoteRecord]]]:
        nonlocal read
        for line in lines:
            read = line.end
            yield line.document, line.quotes

    def each(count: int) -> bool:
        return progress is None or progress(read, size, count)

    return documents(), each


def imported_edit(project: Project, parts: ImportedParts, label: str) -> Batch:
    """The edit that adds what an import added (its inverse removes it), read back from
    the project: what an undo stack keeps."""
    edits: list[Edit] = [AddCode(code, label) for code in parts.codes]
    edits += [AddSpeaker(speaker, label) for speaker in parts.speakers]
    for document_id in parts.documents:
        document = project.document(document_id)
        quotes = tuple(project.annotations(document_id))
        edits.append(AddDocument(document, quotes, label))
    if parts.onto_present:
        edits += [AddAnnotation(a, label) for a in project.annotations(ids=parts.onto_present)]
    return Batch(tuple(edits), label)
