"""What the coding keys do: mark, attribute, tone, devices, review, move, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QTextCursor

from annotator import paths
from annotator.app import coding
from annotator.core import CodeKind, Status
from annotator.core.edits import RemoveAnnotation, UpdateAnnotation
from annotator.ui.text_spans import enclosing_quote, snap_to_words

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


UNPLACED_HINT = "This quote is not in the re-imported text: mark the words again, then Del."


class CodingController(QObject):
    """Handlers of the Quote menu and the inspector (a part of the main window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # a QObject of the GUI thread: workers' signals queue here
        self.window = window

    def deselect(self) -> None:
        cursor = self.window.view.textCursor()
        cursor.clearSelection()
        self.window.view.setTextCursor(cursor)
        self.window.select_annotation(None)

    # -- marking -------------------------------------------------------------------------
    def mark_quote(self) -> None:
        chosen = self.window.view.selected_range()
        if self.window.document is None or chosen is None:
            self.window.hint("Select the words of the quote first, then press Q.")
            return
        start, end = snap_to_words(self.window.document.text, *chosen)
        if start >= end:
            return
        edit = coding.new_quote(self.window.document, start, end, paths.annotator_name())
        if self.window.edits.run(edit):
            self._caret_to(start)
            self.window.select_annotation(edit.annotation.id)

    def accept_or_mark(self) -> None:
        annotation = self.window.selected()
        if self.window.view.textCursor().hasSelection():
            self.mark_quote()
        elif annotation is not None and annotation.status is not Status.ACCEPTED:
            self.window.edits.run(coding.set_status(annotation, Status.ACCEPTED))

    def reject(self) -> None:
        annotation = self.window.selected()
        if annotation is None or annotation.status is not Status.SUGGESTED:
            self.window.hint("Backspace rejects a suggested quote; Del deletes a quote.")
            return
        if self.window.edits.run(coding.set_status(annotation, Status.REJECTED)):
            # Review moves on: the next open suggestion, as N would choose it.
            self.window.suggestions.next_suggestion()
            if self.window.selected_id == annotation.id:
                self.window.select_annotation(None)

    def extend_to_marks(self) -> None:
        if self.window.document is None:
            return
        text, annotation = self.window.document.text, self.window.selected()
        if annotation is not None and not annotation.placed:
            self.window.hint(UNPLACED_HINT, 8000)
            return
        if annotation is not None:
            found = enclosing_quote(text, annotation.start, annotation.end)
            if found and found != (annotation.start, annotation.end):
                start, end = found
                self.window.edits.run(
                    UpdateAnnotation.between(
                        annotation, "Extend to quotation marks", start=start, end=end
                    )
                )
            return
        cursor = self.window.view.textCursor()
        index = self.window.view.index
        found = enclosing_quote(
            text, index.to_text(cursor.selectionStart()), index.to_text(cursor.selectionEnd())
        )
        if found:
            self.window.view.select_range(*found)
        else:
            self.window.hint("No quotation marks around the caret.")

    def delete_quote(self) -> None:
        annotation = self.window.selected()
        if annotation is not None and self.window.edits.run(RemoveAnnotation(annotation)):
            self.window.select_annotation(None)

    # -- attributes ----------------------------------------------------------------------
    def focus_speaker(self) -> None:
        if self.window.selected() is None:
            self.window.hint("Select a quote first (click it, or J / K).")
            return
        self.window.inspector_dock.show()
        self.window.inspector.focus_speaker()

    def set_speaker(self, typed: str) -> None:
        annotation = self.window.selected()
        if annotation is None:
            return
        # Read afresh: another window or the command line may have added speakers.
        edit = coding.attribute(annotation, typed, self.window.project.speakers())
        self.window.edits.run(edit)
        self.window.inspector.show_annotation(self.window.selected())
        self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def apply_code(self, kind: str, name: str) -> None:
        if CodeKind(kind) is CodeKind.TONE:
            self.set_tone(name)
        else:
            self.toggle_device(name)

    def set_tone(self, tone: str | None) -> None:
        annotation = self.window.selected()
        if annotation is None:
            self.window.hint("Select a quote first (click it, or J / K).")
        elif tone is None:
            self.window.edits.run(UpdateAnnotation.between(annotation, "Clear tone", tone=None))
        else:
            self.window.edits.run(coding.set_tone(annotation, tone))

    def toggle_device(self, device: str) -> None:
        annotation = self.window.selected()
        if annotation is None:
            self.window.hint("Select a quote first (click it, or J / K).")
            return
        self.window.edits.run(coding.toggle_device(annotation, device))

    def set_note(self, note: str) -> None:
        annotation = self.window.selected()
        if annotation is not None:
            self.window.edits.run(
                UpdateAnnotation.between(annotation, "Edit note", note=note or None)
            )

    def set_status(self, status: Status) -> None:
        annotation = self.window.selected()
        if annotation is not None:
            self.window.edits.run(coding.set_status(annotation, status))

    # -- moving ----------------------------------------------------------------------------
    def next_quote(self) -> None:
        self._step(+1)

    def previous_quote(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        placed = (q for q in self.window.quotes if q.placed)
        ordered = sorted(placed, key=lambda a: (a.start, a.end, a.id))
        if not ordered:
            return
        ids = [q.id for q in ordered]
        if self.window.selected_id in ids:
            n = ids.index(self.window.selected_id) + direction
        else:
            caret = self.window.view.index.to_text(self.window.view.textCursor().position())
            after = [k for k, a in enumerate(ordered) if a.start >= caret]
            n = (
                (after[0] if after else len(ordered))
                if direction > 0
                else (after[0] - 1 if after else len(ordered) - 1)
            )
        n = max(0, min(n, len(ordered) - 1))
        self.window.select_annotation(ordered[n].id)
        self.window.view.reveal(ordered[n])

    def start_left(self) -> None:
        self._move_edge("start", -1)

    def start_right(self) -> None:
        self._move_edge("start", +1)

    def end_left(self) -> None:
        self._move_edge("end", -1)

    def end_right(self) -> None:
        self._move_edge("end", +1)

    def _move_edge(self, edge: str, step: int) -> None:
        annotation = self.window.selected()
        if annotation is None or self.window.document is None:
            self._extend_selection(edge, step)
            return
        if not annotation.placed:
            self.window.hint(UNPLACED_HINT, 8000)
            return
        self.window.edits.run(coding.move_edge(annotation, self.window.document.text, edge, step))

    def _extend_selection(self, edge: str, step: int) -> None:
        # Without a selected quote the keys keep their usual meaning: grow the selection.
        move = QTextCursor.MoveOperation
        if edge == "start":
            operation = move.PreviousCharacter if step < 0 else move.NextCharacter
        else:
            operation = move.PreviousWord if step < 0 else move.NextWord
        cursor = self.window.view.textCursor()
        cursor.movePosition(operation, QTextCursor.MoveMode.KeepAnchor)
        self.window.view.setTextCursor(cursor)

    def _caret_to(self, start: int) -> None:
        cursor = self.window.view.textCursor()
        cursor.setPosition(self.window.view.index.to_view(start))
        self.window.view.setTextCursor(cursor)
