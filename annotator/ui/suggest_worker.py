"""Finding suggestions off the GUI thread, one document at a time, with cancel.

The worker only runs the engine, which is pure: it gets the texts and the known speakers
from the window and never touches the database. The window turns each document's
suggestions into an edit as they arrive (see ``suggest_commands``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotator.core import Speaker
from annotator.store.suggestions import PRONOUNS
from annotator.suggest import Suggestion, suggest

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentText:
    """What the engine reads of a document."""

    id: int
    title: str
    text: str


class SuggestWorker(QObject):
    """Runs the engine on each document in turn; ``run`` may be called directly."""

    started_document = Signal(int, int, str)  # done so far, total, title of the next one
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
        total = len(self.documents)
        for done, document in enumerate(self.documents):
            if self._cancel.is_set():
                self.finished.emit(True)
                return
            self.started_document.emit(done, total, document.title)
            try:
                suggestions = suggest(document.text, self.known)
            except Exception as error:  # an engine bug must not take the window down
                log.exception("suggesting in document %s failed", document.id)
                self.failed.emit(f"{document.title}: {error}")
                return
            self._learn_speakers(suggestions)
            self.found.emit(document.id, suggestions)
        self.finished.emit(False)

    def _learn_speakers(self, suggestions: list[Suggestion]) -> None:
        # Speakers found in one document are known in the next, as when the command line
        # adds each document's suggestions before reading the next one.
        names = {n.casefold() for speaker in self.known for n in speaker.names()}
        for s in suggestions:
            if s.speaker and s.speaker.casefold() not in names:
                aliases = tuple(
                    dict.fromkeys(
                        m
                        for m in s.speaker_mentions
                        if m.casefold() not in names | PRONOUNS and m != s.speaker
                    )
                )
                speaker = Speaker(name=s.speaker, aliases=aliases)
                self.known.append(speaker)
                names |= {n.casefold() for n in speaker.names()}


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
