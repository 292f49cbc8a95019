"""The File menu: projects, importing, pasting, deleting and exporting documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QProgressDialog

from annotator.core import Document
from annotator.core.edits import RemoveDocument
from annotator.io.formats import ExportFormat, available_formats
from annotator.io.importers import SUPPORTED
from annotator.io.ingest import ImportReport
from annotator.paths import PROJECT_SUFFIX
from annotator.store import StoreError
from annotator.ui.import_worker import ImportWorker, start_import, summary

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

    Base = MainWindow
else:
    Base = object

RECENT_KEY = "recent_projects"
MAX_RECENT = 8
PROJECT_FILTER = f"Speechmark projects (*{PROJECT_SUFFIX});;All files (*)"
ARTICLE_FILTER = "Articles ({});;All files (*)".format(" ".join(f"*{s}" for s in SUPPORTED))


class FileCommands(Base):
    """Handlers of the File menu (mixed into the main window)."""

    import_thread: QThread | None = None
    last_import: ImportReport | None = None

    # -- projects ------------------------------------------------------------------------
    def new_project(self) -> None:
        path = self.prompts.save_file("New project", PROJECT_FILTER, f"corpus{PROJECT_SUFFIX}")
        if path:
            if not path.endswith(PROJECT_SUFFIX):
                path += PROJECT_SUFFIX
            self.switch_project(path)

    def open_project(self) -> None:
        path = self.prompts.open_file("Open project", PROJECT_FILTER)
        if path:
            self.switch_project(path)

    def switch_project(self, location: str) -> None:
        from annotator.ui.app import open_window

        if open_window(location, self.settings) is not None:
            self.close()

    def remember_project(self) -> None:
        recent = [p for p in self.recent_projects() if p != self.project.location]
        self.settings.setValue(RECENT_KEY, [self.project.location, *recent][:MAX_RECENT])
        self.fill_recent_menu()

    def recent_projects(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for location in self.recent_projects():
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _c=False, where=location: self.switch_project(where))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    # -- importing -----------------------------------------------------------------------
    def import_files(self) -> None:
        paths = self.prompts.open_files("Import articles", ARTICLE_FILTER)
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = self.prompts.open_folder("Import a folder of articles")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import in the background; the window stays usable and can cancel."""
        if self.import_thread is not None:
            self.hint("An import is already running.")
            return
        self.last_import = None
        worker = ImportWorker(self.project.location, paths)
        dialog = QProgressDialog("Importing…", "Cancel", 0, 0, self)
        dialog.setWindowTitle("Importing articles")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.canceled.connect(worker.cancel)
        self.import_progress = dialog
        # Bound methods of the window run on the GUI thread (queued from the worker).
        worker.progress.connect(self._import_progress)
        worker.finished.connect(self._import_finished)
        worker.failed.connect(self._import_failed)
        self._import_worker = worker  # kept alive while it runs
        self.import_thread = start_import(worker, self)

    def _import_progress(self, done: int, total: int, name: str) -> None:
        self.import_progress.setMaximum(total)
        self.import_progress.setValue(done)
        self.import_progress.setLabelText(
            f"Importing {name} ({done + 1} of {total})" if name else "Done"
        )

    def _import_finished(self, report: ImportReport) -> None:
        self.import_progress.reset()
        self.import_thread = None
        self.import_done(report)

    def _import_failed(self, message: str) -> None:
        self.import_progress.reset()
        self.import_thread = None
        self.prompts.error("Import failed", message)

    def import_done(self, report: ImportReport) -> None:
        self.last_import = report
        self.refresh_all()
        if self.document is None and report.added:
            self.open_document(report.added[0].id)
        self.hint(summary(report))
        if report.failed:
            details = "\n".join(f"{path.name}: {reason}" for path, reason in report.failed)
            self.prompts.error(
                "Some files could not be imported",
                f"{summary(report)}\nThe other files went in.",
                details,
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- documents -----------------------------------------------------------------------
    def paste_document(self) -> None:
        text = QGuiApplication.clipboard().text().replace("\r\n", "\n").strip()
        if not text:
            self.prompts.error("Nothing to paste", "The clipboard holds no text.")
            return
        first_line = text.split("\n", 1)[0][:120]
        title = self.prompts.text("Paste as new document", "Title:", first_line)
        if not title:
            return
        try:
            added = self.project.add_document(Document(title=title, text=text, source="clipboard"))
        except StoreError as error:
            self.prompts.error("Could not add the document", str(error))
            return
        self.show_summaries()
        self.open_document(added.id)
        self.saved.setText("  Saved ✓  ")

    def delete_document(self) -> None:
        target = self.corpus_panel.chosen_document() or self.document_id
        if target is None:
            return
        summary_row = next(s for s in self.corpus_panel.model.rows if s.id == target)
        question = (
            f"Delete “{summary_row.title}” and its {summary_row.quotes} quotes?\n"
            "Edit › Undo brings it back."
        )
        if not self.prompts.confirm("Delete document", question):
            return
        document = self.project.document(target)
        annotations = tuple(self.project.annotations(target))
        self.edits.run(RemoveDocument(document, annotations, f"Delete “{summary_row.title}”"))

    # -- exporting -----------------------------------------------------------------------
    def export_selection(self) -> None:
        from annotator.ui.export_actions import open_export_dialog

        open_export_dialog(self, self.project)

    def write_briefing(self) -> None:
        from annotator.ui.export_actions import open_briefing_dialog

        open_briefing_dialog(self, self.project)

    def fill_export_menu(self) -> None:
        self.export_menu.clear()
        for fmt in available_formats().values():
            action = self.export_menu.addAction(f"{fmt.label}…")
            action.triggered.connect(lambda _c=False, f=fmt: self.export(f))
        self.export_menu.setEnabled(bool(self.export_menu.actions()))

    def export(self, fmt: ExportFormat) -> None:
        if fmt.suffix:
            path = self.prompts.save_file(f"Export {fmt.label}", f"{fmt.label} (*{fmt.suffix})",
                                          f"corpus{fmt.suffix}")  # fmt: skip
        else:
            path = self.prompts.open_folder(f"Export {fmt.label} into a folder")
        if not path:
            return
        try:
            count = fmt.writer()(self.project.corpus(), Path(path))
        except (OSError, ValueError) as error:
            self.prompts.error("Export failed", f"Could not write {path}: {error}")
            return
        self.hint(f"Exported {count} items to {path}")
