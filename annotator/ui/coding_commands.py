"""What the coding keys do: mark, attribute, tone, devices, review, move, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator import paths
from annotator.core import Annotation, CodeKind, Status
from annotator.core.edits import RemoveAnnotation, UpdateAnnotation
from annotator.ui import coding
from annotator.ui.text_spans import enclosing_quote, snap_to_words

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

    Base = MainWindow
else:
    Base = object


UNPLACED_HINT = "This quote is not in the re-imported text: mark the words again, then Del."


class CodingCommands(Base):
    """Handlers of the Quote menu and the inspector (mixed into the main window)."""

    def selected(self) -> Annotation | None:
        return next((a for a in self.annotations if a.id == self.selected_id), None)

    def select_annotation(self, annotation_id: str | None) -> None:
        self.selected_id = annotation_id
        self.view.mark_selected(annotation_id)
        self.inspector.show_annotation(self.selected())
        self.table.follow(annotation_id)

    def deselect(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.select_annotation(None)

    def hint(self, message: str, milliseconds: int = 4000) -> None:
        self.statusBar().showMessage(message, milliseconds)

    # -- marking -------------------------------------------------------------------------
    def mark_quote(self) -> None:
        chosen = self.view.selected_range()
        if self.document is None or chosen is None:
            self.hint("Select the words of the quote first, then press Q.")
            return
        start, end = snap_to_words(self.document.text, *chosen)
        if start >= end:
            return
        edit = coding.new_quote(self.document, start, end, paths.annotator_name())
        if self.edits.run(edit):
            self._caret_to(start)
            self.select_annotation(edit.annotation.id)

    def accept_or_mark(self) -> None:
        annotation = self.selected()
        if self.view.textCursor().hasSelection():
            self.mark_quote()
        elif annotation is not None and annotation.status is not Status.ACCEPTED:
            self.edits.run(coding.set_status(annotation, Status.ACCEPTED))

    def reject(self) -> None:
        annotation = self.selected()
        if annotation is None or annotation.status is not Status.SUGGESTED:
            self.hint("Backspace rejects a suggested quote; Del deletes a quote.")
            return
        self.edits.run(coding.set_status(annotation, Status.REJECTED))

    def extend_to_marks(self) -> None:
        if self.document is None:
            return
        text, annotation = self.document.text, self.selected()
        if annotation is not None and not annotation.placed:
            self.hint(UNPLACED_HINT, 8000)
            return
        if annotation is not None:
            found = enclosing_quote(text, annotation.start, annotation.end)
            if found and found != (annotation.start, annotation.end):
                start, end = found
                self.edits.run(
                    UpdateAnnotation.between(
                        annotation, "Extend to quotation marks", start=start, end=end
                    )
                )
            return
        cursor = self.view.textCursor()
        index = self.view.index
        found = enclosing_quote(
            text, index.to_text(cursor.selectionStart()), index.to_text(cursor.selectionEnd())
        )
        if found:
            self.view.select_range(*found)
        else:
            self.hint("No quotation marks around the caret.")

    def delete_quote(self) -> None:
        annotation = self.selected()
        if annotation is not None and self.edits.run(RemoveAnnotation(annotation)):
            self.select_annotation(None)

    # -- attributes ----------------------------------------------------------------------
    def focus_speaker(self) -> None:
        if self.selected() is None:
            self.hint("Select a quote first (click it, or J / K).")
            return
        self.inspector_dock.show()
        self.inspector.focus_speaker()

    def set_speaker(self, typed: str) -> None:
        annotation = self.selected()
        if annotation is None:
            return
        edit = coding.attribute(
            annotation, typed, self.speakers, self.project.next_speaker_colour()
        )
        self.edits.run(edit)
        self.inspector.show_annotation(self.selected())
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def apply_code(self, kind: str, name: str) -> None:
        if CodeKind(kind) is CodeKind.TONE:
            self.set_tone(name)
        else:
            self.toggle_device(name)

    def set_tone(self, tone: str | None) -> None:
        annotation = self.selected()
        if annotation is None:
            self.hint("Select a quote first (click it, or J / K).")
        elif tone is None:
            self.edits.run(UpdateAnnotation.between(annotation, "Clear tone", tone=None))
        else:
            self.edits.run(coding.set_tone(annotation, tone))

    def toggle_device(self, device: str) -> None:
        annotation = self.selected()
        if annotation is None:
            self.hint("Select a quote first (click it, or J / K).")
            return
        self.edits.run(coding.toggle_device(annotation, device))

    def set_note(self, note: str) -> None:
        annotation = self.selected()
        if annotation is not None:
            self.edits.run(UpdateAnnotation.between(annotation, "Edit note", note=note or None))

    def set_status(self, status: Status) -> None:
        annotation = self.selected()
        if annotation is not None:
            self.edits.run(coding.set_status(annotation, status))

    # -- moving ----------------------------------------------------------------------------
    def next_quote(self) -> None:
        self._step(+1)

    def previous_quote(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        placed = (a for a in self.annotations if a.placed)
        ordered = sorted(placed, key=lambda a: (a.start, a.end, a.id))
        if not ordered:
            return
        current = self.selected()
        if current is not None and current.placed:
            n = ordered.index(current) + direction
        else:
            caret = self.view.index.to_text(self.view.textCursor().position())
            after = [k for k, a in enumerate(ordered) if a.start >= caret]
            n = (
                (after[0] if after else len(ordered))
                if direction > 0
                else (after[0] - 1 if after else len(ordered) - 1)
            )
        n = max(0, min(n, len(ordered) - 1))
        self.select_annotation(ordered[n].id)
        self.view.reveal(ordered[n])

    def start_left(self) -> None:
        self._move_edge("start", -1)

    def start_right(self) -> None:
        self._move_edge("start", +1)

    def end_left(self) -> None:
        self._move_edge("end", -1)

    def end_right(self) -> None:
        self._move_edge("end", +1)

    def _move_edge(self, edge: str, step: int) -> None:
        annotation = self.selected()
        if annotation is None or self.document is None:
            self._extend_selection(edge, step)
            return
        if not annotation.placed:
            self.hint(UNPLACED_HINT, 8000)
            return
        self.edits.run(coding.move_edge(annotation, self.document.text, edge, step))

    def _extend_selection(self, edge: str, step: int) -> None:
        # Without a selected quote the keys keep their usual meaning: grow the selection.
        move = QTextCursor.MoveOperation
        if edge == "start":
            operation = move.PreviousCharacter if step < 0 else move.NextCharacter
        else:
            operation = move.PreviousWord if step < 0 else move.NextWord
        cursor = self.view.textCursor()
        cursor.movePosition(operation, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)

    def _caret_to(self, start: int) -> None:
        cursor = self.view.textCursor()
        cursor.setPosition(self.view.index.to_view(start))
        self.view.setTextCursor(cursor)

    def show_in_passing(self, annotation: Annotation | None) -> None:
        """Select and show a quote of this document, leaving the focus where it is."""
        if annotation is not None and annotation.document_id == self.document_id:
            self.select_annotation(annotation.id)
            if annotation.placed:
                self.view.reveal(annotation)

    def jump_to(self, annotation: Annotation) -> None:
        """Open the quote's document, select the quote and show it."""
        self.open_document(annotation.document_id)
        current = next((a for a in self.annotations if a.id == annotation.id), None)
        if current is None:  # deleted meanwhile (e.g. from another window)
            return
        self.select_annotation(current.id)
        if current.placed:
            self.view.reveal(current)
        else:
            self.hint(UNPLACED_HINT, 8000)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
