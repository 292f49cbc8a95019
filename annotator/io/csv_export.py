"""Quotes as a spreadsheet: one CSV row per annotation.

UTF-8 with a byte-order mark by default, so Excel detects the encoding; the ``csv`` module
quotes cells with commas, quotes or newlines. Text cells that a spreadsheet would read as a
formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading
``'`` (OWASP's advice against CSV injection); offsets and confidence stay numbers.

After the quote's columns (``COLUMNS``) come the document's ``author`` and ``url`` and one
column per variable of the analyst's (``var_party``, ``var_region``...), empty where a
document does not have it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Annotation, Document
from annotator.core.reading import CorpusSource
from annotator.io.common import is_xml_safe, iso_utc, sentence_around, xml_safe
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
DOCUMENT_COLUMNS = ("author", "url")  # then one column per document variable
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell text, prefixed with ``'`` when a spreadsheet could run it as a formula."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def _text(value: str | None) -> str:
    # Control characters are dropped so every cell also survives an XLSX conversion.
    return neutralise(xml_safe(value)) if value else ""


def safe_name(prefix: str, name: str, taken: set[str]) -> str:
    """``prefix_name`` with anything but letters, digits and ``_`` made ``_`` (a column
    name SPSS, R and Excel all take), starting with a letter; unique among ``taken``."""
    base = re.sub(r"\W+", "_", f"{prefix}_{name}".casefold(), flags=re.ASCII).strip("_")
    if not base[:1].isalpha():
        base = f"v_{base}"
    found, n = base, 2
    while found in taken:
        found, n = f"{base}_{n}", n + 1
    taken.add(found)
    return found


def variable_columns(variables: Iterable[str], taken: set[str]) -> list[tuple[str, str]]:
    """Each document variable with its column name (``var_<name>``)."""
    taken.update(COLUMNS, DOCUMENT_COLUMNS)
    return [(name, safe_name("var", name, taken)) for name in variables]


def document_cells(document: Document, variables: list[tuple[str, str]]) -> list[str]:
    """The document's cells of a row: author, address, then each variable's value."""
    values = dict(document.attributes)
    return [_text(document.author), _text(document.url),
            *(_text(values.get(name)) for name, _column in variables)]  # fmt: skip


def _document_head(document: Document) -> list[str | int]:
    # The document's cells among the quote's, cleaned once for all its quotes.
    return [
        document.id if document.id is not None else "",
        _text(document.title),
        _text(document.outlet),
        _text(document.published),
        _text(document.source),
    ]


class _Cleaned(dict[str | None, str]):
    """Each name's cell, cleaned when first asked for."""

    def __missing__(self, value: str | None) -> str:
        cell = self[value] = _text(value)
        return cell


class _DeviceCells(dict[tuple[str, ...], str]):
    """Each set of devices' cell (joined by ``;``), cleaned when first asked for."""

    def __missing__(self, devices: tuple[str, ...]) -> str:
        cell = self[devices] = _text(";".join(devices))
        return cell


class QuoteCells:
    """The cells of each quote's row. Names (speakers, tones, devices, analysts) are few
    and on every row: each is cleaned once per export."""

    def __init__(self) -> None:
        self._names = _Cleaned()
        self._devices = _DeviceCells()

    def row(
        self, head: list[str | int], text: str, annotation: Annotation, *, clean: bool = False
    ) -> list[str | int | float]:
        """The quote's cells (``COLUMNS``), with ``head``, its document's, in their place.
        ``clean``: the document's text needs no cleaning (``is_xml_safe``), nor then does
        the sentence around the quote."""
        names = self._names
        quote_id, quote = annotation.id, annotation.quote
        note, why = annotation.note or "", annotation.why or ""
        if is_xml_safe(f"{quote_id} {quote} {note} {why}"):  # nearly always: one scan
            starts = _FORMULA_STARTS  # (the text of neutralise, without a call per cell)
            quote_id = f"'{quote_id}" if quote_id.startswith(starts) else quote_id
            quote = f"'{quote}" if quote.startswith(starts) else quote
            note = f"'{note}" if note.startswith(starts) else note
            why = f"'{why}" if why.startswith(starts) else why
        else:
            quote_id, quote, note, why = map(_text, (quote_id, quote, note, why))
        context = sentence_around(text, annotation.start, annotation.end)
        return [
            quote_id,
            *head,
            annotation.start,
            annotation.end,
            quote,
            names[annotation.speaker],
            names[annotation.tone],
            self._devices[annotation.devices],
            note,
            annotation.status.value,
            annotation.confidence if annotation.confidence is not None else "",
            names[annotation.annotator],
            iso_utc(annotation.created),
            iso_utc(annotation.modified),
            why,
            neutralise(context) if clean else _text(context),
        ]


def write_csv(corpus: CorpusSource, path: Path | str, *, bom: bool = True) -> int:
    """Write one row per annotation of ``corpus`` to ``path``; return the rows written.

    Columns: ``COLUMNS``, ``DOCUMENT_COLUMNS``, then the variables. Devices are joined with
    ``;``; ``context`` is the sentence around the quote. Rows follow the documents by date,
    then the quotes in reading order.
    """
    written = 0
    encoding = "utf-8-sig" if bom else "utf-8"
    with corpus.reading() as reader, writing_text(path, encoding=encoding, newline="") as stream:
        variables = variable_columns(reader.variables(), set())
        writer = csv.writer(stream)
        writer.writerow([*COLUMNS, *DOCUMENT_COLUMNS, *(column for _n, column in variables)])
        quote = QuoteCells()
        for document, annotations in reader.by_document():
            head, cells = _document_head(document), document_cells(document, variables)
            text = document.text
            clean = is_xml_safe(text)
            writer.writerows([*quote.row(head, text, a, clean=clean), *cells] for a in annotations)
            written += len(annotations)
    return written
