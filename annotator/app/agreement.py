"""How far analysts agree, over the documents they all coded.

Each quote belongs to its analyst (its ``annotator``); quotes the engine made (or with no
annotator) belong to whoever owns the project (``me``). Only accepted quotes count: they
are what an analyst stands behind. A document counts when at least two of the chosen
analysts marked something in it.

- Boundaries: pairwise span F1 (the project's overlap rule, ``core.spans``) and alpha over
  characters (each character in or out of a quote, for each analyst).
- Speaker, tone and each device: over quotes the analysts all marked (paired by the same
  rule), Cohen's kappa for two analysts and Krippendorff's alpha (nominal; missing values
  allowed) for any number, with the number of units each figure rests on.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from annotator.core import Annotation, Status
from annotator.core.corpus import Corpus
from annotator.core.provenance import ENGINE_NAME
from annotator.core.reliability import (
    alpha_nominal,
    alpha_of_coverage,
    cohen_kappa,
    coverage_counts,
)
from annotator.core.spans import pair_quotes

ENGINE = ENGINE_NAME


def analyst_of(annotation: Annotation, me: str) -> str:
    """Who stands behind a quote: its annotator, or ``me`` for the engine's and unnamed ones."""
    name = (annotation.annotator or "").strip()
    return me if not name or name == ENGINE else name


def analysts_in(corpus: Corpus, me: str) -> list[str]:
    """Every analyst with accepted quotes in ``corpus``, most quotes first."""
    counts = Counter(analyst_of(a, me) for a in corpus.annotations if a.status is Status.ACCEPTED)
    return [name for name, _n in counts.most_common()]


@dataclass(frozen=True)
class Figure:
    """One agreement figure and what it rests on."""

    kappa: float | None
    alpha: float | None
    units: int

    def as_dict(self) -> dict[str, Any]:
        return {"kappa": _round(self.kappa), "alpha": _round(self.alpha), "units": self.units}


@dataclass(frozen=True)
class Boundaries:
    f1: float | None
    alpha_u: float | None
    units: int  # quotes compared

    def as_dict(self) -> dict[str, Any]:
        return {"f1": _round(self.f1), "alpha_u": _round(self.alpha_u), "units": self.units}


