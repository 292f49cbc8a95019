"""Reading articles and speeches from files: txt, md, docx, html, pdf, and folders of them.

Each reader returns a core ``Document`` or raises ``ImportProblem`` naming the file and
the reason in one line. Text is kept verbatim except that line breaks become ``\\n`` and
a few stray control characters are removed (with a note). Decoding refuses rather than
guesses silently (see ``annotator.io.decoding``); only regular files are read, within
size limits, and a .docx is checked before it is expanded (see ``annotator.io.files``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core import Document
from annotator.io.decoding import DecodingProblem, decode_bytes
from annotator.io.files import (
    MB,
    ZIP_ERRORS,
    ImportProblem,
    archive_problem,
    display_path,
    read_limited,
)
from annotator.io.metadata import first_line_title, real_author, real_created, real_title

__all__ = ["ImportProblem", "ReadResult", "decode", "read_all", "read_document", "scan"]

MAX_BYTES = 20 * MB  # far above any article; stops a stray dump or video
# A .docx is a zip: what it may expand to (Word's own article-sized files are a few MB).
DOCX_EXPANDED = 100 * MB
DOCX_PART = 50 * MB
SUPPORTED = (".txt", ".text", ".md", ".markdown", ".docx", ".html", ".htm", ".pdf")
# The kinds as an analyst names them (the other suffixes are spellings of these).
KINDS = ".txt, .md, .docx, .html, .pdf"
# Word never writes a DTD; python-docx leaves entity references unexpanded, which would
# silently cut the paragraph holding one short.
_DTD = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))

Notes = list[str]


def normalise_newlines(text: str) -> str:
    """CRLF, lone CR, vertical tab, form feed, NEL and the Unicode line/paragraph
    separators become ``\\n``."""
    return re.sub(r"\r\n?|[\v\f\u2028\u2029\x85]", "\n", text)


def decode(data: bytes, path: Path | str, notes: Notes | None = None) -> str:
    """Decode text bytes (UTF-8/16/32 with or without BOM, or a named guess such as
    cp1252); ``ImportProblem`` rather than a wrong guess. Notes on guesses and removed
    control characters are appended to ``notes``."""
    try:
        decoded = decode_bytes(data)
    except DecodingProblem as problem:
        raise ImportProblem(path, str(problem)) from None
    if notes is not None:
        notes.extend(decoded.notes)
    return decoded.text


def _read_bytes(path: Path) -> bytes:
    data = read_limited(path, MAX_BYTES)
    if not data.strip():
        raise ImportProblem(path, "empty file")
    return data


def _finish(path: Path, text: str, title: str | None = None, **meta: str | None) -> Document:
    text = normalise_newlines(text).strip("\n")
    if not text.strip():
        raise ImportProblem(path, "no text found in the file")
    return Document(
        title=(title or "").strip() or display_path(path.stem),
        text=text,
        source=display_path(path.resolve()),
        **meta,  # type: ignore[arg-type]
    )


def headline(text: str) -> str | None:
    """The first line of a text when it reads as a headline: short, several words, and
    not ending like a sentence."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if 2 <= len(first.split()) <= 20 and len(first) <= 150 and first[-1] not in '.,;:!?"”’»':
        return first
    return None


def read_text(path: Path, notes: Notes | None = None) -> Document:
    """A plain text file in any common encoding; the title is its headline or file name."""
    text = decode(_read_bytes(path), path, notes)
    return _finish(path, text, headline(normalise_newlines(text)))


def read_markdown(path: Path, notes: Notes | None = None) -> Document:
    """A Markdown file, kept verbatim; the title is its first heading if it has one."""
    text = decode(_read_bytes(path), path, notes)
    heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return _finish(path, text, heading.group(1) if heading else None)


def _checked_docx(path: Path) -> bytes:
    """The bytes of a .docx that is safe to hand to python-docx: a zip whose parts stay
    within the size limits and declare no DTD."""
    data = _read_bytes(path)
    damaged = ImportProblem(path, "not a readable Word document (damaged, or not .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = archive_problem(
                archive, total_limit=DOCX_EXPANDED, member_limit=DOCX_PART, max_members=5000
            )
            if problem:
                raise ImportProblem(path, f"not imported: {problem}")
            if archive.testzip() is not None:  # a part's checksum is wrong
                raise damaged
            for member in archive.infolist():
                if member.filename.lower().endswith((".xml", ".rels")):
                    head = archive.read(member)
                    if any(marker in head for marker in _DTD):
                        raise ImportProblem(
                            path,
                            f"{member.filename} declares a DTD (XML entities), which Word "
                            "never writes; open the file in Word and save it again",
                        )
    except ImportProblem:
        raise
    except ZIP_ERRORS:
        raise damaged from None
    return data


