"""File › Document details: title, outlet, author, date, address and variables.

For several documents at once, a box left as it was ("various") changes nothing; a
variable given a value sets it on every chosen document, and one removed from the list
is removed from all. The dialog returns the changes; the caller makes the edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Document

FIELDS = (
    ("title", "Title"), ("outlet", "Outlet"), ("author", "Author"),
    ("published", "Date (YYYY-MM-DD)"), ("url", "Web address"), ("language", "Language"),
)  # fmt: skip
VARIOUS = "various"


@dataclass(frozen=True)
class DetailsChange:
    """What the analyst changed: details (None: leave) and variables (None: remove)."""

    details: dict[str, str | None] = field(default_factory=dict)
    variables: dict[str, str | None] = field(default_factory=dict)


def _common(values: list[str | None]) -> str | None:
    """The value every document shares, else None."""
    first = values[0] if values else None
    return first if all(v == first for v in values) else None


class DocumentDialog(QDialog):
    """Edits the details of one document or several."""

    def __init__(self, documents: list[Document], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = documents
        many = len(documents) > 1
        self.setWindowTitle(
            f"Details of {len(documents)} documents" if many else "Document details"
        )
        self.resize(560, 520)
        form = QFormLayout()
        self.boxes: dict[str, QLineEdit] = {}
        self.shown: dict[str, str] = {}
        for name, label in FIELDS:
            common = _common([getattr(d, name) for d in documents])
            box = QLineEdit(common or "")
            if common is None and many:
                box.setPlaceholderText(VARIOUS)
            self.boxes[name], self.shown[name] = box, box.text()
            form.addRow(f"{label}:", box)
        self.variables = QTableWidget(0, 2)
        self.variables.setHorizontalHeaderLabels(["Variable", "Value"])
        self.variables.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.variables.verticalHeader().hide()
        names = sorted({n for d in documents for n, _v in d.attributes})
        self.original_names = set(names)
        for name in names:
            self._add_row(name, _common([d.attribute(name) for d in documents]) or "")
        add, remove = QPushButton("Add variable"), QPushButton("Remove variable")
        add.clicked.connect(lambda: self._add_row("", "", edit=True))
        remove.clicked.connect(self._remove_row)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        hint = QLabel(
            "Variables are your own: country, party, medium… Filter and count by them."
            + (" A value left blank keeps each document's own." if many else "")
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.variables, 1)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _add_row(self, name: str, value: str, edit: bool = False) -> None:
        n = self.variables.rowCount()
        self.variables.insertRow(n)
        self.variables.setItem(n, 0, QTableWidgetItem(name))
        self.variables.setItem(n, 1, QTableWidgetItem(value))
        item = self.variables.item(n, 0)
        if edit and item is not None:
            self.variables.setCurrentCell(n, 0)
            self.variables.editItem(item)

    def _remove_row(self) -> None:
        row = self.variables.currentRow()
        if row >= 0:
            self.variables.removeRow(row)

    def change(self) -> DetailsChange:
        """The analyst's changes (only boxes they touched, for several documents)."""
        details: dict[str, str | None] = {}
        for name, box in self.boxes.items():
            if box.text() != self.shown[name]:
                details[name] = box.text()
        variables: dict[str, str | None] = {}
        kept = set()
        for n in range(self.variables.rowCount()):
            name_item, value_item = self.variables.item(n, 0), self.variables.item(n, 1)
            name = name_item.text().strip() if name_item else ""
            value = value_item.text().strip() if value_item else ""
            if name:
                kept.add(name)
                if value:
                    variables[name] = value
        for gone in self.original_names - kept:
            variables[gone] = None
        return DetailsChange(details, variables)
