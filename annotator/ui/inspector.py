"""The inspector dock: the selected quote's speaker, tone, devices, note and status.

It never edits anything itself: each change becomes a signal that the window turns into
an undoable edit.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Annotation, Codebook, Speaker, Status, match_speaker
from annotator.ui.appearance import UNCODED

NO_TONE = "—"


def swatch(colour: str | None) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour or UNCODED))
    return QIcon(pixmap)


def unplaced_warning(annotation: Annotation) -> str:
    """What to do with a quote a re-import could not place (HTML; empty if it is placed)."""
    if annotation.placed:
        return ""
    return (
        "<b style='color:#b3261e'>⚠ Not found in this document’s new text</b><br>"
        "The article was re-imported and this quote no longer appears in it. It keeps its "
        "coding but is left out of exports. Mark the words again (select, Q), then delete "
        "this one (Del)."
    )


def suggestion_reason(annotation: Annotation) -> str:
    """Why the engine proposed the quote and how sure it was (HTML; empty if not suggested)."""
    if not annotation.why and annotation.confidence is None:
        return ""
    open_ = annotation.status is Status.SUGGESTED
    rows = [f"<b>{'Suggested' if open_ else 'Was suggested'}</b>"]
    if annotation.confidence is not None:
        rows[0] += f" · {annotation.confidence:.0%} confident"
    if annotation.why:
        rows.append(f"Why: {html.escape(annotation.why)}")
    if open_:
        rows.append("<span style='color:#777'>Enter accepts · Backspace rejects · N next</span>")
    return "<br>".join(rows)


class Inspector(QWidget):
    """Shows one annotation and reports what the analyst changes."""

    speaker_entered = Signal(str)
    tone_chosen = Signal(object)  # a tone name, or None to clear
    device_toggled = Signal(str)
    note_entered = Signal(str)
    status_chosen = Signal(object)  # a Status

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotation: Annotation | None = None
        self.quote = QLabel(
            wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.quote.setStyleSheet("font-style: italic; color: #333;")

        self.speaker = QComboBox(editable=True)
        self.speaker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.speaker.lineEdit()
        assert line is not None  # an editable combo box has its line edit
        self.speaker_line: QLineEdit = line
        self.speaker_line.setPlaceholderText("Who said it? (S)")
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker.setCompleter(completer)
        self.speaker_line.returnPressed.connect(self._speaker_entered)
        self.speaker.activated.connect(lambda _n: self._speaker_entered())
        self.speaker.editTextChanged.connect(self._follow_speaker_text)
        self._speakers: list[Speaker] = []

        self.tone = QComboBox()
        self.tone.activated.connect(lambda _n: self.tone_chosen.emit(self.tone.currentData()))
        self.devices = QListWidget()
        self.devices.setMinimumHeight(160)
        self.devices.itemChanged.connect(self._device_changed)
        self.note = QLineEdit(placeholderText="Note")
        self.note.editingFinished.connect(self._note_entered)
        self.status = QComboBox()
        for status in Status:
            self.status.addItem(status.value.capitalize(), status)
        self.status.activated.connect(lambda _n: self.status_chosen.emit(self.status.currentData()))
        self.why = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.why.setStyleSheet(
            "background: #F4F1EA; border-left: 3px solid #B8AE98; padding: 6px 8px; color: #333;"
        )
        self.stamps = QLabel(wordWrap=True)
        self.stamps.setStyleSheet("color: #666; font-size: 11px;")

        form = QFormLayout()
        form.addRow("Speaker", self.speaker)
        form.addRow("Tone", self.tone)
        form.addRow("Devices", self.devices)
        form.addRow("Note", self.note)
        form.addRow("Status", self.status)
        self.empty = QLabel(
            "Select text and press Q to mark a quote,\nor click a highlighted quote."
        )
        self.empty.setStyleSheet("color: #777; padding: 12px;")
        self.fields = QWidget()
        inner = QVBoxLayout(self.fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.quote)
        inner.addWidget(self.why)
        inner.addLayout(form)
        inner.addWidget(self.stamps)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.empty)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        self.show_annotation(None)

    # -- content -------------------------------------------------------------------------
    def set_vocabulary(self, speakers: list[Speaker], codebook: Codebook) -> None:
        """The speakers and codes to offer (called when they change)."""
        self._speakers = speakers
        self.names.setStringList([n for s in speakers for n in s.names()])
        self.speaker.blockSignals(True)
        self.speaker.clear()
        for s in speakers:
            self.speaker.addItem(swatch(s.colour), s.name)
        self.speaker.setCurrentIndex(-1)
        self.speaker.blockSignals(False)
        self.tone.clear()
        self.tone.addItem(NO_TONE, None)
        for code in codebook.tones:
            key = f"   [{code.shortcut}]" if code.shortcut else ""
            self.tone.addItem(swatch(code.colour), f"{code.name}{key}", code.name)
        self.devices.blockSignals(True)
        self.devices.clear()
        for code in codebook.devices:
            key = f"   [{code.shortcut}]" if code.shortcut else ""
            item = QListWidgetItem(swatch(code.colour), f"{code.name}{key}")
            item.setData(Qt.ItemDataRole.UserRole, code.name)
            item.setToolTip(code.description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.devices.addItem(item)
        self.devices.blockSignals(False)
        self.show_annotation(self.annotation)

    def show_annotation(self, annotation: Annotation | None) -> None:
        self.annotation = annotation
        self.empty.setVisible(annotation is None)
        self.fields.setVisible(annotation is not None)
        if annotation is None:
            return
        quote = annotation.quote if len(annotation.quote) < 280 else annotation.quote[:279] + "…"
        self.quote.setText(quote)
        self.speaker.setEditText(annotation.speaker or "")
        self.tone.setCurrentIndex(max(self.tone.findData(annotation.tone), 0))
        self.devices.blockSignals(True)
        for n in range(self.devices.count()):
            item = self.devices.item(n)
            on = item.data(Qt.ItemDataRole.UserRole) in annotation.devices
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.devices.blockSignals(False)
        self.note.setText(annotation.note or "")
        self.status.setCurrentIndex(self.status.findData(annotation.status))
        reason = unplaced_warning(annotation) or suggestion_reason(annotation)
        self.why.setText(reason)
        self.why.setVisible(bool(reason))
        by = f" by {annotation.annotator}" if annotation.annotator else ""
        self.stamps.setText(
            f"Created {annotation.created:%Y-%m-%d %H:%M}{by}\n"
            f"Modified {annotation.modified:%Y-%m-%d %H:%M}"
        )

    def focus_speaker(self) -> None:
        self.speaker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.speaker_line.selectAll()

    # -- signals -------------------------------------------------------------------------
    def _follow_speaker_text(self, text: str) -> None:
        """Point the combo at the speaker the text names, so its swatch is that speaker's.

        The combo draws the swatch of its current item, which typing (or ``setEditText``)
        never changes; a name no speaker has shows no swatch. The text and cursor stay.
        """
        known = match_speaker(self._speakers, text) if text.strip() else None
        index = self.speaker.findText(known.name) if known else -1
        if index == self.speaker.currentIndex():
            return
        edit = self.speaker.lineEdit()
        if edit is None:  # the combo is always editable; this only satisfies the types
            return
        cursor = edit.cursorPosition()
        self.speaker.blockSignals(True)
        self.speaker.setCurrentIndex(index)
        edit.setText(text)
        edit.setCursorPosition(cursor)
        self.speaker.blockSignals(False)

    def _speaker_entered(self) -> None:
        if self.annotation is not None:
            self.speaker_entered.emit(self.speaker.currentText())

    def _device_changed(self, item: QListWidgetItem) -> None:
        if self.annotation is not None:
            self.device_toggled.emit(item.data(Qt.ItemDataRole.UserRole))

    def _note_entered(self) -> None:
        if self.annotation is not None and self.note.text() != (self.annotation.note or ""):
            self.note_entered.emit(self.note.text())
