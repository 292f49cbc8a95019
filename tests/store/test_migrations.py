import sqlite3
from datetime import datetime

from annotator.store import Project
from annotator.store.database import (
    current_revision,
    head_revision,
    make_engine,
    migrate,
    prepare,
)


def test_a_version_1_project_file_opens_and_upgrades_with_its_data(tmp_path):
    path = tmp_path / "old.speechmark"
    engine = make_engine(str(path))
    migrate(engine, "v1")
    assert current_revision(engine) == "v1"
    engine.dispose()
    now = datetime(2024, 1, 2, 3, 4, 5).isoformat(" ")
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO document (id, title, text, imported_at, sha256) VALUES (1, 'Old', 'He said “hi”.', ?, 'abc')",
            (now,),
        )
        db.execute("INSERT INTO speaker (id, name, aliases) VALUES (1, 'Ann', '[\"A.\"]')")
        db.execute(
            "INSERT INTO code (id, kind, name, description, position) VALUES (1, 'tone', 'warning', '', 0)"
        )
        db.execute(
            'INSERT INTO annotation (id, document_id, start, "end", quote, prefix, suffix, speaker_id,'
            " tone_id, status, created, modified) VALUES ('a1', 1, 8, 12, '“hi”', 'He said ', '.', 1, 1,"
            " 'accepted', ?, ?)",
            (now, now),
        )

    with Project(str(path)) as project:
        assert current_revision(project.engine) == head_revision()
        [annotation] = project.annotations(1)
        assert (annotation.quote, annotation.speaker, annotation.tone) == ("“hi”", "Ann", "warning")
        assert project.find_speaker("a.").name == "Ann"
        assert project.orphaned() == set()
        project.set_setting("last_document", "1")  # a v2 table


def test_new_project_is_created_at_the_newest_schema(tmp_path):
    with Project(str(tmp_path / "new.speechmark")) as project:
        assert current_revision(project.engine) == head_revision()


def test_project_file_uses_wal_and_foreign_keys(tmp_path):
    with Project(str(tmp_path / "p.speechmark")) as project, project.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_file_that_is_not_a_project_gets_one_clear_error(tmp_path):
    import pytest

    from annotator.store import ProjectOpenError

    path = tmp_path / "notes.speechmark"
    path.write_text("shopping list: bread, milk", encoding="utf-8")
    with pytest.raises(ProjectOpenError, match="notes.speechmark: not a Speechmark project"):
        Project(str(path))
    assert path.read_text(encoding="utf-8") == "shopping list: bread, milk"


def test_a_project_from_a_newer_version_is_refused_untouched(tmp_path):
    import pytest

    from annotator.store import ProjectOpenError

    path = tmp_path / "future.speechmark"
    Project(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = 'v99'")
    with pytest.raises(ProjectOpenError, match="newer Speechmark"):
        Project(str(path))


def test_the_newest_schema_version_is_alembics_head():
    from annotator.store.database import HEAD_REVISION

    assert head_revision() == HEAD_REVISION  # update HEAD_REVISION with each new migration


def _schema(path):
    """Every table, index and column of a SQLite file, its SQL with spacing normalised."""
    import re

    with sqlite3.connect(path) as db:
        found = {}
        rows = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        for kind, name, sql in rows:
            pragma = "table_info" if kind == "table" else "index_xinfo"
            details = db.execute(f"PRAGMA {pragma}('{name}')").fetchall()
            found[name] = (kind, re.sub(r"\s+", " ", sql or ""), details)
        return found, db.execute("SELECT version_num FROM alembic_version").fetchall()


def test_a_new_project_has_the_schema_every_migration_makes(tmp_path):
    # A new project is made from the schema's SQL at once, not migration by migration:
    # the two must be the same, column order and defaults included, and agree with the
    # tables' declarations.
    created = make_engine(str(tmp_path / "new.speechmark"))
    prepare(created)
    migrated = make_engine(str(tmp_path / "migrated.speechmark"))
    migrate(migrated)
    assert _schema(tmp_path / "new.speechmark") == _schema(tmp_path / "migrated.speechmark")
    with created.connect() as connection:
        from alembic.autogenerate import compare_metadata
        from alembic.migration import MigrationContext

        from annotator.store.tables import SQLModel

        context = MigrationContext.configure(connection)
        assert compare_metadata(context, SQLModel.metadata) == []


def test_a_new_file_set_up_without_the_store_has_the_schema_every_migration_makes(tmp_path):
    # A corpus imported into a new file sets it up with the standard library alone, from
    # the schema's SQL kept in ``project_file``: the same tables, columns, defaults,
    # indexes and version as the migrations give.
    from annotator.store.project_file import open_for_import

    opened = open_for_import(str(tmp_path / "new.speechmark"))
    assert opened is not None
    opened[0].close()
    migrated = make_engine(str(tmp_path / "migrated.speechmark"))
    migrate(migrated)
    assert _schema(tmp_path / "new.speechmark") == _schema(tmp_path / "migrated.speechmark")
