"""The article being coded: read-only text, quotes highlighted, keyboard-driven.

Offsets cross from Qt's UTF-16 positions to stored code points only through the span
index (``to_text``/``to_view``); selected text is sliced from the stored document text,
never read back from Qt (which would turn newlines into U+2029).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core import Document, Status
from annotator.core.listing import QuoteView
from annotator.ui.appearance import INK, PAGE, READING_WIDTH, ColourBy, Colours, reading_font
from annotator.ui.highlighter import QuoteHighlighter
from annotator.ui.span_index import Span, SpanIndex

FIND_HIT = QColor("#FFE27A")
SELECTED_FRAME = QColor("#2B2B2B")
LINE_SPACING = 150  # percent of the font's line height


class DocumentView(QPlainTextEdit):
    """Shows one document; emits ``annotation_clicked`` with the quote under a click."""

    annotation_clicked = Signal(object)  # an annotation id, or None for plain text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFont(reading_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setCursorWidth(2)
        self.setStyleSheet(
            f"QPlainTextEdit {{ background: {PAGE.name()}; color: {INK.name()};"
            " selection-background-color: #3D7BD9; selection-color: white; }"
        )
        self.document().setDocumentMargin(28)
        self.highlighter = QuoteHighlighter(self.document())
        self.document_shown: Document | None = None
        self._find_hits: list[tuple[int, int]] = []

    # -- content -------------------------------------------------------------------------
    @property
    def index(self) -> SpanIndex:
        return self.highlighter.index

    def show_document(
        self, document: Document | None, annotations: Sequence[QuoteView], colours: Colours
    ) -> None:
        self.document_shown = document
        self._find_hits = []
        self.setExtraSelections([])
        self.highlighter.colours = colours
        self.highlighter.selected_id = None
        text = document.text if document else ""
        # The text goes in with its line spacing, not re-formatted after; its quotes are
        # filled paragraph by paragraph as they come into view (see ``paintEvent``).
        self.highlighter.index = SpanIndex(text, annotations)
        self.highlighter.forget()
        content = self.document()
        content.setUndoRedoEnabled(False)
        content.clear()
        cursor = QTextCursor(content)
        spacing = QTextBlockFormat()
        spacing.setLineHeight(
            LINE_SPACING, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.setBlockFormat(spacing)
        cursor.insertText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def show_annotations(
        self,
        annotations: Sequence[QuoteView],
        changed: set[str] | None = None,
        fresh: Sequence[QuoteView] | None = None,
    ) -> None:
        """New annotations for the same text; repaint only around ``changed`` (None: all).
        ``fresh``, when given, holds the new versions of the ``changed`` ones."""
        if changed is None:
            self.index.rebuild(annotations)
            self.highlighter.rehighlight()
        else:
            if fresh is None:
                fresh = [a for a in annotations if a.id in changed]
            for start, end in self.index.update(changed, fresh):
                self.highlighter.rehighlight_range(start, end)
        self.viewport().update()

    def set_colours(self, colours: Colours, colour_by: ColourBy | None = None) -> None:
        self.highlighter.colours = colours
        if colour_by is not None:
            self.highlighter.colour_by = colour_by
        self.highlighter.rehighlight()
        self.viewport().update()

    def mark_selected(self, annotation_id: str | None) -> None:
        old = self.highlighter.selected_id
        self.highlighter.selected_id = annotation_id
        for changed in {old, annotation_id} - {None}:
            span = self.index.span_of(changed or "")
            if span is not None:
                self.highlighter.rehighlight_range(span.start, span.end)
        self.viewport().update()

    # -- positions ---------------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        """The text selection as code-point offsets into the stored text, if any."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.index.to_text(cursor.selectionStart()), self.index.to_text(
            cursor.selectionEnd()
        )

    def select_range(self, start: int, end: int) -> None:
        """Select stored-text offsets ``start..end`` and bring them into view."""
        cursor = self.textCursor()
        cursor.setPosition(self.index.to_view(start))
        cursor.setPosition(self.index.to_view(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def reveal(self, annotation: QuoteView) -> None:
        """Put the caret at the start of the quote and scroll it to the middle."""
        cursor = self.textCursor()
        cursor.setPosition(self.index.to_view(annotation.start))
        self.setTextCursor(cursor)
        self.centerCursor()

    def spans_at(self, point: QPoint) -> list[Span]:
        cursor = self.cursorForPosition(point)
        rect = self.cursorRect(cursor)
        if abs(point.y() - rect.center().y()) > rect.height():
            return []  # below the last line or in a margin
        position = cursor.position()
        found = self.index.at(position)
        if not found and position > 0:
            found = self.index.at(position - 1)
        return found

    # -- find hits -----------------------------------------------------------------------
    def show_find_hits(self, hits: list[tuple[int, int]]) -> None:
        """Mark every hit (stored-text offsets) with a yellow background."""
        self._find_hits = hits
        selections = []
        for start, end in hits:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document())
            selection.cursor.setPosition(self.index.to_view(start))
            selection.cursor.setPosition(self.index.to_view(end), QTextCursor.MoveMode.KeepAnchor)
            selection.format.setBackground(FIND_HIT)
            selections.append(selection)
        self.setExtraSelections(selections)

    # -- events ----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            spans = self.spans_at(self.viewport().mapFromGlobal(event.globalPos()))
            if spans:
                QToolTip.showText(event.globalPos(), describe(spans), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            spans = self.spans_at(event.position().toPoint())
            self.annotation_clicked.emit(spans[0].annotation.id if spans else None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        spare = max(0, self.width() - READING_WIDTH - self.verticalScrollBar().width())
        self.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._fill_visible(event.rect())
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            self._paint_underlines(painter, event.rect())
        finally:
            painter.end()

    def _fill_visible(self, area: QRect) -> None:
        # Fill the paragraphs about to be painted that are not filled yet. Their layouts
        # change before this paint uses them, so the layout's call for one more paint is
        # not needed (colours never change where lines break).
        showing = []
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > area.bottom():
                break
            showing.append(block)
            block = block.next()
        layout = self.document().documentLayout()
        blocked = layout.blockSignals(True)
        try:
            for block in showing:
                self.highlighter.ensure(block)
        finally:
            layout.blockSignals(blocked)

    def _paint_underlines(self, painter: QPainter, area: QRect) -> None:
        # One line per nesting layer under each quote: solid when accepted, dashed when
        # suggested, none when rejected; the selected quote's line is thicker.
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > area.bottom():
                break
            start = block.position()
            spans = self.index.overlapping(start, start + block.length() - 1)
            layout = block.layout()
            for span in spans:
                if span.annotation.status is Status.REJECTED:
                    continue
                pen = QPen(self.highlighter.colour(span).darker(115))
                selected = span.annotation.id == self.highlighter.selected_id
                pen.setWidthF(3.0 if selected else 1.6)
                if span.annotation.status is Status.SUGGESTED:
                    pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                left, right = max(span.start - start, 0), min(span.end - start, block.length() - 1)
                for n in range(layout.lineCount()):
                    line = layout.lineAt(n)
                    first, last = line.textStart(), line.textStart() + line.textLength()
                    a, b = max(left, first), min(right, last)
                    if a >= b:
                        continue
                    y = top + line.y() + line.ascent() + line.descent() + 1 + 3 * span.depth
                    x1, x2 = _x_of(line, a), _x_of(line, b)
                    painter.drawLine(int(x1 + offset.x()), int(y), int(x2 + offset.x()), int(y))
                    if selected:  # a frame, so the selected quote stands out in any colour
                        painter.save()
                        painter.setPen(QPen(SELECTED_FRAME, 1.2))
                        painter.drawRoundedRect(
                            QRectF(
                                x1 + offset.x() - 1,
                                top + line.y(),
                                x2 - x1 + 2,
                                line.ascent() + line.descent() + 2,
                            ),
                            3,
                            3,
                        )
                        painter.restore()
            block = block.next()


def describe(spans: list[Span]) -> str:
    """The tooltip: speaker, tone and devices of each quote under the pointer."""
    parts = []
    for span in spans:
        a = span.annotation
        rows = [f"<b>{_html(a.speaker or 'Unknown speaker')}</b> <i>({a.status.value})</i>"]
        rows.append(f"Tone: {_html(a.tone or '–')}")
        rows.append(f"Devices: {_html(', '.join(a.devices) or '–')}")
        if a.note:
            rows.append(f"Note: {_html(a.note)}")
        if a.status is Status.SUGGESTED and a.confidence is not None:
            rows.append(f"Confidence: {a.confidence:.0%}")
        if a.status is Status.SUGGESTED and a.why:
            rows.append(f"Why: {_html(a.why)}")
        parts.append("<br>".join(rows))
    return "<hr>".join(parts)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _x_of(line: QTextLine, position: int) -> float:
    # PySide6 returns (x, cursor position) here; its stubs say ``object``.
    found = line.cursorToX(position)
    return float(found[0]) if isinstance(found, tuple) else float(found)  # type: ignore[arg-type]
