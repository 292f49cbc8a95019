"""Engines and schema versions.

A project is a SQLite file (the embedded default) or any SQLAlchemy URL. SQLite runs in
WAL mode with foreign keys on and full sync, so each committed edit survives a crash and
a crash never corrupts the file. The schema is brought to the newest version by Alembic
on open, so a project made by an older version opens in this one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

HEAD = "head"


class ProjectOpenError(RuntimeError):
    """The project cannot be opened (locked, not a project, newer version...)."""


def to_url(location: str) -> str:
    """A SQLAlchemy URL for a project path or URL."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(location: str) -> Engine:
    """An engine for a project path or URL, creating a SQLite file's folder if needed."""
    url = make_url(to_url(location))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "annotator.store:migrations")
    return config


def current_revision(engine: Engine) -> str | None:
    """The schema version of the database, or None for an empty one."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def migrate(engine: Engine, revision: str = HEAD) -> None:
    """Bring the schema to ``revision`` (the newest by default)."""
    config = _alembic_config()
    current = current_revision(engine)
    known = {s.revision for s in ScriptDirectory.from_config(config).walk_revisions()}
    if current is not None and current not in known:
        raise ProjectOpenError(
            f"the project was made by a newer Speechmark (schema {current}); please upgrade"
        )
    if revision == HEAD and current == head_revision():
        return
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
