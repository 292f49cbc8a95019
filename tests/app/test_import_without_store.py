"""`import-corpus` into a SQLite file without the full store: the same project as the store
makes, row for row; a file the store accepts in every check; nothing written when the
import fails, is cancelled or finds the project busy."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.app.imports import import_corpus_at, import_corpus_file
from annotator.cli import main
from annotator.core import Document, Speaker
from annotator.core.edits import AddSpeaker
from annotator.io.jsonl import CorpusFormatError, read_jsonl, write_jsonl
from annotator.store import Project
from annotator.store.bulk_import import ImportCancelled
from annotator.store.database import current_revision, head_revision, make_engine, migrate
from tests.data.io.awkward_corpus import exported_awkward_corpus


def rows(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every table of a project file with its columns and all its rows, as stored (the
    time each document was imported aside: that is the moment of the import)."""
    with closing(sqlite3.connect(path)) as db:
        tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = {}
        for table in sorted(tables):
            columns = [row[1] for row in db.execute(f"PRAGMA table_info('{table}')")]
            values = db.execute(f'SELECT * FROM "{table}"').fetchall()
            if table == "document":
                at = columns.index("imported_at")
                values = [(*row[:at], len(row[at]), *row[at + 1 :]) for row in values]
            found[table] = (columns, sorted(values, key=repr))
        return found


def dump(path: Path) -> list[str]:
    """The whole database as SQL: what an analyst would find in the file."""
    with closing(sqlite3.connect(path)) as db:
        return list(db.iterdump())


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    return exported_awkward_corpus(tmp_path)


def with_work_of_its_own(path: Path, corpus_file: Path) -> Path:
    """A project whose document ids 1 and 2 are taken, one of whose texts is the corpus's
    first, with a speaker known by an alias the corpus uses and some quotes present."""
    first = json.loads(corpus_file.read_text("utf-8").splitlines()[0])
    with Project(str(path)) as project:
        project.add_document(Document(title="Mine", text="A text of my own."))
        project.add_document(Document(title="Same text", text=first["text"]))
        project.apply(AddSpeaker(Speaker("Ana R. Reyes", aliases=("ana reyes",))))
    return path


def test_without_the_store_a_corpus_makes_the_same_project_row_for_row(corpus_file, tmp_path):
    through_store = with_work_of_its_own(tmp_path / "store.speechmark", corpus_file)
    with Project(str(through_store)) as project:
        expected = import_corpus_file(project, corpus_file, undoable=False).report
    on_its_own = with_work_of_its_own(tmp_path / "file.speechmark", corpus_file)
    report = import_corpus_at(str(on_its_own), corpus_file)
    assert report == expected
    assert report.documents_present == 1 and report.speakers_added and report.codes_added
    assert rows(on_its_own) == rows(through_store)
    # Again: every document and quote is present now, and nothing is added or counted.
    again = import_corpus_at(str(on_its_own), corpus_file)
    assert again.annotations_added == again.documents_added == 0
    assert rows(on_its_own) == rows(through_store)


def test_a_new_file_is_the_project_the_store_makes(corpus_file, tmp_path):
    through_store = tmp_path / "store.speechmark"
    with Project(str(through_store)) as project:
        import_corpus_file(project, corpus_file, undoable=False)
    on_its_own = tmp_path / "folder" / "file.speechmark"  # its folder is made too
    import_corpus_at(str(on_its_own), corpus_file)
    assert rows(on_its_own) == rows(through_store)
    with closing(sqlite3.connect(on_its_own)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_new_file_opens_in_the_store_and_exports_as_its_source(corpus_file, tmp_path):
    path = tmp_path / "new.speechmark"
    import_corpus_at(str(path), corpus_file)
    with Project(str(path)) as project:
        assert current_revision(project.engine) == head_revision()
        again = tmp_path / "again.jsonl"
        write_jsonl(project.corpus(), again)
        assert [s.colour is not None for s in project.speakers()] == [True] * 3
        assert project.edit_count() == 1
        with project.engine.connect() as connection:
            from alembic.autogenerate import compare_metadata
            from alembic.migration import MigrationContext

            from annotator.store.tables import SQLModel

            context = MigrationContext.configure(connection)
            assert compare_metadata(context, SQLModel.metadata) == []
    assert again.read_bytes() == corpus_file.read_bytes()


def test_a_file_at_an_older_schema_is_migrated_and_imported(corpus_file, tmp_path):
    path = tmp_path / "old.speechmark"
    engine = make_engine(str(path))
    migrate(engine, "v1")
    engine.dispose()
    report = import_corpus_at(str(path), corpus_file)
    assert report.documents_added == len(corpus_file.read_text("utf-8").splitlines())
    with Project(str(path)) as project:
        assert current_revision(project.engine) == head_revision()
        assert len(project.annotations()) == report.annotations_added > 0


def test_a_bad_line_or_a_cancel_leaves_the_file_as_it_was(corpus_file, tmp_path):
    path = with_work_of_its_own(tmp_path / "p.speechmark", corpus_file)
    before = dump(path)
    lines = corpus_file.read_text("utf-8").splitlines()
    broken = json.loads(lines[3])
    broken["annotations"] = [{"start": 0, "end": len(broken["text"]) + 5}]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([*lines[:3], json.dumps(broken), *lines[4:]]) + "\n", "utf-8")
    with pytest.raises(CorpusFormatError, match="bad.jsonl, line 4"):
        import_corpus_at(str(path), bad)
    assert dump(path) == before
    seen: list[int] = []

    def stop_after_two(_read: int, _size: int, documents: int) -> bool:
        seen.append(documents)
        return documents < 2

    with pytest.raises(ImportCancelled):
        import_corpus_at(str(path), corpus_file, progress=stop_after_two)
    assert seen == [1, 2]
    assert dump(path) == before


def test_a_project_another_program_is_writing_to_is_busy_and_untouched(
    corpus_file, tmp_path, monkeypatch
):
    path = with_work_of_its_own(tmp_path / "p.speechmark", corpus_file)
    before = dump(path)
    monkeypatch.setenv("ANNOTATOR_BUSY_TIMEOUT", "0.2")
    colleague = sqlite3.connect(path, isolation_level=None)
    colleague.execute("BEGIN IMMEDIATE")  # another program in the middle of a long write
    try:
        result = CliRunner().invoke(
            main, ["--project", str(path), "import-corpus", str(corpus_file)]
        )
    finally:
        colleague.rollback()
        colleague.close()
    assert result.exit_code == 1
    assert result.output == (
        f"error: {path.resolve()}: the project is busy (another program is writing to it); "
        "nothing was changed, try again in a moment\n"
    )
    assert dump(path) == before


def test_rows_are_stored_as_the_stores_own_edits_store_them(corpus_file, tmp_path):
    # The corpus applied as one edit through SQLAlchemy (the path of a .qdpx project or a
    # PostgreSQL one): the rows written by plain SQL must read back the same.
    through_edit = tmp_path / "edit.speechmark"
    with Project(str(through_edit)) as project:
        project.import_corpus(read_jsonl(corpus_file))
    on_its_own = tmp_path / "file.speechmark"
    import_corpus_at(str(on_its_own), corpus_file)
    assert rows(on_its_own) == rows(through_edit)


def test_a_file_that_is_not_a_project_is_refused_untouched(corpus_file, tmp_path):
    path = tmp_path / "notes.speechmark"
    path.write_text("shopping list: bread, milk", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(path), "import-corpus", str(corpus_file)])
    assert result.exit_code == 1
    assert "notes.speechmark: not a Speechmark project" in result.output
    assert path.read_text(encoding="utf-8") == "shopping list: bread, milk"
