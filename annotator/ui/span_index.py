"""Where each annotation sits in the view's text, found per block by binary search.

The index is kept outside the ``QTextDocument``: the highlighter asks it for the spans
crossing one block. Positions here are UTF-16 (Qt's); the conversion from the stored
code-point offsets happens once, when the index is built, through ``Utf16Index``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core import Annotation
from annotator.core.offsets import Utf16Index


@dataclass(frozen=True)
class Span:
    """One annotation placed in the view: UTF-16 ``start``/``end`` and its nesting depth."""

    start: int
    end: int
    annotation: Annotation
    depth: int = 0


class SpanIndex:
    """Annotations of one document sorted by start, queried by UTF-16 range (only those
    placed on the text: a quote a re-import could not place has no span here)."""

    def __init__(self, text: str, annotations: Iterable[Annotation] = ()) -> None:
        self.text = text
        self.offsets = Utf16Index(text)
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._longest = 0
        self.rebuild(annotations)

    def rebuild(self, annotations: Iterable[Annotation]) -> None:
        placed = sorted(
            (
                (self.offsets.to_utf16(a.start), self.offsets.to_utf16(a.end), a)
                for a in annotations
                if a.placed  # an unplaced quote's span belongs to an older text
            ),
            key=lambda p: (p[0], -p[1], p[2].id),
        )
        self._spans = []
        open_ends: list[int] = []  # ends of the spans enclosing the current one
        for start, end, annotation in placed:
            open_ends = [e for e in open_ends if e > start]
            self._spans.append(Span(start, end, annotation, depth=len(open_ends)))
            open_ends.append(end)
        self._starts = [s.start for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._spans)

    def spans(self) -> list[Span]:
        return list(self._spans)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans crossing the UTF-16 range ``start..end`` (end exclusive)."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return [s for s in self._spans[first:last] if s.end > start]

    def at(self, position: int) -> list[Span]:
        """Spans containing UTF-16 ``position``, innermost (shortest) first."""
        last = bisect_right(self._starts, position)
        first = bisect_left(self._starts, position - self._longest)
        found = [s for s in self._spans[first:last] if s.start <= position < s.end]
        return sorted(found, key=lambda s: s.end - s.start)

    def span_of(self, annotation_id: str) -> Span | None:
        return next((s for s in self._spans if s.annotation.id == annotation_id), None)

    # The only place code points and UTF-16 positions are converted.
    def to_view(self, index: int) -> int:
        return self.offsets.to_utf16(index)

    def to_text(self, position: int) -> int:
        return self.offsets.from_utf16(position)
