"""The doccano export, read back with json and with doccano's own import rules.

doccano's import drops, without a word, every span that starts before the end of the
span kept before it (sorted by offsets) unless the project allows overlapping spans,
and its renderer counts UTF-16 code units.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Status
from annotator.io.doccano import QUOTE, write_doccano
from tests.data.io.sample_corpus import sample_corpus


def _write(tmp_path: Path, corpus: Corpus | None = None, **options: Any) -> list[dict[str, Any]]:
    path = tmp_path / "doccano.jsonl"
    corpus = corpus or sample_corpus()
    assert write_doccano(corpus, path, **options) == len(corpus.documents)
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n") and "\r" not in raw
    return [json.loads(line) for line in raw.splitlines()]


def _summit(lines: list[dict[str, Any]]) -> dict[str, Any]:
    return next(line for line in lines if line["title"].startswith("Summit"))


def doccano_keeps(spans: list[list[Any]]) -> list[list[Any]]:
    """The spans a project without "Allow overlapping spans" keeps on import."""
    kept, last_end = [], -1
    for start, end, label in sorted(spans):
        if start >= last_end:
            kept.append([start, end, label])
            last_end = end
    return kept


def _utf16(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def _with_nested_quote() -> Corpus:
    corpus = sample_corpus()
    outer = next(a for a in corpus.annotations if a.quote.startswith("This is a test"))
    summit = corpus.documents[0]
    start = summit.text.index("test")
    inner = Annotation.on(1, summit.text, start, start + 4, speaker="Liz Truss", id="nested")
    assert outer.start < inner.start < inner.end < outer.end
    return replace(corpus, annotations=(*corpus.annotations, inner))


def test_one_line_per_document_with_metadata(tmp_path: Path) -> None:
    lines = _write(tmp_path)
    corpus = sample_corpus()
    assert len(lines) == len(corpus.documents)
    summit = _summit(lines)
    assert summit["outlet"] == "The Example Times"
    assert summit["published"] == "2024-04-30"
    assert summit["sha256"] == corpus.documents[0].sha256


def test_no_label_is_lost_to_doccanos_overlap_rule(tmp_path: Path) -> None:
    for line in _write(tmp_path, _with_nested_quote()):
        assert doccano_keeps(line["label"]) == sorted(line["label"])
        drawn = [q for q in line["quotes"] if q.get("span", True)]
        assert len(drawn) == len(line["label"])


def test_speaker_tone_devices_are_metadata_of_the_span(tmp_path: Path) -> None:
    summit = _summit(_write(tmp_path))
    start = summit["text"].index("We will") + 2  # two emoji before it: UTF-16 units
    (label,) = [label for s, _e, label in summit["label"] if s == start]
    assert label == QUOTE
    (quote,) = [q for q in summit["quotes"] if q["start"] == start]
    assert quote["speaker"] == "Liz Truss" and quote["tone"] == "warning"
    assert quote["devices"] == ["metaphor", "repetition"]
    assert quote["note"].startswith("=cmd") and quote["status"] == "accepted"


def test_nested_quote_kept_in_metadata(tmp_path: Path) -> None:
    summit = _summit(_write(tmp_path, _with_nested_quote()))
    nested = next(q for q in summit["quotes"] if q["speaker"] == "Liz Truss" and not q["tone"])
    assert nested["span"] is False
    assert _utf16(summit["text"], nested["start"], nested["end"]) == "test"


def test_offsets_are_utf16_by_default(tmp_path: Path) -> None:
    corpus = sample_corpus()
    quotes = {a.quote for a in corpus.annotations}
    for line in _write(tmp_path):
        assert line["offsets"] == "utf-16"
        assert line["label"]
        for start, end, _label in line["label"]:
            assert _utf16(line["text"], start, end) in quotes


def test_code_point_offsets_on_request(tmp_path: Path) -> None:
    summit = _summit(_write(tmp_path, offsets="code points"))
    assert summit["offsets"] == "code points"
    starts = {s for s, _e, _label in summit["label"]}
    assert summit["text"].index("We will") in starts


def test_bad_offsets_option(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="offsets"):
        _write(tmp_path, offsets="bytes")


def test_status_is_in_the_label(tmp_path: Path) -> None:
    corpus = sample_corpus()
    first = corpus.annotations[0]
    rejected = replace(first, status=Status.REJECTED)
    corpus = replace(corpus, annotations=(rejected, *corpus.annotations[1:]))
    summit = _summit(_write(tmp_path, corpus))
    labels = {label for _s, _e, label in summit["label"]}
    assert labels == {QUOTE, f"{QUOTE} (suggested)", f"{QUOTE} (rejected)"}
    statuses = {q["status"] for q in summit["quotes"]}
    assert statuses == {"accepted", "suggested", "rejected"}


def test_full_layout_for_overlapping_projects(tmp_path: Path) -> None:
    summit = _summit(_write(tmp_path, _with_nested_quote(), overlapping=True))
    start = summit["text"].index("We will") + 2
    labels = {label for s, _e, label in summit["label"] if s == start}
    assert labels == {
        "QUOTE",
        "SPEAKER:Liz Truss",
        "TONE:warning",
        "DEVICE:metaphor",
        "DEVICE:repetition",
    }
    assert all(q.get("span", True) for q in summit["quotes"])


def test_rtl_text_kept(tmp_path: Path) -> None:
    arabic = next(line for line in _write(tmp_path) if line.get("language") == "ar")
    (start, end, _label), *_ = arabic["label"]
    assert arabic["text"][start:end] == "«لن نتراجع عن موقفنا»"


def test_every_line_has_the_same_keys(tmp_path: Path) -> None:
    # doccano tables the lines on import: a key one line lacks becomes NaN, which its
    # database refuses as JSON, and the whole file fails to import.
    lines = _write(tmp_path)
    assert lines[0].keys() == lines[1].keys()
    arabic = next(line for line in lines if line["language"] == "ar")
    assert arabic["author"] is None and arabic["source"] is None
    empty = replace(sample_corpus(), annotations=())
    assert all(line["quotes"] == [] for line in _write(tmp_path, empty))
