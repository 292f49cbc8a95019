"""The briefing as plain data: what a decision-maker reads, before any Word formatting.

``build_briefing`` turns a Corpus into sections of quote blocks, a summary (counts, the
most-quoted speakers with their dominant tone) and the data of the two charts. Renderers
(``render_docx``) only lay this out, so the content can be tested without a document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Code, Document
from annotator.core.stats import NONE, Crosstab, crosstab
from annotator.io.briefing.describe import at_a_glance
from annotator.io.common import (
    colour_or_default,
    documents_in_order,
    is_rtl,
    public_url,
    sentence_around,
    xml_safe,
)

GROUPINGS = ("speaker", "document", "tone")
UNATTRIBUTED = "Unattributed"
NO_TONE = "No tone"
# "No tone" must not look like a tone (the default codebook's "neutral" is mid grey).
NO_TONE_GREYS = ("#DDDDDD", "#C6C6C6", "#EEEEEE", "#B0B0B0")
# A quote cut where the attribution starts keeps the comma before it ("…the threats,").
_TRAILING = re.compile(r"\s*[,;:]+\s*(?=[\"'\u201d\u2019\u00bb\u203a]*$)")
TOP_SPEAKERS = 8
TOP_DEVICES = 12
MIN_CONTEXT_EXTRA = 12  # characters a context must add to the quote to be printed
_MONTHS = "January February March April May June July August September October November December"


@dataclass(frozen=True)
class Label:
    """A tone or device as shown to readers: its name and colour (``#RRGGBB``)."""

    name: str
    colour: str


@dataclass(frozen=True)
class QuoteBlock:
    """One quote with everything printed around it."""

    text: str
    speaker: str
    role: str | None
    outlet: str | None
    published: str | None
    document_title: str
    tone: Label | None
    devices: tuple[Label, ...]
    note: str | None
    context: str | None
    rtl: bool

    @property
    def attribution(self) -> str:
        """``Speaker, role · Outlet · 30 April 2024`` (parts that are known)."""
        who = f"{self.speaker}, {self.role}" if self.role else self.speaker
        where = self.outlet or self.document_title
        return " \u00b7 ".join(p for p in (who, where, format_day(self.published)) if p)


@dataclass(frozen=True)
class Section:
    """A group of quotes under one heading (a speaker, a document or a tone)."""

    heading: str
    subheading: str | None
    quotes: tuple[QuoteBlock, ...]


@dataclass(frozen=True)
class SpeakerRow:
    name: str
    role: str | None
    quotes: int
    dominant_tone: Label | None


@dataclass(frozen=True)
class ToneBySpeaker:
    """Quotes by speaker and tone, counted by ``core.stats.crosstab`` as the analysis view
    and ``annotator stats`` count them ("Unattributed" and "No tone" for quotes without):
    the most-quoted speakers, the tones in codebook order."""

    table: Crosstab
    speakers: tuple[str, ...]
    tones: tuple[Label, ...]

    @property
    def counts(self) -> tuple[tuple[int, ...], ...]:
        """Per tone, the count of each speaker shown."""
        return tuple(
            tuple(self.table.counts.get((speaker, tone.name), 0) for speaker in self.speakers)
            for tone in self.tones
        )


@dataclass(frozen=True)
class DeviceFrequency:
    devices: tuple[Label, ...]
    counts: tuple[int, ...]


@dataclass(frozen=True)
class SourceEntry:
    title: str
    outlet: str | None
    published: str | None
    link: str | None


@dataclass(frozen=True)
class ReliabilityTable:
    """How far the analysts behind the quotes agree (an appendix, when asked for)."""

    analysts: tuple[str, ...]
    documents: int  # coded by at least two of them
    rows: tuple[tuple[str, str, str, str, str], ...]  # measure, F1, kappa, alpha, units


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing says, in reading order."""

    title: str
    analyst: str | None
    prepared: date
    scope: tuple[tuple[str, str], ...]
    glance: tuple[tuple[str, str], ...]
    document_count: int
    quote_count: int
    speaker_count: int
    top_speakers: tuple[SpeakerRow, ...]
    tone_chart: ToneBySpeaker
    device_chart: DeviceFrequency
    group_by: str
    sections: tuple[Section, ...]
    sources: tuple[SourceEntry, ...]


def format_day(value: str | None) -> str:
    """``2024-04-30`` -> ``30 April 2024``; ``2024-04`` -> ``April 2024``; else unchanged."""
    if not value:
        return ""
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return value
    months = _MONTHS.split()
    if len(numbers) >= 2 and 1 <= numbers[1] <= 12:
        month = months[numbers[1] - 1]
        return (
            f"{numbers[2]} {month} {numbers[0]}" if len(numbers) == 3 else f"{month} {numbers[0]}"
        )
    return value


class _Palette:
    """Labels for the corpus's tones and devices, coloured from the codebook."""

    def __init__(self, corpus: Corpus) -> None:
        self.tones = {c.name: c for c in corpus.codebook.tones}
        self.devices = {c.name: c for c in corpus.codebook.devices}

    @staticmethod
    def _label(name: str, codes: dict[str, Code]) -> Label:
        code = codes.get(name)
        index = list(codes).index(name) if code else len(codes) + sum(map(ord, name))
        return Label(name, colour_or_default(code.colour if code else None, index))

    def tone(self, name: str | None) -> Label | None:
        return self._label(name, self.tones) if name else None

    def device(self, name: str) -> Label:
        return self._label(name, self.devices)

    def tone_order(self, name: str | None) -> tuple[int, str]:
        names = list(self.tones)
        if name is None:
            return (len(names) + 1, "")
        return (names.index(name) if name in names else len(names), name)


def _quote_block(
    corpus: Corpus, palette: _Palette, annotation: Annotation, include_context: bool
) -> QuoteBlock:
    document = corpus.document(annotation.document_id) or Document(title="", text="")
    speaker = corpus.speaker(annotation.speaker)
    context = None
    if include_context and document.text:
        context = sentence_around(document.text, annotation.start, annotation.end)
        # A context that only repeats the quote says nothing more.
        if len("".join(context.replace(annotation.quote, "", 1).split())) < MIN_CONTEXT_EXTRA:
            context = None
    text = trim_quote_end(xml_safe(annotation.quote))
    return QuoteBlock(
        text=text,
        speaker=annotation.speaker or UNATTRIBUTED,
        role=speaker.role if speaker else None,
        outlet=document.outlet,
        published=document.published,
        document_title=document.title,
        tone=palette.tone(annotation.tone),
        devices=tuple(palette.device(d) for d in annotation.devices),
        note=annotation.note,
        context=context,
        rtl=is_rtl(text),
    )


def trim_quote_end(text: str) -> str:
    """``text`` without the comma, semicolon or colon it ends on (before any closing mark).

    ``“…the threats,”`` reads ``“…the threats”``: the comma belonged to the sentence the
    quote was cut from, not to what was said.
    """
    trimmed = _TRAILING.sub("", text.rstrip(), count=1)
    return trimmed if trimmed.strip(" \"'\u201c\u201d\u2018\u2019\u00ab\u00bb") else text


def _reading_order(corpus: Corpus) -> list[Annotation]:
    order = {d.id: n for n, d in enumerate(documents_in_order(corpus))}
    return sorted(corpus.annotations, key=lambda a: (order.get(a.document_id, 0), a.start, a.id))


def _sections(corpus: Corpus, palette: _Palette, group_by: str, context: bool) -> list[Section]:
    annotations = _reading_order(corpus)

    def block(annotation: Annotation) -> QuoteBlock:
        return _quote_block(corpus, palette, annotation, context)

    if group_by == "document":
        sections = []
        for document in documents_in_order(corpus):
            quotes = [block(a) for a in annotations if a.document_id == document.id]
            where = " \u00b7 ".join(
                p for p in (document.outlet, format_day(document.published)) if p
            )
            if quotes:
                sections.append(Section(document.title, where or None, tuple(quotes)))
        return sections
    if group_by == "tone":
        tones = sorted({a.tone for a in annotations}, key=palette.tone_order)
        return [
            Section(
                (tone or NO_TONE).capitalize(),
                palette.tones[tone].description if tone in palette.tones else None,
                tuple(block(a) for a in annotations if a.tone == tone),
            )
            for tone in tones
        ]
    counts = Counter(a.speaker for a in annotations)
    speakers = sorted(counts, key=lambda s: (s is None, -counts[s], s or ""))
    sections = []
    for name in speakers:
        speaker = corpus.speaker(name)
        about = ", ".join(p for p in (speaker.role, speaker.organisation) if p) if speaker else ""
        said = tuple(block(a) for a in annotations if a.speaker == name)
        sections.append(Section(name or UNATTRIBUTED, about or None, said))
    return sections


def speaker_tone_table(corpus: Corpus) -> Crosstab:
    """``crosstab(corpus, ("speaker", "tone"))`` named as the briefing prints it."""
    counts: Counter[tuple[str, ...]] = Counter()
    for (speaker, tone), count in crosstab(corpus, ("speaker", "tone")).counts.items():
        counts[
            (UNATTRIBUTED if speaker == NONE else speaker, NO_TONE if tone == NONE else tone)
        ] += count
    return Crosstab(("speaker", "tone"), dict(counts))


def _top_speakers(corpus: Corpus, palette: _Palette, table: Crosstab) -> list[SpeakerRow]:
    rows = []
    for name in table.values(0)[:TOP_SPEAKERS]:
        tones = {t: n for (s, t), n in table.counts.items() if s == name and t != NO_TONE}
        dominant = min(tones, key=lambda t: (-tones[t], palette.tone_order(t))) if tones else None
        quotes = sum(n for (s, _t), n in table.counts.items() if s == name)
        speaker = corpus.speaker(name)
        rows.append(
            SpeakerRow(name, speaker.role if speaker else None, quotes, palette.tone(dominant))
        )
    return rows


def _tone_chart(palette: _Palette, table: Crosstab, rows: list[SpeakerRow]) -> ToneBySpeaker:
    def order(tone: str) -> tuple[int, str]:
        return palette.tone_order(None if tone == NO_TONE else tone)

    used = sorted(table.values(1), key=order)
    taken = {label.colour.upper() for t in used if t != NO_TONE and (label := palette.tone(t))}
    no_tone = next((g for g in NO_TONE_GREYS if g not in taken), "#FFFFFF")
    labels = [Label(NO_TONE, no_tone) if t == NO_TONE else palette.tone(t) for t in used]
    speakers = tuple(r.name for r in rows)
    return ToneBySpeaker(table, speakers, tuple(label for label in labels if label))


def _device_chart(corpus: Corpus, palette: _Palette) -> DeviceFrequency:
    counts = Counter(d for a in corpus.annotations for d in a.devices)
    top = counts.most_common(TOP_DEVICES)
    return DeviceFrequency(tuple(palette.device(d) for d, _n in top), tuple(n for _d, n in top))


def _scope(corpus: Corpus, scope: str | None) -> tuple[tuple[str, str], ...]:
    outlets = sorted({d.outlet for d in corpus.documents if d.outlet})
    documents = len(corpus.documents)
    sources = f"{documents} document{'s' if documents != 1 else ''}"
    if outlets:
        sources += f" from {', '.join(outlets)}"
    days = sorted(d.published[:10] for d in corpus.documents if d.published)
    period = (
        f"{format_day(days[0])} \u2013 {format_day(days[-1])}" if len(set(days)) > 1 else ""
    ) or (format_day(days[0]) if days else "Undated")
    return (("Sources", sources), ("Period", period), ("Selection", scope or "All quotes"))


def build_briefing(
    corpus: Corpus,
    *,
    title: str = "Briefing",
    analyst: str | None = None,
    group_by: str = "speaker",
    include_context: bool = False,
    scope: str | None = None,
    prepared: date | None = None,
) -> Briefing:
    """The briefing content for ``corpus`` (already filtered by the caller)."""
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    palette = _Palette(corpus)
    table = speaker_tone_table(corpus)
    rows = _top_speakers(corpus, palette, table)
    sources = tuple(
        SourceEntry(d.title, d.outlet, d.published, public_url(d.url) or public_url(d.source))
        for d in documents_in_order(corpus)
    )
    return Briefing(
        title=title,
        analyst=analyst,
        prepared=prepared or date.today(),
        scope=_scope(corpus, scope),
        glance=at_a_glance(corpus),
        document_count=len(corpus.documents),
        quote_count=len(corpus.annotations),
        speaker_count=len({a.speaker for a in corpus.annotations if a.speaker}),
        top_speakers=tuple(rows),
        tone_chart=_tone_chart(palette, table, rows),
        device_chart=_device_chart(corpus, palette),
        group_by=group_by,
        sections=tuple(_sections(corpus, palette, group_by, include_context)),
        sources=sources,
    )
