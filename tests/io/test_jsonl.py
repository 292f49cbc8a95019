import json
from pathlib import Path

import pytest

from annotator.core import Annotation, Document, Speaker, Status
from annotator.core.edits import AddAnnotation, AddSpeaker, Batch
from annotator.io.jsonl import (
    ANNOTATION_KEYS,
    DOCUMENT_KEYS,
    CorpusFormatError,
    read_jsonl,
    write_jsonl,
)
from annotator.store import Project

TEXT = "👋 “First quote,” said Ann.\n“Second” — Bob’s reply."


def fill(project: Project) -> None:
    doc = project.add_document(
        Document(title="One", text=TEXT, outlet="Herald", published="2024-03-14")
    )
    project.add_document(Document(title="Empty", text="No quotes here."))
    project.apply(Batch((AddSpeaker(Speaker("Ann", aliases=("A.",))), AddSpeaker(Speaker("Bob")))))
    first = TEXT.index("“First")
    second = TEXT.index("“Second")
    project.apply(
        AddAnnotation(
            Annotation.on(
                doc.id,
                TEXT,
                first,
                first + 15,
                speaker="Ann",
                tone="warning",
                devices=("simile", "hyperbole"),
                note="check",
                annotator="tester",
            )
        )
    )
    project.apply(
        AddAnnotation(
            Annotation.on(
                doc.id,
                TEXT,
                second,
                second + 8,
                speaker="Bob",
                status=Status.SUGGESTED,
                confidence=0.75,
            )
        )
    )


def test_every_key_is_present_and_quotes_match_the_text(project, tmp_path):
    fill(project)
    out = tmp_path / "corpus.jsonl"
    assert write_jsonl(project.corpus(), out) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        assert list(record) == [*DOCUMENT_KEYS, "annotations"]
        for a in record["annotations"]:
            assert list(a) == list(ANNOTATION_KEYS)
            assert record["text"][a["start"] : a["end"]] == a["quote"]
    assert records[1]["outlet"] is None and records[1]["annotations"] == []
    assert records[0]["annotations"][0]["devices"] == ["simile", "hyperbole"]


def test_export_import_export_is_byte_identical(project, tmp_path):
    fill(project)
    first = tmp_path / "first.jsonl"
    write_jsonl(project.corpus(), first)
    with Project(str(tmp_path / "empty.speechmark")) as empty:
        report = empty.import_corpus(read_jsonl(first))
        assert (report.documents_added, report.annotations_added) == (2, 2)
        second = tmp_path / "second.jsonl"
        write_jsonl(empty.corpus(), second)
    assert sorted(first.read_bytes().splitlines()) == sorted(second.read_bytes().splitlines())


def test_importing_twice_adds_nothing_the_second_time(project, tmp_path):
    fill(project)
    out = tmp_path / "c.jsonl"
    write_jsonl(project.corpus(), out)
    report = project.import_corpus(read_jsonl(out))
    assert (report.documents_added, report.annotations_added) == (0, 0)
    assert report.documents_present == 2


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('{"title": "no text"}', "line 2: each line must be an object with a 'text'"),
        (
            '{"text": "abc", "annotations": [{"start": 1, "end": 9}]}',
            "line 2: annotation span 1-9 is outside",
        ),
        (
            '{"text": "abc", "annotations": [{"start": 0, "end": 2, "quote": "xy"}]}',
            "does not match",
        ),
    ],
)
def test_bad_line_names_file_and_line_and_changes_nothing(project, tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "A fine first document."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=problem) as raised:
        project.import_corpus(read_jsonl(path))
    assert "bad.jsonl" in str(raised.value)
    assert project.documents() == []


