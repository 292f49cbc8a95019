"""Colours and type: which colour a quote gets, how layers blend, the reading font."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from itertools import chain
from operator import attrgetter

from PySide6.QtGui import QColor, QFont

from annotator.core import Codebook, Speaker, Status
from annotator.core.listing import QuoteView
from annotator.core.palette import palette_colour, speaker_colour

UNCODED = "#8C8C8C"
PAGE = QColor("#FCFBF8")
INK = QColor("#1F1F1F")
FILL_ALPHA = 0.28  # light fills keep dark text readable over any palette colour
SELECTED_ALPHA = 0.42
READING_WIDTH = 760  # pixels of text column at most, like a printed page


class ColourBy(StrEnum):
    """What a quote's highlight colour shows."""

    SPEAKER = "speaker"
    TONE = "tone"
    DEVICE = "device"

    @property
    def label(self) -> str:
        return {"speaker": "Speaker", "tone": "Tone", "device": "Device"}[self.value]


class Colours:
    """The colour of each speaker, tone and device, looked up by name."""

    def __init__(self, speakers: Iterable[Speaker] = (), codebook: Codebook | None = None) -> None:
        self.speakers: dict[str, str] = {}
        for n, s in enumerate(speakers):
            self.speakers[s.name] = s.colour or speaker_colour(n)
        codebook = codebook or Codebook()
        # A code without a colour of its own still gets one no other code of its kind has.
        tones = _distinct(c.colour for c in codebook.tones)
        self.tones = {c.name: tones[n] for n, c in enumerate(codebook.tones)}
        devices = _distinct(c.colour for c in codebook.devices)
        self.devices = {c.name: devices[n] for n, c in enumerate(codebook.devices)}

    def of_name(self, name: str | None, by: ColourBy) -> QColor:
        """The colour of one speaker, tone or device (grey when it has none)."""
        table = {ColourBy.SPEAKER: self.speakers, ColourBy.TONE: self.tones}
        return QColor(table.get(by, self.devices).get(name or "") or UNCODED)

    def of(self, annotation: QuoteView, by: ColourBy) -> QColor:
        if by is ColourBy.SPEAKER:
            name = self.speakers.get(annotation.speaker or "")
        elif by is ColourBy.TONE:
            name = self.tones.get(annotation.tone or "")
        else:
            first = annotation.devices[0] if annotation.devices else ""
            name = self.devices.get(first)
        return QColor(name or UNCODED)


def _distinct(colours: Iterable[str | None]) -> list[str]:
    """The given colours, with each missing one replaced by an unused palette colour."""
    wanted = list(colours)
    taken = {c.upper() for c in wanted if c}
    spare = (c for c in (palette_colour(n) for n in range(10_000)) if c not in taken)
    return [c or next(spare) for c in wanted]


def blend(layers: Iterable[tuple[QColor, float]], base: QColor = PAGE) -> QColor:
    """Paint each (colour, alpha) over ``base`` in turn: overlapping quotes mix visibly."""
    r, g, b = base.redF(), base.greenF(), base.blueF()
    for colour, alpha in layers:
        r = r * (1 - alpha) + colour.redF() * alpha
        g = g * (1 - alpha) + colour.greenF() * alpha
        b = b * (1 - alpha) + colour.blueF() * alpha
    return QColor.fromRgbF(r, g, b)


def legend_html(annotations: Sequence[QuoteView], colours: Colours, by: ColourBy) -> str:
    """Coloured chips naming what the colours of this document's quotes stand for."""
    # Read with ``attrgetter`` over thousands of quotes: no Python step per quote.
    if by is ColourBy.SPEAKER:
        keys = set(map(attrgetter("speaker"), annotations))
    elif by is ColourBy.TONE:
        keys = set(map(attrgetter("tone"), annotations))
    else:  # every device: a quote with three shows three colours
        keys = set(chain.from_iterable(set(map(attrgetter("devices"), annotations))))
    names = {key: colours.of_name(key, by) for key in keys if key}
    suggested = Status.SUGGESTED in set(map(attrgetter("status"), annotations))
    if not names and not suggested:
        return ""
    chips = (
        f"<span style='background:{blend([(c, FILL_ALPHA)]).name()};"
        f" border-bottom:2px solid {c.name()};'>&nbsp;{_escape(n)}&nbsp;</span>"
        for n, c in sorted(names.items(), key=lambda item: item[0].casefold())
    )
    legend = f"{by.label}: " + " &nbsp; ".join(chips) if names else ""
    if suggested:
        legend += " &nbsp; <span style='color:#777'>╌╌ dashed: suggested</span>"
    return legend


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def reading_font(point_size: float = 12.5) -> QFont:
    """A serif for long reading, falling back through common families."""
    font = QFont()
    font.setFamilies(["Source Serif 4", "Charter", "Georgia", "C059", "DejaVu Serif", "serif"])
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font
