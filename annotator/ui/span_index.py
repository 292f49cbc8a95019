"""Where each annotation sits in the view's text, found per block by binary search.

The index is kept outside the ``QTextDocument``: the highlighter asks it for the spans
crossing one block. Positions here are UTF-16 (Qt's); the conversion from the stored
code-point offsets happens once, when the index is built, through ``Utf16Index``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from heapq import heappop, heappush
from itertools import accumulate, compress, islice
from operator import attrgetter, lt, sub
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
    placed on the text: a quote a re-import could not place has no span here).

    The index is parallel lists (starts, ends, quotes, depths) in the order start, longest
    first, id: a ``Span`` is made only for the few quotes a paint or a click asks about,
    not for each of thousands when a document opens.
    """

    def __init__(self, text: str, annotations: Iterable[QuoteView] = ()) -> None:
        self.text = text
        self.offsets = Utf16Index(text)
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._quotes: list[QuoteView] = []
        self._depths: list[int] = []
        self._by_id: dict[str, QuoteView] | None = None  # made when first asked
        self._longest = 0
        self.rebuild(annotations)

    def rebuild(self, annotations: Iterable[QuoteView]) -> None:
        # (An unplaced quote's span belongs to an older text: it has no place here.)
        quotes = list(annotations)
        quotes = list(compress(quotes, map(_PLACED, quotes)))
        if self.offsets.utf16_length == len(self.text):  # no emoji: the same positions
            starts, ends = list(map(_START, quotes)), list(map(_END, quotes))
        else:
            to_view = self.offsets.to_utf16
            starts = [to_view(a.start) for a in quotes]
            ends = [to_view(a.end) for a in quotes]
        if not all(map(lt, starts, islice(starts, 1, None))):  # not in order already
            order = sorted(range(len(quotes)), key=lambda n: (starts[n], -ends[n], quotes[n].id))
            starts, ends = [starts[n] for n in order], [ends[n] for n in order]
            quotes = [quotes[n] for n in order]
        self._starts, self._ends, self._quotes = starts, ends, quotes
        self._depths = _depths(starts, ends)
        self._by_id = None
        self._longest = max(map(sub, ends, starts), default=0)

    def update(
        self, changed: Collection[str], annotations: Iterable[QuoteView]
    ) -> list[tuple[int, int]]:
        """Take out the spans of the ``changed`` ids and put in ``annotations`` (their new
        versions; an id without one was deleted). Returns the UTF-16 ranges whose look
        changed: where each old and each new span lies."""
        by_id = self._quotes_by_id()
        areas = []
        for annotation_id in changed:
            at = self._position_of(annotation_id)
            if at is not None:
                areas.append((self._starts[at], self._ends[at]))
                del self._starts[at], self._ends[at], self._quotes[at], self._depths[at]
                del by_id[annotation_id]
        to_view = self.offsets.to_utf16
        for annotation in annotations:
            if not annotation.placed:
                continue
            start, end = to_view(annotation.start), to_view(annotation.end)
            at = bisect_left(self._starts, start)
            while at < len(self._starts) and self._starts[at] == start:
                if (-self._ends[at], self._quotes[at].id) > (-end, annotation.id):
                    break
                at += 1
            self._starts.insert(at, start)
            self._ends.insert(at, end)
            self._quotes.insert(at, annotation)
            self._depths.insert(at, 0)
            by_id[annotation.id] = annotation
            self._longest = max(self._longest, end - start)
            areas.append((start, end))
        for start, end in areas:
            self._redepth(start, end)
        return areas

    def _redepth(self, start: int, end: int) -> None:
        # A span's depth counts the spans before it still open where it starts: only the
        # spans starting inside a span that came or went can change.
        starts, ends = self._starts, self._ends
        for at in range(bisect_left(starts, start), bisect_left(starts, end)):
            first = bisect_left(starts, starts[at] - self._longest)
            self._depths[at] = sum(1 for n in range(first, at) if ends[n] > starts[at])

    def _quotes_by_id(self) -> dict[str, QuoteView]:
        if self._by_id is None:
            self._by_id = {quote.id: quote for quote in self._quotes}
        return self._by_id

    def _position_of(self, annotation_id: str) -> int | None:
        quote = self._quotes_by_id().get(annotation_id)
        if quote is None:
            return None
        start = self.offsets.to_utf16(quote.start)
        at = bisect_left(self._starts, start)
        while self._quotes[at].id != annotation_id:  # among the spans starting there
            at += 1
        return at

    def _span(self, at: int) -> Span:
        return Span(self._starts[at], self._ends[at], self._quotes[at], self._depths[at])

    def __len__(self) -> int:
        return len(self._starts)

    def spans(self) -> list[Span]:
        return [self._span(at) for at in range(len(self._starts))]

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans crossing the UTF-16 range ``start..end`` (end exclusive)."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return [self._span(at) for at in range(first, last) if self._ends[at] > start]

    def at(self, position: int) -> list[Span]:
        """Spans containing UTF-16 ``position``, innermost (shortest) first."""
        last = bisect_right(self._starts, position)
        first = bisect_left(self._starts, position - self._longest)
        found = [self._span(n) for n in range(first, last) if self._ends[n] > position]
        return sorted(found, key=lambda s: s.end - s.start)

    def span_of(self, annotation_id: str) -> Span | None:
        at = self._position_of(annotation_id)
        return None if at is None else self._span(at)

    # The only place code points and UTF-16 positions are converted.
    def to_view(self, index: int) -> int:
        return self.offsets.to_utf16(index)

    def to_text(self, position: int) -> int:
        return self.offsets.from_utf16(position)


_START, _END, _PLACED = attrgetter("start"), attrgetter("end"), attrgetter("placed")


def _depths(starts: list[int], ends: list[int]) -> list[int]:
    """How many earlier spans are still open where each span starts (spans in order)."""
    # Most articles' quotes do not nest: each starts after all before it have ended.
    reach = accumulate(ends, max)  # the furthest end so far
    if not any(map(lt, islice(starts, 1, None), reach)):
        return [0] * len(starts)
    depths = []
    open_ends: list[int] = []  # ends of the spans enclosing the current one (a heap)
    for start, end in zip(starts, ends, strict=True):
        while open_ends and open_ends[0] <= start:
            heappop(open_ends)
        depths.append(len(open_ends))
        heappush(open_ends, end)
    return depths
