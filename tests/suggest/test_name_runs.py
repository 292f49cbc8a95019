"""The stdlib scan for capitalised runs finds exactly what `RUN_RX` finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from annotator.suggest import names
from annotator.suggest.stdlib_rx import needs_regex

ROOT = Path(__file__).resolve().parents[2]
PIECES = [
    *"aAbBzZ  .’'-\u00a0\n1٣éÉßẞǅ\u0301Ωω_,(“",
    *("de ", "van ", "von der ", "Mr.", "O’Brien", "al-", "Jo", "Marsh", "ǈ", "\U0001f91d"),
]


def _both(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    expected = [m.span() for m in names.RUN_RX.finditer(text, start, end)]
    found = [m.span() for m in names._RUN_BMP_RX.finditer(text, start, end)]
    return expected, found


def test_random_texts() -> None:
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for a, b in ((0, len(text)), (start, end)):
            expected, found = _both(text, a, b)
            assert found == expected, (text, a, b)


def test_astral_letters_fall_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Letters beyond the BMP (in the range or just before it) send the scan to `regex`."""
    text = "Met \U0001d400lan Marsh and Jo \U00010400Xa Varga, \U00010400Varga."
    expected, found = _both(text, 0, len(text))
    assert found != expected  # the stdlib pattern alone would be wrong here
    seen = {start: list(names.names_in(text, start, len(text))) for start in range(len(text))}
    monkeypatch.setattr(names, "_RUN_BMP_RX", names.RUN_RX)
    for start, found_names in seen.items():
        assert found_names == list(names.names_in(text, start, len(text))), start


def test_articles() -> None:
    paths = [ROOT / "resources" / "sample-article.txt"]
    paths += sorted((ROOT / "tests" / "data" / "suggest").glob("*.txt"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        expected, found = _both(text, 0, len(text))
        assert found == expected, path.name


def test_needs_regex() -> None:
    assert not needs_regex("“No,” she said. 🤝")
    assert needs_regex("“No,” said \U0001d400lan.")
    assert needs_regex("x \U00010400", 2) and not needs_regex("x \U00010400", 0, 2)


def test_every_role_noun_is_read_before_a_name() -> None:
    for noun in sorted(names.lexicon.ROLE_NOUNS):
        text = f"the {noun} Marsh"
        assert names._role_before(text, len(text) - len("Marsh")) == noun
    assert names._role_before("the plumber Marsh", 12) == ""
