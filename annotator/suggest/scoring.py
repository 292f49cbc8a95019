"""Score suggestions against hand-made gold quotes, as the evaluation scorer does.

A suggestion matches a gold quote when their cores (quotation marks, spaces and edge
punctuation trimmed) overlap by at least 80% of their union, one to one, best overlaps
first. A speaker is right when the names agree after dropping titles and case, share their
last word, or one name's words are all in the other's. A gold quote without a speaker counts
for quote detection only; a suggestion on an `optional` span is neither right nor wrong.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.suggest.lexicon import words
from annotator.suggest.model import Suggestion

_EDGE = frozenset(" \t\n\r\u00a0\"'“”‘’«»‹›„‚`.,;:!?…—–-()[]")
# Words a name may carry that do not tell two people apart ("President Lindqvist" is "Lindqvist").
_TITLES = words(
    "mr mrs ms dr sir lord lady president prime minister pm secretary foreign defence defense "
    "state chancellor senator sen rep representative governor gov mayor general gen king queen "
    "prince the uk us russian russia's britain's former deputy"
)


@dataclass(frozen=True)
class GoldArticle:
    """One article's text with its gold quotes (dicts with start, end, text, speaker)."""

    name: str
    text: str
    quotes: tuple[dict[str, object], ...]
    optional: tuple[dict[str, object], ...] = ()


@dataclass
class Outcome:
    """Counts over one or more articles, and what went wrong, for the error breakdown."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    known: int = 0
    right: int = 0
    missed: list[tuple[GoldArticle, dict[str, object]]] = field(default_factory=list)
    extra: list[tuple[GoldArticle, Suggestion]] = field(default_factory=list)
    judged: list[tuple[GoldArticle, dict[str, object], Suggestion, bool]] = field(
        default_factory=list
    )  # every matched quote with a gold speaker, and whether the suggested one is right

    @property
    def wrong(self) -> list[tuple[GoldArticle, dict[str, object], Suggestion]]:
        """The matched quotes whose speaker is wrong."""
        return [(a, q, s) for a, q, s, right in self.judged if not right]

    def add(self, other: Outcome) -> None:
        """Add another outcome's counts and errors to this one."""
        for name in ("gold", "predicted", "matched", "known", "right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.extra += other.extra
        self.judged += other.judged

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.right / self.known if self.known else 0.0


def load_gold(folder: Path, names: Callable[[str], bool] = lambda _: True) -> list[GoldArticle]:
    """The articles of a gold folder (gold.jsonl beside articles/) whose file name passes."""
    found = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if not names(entry["file"]):
            continue
        text = (folder / "articles" / entry["file"]).read_text(encoding="utf-8")
        quotes = tuple(entry["quotes"])
        found.append(GoldArticle(entry["file"], text, quotes, tuple(entry.get("optional", ()))))
    return found


def core(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without its quotation marks, spaces and edge punctuation."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared length over the length of the union of two spans."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return shared / union if shared > 0 and union > 0 else 0.0


def name_words(name: str | None) -> list[str]:
    """The lowercase ASCII words of a name without titles (all words if only titles)."""
    if not name:
        return []
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z][a-z'\-]*", ascii_name.lower())
    return [w for w in words if w not in _TITLES] or words


def same_speaker(predicted: str | None, gold: str) -> bool:
    """True when a predicted speaker name counts as the gold one."""
    p, g = name_words(predicted), name_words(gold)
    if not p or not g:
        return False
    return p == g or p[-1] == g[-1] or set(p) <= set(g) or set(g) <= set(p)


def score_article(article: GoldArticle, found: Iterable[Suggestion]) -> Outcome:
    """Match one article's suggestions to its gold quotes and count what is right."""
    text = article.text
    found = list(found)
    spans = [core(text, s.start, s.end) for s in found]
    pairs = []
    for gi, quote in enumerate(article.quotes):
        gold_core = core(text, int(quote["start"]), int(quote["end"]))  # type: ignore[call-overload]
        for pi, span in enumerate(spans):
            shared = overlap(gold_core, span)
            if shared >= 0.8:
                pairs.append((shared, gi, pi))
    pairs.sort(reverse=True)
    used_gold: set[int] = set()
    used_found: set[int] = set()
    outcome = Outcome(gold=len(article.quotes))
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_found:
            continue
        used_gold.add(gi)
        used_found.add(pi)
        outcome.matched += 1
        speaker = article.quotes[gi].get("speaker")
        if speaker:
            outcome.known += 1
            right = same_speaker(found[pi].speaker, str(speaker))
            outcome.right += right
            outcome.judged.append((article, article.quotes[gi], found[pi], right))
    loose = [core(text, int(o["start"]), int(o["end"])) for o in article.optional]  # type: ignore[call-overload]
    for pi, span in enumerate(spans):
        if pi in used_found:
            outcome.predicted += 1
        elif not any(overlap(span, o) >= 0.8 for o in loose):
            outcome.predicted += 1
            outcome.extra.append((article, found[pi]))
    outcome.missed = [(article, q) for gi, q in enumerate(article.quotes) if gi not in used_gold]
    return outcome


def score(articles: Iterable[GoldArticle], suggest: Callable[[str], list[Suggestion]]) -> Outcome:
    """Run `suggest` on every article and add up the outcomes."""
    total = Outcome()
    for article in articles:
        total.add(score_article(article, suggest(article.text)))
    return total
