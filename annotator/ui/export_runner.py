"""Running an export or briefing ``Job`` (see ``annotator.app.exports``) on a ``QThread``."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotator.app.exports import Job, one_line_error
from annotator.app.watching import ExportCancelled

log = logging.getLogger(__name__)


class JobWorker(QObject):
    """Runs one ``Job``; ``run`` may be called directly or on another thread."""

    finished = Signal(str)  # the summary
    failed = Signal(str)  # one line naming the problem
    cancelled = Signal()  # stopped by ``cancel``; nothing was written
    progressed = Signal(int, int, int)  # quotes written, quotes in all, documents written

    REPORT_EVERY = 0.1  # seconds between two progress reports (the last one always goes)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.stop_asked = False  # set from the GUI thread, read by the writer between documents
        self._reported = 0.0

    def cancel(self) -> None:
        """Ask the job to stop before its next document (called directly, not queued)."""
        self.stop_asked = True

    def _progress(self, done: int, total: int, documents: int) -> bool:
        now = time.monotonic()
        if now - self._reported >= self.REPORT_EVERY or done == total:
            self._reported = now
            self.progressed.emit(done, total, documents)
        return not self.stop_asked

    @Slot()
    def run(self) -> None:
        try:
            summary = self.job.run(self._progress)
        except ExportCancelled:
            self.cancelled.emit()
            return
        except Exception as error:  # any writer failure is reported, not raised into Qt
            log.exception("%s failed", self.job.description)
            self.failed.emit(one_line_error(error))
            return
        self.finished.emit(summary)


def start_job(
    worker: JobWorker, owner: QObject, stopped: Callable[[], None] | None = None
) -> QThread:
    """Run ``worker`` on a new thread (owned by ``owner``) that ends when it is done.

    ``stopped`` is called (on the owner's thread) once the thread has ended.
    """
    thread = QThread(owner)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    worker.cancelled.connect(thread.quit)
    if stopped is not None:  # connected before start, so a quick job cannot slip past it
        thread.finished.connect(stopped)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
