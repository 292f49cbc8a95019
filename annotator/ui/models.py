"""Table models over store queries: the corpus list and the annotations."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Sequence
from itertools import islice
from operator import attrgetter, ge, le
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.core.listing import QuoteView
from annotator.store import DocumentSummary

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole row object (summary or annotation)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # ``KEPT`` for a row ``keeps`` accepts, else ""
KEPT = "1"
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, ROW_ROLE, SORT_ROLE, FILTER_ROLE})


class Column(Generic[Row]):
    """A column: its header, how to show a row, and how to sort it."""

    def __init__(
        self,
        header: str,
        show: Callable[[Row], str],
        sort: Callable[[Row], Any] | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        self.header, self.show = header, show
        self.sort = sort or (lambda row: show(row).casefold())
        self.align = align | Qt.AlignmentFlag.AlignVCenter


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of plain rows described by ``columns``."""

    columns: Sequence[Column[Row]] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        # The model keeps its rows sorted itself (see ``sort``): one Python key per row,
        # instead of a Python call for every comparison a sorting proxy would make.
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._keys: list[Any] = []  # each row's sort key, while sorted
        self.keeps: Callable[[Row], bool] = lambda _row: True  # what a filter keeps

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``, telling the views only what changed: rows gone are removed, new
        ones inserted in sorted place, changed ones repainted (or moved when their sort key
        changed); nothing is reset or re-sorted as a whole, so selection and order stay."""
        rows = list(rows)
        if not self.rows:  # nothing shown yet: nothing to keep
            self._reset(rows)
            return
        new_by_key = {self.key(row): row for row in rows}
        gone = [n for n, row in enumerate(self.rows) if self.key(row) not in new_by_key]
        coming = len(rows) - (len(self.rows) - len(gone))
        if max(len(gone), coming) > max(64, len(self.rows) // 2):  # mostly new: start afresh
            self._reset(rows)
            return
        for first, last in reversed(_runs(gone)):
            self._remove(first, last)
        kept = {self.key(row) for row in self.rows}
        moved: list[Row] = []
        for n, old in enumerate(self.rows):
            new = new_by_key[self.key(old)]
            if new == old:
                continue
            if self.sort_column >= 0 and self._sort_key(new) != self._keys[n]:
                moved.append(new)  # its place changes: taken out, put back below
                continue
            self.rows[n] = new
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.columns) - 1))
        for row in moved:
            n = next(i for i, r in enumerate(self.rows) if self.key(r) == self.key(row))
            self._remove(n, n)
        for row in moved + [row for row in rows if self.key(row) not in kept]:
            self._insert(row)

    def _reset(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._resort()
        self.endResetModel()

    def update_rows(self, changed: Collection[object], fresh: Sequence[Row]) -> None:
        """Replace the rows whose keys are in ``changed`` by ``fresh`` (a key of
        ``changed`` without a fresh row is gone; a fresh row with a new key comes in),
        telling the views about those rows only: the others are not looked at again, so
        an edit costs the same with ten rows or a hundred thousand."""
        fresh_by_key = {self.key(row): row for row in fresh}
        at = [n for n, row in enumerate(self.rows) if self.key(row) in changed]
        shown = {self.key(self.rows[n]) for n in at}
        coming = [row for key, row in fresh_by_key.items() if key not in shown]
        for n in reversed(at):
            old = self.rows[n]
            new = fresh_by_key.get(self.key(old))
            if new is None or (self.sort_column >= 0 and self._sort_key(new) != self._keys[n]):
                self._remove(n, n)  # gone, or its place changes: put back below
                if new is not None:
                    coming.append(new)
            elif new != old:
                self.rows[n] = new
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.columns) - 1))
        for row in coming:
            self._insert(row)

    def _remove(self, first: int, last: int) -> None:
        self.beginRemoveRows(QModelIndex(), first, last)
        del self.rows[first : last + 1]
        if self.sort_column >= 0:
            del self._keys[first : last + 1]
        self.endRemoveRows()

    def _insert(self, row: Row) -> None:
        at = self._place(self._sort_key(row)) if self.sort_column >= 0 else len(self.rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.insert(at, row)
        if self.sort_column >= 0:
            self._keys.insert(at, self._sort_key(row))
        self.endInsertRows()

    def _sort_key(self, row: Row) -> Any:
        return self.columns[self.sort_column].sort(row)

    def _place(self, key: Any) -> int:
        """Where a row with sort key ``key`` goes, after its equals."""
        ascending = self.sort_order == Qt.SortOrder.AscendingOrder
        low, high = 0, len(self._keys)
        while low < high:
            middle = (low + high) // 2
            before = self._keys[middle] <= key if ascending else self._keys[middle] >= key
            low, high = (middle + 1, high) if before else (low, middle)
        return low

    def _resort(self) -> None:
        if not 0 <= self.sort_column < len(self.columns):
            self._keys = []
            return
        keys = list(map(self.columns[self.sort_column].sort, self.rows))
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        if all(map(ge if descending else le, keys, islice(keys, 1, None))):
            self._keys = keys  # in order already (a document's quotes come in reading order)
            return
        # Sorting positions by key keeps equal rows in their order, as a stable sort does.
        order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
        self._keys = [keys[n] for n in order]
        self.rows = [self.rows[n] for n in order]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; selections (persistent indexes) follow their rows."""
        self.layoutAboutToBeChanged.emit()
        before = list(self.rows)
        self.sort_column, self.sort_order = column, order
        self._resort()
        where = {self.key(row): n for n, row in enumerate(self.rows)}
        for index in self.persistentIndexList():
            if 0 <= index.row() < len(before):
                n = where[self.key(before[index.row()])]
                self.changePersistentIndex(index, self.index(n, index.column()))
        self.layoutChanged.emit()

    def key(self, row: Row) -> object:
        """What identifies a row across refreshes."""
        return getattr(row, "id", id(row))

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every role of every cell painted (font, colours, check state...):
        # the roles answered here are told apart first, before the row is looked at.
        if role not in _ANSWERED or not index.isValid():
            return None
        n = index.row()
        if not 0 <= n < len(self.rows):
            return None
        row, column = self.rows[n], self.columns[index.column()]
        if role == _DISPLAY:
            return column.show(row)
        if role == _ALIGNMENT:
            return int(column.align.value)
        if role == _TOOLTIP:
            return self.tooltip(row) or column.show(row)
        if role == ROW_ROLE:
            return row
        if role == FILTER_ROLE:
            return KEPT if self.keeps(row) else ""
        return column.sort(row)  # SORT_ROLE

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def tooltip(self, row: Row) -> str:
        return ""

    def row_of(self, test: Callable[[Row], bool]) -> int:
        return next((n for n, row in enumerate(self.rows) if test(row)), -1)


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive ones."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


