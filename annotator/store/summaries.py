"""The corpus list read straight from a SQLite project file, without the full store.

Listing documents is the first thing both the command line and the workspace show, and the
full store (SQLAlchemy, sqlmodel, the migrations) takes longer to import than this read
takes to run. This module uses the standard library alone. It reads only a SQLite file
already at the newest schema version, opened read-only; for anything else (a database URL,
an older file still to be migrated, a missing or damaged file) it answers None and the
caller opens the project with the full store, which migrates, creates or reports the
problem as usual.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

# The newest schema version. Opening a project at this version needs no Alembic at all:
# tests/store/test_migrations.py checks it is Alembic's head.
HEAD_REVISION = "v5"

# The same figures as ``Project.summaries``: tests compare the two on every backend. Each
# count reads an index alone, not the quotes: quotes by document, and suggestions (v5).
SUMMARIES_SQL = """
SELECT d.id, d.title, d.outlet, d.published,
       (SELECT count(*) FROM annotation AS a WHERE a.document_id = d.id),
       (SELECT count(*) FROM annotation AS a WHERE a.document_id = d.id
                                              AND a.status = 'suggested')
FROM document AS d ORDER BY d.id
"""


@dataclass(frozen=True)
class DocumentSummary:
    """A row of the corpus list: a document and its annotation counts."""

    id: int
    title: str
    outlet: str | None
    published: str | None
    quotes: int
    suggested: int


def sqlite_file(location: str) -> Path | None:
    """The file of a project given by path, or None for a database URL."""
    if "://" in location:
        return None
    return Path(location).expanduser().resolve()


def quick_summaries(location: str) -> list[DocumentSummary] | None:
    """Every document with its counts, read-only and without the full store; None when
    this project must be opened by the full store (see the module's docstring)."""
    path = sqlite_file(location)
    if path is None or not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        if revision_of(connection) != HEAD_REVISION:
            return None
        return [
            DocumentSummary(i, t, o, p, n, int(s))
            for i, t, o, p, n, s in connection.execute(SUMMARIES_SQL)
        ]
    except sqlite3.Error:  # not a database, damaged, locked: the full store says which
        return None
    finally:
        connection.close()


def revision_of(connection: sqlite3.Connection) -> str | None:
    """The schema version of a SQLite project file, or None when it has none."""
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if found is None:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None
