"""`sentence_ends` finds exactly the ends the `_SENTENCE_END` pattern describes."""

from __future__ import annotations

import random
from pathlib import Path

from annotator.suggest import cues

ROOT = Path(__file__).resolve().parents[2]
PIECES = [
    *'aAbsStTmMrRpPxXeEgGuUkKoOnNcC. .. .!?…”’"»)]\n\t\x1c\x1f\u00a0ſKİı1é É_-',
    *("Mr", "mrs", "U.S", "e.g", "i.e", "approx", "Sept", "no", "vs", "A.", "  ", "etc"),
]


def reference(text: str) -> list[int]:
    return [m.end() for m in cues._SENTENCE_END.finditer(text)]


def test_random_texts() -> None:
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        assert cues.sentence_ends(text) == reference(text), repr(text)


def test_articles() -> None:
    paths = [ROOT / "resources" / "sample-article.txt"]
    paths += sorted((ROOT / "tests" / "data" / "suggest").glob("*.txt"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert cues.sentence_ends(text) == reference(text), path.name


def test_cue_forms_have_no_edge_punctuation() -> None:
    """`first_cue_word` relies on it: a word is a cue exactly when its stripped form is."""
    assert all(form.strip(cues._EDGE_PUNCT) == form for form in cues._CUE_FORMS)
