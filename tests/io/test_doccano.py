"""The doccano export, read back with json line by line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.io.doccano import write_doccano
from tests.data.io.sample_corpus import sample_corpus


def _lines(tmp_path: Path) -> list[dict[str, Any]]:
    path = tmp_path / "doccano.jsonl"
    assert write_doccano(sample_corpus(), path) == 4
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n") and "\r" not in raw
    return [json.loads(line) for line in raw.splitlines()]


def test_one_line_per_document_with_metadata(tmp_path: Path) -> None:
    lines = _lines(tmp_path)
    corpus = sample_corpus()
    assert len(lines) == len(corpus.documents)
    summit = next(line for line in lines if line["title"].startswith("Summit"))
    assert summit["outlet"] == "The Example Times"
    assert summit["published"] == "2024-04-30"
    assert summit["sha256"] == corpus.documents[0].sha256


def test_labels_are_code_point_spans(tmp_path: Path) -> None:
    corpus = sample_corpus()
    quotes = {a.quote for a in corpus.annotations}
    spans = [(line["text"], label) for line in _lines(tmp_path) for label in line["label"]]
    assert {text[start:end] for text, (start, end, _label) in spans} == quotes
    for text, (start, end, label) in spans:
        assert text[start:end] in quotes
        assert label == "QUOTE" or label.split(":", 1)[0] in ("SPEAKER", "TONE", "DEVICE")


def test_speaker_tone_devices_share_the_span(tmp_path: Path) -> None:
    summit = next(line for line in _lines(tmp_path) if line["title"].startswith("Summit"))
    start = summit["text"].index("We will")
    labels = {label for s, _e, label in summit["label"] if s == start}
    assert labels == {
        "QUOTE",
        "SPEAKER:Liz Truss",
        "TONE:warning",
        "DEVICE:metaphor",
        "DEVICE:repetition",
    }
    # The emoji before the quote counts one code point each.
    assert start == 43
    assert summit["notes"][0][2].startswith("=cmd")


def test_rtl_text_kept(tmp_path: Path) -> None:
    arabic = next(line for line in _lines(tmp_path) if line.get("language") == "ar")
    (start, end, _label), *_ = arabic["label"]
    assert arabic["text"][start:end] == "«لن نتراجع عن موقفنا»"
