"""The Export dialog: a format, where to write it, and which quotes. Returns an ``ExportRequest``.

Also home of ``PathField`` (a path box with a Browse button), which the Briefing dialog
uses too. Dialogs only return values; ``export_runner`` does the writing.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.app.exports import ExportRequest
from annotator.io.formats import ExportFormat, available_formats
from annotator.store import Project
from annotator.ui.selection import SelectionWidget


class PathField(QWidget):
    """A path box with a Browse… button; ``mode`` is ``"save"``, ``"open"`` or ``"folder"``."""

    changed = Signal()

    def __init__(self, caption: str, mode: str = "save", name_filter: str = "") -> None:
        super().__init__()
        self.caption, self.mode, self.name_filter, self.suffix = caption, mode, name_filter, ""
        self.start = str(Path.home())
        self.confirmed: Path | None = None  # chosen in a file dialog that asked to overwrite
        self.edit = QLineEdit(clearButtonEnabled=True)
        self.edit.setMinimumWidth(320)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        self.edit.editingFinished.connect(self._complete)
        self.browse_button = QPushButton("Browse…")
        self.browse_button.clicked.connect(self.browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse_button)
        self.setFocusProxy(self.edit)

    def path(self) -> Path | None:
        """The chosen path (with the expected suffix added), or None when empty.

        Also None while a file name is still missing (``/``, ``~/reports/``): the text is
        being typed, and a folder is no file to save to.
        """
        text = self.edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():  # a bare name goes where Browse… would start
            path = Path(self.start) / path
        if self.mode != "folder" and (text.endswith(("/", os.sep)) or not path.name):
            return None
        if self.suffix and path.suffix.lower() != self.suffix.lower():
            path = path.with_name(path.name + self.suffix)
        return path

    def set_path(self, path: Path | str | None) -> None:
        self.edit.setText(str(path) if path else "")

    def browse(self) -> None:
        """Ask for a path with the platform's file dialog."""
        current = self.path()
        start = str(current) if current else self.start
        if self.mode == "folder":
            chosen = QFileDialog.getExistingDirectory(self, self.caption, start)
        elif self.mode == "open":
            chosen, _ = QFileDialog.getOpenFileName(self, self.caption, start, self.name_filter)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.caption, start, self.name_filter)
        if chosen:
            self.set_path(chosen)
            self._complete()
            self.confirmed = self.path() if self.mode == "save" else None

    def _complete(self) -> None:
        path = self.path()
        if path is not None and str(path) != self.edit.text():
            self.set_path(path)


def may_overwrite(parent: QWidget, field: PathField) -> bool:
    """True unless the file exists, was typed (not chosen in Browse…) and the analyst says no."""
    path = field.path()
    if path is None or not path.is_file() or path == field.confirmed:
        return True
    answer = QMessageBox.question(
        parent, "Replace file?", f"{path.name} already exists in {path.parent}.\nReplace it?"
    )
    return answer == QMessageBox.StandardButton.Yes


def lay_out_request_dialog(
    dialog: QDialog, form: QFormLayout, selector: QWidget, ok_text: str
) -> QPushButton:
    """The shared shape of the export and briefing dialogs: the form, the quotes to include,
    and OK/Cancel; returns the OK button (renamed ``ok_text``)."""
    group = QGroupBox("Quotes to include")
    QVBoxLayout(group).addWidget(selector)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(group, 1)
    layout.addWidget(buttons)
    return ok_button


class ExportDialog(QDialog):
    """Asks for an export format, an output path and a selection of quotes."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export quotes")
        self.formats: dict[str, ExportFormat] = available_formats()
        self.format_combo = QComboBox()
        for fmt in self.formats.values():
            self.format_combo.addItem(fmt.label, fmt.name)
        self.format_note = QLabel()
        self.format_note.setEnabled(False)
        self.output = PathField("Export to")
        self.selector = SelectionWidget(project)
        form = QFormLayout()
        form.addRow("&Format:", self.format_combo)
        form.addRow("", self.format_note)
        self.output_label = QLabel("Save &to:")
        self.output_label.setBuddy(self.output.edit)
        form.addRow(self.output_label, self.output)
        self.ok_button = lay_out_request_dialog(self, form, self.selector, "Export")
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.output.changed.connect(self._update)
        self.selector.changed.connect(self._update)
        self._suffix = ""
        self._format_changed()
        self.resize(680, 600)

    def format(self) -> ExportFormat:
        return self.formats[self.format_combo.currentData()]

    def request(self) -> ExportRequest:
        """The analyst's choices; call after ``exec()`` returned Accepted."""
        path = self.output.path()
        if path is None:
            raise ValueError("no output path chosen")
        return ExportRequest(self.format().name, path, self.selector.selection())

    def set_request(self, request: ExportRequest) -> None:
        """Start from an earlier request (e.g. the last export of this project)."""
        index = self.format_combo.findData(request.format_name)
        if index >= 0:
            self.format_combo.setCurrentIndex(index)
        self.output.set_path(request.path)
        self.selector.set_selection(request.selection)

    def accept(self) -> None:
        if self.ok_button.isEnabled() and may_overwrite(self, self.output):
            super().accept()

    def _format_changed(self) -> None:
        fmt = self.format()
        folder = not fmt.suffix
        self.output.mode = "folder" if folder else "save"
        self.output.suffix = fmt.suffix
        self.output.name_filter = f"{fmt.label} (*{fmt.suffix});;All files (*)"
        self.output.caption = f"Export {fmt.label}"
        self.output_label.setText("Into &folder:" if folder else "Save &to:")
        self.format_note.setText(
            "Writes a folder of files (created if missing)."
            if folder
            else f"Writes one {fmt.suffix} file."
        )
        text = self.output.edit.text().strip()
        if text:
            stem = (
                text[: -len(self._suffix)] if self._suffix and text.endswith(self._suffix) else text
            )
            self.output.set_path(stem + fmt.suffix)
        self._suffix = fmt.suffix
        self._update()

    def _update(self) -> None:
        problem = self.selector.problem()
        if self.output.path() is None:
            problem = problem or "Choose where to save the export."
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or "")
