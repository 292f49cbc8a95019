"""The briefing's ``Layout`` writes exactly what python-docx's own calls write."""

from __future__ import annotations

from collections.abc import Callable

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from annotator.io.briefing import styles
from annotator.io.briefing.layout import Layout, add_run

TEXTS = [
    "",
    "Plain words.",
    "  spaced at both ends  ",
    "a\ttab",
    "two\nlines\r\nand a return\r",
    "Crowds cheered \U0001f389\U0001f389 in Brussels \U0001f1ea\U0001f1fa",
    "قال الوزير: «لن نتراجع عن موقفنا»",
]
STYLES = ["Normal", "Title", "Heading 1", "Heading 2", styles.QUOTE, styles.ATTRIBUTION]


def _document() -> DocxDocument:
    document = docx.Document()
    styles.ensure_styles(document, house_look=True)
    return document


def _body(document: DocxDocument) -> bytes:
    return etree.tostring(document.element.body)


@pytest.mark.parametrize("text", TEXTS)
def test_paragraphs_and_headings_match_python_docx(text: str) -> None:
    general, fast = _document(), _document()
    layout = Layout(fast)
    for style in STYLES:
        general.add_paragraph(text, style)
        layout.paragraph(text, style)
    for level in (0, 1, 2):
        general.add_heading(text, level)
        layout.heading(text, level)
    assert _body(fast) == _body(general)
    assert [p.style.name for p in fast.paragraphs] == [*STYLES, "Title", "Heading 1", "Heading 2"]


def test_runs_match_python_docx() -> None:
    general, fast = _document(), _document()
    general_paragraph, fast_paragraph = general.add_paragraph(), fast.add_paragraph()
    for text in TEXTS:
        general_paragraph.add_run(text)
        add_run(fast_paragraph, text)
    assert _body(fast) == _body(general)
    assert fast_paragraph.text == general_paragraph.text


def test_table_cells_and_restyling_match_python_docx() -> None:
    general, fast = _document(), _document()
    layout = Layout(fast)
    for document in (general, fast):
        document.add_table(rows=1, cols=2)
    general_cells, fast_cells = general.tables[0].rows[0].cells, fast.tables[0].rows[0].cells
    general_cells[0].paragraphs[0].style = general.styles[styles.TABLE_TEXT]
    layout.restyle(fast_cells[0].paragraphs[0], styles.TABLE_TEXT)
    general_cells[1].add_paragraph(TEXTS[5], styles.NOTE)
    layout.paragraph(TEXTS[5], styles.NOTE, cell=fast_cells[1])
    assert _body(fast) == _body(general)


def test_a_body_without_closing_section_settings_gets_the_same_paragraphs() -> None:
    general, fast = _document(), _document()
    for document in (general, fast):
        body = document.element.body
        body.remove(body.find(qn("w:sectPr")))
    general.add_paragraph(TEXTS[1], styles.QUOTE)
    Layout(fast).paragraph(TEXTS[1], styles.QUOTE)
    assert _body(fast) == _body(general)


def _chip(paragraph: Paragraph, name: str, colour: str) -> Run:
    run = paragraph.add_run(f" {name} ")
    run.font.size = Pt(8.5)
    run.bold = True
    styles.shade_run(run, colour)
    return run


def _maker(paragraph: Paragraph, name: str, colour: str) -> Callable[[], Run]:
    return lambda: _chip(paragraph, name, colour)


def test_repeated_runs_are_copies_of_the_first() -> None:
    labels = [("warning", "#E69F00"), ("hostile \U0001f620", "#0072B2"), ("warning", "#E69F00")]
    general, fast = _document(), _document()
    layout = Layout(fast)
    for name, colour in labels * 2:
        _chip(general.add_paragraph(), name, colour)
        paragraph = fast.add_paragraph()
        layout.repeat_run(paragraph, (name, colour), _maker(paragraph, name, colour))
    assert _body(fast) == _body(general)
    # Copies are independent: changing one leaves the others as they were.
    fast.paragraphs[-1].runs[0].bold = False
    assert [p.runs[0].bold for p in fast.paragraphs] == [True] * 5 + [False]
