"""The annotation table: quotes of this document or the whole corpus, filtered and sorted.

Compact rows (ten or more fit in the default dock), a count of the rows shown, and the
short columns (speaker, tone, devices, status, position) sized to what they hold.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Status
from annotator.core.listing import QuoteView
from annotator.ui.models import FILTER_ROLE, KEPT, ROW_ROLE, SORT_ROLE, AnnotationsModel
from annotator.ui.tables import row_table

ANY = ""
FILTER_SHORTCUT = "Ctrl+L"
ROWS_BY_DEFAULT = 10
FITTED_COLUMNS = {2: 220, 3: 160, 4: 480, 5: 110, 6: 130}  # column: widest it starts at
POSITION = 6  # the Position column
FIT_ROWS = 300  # rows measured when fitting (all rows would be slow on a big corpus)


class AnnotationFilter(QSortFilterProxyModel):
    """Keeps annotations matching the text and the chosen speaker, tone, device, status.

    The rows are kept by Qt's own filter, on the source's ``FILTER_ROLE`` (the text "1"
    for a row ``accepts``), and only while a filter is set: with none, Qt keeps every row
    without asking Python about any (a Python ``filterAcceptsRow`` is called for every row
    each time the quotes are shown, ten thousand calls for a large article).
    """

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.speaker = self.tone = self.device = self.status = ANY
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(0)

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        if isinstance(source, AnnotationsModel):
            source.keeps = self.accepts
        super().setSourceModel(source)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model keeps its rows sorted (one key per row, kept sorted as rows
        come and go); this proxy only filters, in the source's order."""
        source = self.sourceModel()
        if isinstance(source, AnnotationsModel):
            source.sort(column, order)

    def set_filter(self, **values: str) -> None:
        was_active = self.active
        self.beginFilterChange()
        for name, value in values.items():
            setattr(self, name, value.casefold() if name == "text" else value)
        # Each row is looked at once: by a new filter string (which filters again by
        # itself), or by the change of a filter already set; with none set, not at all.
        if self.active != was_active:
            self.setFilterFixedString(KEPT if self.active else "")
        elif self.active:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return bool(self.text or self.speaker or self.tone or self.device or self.status)

    def accepts(self, a: QuoteView) -> bool:
        """Whether the filters set keep the quote ``a``."""
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

        self.search = QLineEdit(
            placeholderText=f"Filter quotes… ({FILTER_SHORTCUT})", clearButtonEnabled=True
        )
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        self.speaker = self._choice("speaker", "All speakers")
        self.tone = self._choice("tone", "All tones")
        self.device = self._choice("device", "All devices")
        self.status = self._choice("status", "Any status")
        self.set_choices(self.status, [s.value for s in Status])
        self.whole_corpus = QCheckBox("Whole corpus")
        self.whole_corpus.toggled.connect(self.scope_changed)

        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        self.table = row_table(self.proxy)
        self.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(FIT_ROWS)  # a double-click on a divider
        header.resizeSection(0, 170)
        self._fitting, self._resized_by_hand = False, set[int]()
        header.sectionResized.connect(self._section_resized)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        rows.setMinimumSectionSize(self.fontMetrics().height() + 2)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._show_count)
        self.table.doubleClicked.connect(self._chosen)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(lambda index: self.annotation_picked.emit(index.data(ROW_ROLE)))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (self.speaker, self.tone, self.device, self.status):
            filters.addWidget(widget, 1)
        filters.addWidget(self.whole_corpus)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self._show_count()

    @property
    def text_of(self) -> Callable[[int], str | None]:
        """How the Position column gets a document's text (paragraph and percentage)."""
        return self.model.positions.text_of

    @text_of.setter
    def text_of(self, fetch: Callable[[int], str | None]) -> None:
        self.model.positions.text_of = fetch

    def preferred_height(self, rows: int = ROWS_BY_DEFAULT) -> int:
        """Pixels the panel's dock needs to show ``rows`` rows under the filters and header
        (and the dock's own title bar, which a dock's size includes)."""
        layout = self.layout()
        assert layout is not None  # set in __init__
        margins = layout.contentsMargins()
        title_bar = self.fontMetrics().height() + 8
        return (
            title_bar
            + self.search.sizeHint().height()
            + self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + layout.spacing()
            + margins.top()
            + margins.bottom()
            + 2 * self.table.frameWidth()
        )

    def focus_filter(self) -> None:
        """Put the cursor in the filter box, its text selected for retyping."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _show_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "quote" if total == 1 else "quotes"
        self.count.setText(f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}")

    def _fit_columns(self, rows: Sequence[QuoteView]) -> None:
        """Widen the short columns to the text of ``rows`` (up to a limit); never narrow
        them, and leave alone a column the analyst has resized. The text is measured in
        Python from at most ``FIT_ROWS`` rows, not asked of the view row by row."""
        sample = rows if len(rows) <= FIT_ROWS else rows[:: len(rows) // FIT_ROWS + 1]
        metrics = self.table.fontMetrics()
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        self._fitting = True
        for column, widest in FITTED_COLUMNS.items():
            if column in self._resized_by_hand or self.table.isColumnHidden(column):
                continue
            if column == POSITION:  # "¶ 12 · 34%": as wide as its widest form
                texts = {"¶ 8888 · 100%", "⚠ not in text"}
            else:
                show = self.model.columns[column].show
                texts = {show(row) for row in sample}
            wanted = max(
                (metrics.horizontalAdvance(text) + padding for text in texts),
                default=0,
            )
            wanted = max(wanted, self.table.horizontalHeader().sectionSizeHint(column))
            if self.table.columnWidth(column) < min(wanted, widest):
                self.table.setColumnWidth(column, min(wanted, widest))
        self._fitting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting:
            self._resized_by_hand.add(column)

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

    def show_annotations(self, annotations: Sequence[QuoteView], titles: dict[int, str]) -> None:
        self.model.set_annotations(annotations, titles)
        self._fit_columns(annotations)
        self._show_count()

    def update_annotations(self, changed: Collection[str], fresh: Sequence[QuoteView]) -> None:
        """Show the new versions ``fresh`` of the quotes ``changed`` (those without one
        were deleted); the other rows, the sort and the selection stay as they are."""
        self.model.update_rows(changed, fresh)
        self._fit_columns(fresh)
        self._show_count()

    def follow(self, annotation_id: str | None) -> None:
        """Select the quote's row and scroll to it, if the table shows it (no signal)."""
        rows = self.model.rows
        found = None
        if annotation_id is not None:
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
