"""Lays a ``Briefing`` out as a Word document with python-docx.

Title page, executive summary (figures, most-quoted speakers, two charts), the quotes
grouped as asked, and an appendix of sources. Every piece of text passes through
``xml_safe`` first: python-docx refuses XML-invalid control characters.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from annotator.core.wording import plural
from annotator.io.briefing import styles
from annotator.io.briefing.describe import device_chart_text, tone_chart_text
from annotator.io.briefing.layout import Layout, add_run
from annotator.io.briefing.model import Briefing, Label, QuoteBlock, ReliabilityTable, format_day
from annotator.io.common import is_rtl, xml_safe
from annotator.io.safe_write import replacing_file

CHART_WIDTH = Cm(16)
KEEP_TOGETHER_CHARS = 1200  # longer quotes may break across pages
_OPENING_MARKS = "\"'\u201c\u2018\u00ab\u201e\u2039"
_GROUP_TITLES = {"speaker": "speaker", "document": "source", "tone": "tone"}


def _add(paragraph: Paragraph, text: str | None, *, bold: bool = False) -> None:
    run = add_run(paragraph, xml_safe(text))
    if bold:
        run.bold = True


def _paragraph(layout: Layout, text: str | None, style: str) -> Paragraph:
    paragraph = layout.paragraph(None, style)
    _add(paragraph, text)
    if text and is_rtl(text):
        styles.set_rtl(paragraph)
    return paragraph


def _table(layout: Layout, header: list[str] | None, widths: list[float]) -> Table:
    """A ruled table with fixed column widths and, if given, a navy header row."""
    table = layout.document.add_table(rows=1 if header else 0, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice reads
    if header:
        for cell, title, width in zip(table.rows[0].cells, header, widths, strict=True):
            cell.width = Cm(width)  # the cells, which Word reads
            paragraph = cell.paragraphs[0]
            layout.restyle(paragraph, styles.TABLE_TEXT)
            _add(paragraph, title, bold=True)
            paragraph.runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            styles.shade_cell(cell, styles.NAVY)
    styles.rule_table(table, header=bool(header))
    return table


def _row(layout: Layout, table: Table, values: list[str], widths: list[float]) -> list:
    cells = table.add_row().cells
    for cell, value, width in zip(cells, values, widths, strict=True):
        cell.width = Cm(width)
        layout.restyle(cell.paragraphs[0], styles.TABLE_TEXT)
        _add(cell.paragraphs[0], value)
        if is_rtl(value):
            styles.set_rtl(cell.paragraphs[0])
    return list(cells)


def _chip(layout: Layout, paragraph: Paragraph, label: Label) -> None:
    def make() -> Run:
        run = add_run(paragraph, f" {xml_safe(label.name)} ")
        run.font.size = Pt(8.5)
        run.bold = True
        styles.shade_run(run, label.colour)
        return run

    layout.repeat_run(paragraph, ("chip", label.name, label.colour), make)
    add_run(paragraph, "\u2002")


def _title_page(layout: Layout, briefing: Briefing) -> None:
    title = _paragraph(layout, briefing.title, "Title")
    title.paragraph_format.space_before = Pt(150)
    title.paragraph_format.space_after = Pt(6)
    prepared = format_day(briefing.prepared.isoformat())
    byline = f"Prepared by {briefing.analyst} \u00b7 {prepared}" if briefing.analyst else prepared
    _paragraph(layout, byline, styles.SUBTITLE).paragraph_format.space_after = Pt(36)
    _facts(layout, briefing.scope)
    if briefing.glance:
        heading = _paragraph(layout, "At a glance", styles.SUBTITLE)
        heading.paragraph_format.space_before = Pt(24)
        heading.paragraph_format.keep_with_next = True
        _facts(layout, briefing.glance)
    layout.document.add_page_break()


def _facts(layout: Layout, rows: tuple[tuple[str, str], ...]) -> None:
    """A two-column table of labelled facts (the title page's scope and key figures)."""
    widths = [3.5, 13.0]
    table = _table(layout, None, widths)
    for label, value in rows:
        cells = _row(layout, table, [label, value], widths)
        cells[0].paragraphs[0].runs[0].bold = True
        cells[0].paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(styles.NAVY)


def _summary(layout: Layout, briefing: Briefing, charts: dict[str, bytes | None]) -> None:
    layout.heading(xml_safe("Executive summary"), 1)
    quotes, speakers, documents = (
        briefing.quote_count,
        briefing.speaker_count,
        briefing.document_count,
    )
    _paragraph(
        layout,
        f"This briefing covers {quotes} quote{'s' * (quotes != 1)} from {speakers} "
        f"speaker{'s' * (speakers != 1)} in {documents} source document{'s' * (documents != 1)}.",
        "Normal",
    )
    if briefing.top_speakers:
        layout.heading("Most-quoted speakers", 2)
        _speaker_table(layout, briefing)
    for key, heading, caption, alt in (
        ("tone", "Tone by speaker", "Quotes per speaker, split by tone.",
         tone_chart_text(briefing.tone_chart)),
        ("devices", "Rhetorical devices", "How often each rhetorical device was coded.",
         device_chart_text(briefing.device_chart)),
    ):  # fmt: skip
        image = charts.get(key)
        if image:
            layout.heading(heading, 2)
            picture = layout.document.add_picture(io.BytesIO(image), width=CHART_WIDTH)
            # Alternative text: what a screen reader says, and Word shows without images.
            picture._inline.docPr.set("title", xml_safe(heading))
            picture._inline.docPr.set("descr", xml_safe(alt))
            layout.document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            layout.document.paragraphs[-1].paragraph_format.keep_with_next = True
            _paragraph(layout, caption, styles.CAPTION)


def _speaker_table(layout: Layout, briefing: Briefing) -> None:
    """Most-quoted speakers; the Role column only when some speaker has a role."""
    roles = any(row.role for row in briefing.top_speakers)
    header = (
        ["Speaker", "Role", "Quotes", "Dominant tone"]
        if roles
        else ["Speaker", "Quotes", "Dominant tone"]
    )
    widths = [5.0, 5.5, 2.0, 3.5] if roles else [8.0, 3.0, 5.0]
    table = _table(layout, header, widths)
    for row in briefing.top_speakers:
        values = [row.name, row.role or "", str(row.quotes), ""]
        cells = _row(layout, table, values if roles else [values[0], *values[2:]], widths)
        cells[-2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        if row.dominant_tone:
            _chip(layout, cells[-1].paragraphs[0], row.dominant_tone)


def _quote_text(quote: QuoteBlock) -> str:
    if quote.rtl or quote.text.lstrip()[:1] in _OPENING_MARKS:
        return quote.text
    return f"\u201c{quote.text}\u201d"


def _quote(layout: Layout, quote: QuoteBlock) -> None:
    block = _paragraph(layout, _quote_text(quote), styles.QUOTE)
    short = len(quote.text) <= KEEP_TOGETHER_CHARS
    block.paragraph_format.keep_together = short
    if quote.rtl:
        styles.set_rtl(block)
    parts = [block, _paragraph(layout, f"\u2014 {quote.attribution}", styles.ATTRIBUTION)]
    if quote.tone or quote.devices:
        labels = layout.paragraph(None, styles.LABELS)
        if quote.tone:
            _add(labels, "Tone\u2002")
            _chip(layout, labels, quote.tone)
        if quote.devices:
            _add(labels, "\u2003Devices\u2002" if quote.tone else "Devices\u2002")
            for device in quote.devices:
                _chip(layout, labels, device)
        parts.append(labels)
    if quote.note and xml_safe(quote.note).strip():
        note = layout.paragraph(None, styles.NOTE)
        _add(note, "Analyst note: ", bold=True)
        _add(note, quote.note.strip())
        if is_rtl(quote.note):
            styles.set_rtl(note)
        parts.append(note)
    if quote.context:
        parts.append(_paragraph(layout, f"Context: {quote.context}", styles.CONTEXT))
    # A short quote never ends a page without its attribution and labels; a long one
    # starts where it is and flows over pages.
    for part in parts[0 if short else 1 : -1]:
        part.paragraph_format.keep_with_next = True


def _body(layout: Layout, briefing: Briefing, laid_out: Callable[[int, int], None]) -> int:
    total = sum(len(section.quotes) for section in briefing.sections)
    heading = layout.heading(f"Quotes by {_GROUP_TITLES[briefing.group_by]}", 1)
    heading.paragraph_format.page_break_before = True
    written = 0
    for section in briefing.sections:
        title = layout.heading(xml_safe(section.heading), 2)
        if is_rtl(section.heading):
            styles.set_rtl(title)
        if section.subheading:
            _paragraph(
                layout, section.subheading, styles.ATTRIBUTION
            ).paragraph_format.keep_with_next = True
        for quote in section.quotes:
            laid_out(written, total)
            _quote(layout, quote)
            written += 1
    laid_out(written, total)
    return written


def _appendix(layout: Layout, briefing: Briefing) -> None:
    # No page break of its own: a last quote would otherwise sit alone on a page.
    heading = layout.heading("Appendix: sources", 1)
    heading.paragraph_format.space_before = Pt(30)
    heading.paragraph_format.keep_with_next = True
    rows = [
        [source.title, source.outlet or "", format_day(source.published), source.link or ""]
        for source in briefing.sources
    ]
    # A column nobody filled in (no outlets, no dates, no web addresses) is left out.
    kept = [0] + [c for c in (1, 2, 3) if any(row[c] for row in rows)]
    all_widths = [6.5, 3.5, 2.7, 4.3]
    spare = sum(all_widths) - sum(all_widths[c] for c in kept)
    widths = [all_widths[c] + (spare if c == 0 else 0) for c in kept]
    titles = ["Title", "Outlet", "Date", "Link"]
    table = _table(layout, [titles[c] for c in kept], widths)
    for row in rows:
        cells = _row(layout, table, [row[c] if c != 3 else "" for c in kept], widths)
        if 3 in kept and row[3]:
            styles.add_hyperlink(cells[-1].paragraphs[0], xml_safe(row[3]), _short(row[3]))


def _reliability(layout: Layout, table: ReliabilityTable) -> None:
    heading = layout.heading("Appendix: reliability", 1)
    heading.paragraph_format.space_before = Pt(30)
    heading.paragraph_format.keep_with_next = True
    names = list(table.analysts)
    who = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
    _paragraph(
        layout,
        f"{who} each coded {plural(table.documents, 'document')} independently. Quotes count as "
        "the same when they share at least half of the shorter one; kappa compares two "
        "analysts, alpha any number; 1 is full agreement, 0 what chance would give.",
        "Normal",
    )
    widths = [6.0, 2.2, 2.4, 2.4, 2.0]
    grid = _table(layout, ["Measure", "F1", "Kappa", "Alpha", "Units"], widths)
    for row in table.rows:
        _row(layout, grid, list(row), widths)


def _short(link: str, width: int = 40) -> str:
    text = xml_safe(link).split("://", 1)[-1]
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def render_docx(
    briefing: Briefing,
    path: Path | str,
    *,
    charts: dict[str, bytes | None],
    template: Path | str | None = None,
    reliability: ReliabilityTable | None = None,
    laid_out: Callable[[int, int], None] | None = None,
) -> int:
    """Write ``briefing`` to ``path`` (on ``template`` if given); return the quotes written.

    ``laid_out`` hears (quotes done, quotes in all) before each quote; if it raises, the
    briefing stops and ``path`` is left as it was.
    """
    document = docx.Document(str(template)) if template else docx.Document()
    if template:
        styles.clear_body(document)
    else:
        document.sections[0].different_first_page_header_footer = True
    styles.ensure_styles(document, house_look=template is None)
    styles.footer_with_page_numbers(document, xml_safe(briefing.title))
    layout = Layout(document)
    _title_page(layout, briefing)
    _summary(layout, briefing, charts)
    written = _body(layout, briefing, laid_out or _unwatched)
    _appendix(layout, briefing)
    if reliability is not None:
        _reliability(layout, reliability)
    document.core_properties.title = xml_safe(briefing.title)[:250]
    document.core_properties.author = xml_safe(briefing.analyst or "Speechmark")[:250]
    with replacing_file(path) as temporary:  # never a half-written briefing at ``path``
        document.save(str(temporary))
    return written


def _unwatched(_done: int, _total: int) -> None:
    pass
