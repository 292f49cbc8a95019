"""Counting quotes along any two (or more) dimensions: the numbers behind every chart.

The analysis view, ``annotator stats`` and the briefing's charts all count here, so they
agree. A dimension is ``speaker``, ``tone``, ``device``, ``status``, ``analyst``,
``document``, ``outlet``, ``month`` or ``week`` (of the document's date), or
``attribute:NAME`` (one of the analyst's document variables). A quote with several
devices counts once per device; a missing value counts as ``(none)``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import product

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Document

NONE = "(none)"
DIMENSIONS = ("speaker", "tone", "device", "status", "analyst", "document", "outlet", "month",
              "week")  # fmt: skip

Reader = Callable[[Annotation, Document | None], list[str]]


def _one(value: str | None) -> list[str]:
    return [value or NONE]


def _month(published: str | None) -> list[str]:
    return [published[:7]] if published and len(published) >= 7 else [NONE]


def _week(published: str | None) -> list[str]:
    try:
        year, week, _day = date.fromisoformat((published or "")[:10]).isocalendar()
    except ValueError:
        return [NONE]
    return [f"{year}-W{week:02d}"]


_READERS: dict[str, Reader] = {
    "speaker": lambda a, _d: _one(a.speaker),
    "tone": lambda a, _d: _one(a.tone),
    "device": lambda a, _d: list(dict.fromkeys(a.devices)) or [NONE],
    "status": lambda a, _d: [a.status.value],
    "analyst": lambda a, _d: _one(a.annotator),
    "document": lambda _a, d: _one(d.title if d else None),
    "outlet": lambda _a, d: _one(d.outlet if d else None),
    "month": lambda _a, d: _one(
        (d.published or "")[:7] if d and len(d.published or "") >= 7 else None
    ),
    "week": lambda _a, d: _week(d.published if d else None),
}


def reader(dimension: str) -> Reader:
    """How to read a dimension's values off a quote; ValueError for an unknown one."""
    if dimension.startswith("attribute:") and dimension[len("attribute:") :].strip():
        name = dimension[len("attribute:") :].strip()
        return lambda _a, d: _one(d.attribute(name) if d else None)
    if dimension not in _READERS:
        valid = ", ".join([*DIMENSIONS, "attribute:NAME"])
        raise ValueError(f"cannot count by {dimension!r}; choose from {valid}")
    return _READERS[dimension]


@dataclass(frozen=True)
class Crosstab:
    """Quote counts for each combination of values of ``dimensions``."""

    dimensions: tuple[str, ...]
    counts: dict[tuple[str, ...], int]

    def rows(self) -> list[dict[str, object]]:
        """One dict per combination, most quotes first: ``{"speaker": .., "quotes": N}``."""
        ordered = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        return [{**dict(zip(self.dimensions, key, strict=True)), "quotes": n} for key, n in ordered]

    def values(self, axis: int) -> list[str]:
        """The values seen along one dimension, most quotes first."""
        totals: Counter[str] = Counter()
        for key, n in self.counts.items():
            totals[key[axis]] += n
        return [v for v, _n in sorted(totals.items(), key=lambda item: (-item[1], item[0]))]

    def total(self) -> int:
        return sum(self.counts.values())


def crosstab(corpus: Corpus, dimensions: Sequence[str]) -> Crosstab:
    """Count ``corpus``'s quotes by ``dimensions`` (e.g. ``("speaker", "tone")``)."""
    readers = [reader(d) for d in dimensions]
    documents = {d.id: d for d in corpus.documents}
    counts: Counter[tuple[str, ...]] = Counter()
    for annotation in corpus.annotations:
        document = documents.get(annotation.document_id)
        for key in product(*(read(annotation, document) for read in readers)):
            counts[key] += 1
    return Crosstab(tuple(dimensions), dict(counts))


def quotes_in(corpus: Corpus, dimensions: Sequence[str], key: Sequence[str]) -> list[Annotation]:
    """The quotes behind one cell of ``crosstab(corpus, dimensions)``, in reading order."""
    readers = [reader(d) for d in dimensions]
    documents = {d.id: d for d in corpus.documents}
    found = []
    for annotation in corpus.annotations:
        document = documents.get(annotation.document_id)
        if all(
            value in read(annotation, document) for read, value in zip(readers, key, strict=True)
        ):
            found.append(annotation)
    return sorted(found, key=lambda a: (a.document_id, a.start, a.end))
