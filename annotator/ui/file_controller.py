"""The File menu: projects, importing, pasting, deleting and exporting documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog

from annotator.core.edits import AddDocument, RemoveDocument
from annotator.paths import PROJECT_SUFFIX

if TYPE_CHECKING:  # the use cases, readers, writers and dialogs are imported when first
    # used, not with the window (they would delay its first paint)
    from annotator.app.imports import CorpusImport, ImportReport, Progress
    from annotator.io.formats import ExportFormat
    from annotator.store import Project
    from annotator.ui.import_worker import ImportTask

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

RECENT_KEY = "recent_projects"
MAX_RECENT = 8
PROJECT_FILTER = f"Speechmark projects (*{PROJECT_SUFFIX});;All files (*)"
CORPUS_FILTER = "Corpus with quotes (*.jsonl *.qdpx);;All files (*)"


def article_filter() -> str:
    """The file dialog's filter of every article format an import reads."""
    from annotator.io.importers import SUPPORTED

    return "Articles ({});;All files (*)".format(" ".join(f"*{s}" for s in SUPPORTED))


class FileController(QObject):
    """Handlers of the File menu (a part of the main window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # a QObject of the GUI thread: workers' signals queue here
        self.window = window

    import_thread: QThread | None = None
    last_import: ImportReport | CorpusImport | None = None

    # -- projects ------------------------------------------------------------------------
    def new_project(self) -> None:
        path = self.window.prompts.save_file(
            "New project", PROJECT_FILTER, f"corpus{PROJECT_SUFFIX}"
        )
        if path:
            if not path.endswith(PROJECT_SUFFIX):
                path += PROJECT_SUFFIX
            self.switch_project(path)

    def open_project(self) -> None:
        path = self.window.prompts.open_file("Open project", PROJECT_FILTER)
        if path:
            self.switch_project(path)

    def switch_project(self, location: str) -> None:
        from annotator.ui.app import open_window

        if open_window(location, self.window.settings) is not None:
            self.window.close()

    def remember_project(self) -> None:
        recent = [p for p in self.recent_projects() if p != self.window.location]
        self.window.settings.setValue(RECENT_KEY, [self.window.location, *recent][:MAX_RECENT])
        self.fill_recent_menu()

    def recent_projects(self) -> list[str]:
        value = self.window.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else []

    def fill_recent_menu(self) -> None:
        self.window.recent_menu.clear()
        for location in self.recent_projects():
            action = self.window.recent_menu.addAction(location)
            action.triggered.connect(lambda _c=False, where=location: self.switch_project(where))
        self.window.recent_menu.setEnabled(bool(self.window.recent_menu.actions()))

    # -- importing -----------------------------------------------------------------------
    def import_files(self) -> None:
        paths = self.window.prompts.open_files("Import articles", article_filter())
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = self.window.prompts.open_folder("Import a folder of articles")
        if folder:
            self.import_paths([Path(folder)])

    def import_corpus(self) -> None:
        path = self.window.prompts.open_file("Import a corpus with its quotes", CORPUS_FILTER)
        if path:
            corpus = Path(path)
            self.run_import(lambda project, progress: corpus_import_task(project, corpus, progress))

    def import_paths(self, paths: list[Path]) -> None:
        """Import articles in the background; the window stays usable and can cancel."""
        from annotator.app.imports import import_files

        self.run_import(lambda project, progress: import_files(project, paths, progress))

    def run_import(self, task: ImportTask) -> None:
        """Run an import from ``annotator.app.imports`` on a worker thread, with progress."""
        from annotator.ui.import_worker import ImportWorker, start_import

        if self.import_thread is not None:
            self.window.hint("An import is already running.")
            return
        self.last_import = None
        worker = ImportWorker(self.window.project.location, task)  # the window opens it first
        dialog = QProgressDialog("Importing…", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle("Importing")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.canceled.connect(worker.cancel)
        self.import_progress = dialog
        # Slots of the window's controllers run on the GUI thread (queued from the worker).
        worker.progress.connect(self._import_progress, Qt.ConnectionType.QueuedConnection)
        worker.finished.connect(self._import_finished, Qt.ConnectionType.QueuedConnection)
        worker.failed.connect(self._import_failed, Qt.ConnectionType.QueuedConnection)
        worker.cancelled.connect(self._import_cancelled, Qt.ConnectionType.QueuedConnection)
        self._import_worker = worker  # kept alive while it runs
        self.import_thread = start_import(worker, self.window)

    def _import_progress(self, done: int, total: int, name: str) -> None:
        self.import_progress.setMaximum(total)
        self.import_progress.setValue(done)
        if total == PER_MILLE:  # a corpus: its name says how far it is
            self.import_progress.setLabelText(f"Importing {name}")
            return
        self.import_progress.setLabelText(
            f"Importing {name} ({done + 1} of {total})" if name else "Done"
        )

    def _import_finished(self, report: ImportReport | CorpusImport) -> None:
        self.import_progress.reset()
        self.import_thread = None
        self.import_done(report)

    def _import_failed(self, message: str) -> None:
        self.import_progress.reset()
        self.import_thread = None
        self.window.prompts.error("Import failed", message)

    def _import_cancelled(self, message: str) -> None:
        self.import_progress.reset()
        self.import_thread = None
        self.window.hint(f"Import cancelled: {message[:1].upper()}{message[1:]}.", 8000)

    def import_done(self, report: ImportReport | CorpusImport) -> None:
        """Show what came in; the import is one step on the undo stack."""
        self.last_import = report
        if report.edit is not None:
            self.window.edits.record(report.edit)
        self.window.refresh_all()
        from annotator.app.imports import CorpusImport

        if isinstance(report, CorpusImport):
            self.window.hint(f"Imported: {report.report.summary()}.", 8000)
            return
        if self.window.document is None and report.added:
            self.window.open_document(report.added[0].id)
        self.window.hint(report.summary())
        if report.failed or report.skipped:
            problems = report.failed + report.skipped
            details = "\n".join(f"{path.name}: {reason}" for path, reason in problems)
            self.window.prompts.error(
                "Some files were not imported",
                f"{report.summary()}\nThe other files went in.",
                details,
            )

    # -- documents -----------------------------------------------------------------------
    def paste_document(self) -> None:
        text = QGuiApplication.clipboard().text().strip()
        if not text:
            self.window.prompts.error("Nothing to paste", "The clipboard holds no text.")
            return
        first_line = text.splitlines()[0][:120]
        title = self.window.prompts.text("Paste as new document", "Title:", first_line)
        if not title:
            return
        from annotator.app.imports import paste_edit

        applied = self.window.edits.run(paste_edit(title, text))
        if isinstance(applied, AddDocument):
            self.window.open_document(applied.document.id)

    def delete_document(self) -> None:
        target = self.window.corpus_panel.chosen_document() or self.window.document_id
        if target is None:
            return
        summary_row = next(s for s in self.window.corpus_panel.model.rows if s.id == target)
        question = (
            f"Delete “{summary_row.title}” and its {summary_row.quotes} quotes?\n"
            "Edit › Undo brings it back."
        )
        if not self.window.prompts.confirm("Delete document", question):
            return
        document = self.window.project.document(target)
        annotations = tuple(self.window.project.annotations(target))
        self.window.edits.run(
            RemoveDocument(document, annotations, f"Delete “{summary_row.title}”")
        )

    def edit_details(self) -> None:
        """Correct the details of the chosen documents (or the open one)."""
        ids = self.window.corpus_panel.chosen_documents() or (
            [self.window.document_id] if self.window.document_id is not None else []
        )
        if not ids:
            self.window.hint("Open or choose a document first.")
            return
        documents = [self.window.project.document(i) for i in ids]
        from annotator.ui.document_dialog import DocumentDialog

        dialog = DocumentDialog(documents, self.window)
        if not self.window.prompts.run_dialog(dialog):
            return
        change = dialog.change()
        try:
            from annotator.app.documents import many_edit

            edit = many_edit(documents, change.details, change.variables)
        except ValueError as error:
            self.window.prompts.error("Cannot change the details", str(error))
            return
        if edit.edits:
            self.window.edits.run(edit.edits[0] if len(edit.edits) == 1 else edit)

    # -- exporting -----------------------------------------------------------------------
    def export_selection(self) -> None:
        from annotator.ui.export_actions import open_export_dialog

        open_export_dialog(self.window, self.window.project)

    def write_briefing(self) -> None:
        from annotator.ui.export_actions import open_briefing_dialog

        open_briefing_dialog(self.window, self.window.project)

    def fill_export_menu(self) -> None:
        from annotator.io.formats import available_formats

        self.window.export_menu.clear()
        for fmt in available_formats().values():
            action = self.window.export_menu.addAction(f"{fmt.label}…")
            action.triggered.connect(lambda _c=False, f=fmt: self.export(f))
        self.window.export_menu.setEnabled(bool(self.window.export_menu.actions()))

    def export(self, fmt: ExportFormat) -> None:
        if fmt.suffix:
            path = self.window.prompts.save_file(
                f"Export {fmt.label}", f"{fmt.label} (*{fmt.suffix})", f"corpus{fmt.suffix}"
            )
        else:
            path = self.window.prompts.open_folder(f"Export {fmt.label} into a folder")
        if not path:
            return
        try:
            count = fmt.writer()(self.window.project.corpus(), Path(path))
        except (OSError, ValueError) as error:
            self.window.prompts.error("Export failed", f"Could not write {path}: {error}")
            return
        self.window.hint(f"Exported {count} items to {path}")


PER_MILLE = 1000  # a corpus import's progress: thousandths of the file read


def corpus_import_task(project: Project, path: Path, progress: Progress) -> CorpusImport:
    """Import a corpus file, reporting thousandths of it read (a cancel undoes it all)."""
    from annotator.app.imports import import_corpus_file

    def each(read: int, size: int, documents: int) -> bool:
        done = min(PER_MILLE - 1, read * PER_MILLE // size)
        return progress(done, PER_MILLE, Path(f"{path.name}: {documents:,} documents read"))

    return import_corpus_file(project, path, progress=each)
