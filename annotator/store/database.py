"""Engines, schema versions and the errors a shared database gives.

A project is a SQLite file (the embedded default) or any SQLAlchemy URL. SQLite runs in
WAL mode with foreign keys on and full sync, so each committed edit survives a crash and
a crash never corrupts the file. The schema is brought to the newest version by Alembic
on open, so a project made by an older version opens in this one; a new project is set
up (schema and default codebook) by one process while any other opening it at the same
moment waits, then finds it ready.

A write that waits too long for another program's transaction raises ``ProjectBusy``; a
write to a read-only file or database raises ``ProjectReadOnly``: one line each, never a
driver traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import ExceptionContext, make_url

# Re-exported: what a write waits for, and the retry, are the project file's own rules.
from annotator.store.project_file import BUSY_SECONDS as BUSY_SECONDS
from annotator.store.project_file import busy_seconds as busy_seconds
from annotator.store.project_file import create_schema, plain_error, set_pragmas
from annotator.store.project_file import retrying_when_refused as retrying_when_refused
from annotator.store.summaries import HEAD_REVISION as HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "head"
# Any fixed number: PostgreSQL advisory locks are keyed by a 64-bit integer per database.
_SETUP_LOCK_KEY = 0x5EEC_4D41_524B


class ProjectOpenError(RuntimeError):
    """The project cannot be opened (locked, not a project, newer version...)."""


def to_url(location: str) -> str:
    """A SQLAlchemy URL for a project path or URL."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


def _sqlite_pragmas(busy_ms: int) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        set_pragmas(dbapi_connection, busy_ms)

    return on_connect


def make_engine(location: str) -> Engine:
    """An engine for a project path or URL, creating a SQLite file's folder if needed."""
    url = make_url(to_url(location))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        seconds = busy_seconds()
        engine = create_engine(url, connect_args={"timeout": seconds})
        event.listen(engine, "connect", _sqlite_pragmas(int(seconds * 1000)))
    else:
        engine = create_engine(url, pool_pre_ping=True)
    event.listen(engine, "handle_error", _plain_error)
    return engine


def describe(engine: Engine | None) -> str:
    """The project as an analyst names it: its file, or its URL without the password."""
    if engine is None:
        return "the project"
    if engine.url.get_backend_name() == "sqlite" and engine.url.database:
        return engine.url.database
    return engine.url.render_as_string(hide_password=True)


def _plain_error(context: ExceptionContext) -> None:
    """Re-raise a busy or read-only database as one clear StoreError."""
    error = context.original_exception
    plain = plain_error(error, describe(context.engine))
    if plain is not None:
        raise plain from error


def _alembic_config() -> Config:
    from alembic.config import Config  # only when a schema must be created or upgraded

    config = Config()
    config.set_main_option("script_location", "annotator.store:migrations")
    return config


def current_revision(engine: Engine) -> str | None:
    """The schema version of the database, or None for an empty one."""
    with engine.connect() as connection:
        return _revision_of(connection)


def _revision_of(connection: Connection) -> str | None:
    # Alembic's own table, read directly: importing Alembic costs more than the query.
    if not inspect(connection).has_table("alembic_version"):
        return None
    found = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(found[0]) if found else None


def head_revision() -> str:
    """The newest schema version, as Alembic's scripts say."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _refuse_unknown(current: str | None) -> None:
    if current is None or current == HEAD_REVISION:
        return
    from alembic.script import ScriptDirectory

    known = {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    if current not in known:
        raise ProjectOpenError(
            f"the project was made by a newer Speechmark (schema {current}); please upgrade"
        )


def _upgrade(connection: Connection, revision: str) -> None:
    from alembic import command

    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


@contextmanager
def _setup_lock(engine: Engine) -> Iterator[Connection]:
    """A transaction that no other process can run alongside: SQLite's write lock taken
    up front (``BEGIN IMMEDIATE``), or a PostgreSQL advisory lock. It commits on exit."""
    with engine.connect() as connection:
        backend = engine.url.get_backend_name()
        if backend == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif backend == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SETUP_LOCK_KEY})
        yield connection
        connection.commit()


def prepare(engine: Engine, seed: Callable[[Connection], None] | None = None) -> None:
    """Bring the schema to the newest version; on a new (empty) database, also run
    ``seed`` in the same transaction. Serialised across processes, so two programs opening
    one new project at the same moment both succeed and it is seeded once."""
    current = retrying_when_refused(lambda: current_revision(engine))
    _refuse_unknown(current)
    if current == HEAD_REVISION:
        return  # the common case: no lock, so a read-only project still opens
    retrying_when_refused(lambda: _set_up(engine, seed))


def _set_up(engine: Engine, seed: Callable[[Connection], None] | None) -> None:
    with _setup_lock(engine) as connection:
        current = _revision_of(connection)
        _refuse_unknown(current)  # another process may have set it up meanwhile
        if current is None and engine.url.get_backend_name() == "sqlite":
            # At once, from the schema's SQL (a test keeps it equal to what the migrations
            # make): running every migration, and loading Alembic, took longer than the
            # rest of setting up a project.
            create_schema(connection.exec_driver_sql)
        elif current != HEAD_REVISION:
            _upgrade(connection, HEAD)
        if current is None and seed is not None:
            seed(connection)


def migrate(engine: Engine, revision: str = HEAD) -> None:
    """Bring the schema to ``revision`` (the newest by default), holding the setup lock."""
    current = current_revision(engine)
    _refuse_unknown(current)
    if revision == HEAD and current == HEAD_REVISION:
        return
    with _setup_lock(engine) as connection:
        _upgrade(connection, revision)
