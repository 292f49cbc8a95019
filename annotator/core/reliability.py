"""Reliability statistics: Cohen's kappa and Krippendorff's alpha (nominal).

Alpha on reliability data (units x coders, missing values allowed) is computed by the
``krippendorff`` package. Two figures are computed here because no maintained package
offers them in the form needed: Cohen's kappa for two coders (a few lines, checked in the
tests against a textbook table), and alpha over the characters of a text, where each
character is a unit whose value for a coder is "inside one of their quotes" or not. A text
of a million characters has a million units, so that alpha is computed from the
coincidence counts of runs of characters, not from a matrix (the tests check both ways give
the same figure).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

Value = Hashable | None


def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two coders' values for the same units; None with no units, and
    1.0 when both coders used one and the same value throughout (no chance to disagree)."""
    pairs = list(pairs)
    n = len(pairs)
    if not n:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[v] * second[v] for v in first) / (n * n)
    if expected == 1:
        return 1.0 if observed == 1 else 0.0
    return (observed - expected) / (1 - expected)


def alpha_nominal(units: Sequence[Sequence[Value]]) -> float | None:
    """Krippendorff's alpha (nominal) of ``units``: one row per unit, one value per coder,
    None where a coder gave none. None when fewer than two values are pairable."""
    rows = [[v for v in unit if v is not None] for unit in units]
    rows = [row for row in rows if len(row) >= 2]
    if not rows:
        return None
    values = sorted({v for row in rows for v in row}, key=repr)
    if len(values) == 1:
        return 1.0  # everyone agrees and there was nothing else to choose
    import krippendorff  # numpy: loaded only when agreement is computed

    index = {v: i for i, v in enumerate(values)}
    coders = max(len(unit) for unit in units)
    data = [[math.nan] * len(units) for _ in range(coders)]
    for u, unit in enumerate(units):
        for c, value in enumerate(unit):
            if value is not None:
                data[c][u] = float(index[value])
    return float(
        krippendorff.alpha(
            reliability_data=data, level_of_measurement="nominal", value_domain=range(len(values))
        )
    )


def coverage_counts(length: int, coders: Sequence[Sequence[tuple[int, int]]]) -> Counter[int]:
    """How many of a text's ``length`` characters lie inside the spans of exactly k of
    ``coders`` (each a list of (start, end) spans), for each k from 0."""
    edges: Counter[int] = Counter()
    for spans in coders:
        for start, end in _union(spans):
            edges[max(0, start)] += 1
            edges[min(length, end)] -= 1
    counts: Counter[int] = Counter()
    inside = previous = 0
    for position in sorted({p for p in edges if 0 <= p <= length} | {0, length}):
        counts[inside] += position - previous
        inside += edges[position]
        previous = position
    return Counter({k: v for k, v in counts.items() if v})


def alpha_of_coverage(texts: Iterable[tuple[int, Counter[int]]]) -> float | None:
    """Alpha over characters, from ``(coders, coverage_counts)`` of each text: every
    character is a unit valued 1 (in a quote) or 0 by each of that text's coders."""
    o01 = n1 = n = 0.0
    for m, counts in texts:
        if m < 2:
            continue
        for k, chars in counts.items():
            o01 += chars * k * (m - k) / (m - 1)
            n1 += chars * k
            n += chars * m
    n0 = n - n1
    if n0 == 0 or n1 == 0:
        return None  # one value only: alpha is undefined
    return 1 - (n - 1) * o01 / (n0 * n1)


def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
