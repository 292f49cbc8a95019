"""The command line and the workspace do the same tasks the same way (one app layer).

Each test drives both front ends on the same input and compares what they stored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import Qt

from annotator.cli import main
from annotator.core import Document, Speaker
from annotator.core.edits import AddSpeaker, RemoveSpeaker
from annotator.store import Project
from tests.ui.conftest import ARTICLE

QUOTE = "we came here with open hands"


def cli(location: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--project", location, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def type_speaker(qtbot, window, name: str) -> None:
    window.inspector.speaker.setFocus()
    window.inspector.speaker.setEditText(name)
    qtbot.keyClick(window.inspector.speaker, Qt.Key.Key_Return)


def test_a_surname_names_the_same_speaker_in_both(qtbot, window, project, article):
    project.apply(AddSpeaker(Speaker("Anna Lindqvist")))
    start = ARTICLE.index(QUOTE)
    # The command line...
    cli(project.location, "annotate", str(article.id), "--quote", QUOTE, "--speaker", "Lindqvist")
    # ...and the workspace, on another quote.
    other = ARTICLE.index("Analysts")
    window.view.select_range(other, other + len("Analysts"))
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    type_speaker(qtbot, window, "lindqvist")
    speakers = {a.quote: a.speaker for a in project.annotations(article.id)}
    assert speakers == {QUOTE: "Anna Lindqvist", "Analysts": "Anna Lindqvist"}
    assert [s.name for s in project.speakers()] == ["Anna Lindqvist"]
    assert start >= 0


def _colours_after_churn(project: Project, add_third) -> dict[str, str | None]:
    project.apply(AddSpeaker(Speaker("A")))
    project.apply(AddSpeaker(Speaker("B")))
    project.apply(RemoveSpeaker(next(s for s in project.speakers() if s.name == "A")))
    add_third()
    return {s.name: s.colour for s in project.speakers()}


def test_new_speakers_get_free_colours_from_both(qtbot, make_window, tmp_path):
    # Command line: add A and B, remove A, add C through `annotate --speaker`.
    with Project(str(tmp_path / "cli.speechmark")) as by_cli:
        doc = by_cli.add_document(Document(title="t", text=ARTICLE))
        colours = _colours_after_churn(
            by_cli,
            lambda: cli(by_cli.location, "annotate", str(doc.id), "--quote", QUOTE,
                        "--speaker", "C"),
        )  # fmt: skip
        assert colours["B"] != colours["C"]
    # Workspace: the same, C typed into the quote panel.
    with Project(str(tmp_path / "gui.speechmark")) as by_gui:
        by_gui.add_document(Document(title="t", text=ARTICLE))
        window = make_window(by_gui)

        def type_c() -> None:
            start = ARTICLE.index(QUOTE)
            window.view.select_range(start, start + len(QUOTE))
            qtbot.keyClick(window.view, Qt.Key.Key_Q)
            type_speaker(qtbot, window, "C")

        window_colours = _colours_after_churn(by_gui, type_c)
        assert window_colours == colours  # one colour policy


def test_suggestions_keep_why_through_a_jsonl_round_trip(tmp_path, sample_article):
    location = str(tmp_path / "p.speechmark")
    cli(location, "import", str(sample_article))
    cli(location, "suggest", "--all")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    cli(location, "export", "--status", "any", "-o", str(first))
    records = [json.loads(line) for line in first.read_text("utf-8").splitlines()]
    whys = [a["why"] for r in records for a in r["annotations"]]
    assert whys and all(whys)  # every suggestion says why
    other = str(tmp_path / "other.speechmark")
    cli(other, "import-corpus", str(first))
    cli(other, "export", "--status", "any", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()


@pytest.mark.parametrize("kind", ["jsonl", "qdpx"])
def test_the_workspace_imports_a_corpus_and_undo_takes_it_out(
    qtbot, make_window, tmp_path, sample_article, kind
):
    location = str(tmp_path / "source.speechmark")
    cli(location, "import", str(sample_article))
    cli(location, "suggest", "--all", "--accept")
    corpus = tmp_path / f"corpus.{kind}"
    cli(location, "export", "--format", kind, "--status", "any", "-o", str(corpus))
    with Project(str(tmp_path / "target.speechmark")) as target:
        window = make_window(target)
        window.prompts.answers.append(str(corpus))
        window.files.import_corpus()
        qtbot.waitUntil(lambda: window.files.last_import is not None, timeout=10000)
        assert window.corpus_panel.model.rows and window.document is not None
        imported = target.annotations()
        assert imported and target.speakers()
        assert f"Import corpus.{kind}" in window.actions_by_id["undo"].text()
        window.actions_by_id["undo"].trigger()
        assert target.documents() == [] and target.annotations() == []
        window.actions_by_id["redo"].trigger()
        assert len(target.annotations()) == len(imported)


def test_importing_files_is_one_undo_step(qtbot, window, project, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text("First report. “We agree,” she said.", encoding="utf-8")
    (folder / "two.txt").write_text("Second report, without quotes.", encoding="utf-8")
    before = len(project.documents())
    window.files.import_paths([folder])
    qtbot.waitUntil(lambda: window.files.last_import is not None, timeout=10000)
    assert len(project.documents()) == before + 2
    assert window.actions_by_id["undo"].text().replace("&", "") == "Undo Import documents"
    window.actions_by_id["undo"].trigger()
    assert len(project.documents()) == before
    assert "Undone: Import documents" in window.statusBar().currentMessage()
    window.actions_by_id["redo"].trigger()
    assert {d.title for d in project.documents()} >= {"one", "two"}


def test_a_reimport_is_undone_to_the_old_text_and_places(qtbot, window, project, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Intro. “We will fight,” she said.", encoding="utf-8")
    window.files.import_paths([story])
    qtbot.waitUntil(lambda: window.files.last_import is not None, timeout=10000)
    doc = next(d for d in project.documents() if d.title == "story")
    cli(project.location, "annotate", str(doc.id), "--quote", "“We will fight,”")
    story.write_text("A longer intro. “We will fight,” she said.", encoding="utf-8")
    window.files.last_import = None
    window.files.import_paths([story])
    qtbot.waitUntil(lambda: window.files.last_import is not None, timeout=10000)
    (moved,) = project.annotations(doc.id)
    assert project.document(doc.id).text.startswith("A longer") and moved.start == 16
    window.actions_by_id["undo"].trigger()
    (back,) = project.annotations(doc.id)
    assert project.document(doc.id).text.startswith("Intro.") and back.start == 7


def test_paste_is_undoable(qtbot, window, project):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("Pasted speech\r\n\r\nWe shall overcome 🙂.")
    window.prompts.answers.append("Pasted speech")
    before = len(project.documents())
    window.files.paste_document()
    assert len(project.documents()) == before + 1
    assert window.document is not None and window.document.text.endswith("overcome 🙂.")
    window.actions_by_id["undo"].trigger()
    assert len(project.documents()) == before


@pytest.fixture
def sample_article(tmp_path: Path) -> Path:
    """The bundled sample article as a file to import."""
    from annotator.io.sample import sample_document

    path = tmp_path / "sample.txt"
    path.write_text(sample_document().text, encoding="utf-8")
    return path
