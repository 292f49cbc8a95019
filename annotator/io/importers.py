"""Reading articles and speeches from files: txt, md, docx, html, and folders of them.

Each reader returns a core ``Document`` or raises ``ImportProblem`` naming the file and
the reason in one line. Text is kept verbatim except that newlines become ``\\n``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from charset_normalizer import from_bytes

from annotator.core import Document

MAX_BYTES = 20 * 1024 * 1024  # far above any article; stops a stray dump or video
SUPPORTED = (".txt", ".text", ".md", ".markdown", ".docx", ".html", ".htm")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class ImportProblem(ValueError):
    """A file that cannot be imported; ``str()`` is one line naming file and reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = str(path), reason


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR (and Unicode line/paragraph separators) become ``\\n``."""
    return re.sub(r"\r\n?|[\u2028\u2029\x85]", "\n", text)


def decode(data: bytes, path: Path | str) -> str:
    """Decode text bytes in any common encoding (UTF-8/16 with or without BOM, cp1252...)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise ImportProblem(path, "binary file, not text")
    best = from_bytes(data).best()
    if best is not None and best.encoding != "cp1252" and _single_byte(best.encoding):
        # Short Western texts are often mistaken for Central European code pages; cp1252
        # (a superset of latin-1 for text) wins when it reads the bytes at least as cleanly.
        western = from_bytes(data, cp_isolation=["cp1252"]).best()
        if western is not None and western.chaos <= best.chaos + 0.02:
            best = western
    if best is None:
        raise ImportProblem(path, "cannot tell which text encoding this file uses")
    text = str(best)
    if len(_CONTROL.findall(text[:10000])) > 10:
        raise ImportProblem(path, "binary file, not text")
    return text


def _single_byte(encoding: str) -> bool:
    return encoding.startswith(("cp12", "iso8859", "latin", "mac_", "cp8", "windows"))


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(zeros_even, zeros_odd) > len(sample) // 4 and min(zeros_even, zeros_odd) < 4


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ImportProblem(path, "no such file or folder")
    size = path.stat().st_size
    if size > MAX_BYTES:
        mb, limit = size // (1024 * 1024), MAX_BYTES // (1024 * 1024)
        raise ImportProblem(path, f"file too large ({mb} MB; the limit is {limit} MB)")
    data = path.read_bytes()
    if not data.strip():
        raise ImportProblem(path, "empty file")
    return data


def _finish(path: Path, text: str, title: str | None = None, **meta: str | None) -> Document:
    text = normalise_newlines(text).strip("\n")
    if not text.strip():
        raise ImportProblem(path, "no text found in the file")
    return Document(
        title=(title or "").strip() or path.stem,
        text=text,
        source=str(path.resolve()),
        **meta,  # type: ignore[arg-type]
    )


def headline(text: str) -> str | None:
    """The first line of a text when it reads as a headline: short, several words, and
    not ending like a sentence."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if 2 <= len(first.split()) <= 20 and len(first) <= 150 and first[-1] not in '.,;:!?"”’»':
        return first
    return None


def read_text(path: Path) -> Document:
    """A plain text file in any common encoding; the title is its headline or file name."""
    text = decode(_read_bytes(path), path)
    return _finish(path, text, headline(normalise_newlines(text)))


def read_markdown(path: Path) -> Document:
    """A Markdown file, kept verbatim; the title is its first heading if it has one."""
    text = decode(_read_bytes(path), path)
    heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return _finish(path, text, heading.group(1) if heading else None)


def read_docx(path: Path) -> Document:
    """A Word document: the text of its paragraphs, title and author from its properties."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _read_bytes(path)
    try:
        document = docx.Document(str(path))
    except (BadZipFile, KeyError, ValueError, OSError, PackageNotFoundError) as error:
        raise ImportProblem(path, "not a readable Word document (damaged, or not .docx)") from error
    text = "\n".join(p.text for p in document.paragraphs)
    props = document.core_properties
    published = props.created.date().isoformat() if props.created else None
    return _finish(path, text, props.title, author=props.author or None, published=published)


def read_html(path: Path) -> Document:
    """A web page: the article body and its metadata, without navigation or scripts."""
    import trafilatura

    html = decode(_read_bytes(path), path)
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


READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
}


def read_document(path: Path) -> Document:
    """Read one file with the reader for its extension."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportProblem(path, f"unsupported file type {path.suffix or '(none)'!r}")
    return reader(path)


@dataclass(frozen=True)
class ReadResult:
    """One file of an import: the document read, or the problem found."""

    path: Path
    document: Document | None = None
    problem: str | None = None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus supported files found recursively in folders."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith(".")
                )
            )
        else:
            files.append(path)
    return files


def read_all(paths: Iterable[Path]) -> Iterator[ReadResult]:
    """Read every file; a bad file yields its problem and the others still go in."""
    for path in expand(paths):
        try:
            yield ReadResult(path, document=read_document(path))
        except ImportProblem as problem:
            yield ReadResult(path, problem=problem.reason)
        except Exception as error:  # a reader library failing on odd input
            yield ReadResult(path, problem=f"could not be read ({type(error).__name__}: {error})")
