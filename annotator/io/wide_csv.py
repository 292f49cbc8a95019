"""Quotes for statistics packages: the spreadsheet export, one 0/1 column per code.

Each row is a quote with every column of the plain CSV export, the document's author,
address and the analyst's variables, then one indicator column per tone, device and
speaker (1 when the quote has it, else 0), ready for SPSS, R or Excel. Indicator and
variable names are made safe for those tools (letters, digits and ``_``, starting with a
letter) and never clash.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from annotator.core.model import Annotation
from annotator.core.reading import CorpusReader, CorpusSource
from annotator.io.common import is_xml_safe, names_used
from annotator.io.csv_export import (
    COLUMNS,
    DOCUMENT_COLUMNS,
    QuoteCells,
    _document_head,
    document_cells,
    safe_name,
    variable_columns,
)
from annotator.io.safe_write import writing_text


def _columns(reader: CorpusReader) -> dict[str, list[tuple[str, str]]]:
    """Per kind, each name with its column: the codebook's codes, then any others used."""
    used, codebook = reader.usage(), reader.codebook
    tones = names_used([*(c.name for c in codebook.tones), *used.tones])
    devices = names_used([*(c.name for c in codebook.devices), *used.devices])
    taken: set[str] = set()
    return {
        "variable": variable_columns(used.variables, taken),
        "tone": [(t, safe_name("tone", t, taken)) for t in tones],
        "device": [(d, safe_name("device", d, taken)) for d in devices],
        "speaker": [(s, safe_name("speaker", s, taken)) for s in used.speakers],
    }


# Stands for the commas between a quote's 0/1 cells, written as one cell: no other cell
# can hold it (cleaned cells hold no control character), so the csv module never quotes
# that cell, and each document's rows have it replaced by commas at once.
_BETWEEN = "\x01"


class _Indicators:
    """A quote's 0/1 cells: each tone, device and speaker column, in the header's order,
    as one cell of the row (none without such columns). Quotes share a few tones, speakers
    and sets of devices: each cell is worked out once."""

    def __init__(self, columns: dict[str, list[tuple[str, str]]]) -> None:
        self._tones = [name for name, _column in columns["tone"]]
        self._devices = [name for name, _column in columns["device"]]
        self._speakers = [name for name, _column in columns["speaker"]]
        self._found: dict[tuple[str | None, tuple[str, ...], str | None], tuple[str, ...]] = {}

    def of(self, quote: Annotation) -> tuple[str, ...]:
        """The cells of ``quote``, joined by ``_BETWEEN``, as the row's last cell."""
        key = (quote.tone, quote.devices, quote.speaker)
        cells = self._found.get(key)
        if cells is None:
            flags = [
                *(quote.tone == t for t in self._tones),
                *(d in quote.devices for d in self._devices),
                *(quote.speaker == s for s in self._speakers),
            ]
            joined = _BETWEEN.join("1" if flag else "0" for flag in flags)
            cells = self._found[key] = (joined,) if flags else ()
        return cells


def write_wide(corpus: CorpusSource, path: Path | str) -> int:
    """Write one row per quote with 0/1 code columns; returns the rows written."""
    written = 0
    with corpus.reading() as reader, writing_text(path, encoding="utf-8-sig", newline="") as stream:
        columns = _columns(reader)
        header = [*COLUMNS, *DOCUMENT_COLUMNS, *(c for kind in columns.values() for _n, c in kind)]
        csv.writer(stream).writerow(header)
        # A document's rows go through the csv module into a buffer, and on to the file
        # as one piece of text with the 0/1 cells' stand-ins made commas.
        lines = io.StringIO()
        writerows = csv.writer(lines).writerows
        write, quote, indicators = stream.write, QuoteCells(), _Indicators(columns)
        for document, annotations in reader.by_document():
            head, cells = _document_head(document), document_cells(document, columns["variable"])
            text, clean = document.text, is_xml_safe(document.text)
            row, flags = quote.row, indicators.of
            writerows([*row(head, text, a, clean=clean), *cells, *flags(a)] for a in annotations)
            write(lines.getvalue().replace(_BETWEEN, ","))
            lines.seek(0)
            lines.truncate()
            written += len(annotations)
    return written