def read_docx(path: Path, notes: Notes | None = None) -> Document:
    """A Word document: the text of its paragraphs, title and author from its properties."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    data = _checked_docx(path)
    # python-docx parses hostile input: damaged XML, missing parts or relationships.
    unreadable = (*ZIP_ERRORS, KeyError, IndexError, AttributeError, TypeError)
    try:
        document = docx.Document(io.BytesIO(data))
    except (*unreadable, etree.LxmlError, PackageNotFoundError) as error:
        raise ImportProblem(path, "not a readable Word document (damaged, or not .docx)") from error
    text = "\n".join(p.text for p in document.paragraphs)
    props = document.core_properties
    title = real_title(props.title) or _first_heading(document) or first_line_title(text)
    return _finish(
        path, text, title, author=real_author(props.author), published=real_created(props.created)
    )


def _first_heading(document: Any) -> str | None:
    """The text of the first non-empty paragraph styled as a title or heading."""
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if paragraph.text.strip() and style.startswith(("Title", "Heading")):
            return str(paragraph.text)
    return None


def read_pdf(path: Path, notes: Notes | None = None) -> Document:
    """A text PDF: its words in reading order without page headers, footers and numbers;
    title, author and date from its properties when real, else the title is its first line."""
    from annotator.io.pdf import PdfProblem, read_pdf_bytes

    try:
        pdf = read_pdf_bytes(_read_bytes(path))
    except PdfProblem as problem:
        raise ImportProblem(path, str(problem)) from None
    if notes is not None:
        notes.extend(pdf.notes)
    return _finish(path, pdf.text, pdf.title, author=pdf.author, published=pdf.published)


def read_html(path: Path, notes: Notes | None = None) -> Document:
    """A web page: the article body and its metadata, without navigation or scripts."""
    import trafilatura

    html = decode(_read_bytes(path), path, notes)
    extracted: Any = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None or not (extracted.text or "").strip():
        raise ImportProblem(path, "no article text found in the page")
    return _finish(
        path,
        extracted.text,
        extracted.title,
        author=extracted.author,
        outlet=extracted.sitename,
        published=extracted.date,
        language=extracted.language,
    )


READERS: dict[str, Callable[[Path, Notes | None], Document]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}


def read_document(path: Path, notes: Notes | None = None) -> Document:
    """Read one file with the reader for its extension. What the reader had to decide
    (a guessed encoding, control characters removed) is appended to ``notes``."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportProblem(
            path, f"unsupported file type {path.suffix or '(none)'!r} (supported: {KINDS})"
        )
    return reader(path, notes)


@dataclass(frozen=True)
class ReadResult:
    """One file of an import: the document read, or the problem found."""

    path: Path
    document: Document | None = None
    problem: str | None = None
    notes: tuple[str, ...] = ()


def _skip_reason(path: Path) -> str | None:
    """Why a file found in a folder is not imported, or None when it is."""
    if path.name.startswith("~$"):
        return "a lock file Word keeps while the document is open"
    if path.name.startswith("."):
        return "a hidden file"
    if path.is_symlink() and not path.exists():
        return "a link to a file that does not exist"
    if not path.is_file():
        return "not a regular file (a device, pipe or socket)"
    if path.suffix.lower() not in SUPPORTED:
        return f"not a supported kind of file ({KINDS})"
    return None


def _walk(folder: Path, files: list[Path], skipped: list[tuple[Path, str]]) -> None:
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        skipped.append((folder, f"the folder cannot be read ({error.strerror})"))
        return
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            if entry.name.startswith("."):
                skipped.append((entry, "a hidden folder"))
            else:
                _walk(entry, files, skipped)
        elif entry.is_dir():
            skipped.append((entry, "a link to a folder (not followed)"))
        else:
            reason = _skip_reason(entry)
            if reason is None:
                files.append(entry)
            else:
                skipped.append((entry, reason))


def scan(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files to read: those named directly, plus the supported files found
    recursively in folders; and every other file or folder met there, with why it is
    skipped (unsupported kind, hidden, a lock file...)."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            _walk(path, files, skipped)
        else:
            files.append(path)
    return files, skipped


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus supported files found recursively in folders."""
    return scan(paths)[0]


def read_all(paths: Iterable[Path]) -> Iterator[ReadResult]:
    """Read every file; a bad file yields its problem and the others still go in."""
    for path in expand(paths):
        notes: Notes = []
        try:
            document = read_document(path, notes)
            yield ReadResult(path, document=document, notes=tuple(notes))
        except ImportProblem as problem:
            yield ReadResult(path, problem=problem.reason)
        except Exception as error:  # a reader library failing on odd input
            yield ReadResult(path, problem=f"could not be read ({type(error).__name__}: {error})")
