"""The Suggest menu: find quotes in a document or the whole corpus, review, accept all.

The engine runs on a worker thread; each document's suggestions come back to the GUI
thread, which turns them into an edit (``suggestion_edit``) and applies it at once, so
the next document sees the speakers the last one added. The whole run is one step on
the undo stack.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtWidgets import QProgressDialog

from annotator.app.suggesting import (
    SuggestionReport,
    accept_all_edit,
    document_texts,
    plural,
    run_summary,
    suggestion_edit,
)
from annotator.core import Status
from annotator.store import StoreError
from annotator.ui.suggest_worker import SuggestWorker, start_worker
from annotator.ui.undo import EditGroup

if TYPE_CHECKING:
    from annotator.suggest import Suggestion
    from annotator.ui.main_window import MainWindow


@dataclass
class SuggestRun:
    """One run in progress: what went in so far, and what still waits to go in."""

    worker: SuggestWorker
    group: EditGroup
    total: int
    progress: QProgressDialog
    reports: list[SuggestionReport] = field(default_factory=list)
    waiting: deque[tuple[int, list[Suggestion]]] = field(default_factory=deque)
    adding: bool = False
    engine_done: bool = False
    cancelled: bool = False
    error: str = ""


class SuggestController(QObject):
    """Handlers of the Suggest menu (a part of the main window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # a QObject of the GUI thread: workers' signals queue here
        self.window = window

    suggest_thread: QThread | None = None
    suggest_run: SuggestRun | None = None
    last_suggest_summary: str = ""

    # -- running the engine ----------------------------------------------------------------
    def suggest_in_document(self) -> None:
        if self.window.document_id is None:
            self.window.hint("Open a document first.")
            return
        self.suggest_in([self.window.document_id], "Suggest quotes")

    def suggest_in_corpus(self) -> None:
        ids = [s.id for s in self.window.corpus_panel.model.rows]
        if not ids:
            self.window.hint("No documents yet: import some first (Ctrl+I).")
            return
        self.suggest_in(ids, "Suggest quotes in all documents")

    def suggest_in(self, document_ids: list[int], label: str) -> None:
        """Suggest quotes in these documents in the background; one undo step for all."""
        if self.suggest_run is not None or self.suggest_thread is not None:
            self.window.hint("Suggestions are already being found.")
            return
        texts = document_texts(self.window.project, document_ids)
        worker = SuggestWorker(texts, self.window.project.speakers())
        progress = QProgressDialog("Finding quotes…", "Cancel", 0, len(texts), self.window)
        progress.setWindowTitle("Suggesting quotes")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setValue(0)
        run = SuggestRun(worker, self.window.edits.group(label), len(texts), progress)
        progress.canceled.connect(self._cancel_suggesting)
        # Bound methods of the window run on the GUI thread (queued from the worker).
        worker.found.connect(self._suggestions_found)
        worker.finished.connect(self._engine_finished)
        worker.failed.connect(self._engine_failed)
        self.suggest_run = run
        self._allow_undo(False)  # the run's parts are going in: nothing to undo under them
        self.suggest_thread = start_worker(worker, self, self._suggest_thread_stopped)

    def _suggestions_found(self, document_id: int, suggestions: list[Suggestion]) -> None:
        run = self.suggest_run
        if run is None or run.cancelled:
            return
        run.waiting.append((document_id, suggestions))
        if not run.adding:  # else the loop below is already running (and will take it)
            self._add_waiting(run)

    def _add_waiting(self, run: SuggestRun) -> None:
        run.adding = True
        try:
            while run.waiting and not run.cancelled:
                document_id, suggestions = run.waiting.popleft()
                self._add_suggestions(run, document_id, suggestions)
                # A modal progress dialog processes events here: more documents may arrive.
                run.progress.setLabelText(
                    f"Adding suggestions ({len(run.reports)} of {run.total} documents)"
                )
                run.progress.setValue(min(len(run.reports), run.total - 1))
        finally:
            run.adding = False
        if run.engine_done:
            self._finish_suggesting(run)

    def _add_suggestions(
        self, run: SuggestRun, document_id: int, suggestions: list[Suggestion]
    ) -> None:
        try:
            edit, report = suggestion_edit(self.window.project, document_id, suggestions)
        except StoreError:  # the document was deleted meanwhile
            return
        if not edit.edits or run.group.apply(edit):
            run.reports.append(report)

    def _engine_finished(self, cancelled: bool) -> None:
        run = self.suggest_run
        if run is None:
            return
        run.engine_done = True
        run.cancelled |= cancelled
        if not run.adding:
            self._finish_suggesting(run)

    def _engine_failed(self, message: str) -> None:
        if self.suggest_run is not None:
            self.suggest_run.error = message
        self._engine_finished(False)

    def _cancel_suggesting(self) -> None:
        if self.suggest_run is not None:
            self.suggest_run.cancelled = True
            self.suggest_run.worker.cancel()

    def _finish_suggesting(self, run: SuggestRun) -> None:
        if self.suggest_run is not run:
            return
        self.suggest_run = None
        run.progress.canceled.disconnect(self._cancel_suggesting)
        run.progress.reset()
        run.progress.deleteLater()
        run.group.close()  # one undo step, and one refresh of the views
        self._allow_undo(True)
        cut_short = run.cancelled or bool(run.error)
        self.last_suggest_summary = run_summary(run.reports, run.total, cut_short)
        self.window.hint(self.last_suggest_summary, 15000)
        if run.error:
            self.window.prompts.error(
                "Suggestions stopped",
                f"The engine failed on a document.\n{self.last_suggest_summary}",
                run.error,
            )

    def _allow_undo(self, allowed: bool) -> None:
        stack = self.window.edits.stack
        self.window.actions_by_id["undo"].setEnabled(allowed and stack.canUndo())
        self.window.actions_by_id["redo"].setEnabled(allowed and stack.canRedo())

    def _suggest_thread_stopped(self) -> None:
        self.suggest_thread = None

    def stop_suggesting(self) -> None:
        """Cancel a run and wait for its thread (the window is closing)."""
        self._cancel_suggesting()
        if self.suggest_thread is not None:
            self.suggest_thread.quit()
            self.suggest_thread.wait(5000)

    # -- reviewing -------------------------------------------------------------------------
    def accept_all_suggestions(self) -> None:
        if self.window.document_id is None:
            return
        edit = accept_all_edit(self.window.project, self.window.document_id)
        if not edit.edits:
            self.window.hint("No open suggestions in this document.")
        elif self.window.edits.run(edit):
            self.window.hint(f"Accepted {plural(len(edit.edits), 'suggestion')}.")

    def next_suggestion(self) -> None:
        """Select the next open suggestion: later in this document, else in the next
        document that has any, else from the top of this one."""
        here = sorted(
            (q for q in self.window.quotes if q.status is Status.SUGGESTED and q.placed),
            key=lambda a: (a.start, a.end, a.id),
        )
        current = self.window.selected()
        if current is not None:
            position = (current.start, current.end, current.id)
            later = [a for a in here if (a.start, a.end, a.id) > position]
        else:
            caret = self.window.view.index.to_text(self.window.view.textCursor().position())
            later = [a for a in here if a.start >= caret]
        other = None if later else self._next_document_with_suggestions()
        if other is not None:
            self.window.open_document(other)
            later = [q for q in self.window.quotes if q.status is Status.SUGGESTED and q.placed]
            later.sort(key=lambda a: (a.start, a.end, a.id))
        chosen = later[0] if later else (here[0] if here and other is None else None)
        if chosen is None:
            self.window.hint("No open suggestions: Ctrl+G suggests quotes in this document.")
        else:
            self.window.show_in_passing(chosen)

    def _next_document_with_suggestions(self) -> int | None:
        # In the order (and under the filter) the corpus panel shows.
        rows = self.window.corpus_panel.visible_summaries()
        ids = [r.id for r in rows]
        start = ids.index(self.window.document_id) + 1 if self.window.document_id in ids else 0
        for row in rows[start:] + rows[:start]:
            if row.suggested and row.id != self.window.document_id:
                return row.id
        return None
