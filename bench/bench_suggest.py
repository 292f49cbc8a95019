"""Throughput of the suggestion engine on about 5 MB of generated news-like text.

Usage: python bench/bench_suggest.py [MEGABYTES] [RUNS]

Builds articles from templates (quotes in several styles, cues before and after, pronouns,
titles, multi-paragraph quotes), then times `suggest()` on each article on one core, RUNS
times (default 3), measuring CPU time (`time.process_time()`). The last line is the median
MB/s (1 MB = 10^6 bytes of UTF-8).

Generated text repeats a few sentences; it is followed by the same measure on the articles
written for the tests (tests/data: denser in quotes, more varied), each suggested 50 times.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

from annotator.suggest import suggest

ROOT = Path(__file__).resolve().parents[1]

FIRST = ["Helena", "Tomas", "Rebecca", "Daniel", "Claire", "Markus", "Laura", "Mark", "Sofia"]
LAST = ["Marsh", "Varga", "Ashworth", "Okafor", "Dubois", "Halder", "Kim", "Ellison", "Brandt"]
TITLES = ["Foreign Minister", "Senator", "Mayor", "Opposition leader", "Trade Secretary"]
PLACES = ["Port Ellery", "Strasbourg", "the capital", "Northbridge", "the border region"]
CLAUSES = [
    "We will not accept a deal that leaves our farmers behind",
    "This is like a house built on sand, and everyone in the room knows it",
    "Why should families pay for mistakes they did not make?",
    "The talks were constructive, but there is still a long way to go",
    "They promised reform and delivered nothing but chaos",
    "If the agency cannot account for the money, there will be consequences",
    "Our door remains open, and we hope they walk through it",
]
FILLER = [
    "The meeting in {place} lasted more than four hours and ended without a joint statement.",
    "Officials on both sides had played down expectations before the session began.",
    "Analysts said the dispute could take months to resolve, with elections due next spring.",
    "The so-called “reset” has rumbled on since the summer, despite several rounds of talks.",
    "Negotiators worked through the night on a draft covering tariffs, quotas and inspections.",
    "Opposition parties have seized on the row, accusing the government of mishandling it.",
    "Trade between the two countries fell by almost a fifth last year, official figures show.",
    "A second round of talks is pencilled in for next month, although no date has been set.",
    "Business groups have warned that prolonged uncertainty is already hurting investment.",
    "The dispute dates back to an agreement signed in 2019 that both sides now say is outdated.",
]


def narrative(rng: random.Random, place: str) -> str:
    """A paragraph of reporting without quotes (two to four sentences)."""
    return " ".join(rng.sample(FILLER, rng.randint(2, 4))).format(place=place)


def article(rng: random.Random) -> str:
    """One generated article of roughly 3-5 KB, with about three quotes per KB like wire copy."""
    a, b = rng.sample(range(len(FIRST)), 2)
    first = (FIRST[a], LAST[a])
    second = (FIRST[b], LAST[b])
    place = rng.choice(PLACES)
    lines = [
        f"{rng.choice(TITLES)} {first[0]} {first[1]} and {second[0]} {second[1]} met in "
        f"{place} on Tuesday. 🤝"
    ]
    for _ in range(rng.randint(6, 10)):
        q1, q2 = rng.sample(CLAUSES, 2)
        name = rng.choice([first, second])
        pattern = rng.randrange(7)
        if pattern == 0:
            lines.append(f"“{q1},” {name[1]} told reporters. “{q2}.”")
        elif pattern == 1:
            lines.append(f'"{q1}," said {name[0]} {name[1]}, who has led the talks since March.')
        elif pattern == 2:
            lines.append(f"{name[1]} warned: « {q1}. » Then {q2.lower()}, aides said.")
        elif pattern == 3:
            lines.append(f"‘{q1},’ she added, ‘and that won’t change.’")
        elif pattern == 4:
            lines.append(f"“{q1}.\n“{q2},” he continued.")
        elif pattern == 5:
            lines.append(f"According to {name[0]} {name[1]}, „{q1}“.")
        else:
            lines.append(narrative(rng, place))
        lines.append(narrative(rng, place))
    return "\n".join(lines) + "\n"


def _engine() -> str:
    """Which engine answers: the modules compiled to C, or the Python ones."""
    try:
        from annotator.suggest.native import in_use
    except ImportError:  # a checkout from before the engine could be compiled
        return "plain Python"
    return "compiled (mypyc)" if in_use() else "plain Python (SPEECHMARK_NATIVE=off, or not built)"


def main() -> int:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    rng = random.Random(7)
    articles: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        articles.append(article(rng))
        size += len(articles[-1].encode("utf-8"))
    written = [ROOT / "resources" / "sample-article.txt", *sorted(ROOT.glob("tests/data/**/*.txt"))]
    texts = [path.read_text(encoding="utf-8") for path in written]
    for text in [articles[0], *texts]:
        suggest(text)  # load the word lists and name data (sentiment, genders, places) once
    print(f"engine: {_engine()}")
    rates: list[float] = []
    for run in range(1, runs + 1):
        started, cpu = time.perf_counter(), time.process_time()
        count = sum(len(suggest(text)) for text in articles)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        rates.append(size / 1e6 / cpu)
        print(
            f"run {run}: {len(articles)} articles, {size / 1e6:.2f} MB, {count} suggestions, "
            f"{cpu:.2f} s CPU ({rates[-1]:.2f} MB/s), {elapsed:.2f} s wall"
        )
    print(f"{statistics.median(rates):.2f} MB/s (median of {runs} runs, CPU time, one core)")
    size = sum(len(text.encode("utf-8")) for text in texts) * 50
    cpu = time.process_time()
    count = sum(len(suggest(text)) for _ in range(50) for text in texts)
    cpu = time.process_time() - cpu
    print(
        f"written articles: {len(texts)} x 50, {size / 1e6:.2f} MB, {count} suggestions, "
        f"{cpu:.2f} s CPU: {size / 1e6 / cpu:.2f} MB/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
