"""Team > Agreement: the figures of ``annotator.app.agreement`` in a table, savable as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.agreement import Agreement

HEADERS = ("Measure", "F1", "Kappa", "Alpha", "Units")
TIPS = ("", "Pairwise span F1", "Cohen's kappa (two analysts)",
        "Krippendorff's alpha (nominal)", "Quotes or decisions it rests on")  # fmt: skip


class AgreementDialog(QDialog):
    """Shows one ``Agreement``; Save writes it as CSV through ``save_to``."""

    def __init__(self, found: Agreement, save_to: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agreement between analysts")
        self.resize(720, 560)
        self.found, self.save_to = found, save_to
        heading = QLabel(
            f"<b>{' · '.join(found.analysts)}</b><br>"
            f"{found.documents} document{'s' if found.documents != 1 else ''} coded by at "
            "least two of them. Quotes are paired when they share at least half of the "
            "shorter one; kappa needs exactly two analysts."
        )
        heading.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        for column, tip in enumerate(TIPS):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None and tip:
                header_item.setToolTip(tip)
        for row in found.rows():
            n = self.table.rowCount()
            self.table.insertRow(n)
            for column, value in enumerate(row):
                self.table.setItem(n, column, QTableWidgetItem(str(value)))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.confusion = QPlainTextEdit(readOnly=True)
        self.confusion.setFont(QFont("monospace"))
        self.confusion.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # tables stay tables
        self.confusion.setPlainText(
            found.table().split("\n\n", 2)[-1] if found.tone_confusion else ""
        )
        self.confusion.setVisible(bool(found.tone_confusion or found.speaker_confusion))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.confusion, 1)
        layout.addWidget(buttons)

    def _save(self) -> None:
        path = self.save_to()  # type: ignore[operator]
        if path:
            Path(path).write_text(self.found.csv(), encoding="utf-8")
