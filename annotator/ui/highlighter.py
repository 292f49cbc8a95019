"""Fills each quote's text in its colour, paragraph by paragraph, from the span index.

Overlapping quotes blend their light fills, so nesting stays visible; the view draws one
underline per layer on top (see ``document_view``). Rejected quotes get a faint strike.

A paragraph is filled when it is about to be painted (the view asks, see
``DocumentView.paintEvent``), not when the text goes in: an article with ten thousand
quotes opens in the time Qt takes to show its first screen, and scrolling fills each
paragraph once. The fills are a paragraph layout's extra formats, as a
``QSyntaxHighlighter`` would set them, but without its pass over every paragraph of a
new text.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from annotator.core import Status
from annotator.ui.appearance import FILL_ALPHA, INK, SELECTED_ALPHA, ColourBy, Colours, blend
from annotator.ui.span_index import Span, SpanIndex

SUGGESTED_ALPHA = 0.12
REJECTED_INK = QColor("#9A9A9A")


class QuoteHighlighter:
    """Paints the fills of the annotations in ``index`` (positions in UTF-16)."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self.index = SpanIndex("")
        self.colours = Colours()
        self.colour_by = ColourBy.SPEAKER
        self.selected_id: str | None = None
        self._formats: dict[object, QTextCharFormat] = {}
        self._current: set[int] = set()  # paragraphs (block numbers) whose fills are current
        self._filled: set[int] = set()  # paragraphs holding fills (to clear when stale)

    def document(self) -> QTextDocument:
        return self._document

    def forget(self) -> None:
        """The document's text was replaced: no paragraph is filled yet."""
        self._current.clear()
        self._filled.clear()

    def colour(self, span: Span) -> QColor:
        return self.colours.of(span.annotation, self.colour_by)

    def alpha(self, span: Span) -> float:
        status = span.annotation.status
        if status is Status.REJECTED:
            return 0.0
        if span.annotation.id == self.selected_id:
            return SELECTED_ALPHA
        return SUGGESTED_ALPHA if status is Status.SUGGESTED else FILL_ALPHA

    # -- which paragraphs to fill --------------------------------------------------------
    def ensure(self, block: QTextBlock) -> None:
        """Fill ``block`` unless its fills are current (called before it is painted)."""
        if block.blockNumber() not in self._current:
            self.fill(block)

    def rehighlight(self) -> None:
        """Colours or quotes changed everywhere: paragraphs are filled again when next
        painted (the caller repaints the view)."""
        self._current.clear()

    def rehighlight_range(self, start: int, end: int) -> None:
        """Fill again, now, the paragraphs between UTF-16 ``start`` and ``end``."""
        block = self._document.findBlock(start)
        while block.isValid() and block.position() <= end:
            self.fill(block)
            block = block.next()

    # -- filling one paragraph ----------------------------------------------------------
    def fill(self, block: QTextBlock) -> None:
        """Set the fills of one paragraph from the spans crossing it."""
        number = block.blockNumber()
        self._current.add(number)
        ranges = self.ranges(block)
        if not ranges and number not in self._filled:
            return  # nothing to paint and nothing to clear
        if ranges:
            self._filled.add(number)
        else:
            self._filled.discard(number)
        block.layout().setFormats(ranges)
        # Lays the paragraph out again with its new formats (as QSyntaxHighlighter does).
        self._document.markContentsDirty(block.position(), block.length())

    def ranges(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        """The fills of one paragraph: a format for each stretch covered by the same quotes."""
        start = block.position()
        length = block.length() - 1  # UTF-16 units, without the paragraph separator
        spans = self.index.overlapping(start, start + length)
        if not spans:
            return []
        cuts = {0, length}
        for span in spans:
            cuts.add(min(max(span.start - start, 0), length))
            cuts.add(min(max(span.end - start, 0), length))
        edges = sorted(cuts)
        ranges = []
        for left, right in zip(edges, edges[1:], strict=False):
            covering = [s for s in spans if s.start - start <= left and s.end - start >= right]
            if covering:
                fill = QTextLayout.FormatRange()
                fill.start, fill.length, fill.format = left, right - left, self._format(covering)
                ranges.append(fill)
        return ranges

    def _format(self, covering: list[Span]) -> QTextCharFormat:
        layers = [(self.colour(s), self.alpha(s)) for s in covering if self.alpha(s) > 0]
        # Ten thousand quotes share a few dozen looks: build each look once.
        look = (
            tuple((c.rgba(), a) for c, a in layers),
            all(s.annotation.status is Status.REJECTED for s in covering),
        )
        found = self._formats.get(look)
        if found is None:
            found = self._formats[look] = self._new_format(layers, look[1])
        return found

    def _new_format(self, layers: list[tuple[QColor, float]], rejected: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if layers:
            fmt.setBackground(blend(layers))
            fmt.setForeground(INK)
        elif rejected:
            fmt.setForeground(REJECTED_INK)
            fmt.setFontStrikeOut(True)
        return fmt
