"""Finding suggestions off the GUI thread, one document at a time, with cancel.

The worker only runs ``annotator.app.suggesting.find_suggestions`` (the engine, learning
speakers as it goes), which touches no database. The window turns each document's
suggestions into an edit as they arrive (see ``suggest_controller``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotator.app.suggesting import DocumentText, find_suggestions
from annotator.core import Speaker

log = logging.getLogger(__name__)


class SuggestWorker(QObject):
    """Runs the engine on each document in turn; ``run`` may be called directly."""

    found = Signal(int, object)  # document id, list[Suggestion]
    finished = Signal(bool)  # True when cancelled before the end
    failed = Signal(str)

    def __init__(self, documents: list[DocumentText], speakers: list[Speaker]) -> None:
        super().__init__()
        self.documents = documents
        self.known: list[Speaker] = list(speakers)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        current = None
        try:
            found = find_suggestions(self.documents, self.known, self._cancel.is_set)
            for current, suggestions in found:
                self.found.emit(current.id, suggestions)
        except Exception as error:  # an engine bug must not take the window down
            title = current.title if current else "a document"
            log.exception("suggesting failed after %s", title)
            self.failed.emit(f"{error}")
            return
        self.finished.emit(self._cancel.is_set())


def start_worker(
    worker: SuggestWorker, owner: QObject, stopped: Callable[[], None] | None = None
) -> QThread:
    """Run ``worker`` on a new thread (owned by ``owner``) that ends when it is done."""
    thread = QThread(owner)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    if stopped is not None:
        thread.finished.connect(stopped)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
