"""The typed one-pass reading of a JSONL corpus takes and refuses what the complete check
does, with the same values and the same messages."""

import json

import pytest

import annotator.io.jsonl as jsonl
from annotator.io.jsonl import CorpusFormatError, iter_jsonl_records

TEXT = "“One,” she said. “Two,” he said. 👋"
QUOTE = {"id": "q1", "start": 0, "end": 6, "quote": "“One,”"}
LINES = [
    # Taken, with values both readings must give alike.
    {"id": 3, "title": "T", "text": TEXT, "annotations": [QUOTE]},
    {"text": TEXT, "annotations": [{**QUOTE, "confidence": 1, "devices": ["a", "b"]}]},
    {"text": TEXT, "annotations": [{**QUOTE, "created": "2024-03-14T09:00:00+02:00"}]},
    {"text": TEXT, "annotations": [{**QUOTE, "status": "suggested", "unknown": [1, {}]}]},
    {"text": TEXT, "attributes": [], "annotations": []},  # an empty value of another type
    {"text": TEXT, "attributes": {"desk": "politics"}, "extra": None, "annotations": None},
    {"id": True, "text": TEXT, "title": "", "annotations": [{"start": 17, "end": 23}]},
    # Refused.
    {"text": TEXT, "annotations": [{**QUOTE, "start": True}]},
    {"text": TEXT, "annotations": [{**QUOTE, "start": 1.0}]},
    {"text": TEXT, "annotations": [{**QUOTE, "end": 99}]},
    {"text": TEXT, "annotations": [{**QUOTE, "quote": "other"}]},
    {"text": TEXT, "annotations": [{**QUOTE, "status": "maybe"}]},
    {"text": TEXT, "annotations": [{**QUOTE, "confidence": True}]},
    {"text": TEXT, "annotations": [{**QUOTE, "created": "yesterday"}]},
    {"text": TEXT, "annotations": [{**QUOTE, "devices": ["a", 2]}]},
    {"text": TEXT, "annotations": [{**QUOTE, "id": 5}]},
    {"text": TEXT, "annotations": [QUOTE, {**QUOTE, "start": 17, "end": 23, "quote": None}]},
    {"text": TEXT, "annotations": [{"end": 6}]},
    {"text": TEXT, "annotations": ["not an object"]},
    {"text": TEXT, "title": 7},
    {"text": TEXT, "attributes": {"desk": 1}},
    {"text": ""},
    ["not", "an", "object"],
]
RAW_LINES = [
    '{"text": "abc", "annotations": [{"start": 0, "end": 1, "confidence": NaN}]}',
    '{"text": "abc", "annotations": [{"start": 0, "end": 1, "confidence": 1e400}]}',
    '{"text": "abc", "text": "abcd", "annotations": [{"start": 0, "end": 4}]}',
    '{"text": "a\\ud800b", "annotations": [{"start": 0, "end": 1}]}',
    "{not json",
]


def outcome(path):
    """What reading gives: each line's document and records (generated ids left out), or
    the message of the error."""
    try:
        return [
            (line.document, [quote[1:] for quote in line.quotes], line.number)
            for line in iter_jsonl_records(path)
        ]
    except CorpusFormatError as error:
        return str(error)


@pytest.mark.parametrize("line", [json.dumps(line) for line in LINES] + RAW_LINES)
def test_the_typed_reading_agrees_with_the_complete_check(tmp_path, monkeypatch, line):
    path = tmp_path / "odd.jsonl"
    first = json.dumps({"id": 1, "text": TEXT, "annotations": [{**QUOTE, "id": "q0"}]})
    path.write_text(first + "\n" + line + "\n", encoding="utf-8")
    typed = outcome(path)
    monkeypatch.setattr(jsonl._LineReader, "_read_typed", lambda *args: None)
    assert typed == outcome(path)


def test_a_quote_id_of_an_earlier_line_is_refused_naming_both_lines(tmp_path):
    path = tmp_path / "twice.jsonl"
    line = json.dumps({"text": TEXT, "annotations": [QUOTE]})
    path.write_text(line + "\n" + line + "\n", encoding="utf-8")
    assert outcome(path).endswith("line 2: annotation id 'q1' is already used on line 1")


def test_valid_lines_are_read_in_one_typed_pass(tmp_path, monkeypatch):
    path = tmp_path / "plain.jsonl"
    lines = [
        json.dumps({**line, "annotations": [{**line["annotations"][0], "id": f"q{n}"}]})
        for n, line in enumerate(LINES[:4])
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def refuse(*args):
        raise AssertionError("read again by the complete check")

    monkeypatch.setattr(jsonl._LineReader, "_read_checked", refuse)
    assert len(outcome(path)) == 4
