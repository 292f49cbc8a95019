"""Quotes as a spreadsheet: one CSV row per annotation.

UTF-8 with a byte-order mark by default, so Excel detects the encoding; the ``csv`` module
quotes cells with commas, quotes or newlines. Text cells that a spreadsheet would read as a
formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading
``'`` (OWASP's advice against CSV injection); offsets and confidence stay numbers.
"""

from __future__ import annotations

import csv
from pathlib import Path

from annotator.core.model import Annotation, Document
from annotator.core.reading import CorpusSource
from annotator.io.common import iso_utc, sentence_around, xml_safe
from annotator.io.safe_write import writing_text

COLUMNS = (
    "annotation_id",
    "document_id",
    "document",
    "outlet",
    "published",
    "source",
    "start",
    "end",
    "quote",
    "speaker",
    "tone",
    "devices",
    "note",
    "status",
    "confidence",
    "annotator",
    "created",
    "modified",
    "why",
    "context",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell text, prefixed with ``'`` when a spreadsheet could run it as a formula."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def _text(value: str | None) -> str:
    # Control characters are dropped so every cell also survives an XLSX conversion.
    return neutralise(xml_safe(value))


def _row(document: Document, annotation: Annotation) -> list[str | int | float]:
    return [
        _text(annotation.id),
        document.id if document.id is not None else "",
        _text(document.title),
        _text(document.outlet),
        _text(document.published),
        _text(document.source),
        annotation.start,
        annotation.end,
        _text(annotation.quote),
        _text(annotation.speaker),
        _text(annotation.tone),
        _text(";".join(annotation.devices)),
        _text(annotation.note),
        annotation.status.value,
        annotation.confidence if annotation.confidence is not None else "",
        _text(annotation.annotator),
        iso_utc(annotation.created),
        iso_utc(annotation.modified),
        _text(annotation.why),
        _text(sentence_around(document.text, annotation.start, annotation.end)),
    ]


def write_csv(corpus: CorpusSource, path: Path | str, *, bom: bool = True) -> int:
    """Write one row per annotation of ``corpus`` to ``path``; return the rows written.

    Columns: see ``COLUMNS``. Devices are joined with ``;``; ``context`` is the sentence
    around the quote. Rows follow the documents by date, then the quotes in reading order.
    """
    written = 0
    encoding = "utf-8-sig" if bom else "utf-8"
    with corpus.reading() as reader, writing_text(path, encoding=encoding, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for document, annotations in reader.by_document():
            writer.writerows(_row(document, annotation) for annotation in annotations)
            written += len(annotations)
    return written
