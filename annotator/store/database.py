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

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import ExceptionContext, make_url

from annotator.store.errors import ProjectBusy, ProjectReadOnly
from annotator.store.summaries import HEAD_REVISION as HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "head"
BUSY_SECONDS = 5.0  # how long a write waits for another program's (ANNOTATOR_BUSY_TIMEOUT)
# Any fixed number: PostgreSQL advisory locks are keyed by a 64-bit integer per database.
_SETUP_LOCK_KEY = 0x5EEC_4D41_524B
_BUSY_STATES = {"55P03", "40P01", "40001"}  # lock not available, deadlock, serialisation
_READ_ONLY_STATES = {"25006", "42501"}  # read-only transaction, insufficient privilege


class ProjectOpenError(RuntimeError):
    """The project cannot be opened (locked, not a project, newer version...)."""


def to_url(location: str) -> str:
    """A SQLAlchemy URL for a project path or URL."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


def busy_seconds() -> float:
    """How long a write waits for another program before ``ProjectBusy`` is raised."""
    try:
        return max(0.0, float(os.environ.get("ANNOTATOR_BUSY_TIMEOUT", BUSY_SECONDS)))
    except ValueError:
        return BUSY_SECONDS


Result = TypeVar("Result")


def retrying_when_refused(work: Callable[[], Result]) -> Result:
    """``work()`` (one whole transaction), run again when the database refused it as busy
    without waiting its turn. SQLite does that, rather than wait, when waiting could
    deadlock (a transaction that read before another program's write wants to write too):
    the remedy is to run the transaction again. A refusal after waiting the whole busy
    time is raised as it is."""
    deadline = time.monotonic() + busy_seconds()
    pause = 0.01
    while True:
        try:
            return work()
        except ProjectBusy:
            if time.monotonic() + pause >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


def _sqlite_pragmas(busy_ms: int) -> Callable[[Any, Any], None]:
    def set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")  # first: WAL switching may wait
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return set_pragmas


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
    where = describe(context.engine)
    kind = _kind_of(error)
    if kind == "busy":
        raise ProjectBusy(where) from error
    if kind == "read-only":
        raise ProjectReadOnly(where) from error


def _kind_of(error: BaseException) -> str | None:
    name = str(getattr(error, "sqlite_errorname", ""))
    message = str(error).lower()
    state = str(getattr(error, "sqlstate", "") or "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in message:
        return "busy"
    if name.startswith("SQLITE_READONLY") or "readonly database" in message:
        return "read-only"
    if state in _BUSY_STATES:
        return "busy"
    if state in _READ_ONLY_STATES:
        return "read-only"
    return None


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


# Alembic's own table of schema versions, as it creates it.
_VERSIONS = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def _create_newest(connection: Connection) -> None:
    """The newest schema in an empty SQLite database, made at once from the tables'
    declarations and marked as the newest version (a test keeps it equal to the schema
    the migrations make): running every migration, and loading Alembic, took longer
    than the rest of setting up a project."""
    from annotator.store.tables import SQLModel

    SQLModel.metadata.create_all(connection)
    _VERSIONS.create(connection)
    connection.execute(_VERSIONS.insert().values(version_num=HEAD_REVISION))


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
            _create_newest(connection)
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