def test_interrupted_corpus_import_leaves_no_trace(project, tmp_path, monkeypatch):
    fill(project)
    out = tmp_path / "c.jsonl"
    write_jsonl(project.corpus(), out)
    corpus = read_jsonl(out)
    with Project(str(tmp_path / "target.speechmark")) as target:
        before = (target.documents(), target.speakers(), target.codebook())
        import annotator.store.apply as apply

        def crash(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(apply, "insert", crash)
        with pytest.raises(RuntimeError):
            target.import_corpus(corpus)
        assert (target.documents(), target.speakers(), target.codebook()) == before
        assert target.annotations() == []


def test_an_annotation_id_used_twice_is_refused_naming_both_lines(project, tmp_path):
    text = "“One,” she said. “Two,” he said."
    quote = {"id": "same", "start": 0, "end": 6, "quote": "“One,”"}
    path = tmp_path / "twice.jsonl"
    lines = [
        json.dumps({"text": text, "annotations": [quote]}),
        json.dumps({"text": text + " More.", "annotations": [quote]}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        CorpusFormatError, match=r"line 2: annotation id 'same' is already used on line 1"
    ):
        read_jsonl(path)


def test_documents_with_the_same_id_keep_their_own_quotes(project, tmp_path):
    # Two analysts' exports joined: both number their documents from 1.
    first = {"id": 1, "text": "“Alpha,” said A.", "annotations": [{"start": 0, "end": 8}]}
    second = {"id": 1, "text": "Intro. “Beta,” said B.", "annotations": [{"start": 7, "end": 14}]}
    path = tmp_path / "joined.jsonl"
    path.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    project.import_corpus(read_jsonl(path))
    for doc in project.documents():
        for a in project.annotations(doc.id):
            assert doc.text[a.start : a.end] == a.quote
    assert sorted(a.quote for a in project.annotations()) == ["“Alpha,”", "“Beta,”"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_line_separators_inside_text_survive(project, tmp_path, separator):
    text = f"First part{separator}“second part,” she said."
    project.add_document(Document(title="Odd", text=text))
    out = tmp_path / "odd.jsonl"
    write_jsonl(project.corpus(), out)
    (doc,) = read_jsonl(out).documents
    assert doc.text == text


@pytest.mark.parametrize(
    "field, value, problem",
    [("speaker", 7, "'speaker' must be text"), ("note", {"a": 1}, "'note' must be text"),
     ("confidence", "high", "'confidence' must be a finite number"),
     ("devices", "metaphor", "'devices' must be a list of names"),
     ("status", "maybe", "'status' must be one of")],
)  # fmt: skip
def test_wrong_types_are_refused_naming_file_line_and_field(
    project, tmp_path, field, value, problem
):
    record = {"text": "“One,” she said.", "annotations": [{"start": 0, "end": 6, field: value}]}
    path = tmp_path / "typed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=rf"typed.jsonl, line 1: {problem}"):
        read_jsonl(path)


def test_an_infinite_confidence_is_refused(tmp_path):
    path = tmp_path / "inf.jsonl"
    path.write_text(
        '{"text": "“One,” x.", "annotations": [{"start": 0, "end": 6, "confidence": 1e400}]}\n',
        "utf-8",
    )
    with pytest.raises(CorpusFormatError, match="finite number"):
        read_jsonl(path)


def test_a_corpus_keeping_ids_beside_renumbered_ones_goes_in(project, tmp_path):
    project.add_document(Document(title="Mine 1", text="First of mine."))
    project.add_document(Document(title="Mine 2", text="Second of mine."))
    lines = [json.dumps({"id": n, "title": f"Theirs {n}", "text": f"Their text {n}."})
             for n in (1, 2, 3)]  # fmt: skip
    path = tmp_path / "theirs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = project.import_corpus(read_jsonl(path))
    assert report.documents_added == 3
    assert sorted(d.title for d in project.documents())[-3:] == ["Theirs 1", "Theirs 2", "Theirs 3"]
    assert project.document(3).title == "Theirs 3"  # its own id was free: kept


def test_a_device_named_as_a_corpus_is_refused(tmp_path):
    with pytest.raises(CorpusFormatError, match="regular file|not a file|cannot"):
        read_jsonl(Path("/dev/zero"))
