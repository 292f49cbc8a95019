"""Stacked horizontal bars from a crosstab: the one chart drawing the briefing and the
workspace's analysis view share, so both show the same figure for the same numbers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from annotator.core.stats import Crosstab

TEXT_COLOUR = "#333333"
GRID_COLOUR = "#DDDDDD"
FONT_SIZE = 8
FALLBACK = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
    "#332288", "#117733", "#882255", "#44AA99", "#999933", "#AA4499", "#888888",
)  # fmt: skip


@dataclass(frozen=True)
class Segment:
    """One drawn piece of a bar: which cell of the crosstab it shows."""

    row: str
    series: str
    count: int


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#RRGGBB)."""
    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#FFFFFF"


def draw_stacked(
    figure: Figure,
    table: Crosstab,
    colours: dict[str, str] | None = None,
    *,
    max_rows: int = 20,
    label: Callable[[str], str] = str,
    rows: Sequence[str] | None = None,
    series: Sequence[str] | None = None,
) -> list[tuple[object, Segment]]:
    """Draw ``table`` (two dimensions) on ``figure``: one bar per value of the first, one
    segment per value of the second, counts written on the segments. Returns each bar
    patch with the cell it shows (for click-through).

    Bars and segments come most quotes first (at most ``max_rows`` bars), unless ``rows``
    or ``series`` give their order (the briefing keeps its tones in codebook order)."""
    rows = list(rows) if rows is not None else table.values(0)[:max_rows]
    series = list(series) if series is not None else table.values(1)
    axes = figure.add_subplot()
    positions = list(range(len(rows)))[::-1]  # the biggest on top
    left = [0] * len(rows)
    drawn: list[tuple[object, Segment]] = []
    for n, name in enumerate(series):
        counts = [table.counts.get((row, name), 0) for row in rows]
        colour = (colours or {}).get(name) or FALLBACK[n % len(FALLBACK)]
        bars = axes.barh(positions, counts, left=left, color=colour, label=label(name),
                         height=0.62, edgecolor="white", linewidth=0.8, picker=True)  # fmt: skip
        axes.bar_label(bars, labels=[str(c) if c else "" for c in counts], label_type="center",
                       fontsize=7, color=text_colour(colour))  # fmt: skip
        cells = zip(bars, rows, counts, strict=True)
        drawn += [(patch, Segment(row, name, c)) for patch, row, c in cells if c]
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(positions, [label(r) for r in rows], fontsize=FONT_SIZE)
    axes.set_xlabel("Quotes", fontsize=FONT_SIZE, color=TEXT_COLOUR)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="x", color=GRID_COLOUR, linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if series:
        figure.legend(loc="outside lower center", ncol=min(5, len(series)), frameon=False,
                      fontsize=7)  # fmt: skip
    return drawn
