"""Words for what the briefing shows in figures: the title page's "at a glance" lines and
the charts' alternative text (read aloud by screen readers, shown when images are off)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from annotator.core.corpus import Corpus
from annotator.core.wording import plural

if TYPE_CHECKING:
    from annotator.io.briefing.model import DeviceFrequency, ToneBySpeaker

GLANCE_NAMES = 3  # speakers, tones or devices named per line


def _listed(counts: Counter[str], total: int | None = None) -> str:
    """The most frequent names first (ties in alphabetical order), with count or share."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
    parts = []
    for name, count in ranked[:GLANCE_NAMES]:
        share = f"{round(100 * count / total)}%" if total else plural(count, "quote")
        parts.append(f"{name} ({share})")
    return ", ".join(parts)


def at_a_glance(corpus: Corpus) -> tuple[tuple[str, str], ...]:
    """The briefing in four lines: size, who is quoted most, the tones, the devices."""
    quotes = corpus.annotations
    named = len({a.speaker for a in quotes if a.speaker})
    lines = [
        (
            "Quotes",
            f"{plural(len(quotes), 'quote')} from {plural(named, 'named speaker')}"
            f" in {plural(len(corpus.documents), 'document')}",
        )
    ]
    speakers = Counter(a.speaker for a in quotes if a.speaker)
    if speakers:
        lines.append(("Most quoted", _listed(speakers)))
    tones = Counter(a.tone for a in quotes if a.tone)
    if tones:
        lines.append(("Main tones", _listed(tones, len(quotes))))
    devices = Counter(d for a in quotes for d in a.devices)
    if devices:
        lines.append(("Main devices", _listed(devices)))
    return tuple(lines)


def tone_chart_text(chart: ToneBySpeaker) -> str:
    """Alternative text for the tone-by-speaker chart: each bar, in words."""
    bars = []
    for column, speaker in enumerate(chart.speakers):
        parts = [
            f"{counts[column]} {tone.name}"
            for tone, counts in zip(chart.tones, chart.counts, strict=True)
            if counts[column]
        ]
        total = sum(counts[column] for counts in chart.counts)
        bars.append(f"{speaker}: {plural(total, 'quote')} ({', '.join(parts)})")
    return "Bar chart of quotes per speaker, split by tone. " + "; ".join(bars) + "."


def device_chart_text(chart: DeviceFrequency) -> str:
    """Alternative text for the device-frequency chart."""
    bars = [
        f"{device.name}: {count}" for device, count in zip(chart.devices, chart.counts, strict=True)
    ]
    return "Bar chart of how many quotes use each rhetorical device. " + "; ".join(bars) + "."
