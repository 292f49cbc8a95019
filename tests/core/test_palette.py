"""Default colours: enough distinct ones for a hundred speakers and the whole codebook."""

from __future__ import annotations

import itertools
import json
import math
from importlib import resources

from annotator.core.palette import NAMED, SPEAKER_PALETTE, lab, palette_colour, speaker_colour


def _closest(colours: list[str]) -> float:
    """The smallest CIELAB distance (CIE76 delta E) between two of ``colours``."""
    return min(math.dist(lab(a), lab(b)) for a, b in itertools.combinations(colours, 2))


def test_a_hundred_speakers_get_a_hundred_colours() -> None:
    colours = [speaker_colour(n) for n in range(100)]
    assert len(set(colours)) == 100
    assert colours[: len(SPEAKER_PALETTE)] == list(SPEAKER_PALETTE)
    # About 10 is a clear difference side by side; 2.3 is the least anyone can see.
    assert _closest(colours) > 10


def test_colours_are_stable_and_well_formed() -> None:
    first = [palette_colour(n) for n in range(40)]
    assert first == [palette_colour(n) for n in range(40)]
    assert all(len(c) == 7 and c.startswith("#") and c == c.upper() for c in first)
    assert first[: len(NAMED)] == list(NAMED)


def test_default_codebook_gives_each_device_its_own_colour() -> None:
    raw = resources.files("annotator.resources").joinpath("codebook.json").read_text("utf-8")
    codebook = json.loads(raw)
    for kind in ("tones", "devices"):
        colours = [code["colour"].upper() for code in codebook[kind]]
        assert len(set(colours)) == len(colours), kind
        assert _closest(colours) > 10, kind
    assert len(codebook["devices"]) >= 21
