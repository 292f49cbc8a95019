"""Every question the window asks the analyst, in one object tests can replace.

Each method shows a standard dialog and returns the answer (or None when cancelled);
errors are logged as well as shown.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

log = logging.getLogger("annotator.ui")


class Prompts:
    """Message boxes, input dialogs and file pickers for one window."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def error(self, title: str, message: str, details: str = "") -> None:
        log.error("%s: %s%s", title, message, f"\n{details}" if details else "")
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.parent)
        if details:
            box.setDetailedText(details)
            box.setInformativeText("Show Details… lists each file and the reason.")
        box.exec()

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally; True when the analyst confirmed it."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def info(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)

    def confirm(self, title: str, question: str, action: str = "Delete") -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=self.parent)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def text(self, title: str, label: str, default: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=default)
        return value.strip() if ok and value.strip() else None

    def choose(self, title: str, label: str, options: list[str], current: int = 0) -> str | None:
        value, ok = QInputDialog.getItem(self.parent, title, label, options, current, False)
        return value if ok else None

    def open_files(self, title: str, filter: str = "") -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, "", filter)
        return paths

    def open_folder(self, title: str) -> str | None:
        return QFileDialog.getExistingDirectory(self.parent, title) or None

    def open_file(self, title: str, filter: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, "", filter)
        return path or None

    def save_file(self, title: str, filter: str = "", name: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, name, filter)
        return path or None

    def colour(self, title: str, current: str | None) -> str | None:
        chosen = QColorDialog.getColor(QColor(current or "#888888"), self.parent, title)
        return chosen.name().upper() if chosen.isValid() else None
