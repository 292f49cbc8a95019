"""File > Export… and File > Briefing…: ask, write off the GUI thread, report.

``open_export_dialog(parent, project)`` and ``open_briefing_dialog(parent, project)``
are all a window needs. The quotes are selected on the calling (GUI) thread, which owns
the project's database connection; only the file writing runs on a worker thread,
behind a busy progress dialog. Success goes to the window's status bar and a message
box that can open the result; failure to a message box and the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from annotator.app.exports import (
    BriefingRequest,
    ExportRequest,
    Job,
    one_line_error,
    prepare_briefing,
    prepare_export,
)
from annotator.io.formats import available_formats
from annotator.store import Project
from annotator.ui.briefing_dialog import BriefingDialog
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.export_runner import JobWorker, start_job

log = logging.getLogger(__name__)

# The last request per project, so reopening a dialog starts from the previous choice.
_last_exports: dict[str, ExportRequest] = {}
_last_briefings: dict[str, BriefingRequest] = {}
_running: set[JobRun] = set()


def open_export_dialog(parent: QWidget | None, project: Project) -> None:
    """Ask what to export, then write it in the background and report the outcome."""
    dialog = ExportDialog(project, parent)
    if project.location in _last_exports:
        dialog.set_request(_last_exports[project.location])
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    request = dialog.request()
    _last_exports[project.location] = request
    into_folder = not available_formats()[request.format_name].suffix
    folder = request.path if into_folder else request.path.parent
    _start(parent, "Export", lambda: prepare_export(project, request), request.path, folder)


def open_briefing_dialog(parent: QWidget | None, project: Project) -> None:
    """Ask for the briefing's options, then write it in the background and report."""
    dialog = BriefingDialog(project, parent)
    if project.location in _last_briefings:
        dialog.set_request(_last_briefings[project.location])
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    request = dialog.request()
    _last_briefings[project.location] = request
    _start(parent, "Briefing", lambda: prepare_briefing(project, request), request.path, None)


def active_jobs() -> int:
    """How many exports or briefings are still being written (check before quitting)."""
    return len(_running)


def _start(
    parent: QWidget | None,
    what: str,
    prepare: Callable[[], Job],
    path: Path,
    folder: Path | None,
) -> None:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # reading the project
    try:
        job = prepare()
    except Exception as error:  # e.g. a template that is not a Word file
        log.exception("%s could not start", what)
        QApplication.restoreOverrideCursor()
        notify_failure(parent, f"{what} failed", one_line_error(error))
        return
    QApplication.restoreOverrideCursor()
    if not job.corpus.annotations and not confirm_empty(parent, what):
        return
    _running.add(JobRun(parent, what, job, path, folder))


class JobRun(QObject):
    """One job on its thread, with its progress dialog; reports when done."""

    def __init__(
        self, parent: QWidget | None, what: str, job: Job, path: Path, folder: Path | None
    ) -> None:
        super().__init__()
        self.parent_widget, self.what, self.path, self.folder = parent, what, path, folder
        self.progress = QProgressDialog(job.description, "Cancel", 0, 0, parent)
        self.progress.setWindowTitle(what)
        modality = Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
        self.progress.setWindowModality(modality)
        self.progress.setMinimumDuration(300)
        self.progress.setMinimumWidth(380)
        self.progress.setAutoReset(False)  # the last report must not close it before the end
        self.progress.setAutoClose(False)
        self.progress.setValue(0)
        self.description = job.description
        self.reported = self.stopped = False
        self.worker = JobWorker(job)
        self.progress.canceled.connect(self._cancel)
        # Slots of this object run on the GUI thread (queued from the worker).
        self.worker.finished.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.progressed.connect(self._progressed)
        self.worker_thread = start_job(self.worker, self, self._thread_stopped)

    @Slot()
    def _cancel(self) -> None:
        self.worker.cancel()
        self.progress.setLabelText("Stopping…")

    @Slot(int, int, int)
    def _progressed(self, done: int, total: int, documents: int) -> None:
        if self.worker.stop_asked:
            return
        if total:  # a bar in quotes; texts alone count documents without a bar
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(f"{self.description}\n{done:,} of {total:,} quotes written")
        else:
            self.progress.setLabelText(f"{self.description}\n{documents:,} documents written")

    @Slot()
    def _cancelled(self) -> None:
        self._close_progress()
        message = f"{self.what} cancelled: {self.path.name} was not written."
        if isinstance(self.parent_widget, QMainWindow):
            self.parent_widget.statusBar().showMessage(message, 15000)
        log.info("%s to %s cancelled", self.what, self.path)
        self._done("reported")

    @Slot(str)
    def _succeeded(self, summary: str) -> None:
        self._close_progress()
        if isinstance(self.parent_widget, QMainWindow):
            self.parent_widget.statusBar().showMessage(summary, 15000)
        notify_success(self.parent_widget, f"{self.what} finished", summary, self.path, self.folder)
        self._done("reported")

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._close_progress()
        log.error("%s to %s failed: %s", self.what, self.path, message)
        notify_failure(self.parent_widget, f"{self.what} failed", message)
        self._done("reported")

    @Slot()
    def _thread_stopped(self) -> None:
        self._done("stopped")

    def _close_progress(self) -> None:
        self.progress.reset()
        self.progress.deleteLater()

    def _done(self, flag: str) -> None:
        setattr(self, flag, True)
        if self.reported and self.stopped:
            # Forgotten from a later event, never from inside this object's own slot.
            QTimer.singleShot(0, lambda: _running.discard(self))


def notify_success(
    parent: QWidget | None, title: str, summary: str, path: Path, folder: Path | None
) -> None:
    """Say what was written, offering to open the file (or its folder)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, f"Saved {path.name}", parent=parent)
    box.setInformativeText(summary)
    _widen(box, 460)  # room for a full path on one or two lines
    target = folder or path
    label = "Open Folder" if folder else "Open"
    open_button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


def _widen(box: QMessageBox, width: int) -> None:
    # QMessageBox ignores setMinimumWidth; a spacer across its grid layout is honoured.
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())


def notify_failure(parent: QWidget | None, title: str, message: str) -> None:
    """Show a failure in one line (details are in the log)."""
    QMessageBox.critical(parent, title, message[:1].upper() + message[1:])


def confirm_empty(parent: QWidget | None, what: str) -> bool:
    """Ask whether to go on when the selection holds no quotes."""
    answer = QMessageBox.question(
        parent,
        f"{what}: no quotes",
        "No quotes match this selection. Write the file anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
