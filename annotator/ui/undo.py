"""One undo command for every edit: redo applies it, undo applies its inverse.

Both go through ``Project.apply`` (one committed transaction each) and hand the returned
``Changes`` to the window, which refreshes only what moved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from annotator.core.edits import Batch, Edit
from annotator.store import Changes, StoreError

if TYPE_CHECKING:
    from annotator.store import Project

log = logging.getLogger(__name__)

Refresh = Callable[[Changes], None]
Report = Callable[[str, Exception], None]
Reveal = Callable[[Changes, str], None]  # what changed, and "Undone: …" / "Redone: …"
BIG_BATCH = 20  # parts of a batch above which undo and redo show a busy cursor


class EditCommand(QUndoCommand):
    """A core edit on the undo stack. It arrives already applied (see ``EditRunner``)."""

    def __init__(
        self,
        project: Project,
        edit: Edit,
        refresh: Refresh,
        report: Report,
        reveal: Reveal | None = None,
    ) -> None:
        super().__init__(edit.label)
        self.project, self.edit = project, edit
        self._refresh, self._report, self._reveal = refresh, report, reveal
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo happens when pushed: already done
            self._applied = False
            return
        self._run(self.edit, f"Could not redo “{self.text()}”", f"Redone: {self.text()}")

    def undo(self) -> None:
        self._run(self.edit.inverse(), f"Could not undo “{self.text()}”", f"Undone: {self.text()}")

    def _run(self, edit: Edit, failure: str, done: str) -> None:
        busy = isinstance(edit, Batch) and len(edit.edits) > BIG_BATCH
        if busy:  # e.g. undoing suggestions in a whole corpus takes a few seconds
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            changes = self.project.apply(edit)
        except Exception as error:  # refused, or the database could not be written
            log.warning("%s: %s", failure, error)
            self.setObsolete(True)
            self._report(failure, error)
            return
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        self._refresh(changes)
        if self._reveal is not None:  # undo and redo show what they changed, and say so
            self._reveal(changes, done)


class EditRunner:
    """Applies edits for the window: apply now, report errors, push on the undo stack."""

    def __init__(
        self,
        project: Project | Callable[[], Project],
        refresh: Refresh,
        report: Report,
        reveal: Reveal | None = None,
    ) -> None:
        # A callable gives the project when the first edit comes: a window still loading
        # its project finishes loading then.
        self._project = project
        self.stack = QUndoStack()
        self._refresh, self._report, self._reveal = refresh, report, reveal

    @property
    def project(self) -> Project:
        return self._project() if callable(self._project) else self._project

    def _command(self, edit: Edit) -> EditCommand:
        return EditCommand(self.project, edit, self._refresh, self._report, self._reveal)

    def run(self, edit: Edit | None) -> Edit | None:
        """Apply ``edit``; returns it as applied (with any new ids), or None when it was
        refused (then nothing changed)."""
        if edit is None:
            return None
        changes = self._apply(edit)
        if changes is None:
            return None
        applied = changes.applied or edit
        self.stack.push(self._command(applied))
        self._refresh(changes)
        return applied

    def record(self, applied: Edit) -> None:
        """Put an edit applied elsewhere (an import on a worker thread) on the undo stack;
        the caller refreshes the views."""
        self.stack.push(self._command(applied))

    def _apply(self, edit: Edit) -> Changes | None:
        failure = f"Could not {edit.label[:1].lower()}{edit.label[1:]}"
        try:
            return self.project.apply(edit)
        except StoreError as error:
            log.warning("%s refused: %s", edit.label, error)
            self._report(failure, error)
        except Exception as error:  # the database itself: locked, disk full, gone
            log.exception("%s failed", edit.label)
            self._report(failure, RuntimeError(f"the project could not be written ({error})"))
        return None

    def group(self, label: str) -> EditGroup:
        """Edits to apply one at a time (each built after the last went in), undone as one."""
        return EditGroup(self, label)


class EditGroup:
    """Parts of one user action applied as they come, then one step on the undo stack.

    Each part is its own transaction, so a later part can be built from what the earlier
    ones wrote (a speaker added for one document is known to the next).
    """

    def __init__(self, runner: EditRunner, label: str) -> None:
        self.runner, self.label = runner, label
        self.applied: list[Edit] = []
        self.changes = Changes()

    def apply(self, edit: Edit) -> bool:
        """Apply one part now; True when it went in (a refused part changes nothing)."""
        changes = self.runner._apply(edit)
        if changes is None:
            return False
        self.applied.append(changes.applied or edit)
        self.changes.merge(changes)
        return True

    def close(self) -> Batch | None:
        """Push what went in as one undoable step and refresh once; None if nothing did."""
        if not self.applied:
            return None
        batch = Batch(tuple(self.applied), self.label)
        runner = self.runner
        runner.stack.push(runner._command(batch))
        runner._refresh(self.changes)
        return batch
