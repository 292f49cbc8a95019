"""Running an export or briefing ``Job`` (see ``annotator.app.exports``) on a ``QThread``."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotator.app.exports import Job, one_line_error

log = logging.getLogger(__name__)


class JobWorker(QObject):
    """Runs one ``Job``; ``run`` may be called directly or on another thread."""

    finished = Signal(str)  # the summary
    failed = Signal(str)  # one line naming the problem

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    @Slot()
    def run(self) -> None:
        try:
            summary = self.job.run()
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
    if stopped is not None:  # connected before start, so a quick job cannot slip past it
        thread.finished.connect(stopped)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
