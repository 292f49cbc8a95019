"""The look shared by the workspace's read-only lists (documents, quotes)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


def row_table(model: QAbstractItemModel) -> QTableView:
    """A sortable, read-only table that selects whole rows, without grid or row numbers."""
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    # Columns sized to their contents measure the rows in view and 100 more, not every
    # row: a list of thousands of documents or quotes then shows at once.
    table.horizontalHeader().setResizeContentsPrecision(100)
    table.verticalHeader().setResizeContentsPrecision(100)
    return table
