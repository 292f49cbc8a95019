"""The briefing's two charts as PNG images (matplotlib, Agg canvas, 200 dpi).

Colours come from the codebook (the default codebook uses colour-blind-safe Okabe-Ito
and Tol colours); bars also carry their counts as text, so no reading depends on colour
alone. The figures are drawn on their own Agg canvas: no global backend switch, no GUI.
"""

from __future__ import annotations

import io
import re

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from annotator.io.briefing.model import DeviceFrequency, ToneBySpeaker
from annotator.io.briefing.stacked import draw_stacked
from annotator.io.common import xml_safe

DPI = 200
WIDTH_INCHES = 6.3
FONT = {"family": "DejaVu Sans", "size": 8}
TEXT_COLOUR = "#333333"
GRID_COLOUR = "#DDDDDD"
# Characters DejaVu Sans lacks (emoji and other astral symbols) would print as boxes.
_UNPRINTABLE = re.compile("[\U00010000-\U0010ffff\ufe0f]")


def _printable(label: str, width: int = 28) -> str:
    text = " ".join(_UNPRINTABLE.sub("", xml_safe(label)).split()) or "?"
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _style(figure: Figure) -> None:
    for axes in figure.axes:
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            axes.spines[side].set_color("#BBBBBB")
        axes.tick_params(colors=TEXT_COLOUR, labelsize=FONT["size"])
        axes.set_axisbelow(True)


def _png(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def tone_by_speaker_png(chart: ToneBySpeaker) -> bytes | None:
    """Stacked horizontal bars: one bar per speaker, one segment per tone, drawn by the
    analysis view's own ``draw_stacked`` from the same counts. None if empty."""
    if not chart.speakers or not chart.tones:
        return None
    height = 1.0 + 0.38 * len(chart.speakers)
    figure = Figure(figsize=(WIDTH_INCHES, height), layout="constrained")
    colours = {tone.name: tone.colour for tone in chart.tones}
    draw_stacked(figure, chart.table, colours, label=_printable, rows=chart.speakers,
                 series=[tone.name for tone in chart.tones])  # fmt: skip
    _style(figure)
    return _png(figure)


def device_frequency_png(chart: DeviceFrequency) -> bytes | None:
    """Horizontal bars: how often each rhetorical device was coded. None if empty."""
    if not chart.devices:
        return None
    height = 0.8 + 0.3 * len(chart.devices)
    figure = Figure(figsize=(WIDTH_INCHES, height), layout="constrained")
    axes = figure.add_subplot()
    positions = list(range(len(chart.devices)))[::-1]
    bars = axes.barh(
        positions,
        chart.counts,
        color=[d.colour for d in chart.devices],
        height=0.62,
    )
    axes.bar_label(bars, padding=3, fontsize=7, color=TEXT_COLOUR)
    axes.set_yticks(positions, [_printable(d.name) for d in chart.devices], fontdict=FONT)
    axes.set_xlabel("Quotes using the device", fontdict=FONT, color=TEXT_COLOUR)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlim(0, max(chart.counts) * 1.12 + 0.5)
    axes.grid(axis="x", color=GRID_COLOUR, linewidth=0.6)
    _style(figure)
    return _png(figure)
