"""The corpus dock: every document with its counts, a filter box, open on activation."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from annotator.store import DocumentSummary
from annotator.ui.models import ROW_ROLE, SORT_ROLE, DocumentsModel
from annotator.ui.tables import row_table


class CorpusPanel(QWidget):
    """Lists documents; emits ``document_chosen`` with the id of the one to open."""

    document_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentsModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # title, outlet or date

        self.filter_box = QLineEdit(placeholderText="Filter documents…", clearButtonEnabled=True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = row_table(self.proxy)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # import order
        # Several documents can be chosen (Ctrl/Shift+click) to edit their details at once.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The short columns are sized to their distinct texts, measured in Python when the
        # list changes, rather than by Qt asking every row shown for each of its cells at
        # each layout (which delayed the window's first paint on a large corpus).
        self._widths: dict[int, int] = {}
        self.table.setColumnHidden(1, True)  # the outlet: right-click the header to show it
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)

    def _choose_columns(self, point: QPoint) -> None:
        menu = QMenu(self)
        for column in range(1, self.model.columnCount()):
            name = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(point))

    def show_summaries(self, summaries: list[DocumentSummary], current: int | None) -> None:
        self.model.set_rows(summaries)
        self._fit_columns(summaries)
        self.mark_current(current)

    def _fit_columns(self, summaries: list[DocumentSummary]) -> None:
        """Size each column but the title to its widest text and its header."""
        metrics = self.table.fontMetrics()
        # What Qt's own measure adds to a cell's text: a focus frame margin on each side.
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        padding = 2 * (margin + 1)
        header = self.table.horizontalHeader()
        for column in range(1, self.model.columnCount()):
            show = self.model.columns[column].show
            texts = {show(summary) for summary in summaries}
            width = max(
                [metrics.horizontalAdvance(text) + padding for text in texts if text],
                default=0,
            )
            width = max(width, header.sectionSizeHint(column))
            if self._widths.get(column) != width:
                self._widths[column] = width
                header.resizeSection(column, width)

    def mark_current(self, document_id: int | None) -> None:
        row = self.model.row_of(lambda d: d.id == document_id)
        if row < 0:
            self.table.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def visible_summaries(self) -> list[DocumentSummary]:
        """The documents as listed: sorted and filtered as the analyst chose."""
        return [self.proxy.index(n, 0).data(ROW_ROLE) for n in range(self.proxy.rowCount())]

    def chosen_documents(self) -> list[int]:
        """The ids of every selected document, in list order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ROW_ROLE).id for i in rows]

    def chosen_document(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        summary: DocumentSummary = rows[0].data(ROW_ROLE)
        return summary.id

    def _chosen(self, index: QModelIndex) -> None:
        summary: DocumentSummary | None = index.data(ROW_ROLE)
        if summary is not None:
            self.document_chosen.emit(summary.id)
