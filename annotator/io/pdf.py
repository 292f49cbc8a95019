"""Reading text PDFs (speeches, press releases, transcripts) with pdfminer.six.

pdfminer.six lays a page out into text boxes in reading order (a column, then the next),
where a plain text dump follows the order the producer happened to draw in and mixes
columns. ``annotator.io.pdf_text`` turns the boxes into running text. The title, author
and date come from the PDF's document information when they are real, else the title is
the first line. A PDF without any text is a scan and needs OCR first.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from annotator.io.metadata import first_line_title, pdf_date, real_author, real_title
from annotator.io.pdf_text import Line, Page, clean_glyphs, running_text

__all__ = ["MAX_PAGES", "PdfProblem", "PdfText", "pdf_pages", "read_pdf_bytes"]

MAX_PAGES = 2000  # a long report or a year of transcripts; stops a page bomb
NO_TEXT = "no text layer: this looks like a scanned PDF; run OCR first"
NO_CHARACTERS = (
    "the PDF's fonts do not say which letters they draw, so its text cannot be copied; "
    "run OCR first"
)


class PdfProblem(ValueError):
    """Why a PDF cannot be read, in the analyst's words."""


@dataclass(frozen=True)
class PdfText:
    """What a PDF says: running text, title, author, date (None when unknown), and
    notes on what the reader had to leave out."""

    text: str
    title: str | None
    author: str | None
    published: str | None
    notes: tuple[str, ...] = ()


def read_pdf_bytes(data: bytes) -> PdfText:
    """The running text of a PDF and its metadata; ``PdfProblem`` for a damaged,
    encrypted or scanned PDF."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        pages, unknown = pdf_pages(document)
    except PDFEncryptionError:
        raise PdfProblem("the PDF is password-protected; save an unprotected copy") from None
    except PdfProblem:
        raise
    except (PSException, KeyError, TypeError, ValueError, AssertionError, RecursionError) as error:
        raise PdfProblem("not a readable PDF (damaged, or not a PDF)") from error
    text = running_text(pages)
    letters = sum(not c.isspace() for c in text)
    if unknown > letters:
        raise PdfProblem(NO_CHARACTERS)
    if not text.strip():
        raise PdfProblem(NO_TEXT)
    notes = (f"{unknown} characters the PDF's fonts do not name were left out",) if unknown else ()
    info = _information(document)
    return PdfText(
        text,
        title=real_title(info.get("Title")) or first_line_title(text),
        author=real_author(info.get("Author")),
        published=pdf_date(info.get("CreationDate")) or pdf_date(info.get("ModDate")),
        notes=notes,
    )


def pdf_pages(document: Any) -> tuple[list[Page], int]:
    """The pages of a parsed pdfminer document as laid-out lines in reading order, and
    the number of glyphs that map to no character (left out)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    pages: list[Page] = []
    unknown = 0
    for number, pdf_page in enumerate(PDFPage.create_pages(document)):
        if number >= MAX_PAGES:
            raise PdfProblem(f"more than {MAX_PAGES} pages; split the file")
        interpreter.process_page(pdf_page)
        layout = device.get_result()
        boxes: list[tuple[Line, ...]] = []
        for box in layout:
            if not isinstance(box, LTTextBox):
                continue
            lines: list[Line] = []
            for line in box:
                text, missing = clean_glyphs(line.get_text())
                unknown += missing
                if text.strip():
                    lines.append(
                        Line(text.strip(), line.x0, line.y0 - layout.y0, line.y1 - layout.y0)
                    )
            if lines:
                boxes.append(tuple(lines))
        pages.append(Page(tuple(boxes), layout.height))
    return pages, unknown


def _information(document: Any) -> dict[str, str]:
    """The document information dictionary as text (the last one wins, as in an
    incrementally updated file)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, str] = {}
    for info in document.info:
        for key, value in info.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                found[key] = decode_text(value)
            elif isinstance(value, str):
                found[key] = value
    return found
