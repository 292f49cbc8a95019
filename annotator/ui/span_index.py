"""Where each annotation sits in the view's text, found per block by binary search.

The index is kept outside the ``QTextDocument``: the highlighter asks it for the spans
crossing one block. Positions here are UTF-16 (Qt's); the conversion from the stored
code-point offsets happens once, when the index is built, through ``Utf16Index``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from heapq import heappop, heappush
from typing import NamedTuple

from annotator.core.listing import QuoteView
from annotator.core.offsets import Utf16Index


class Span(NamedTuple):
    """One annotation placed in the view: UTF-16 ``start``/``end`` and its nesting depth."""

    start: int
    end: int
    annotation: QuoteView
    depth: int = 0


class SpanIndex:
    """Annotations of one document sorted by start, queried by UTF-16 range (only those
    placed on the text: a quote a re-import could not place has no span here)."""

    def __init__(self, text: str, annotations: Iterable[QuoteView] = ()) -> None:
        self.text = text
        self.offsets = Utf16Index(text)
        self._spans: list[Span] = []
        self._keys: list[tuple[int, int, str]] = []  # the order: start, longest first, id
        self._starts: list[int] = []
        self._by_id: dict[str, Span] = {}
        self._longest = 0
        self.rebuild(annotations)

    def rebuild(self, annotations: Iterable[QuoteView]) -> None:
        offsets = self.offsets
        if offsets.utf16_length == len(self.text):  # no emoji: the same positions
            placed = sorted((a.start, -a.end, a.id, a) for a in annotations if a.placed)
        else:
            to_view = offsets.to_utf16
            placed = sorted(
                (to_view(a.start), -to_view(a.end), a.id, a) for a in annotations if a.placed
            )
        # (An unplaced quote's span belongs to an older text: it has no place here.)
        spans: list[Span] = []
        append, new = spans.append, tuple.__new__  # a Span made without its __new__ call
        open_ends: list[int] = []  # ends of the spans enclosing the current one (a heap)
        longest = 0
        for start, minus_end, _id, annotation in placed:
            while open_ends and open_ends[0] <= start:
                heappop(open_ends)
            append(new(Span, (start, -minus_end, annotation, len(open_ends))))
            heappush(open_ends, -minus_end)
            if -minus_end - start > longest:
                longest = -minus_end - start
        self._spans = spans
        self._keys = [(start, minus_end, id_) for start, minus_end, id_, _a in placed]
        self._starts = [start for start, _e, _i, _a in placed]
        self._by_id = {span.annotation.id: span for span in spans}
        self._longest = longest

    def update(
        self, changed: Collection[str], annotations: Iterable[QuoteView]
    ) -> list[tuple[int, int]]:
        """Take out the spans of the ``changed`` ids and put in ``annotations`` (their new
        versions; an id without one was deleted). Returns the UTF-16 ranges whose look
        changed: where each old and each new span lies."""
        areas = []
        for annotation_id in changed:
            old = self._by_id.pop(annotation_id, None)
            if old is not None:
                at = bisect_left(self._keys, (old.start, -old.end, annotation_id))
                del self._spans[at], self._keys[at], self._starts[at]
                areas.append((old.start, old.end))
        to_view = self.offsets.to_utf16
        for annotation in annotations:
            if not annotation.placed:
                continue
            start, end = to_view(annotation.start), to_view(annotation.end)
            key = (start, -end, annotation.id)
            at = bisect_left(self._keys, key)
            span = Span(start, end, annotation)
            self._spans.insert(at, span)
            self._keys.insert(at, key)
            self._starts.insert(at, start)
            self._by_id[annotation.id] = span
            self._longest = max(self._longest, end - start)
            areas.append((start, end))
        for start, end in areas:
            self._redepth(start, end)
        return areas

    def _redepth(self, start: int, end: int) -> None:
        # A span's depth counts the spans before it still open where it starts: only the
        # spans starting inside a span that came or went can change.
        for at in range(bisect_left(self._starts, start), bisect_left(self._starts, end)):
            span = self._spans[at]
            first = bisect_left(self._starts, span.start - self._longest)
            depth = sum(1 for s in self._spans[first:at] if s.end > span.start)
            if depth != span.depth:
                self._spans[at] = self._by_id[span.annotation.id] = span._replace(depth=depth)

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
        return self._by_id.get(annotation_id)

    # The only place code points and UTF-16 positions are converted.
    def to_view(self, index: int) -> int:
        return self.offsets.to_utf16(index)

    def to_text(self, position: int) -> int:
        return self.offsets.from_utf16(position)
