"""The compare dock: two analysts' disagreements in the open document, decided by key.

The panel only shows and asks; the team controller decides (``annotator.app.review``).
While the list has focus, M keeps mine, T takes theirs, E keeps mine and opens it for
editing; arrows (or J/K) move between disagreements.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from annotator.app.review import Disagreement


KEYS = (("mine", "M", "Keep mine"), ("theirs", "T", "Take theirs"), ("edit", "E", "Edit mine"))


class ComparePanel(QWidget):
    """Disagreements of the open document; emits what the reviewer chose."""

    analysts_changed = Signal()
    shown = Signal(object)  # the Disagreement now current (or None)
    decided = Signal(object, str)  # the Disagreement, and "mine", "theirs" or "edit"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mine, self.theirs = QComboBox(), QComboBox()
        for box in (self.mine, self.theirs):
            box.currentIndexChanged.connect(lambda _n: self.analysts_changed.emit())
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._current_changed)
        self.detail = QLabel(wordWrap=True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count = QLabel()
        buttons = QHBoxLayout()
        self.choice_actions: dict[str, QAction] = {}
        for choice, key, text in KEYS:
            action = QAction(f"{text} ({key})", self)
            action.setShortcuts([QKeySequence(key)])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, choice=choice: self._decide(choice))
            self.list.addAction(action)
            self.choice_actions[choice] = action
            button = QPushButton(action.text())
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        for key, step in (("J", 1), ("K", -1)):
            move = QAction(self)
            move.setShortcut(QKeySequence(key))
            move.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            move.triggered.connect(lambda _c=False, step=step: self.step(step))
            self.list.addAction(move)
        form = QFormLayout()
        form.addRow("Mine:", self.mine)
        form.addRow("Theirs:", self.theirs)
        form.addRow(self.count)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.detail, 1)
        side.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list, 3)
        layout.addLayout(side, 2)
        self.items: list[Disagreement] = []

    def set_analysts(self, names: list[str], mine: str, theirs: str) -> None:
        """Offer ``names`` on both sides, choosing ``mine`` and ``theirs`` (no signal)."""
        for box, chosen in ((self.mine, mine), (self.theirs, theirs)):
            box.blockSignals(True)
            box.clear()
            box.addItems(names)
            box.setCurrentIndex(max(0, names.index(chosen)) if chosen in names else 0)
            box.blockSignals(False)

    def show_disagreements(self, items: list[Disagreement], keep_row: int = 0) -> None:
        """List ``items``, the current one at ``keep_row`` (or the last)."""
        self.items = items
        self.list.blockSignals(True)
        self.list.clear()
        for d in items:
            item = QListWidgetItem(d.describe())
            item.setToolTip(d.detail(self.mine.currentText(), self.theirs.currentText()))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.count.setText(
            f"{len(items)} disagreement{'s' if len(items) != 1 else ''} in this document"
            if items else "No disagreements left in this document."
        )  # fmt: skip
        if items:
            self.list.setCurrentRow(min(max(keep_row, 0), len(items) - 1))
        else:
            self._current_changed(-1)

    def current(self) -> Disagreement | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def step(self, direction: int) -> None:
        if self.items:
            self.list.setCurrentRow((self.list.currentRow() + direction) % len(self.items))

    def _current_changed(self, _row: int) -> None:
        d = self.current()
        self.detail.setText(
            d.detail(self.mine.currentText(), self.theirs.currentText()) if d else ""
        )
        self.shown.emit(d)

    def _decide(self, choice: str) -> None:
        d = self.current()
        if d is not None:
            self.decided.emit(d, choice)
