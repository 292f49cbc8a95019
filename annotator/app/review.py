"""Reviewing two analysts' quotes of a document side by side, and deciding each difference.

A *disagreement* is a pair of quotes (one may be missing) that the analysts marked
differently: one-sided, other boundaries, speaker, tone or devices. Deciding keeps one
side: the other quote is removed, so what remains is the curated layer, each quote still
recording its analyst. Every decision is one edit (undoable in the workspace). Measure
agreement before curating: the removed versions no longer count.

Keeping the only version there is changes nothing; ``Review`` remembers such decisions
(and the quotes kept) so the list moves on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from annotator.app.agreement import analyst_of
from annotator.core import Annotation, Status
from annotator.core.edits import Edit, RemoveAnnotation
from annotator.core.spans import pair_quotes


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class Disagreement:
    """Two analysts' versions of one quote; ``mine`` or ``theirs`` is None when one-sided."""

    mine: Annotation | None
    theirs: Annotation | None
    differences: tuple[str, ...]  # one-sided, boundaries, speaker, tone, devices

    @property
    def start(self) -> int:
        return min(a.start for a in (self.mine, self.theirs) if a is not None)

    def describe(self) -> str:
        """One line for the list: what differs and the quote."""
        quote = (self.mine or self.theirs).quote  # type: ignore[union-attr]
        short = quote if len(quote) <= 70 else quote[:67] + "…"
        return f"{', '.join(self.differences)}: {short}"

    def detail(self, mine_name: str, their_name: str) -> str:
        """Both sides, field by field (for a tooltip or a panel)."""

        def side(name: str, a: Annotation | None) -> str:
            if a is None:
                return f"{name}: (not marked)"
            devices = ", ".join(a.devices) or "-"
            return (
                f"{name}: {a.quote} — {a.speaker or 'unknown speaker'} · "
                f"{a.tone or 'no tone'} · {devices}"
            )

        return side(mine_name, self.mine) + "\n" + side(their_name, self.theirs)


def differences(mine: Annotation | None, theirs: Annotation | None) -> tuple[str, ...]:
    """What two paired quotes disagree on (empty: they agree)."""
    if mine is None or theirs is None:
        return ("only " + ("theirs" if mine is None else "mine"),)
    found = []
    if (mine.start, mine.end) != (theirs.start, theirs.end):
        found.append("boundaries")
    for name in ("speaker", "tone"):
        if getattr(mine, name) != getattr(theirs, name):
            found.append(name)
    if set(mine.devices) != set(theirs.devices):
        found.append("devices")
    return tuple(found)


def disagreements(
    annotations: list[Annotation], mine: str, theirs: str, me: str
) -> list[Disagreement]:
    """The disagreements between analysts ``mine`` and ``theirs`` in one document's quotes
    (accepted, placed ones), in reading order."""
    layers: dict[str, list[Annotation]] = {mine: [], theirs: []}
    for quote in annotations:
        if quote.status is Status.ACCEPTED and quote.placed and analyst_of(quote, me) in layers:
            layers[analyst_of(quote, me)].append(quote)
    found = []
    for first, second in pair_quotes(layers[mine], layers[theirs]):
        kinds = differences(first, second)
        if kinds:
            found.append(Disagreement(first, second, kinds))
    return found


def decision(disagreement: Disagreement, choice: Choice) -> Edit | None:
    """The edit keeping one side: the other side's quote is removed (None: nothing to do)."""
    loser = disagreement.theirs if choice is Choice.MINE else disagreement.mine
    if loser is None:
        return None
    label = "Keep mine" if choice is Choice.MINE else "Take theirs"
    return RemoveAnnotation(loser, label=label)


class Review:
    """The disagreements of one document still to decide, for a reviewer moving through them."""

    def __init__(self, mine: str, theirs: str, me: str) -> None:
        self.mine, self.theirs, self.me = mine, theirs, me
        self.settled: set[str] = set()  # ids of quotes kept by a decision

    def open(self, annotations: list[Annotation]) -> list[Disagreement]:
        """What is left to decide among ``annotations`` (one document's quotes)."""
        return [
            d
            for d in disagreements(annotations, self.mine, self.theirs, self.me)
            if not self._settled(d)
        ]

    def _settled(self, d: Disagreement) -> bool:
        # A quote kept by a decision stands alone afterwards; if undo brings the other
        # version back, the pair is open again.
        if d.mine is not None and d.theirs is not None:
            return False
        present = d.mine or d.theirs
        return present is not None and present.id in self.settled

    def decide(self, disagreement: Disagreement, choice: Choice) -> Edit | None:
        """The edit for ``choice`` (None: nothing to change); the kept quote is settled."""
        kept = disagreement.mine if choice is Choice.MINE else disagreement.theirs
        if kept is not None:
            self.settled.add(kept.id)
        return decision(disagreement, choice)
