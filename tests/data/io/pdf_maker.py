"""Small PDFs drawn for the tests with reportlab: columns, running headers and footers,
metadata, and a page with no text at all (as a scan without OCR)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4
LEADING = 14  # points between lines of a paragraph; paragraphs get one empty line more

Column = Sequence[str]  # lines; "" is the space between paragraphs


@dataclass
class PdfPage:
    """A page: a heading (optional) and one or two columns of lines."""

    columns: Sequence[Column]
    heading: str | None = None


@dataclass
class PdfSpec:
    pages: list[PdfPage]
    header: str | None = None  # drawn at the top of every page
    footer: str | None = None  # "{page}" and "{pages}" are filled in
    info: dict[str, str] = field(default_factory=dict)  # Title, Author, Date (PDF date)
    encrypt: str | None = None


def draw_pdf(path: Path, spec: PdfSpec) -> Path:
    """Write ``spec`` as a PDF at ``path``; the columns are drawn left to right."""
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=spec.encrypt)
    if "Title" in spec.info:
        pdf.setTitle(spec.info["Title"])
    if "Author" in spec.info:
        pdf.setAuthor(spec.info["Author"])
    if "Date" in spec.info:
        stamp = spec.info["Date"]
        pdf.setDateFormatter(lambda *_: stamp)
    for number, page in enumerate(spec.pages, start=1):
        pdf.setFont("Helvetica", 9)
        if spec.header:
            pdf.drawString(72, HEIGHT - 40, spec.header)
        if spec.footer:
            footer = spec.footer.format(page=number, pages=len(spec.pages))
            pdf.drawCentredString(WIDTH / 2, 30, footer)
        top = HEIGHT - 100
        if page.heading:
            pdf.setFont("Helvetica-Bold", 16)
            pdf.drawString(72, top, page.heading)
            top -= 40
        pdf.setFont("Helvetica", 11)
        column_width = (WIDTH - 144) / len(page.columns)
        for index, column in enumerate(page.columns):
            y = top
            for line in column:
                if line:
                    pdf.drawString(72 + index * column_width, y, line)
                y -= LEADING
        pdf.showPage()
    pdf.save()
    return path


def draw_scan(path: Path) -> Path:
    """A PDF whose page has only shapes, like a scanned page without a text layer."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    return path
