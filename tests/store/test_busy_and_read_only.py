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
