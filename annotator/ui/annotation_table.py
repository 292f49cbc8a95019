"""The annotation table: quotes of this document or the whole corpus, filtered and sorted."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Annotation, Status
from annotator.ui.models import ROW_ROLE, SORT_ROLE, AnnotationsModel
from annotator.ui.tables import row_table

ANY = ""


class AnnotationFilter(QSortFilterProxyModel):
    """Keeps annotations matching the text and the chosen speaker, tone, device, status."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.speaker = self.tone = self.device = self.status = ANY
        self.setSortRole(SORT_ROLE)

    def set_filter(self, **values: str) -> None:
        self.beginFilterChange()
        for name, value in values.items():
            setattr(self, name, value.casefold() if name == "text" else value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        a: Annotation = model.index(row, 0, parent).data(ROW_ROLE)
        if self.speaker and (a.speaker or "") != self.speaker:
            return False
        if self.tone and (a.tone or "") != self.tone:
            return False
        if self.device and self.device not in a.devices:
            return False
        if self.status and a.status.value != self.status:
            return False
        if not self.text:
            return True
        haystack = " ".join(
            (a.quote, a.speaker or "", a.tone or "", " ".join(a.devices), a.note or "")
        )
        return self.text in haystack.casefold()


class AnnotationTable(QWidget):
    """Table plus filters; ``annotation_chosen`` fires on double-click or Enter."""

    annotation_chosen = Signal(object)
    annotation_picked = Signal(object)  # a single click: show it without leaving the table
    scope_changed = Signal(bool)  # True: whole corpus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationsModel()
        self.proxy = AnnotationFilter()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText="Filter quotes…", clearButtonEnabled=True)
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        self.speaker = self._choice("speaker", "All speakers")
        self.tone = self._choice("tone", "All tones")
        self.device = self._choice("device", "All devices")
        self.status = self._choice("status", "Any status")
        self.set_choices(self.status, [s.value for s in Status])
        self.whole_corpus = QCheckBox("Whole corpus")
        self.whole_corpus.toggled.connect(self.scope_changed)

        self.table = row_table(self.proxy)
        self.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 170)
        self.table.doubleClicked.connect(self._chosen)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(lambda index: self.annotation_picked.emit(index.data(ROW_ROLE)))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (self.speaker, self.tone, self.device, self.status):
            filters.addWidget(widget, 1)
        filters.addWidget(self.whole_corpus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    def _choice(self, name: str, everything: str) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, ANY)
        box.currentIndexChanged.connect(
            lambda _n: self.proxy.set_filter(**{name: box.currentData() or ANY})
        )
        return box

    @staticmethod
    def set_choices(box: QComboBox, names: list[str]) -> None:
        """Offer ``names`` in a filter box, keeping the current choice if still there."""
        current = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for name in names:
            box.addItem(name, name)
        found = box.findData(current)
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)
        if found < 0 and current:
            box.currentIndexChanged.emit(0)

    def show_annotations(self, annotations: list[Annotation], titles: dict[int, str]) -> None:
        self.model.set_annotations(annotations, titles)

    def follow(self, annotation_id: str | None) -> None:
        """Select the quote's row and scroll to it, if the table shows it (no signal)."""
        rows = self.model.rows
        found = next((n for n, a in enumerate(rows) if a.id == annotation_id), None)
        index = self.proxy.mapFromSource(self.model.index(found, 0)) if found is not None else None
        if index is None or not index.isValid():
            self.table.clearSelection()
            return
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def _chosen(self, index: QModelIndex) -> None:
        annotation = index.data(ROW_ROLE)
        if annotation is not None:
            self.annotation_chosen.emit(annotation)
