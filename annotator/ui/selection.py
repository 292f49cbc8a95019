"""The widget that edits a ``Selection`` (``annotator.app.exports``): which quotes an
export or briefing covers. It reads the project's documents, speakers and codebook once
and never writes to it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.app.exports import STATUSES, Selection
from annotator.core import Status
from annotator.store import Project

ISO = "yyyy-MM-dd"
__all__ = ["CheckList", "DateLimit", "Selection", "SelectionWidget"]


class CheckList(QWidget):
    """A filterable list of checkable entries with Check all / Uncheck all buttons."""

    changed = Signal()

    def __init__(
        self, entries: Sequence[tuple[str, object, str]], *, checked: bool, hint: str
    ) -> None:
        """``entries`` are (label, value, tooltip); ``hint`` says what an empty choice means."""
        super().__init__()
        self.model = QStandardItemModel(self)
        for label, value, tooltip in entries:
            item = QStandardItem(label)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setData(value, Qt.ItemDataRole.UserRole)
            item.setToolTip(tooltip or label)
            self.model.appendRow(item)
        self.model.itemChanged.connect(lambda _item: self.changed.emit())
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(placeholderText="Filter…", clearButtonEnabled=True)
        self.search.textChanged.connect(proxy.setFilterFixedString)
        self.view = QListView()
        self.view.setModel(proxy)
        self.view.setUniformItemSizes(True)
        check_all, uncheck_all = QPushButton("Check all"), QPushButton("Uncheck all")
        check_all.clicked.connect(lambda: self.set_all(True))
        uncheck_all.clicked.connect(lambda: self.set_all(False))
        buttons = QHBoxLayout()
        buttons.addWidget(check_all)
        buttons.addWidget(uncheck_all)
        buttons.addStretch()
        note = QLabel(hint if entries else "None in this project.")
        note.setWordWrap(True)
        note.setEnabled(False)  # greyed: a remark, not a control
        buttons.addWidget(note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.search.setVisible(len(entries) > 8)
        self.setTabOrder(self.search, self.view)
        self.setTabOrder(self.view, check_all)
        self.setTabOrder(check_all, uncheck_all)

    def _items(self) -> list[QStandardItem]:
        return [self.model.item(row) for row in range(self.model.rowCount())]

    def values(self) -> list[Any]:
        """The values of the checked entries, in list order."""
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def total(self) -> int:
        return self.model.rowCount()

    def set_checked(self, values: Collection[object]) -> None:
        """Check exactly the entries whose value is in ``values``."""
        for item in self._items():
            wanted = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def set_all(self, checked: bool) -> None:
        self.set_checked(
            [i.data(Qt.ItemDataRole.UserRole) for i in self._items()] if checked else []
        )


class DateLimit(QWidget):
    """A checkbox and a date; unchecked, the date box reads "any" and sets no limit."""

    changed = Signal()
    EARLIEST = QDate(1800, 1, 1)

    def __init__(self, label: str, default: str | None) -> None:
        super().__init__()
        self.box = QCheckBox(label)
        self.box.setToolTip(f"Unchecked: any date (“{label}” sets no limit).")
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(ISO)
        found = QDate.fromString(default or "", ISO)
        self.kept = found if found.isValid() else QDate.currentDate()
        self.limited = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.box)
        self._show(False)
        self.box.toggled.connect(self._show)
        self.edit.dateChanged.connect(lambda _date: self.changed.emit())

    def value(self) -> str | None:
        """The date as YYYY-MM-DD, or None for "any"."""
        return self.edit.date().toString(ISO) if self.box.isChecked() else None

    def set_value(self, value: str | None) -> None:
        found = QDate.fromString((value or "")[:10], ISO)
        self.box.blockSignals(True)
        self.box.setChecked(value is not None)
        self.box.blockSignals(False)
        self.limited = False  # the date shown is replaced, not kept
        if found.isValid():
            self.kept = found
        self._show(value is not None)

    def _show(self, limited: bool) -> None:
        self.edit.blockSignals(True)
        if self.limited:
            self.kept = self.edit.date()
        if limited:
            self.edit.setSpecialValueText("")
            self.edit.setMinimumDate(self.EARLIEST)
            self.edit.setDate(self.kept)
        else:
            # A date box shows its special text at its minimum: that is the "any" state.
            self.edit.setMinimumDate(self.kept)
            self.edit.setDate(self.kept)
            self.edit.setSpecialValueText("any")
        self.edit.setEnabled(limited)
        self.limited = limited
        self.edit.blockSignals(False)
        self.changed.emit()


class SelectionWidget(QWidget):
    """Edits a ``Selection`` over one project's documents, speakers, tones and devices."""

    changed = Signal()

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        summaries = project.summaries()
        codebook = project.codebook()
        self.documents = CheckList(
            [(_document_label(s.title, s.outlet, s.published), s.id, s.title) for s in summaries],
            checked=True,
            hint="Only checked documents are included.",
        )
        self.speakers = CheckList(
            [(s.name, s.name, s.role or "") for s in project.speakers()],
            checked=False,
            hint="None checked: quotes by any speaker.",
        )
        self.tones = CheckList(
            [(c.name, c.name, c.description) for c in codebook.tones],
            checked=False,
            hint="None checked: any tone.",
        )
        self.devices = CheckList(
            [(_device_label(c.name, c.parent), c.name, c.description) for c in codebook.devices],
            checked=False,
            hint="None checked: any device (or none).",
        )
        pairs = sorted({pair for d in project.documents() for pair in d.attributes})
        self.variables = CheckList(
            [(f"{name} = {value}", f"{name}\t{value}", "") for name, value in pairs],
            checked=False,
            hint="None checked: any. Several values of one variable: any of them.",
        )
        self.tabs = QTabWidget()
        for lists in (self.documents, self.speakers, self.tones, self.devices, self.variables):
            self.tabs.addTab(lists, "")
            lists.changed.connect(self._update)
        self.status_boxes = {status: QCheckBox(status.value.capitalize()) for status in STATUSES}
        self.status_boxes[Status.ACCEPTED].setChecked(True)
        status_row = QHBoxLayout()
        for status in STATUSES:
            status_row.addWidget(self.status_boxes[status])
            self.status_boxes[status].toggled.connect(self._update)
        status_row.addStretch()
        dates = sorted(s.published[:10] for s in summaries if s.published)
        self.published_from = DateLimit("from", dates[0] if dates else None)
        self.published_to = DateLimit("to", dates[-1] if dates else None)
        date_row = QHBoxLayout()
        for limit in (self.published_from, self.published_to):
            date_row.addWidget(limit)
            limit.changed.connect(self._update)
        date_row.addStretch()
        self.scope = QLabel(wordWrap=True)
        form = QFormLayout()
        form.addRow("Status:", status_row)
        form.addRow("Published:", date_row)
        form.addRow("Includes:", self.scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(form)
        self._titles = {s.id: s.title for s in summaries}
        self._update()

    def selection(self) -> Selection:
        """The current choice as a value."""
        chosen = [int(v) for v in self.documents.values()]
        every = len(chosen) == self.documents.total()
        return Selection(
            document_ids=() if every else tuple(chosen),
            speakers=tuple(str(v) for v in self.speakers.values()),
            tones=tuple(str(v) for v in self.tones.values()),
            devices=tuple(str(v) for v in self.devices.values()),
            statuses=tuple(s for s, box in self.status_boxes.items() if box.isChecked()),
            published_from=self.published_from.value(),
            published_to=self.published_to.value(),
            attributes=tuple(
                (name, value)
                for name, _tab, value in (str(v).partition("\t") for v in self.variables.values())
            ),
        )

    def set_selection(self, selection: Selection) -> None:
        """Show ``selection`` (names the project no longer has are dropped)."""
        if selection.document_ids:
            self.documents.set_checked(set(selection.document_ids))
        else:
            self.documents.set_all(True)
        self.speakers.set_checked(set(selection.speakers))
        self.tones.set_checked(set(selection.tones))
        self.devices.set_checked(set(selection.devices))
        self.variables.set_checked({f"{n}\t{v}" for n, v in selection.attributes})
        for status, box in self.status_boxes.items():
            box.setChecked(status in selection.statuses)
        self.published_from.set_value(selection.published_from)
        self.published_to.set_value(selection.published_to)

    def problem(self) -> str | None:
        """Why this selection cannot be exported, or None when it can."""
        if not self.documents.total():
            return "The project has no documents yet."
        if not self.documents.values():
            return "Check at least one document."
        if not any(box.isChecked() for box in self.status_boxes.values()):
            return "Check at least one status."
        chosen = self.selection()
        start, end = chosen.published_from, chosen.published_to
        if start and end and start > end:
            return "The “from” date is after the “to” date."
        return None

    def _update(self) -> None:
        total, chosen = self.documents.total(), len(self.documents.values())
        documents = f"all {total}" if chosen == total else f"{chosen} of {total}"
        documents = documents if total else "none"
        titles = [f"Documents ({documents})"]
        for name, lists in (
            ("Speakers", self.speakers),
            ("Tones", self.tones),
            ("Devices", self.devices),
            ("Variables", self.variables),
        ):
            count = len(lists.values())
            titles.append(f"{name} ({count if count else 'any'})")
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        problem = self.problem()
        self.scope.setText(problem or self.selection().describe(self._titles))
        self.changed.emit()


def _document_label(title: str, outlet: str | None, published: str | None) -> str:
    details = ", ".join(p for p in (outlet, (published or "")[:10]) if p)
    return f"{title}  ({details})" if details else title


def _device_label(name: str, category: str | None) -> str:
    return f"{name}  ({category})" if category else name
