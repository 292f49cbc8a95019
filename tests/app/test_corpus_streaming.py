"""Importing a JSONL corpus file as it is read (the path of ``import-corpus``)."""

import json
from pathlib import Path

import pytest

from annotator.app.imports import import_corpus_file
from annotator.core import Document
from annotator.io.jsonl import CorpusFormatError, read_jsonl, write_jsonl
from annotator.store import Project
from annotator.store.bulk_import import ImportCancelled
from tests.data.io.awkward_corpus import exported_awkward_corpus


def state(project: Project) -> tuple[object, ...]:
    """Everything an import could change."""
    return (
        project.documents(),
        project.annotations(),
        project.speakers(),
        project.codebook(),
        project.edit_count(),
    )


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    return exported_awkward_corpus(tmp_path)


def test_a_streamed_corpus_exports_as_its_source(corpus_file, tmp_path):
    with Project(str(tmp_path / "target.speechmark")) as target:
        imported = import_corpus_file(target, corpus_file)
        again = tmp_path / "again.jsonl"
        write_jsonl(target.corpus(), again)
    assert imported.report.documents_added == len(corpus_file.read_text("utf-8").splitlines())
    assert again.read_bytes() == corpus_file.read_bytes()


def test_streaming_and_the_in_memory_import_give_the_same_project(corpus_file, tmp_path):
    # A project with documents of its own: the corpus's ids 1 and 2 are taken, and one
    # text is already present, so quotes go onto it and documents are renumbered.
    results = []
    for way in ("streamed", "in memory"):
        with Project(str(tmp_path / f"{way}.speechmark")) as project:
            project.add_document(Document(title="Mine", text="A text of my own."))
            first = json.loads(corpus_file.read_text("utf-8").splitlines()[0])
            project.add_document(Document(title="Same text", text=first["text"]))
            if way == "streamed":
                report = import_corpus_file(project, corpus_file).report
            else:
                report = project.import_corpus(read_jsonl(corpus_file))
            results.append((report, project.documents(), project.annotations()))
    streamed, in_memory = results
    assert streamed[0].documents_present == 1 and streamed[0].annotations_added > 0
    assert streamed[0] == in_memory[0]
    key = [(d.id, d.title, d.text) for d in streamed[1]]
    assert key == [(d.id, d.title, d.text) for d in in_memory[1]]
    assert streamed[2] == in_memory[2]


def test_a_bad_line_in_the_middle_leaves_the_project_as_it_was(corpus_file, tmp_path, project):
    lines = corpus_file.read_text("utf-8").splitlines()
    broken = json.loads(lines[3])
    broken["annotations"] = [{"start": 0, "end": len(broken["text"]) + 5}]
    lines[3] = json.dumps(broken, ensure_ascii=False)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", "utf-8")
    project.add_document(Document(title="Mine", text="A text of my own."))
    before = state(project)
    with pytest.raises(CorpusFormatError) as raised:
        import_corpus_file(project, bad)
    assert "bad.jsonl, line 4" in str(raised.value)
    assert state(project) == before


def test_cancelling_leaves_the_project_as_it_was(corpus_file, project):
    before = state(project)
    seen: list[tuple[int, int, int]] = []

    def stop_after_two(read: int, size: int, documents: int) -> bool:
        seen.append((read, size, documents))
        return documents < 2

    with pytest.raises(ImportCancelled):
        import_corpus_file(project, corpus_file, progress=stop_after_two)
    assert state(project) == before
    assert [documents for _read, _size, documents in seen] == [1, 2]
    assert 0 < seen[0][0] < seen[1][0] < seen[1][1] == corpus_file.stat().st_size


def test_progress_reaches_the_whole_file(corpus_file, project):
    seen: list[tuple[int, int]] = []
    import_corpus_file(project, corpus_file, progress=lambda r, s, _d: seen.append((r, s)) or True)
    assert seen[-1] == (corpus_file.stat().st_size,) * 2
    assert [r for r, _s in seen] == sorted(r for r, _s in seen)


def test_the_undo_edit_takes_the_whole_import_out_and_back(corpus_file, project):
    before = state(project)
    imported = import_corpus_file(project, corpus_file)
    after = state(project)
    assert imported.edit is not None
    project.apply(imported.edit.inverse())
    assert state(project)[:4] == before[:4]
    project.apply(imported.edit)
    assert state(project)[:4] == after[:4]


def write_lines(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def quote(n: int, **values: object) -> dict[str, object]:
    return {"id": f"q{n}", "start": 0, "end": 6, "quote": "“One,”", **values}


@pytest.mark.parametrize(
    "change, problem",
    [({"speaker": 7}, "'speaker' must be text"), ({"status": "maybe"}, "'status' must be one of"),
     ({"confidence": float("inf")}, "'confidence' must be a finite number"),
     ({"devices": ["metaphor", 2]}, "'devices' must be a list of names"),
     ({"modified": "last week"}, "'modified' is not an ISO date"),
     ({"end": 99}, "annotation span 0-99 is outside the text")],
)  # fmt: skip
def test_a_bad_value_after_good_quotes_names_file_and_line_and_changes_nothing(
    tmp_path, project, change, problem
):
    # Many good quotes first: the bad one has the same kinds of values as they do.
    text = "“One,” she said."
    good = [{"text": f"{text} ({n})", "annotations": [quote(n, speaker="Ann")]} for n in range(30)]
    bad = {"text": text, "annotations": [quote(99, **{"speaker": "Ann", **change})]}
    path = write_lines(tmp_path / "typed.jsonl", [*good, bad])
    project.add_document(Document(title="Mine", text="A text of my own."))
    before = state(project)
    with pytest.raises(CorpusFormatError, match=rf"typed.jsonl, line 31: {problem}"):
        import_corpus_file(project, path)
    assert state(project) == before


def test_an_id_given_on_two_lines_is_refused_naming_both(tmp_path, project):
    text = "“One,” she said."
    lines = [{"text": text, "annotations": [quote(1)]}, {"text": text + " Again."}]
    lines.append({"text": text + " Twice.", "annotations": [quote(1)]})
    path = write_lines(tmp_path / "twice.jsonl", lines)
    before = state(project)
    with pytest.raises(
        CorpusFormatError, match="line 3: annotation id 'q1' is already used on line 1"
    ):
        import_corpus_file(project, path)
    assert state(project) == before


def test_new_names_met_between_quotes_keep_every_quote_and_its_names(tmp_path, project):
    # Each new speaker, tone or device is added as it is met, between quotes not yet written.
    text = "“One,” she said. “Two,” he said. “Three,” they said."
    spans = [(0, 6), (17, 23), (33, 41)]
    names = [("Ann", "warning", ["Metaphor", "metaphor"]), ("Bob", "wistful", ["new device"]),
             ("Cy", None, [])]  # fmt: skip
    quotes = [
        {"id": f"q{n}", "start": s, "end": e, "speaker": sp, "tone": tone, "devices": devices}
        for n, ((s, e), (sp, tone, devices)) in enumerate(zip(spans, names, strict=True))
    ]
    path = write_lines(tmp_path / "names.jsonl", [{"text": text, "annotations": quotes}])
    imported = import_corpus_file(project, path)
    got = sorted((a.quote, a.speaker, a.tone, a.devices) for a in project.annotations())
    assert got == [
        ("“One,”", "Ann", "warning", ("metaphor",)),
        ("“Three,”", "Cy", None, ()),
        ("“Two,”", "Bob", "wistful", ("new device",)),
    ]
    assert imported.report.speakers_added == 3 and imported.report.annotations_added == 3
