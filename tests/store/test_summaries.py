"""The corpus list read with sqlite3 alone gives what the full store gives, or stands aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.app.projects import summaries
from annotator.cli import main
from annotator.core import Annotation, Document, Status
from annotator.core.edits import AddAnnotation
from annotator.store import Project
from annotator.store import summaries as light
from annotator.store.database import current_revision, head_revision, make_engine, migrate

TEXTS = [
    ("Talks 🇪🇺 resume", "The minister said “talks 👍 will resume” on Monday. “No,” Ann said."),
    ("Fishing rights", "Nobody was quoted in this one."),
    ("Border", "“We will not give ground,” said the envoy. “Never,” she added."),
]


def fill(project: Project) -> None:
    """Three documents: quotes (one still suggested), none, and two accepted."""
    for title, text in TEXTS:
        document = project.add_document(Document(title=title, text=text, outlet="Herald"))
        assert document.id is not None
        for n, (start, end) in enumerate(_quoted(text)):
            status = Status.SUGGESTED if title.startswith("Talks") and n else Status.ACCEPTED
            project.apply(
                AddAnnotation(Annotation.on(document.id, text, start, end, status=status))
            )


def _quoted(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    while (start := text.find("“", at)) != -1:
        end = text.index("”", start) + 1
        spans.append((start, end))
        at = end
    return spans


def listing(location: str, *options: str) -> str:
    result = CliRunner().invoke(main, [*options, location, "list"])
    assert result.exit_code == 0, result.output
    return result.output


def without_light_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotator.app.projects.quick_summaries", lambda _location: None)


def test_the_light_read_equals_the_full_store(project):
    fill(project)
    found = light.quick_summaries(project.location)
    assert found is not None
    assert found == project.summaries()
    assert [(s.quotes, s.suggested) for s in found] == [(2, 1), (0, 0), (2, 0)]


def test_list_prints_the_same_on_both_paths(project, monkeypatch):
    fill(project)
    quick = listing(project.location, "--project")
    assert "1\t2 quotes (1 suggested)\tTalks 🇪🇺 resume" in quick.splitlines()
    without_light_path(monkeypatch)
    assert listing(project.location, "--project") == quick


def test_the_light_read_is_the_one_used_for_a_current_file(project, monkeypatch):
    fill(project)

    def no_store() -> Project:
        raise AssertionError("the full store was opened")

    assert [s.title for s in summaries(project.location, no_store)] == [t for t, _ in TEXTS]


def test_postgresql_lists_what_sqlite_lists(project, postgres_url):
    fill(project)
    with Project(postgres_url) as server:
        fill(server)
        assert light.quick_summaries(postgres_url) is None  # a URL: the full store reads it
        assert server.summaries() == project.summaries()
    assert listing(postgres_url, "--db") == listing(project.location, "--project")


def test_an_older_file_is_migrated_then_listed(tmp_path, monkeypatch):
    path = tmp_path / "old.speechmark"
    engine = make_engine(str(path))
    migrate(engine, "v1")
    engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO document (id, title, text, imported_at, sha256)"
            " VALUES (1, 'Old', 'He said “hi”.', '2024-01-02 03:04:05', 'abc')"
        )
    assert light.quick_summaries(str(path)) is None  # v1: the full store must migrate it
    assert listing(str(path), "--project") == "1\t0 quotes\tOld\n"
    engine = make_engine(str(path))
    assert current_revision(engine) == head_revision()
    engine.dispose()
    assert light.quick_summaries(str(path)) is not None  # current now


def test_a_missing_file_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "typo.speechmark"
    assert light.quick_summaries(str(missing)) is None
    result = CliRunner().invoke(main, ["--project", str(missing), "list"])
    assert result.exit_code == 1
    assert f"{missing}: no such project" in result.output
    assert not missing.exists()


def test_a_file_that_is_not_a_database_is_an_error_naming_it(tmp_path):
    notes = tmp_path / "notes.speechmark"
    notes.write_text("shopping list: bread, milk", encoding="utf-8")
    assert light.quick_summaries(str(notes)) is None
    result = CliRunner().invoke(main, ["--project", str(notes), "list"])
    assert result.exit_code == 1
    assert "notes.speechmark: not a Speechmark project" in result.output
    assert notes.read_text(encoding="utf-8") == "shopping list: bread, milk"


def test_an_empty_project_lists_nothing_on_both_paths(project, monkeypatch):
    assert light.quick_summaries(project.location) == []
    assert listing(project.location, "--project") == ""
    without_light_path(monkeypatch)
    assert listing(project.location, "--project") == ""


def test_a_read_only_file_still_lists(project):
    fill(project)
    expected = project.summaries()
    project.close()
    Path(project.location).chmod(0o444)
    try:
        assert summaries(project.location, lambda: Project(project.location)) == expected
    finally:
        Path(project.location).chmod(0o644)