@dataclass(frozen=True)
class Agreement:
    """Agreement between ``analysts`` over ``documents`` double-coded documents."""

    analysts: tuple[str, ...]
    documents: int
    boundaries: Boundaries
    speaker: Figure
    tone: Figure
    devices: dict[str, Figure]
    devices_overall: Figure
    # Two analysts only: (first's value, second's value) -> quotes.
    speaker_confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    tone_confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (``annotator agreement --format json``)."""
        return {
            "analysts": list(self.analysts),
            "documents": self.documents,
            "boundaries": self.boundaries.as_dict(),
            "speaker": self.speaker.as_dict(),
            "tone": self.tone.as_dict(),
            "devices": {name: f.as_dict() for name, f in self.devices.items()},
            "devices_overall": self.devices_overall.as_dict(),
            "confusion": {
                "speaker": _confusion_rows(self.speaker_confusion),
                "tone": _confusion_rows(self.tone_confusion),
            },
        }

    def rows(self) -> list[tuple[str, str, str, str, int]]:
        """(what, F1, kappa, alpha, units) for a table or CSV."""
        b = self.boundaries
        out = [("quote boundaries", _text(b.f1), "", _text(b.alpha_u), b.units)]
        named = [("speaker", self.speaker), ("tone", self.tone)]
        named += [(f"device: {n}", f) for n, f in self.devices.items()]
        named.append(("devices, all", self.devices_overall))
        out += [(what, "", _text(f.kappa), _text(f.alpha), f.units) for what, f in named]
        return out

    def table(self) -> str:
        """A plain-text table for the terminal."""
        head = (
            f"Analysts: {', '.join(self.analysts)}; documents coded by at least two: "
            f"{self.documents}"
        )
        lines = [head, "", f"{'':28} {'F1':>6} {'kappa':>6} {'alpha':>6} {'units':>7}"]
        lines += [f"{w:28} {f:>6} {k:>6} {a:>6} {u:>7}" for w, f, k, a, u in self.rows()]
        for title, confusion in (
            ("Tone", self.tone_confusion),
            ("Speaker", self.speaker_confusion),
        ):
            if confusion:
                lines += ["", f"{title}: {self.analysts[0]} (rows) x {self.analysts[1]} (columns)"]
                lines += _confusion_table(confusion)
        return "\n".join(lines)

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["measure", "f1", "kappa", "alpha", "units"])
        writer.writerows(self.rows())
        return out.getvalue()


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _text(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _confusion_rows(confusion: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    return [{"first": a, "second": b, "quotes": n} for (a, b), n in sorted(confusion.items())]


def _confusion_table(confusion: dict[tuple[str, str], int]) -> list[str]:
    rows = sorted({a for a, _ in confusion})
    columns = sorted({b for _, b in confusion})
    width = max(8, *(len(c) for c in columns))
    lines = [" " * 22 + " ".join(f"{c[:width]:>{width}}" for c in columns)]
    for r in rows:
        cells = " ".join(f"{confusion.get((r, c), 0):>{width}}" for c in columns)
        lines.append(f"{r[:21]:21} {cells}")
    return lines


# -- computing --------------------------------------------------------------------------------
def agreement(corpus: Corpus, me: str, analysts: Sequence[str] = ()) -> Agreement:
    """Agreement of ``analysts`` (default: every analyst in the corpus) in ``corpus``."""
    chosen = tuple(analysts) or tuple(analysts_in(corpus, me))
    if len(chosen) < 2:
        found = ", ".join(analysts_in(corpus, me)) or "none"
        raise ValueError(f"agreement needs two analysts; the project has: {found}")
    by_document: dict[int | None, dict[str, list[Annotation]]] = {}
    for a in corpus.annotations:
        if a.status is Status.ACCEPTED and a.placed and analyst_of(a, me) in chosen:
            by_document.setdefault(a.document_id, {}).setdefault(analyst_of(a, me), []).append(a)
    shared = {d: layers for d, layers in by_document.items() if len(layers) >= 2}
    lengths = {d.id: len(d.text) for d in corpus.documents}
    units = [_units(layers, chosen) for layers in shared.values()]
    clusters = [u for doc_units in units for u in doc_units]
    return Agreement(
        analysts=chosen,
        documents=len(shared),
        boundaries=_boundaries(shared, lengths, chosen),
        speaker=_figure([[a.speaker if a else None for a in u] for u in clusters]),
        tone=_figure([[a.tone if a else None for a in u] for u in clusters]),
        **_device_figures(clusters, corpus),
        speaker_confusion=_confusion(clusters, "speaker") if len(chosen) == 2 else {},
        tone_confusion=_confusion(clusters, "tone") if len(chosen) == 2 else {},
    )


def _units(
    layers: dict[str, list[Annotation]], chosen: Sequence[str]
) -> list[list[Annotation | None]]:
    """Quotes marked by at least two analysts, one row per quote, one column per analyst."""
    coders = [name for name in chosen if name in layers]
    rows: list[list[Annotation | None]] = [[a] for a in layers[coders[0]]]
    for column, name in enumerate(coders[1:], 1):
        anchors = [next(a for a in row if a is not None) for row in rows]
        paired = pair_quotes(anchors, layers[name])
        by_anchor = {id(a): b for a, b in paired if a is not None}
        for row, anchor in zip(rows, anchors, strict=True):
            row.append(by_anchor.get(id(anchor)))
        for a, b in paired:
            if a is None:
                rows.append([*(None for _ in range(column)), b])
    full: list[list[Annotation | None]] = [[None] * len(chosen) for _ in rows]
    for out, row in zip(full, rows, strict=True):
        for name, value in zip(coders, row, strict=False):
            out[chosen.index(name)] = value
    return [row for row in full if sum(1 for a in row if a is not None) >= 2]


def _figure(values: list[list[Any]]) -> Figure:
    pairable = [row for row in values if sum(1 for v in row if v is not None) >= 2]
    kappa = None
    if values and len(values[0]) == 2:
        kappa = cohen_kappa((a, b) for a, b in pairable)
    return Figure(kappa, alpha_nominal(pairable), len(pairable))


def _device_figures(clusters: list[list[Annotation | None]], corpus: Corpus) -> dict[str, Any]:
    names = [c.name for c in corpus.codebook.devices]
    names += sorted({d for row in clusters for a in row if a for d in a.devices} - set(names))
    devices: dict[str, Figure] = {}
    pooled: list[list[Any]] = []
    for name in names:
        values = [[(name in a.devices) if a else None for a in row] for row in clusters]
        if any(v for row in values for v in row):
            devices[name] = _figure(values)
        pooled += values
    return {"devices": devices, "devices_overall": _figure(pooled)}


def _confusion(clusters: list[list[Annotation | None]], name: str) -> dict[tuple[str, str], int]:
    counts: Counter[tuple[str, str]] = Counter()
    for first, second in clusters:
        if first is not None and second is not None:
            counts[(getattr(first, name) or "(none)", getattr(second, name) or "(none)")] += 1
    return dict(counts)


def _boundaries(
    shared: dict[int | None, dict[str, list[Annotation]]],
    lengths: dict[int | None, int],
    chosen: Sequence[str],
) -> Boundaries:
    matched = total = 0
    f1s: list[float] = []
    for first, second in combinations(chosen, 2):
        pair_matched = pair_total = 0
        for layers in shared.values():
            if first in layers and second in layers:
                paired = pair_quotes(layers[first], layers[second])
                pair_matched += sum(1 for a, b in paired if a and b)
                pair_total += len(layers[first]) + len(layers[second])
        if pair_total:
            f1s.append(2 * pair_matched / pair_total)
        matched, total = matched + pair_matched, total + pair_total
    texts = [
        (len(layers), coverage_counts(lengths.get(d, 0), [_spans(q) for q in layers.values()]))
        for d, layers in shared.items()
    ]
    f1 = sum(f1s) / len(f1s) if f1s else None
    quotes = sum(len(q) for layers in shared.values() for q in layers.values())
    return Boundaries(f1, alpha_of_coverage(texts), quotes)


def _spans(quotes: Iterable[Annotation]) -> list[tuple[int, int]]:
    return [(a.start, a.end) for a in quotes]
