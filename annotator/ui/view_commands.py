"""The View, Edit and Help handlers: colour by, find, codebook, shortcut sheet, about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from annotator.ui.actions import shortcut_rows
from annotator.ui.appearance import ColourBy
from annotator.ui.codebook_dialog import CodebookDialog
from annotator.ui.find import CorpusSearch, Hit
from annotator.ui.shortcuts_sheet import ShortcutsSheet

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

    Base = MainWindow
else:
    Base = object


class ViewCommands(Base):
    """Handlers mixed into the main window."""

    def colour_by_speaker(self) -> None:
        self.set_colour_by(ColourBy.SPEAKER)

    def colour_by_tone(self) -> None:
        self.set_colour_by(ColourBy.TONE)

    def colour_by_device(self) -> None:
        self.set_colour_by(ColourBy.DEVICE)

    def set_colour_by(self, by: ColourBy) -> None:
        self.colour_by = by
        self.settings.setValue("colour_by", by.value)
        self.actions_by_id[f"colour_{by.value}"].setChecked(True)
        self.view.set_colours(self.colours, by)
        self.show_legend()

    def find_in_document(self) -> None:
        self.find_bar.open_bar()

    def find_in_corpus(self) -> None:
        search = CorpusSearch(self.project.documents(), self)
        search.hit_chosen.connect(self.show_hit)
        self.corpus_search = search
        search.show()

    def show_hit(self, hit: Hit) -> None:
        self.open_document(hit.document_id)
        self.view.select_range(hit.start, hit.end)
        self.activateWindow()
        self.view.setFocus()

    def edit_codebook(self) -> None:
        dialog = CodebookDialog(self.codebook_snapshot, self)
        dialog.edit_requested.connect(self.edits.run)
        self.codebook_dialog = dialog
        dialog.exec()

    def codebook_snapshot(self):  # noqa: ANN201 (see CodebookDialog.Snapshot)
        return self.project.speakers(), self.project.codebook(), self.project.annotations()

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) of every bound action, in menu order."""
        rows = shortcut_rows(self.actions_by_id.values(), self.menu_of)
        order = ["File", "Edit", "Quote", "Tone", "Device", "Suggest", "View", "Help"]
        return sorted(rows, key=lambda row: order.index(row[0]) if row[0] in order else 99)

    def show_shortcuts(self) -> None:
        self.shortcuts_sheet = ShortcutsSheet(self.shortcut_rows(), self)
        self.shortcuts_sheet.show()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Speechmark",
            "<b>Speechmark</b><br>Mark quotes, speakers, tone and rhetorical devices in "
            "political speech. Every edit is saved at once and can be undone.",
        )
