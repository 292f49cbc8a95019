"""Importing off the GUI thread, with progress and cancel.

The worker opens its own ``Project`` on the same location (each thread has its own
SQLite connections, and WAL mode lets the window keep reading meanwhile) and runs one
import from ``annotator.app.imports``. The edit it applied comes back with the report, for
the window's undo stack.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotator.app.imports import Progress

if TYPE_CHECKING:
    from annotator.store import Project

log = logging.getLogger(__name__)

ImportTask = Callable[["Project", Progress], object]  # returns the import's report


class ImportWorker(QObject):
    """Runs ``task`` on the project at ``location``; ``run`` may be called directly."""

    progress = Signal(int, int, str)  # done, total, current file name
    finished = Signal(object)  # the task's report
    failed = Signal(str)
    cancelled = Signal(str)  # an import that goes in whole or not at all was stopped

    def __init__(self, location: str, task: ImportTask) -> None:
        super().__init__()
        self.location, self.task = location, task
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int, current: Path) -> bool:
        self.progress.emit(done, total, current.name)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        from annotator.store import Project
        from annotator.store.bulk_import import ImportCancelled

        try:
            with Project(self.location) as project:
                report = self.task(project, self._progress)
        except ImportCancelled as stopped:
            self.cancelled.emit(str(stopped))
            return
        except Exception as error:  # unreadable input, or the project could not be written
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
    worker.cancelled.connect(thread.quit)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
