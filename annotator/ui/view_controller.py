"""The View, Edit and Help handlers: colour by, find, codebook, shortcut sheet, about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from annotator.ui.actions import shortcut_rows
from annotator.ui.appearance import ColourBy
from annotator.ui.find import CorpusSearch, Hit

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class ViewController(QObject):
    """Handlers mixed into the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # a QObject of the GUI thread: workers' signals queue here
        self.window = window

    def colour_by_speaker(self) -> None:
        self.set_colour_by(ColourBy.SPEAKER)

    def colour_by_tone(self) -> None:
        self.set_colour_by(ColourBy.TONE)

    def colour_by_device(self) -> None:
        self.set_colour_by(ColourBy.DEVICE)

    def set_colour_by(self, by: ColourBy) -> None:
        self.window.colour_by = by
        self.window.settings.setValue("colour_by", by.value)
        self.window.actions_by_id[f"colour_{by.value}"].setChecked(True)
        self.window.view.set_colours(self.window.colours, by)
        self.window.show_legend()

    def find_in_document(self) -> None:
        self.window.find_bar.open_bar()

    def find_in_corpus(self) -> None:
        search = CorpusSearch(self.window.project.documents(), self.window)
        search.hit_chosen.connect(self.show_hit)
        self.corpus_search = search
        search.show()

    def show_hit(self, hit: Hit) -> None:
        self.window.open_document(hit.document_id)
        self.window.view.select_range(hit.start, hit.end)
        self.window.activateWindow()
        self.window.view.setFocus()

    def show_analysis(self) -> None:
        """Charts and crosstabs of the quotes, clickable through to them."""
        from annotator.ui.analysis_view import AnalysisView  # matplotlib: on first use

        view = AnalysisView(self.window.project, self.window.prompts.save_file, self.window)
        view.quote_chosen.connect(self.window.jump_to)
        self.analysis_view = view
        view.show()

    def edit_codebook(self) -> None:
        from annotator.ui.codebook_dialog import CodebookDialog  # built when first opened

        dialog = CodebookDialog(self.codebook_snapshot, self.window)
        dialog.edit_requested.connect(self.window.edits.run)
        self.codebook_dialog = dialog
        dialog.exec()

    def codebook_snapshot(self):  # noqa: ANN201 (see CodebookDialog.Snapshot)
        return (
            self.window.project.speakers(),
            self.window.project.codebook(),
            self.window.project.annotations(),
        )

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) of every bound action, in menu order."""
        rows = shortcut_rows(self.window.actions_by_id.values(), self.window.menu_of)
        order = ["File", "Edit", "Quote", "Tone", "Device", "Suggest", "Team", "View", "Help"]
        return sorted(rows, key=lambda row: order.index(row[0]) if row[0] in order else 99)

    def show_shortcuts(self) -> None:
        from annotator.ui.shortcuts_sheet import ShortcutsSheet

        self.shortcuts_sheet = ShortcutsSheet(self.shortcut_rows(), self.window)
        self.shortcuts_sheet.show()

    def show_about(self) -> None:
        QMessageBox.about(
            self.window,
            "About Speechmark",
            "<b>Speechmark</b><br>Mark quotes, speakers, tone and rhetorical devices in "
            "political speech. Every edit is saved at once and can be undone.",
        )
