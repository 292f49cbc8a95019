"""When two marked spans are the same quote: the one overlap rule of the project.

Suggestions use it to leave an analyst's quotes alone, agreement to pair two analysts'
quotes, and the evaluation scorer reads quotes the same way: two spans are the same quote
when they share at least half of the shorter one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def shared(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """How many characters two spans have in common."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def same_quote(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the spans share at least half of the shorter one."""
    inter = shared(a_start, a_end, b_start, b_end)
    return inter > 0 and inter >= 0.5 * min(a_end - a_start, b_end - b_start)


S = TypeVar("S", bound=Span)


def pair_quotes(mine: Sequence[S], theirs: Sequence[S]) -> list[tuple[S | None, S | None]]:
    """Pair two analysts' quotes of one document one-to-one, by the overlap rule.

    The pairs sharing most characters are made first; a quote left over is paired with
    None (only one analyst marked it). Pairs come in reading order.
    """
    order = sorted(range(len(theirs)), key=lambda j: theirs[j].start)
    starts = [theirs[j].start for j in order]
    longest = max((b.end - b.start for b in theirs), default=0)
    candidates = []
    for i, a in enumerate(mine):
        # Only quotes starting before this one ends, and long enough to reach it.
        for k in range(bisect_left(starts, a.start - longest), bisect_left(starts, a.end)):
            b = theirs[order[k]]
            if same_quote(a.start, a.end, b.start, b.end):
                candidates.append((-shared(a.start, a.end, b.start, b.end), i, order[k]))
    used_mine: set[int] = set()
    used_theirs: set[int] = set()
    pairs: list[tuple[S | None, S | None]] = []
    for _overlap, i, j in sorted(candidates):
        if i not in used_mine and j not in used_theirs:
            used_mine.add(i)
            used_theirs.add(j)
            pairs.append((mine[i], theirs[j]))
    pairs += [(a, None) for i, a in enumerate(mine) if i not in used_mine]
    pairs += [(None, b) for j, b in enumerate(theirs) if j not in used_theirs]
    return sorted(pairs, key=lambda p: min(s.start for s in p if s is not None))
