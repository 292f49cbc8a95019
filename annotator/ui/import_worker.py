"""Importing files off the GUI thread, with progress and cancel.

The worker opens its own ``Project`` on the same location: each thread has its own
SQLite connections, and WAL mode lets the window keep reading meanwhile.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotator.io.ingest import ImportReport, import_paths
from annotator.store import Project

log = logging.getLogger(__name__)


class ImportWorker(QObject):
    """Imports ``paths`` into the project at ``location``; ``run`` may be called directly."""

    progress = Signal(int, int, str)  # done, total, current file name
    finished = Signal(object)  # the ImportReport
    failed = Signal(str)

    def __init__(self, location: str, paths: list[Path]) -> None:
        super().__init__()
        self.location, self.paths = location, paths
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int, current: Path) -> bool:
        self.progress.emit(done, total, current.name)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            with Project(self.location) as project:
                report = import_paths(project, self.paths, self._progress)
        except Exception as error:  # the project itself could not be opened or written
            log.exception("import into %s failed", self.location)
            self.failed.emit(str(error))
            return
        self.finished.emit(report)


def start_import(worker: ImportWorker, owner: QObject) -> QThread:
    """Run ``worker`` on a new thread (owned by ``owner``) that ends when it is done."""
    thread = QThread(owner)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread


def summary(report: ImportReport) -> str:
    """One sentence on what went in."""
    parts = [f"{len(report.added)} added"]
    if report.updated:
        parts.append(f"{len(report.updated)} updated")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} already in the project")
    if report.failed:
        parts.append(f"{len(report.failed)} could not be imported")
    ending = " (cancelled)" if report.cancelled else ""
    return "Import finished: " + ", ".join(parts) + ending + "."
