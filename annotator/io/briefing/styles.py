"""Word styles and the few OOXML details python-docx has no API for.

``ensure_styles`` defines the Speechmark styles only where the document lacks them, so a
template's own "Speechmark Quote" (or headings) wins. Without a template it also sets the
house look: Calibri body, navy headings, A4 with 2.2 cm margins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

QUOTE = "Speechmark Quote"
ATTRIBUTION = "Speechmark Attribution"
LABELS = "Speechmark Labels"
NOTE = "Speechmark Note"
CONTEXT = "Speechmark Context"
CAPTION = "Speechmark Caption"
SUBTITLE = "Speechmark Subtitle"
TABLE_TEXT = "Speechmark Table Text"

BODY_FONT = "Calibri"
SCRIPT_FONT = "Arial"  # has Arabic and Hebrew glyphs where Calibri has none
NAVY = "1F3A5F"
ACCENT = "2E6DA4"
MUTED = "5F6B7A"
QUOTE_FILL = "F3F6FA"
RULE = "C8D1DC"


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _set(parent: Any, tag: str, **attributes: str) -> Any:
    """Get or create child ``tag`` of an oxml element and set its ``w:`` attributes."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _fonts(rpr: Any, name: str) -> None:
    _set(rpr, "w:rFonts", ascii=name, hAnsi=name, eastAsia=name, cs=SCRIPT_FONT)


def _paragraph_style(
    document: DocxDocument, name: str, configure: Callable[[ParagraphStyle], None]
) -> None:
    if name in document.styles:
        return
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    configure(style)


def _heading(level: int, size: float, colour: str) -> Callable[[ParagraphStyle], None]:
    def configure(style: ParagraphStyle) -> None:
        style.font.size, style.font.bold = Pt(size), True
        style.font.color.rgb = _rgb(colour)
        style.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        _set(style.element.get_or_add_pPr(), "w:outlineLvl", val=str(level - 1))

    return configure


def _quote(style: ParagraphStyle) -> None:
    style.font.size, style.font.italic = Pt(11.5), True
    style.font.color.rgb = _rgb("1A1A1A")
    fmt = style.paragraph_format
    fmt.left_indent, fmt.right_indent = Cm(0.6), Cm(0.4)
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(10), Pt(2), 1.15
    ppr = style.element.get_or_add_pPr()
    borders = _set(ppr, "w:pBdr")
    _set(borders, "w:left", val="single", sz="24", space="8", color=ACCENT)
    _set(ppr, "w:shd", val="clear", color="auto", fill=QUOTE_FILL)


def _small(
    size: float, colour: str, *, italic: bool = False, after: float = 2, indent: float = 0.6
) -> Callable[[ParagraphStyle], None]:
    def configure(style: ParagraphStyle) -> None:
        style.font.size, style.font.italic = Pt(size), italic
        style.font.color.rgb = _rgb(colour)
        fmt = style.paragraph_format
        fmt.left_indent, fmt.space_before, fmt.space_after = Cm(indent), Pt(2), Pt(after)

    return configure


def _house_look(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = BODY_FONT, Pt(10.5)
    _fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.paragraph_format.space_after, normal.paragraph_format.line_spacing = Pt(6), 1.1
    for name, size, colour in (
        ("Title", 28, NAVY),
        ("Heading 1", 16, NAVY),
        ("Heading 2", 13, ACCENT),
    ):
        if name in document.styles:
            style = document.styles[name]
            style.font.name, style.font.size, style.font.bold = BODY_FONT, Pt(size), True
            style.font.color.rgb = _rgb(colour)
            _fonts(style.element.get_or_add_rPr(), BODY_FONT)
    title = document.styles["Title"]
    ppr = title.element.get_or_add_pPr()
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is not None:
        ppr.remove(pbdr)  # the default template draws a rule under the title
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)


def ensure_styles(document: DocxDocument, *, house_look: bool) -> None:
    """Add the styles the briefing uses where missing; ``house_look`` restyles the base."""
    if house_look:
        _house_look(document)
    _paragraph_style(document, "Title", _heading(1, 28, NAVY))
    _paragraph_style(document, "Heading 1", _heading(1, 16, NAVY))
    _paragraph_style(document, "Heading 2", _heading(2, 13, ACCENT))
    _paragraph_style(document, QUOTE, _quote)
    _paragraph_style(document, ATTRIBUTION, _small(9.5, MUTED))
    _paragraph_style(document, LABELS, _small(8.5, MUTED))
    _paragraph_style(document, NOTE, _small(9.5, "333333", after=4))
    _paragraph_style(document, CONTEXT, _small(9, MUTED, italic=True))
    _paragraph_style(document, CAPTION, _small(9, MUTED, italic=True, after=12, indent=0))
    _paragraph_style(document, SUBTITLE, _small(13, MUTED, indent=0))
    _paragraph_style(document, TABLE_TEXT, _small(9.5, "222222", after=0, indent=0))


def clear_body(document: DocxDocument) -> None:
    """Remove a template's body content, keeping its section settings (headers, page)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def set_rtl(paragraph: Paragraph) -> None:
    """Mark a paragraph and its runs right-to-left (Arabic, Hebrew...)."""
    _set(paragraph._p.get_or_add_pPr(), "w:bidi")
    for run in paragraph.runs:
        _set(run._r.get_or_add_rPr(), "w:rtl")


def shade_run(run: Run, fill: str) -> None:
    """Give a run a background colour (a label chip) with readable text on it."""
    fill = fill.lstrip("#").upper()
    _set(run._r.get_or_add_rPr(), "w:shd", val="clear", color="auto", fill=fill)
    red, green, blue = (int(fill[i : i + 2], 16) for i in (0, 2, 4))
    light = 0.299 * red + 0.587 * green + 0.114 * blue > 150
    run.font.color.rgb = _rgb("000000" if light else "FFFFFF")


def shade_cell(cell: _Cell, fill: str) -> None:
    _set(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill.lstrip("#"))


def rule_table(table: Table, *, header: bool = True) -> None:
    """Thin horizontal rules between rows, no vertical lines; a header row repeats."""
    tblpr = table._tbl.tblPr
    borders = _set(tblpr, "w:tblBorders")
    for side in ("top", "bottom", "insideH"):
        _set(borders, f"w:{side}", val="single", sz="4", space="0", color=RULE)
    for side in ("left", "right", "insideV"):
        _set(borders, f"w:{side}", val="nil")
    if header and table.rows:
        _set(table.rows[0]._tr.get_or_add_trPr(), "w:tblHeader")


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field (e.g. ``PAGE``) that Word and LibreOffice compute when displaying."""
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
            run._r.append(element)
        elif kind == "text":
            run.text = text or ""
        else:
            _set(run._r, "w:fldChar", fldCharType=kind)


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """A clickable external link."""
    part = paragraph.part
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = paragraph.add_run(text)
    run.font.color.rgb = _rgb(ACCENT)
    run.font.underline = True
    link.append(run._r)
    paragraph._p.append(link)


def footer_with_page_numbers(document: DocxDocument, label: str) -> None:
    """``label · Page N of M`` in the footer, unless the template already has a footer."""
    section = document.sections[0]
    footer = section.footer
    if any(p.text.strip() for p in footer.paragraphs) or footer.tables:
        return
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{label}  \u00b7  Page ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size, run.font.color.rgb = Pt(8), _rgb(MUTED)
