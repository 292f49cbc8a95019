"""Default colours: Okabe-Ito and Paul Tol first (distinguishable with the common
colour-vision deficiencies), then as many more as a corpus needs.

A corpus easily has a hundred speakers and the codebook twenty-odd devices; cycling ten
colours gave every tenth speaker the same one. After the hand-picked colours, each next
colour is the candidate (from a grid of hues, lightnesses and saturations) farthest in
CIELAB from every colour before it, so the palette never repeats and stays as far apart
as the screen's gamut allows.
"""

import colorsys
import math
from collections.abc import Iterable
from functools import cache

SPEAKER_PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
    "#D55E00", "#F0E442", "#332288", "#117733", "#882255",
)  # fmt: skip
# Paul Tol's "muted" scheme and a few of his "light" one, after the first ten.
EXTRA_PALETTE = ("#88CCEE", "#44AA99", "#999933", "#DDCC77", "#CC6677", "#AA4499", "#EE8866")
NAMED = SPEAKER_PALETTE + EXTRA_PALETTE
# Mid lightnesses only: a fill at 28 % must show on paper and keep black text readable.
_HUES = 40
_LIGHTNESS = (0.30, 0.40, 0.50, 0.60, 0.70)
_SATURATION = (0.45, 0.70, 0.95)


def _hex(red: float, green: float, blue: float) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in (red, green, blue)))


def lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of a ``#RRGGBB`` colour: distances there follow what people see."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@cache
def _candidates() -> tuple[tuple[str, tuple[float, float, float]], ...]:
    found: dict[str, tuple[float, float, float]] = {}
    for step in range(_HUES):
        for lightness in _LIGHTNESS:
            for saturation in _SATURATION:
                colour = _hex(*colorsys.hls_to_rgb(step / _HUES, lightness, saturation))
                found.setdefault(colour, lab(colour))
    return tuple(found.items())


class _Generated:
    """The palette beyond the named colours, extended on demand (farthest point first)."""

    def __init__(self) -> None:
        self.colours: list[str] = list(NAMED)
        self._left = list(_candidates())
        self._nearest = [min(math.dist(p, lab(c)) for c in NAMED) for _n, p in self._left]

    def upto(self, index: int) -> str:
        while len(self.colours) <= index and self._left:
            best = max(range(len(self._left)), key=self._nearest.__getitem__)
            colour, point = self._left.pop(best)
            self._nearest.pop(best)
            self._nearest = [
                min(d, math.dist(point, p))
                for d, (_n, p) in zip(self._nearest, self._left, strict=True)
            ]
            self.colours.append(colour)
        return self.colours[index % len(self.colours)]


@cache
def _generated() -> _Generated:
    return _Generated()


def palette_colour(index: int) -> str:
    """The ``index``-th default colour: the named ones, then generated ones, all distinct
    (up to several hundred: more than any codebook or speaker list here)."""
    if index < len(NAMED):
        return NAMED[index]
    return _generated().upto(index)


def speaker_colour(index: int) -> str:
    """The ``index``-th default speaker colour (the first ten are colour-blind safe)."""
    return palette_colour(index)


def next_speaker_colour(used: Iterable[str | None], count: int) -> str:
    """The colour for a new speaker: the first default colour no speaker has (``count``
    is how many speakers there are). The one colour policy of the project."""
    taken = {c.upper() for c in used if c}
    for index in range(count + len(taken) + 1):
        if palette_colour(index) not in taken:
            return palette_colour(index)
    return speaker_colour(count)
