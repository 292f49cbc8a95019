"""Fills each quote's text in its colour, block by block, from the span index.

Overlapping quotes blend their light fills, so nesting stays visible; the view draws one
underline per layer on top (see ``document_view``). Rejected quotes get a faint strike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core import Status
from annotator.ui.appearance import FILL_ALPHA, INK, SELECTED_ALPHA, ColourBy, Colours, blend
from annotator.ui.span_index import Span, SpanIndex

SUGGESTED_ALPHA = 0.12
REJECTED_INK = QColor("#9A9A9A")


class QuoteHighlighter(QSyntaxHighlighter):
    """Paints the fills of the annotations in ``index`` (positions in UTF-16)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.index = SpanIndex("")
        self.colours = Colours()
        self.colour_by = ColourBy.SPEAKER
        self.selected_id: str | None = None
        self._formats: dict[object, QTextCharFormat] = {}

    def colour(self, span: Span) -> QColor:
        return self.colours.of(span.annotation, self.colour_by)

    def alpha(self, span: Span) -> float:
        status = span.annotation.status
        if status is Status.REJECTED:
            return 0.0
        if span.annotation.id == self.selected_id:
            return SELECTED_ALPHA
        return SUGGESTED_ALPHA if status is Status.SUGGESTED else FILL_ALPHA

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start = block.position()
        length = block.length() - 1  # UTF-16 units; ``text`` counts code points
        spans = self.index.overlapping(start, start + length)
        if not spans:
            return
        cuts = {0, length}
        for span in spans:
            cuts.add(min(max(span.start - start, 0), length))
            cuts.add(min(max(span.end - start, 0), length))
        edges = sorted(cuts)
        for left, right in zip(edges, edges[1:], strict=False):
            covering = [s for s in spans if s.start - start <= left and s.end - start >= right]
            if covering:
                self.setFormat(left, right - left, self._format(covering))

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

    def rehighlight_range(self, start: int, end: int) -> None:
        """Repaint only the blocks between UTF-16 ``start`` and ``end``."""
        document = self.document()
        block = document.findBlock(start)
        while block.isValid() and block.position() <= end:
            self.rehighlightBlock(block)
            block = block.next()
