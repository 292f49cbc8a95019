"""The CSV export, read back with the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

from annotator.core.corpus import Corpus
from annotator.io.csv_export import COLUMNS, DOCUMENT_COLUMNS, neutralise, write_csv
from tests.data.io.sample_corpus import sample_corpus


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_rows_round_trip_with_bom(tmp_path: Path) -> None:
    corpus = sample_corpus()
    path = tmp_path / "quotes.csv"
    assert write_csv(corpus, path) == len(corpus.annotations)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _rows(path)
    assert list(rows[0]) == [*COLUMNS, *DOCUMENT_COLUMNS]  # sample_corpus has no variables
    assert len(rows) == 4
    by_id = {row["annotation_id"]: row for row in rows}
    for annotation in corpus.annotations:
        row = by_id[annotation.id]
        assert (int(row["start"]), int(row["end"])) == (annotation.start, annotation.end)
        assert row["quote"] in (annotation.quote, "'" + annotation.quote)
        assert row["speaker"] == (annotation.speaker or "")
        assert row["devices"] == ";".join(annotation.devices)


def test_embedded_newline_and_context(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    write_csv(sample_corpus(), path)
    row = next(r for r in _rows(path) if r["speaker"] == "Keir Starmer")
    assert row["quote"] == "This is a test\nof our resolve."
    assert row["context"] == "The opposition leader replied: This is a test\nof our resolve."
    assert row["document"].startswith("Summit in Brussels")


def test_formula_injection_is_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    write_csv(sample_corpus(), path)
    rows = _rows(path)
    note = next(r["note"] for r in rows if r["speaker"] == "Liz Truss")
    assert note.startswith("'=cmd")
    assert "\x00" not in note and "\x0b" not in note
    suggested = next(r for r in rows if r["status"] == "suggested")
    assert suggested["quote"] == "'- Never again"
    assert float(suggested["confidence"]) == 0.72
    for row in rows:
        for column, cell in row.items():
            if column not in ("start", "end", "confidence"):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), column
    assert [neutralise(c) for c in ("@SUM", "+1", "\tx", "ok")] == ["'@SUM", "'+1", "'\tx", "ok"]


def test_no_bom_and_empty_corpus(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    assert write_csv(Corpus(), path, bom=False) == 0
    assert path.read_bytes().startswith(b"annotation_id,")


def test_rtl_quote_survives(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    write_csv(sample_corpus(), path)
    row = next(r for r in _rows(path) if r["speaker"] == "Ayman Safadi")
    assert row["quote"] == "«لن نتراجع عن موقفنا»"
