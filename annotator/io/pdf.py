"""Reading text PDFs (speeches, press releases, transcripts) with pdfminer.six.

pdfminer.six lays a page out into text boxes in reading order (a column, then the next),
where a plain text dump follows the order the producer happened to draw in and mixes
columns. ``annotator.io.pdf_text`` turns the boxes into running text. The title, author
and date come from the PDF's document information when they are real, else the title is
the first line. A PDF without any text is a scan and needs OCR first.
"""

from __future__ import annotations

import io
from typing import Any

from annotator.io.metadata import first_line_title, pdf_date, real_author, real_title
from annotator.io.pdf_text import Line, Page, running_text

__all__ = ["MAX_PAGES", "PdfProblem", "pdf_pages", "read_pdf_bytes"]

MAX_PAGES = 2000  # a long report or a year of transcripts; stops a page bomb
NO_TEXT = "no text layer: this looks like a scanned PDF; run OCR first"


class PdfProblem(ValueError):
    """Why a PDF cannot be read, in the analyst's words."""


def read_pdf_bytes(data: bytes) -> tuple[str, dict[str, str | None]]:
    """The running text of a PDF and its title, author and published date (None when
    unknown); ``PdfProblem`` for a damaged, encrypted or scanned PDF."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        pages = pdf_pages(document)
    except PDFEncryptionError:
        raise PdfProblem("the PDF is password-protected; save an unprotected copy") from None
    except (PSException, KeyError, TypeError, ValueError, AssertionError) as error:
        if isinstance(error, PdfProblem):
            raise
        raise PdfProblem("not a readable PDF (damaged, or not a PDF)") from error
    text = running_text(pages)
    if not text.strip():
        raise PdfProblem(NO_TEXT)
    info = _information(document)
    meta = {
        "title": real_title(info.get("Title")) or first_line_title(text),
        "author": real_author(info.get("Author")),
        "published": pdf_date(info.get("CreationDate")) or pdf_date(info.get("ModDate")),
    }
    return text, meta


def pdf_pages(document: Any) -> list[Page]:
    """The pages of a parsed pdfminer document as laid-out lines in reading order."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    pages: list[Page] = []
    for number, pdf_page in enumerate(PDFPage.create_pages(document)):
        if number >= MAX_PAGES:
            raise PdfProblem(f"more than {MAX_PAGES} pages; split the file")
        interpreter.process_page(pdf_page)
        layout = device.get_result()
        boxes = tuple(
            tuple(
                Line(line.get_text().strip(), line.x0, line.y0 - layout.y0, line.y1 - layout.y0)
                for line in box
                if isinstance(line, LTTextLine) and line.get_text().strip()
            )
            for box in layout
            if isinstance(box, LTTextBox)
        )
        pages.append(Page(tuple(box for box in boxes if box), layout.height))
    return pages


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
