"""Checking and re-anchoring annotations against a document's text.

When a document is re-imported with small changes, each annotation is placed again the
way web annotation clients do it: the stored position if the quote is still there, else
the exact quote (the occurrence whose context fits best), else a fuzzy match weighted by
context. An annotation that cannot be placed is reported as orphaned, never moved silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from rapidfuzz import fuzz

from annotator.core.model import Annotation

FUZZY_THRESHOLD = 75.0  # minimum quote similarity (0-100) for a fuzzy placement
GOOD_CONTEXT = 30.0  # context score (of 40) above which an exact match is trusted as is


class AnchorMethod(StrEnum):
    POSITION = "position"  # the quote is still at its stored offsets
    EXACT = "exact"  # the quote was found verbatim elsewhere
    FUZZY = "fuzzy"  # a near match was found
    ORPHANED = "orphaned"  # nowhere to put it


@dataclass(frozen=True)
class Anchor:
    """Where an annotation lands in a text, and how it was found."""

    method: AnchorMethod
    start: int = -1
    end: int = -1
    score: float = 0.0


def matches_text(annotation: Annotation, text: str) -> bool:
    """True when the annotation's stored quote is exactly what its offsets cover."""
    return (
        0 <= annotation.start < annotation.end <= len(text)
        and text[annotation.start : annotation.end] == annotation.quote
    )


def _context_score(text: str, start: int, end: int, annotation: Annotation) -> float:
    prefix = text[max(0, start - len(annotation.prefix)) : start]
    suffix = text[end : end + len(annotation.suffix)]
    score = 0.0
    if annotation.prefix:
        score += 20 * fuzz.ratio(prefix, annotation.prefix) / 100
    if annotation.suffix:
        score += 20 * fuzz.ratio(suffix, annotation.suffix) / 100
    return score


def _closeness(text: str, start: int, old_start: int) -> float:
    return 2 * (1 - abs(start - old_start) / max(1, len(text)))


def reanchor(annotation: Annotation, text: str) -> Anchor:
    """Find where ``annotation`` belongs in ``text`` (a possibly edited version)."""
    quote = annotation.quote
    if not quote:
        return Anchor(AnchorMethod.ORPHANED)
    if matches_text(annotation, text):
        return Anchor(AnchorMethod.POSITION, annotation.start, annotation.end, 100.0)

    best: Anchor | None = None
    found = text.find(quote)
    while found != -1:
        end = found + len(quote)
        score = 50 + _context_score(text, found, end, annotation)
        score += _closeness(text, found, annotation.start)
        if best is None or score > best.score:
            best = Anchor(AnchorMethod.EXACT, found, end, score)
        found = text.find(quote, found + 1)
    if best is not None and (
        best.score >= 50 + GOOD_CONTEXT or not annotation.prefix + annotation.suffix
    ):
        return best
    # No exact copy, or only one in the wrong surroundings (a repeated phrase): a near
    # match in the right place beats an exact one in the wrong place.
    fuzzy = _fuzzy(annotation, text)
    if best is None or (fuzzy.method is AnchorMethod.FUZZY and fuzzy.score > best.score):
        return fuzzy
    return best


def _fuzzy(annotation: Annotation, text: str) -> Anchor:
    # Align quote-with-context first (more distinctive), then the quote inside that window.
    needle = annotation.prefix + annotation.quote + annotation.suffix
    window = fuzz.partial_ratio_alignment(needle, text)
    if window is None:
        return Anchor(AnchorMethod.ORPHANED)
    lo = max(0, window.dest_start - len(annotation.quote) // 2)
    hi = min(len(text), window.dest_end + len(annotation.quote) // 2)
    inner = fuzz.partial_ratio_alignment(annotation.quote, text[lo:hi])
    if inner is None or inner.score < FUZZY_THRESHOLD:
        return Anchor(AnchorMethod.ORPHANED)
    start, end = lo + inner.dest_start, lo + inner.dest_end
    if start >= end:
        return Anchor(AnchorMethod.ORPHANED)
    score = 50 * inner.score / 100 + _context_score(text, start, end, annotation)
    return Anchor(AnchorMethod.FUZZY, start, end, score)


def place_again(
    annotations: Iterable[Annotation], text: str
) -> tuple[tuple[Annotation, ...], dict[str, int]]:
    """Each annotation placed on ``text`` (a new version of its document), and how many
    were placed by each method. One that cannot be placed keeps its old span and quote,
    flagged ``placed=False``: never moved silently."""
    placed: list[Annotation] = []
    counts: Counter[str] = Counter()
    for annotation in annotations:
        anchor = reanchor(annotation, text)
        counts[anchor.method.value] += 1
        if anchor.method is AnchorMethod.ORPHANED:
            placed.append(replace(annotation, placed=False))
        else:
            placed.append(annotation.moved(text, anchor.start, anchor.end))
    return tuple(placed), dict(counts)
