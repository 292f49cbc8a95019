import os
from datetime import datetime
from pathlib import Path

import docx
import pytest

from annotator.app.imports import import_files
from annotator.io.importers import ImportProblem, read_all, read_document

QUOTE = "“Nous ne céderons pas,” déclara la ministre. Café—crème."


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "cp1252", "latin-1"]
)
def test_text_in_common_encodings_is_decoded(tmp_path, encoding):
    text = (
        QUOTE
        if encoding not in ("latin-1",)
        else QUOTE.replace("“", '"').replace("”", '"').replace("—", "-")
    )
    path = tmp_path / "article.txt"
    if encoding == "utf-16-le-bom":
        path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    else:
        path.write_bytes((text + "\n").encode(encoding) * 3)
    doc = read_document(path)
    assert doc.text.split("\n")[0] == text
    assert doc.title == "article"


def test_newlines_are_normalised_and_text_kept_verbatim(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Line one  \r\nLine two\rLine three\r\n")
    assert read_document(path).text == "Line one  \nLine two\nLine three"


def test_markdown_title_comes_from_first_heading(tmp_path):
    path = tmp_path / "speech.md"
    path.write_text("# Address to the nation\n\n“We will prevail,” he said.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Address to the nation"
    assert "“We will prevail,” he said." in doc.text


def test_docx_paragraphs_and_properties(tmp_path):
    path = tmp_path / "briefing.docx"
    document = docx.Document()
    document.core_properties.title = "Summit notes"
    document.core_properties.author = "J. Roe"
    document.add_paragraph("First paragraph.")
    document.add_paragraph("“Second,” she said.")
    document.save(path)
    doc = read_document(path)
    assert doc.text == "First paragraph.\n“Second,” she said."
    assert (doc.title, doc.author) == ("Summit notes", "J. Roe")


def test_html_keeps_the_article_and_drops_navigation_and_scripts(tmp_path):
    path = tmp_path / "page.html"
    body = " ".join(["The talks lasted four hours and ended without agreement."] * 3)
    path.write_text(
        "<html><head><title>Talks end | Herald</title><style>p{color:red}</style>"
        "<meta name='author' content='Jane Roe'></head><body><nav>Home | World | Sport</nav>"
        "<script>var tracking = 1;</script><article><h1>Talks end without deal</h1>"
        f"<p>“We are disappointed,” the minister said on Thursday. {body}</p>"
        f"<p>{body}</p></article><footer>Copyright Herald</footer></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert "“We are disappointed,” the minister said" in doc.text
    assert "tracking" not in doc.text and "Home | World" not in doc.text and "color" not in doc.text
    assert doc.title == "Talks end without deal"
    assert doc.author == "Jane Roe"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("broken.docx", b"PK\x03\x04 this is not a real zip", "not a readable Word document"),
        ("picture.png", b"\x89PNG\r\n", "unsupported file type"),
    ],
)
def test_bad_files_get_a_one_line_reason_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportProblem) as raised:
        read_document(path)
    message = str(raised.value)
    assert name in message and reason in message and "\n" not in message


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as f:
        f.truncate(100 * 1024 * 1024)
    with pytest.raises(ImportProblem, match="too large"):
        read_document(path)


def test_missing_path(tmp_path):
    [result] = read_all([tmp_path / "nope.txt"])
    assert result.problem == "no such file or folder"


def test_folder_import_is_recursive_reports_problems_and_skips_duplicates(project, tmp_path):
    folder = tmp_path / "articles"
    (folder / "2024" / "march").mkdir(parents=True)
    (folder / "a.txt").write_text("“One,” said Ann.", encoding="utf-8")
    (folder / "2024" / "march" / "b.md").write_text("# B\n“Two,” said Bob.", encoding="utf-8")
    (folder / "2024" / "c.txt").write_bytes("“Three,” said Cy.".encode("cp1252", errors="replace"))
    (folder / "2024" / "bad.txt").write_bytes(b"")
    (folder / "copy.txt").write_text("“One,” said Ann.", encoding="utf-8")
    report = import_files(project, [folder])
    assert sorted(d.title for d in report.added) == ["B", "a", "c"]
    assert [p.name for p, _ in report.failed] == ["bad.txt"]
    assert [p.name for p, _ in report.duplicates] == ["copy.txt"]
    assert len(project.documents()) == 3


