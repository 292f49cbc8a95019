"""The speech-cue patterns give the same matches in `re` as in `regex` on plain text, and
texts on which the engines could disagree are kept on `regex`."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from annotator.suggest import cues, names, suggest
from annotator.suggest.stdlib_rx import Dual, plain, stdlib_pattern

ROOT = Path(__file__).resolve().parents[2]
DUALS = {
    name: value
    for module in (cues, names)
    for name, value in vars(module).items()
    if isinstance(value, Dual)
}
PIECES = [
    *"aAzZ  .,:;’'-—\u00a0\n1éÉßΩ_(“”\"",
    *("said ", "told ", "she ", "He ", "the minister ", "according to ", "Foreign Secretary "),
    *("Liz Truss", "Marsh", "Russia’s ", "who ", "later ", "quickly ", "de ", "of the "),
    *("_____", "Mr. ", ", 54, ", "spokeswoman ", "Sergey Lavrov", "🤝"),
]


def _spans(pattern: object, text: str, start: int, end: int) -> list[tuple[object, ...]]:
    return [
        (m.span(), *(m.span(g) for g in range(1, m.re.groups + 1)))
        for m in pattern.finditer(text, start, end)  # type: ignore[attr-defined]
    ]


def test_the_cue_patterns_are_dual() -> None:
    assert {"AFTER_SUBJECT_VERB", "BEFORE_SUBJECT_VERB", "SENTENCE_SUBJECT_VERB"} <= set(DUALS)


@pytest.mark.parametrize("name", sorted(DUALS))
def test_random_plain_texts_match_alike(name: str) -> None:
    dual = DUALS[name]
    rng = random.Random(name)
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        assert plain(text)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for a, b in ((0, len(text)), (start, end)):
            assert _spans(dual.std, text, a, b) == _spans(dual.rx, text, a, b), (text, a, b)


def test_articles_match_alike() -> None:
    paths = [ROOT / "resources" / "sample-article.txt"]
    paths += sorted((ROOT / "tests" / "data" / "suggest").glob("*.txt"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert plain(text), path.name
        for name, dual in DUALS.items():
            assert _spans(dual.std, text, 0, len(text)) == _spans(dual.rx, text, 0, len(text)), (
                path.name,
                name,
            )


@pytest.mark.parametrize(
    "text",
    [
        "area of 40 km² said Marsh",  # a superscript digit: \w in `re`, not in `regex`
        "Jose\u0301 Marti said",  # a combining accent
        "said \U0001d400lan Marsh",  # a letter beyond the BMP
        "said Marsh\x1d",  # a separator `re` counts as whitespace
    ],
)
def test_disputed_texts_are_not_plain(text: str) -> None:
    assert not plain(text)


def test_emoji_and_accents_stay_plain() -> None:
    assert plain("“Non,” a dit Frédéric Müller-Łukasz. 🤝 Ωmega")


def test_suggestions_are_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "tests" / "data" / "suggest" / "harbour_talks.txt").read_text(encoding="utf-8")
    fast = suggest(text)
    monkeypatch.setattr(cues, "plain", lambda _text: False)
    assert suggest(text) == fast


def test_translation_spells_out_properties() -> None:
    translated = stdlib_pattern(r"[\p{Lu}x]\p{Ll}[^\p{L}]")
    assert "\\p" not in translated
    assert translated.startswith("[A-Z")
    assert "[^" in translated


def test_a_verb_then_subject_before_a_quote_ends_in_a_comma_or_colon() -> None:
    """`before_cue` tries BEFORE_VERB_SUBJECT only where its ending is found: never where
    the whole pattern would have matched."""
    rng = random.Random("ending")
    pieces = [*PIECES, "said ", "added ", ", ", ": ", "  "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        start = rng.randint(0, len(text))
        for engine in (True, False):
            if cues.BEFORE_VERB_SUBJECT.on(engine).search(text, start):
                assert cues._COMMA_OR_COLON_END.on(engine).search(text, start), text
    cue = cues.before_cue(cues.CueIndex("and said Marsh, "), 0, len("and said Marsh, "))
    assert cue is not None and cue.subject == "Marsh"
