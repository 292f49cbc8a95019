"""Analysis › Patterns: crosstabs of the selected quotes as a chart and a table.

The counts come from ``annotator.core.stats`` (as ``annotator stats`` and the briefing) and
the chart from the briefing's own drawing (``io.briefing.stacked``). Clicking a bar or a
cell lists the quotes behind it; double-clicking one opens it in the document.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.app.exports import Selection, chosen_part
from annotator.core import Annotation
from annotator.core.corpus import Corpus
from annotator.core.stats import Crosstab, crosstab, quotes_in
from annotator.io.briefing.stacked import Segment, draw_stacked
from annotator.store import Project
from annotator.ui.selection import SelectionWidget

# (label, dimensions); "{variable}" is the document variable chosen beside the list.
VIEWS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("Speaker × tone", ("speaker", "tone")),
    ("Speaker × device", ("speaker", "device")),
    ("Tone by month", ("month", "tone")),
    ("Tone by week", ("week", "tone")),
    ("Device co-occurrence", ("device", "device")),
    ("Tone by variable", ("attribute:{variable}", "tone")),
    ("Speaker × variable", ("speaker", "attribute:{variable}")),
)


class AnalysisView(QDialog):
    """Patterns in the selected quotes; ``quote_chosen`` opens one in the window."""

    quote_chosen = Signal(object)  # an Annotation

    def __init__(
        self,
        project: Project,
        save_file: Callable[[str, str, str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Analysis")
        self.resize(1200, 780)
        self.project, self.save_file = project, save_file
        # Read once: every click on the selection counts again, in memory.
        self.everything = project.corpus()
        codebook = project.codebook()
        self.colours = {c.name: c.colour for c in (*codebook.tones, *codebook.devices) if c.colour}
        self.colours |= {s.name: s.colour for s in project.speakers() if s.colour}
        self.selection = SelectionWidget(project)
        self.view = QComboBox()
        self.view.addItems([label for label, _dims in VIEWS])
        self.variable = QComboBox()
        names = sorted({n for d in project.documents() for n, _v in d.attributes})
        self.variable.addItems(names)
        self.variable.setPlaceholderText("no variables yet")
        self.figure = Figure(figsize=(7, 5), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.mpl_connect("pick_event", self._picked)
        self.table = QTableWidget()
        self.table.cellClicked.connect(self._cell_clicked)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.canvas, "Chart")
        self.tabs.addTab(self.table, "Table")
        self.cell = QLabel("Click a bar or a cell to list its quotes.")
        self.quotes = QListWidget()
        self.quotes.itemActivated.connect(self._quote_activated)
        self._build(names)
        self.selection.changed.connect(self.redraw)
        self.view.currentIndexChanged.connect(lambda _n: self.redraw())
        self.variable.currentIndexChanged.connect(lambda _n: self.redraw())
        self.corpus = Corpus()
        self.crosstab = Crosstab((), {})
        self.segments: dict[object, Segment] = {}
        self.redraw()

    def _build(self, variables: list[str]) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.view, 1)
        top.addWidget(QLabel("Variable:"))
        top.addWidget(self.variable, 1)
        save_chart, save_table = QPushButton("Save chart…"), QPushButton("Save table…")
        save_chart.clicked.connect(self.save_chart)
        save_table.clicked.connect(self.save_table)
        top.addWidget(save_chart)
        top.addWidget(save_table)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addLayout(top)
        column.addWidget(self.tabs, 3)
        column.addWidget(self.cell)
        column.addWidget(self.quotes, 1)
        splitter = QSplitter()
        splitter.addWidget(self.selection)
        splitter.addWidget(right)
        splitter.setSizes([360, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.variable.setEnabled(bool(variables))

    def dimensions(self) -> tuple[str, ...]:
        _label, dims = VIEWS[self.view.currentIndex()]
        variable = self.variable.currentText() or "?"
        return tuple(d.replace("{variable}", variable) for d in dims)

    def redraw(self) -> None:
        """Count the selected quotes for the chosen view; draw the chart and the table."""
        problem = self.selection.problem()
        selection = self.selection.selection() if problem is None else Selection(document_ids=(-1,))
        self.corpus = chosen_part(self.everything, selection)
        self.crosstab = crosstab(self.corpus, self.dimensions())
        self.figure.clear()
        drawn = draw_stacked(self.figure, self.crosstab, self.colours)
        self.segments = dict(drawn)
        self.canvas.draw_idle()
        self._fill_table()
        self.quotes.clear()
        total = self.crosstab.total()
        self.cell.setText(
            problem
            or f"{total} quote{'s' if total != 1 else ''} counted. "
            "Click a bar or a cell to list its quotes."
        )

    def _fill_table(self) -> None:
        rows, columns = self.crosstab.values(0), self.crosstab.values(1)
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(len(columns) + 1)
        self.table.setHorizontalHeaderLabels([*columns, "Total"])
        self.table.setVerticalHeaderLabels(rows)
        for r, row in enumerate(rows):
            for c, column in enumerate(columns):
                count = self.crosstab.counts.get((row, column), 0)
                item = QTableWidgetItem(str(count) if count else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            total = sum(self.crosstab.counts.get((row, c), 0) for c in columns)
            self.table.setItem(r, len(columns), QTableWidgetItem(str(total)))

    # -- click-through -----------------------------------------------------------------------
    def show_cell(self, row: str, column: str) -> list[Annotation]:
        """List the quotes counted in one cell; returns them."""
        found = quotes_in(self.corpus, self.dimensions(), (row, column))
        titles = {d.id: d.title for d in self.corpus.documents}
        self.quotes.clear()
        for annotation in found:
            text = f"{annotation.quote}  — {annotation.speaker or 'unknown'}, "
            item = QListWidgetItem(text + titles.get(annotation.document_id, ""))
            item.setData(Qt.ItemDataRole.UserRole, annotation)
            self.quotes.addItem(item)
        dims = self.dimensions()
        self.cell.setText(f"{len(found)} quotes with {dims[0]} {row} and {dims[1]} {column}:")
        return found

    def _picked(self, event: object) -> None:
        segment = self.segments.get(getattr(event, "artist", None))
        if segment is not None:
            self.show_cell(segment.row, segment.series)

    def _cell_clicked(self, r: int, c: int) -> None:
        rows, columns = self.crosstab.values(0), self.crosstab.values(1)
        if r < len(rows) and c < len(columns):
            self.show_cell(rows[r], columns[c])

    def _quote_activated(self, item: QListWidgetItem) -> None:
        self.quote_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    # -- saving ----------------------------------------------------------------------------
    def save_chart(self) -> None:
        path = self.save_file("Save chart", "PNG image (*.png);;SVG drawing (*.svg)", "chart.png")
        if path:
            self.figure.savefig(path, dpi=200, facecolor="white")

    def save_table(self) -> None:
        path = self.save_file("Save table", "CSV (*.csv)", "table.csv")
        if not path:
            return
        rows, columns = self.crosstab.values(0), self.crosstab.values(1)
        with Path(path).open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow([" × ".join(self.dimensions()), *columns])
            for row in rows:
                writer.writerow([row, *(self.crosstab.counts.get((row, c), 0) for c in columns)])
