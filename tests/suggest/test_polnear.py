"""Quality floors on real news: PolNeAR's train split in ../shared/eval (skipped when it is
not there), in the fixed split bench/eval_quality.py uses: a quarter of the files, chosen
by a hash of their names, is held out to check that what is tuned on the rest generalises.
Floors sit a little under the figures measured when they were set; the bench prints the
full table and the errors by kind."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from annotator.app.suggesting import DocumentText, find_suggestions
from annotator.suggest import suggest
from annotator.suggest.scoring import Outcome, load_gold, score, score_article

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
POLNEAR = SHARED / "polnear-train"

pytestmark = pytest.mark.skipif(
    not (POLNEAR / "gold.jsonl").exists(), reason="../shared/eval/polnear-train is absent"
)


def held_out(name: str) -> bool:
    return zlib.crc32(name.encode("utf-8")) % 4 == 0


@pytest.mark.parametrize(
    ("part", "f1_floor", "speaker_floor"),
    [
        # measured 0.931 / 0.866 (from 0.900 / 0.777 before the strategies were reworked)
        ("train", 0.92, 0.858),
        # measured 0.944 / 0.866 (from 0.912 / 0.784), kept out of development
        ("held", 0.93, 0.858),
    ],
)
def test_polnear_quality_holds_its_floor(part: str, f1_floor: float, speaker_floor: float) -> None:
    articles = load_gold(POLNEAR, lambda name: held_out(name) == (part == "held"))
    outcome = score(articles, suggest)
    assert outcome.f1 >= f1_floor, (outcome.precision, outcome.recall, outcome.f1)
    assert outcome.speaker_accuracy >= speaker_floor, outcome.speaker_accuracy


def test_speakers_learned_from_earlier_articles_cost_no_accuracy() -> None:
    """Run as `annotator suggest --all` runs a project (each article knows the speakers
    found before it), all of PolNeAR train scores as well as each article alone does."""
    articles = sorted(load_gold(POLNEAR), key=lambda a: a.name)
    documents = [DocumentText(n, a.name, a.text) for n, a in enumerate(articles)]
    learning = Outcome()
    for (_, found), article in zip(find_suggestions(documents, []), articles, strict=True):
        learning.add(score_article(article, found))
    alone = score(articles, suggest)
    assert learning.speaker_accuracy >= alone.speaker_accuracy - 0.001
    assert learning.speaker_accuracy >= 0.858  # measured 0.864 (0.847 before)


@pytest.mark.skipif(not (SHARED / "gold.jsonl").exists(), reason="../shared/eval is absent")
def test_the_seed_article_is_all_right() -> None:
    outcome = score(load_gold(SHARED), suggest)
    assert outcome.f1 == 1.0 and outcome.speaker_accuracy == 1.0
