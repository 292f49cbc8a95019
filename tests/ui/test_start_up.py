"""Start-up: the window shows the corpus list first, then opens the project; nothing an
analyst does meanwhile is lost, and an older project file is migrated before any window."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core import Annotation, Document
from annotator.core.edits import AddAnnotation
from annotator.store import Project
from annotator.store.database import current_revision, head_revision, make_engine, migrate
from annotator.store.summaries import quick_summaries
from annotator.ui import app as workspace
from annotator.ui.main_window import MainWindow

from .conftest import ARTICLE, FakePrompts

SECOND = "A second report 🇪🇺: “Trade talks 👍 resume,” the envoy said."


@pytest.fixture
def location(project: Project) -> str:
    """A current project file with two documents, closed (as on disk before start-up)."""
    project.add_document(Document(title="Talks end in acrimony", text=ARTICLE, outlet="Herald"))
    project.add_document(Document(title="Trade 🇪🇺", text=SECOND))
    project.close()
    return project.location


def deferred(qtbot, settings, location: str) -> MainWindow:
    """A window as the workspace starts it on a current project, not yet shown."""
    summaries = quick_summaries(location)
    assert summaries is not None
    window = MainWindow(location, settings, summaries)
    window.prompts = FakePrompts()  # type: ignore[assignment]
    qtbot.addWidget(window)
    return window


def test_the_window_lists_the_documents_before_the_project_opens(qtbot, settings, location):
    window = workspace.open_window(location, settings)
    assert window is not None
    qtbot.addWidget(window)
    try:
        titles = [s.title for s in window.corpus_panel.model.rows]
        assert titles == ["Talks end in acrimony", "Trade 🇪🇺"]
        assert "2 documents" in window.counts.text()
        qtbot.waitUntil(lambda: window.loaded, timeout=10000)  # opened after painting
        assert window.document is not None
        assert window.document.title == "Talks end in acrimony"
        assert window.view.toPlainText() == ARTICLE
    finally:
        window.close()
        workspace.open_windows.clear()


def test_choosing_a_document_while_opening_opens_it(qtbot, settings, location):
    window = deferred(qtbot, settings, location)
    assert not window.loaded
    window.corpus_panel.document_chosen.emit(2)  # the analyst clicks before it opened
    assert window.loaded
    assert window.document is not None and window.document.text == SECOND
    assert window.view.toPlainText() == SECOND


def test_an_edit_while_opening_is_saved_and_undoable(qtbot, settings, location):
    window = deferred(qtbot, settings, location)
    start = SECOND.index("“")
    end = SECOND.index("”") + 1
    quote = Annotation.on(2, SECOND, start, end)
    assert window.edits.run(AddAnnotation(quote)) is not None
    assert window.loaded
    with Project(location) as reopened:
        assert [a.quote for a in reopened.annotations(2)] == ["“Trade talks 👍 resume,”"]
    assert [s.quotes for s in window.corpus_panel.model.rows] == [0, 1]
    window.edits.stack.undo()
    with Project(location) as reopened:
        assert reopened.annotations(2) == []


def test_an_older_project_file_is_migrated_before_its_window(qtbot, settings, tmp_path):
    path = tmp_path / "old.speechmark"
    engine = make_engine(str(path))
    migrate(engine, "v1")
    engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO document (id, title, text, imported_at, sha256)"
            " VALUES (1, 'Old report', 'He said “hi”.', '2024-01-02 03:04:05', 'abc')"
        )
    window = workspace.open_window(str(path), settings)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.loaded  # opened (and migrated) before the window was made
        engine = make_engine(str(path))
        assert current_revision(engine) == head_revision()
        engine.dispose()
        assert window.document is not None and window.document.title == "Old report"
    finally:
        window.close()
        workspace.open_windows.clear()


def test_a_project_damaged_before_it_opens_is_reported_and_the_window_closes(
    qtbot, settings, location
):
    window = deferred(qtbot, settings, location)
    window.show()
    with open(location, "wb") as damaged:
        damaged.write(b"not a database any more")
    window.finish_opening()
    assert not window.loaded
    assert not window.isVisible()
    [(title, message, _details)] = window.prompts.errors  # type: ignore[attr-defined]
    assert title == "Cannot open the project"
    assert location in message
