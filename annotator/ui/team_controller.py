"""The Team menu: merge a colleague's work, measure agreement, compare and decide."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from annotator import paths

if TYPE_CHECKING:  # the use cases are imported when first used, not with the window
    from annotator.app.agreement import Agreement
    from annotator.app.review import Disagreement, Review

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

COLLEAGUE_FILTER = "A colleague's work (*.speechmark *.jsonl *.qdpx);;All files (*)"


class TeamController(QObject):
    """Handlers of the Team menu and of the compare dock (a part of the main window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.review: Review | None = None
        self.last_agreement: Agreement | None = None
        panel = window.compare_panel
        panel.analysts_changed.connect(self.analysts_chosen)
        panel.shown.connect(self._show)
        panel.decided.connect(self.decide)

    @property
    def me(self) -> str:
        return paths.annotator_name()

    # -- merging ---------------------------------------------------------------------------
    def merge_colleague(self) -> None:
        path = self.window.prompts.open_file("Merge a colleague's work", COLLEAGUE_FILTER)
        if not path:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from annotator.app.merge import read_colleague

            theirs = read_colleague(Path(path))
        except Exception as error:  # not a project, corpus or .qdpx: say so
            QApplication.restoreOverrideCursor()
            self.window.prompts.error("Cannot merge", f"{path}: {error}")
            return
        QApplication.restoreOverrideCursor()
        have = set(self.window.project.document_hashes())
        missing = [d for d in theirs.documents if d.sha256 not in have]
        add_missing = bool(missing) and self.window.prompts.confirm(
            "Documents only they have",
            f"{len(missing)} of their documents are not in this project "
            f"(e.g. “{missing[0].title}”). Add them too?",
            "Add them",
        )
        try:
            from annotator.app.merge import merge

            done = merge(
                self.window.project, theirs, fallback=Path(path).stem,
                add_missing=add_missing, label=f"Merge {Path(path).name}",
            )  # fmt: skip
        except Exception as error:  # the project could not be written: nothing changed
            self.window.prompts.error("Cannot merge", str(error))
            return
        if done.edit is not None:
            self.window.edits.record(done.edit)
        self.window.refresh_all()
        self.window.hint(done.summary() + ".", 10000)
        if self.window.compare_dock.isVisible():
            self.start_compare()

    # -- agreement -------------------------------------------------------------------------
    def show_agreement(self) -> None:
        try:
            from annotator.app.agreement import agreement
            from annotator.ui.agreement_dialog import AgreementDialog

            found = agreement(self.window.project.corpus(), self.me)
        except ValueError as error:
            self.window.prompts.error("No agreement to measure", str(error))
            return
        self.last_agreement = found
        dialog = AgreementDialog(
            found,
            lambda: self.window.prompts.save_file("Save agreement", "CSV (*.csv)", "agreement.csv"),
            self.window,
        )
        self.agreement_dialog = dialog
        dialog.show()

    # -- comparing -------------------------------------------------------------------------
    def toggle_compare(self) -> None:
        dock = self.window.compare_dock
        if dock.isVisible() and self.window.compare_panel.list.hasFocus():
            dock.hide()
            return
        self.start_compare()

    def start_compare(self) -> None:
        from annotator.app.agreement import analysts_in

        names = analysts_in(self.window.project.corpus(), self.me)
        if len(names) < 2:
            self.window.hint(
                "Compare needs quotes by two analysts: merge a colleague's work first.", 8000
            )
            return
        mine = self.me if self.me in names else names[0]
        theirs = next(n for n in names if n != mine)
        self.window.compare_panel.set_analysts(names, mine, theirs)
        from annotator.app.review import Review

        self.review = Review(mine, theirs, self.me)
        self.window.compare_dock.show()
        self.window.compare_dock.raise_()
        self.refresh()
        self.window.compare_panel.list.setFocus()

    def analysts_chosen(self) -> None:
        panel = self.window.compare_panel
        from annotator.app.review import Review

        self.review = Review(panel.mine.currentText(), panel.theirs.currentText(), self.me)
        self.refresh()

    def refresh(self) -> None:
        """List what is left to decide in the open document (after any change)."""
        if self.review is None or not self.window.compare_dock.isVisible():
            return
        panel = self.window.compare_panel
        panel.show_disagreements(self.review.open(self.window.annotations), panel.list.currentRow())

    def _show(self, d: Disagreement | None) -> None:
        if d is None:
            return
        shown = d.mine or d.theirs
        if shown is not None:
            self.window.show_in_passing(shown)

    def decide(self, d: Disagreement, choice: str) -> None:
        if self.review is None:
            return
        # E edits mine, or (with nothing of mine there) keeps theirs to edit.
        keep_theirs = choice == "theirs" or (choice == "edit" and d.mine is None)
        from annotator.app.review import Choice

        edit = self.review.decide(d, Choice.THEIRS if keep_theirs else Choice.MINE)
        if edit is not None:
            self.window.edits.run(edit)
        self.refresh()
        kept = d.theirs if keep_theirs else d.mine
        if choice == "edit" and kept is not None:
            self.window.select_annotation(kept.id)
            self.window.coding.focus_speaker()