def test_reimporting_an_edited_file_updates_it_and_reanchors_quotes(project, tmp_path):
    from annotator.core import Annotation
    from annotator.core.edits import AddAnnotation

    path = tmp_path / "story.txt"
    path.write_text("Intro. “We will fight,” she said.", encoding="utf-8")
    [doc] = import_files(project, [path]).added
    start = doc.text.index("“")
    project.apply(AddAnnotation(Annotation.on(doc.id, doc.text, start, start + 16)))
    path.write_text("A longer intro, corrected. “We will fight,” she said.", encoding="utf-8")
    report = import_files(project, [path])
    assert [d.id for d, _ in report.updated] == [doc.id]
    [moved] = project.annotations(doc.id)
    assert moved.quote == "“We will fight,”"
    assert project.document(doc.id).text[moved.start : moved.end] == moved.quote


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_does_not_stop_the_others(project, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Fine text.", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    os.chmod(locked, 0)
    try:
        report = import_files(project, [locked, good])
    finally:
        os.chmod(locked, 0o644)
    assert [d.title for d in report.added] == ["good"]
    assert [(p.name, reason) for p, reason in report.failed] == [
        ("locked.txt", "cannot be opened (Permission denied)")
    ]


def test_a_file_failing_to_open_does_not_stop_the_others(project, tmp_path, monkeypatch):
    """The same as above for every user, root included: the system refuses to open one."""
    good = tmp_path / "good.txt"
    good.write_text("Fine text.", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    real_open = os.open

    def refusing_open(path, flags, *args):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing_open)
    report = import_files(project, [locked, good])
    assert [d.title for d in report.added] == ["good"]
    assert [(p.name, reason) for p, reason in report.failed] == [
        ("locked.txt", "cannot be opened (Permission denied)")
    ]


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Talks in Geneva end in recriminations", "Talks in Geneva end in recriminations"),
        ("“We will not yield,” the minister said on Thursday.", "story"),
        ("Moscow", "story"),
    ],
)
def test_text_title_is_its_headline_or_the_file_name(tmp_path, first_line, title):
    path = tmp_path / "story.txt"
    path.write_text(f"{first_line}\n\nBody of the article follows here.", encoding="utf-8")
    assert read_document(path).title == title


def _docx(path, *paragraphs, title=None, author=None, heading=None):
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    if author is not None:
        document.core_properties.author = author
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def test_docx_from_python_docx_has_no_template_author_or_date(tmp_path):
    doc = read_document(_docx(tmp_path / "note.docx", "Short opening line", "Body text."))
    assert doc.author is None and doc.published is None
    assert doc.title == "Short opening line"


def test_docx_title_is_the_first_heading_when_the_property_is_a_placeholder(tmp_path):
    path = _docx(
        tmp_path / "speech.docx",
        "“We will rebuild,” she said.",
        title="Microsoft Word - speech.docx",
        heading="Budget speech 2024",
    )
    assert read_document(path).title == "Budget speech 2024"


def test_docx_real_properties_are_kept(tmp_path):
    path = tmp_path / "briefing.docx"
    document = docx.Document()
    document.core_properties.author = "Press office"
    document.core_properties.created = datetime(2022, 2, 10, 9, 30)
    document.add_paragraph("Text.")
    document.save(path)
    doc = read_document(path)
    assert (doc.author, doc.published) == ("Press office", "2022-02-10")


def test_folder_import_names_every_file_it_skips_and_why(project, tmp_path):
    folder = tmp_path / "inbox"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "notes.txt").write_text("not an article", encoding="utf-8")
    (folder / "speech.txt").write_text("“We will rebuild,” she said.", encoding="utf-8")
    (folder / "figures.xlsx").write_bytes(b"PK\x03\x04")
    (folder / ".DS_Store").write_bytes(b"\x00\x00")
    (folder / "~$speech.docx").write_bytes(b"owner")
    report = import_files(project, [folder])
    assert [d.title for d in report.added] == ["speech"]
    skipped = {p.name: reason for p, reason in report.skipped}
    assert skipped == {
        ".git": "a hidden folder",
        ".DS_Store": "a hidden file",
        "figures.xlsx": "not a supported kind of file (.txt, .md, .docx, .html, .pdf)",
        "~$speech.docx": "a lock file Word keeps while the document is open",
    }
    lines = report.lines()
    assert (
        f"skipped  {folder / 'figures.xlsx'}: not a supported kind of file "
        "(.txt, .md, .docx, .html, .pdf)"
    ) in lines
    assert "4 skipped" in report.summary()


def test_folder_import_takes_pdfs(project, tmp_path):
    from tests.data.io.pdf_maker import PdfPage, PdfSpec, draw_pdf

    folder = tmp_path / "releases"
    folder.mkdir()
    draw_pdf(folder / "release.pdf", PdfSpec([PdfPage([["Ministers meet today", "", "Text."]])]))
    report = import_files(project, [folder])
    assert [d.title for d in report.added] == ["Ministers meet today"]
    assert report.skipped == [] and report.failed == []