RIGHT = Qt.AlignmentFlag.AlignRight


class DocumentsModel(RowsModel[DocumentSummary]):
    """The corpus: one row per document with its quote counts."""

    def tooltip(self, row: DocumentSummary) -> str:
        where = " · ".join(x for x in (row.outlet, row.published) if x)
        open_ = f", {row.suggested} suggested" if row.suggested else ""
        return f"{row.title}\n{where}\n{row.quotes} quotes{open_}".replace("\n\n", "\n")

    columns = (
        Column[DocumentSummary]("Title", lambda d: d.title),
        Column[DocumentSummary]("Outlet", lambda d: d.outlet or ""),
        Column[DocumentSummary]("Date", lambda d: d.published or "", lambda d: d.published or ""),
        Column[DocumentSummary]("Quotes", lambda d: str(d.quotes), lambda d: d.quotes, RIGHT),
        Column[DocumentSummary](
            "Sugg.", lambda d: str(d.suggested or ""), lambda d: d.suggested, RIGHT
        ),
    )


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Positions:
    """Where a quote sits in its document, as a reader counts: paragraph and percentage.

    ``text_of`` fetches a document's text (None if unknown); texts are fetched only for
    rows shown, and forgotten on every refresh (a re-import may have replaced one).
    """

    def __init__(self, text_of: Callable[[int], str | None] = lambda _id: None) -> None:
        self.text_of = text_of
        self._paragraphs: dict[int, tuple[list[int], int] | None] = {}

    def forget(self) -> None:
        self._paragraphs.clear()

    def _layout(self, document_id: int) -> tuple[list[int], int] | None:
        if document_id not in self._paragraphs:
            try:
                text = self.text_of(document_id)
            except ValueError:  # the document went (deleted while the table was shown)
                text = None
            self._paragraphs[document_id] = (paragraph_starts(text), len(text)) if text else None
        return self._paragraphs[document_id]

    def describe(self, annotation: QuoteView) -> str:
        """``¶ 3 · 42%``: the paragraph the quote starts in and how far into the text."""
        if not annotation.placed:
            return "⚠ not in text"
        layout = self._layout(annotation.document_id)
        if layout is None:
            return ""
        starts, length = layout
        paragraph = max(bisect_right(starts, annotation.start), 1)
        return f"¶ {paragraph} · {round(100 * annotation.start / max(length, 1))}%"


def paragraph_starts(text: str) -> list[int]:
    """Offsets where each non-blank line (a paragraph, in imported articles) starts."""
    starts, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(offset)
        offset += len(line) + 1
    return starts


class AnnotationsModel(RowsModel[QuoteView]):
    """Annotations with their document titles, one row each."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: dict[int, str] = {}
        self.positions = Positions()
        self.columns = (
            Column[QuoteView]("Document", lambda a: self.titles.get(a.document_id, "")),
            Column[QuoteView]("Quote", lambda a: _short(a.quote)),
            Column[QuoteView]("Speaker", lambda a: a.speaker or ""),
            Column[QuoteView]("Tone", lambda a: a.tone or ""),
            Column[QuoteView]("Devices", lambda a: ", ".join(a.devices)),
            Column[QuoteView]("Status", lambda a: a.status.value),
            Column[QuoteView](
                "Position",
                self.positions.describe,
                attrgetter("document_id", "start"),  # no Python step per row
                RIGHT,
            ),
        )

    def set_annotations(self, annotations: Sequence[QuoteView], titles: dict[int, str]) -> None:
        """Show ``annotations`` (documents' texts are read again for the positions)."""
        self.positions.forget()
        if titles != self.titles:
            self.titles = titles
            self.beginResetModel()
            self.rows = []
            self.endResetModel()
        self.set_rows(annotations)
