"""One undo command for every edit: redo applies it, undo applies its inverse.

Both go through ``Project.apply`` (one committed transaction each) and hand the returned
``Changes`` to the window, which refreshes only what moved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.edits import Edit
from annotator.store import Changes, Project, StoreError

log = logging.getLogger(__name__)

Refresh = Callable[[Changes], None]
Report = Callable[[str, Exception], None]


class EditCommand(QUndoCommand):
    """A core edit on the undo stack. It arrives already applied (see ``EditRunner``)."""

    def __init__(self, project: Project, edit: Edit, refresh: Refresh, report: Report) -> None:
        super().__init__(edit.label)
        self.project, self.edit = project, edit
        self._refresh, self._report = refresh, report
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo happens when pushed: already done
            self._applied = False
            return
        self._run(self.edit, f"Could not redo “{self.text()}”")

    def undo(self) -> None:
        self._run(self.edit.inverse(), f"Could not undo “{self.text()}”")

    def _run(self, edit: Edit, failure: str) -> None:
        try:
            changes = self.project.apply(edit)
        except Exception as error:  # refused, or the database could not be written
            log.warning("%s: %s", failure, error)
            self.setObsolete(True)
            self._report(failure, error)
            return
        self._refresh(changes)


class EditRunner:
    """Applies edits for the window: apply now, report errors, push on the undo stack."""

    def __init__(self, project: Project, refresh: Refresh, report: Report) -> None:
        self.project = project
        self.stack = QUndoStack()
        self._refresh, self._report = refresh, report

    def run(self, edit: Edit | None) -> bool:
        """Apply ``edit``; True when it went in. A refused edit changes nothing."""
        if edit is None:
            return False
        failure = f"Could not {edit.label[:1].lower()}{edit.label[1:]}"
        try:
            changes = self.project.apply(edit)
        except StoreError as error:
            log.warning("%s refused: %s", edit.label, error)
            self._report(failure, error)
            return False
        except Exception as error:  # the database itself: locked, disk full, gone
            log.exception("%s failed", edit.label)
            self._report(failure, RuntimeError(f"the project could not be written ({error})"))
            return False
        self.stack.push(EditCommand(self.project, edit, self._refresh, self._report))
        self._refresh(changes)
        return True
