"""A busy or read-only project gives one clear error, never a driver traceback, and
nothing is half-written."""

from __future__ import annotations

import os
import sqlite3

import pytest
from click.testing import CliRunner
from sqlalchemy import event

from annotator.cli import main
from annotator.core import Annotation, Document
from annotator.core.edits import AddAnnotation
from annotator.store import Project, ProjectBusy, ProjectReadOnly, StoreError

TEXT = "“We stand firm,” Lee said."


def _project_with_document(path):
    with Project(str(path)) as project:
        return project.add_document(Document(title="t", text=TEXT))


def test_a_write_waits_then_says_the_project_is_busy(tmp_path, monkeypatch):
    path = tmp_path / "p.speechmark"
    doc = _project_with_document(path)
    monkeypatch.setenv("ANNOTATOR_BUSY_TIMEOUT", "0.2")
    colleague = sqlite3.connect(path, isolation_level=None)
    colleague.execute("BEGIN IMMEDIATE")  # another program in the middle of a long write
    try:
        with Project(str(path)) as project:
            with pytest.raises(ProjectBusy) as raised:
                project.apply(AddAnnotation(Annotation.on(doc.id, TEXT, 0, 16)))
            assert str(raised.value) == (
                f"{path}: the project is busy (another program is writing to it); "
                "nothing was changed, try again in a moment"
            )
            assert isinstance(raised.value, StoreError)
            result = CliRunner().invoke(
                main,
                ["--project", str(path), "annotate", str(doc.id), "--start", "0", "--end", "16"],
            )
    finally:
        colleague.rollback()
        colleague.close()
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "the project is busy" in result.output
    with Project(str(path)) as project:
        assert project.annotations() == []
        project.apply(AddAnnotation(Annotation.on(doc.id, TEXT, 0, 16)))  # free again
        assert len(project.annotations()) == 1


def test_a_project_that_may_only_be_read_says_so(tmp_path):
    path = tmp_path / "p.speechmark"
    doc = _project_with_document(path)
    with Project(str(path)) as project:
        # SQLite answers a write on a read-only file (or folder) with SQLITE_READONLY;
        # query_only gives the same answer for any user, root included.
        event.listen(project.engine, "connect", lambda c, _r: c.execute("PRAGMA query_only=1"))
        project.engine.dispose()
        assert len(project.documents()) == 1  # reading still works
        with pytest.raises(ProjectReadOnly, match=f"^{path}: the project is read-only"):
            project.apply(AddAnnotation(Annotation.on(doc.id, TEXT, 0, 16)))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes any file")
def test_a_read_only_project_file_gives_one_line_on_the_command_line(tmp_path):
    path = tmp_path / "p.speechmark"
    doc = _project_with_document(path)
    os.chmod(path, 0o444)
    try:
        result = CliRunner().invoke(
            main, ["--project", str(path), "annotate", str(doc.id), "--start", "0", "--end", "16"]
        )
    finally:
        os.chmod(path, 0o644)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "the project is read-only" in result.output


def test_an_edit_refused_at_once_as_busy_is_applied_when_tried_again(tmp_path, monkeypatch):
    # SQLite refuses a write at once, without waiting its turn, when waiting could deadlock
    # (a transaction that read before another program wrote): the transaction runs again.
    import annotator.store.project as project_module

    path = tmp_path / "p.speechmark"
    doc = _project_with_document(path)
    real = project_module.apply_edit
    refusals = []

    def refused_once(session, edit):
        if not refusals:
            refusals.append(edit)
            raise ProjectBusy(str(path))
        return real(session, edit)

    monkeypatch.setattr(project_module, "apply_edit", refused_once)
    with Project(str(path)) as project:
        project.apply(AddAnnotation(Annotation.on(doc.id, TEXT, 0, 16)))
        assert len(refusals) == 1
        assert [a.quote for a in project.annotations()] == [TEXT[:16]]


def test_a_stale_read_then_write_is_tried_again_not_reported(tmp_path):
    # The deadlock case itself: this program's transaction read, another then wrote; SQLite
    # refuses this program's write at once (SQLITE_BUSY_SNAPSHOT).
    path = tmp_path / "p.speechmark"
    doc = _project_with_document(path)
    with Project(str(path)) as project:
        other = sqlite3.connect(path, isolation_level=None)
        first = []

        @event.listens_for(project.engine, "before_cursor_execute")
        def stale_first_time(connection, _cursor, statement, *_args):
            if statement.startswith("INSERT INTO annotation") and not first:
                first.append(statement)
                raw = connection.connection.driver_connection
                raw.execute("BEGIN")
                raw.execute("SELECT count(*) FROM document").fetchall()  # a read snapshot
                other.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")

        project.apply(AddAnnotation(Annotation.on(doc.id, TEXT, 0, 16)))
        other.close()
        assert first and len(project.annotations()) == 1
