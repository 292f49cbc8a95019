"""Quote and speaker quality on every gold set at hand, with errors grouped by kind.

Usage: python bench/eval_quality.py [-v] [--examples N] [--only NAME] [--learning]

Scores `suggest()` in process on the seed article and the PolNeAR train articles in
../shared/eval (its fixed split: "train" to develop against, "held" kept to check that
gains generalise), and on the articles written for the tests (tests/data/heldout,
heldout2). Under each PolNeAR part, a second row scores the same articles with their gold
quotations whole, as bench/polnear_gold.py reads the corpus's annotation. Prints one row
per set: quotes gold, precision / recall / F1, speaker accuracy, seconds of CPU. With -v,
the missed, extra and wrongly attributed quotes of each set are counted by kind of error,
with a few examples of each (never read one case as a rule); the held-out sets show counts
only, unless --show-held. With --learning, each set is run as `annotator suggest --all`
runs a project: the speakers found in one article are known speakers in the next.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path

from annotator.app.suggesting import learn_speakers
from annotator.core import Speaker
from annotator.suggest import Suggestion, suggest
from annotator.suggest.lexicon import words
from annotator.suggest.scoring import GoldArticle, Outcome, load_gold, name_words, score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear_gold import with_whole_quotations  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
POLNEAR = SHARED / "polnear-train"
_MONTHS_DAYS = words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)


HELD = ("polnear held", "polnear held, whole", "tests/data/heldout2")


def held_out(name: str) -> bool:
    """The fixed quarter of PolNeAR train files kept out of development (by file name)."""
    return zlib.crc32(name.encode("utf-8")) % 4 == 0


def gold_sets() -> dict[str, Callable[[], list[GoldArticle]]]:
    sets: dict[str, Callable[[], list[GoldArticle]]] = {}
    if (SHARED / "gold.jsonl").exists():
        sets["seed article"] = lambda: load_gold(SHARED)
    if (POLNEAR / "gold.jsonl").exists():
        whole = (POLNEAR / "attributions").is_dir()
        for part, names in (("train", _developed), ("held", held_out)):
            sets[f"polnear {part}"] = partial(load_gold, POLNEAR, names)
            if whole:
                # The same articles, their gold quotations carried on to their closing
                # marks where the annotators went on sentence by sentence.
                sets[f"polnear {part}, whole"] = partial(_whole, names)
    for folder in ("heldout", "heldout2"):
        path = ROOT / "tests" / "data" / folder
        sets[f"tests/data/{folder}"] = lambda path=path: load_gold(path)  # type: ignore[misc]
    return sets


def _developed(name: str) -> bool:
    return not held_out(name)


def _whole(names: Callable[[str], bool]) -> list[GoldArticle]:
    return with_whole_quotations(load_gold(POLNEAR, names), POLNEAR / "attributions")


def learning() -> Callable[[str], list[Suggestion]]:
    """`suggest` that knows the speakers it found in the texts given it before."""
    known: list[Speaker] = []

    def run(text: str) -> list[Suggestion]:
        found = suggest(text, known)
        learn_speakers(known, found)
        return found

    return run


def _words(text: str) -> int:
    return len(text.split())


def missed_kind(
    article: GoldArticle, quote: dict[str, object], found: list[tuple[int, int]]
) -> str:
    start, end = int(quote["start"]), int(quote["end"])  # type: ignore[call-overload]
    if any(s < end and start < e for s, e in found):
        return "span differs from a suggestion"
    text = str(quote["text"])
    if _words(text) <= 4:
        before = article.text[max(0, start - 40) : start].rstrip()
        return "short phrase in a sentence" if before[-1:].isalpha() else "short phrase"
    if text[:1] in "'‘":
        return "long, single marks"
    return "long quote"


def extra_kind(article: GoldArticle, start: int, end: int, speaker: str | None) -> str:
    gold = [(int(q["start"]), int(q["end"])) for q in article.quotes]  # type: ignore[call-overload]
    if any(s < end and start < e for s, e in gold):
        return "span differs from a gold quote"
    words = _words(article.text[start:end])
    if words <= 4:
        return "short phrase"
    return "long, no speaker" if speaker is None else "long, with speaker"


def wrong_kind(article: GoldArticle, gold: str, predicted: str | None) -> str:
    if predicted is None:
        return "no speaker"
    gold_words = name_words(gold)
    if gold_words and gold_words[-1] not in article.text.lower():
        return "gold name not in the text"
    low = predicted.lower().split()
    if any(w in _MONTHS_DAYS for w in low):
        return "weekday or month as speaker"
    parts = {p for w in gold_words for p in re.split(r"[-']", w)}
    if set(name_words(predicted)) & parts:
        return "part of the gold name"
    if len(low) > 4 or any(len(w.strip(".")) < 2 for w in low):
        return "not a name"
    if predicted.split()[-1].lower() not in article.text.lower():
        return "speaker made up"
    return "another person or body"


def breakdown(outcome: Outcome, examples: int) -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article, s in outcome.extra:
        spans[article.name].append((s.start, s.end))
    for article, quote in outcome.missed:
        kind = missed_kind(article, quote, spans[article.name])
        groups[f"missed: {kind}"].append(f"{str(quote['text'])[:80]!r} ({quote.get('speaker')})")
    for article, s in outcome.extra:
        kind = extra_kind(article, s.start, s.end, s.speaker)
        groups[f"extra: {kind}"].append(f"{s.quote[:80]!r} ({s.speaker})")
    for article, quote, s in outcome.wrong:
        kind = wrong_kind(article, str(quote["speaker"]), s.speaker)
        groups[f"wrong speaker: {kind}"].append(
            f"{str(quote['text'])[:60]!r} gold {quote['speaker']!r}, got {s.speaker!r} "
            f"[{s.why[:60]}]"
        )
    by_strategy: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for _, _, s, correct in outcome.judged:
        strategy = next((r[3:] for r in s.why.split("; ") if r.startswith("by ")), "none")
        if '" resolved to' in s.why:
            strategy += " (pronoun or role)"
        by_strategy[strategy] += 1
        right[strategy] += correct
    for strategy, count in by_strategy.most_common():
        print(f"  {count:5d}  speaker by {strategy}: {right[strategy] / count:.2f} right")
    counts = Counter({kind: len(items) for kind, items in groups.items()})
    for kind, count in sorted(counts.items()):
        print(f"  {count:5d}  {kind}")
        for line in groups[kind][:examples]:
            print(f"         {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="errors by kind")
    parser.add_argument("--examples", type=int, default=3, help="examples per kind with -v")
    parser.add_argument("--only", default="", help="score only sets whose name contains this")
    parser.add_argument(
        "--show-held", action="store_true", help="with -v, examples of held-out sets too"
    )
    parser.add_argument(
        "--learning", action="store_true", help="speakers found in one article known in the next"
    )
    args = parser.parse_args()
    print(f"{'set':<22} {'articles':>8} {'quotes':>7}  {'P':>5} {'R':>5} {'F1':>5}  "
          f"{'speaker':>7}  {'CPU s':>5}")  # fmt: skip
    for name, load in gold_sets().items():
        if args.only not in name:
            continue
        articles = load()
        cpu = time.process_time()
        outcome = score(articles, learning() if args.learning else suggest)
        cpu = time.process_time() - cpu
        print(
            f"{name:<22} {len(articles):>8} {outcome.gold:>7}  {outcome.precision:.3f} "
            f"{outcome.recall:.3f} {outcome.f1:.3f}  {outcome.speaker_accuracy:>7.3f}  {cpu:>5.1f}"
        )
        if args.verbose:
            # A held-out set's examples stay unread unless asked for: reading them would
            # make it a development set.
            shown = args.examples if args.show_held or name not in HELD else 0
            breakdown(outcome, shown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
