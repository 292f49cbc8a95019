"""Property-based checks of every file importer, shared by the tests and the suite.

For any input: the reader raises only its documented error (``ImportProblem``,
``QdpxError``, ``CorpusFormatError``; the store's ``StoreError``), and then the project
is unchanged; or it accepts the input, and then the project holds exactly what was read,
every quote equal to its text, and a text whose encoding is known is read exactly (one
that had to be guessed says so in a note).
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import docx
from hypothesis import strategies as st

from annotator.app.imports import import_corpus, import_files
from annotator.core import Annotation, Document
from annotator.core.corpus import Corpus
from annotator.io.decoding import CONTROL
from annotator.io.importers import ImportProblem, normalise_newlines, read_document
from annotator.io.jsonl import CorpusFormatError, read_jsonl, write_jsonl
from annotator.io.qdpx import QdpxError, read_qdpx, write_qdpx
from annotator.store import Project, StoreError

TALLY: Counter[str] = Counter()  # tried / rejected / accepted, per importer

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le",
             "utf-32-be", "cp1252")  # fmt: skip
# Text an analyst's files hold: letters of several scripts, punctuation, quotes, emoji,
# line breaks and now and then a control character.
_ALPHABET = st.sampled_from(
    list("abc xyz ABC., ;:!?\n\t\r") + list("éèçñöüßÆØ") + list("“”‘’«»—…")
    + list("Ελληνικά кириллица עברית عربى 中文 日本語") + ["🙂", "\u2028", "\x85", "\x00", "\x07"]
)  # fmt: skip
TEXTS = st.text(_ALPHABET, min_size=0, max_size=300)
LATIN = st.text(st.sampled_from(list("abc xyz ABC.,;:!?\n\"'éèçñöüß“”—")), max_size=300)


EDITS = st.lists(
    st.tuples(
        st.integers(0, 1 << 20),  # where, modulo the length (exports differ from run to run)
        st.sampled_from(["replace", "insert", "delete", "truncate"]),
        st.integers(0, 255),
    ),
    max_size=4,
)


def mutated(data: bytes, edits: list[tuple[int, str, int]]) -> bytes:
    """``data`` with a few bytes replaced, inserted or removed, or cut short."""
    data = bytearray(data)
    for position, kind, byte in edits:
        if not data:
            break
        where = position % len(data)
        if kind == "replace":
            data[where] = byte
        elif kind == "insert":
            data.insert(where, byte)
        elif kind == "delete":
            del data[where]
        else:
            del data[where:]
    return bytes(data)


def _state(project: Project) -> tuple[object, ...]:
    return (
        tuple((d.id, d.text, d.title) for d in project.documents()),
        tuple(sorted(a.id for a in project.annotations())),
        tuple(s.name for s in project.speakers()),
    )


def expected_text(text: str) -> str:
    """What an importer keeps of a text it reads: controls out, line breaks as ``\\n``."""
    return normalise_newlines(CONTROL.sub("", text)).strip("\n")


def check_file(project: Project, path: Path, known_text: str | None) -> str:
    """Read and import one article file; "rejected" or "accepted" (else AssertionError).
    ``known_text`` is the text the bytes truly hold, when known."""
    kind = path.suffix.lstrip(".")
    TALLY[f"{kind} tried"] += 1
    before = _state(project)
    notes: list[str] = []
    try:
        doc = read_document(path, notes)
    except ImportProblem as problem:
        assert "\n" not in str(problem) and path.name in str(problem)
        report = import_files(project, [path])
        assert report.added == [] and len(report.failed) == 1
        assert _state(project) == before, "a refused file changed the project"
        TALLY[f"{kind} rejected"] += 1
        return "rejected"
    if known_text is not None:
        assert doc.text == expected_text(known_text), (doc.text, known_text)
    elif kind in ("txt", "md", "html") and not _unambiguous(path.read_bytes()):
        assert notes, "a text that is neither UTF-8 nor marked was accepted without a note"
    report = import_files(project, [path])
    stored = [d for d in project.documents() if d.sha256 == doc.sha256]
    assert len(stored) == 1 and stored[0].text == doc.text
    assert report.added or report.duplicates or report.updated
    TALLY[f"{kind} accepted"] += 1
    return "accepted"


def _unambiguous(data: bytes) -> bool:
    """UTF-8, or text with a byte-order mark: nothing about it is guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def encoded(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; characters cp1252 lacks become ``?``."""
    return text.encode(encoding, errors="replace" if encoding == "cp1252" else "strict")


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A Word document with these paragraphs."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_xml_change(data: bytes, change: str) -> bytes:
    """The document with its body XML changed: a DTD with an entity, or a huge part."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            part = source.read(item)
            if item.filename == "word/document.xml":
                if change == "entity":
                    part = re.sub(rb"\?>", b'?><!DOCTYPE x [<!ENTITY e "entity">]>', part, count=1)
                    part = part.replace(b"</w:t>", b"&e;</w:t>", 1)
                else:
                    part = part.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 9_000_000, 1)
            target.writestr(item, part)
    return out.getvalue()


