"""Importing files into a project: read each, add it, report what went in and what did not.

A file whose text is already in the project is reported, not duplicated. A file imported
before from the same path whose text has changed replaces the old text, and its
annotations are re-anchored (see ``annotator.core.anchoring``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import Document
from annotator.io.files import display_path
from annotator.io.importers import ImportProblem, expand, read_document
from annotator.store import DuplicateDocument, Project


@dataclass
class ImportReport:
    """The outcome of importing files: added, updated, duplicates and failures."""

    added: list[Document] = field(default_factory=list)
    updated: list[tuple[Document, int]] = field(default_factory=list)  # (document, orphaned)
    duplicates: list[tuple[Path, str]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    notes: list[tuple[Path, str]] = field(default_factory=list)  # e.g. a guessed encoding
    cancelled: bool = False

    def lines(self) -> list[str]:
        """One line per file, for the CLI and the GUI's summary."""
        out = [f"added    {d.id}\t{d.title}" for d in self.added]
        for doc, orphaned in self.updated:
            quotes = "1 quote" if orphaned == 1 else f"{orphaned} quotes"
            note = f" ({quotes} could not be re-placed)" if orphaned else ""
            out.append(f"updated  {doc.id}\t{doc.title}{note}")
        out += [f"skipped  {display_path(p)}: {reason}" for p, reason in self.duplicates]
        out += [f"failed   {display_path(p)}: {reason}" for p, reason in self.failed]
        out += [f"note     {display_path(p)}: {note}" for p, note in self.notes]
        return out


Progress = Callable[[int, int, Path], bool]  # (done, total, current) -> keep going?


def import_one(project: Project, path: Path, report: ImportReport) -> None:
    """Read and add one file, recording the outcome in ``report``."""
    notes: list[str] = []
    try:
        doc = read_document(path, notes)
    except ImportProblem as problem:
        report.failed.append((path, problem.reason))
        return
    except Exception as error:  # a reader library failing on odd input
        report.failed.append((path, f"could not be read ({type(error).__name__}: {error})"))
        return
    report.notes.extend((path, note) for note in notes)
    earlier = project.document_by_source(doc.source) if doc.source else None
    if earlier is not None and earlier.sha256 != doc.sha256 and earlier.id is not None:
        placed = project.update_document_text(earlier.id, doc.text)
        report.updated.append((project.document(earlier.id), placed.orphaned))
        return
    try:
        report.added.append(project.add_document(doc))
    except DuplicateDocument as duplicate:
        report.duplicates.append((path, f"already in the project: {duplicate}"))


def import_paths(
    project: Project, paths: Iterable[Path], progress: Progress | None = None
) -> ImportReport:
    """Import files and folders (recursively). ``progress`` may return False to cancel."""
    report = ImportReport()
    files = expand(paths)
    for done, path in enumerate(files):
        if progress is not None and not progress(done, len(files), path):
            report.cancelled = True
            break
        import_one(project, path, report)
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), Path())
    return report
