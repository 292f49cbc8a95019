"""PDF import: the tests draw their own PDFs and read them back."""

import os

import pytest

from annotator.io.importers import ImportProblem, read_document
from tests.data.io.pdf_maker import PdfPage, PdfSpec, draw_pdf, draw_scan

LEFT_1 = [
    "Post-war recon-",
    "struction will begin",
    "in the spring, said the",
    "minister.",
    "",
    "We must co-",
    "operate with our",
    "partners, she added,",
    "and the talks would go",
]
RIGHT_1 = [
    "on until Friday. Countries",
    "that co-operate will be",
    "rewarded.",
    "",
    "The budget for 2024 is",
    "twelve million and the govern-",
]
LEFT_2 = ["ment will pay for it. A", "second page begins here."]
RIGHT_2 = ["Thank you."]

SPEECH = (
    "Address to the nation\n\n"
    "Post-war reconstruction will begin in the spring, said the minister.\n\n"
    "We must co-operate with our partners, she added, and the talks would go on until"
    " Friday. Countries that co-operate will be rewarded.\n\n"
    "The budget for 2024 is twelve million and the government will pay for it. A second"
    " page begins here.\n\n"
    "Thank you."
)


def press_release(**info: str) -> PdfSpec:
    return PdfSpec(
        pages=[
            PdfPage([LEFT_1, RIGHT_1], heading="Address to the nation"),
            PdfPage([LEFT_2, RIGHT_2]),
        ],
        header="Ministry of Examples - Press release 12/2024",
        footer="Page {page} of {pages}",
        info=info,
    )


def test_two_columns_over_two_pages_read_as_running_text(tmp_path):
    path = draw_pdf(tmp_path / "speech.pdf", press_release())
    doc = read_document(path)
    assert doc.text == SPEECH
    assert "Ministry" not in doc.text and "Page 1" not in doc.text


def test_title_author_and_date_from_the_pdf_properties(tmp_path):
    info = {"Title": "Reconstruction", "Author": "Jane Roe", "Date": "D:20220210093000+01'00'"}
    doc = read_document(draw_pdf(tmp_path / "speech.pdf", press_release(**info)))
    assert (doc.title, doc.author, doc.published) == ("Reconstruction", "Jane Roe", "2022-02-10")


def test_placeholder_properties_give_way_to_the_first_line(tmp_path):
    # reportlab, like Word's PDF printer, fills in an author and a title of its own
    spec = press_release(Title="Microsoft Word - speech_final.docx")
    doc = read_document(draw_pdf(tmp_path / "speech.pdf", spec))
    assert doc.title == "Address to the nation"
    assert doc.author is None


def test_a_lone_page_number_is_dropped_from_a_one_page_pdf(tmp_path):
    spec = PdfSpec([PdfPage([["We will rebuild.", "", "Page 4 was the budget."]])], footer="- 4 -")
    doc = read_document(draw_pdf(tmp_path / "one.pdf", spec))
    assert doc.text == "We will rebuild.\n\nPage 4 was the budget."


def test_scanned_pdf_asks_for_ocr(tmp_path):
    path = draw_scan(tmp_path / "scan.pdf")
    with pytest.raises(ImportProblem, match="no text layer.*run OCR first") as raised:
        read_document(path)
    assert "scan.pdf" in str(raised.value)


def test_password_protected_pdf_says_so(tmp_path):
    spec = press_release()
    spec.encrypt = "secret"
    path = draw_pdf(tmp_path / "locked.pdf", spec)
    with pytest.raises(ImportProblem, match="password-protected"):
        read_document(path)


@pytest.mark.parametrize("content", [b"%PDF-1.4\n1 0 obj <<", b"just text named .pdf"])
def test_damaged_pdf_gets_a_one_line_reason(tmp_path, content):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content * 10)
    with pytest.raises(ImportProblem, match="not a readable PDF"):
        read_document(path)


def test_pdf_size_limit_and_regular_file_check(tmp_path):
    huge = tmp_path / "dump.pdf"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    with pytest.raises(ImportProblem, match="too large"):
        read_document(huge)
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.pdf"
        os.mkfifo(pipe)
        with pytest.raises(ImportProblem, match="not a regular file"):
            read_document(pipe)