# Without CR: a .qdpx reader turns CRLF into LF (moving quotes with it), by design.
CORPUS_TEXTS = st.lists(
    st.text(_ALPHABET.filter(lambda c: c != "\r"), min_size=1, max_size=120),
    min_size=1,
    max_size=3,
    unique=True,
)


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    """A small corpus with quotes on random spans."""
    texts = draw(CORPUS_TEXTS)
    documents = tuple(Document(title=f"d{i}", text=t, id=i + 1) for i, t in enumerate(texts))
    annotations = []
    for doc in documents:
        for _ in range(draw(st.integers(0, 3))):
            start = draw(st.integers(0, len(doc.text) - 1))
            end = draw(st.integers(start + 1, len(doc.text)))
            speaker = draw(st.sampled_from([None, "Ann Lee", "Bo"]))
            annotations.append(Annotation.on(doc.id or 0, doc.text, start, end, speaker=speaker))
    return Corpus(documents=documents, annotations=tuple(annotations))


def write_corpus(corpus: Corpus, path: Path) -> None:
    """The corpus in the format of ``path``'s suffix."""
    (write_qdpx if path.suffix == ".qdpx" else write_jsonl)(corpus, path)


def check_corpus_file(project: Project, path: Path, original: Corpus | None) -> str:
    """Read and import a .qdpx or .jsonl corpus; "rejected" or "accepted"."""
    kind = path.suffix.lstrip(".")
    TALLY[f"{kind} tried"] += 1
    before = _state(project)
    reader = read_qdpx if kind == "qdpx" else read_jsonl
    try:
        corpus = reader(path)
        import_corpus(project, corpus)
    except (QdpxError, CorpusFormatError, StoreError) as problem:
        assert "\n" not in str(problem).strip()
        assert _state(project) == before, "a refused corpus changed the project"
        TALLY[f"{kind} rejected"] += 1
        return "rejected"
    texts = {d.id: d.text for d in corpus.documents}
    assert all(texts[a.document_id][a.start : a.end] == a.quote for a in corpus.annotations)
    stored_texts = {d.id: d.text for d in project.documents()}
    for a in project.annotations():
        assert stored_texts[a.document_id][a.start : a.end] == a.quote
    if original is not None:  # an untouched export must come back exactly
        assert sorted(d.text for d in corpus.documents) == sorted(
            d.text for d in original.documents
        )
        spans = sorted((a.start, a.end, a.quote, a.speaker or "") for a in corpus.annotations)
        wanted = sorted((a.start, a.end, a.quote, a.speaker or "") for a in original.annotations)
        assert spans == wanted
    TALLY[f"{kind} accepted"] += 1
    return "accepted"
