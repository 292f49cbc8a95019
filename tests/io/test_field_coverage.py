"""Every field of a quote is written by every format, or the format says it drops it.

The fields come from the ``Annotation`` declaration (``annotator.core.fields``), so a field
added there fails this test until each format writes it or declares it dropped
(``ExportFormat.drops``). Each field gets a value found nowhere else in the corpus, and the
test looks for it in everything the writer produced (inside zip packages too).
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator.core import Annotation, Code, Codebook, CodeKind, Document, Speaker, Status
from annotator.core.corpus import Corpus
from annotator.core.fields import CARRIED, QUOTE_FIELDS
from annotator.io.formats import DOCUMENT_FIELDS, EXPORT_FORMATS

TEXT = "Opening words. " * 80 + "“Unmistakable marker quote here,” said someone." + " End." * 5
START = TEXT.index("“Unmistakable")
END = START + len("“Unmistakable marker quote here,”")
VALUES = {
    "speaker": "Zephyrine Quark", "tone": "Tonemarker", "devices": ("Devicemarker",),
    "note": "Notemarker text", "status": Status.SUGGESTED, "confidence": 0.4321,
    "annotator": "Annotatormarker", "created": datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC),
    "modified": datetime(2002, 3, 4, 5, 6, 7, tzinfo=UTC),
    "id": "idmarker0123456789abcdef", "why": "Whymarker reason",
}  # fmt: skip
# What each field looks like in any output that holds it.
MARKERS = {
    "start": str(START), "end": str(END), "quote": "Unmistakable marker quote here",
    "speaker": "Zephyrine Quark", "tone": "Tonemarker", "devices": "Devicemarker",
    "note": "Notemarker", "status": "suggested", "confidence": "0.4321",
    "annotator": "Annotatormarker", "created": "2001-02-03", "modified": "2002-03-04",
    "id": "idmarker0123456789abcdef", "why": "Whymarker",
}  # fmt: skip
FIELDS = [name for name in CARRIED if name != "document_id"]  # the line/file a quote is in


# A document whose every field has a value found nowhere else.
DOCUMENT_MARKERS = {
    "title": "Titlemarker", "outlet": "Outletmarker", "author": "Authormarker",
    "published": "1987-06-05", "language": "xx-Langmarker",
    "source": "https://sourcemarker.example/a", "url": "https://urlmarker.example/b",
    "attributes": "Variablevaluemarker",
}  # fmt: skip


def _written(name: str, tmp_path: Path) -> str:
    fmt = EXPORT_FORMATS[name]
    annotation = Annotation.on(7, TEXT, START, END, **VALUES)  # type: ignore[arg-type]
    codebook = Codebook(
        tones=(Code(CodeKind.TONE, "Tonemarker"),), devices=(Code(CodeKind.DEVICE, "Devicemarker"),)
    )
    corpus = Corpus(
        (_document(),), (annotation,), (Speaker("Zephyrine Quark"),),
        codebook,
    )  # fmt: skip
    out = tmp_path / (f"corpus{fmt.suffix}" if fmt.suffix else "corpus")
    fmt.writer()(corpus, out)
    texts = []
    for path in [out] if out.is_file() else sorted(out.rglob("*")):
        if path.is_file() and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as package:
                texts += [package.read(n).decode("utf-8", "replace") for n in package.namelist()]
        elif path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


def _document() -> Document:
    values = {k: v for k, v in DOCUMENT_MARKERS.items() if k != "attributes"}
    return Document(text=TEXT, id=7, attributes=(("Varname", DOCUMENT_MARKERS["attributes"]),),
                    **values)  # type: ignore[arg-type]  # fmt: skip


def test_every_field_has_a_marker():
    assert set(FIELDS) == set(MARKERS)
    assert {f.name for f in QUOTE_FIELDS if f.derived} == {"prefix", "suffix", "placed"}


@pytest.mark.parametrize("format_name", sorted(EXPORT_FORMATS))
@pytest.mark.parametrize("field", FIELDS)
def test_field_is_written_or_declared_dropped(format_name, field, tmp_path):
    fmt = EXPORT_FORMATS[format_name]
    found = MARKERS[field] in _written(format_name, tmp_path)
    if field in fmt.drops:
        assert not found, f"{format_name} writes {field} but declares it dropped"
    else:
        assert found, f"{format_name} neither writes {field} nor declares it dropped"


@pytest.mark.parametrize("format_name", sorted(EXPORT_FORMATS))
@pytest.mark.parametrize("field", DOCUMENT_FIELDS)
def test_document_field_is_written_or_declared_dropped(format_name, field, tmp_path):
    fmt = EXPORT_FORMATS[format_name]
    found = DOCUMENT_MARKERS[field] in _written(format_name, tmp_path)
    if field in fmt.document_drops:
        assert not found, f"{format_name} writes the document's {field} but declares it dropped"
    else:
        assert found, f"{format_name} neither writes the document's {field} nor declares it dropped"


def test_lossless_formats_drop_nothing():
    assert EXPORT_FORMATS["jsonl"].drops == frozenset()
    assert EXPORT_FORMATS["jsonl"].document_drops == frozenset()
    assert set(DOCUMENT_MARKERS) == set(DOCUMENT_FIELDS)
