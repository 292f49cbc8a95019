"""A SQLite project file through the standard library's sqlite3 alone.

Importing the full store (SQLAlchemy, sqlmodel, Alembic) takes more memory than a corpus
import of a hundred thousand quotes takes to run, so ``annotator import-corpus`` into a
file at the newest schema, or into a new file, opens it here instead: with the settings
the store's engine gives every connection (``set_pragmas``), the schema the tables declare
(``SCHEMA``: a test keeps it equal to what the migrations make), the same default
codebook, and the same one-line errors for a busy or read-only project. A file at an
older or unknown schema, or one that is not a project, is left to the full store, which
migrates it or says what is wrong.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from annotator import paths
from annotator.core import Code, Codebook, Speaker
from annotator.core.codebook import codebook_edit, codebook_from_dict
from annotator.core.edits import AddCode, AddSpeaker
from annotator.store import translate
from annotator.store.errors import ProjectBusy, ProjectReadOnly, StoreError
from annotator.store.lookup import Names
from annotator.store.summaries import HEAD_REVISION, revision_of, sqlite_file

BUSY_SECONDS = 5.0  # how long a write waits for another program's (ANNOTATOR_BUSY_TIMEOUT)
EDIT_COUNT_KEY = "edit_count"

# The newest schema, statement by statement, as SQLAlchemy creates it from the tables'
# declarations (``tables.py``), with Alembic's table of versions: every new SQLite project
# is set up from it (``create_schema``). Tests check that a file set up with it has the
# tables, columns, indexes and version the migrations give, and the declarations' schema.
SCHEMA = (
    """CREATE TABLE document (
        id INTEGER NOT NULL,
        title VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        source VARCHAR,
        outlet VARCHAR,
        author VARCHAR,
        published VARCHAR,
        language VARCHAR,
        imported_at DATETIME NOT NULL,
        sha256 VARCHAR NOT NULL,
        url VARCHAR,
        attributes JSON,
        PRIMARY KEY (id)
)""",
    "CREATE UNIQUE INDEX ix_document_sha256 ON document (sha256)",
    """CREATE TABLE speaker (
        id INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        aliases JSON NOT NULL,
        role VARCHAR,
        organisation VARCHAR,
        country VARCHAR,
        colour VARCHAR,
        PRIMARY KEY (id),
        UNIQUE (name)
)""",
    """CREATE TABLE code (
        id INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        description VARCHAR NOT NULL,
        colour VARCHAR,
        shortcut VARCHAR,
        parent VARCHAR,
        position INTEGER NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (kind, name)
)""",
    "CREATE INDEX ix_code_kind ON code (kind)",
    """CREATE TABLE setting (
        "key" VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        PRIMARY KEY ("key")
)""",
    """CREATE TABLE annotation (
        id VARCHAR NOT NULL,
        document_id INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote VARCHAR NOT NULL,
        prefix VARCHAR NOT NULL,
        suffix VARCHAR NOT NULL,
        speaker_id INTEGER,
        tone_id INTEGER,
        note VARCHAR,
        status VARCHAR NOT NULL,
        confidence FLOAT,
        annotator VARCHAR,
        created DATETIME NOT NULL,
        modified DATETIME NOT NULL,
        anchor VARCHAR DEFAULT 'position' NOT NULL,
        why VARCHAR,
        PRIMARY KEY (id),
        FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE,
        FOREIGN KEY(speaker_id) REFERENCES speaker (id),
        FOREIGN KEY(tone_id) REFERENCES code (id)
)""",
    "CREATE INDEX ix_annotation_document_id ON annotation (document_id)",
    "CREATE INDEX ix_annotation_suggested ON annotation (document_id) WHERE status = 'suggested'",
    """CREATE TABLE annotation_device (
        annotation_id VARCHAR NOT NULL,
        code_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (annotation_id, code_id),
        FOREIGN KEY(annotation_id) REFERENCES annotation (id) ON DELETE CASCADE,
        FOREIGN KEY(code_id) REFERENCES code (id)
)""",
    "CREATE INDEX ix_annotation_device_code_id ON annotation_device (code_id)",
    """CREATE TABLE alembic_version (
        version_num VARCHAR(32) NOT NULL,
        CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)""",
)


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


_BUSY_STATES = {"55P03", "40P01", "40001"}  # lock not available, deadlock, serialisation
_READ_ONLY_STATES = {"25006", "42501"}  # read-only transaction, insufficient privilege


def kind_of(error: BaseException) -> str | None:
    """ "busy" or "read-only" for a driver's error that means so (SQLite or PostgreSQL)."""
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


def plain_error(error: BaseException, where: str) -> StoreError | None:
    """The one-line error for a driver's error meaning busy or read-only, else None."""
    kind = kind_of(error)
    if kind == "busy":
        return ProjectBusy(where)
    if kind == "read-only":
        return ProjectReadOnly(where)
    return None


def set_pragmas(db: sqlite3.Connection, busy_ms: int) -> None:
    """What every connection to a project file sets: a crash never loses a committed edit
    (WAL, full sync), foreign keys are kept, and a write waits its turn."""
    cursor = db.cursor()
    cursor.execute(f"PRAGMA busy_timeout={busy_ms}")  # first: WAL switching may wait
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def open_for_import(location: str) -> tuple[sqlite3.Connection, str] | None:
    """A connection (transactions begun by hand) to the project file at ``location``, and
    the file's name for messages, when it is at the newest schema or is new (it is then
    set up, as the full store sets up a new file); None when the full store must open it
    (a database URL, an older schema, not a project...)."""
    path = sqlite_file(location)
    if path is None or (path.exists() and not path.is_file()):
        return None
    where = str(path)
    seconds = busy_seconds()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=seconds, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        set_pragmas(db, int(seconds * 1000))
        if revision_of(db) == HEAD_REVISION or (
            _is_empty(db) and retrying_when_refused(lambda: _set_up(db, where))
        ):
            return db, where
    except sqlite3.Error as error:
        if kind_of(error) == "busy":
            db.close()
            raise ProjectBusy(where) from error
    except BaseException:
        db.close()
        raise
    db.close()  # not a database, damaged, older...: the full store says which, or migrates
    return None


def create_schema(execute: Callable[..., object]) -> None:
    """The newest schema and its version row in an empty SQLite database, through
    ``execute(sql[, parameters])``: sqlite3's ``execute`` here, SQLAlchemy's
    ``exec_driver_sql`` when the full store sets up a new file."""
    for statement in SCHEMA:
        execute(statement)
    execute("INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,))


def _is_empty(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def _set_up(db: sqlite3.Connection, where: str) -> bool:
    """Create the newest schema with the default codebook in an empty file, holding the
    write lock (another program may be setting it up at the same moment): False when the
    file is not empty and not at the newest schema."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise plain_error(error, where) or error from error
    try:
        current = revision_of(db)
        if _is_empty(db):  # not set up meanwhile by another program
            create_schema(db.execute)
            _seed(db)
            current = HEAD_REVISION
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return current == HEAD_REVISION


def _seed(db: sqlite3.Connection) -> None:
    """The default codebook, added as the full store adds it to a new project."""
    codebook, speakers = codebook_from_dict(json.loads(paths.read_resource_text("codebook.json")))
    for edit in codebook_edit(Codebook(), (), codebook, speakers).edits:
        names = Names.read(db)
        if isinstance(edit, AddCode):
            add_code(db, names, edit.code)
        elif isinstance(edit, AddSpeaker):
            add_speaker(db, names, edit.speaker)
        else:
            raise StoreError(f"cannot set up a project with {type(edit).__name__}")


def add_speaker(db: sqlite3.Connection, names: Names, speaker: Speaker) -> bool:
    """What ``AddSpeaker`` does, on a SQLite file: add the speaker unless its name (any
    case) is taken; False when it is. ``names`` are the project's as they stand."""
    colours = [colour for (colour,) in db.execute("SELECT colour FROM speaker")]
    row = translate.new_speaker_row(speaker, colours)
    if names.speaker_id(row["name"], missing_ok=True) is not None:
        return False
    row["aliases"] = json.dumps(row["aliases"])
    _insert(db, "speaker", row)
    return True


def add_code(db: sqlite3.Connection, names: Names, code: Code) -> bool:
    """What ``AddCode`` does, on a SQLite file: add the tone or device at the end of the
    codebook unless its name (any case) is taken; False when it is."""
    if names.code_id(code.kind, code.name, missing_ok=True) is not None:
        return False
    _insert(db, "code", translate.new_code_row(code, len(names.code_names)))
    return True


def _insert(db: sqlite3.Connection, table: str, row: dict[str, object]) -> None:
    db.execute(insert_sql(table, row), tuple(row.values()))


def insert_sql(table: str, columns: Iterable[str]) -> str:
    """SQLite's statement inserting one row of ``columns`` into ``table`` (names quoted:
    "end" is a keyword), its values given in that order."""
    columns = list(columns)
    names = ", ".join(f'"{name}"' for name in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in columns)})'


def count_edit(db: sqlite3.Connection) -> int:
    """One more edit, counted in the edit's own transaction (as ``Project.apply`` does)."""
    row = db.execute('SELECT value FROM setting WHERE "key" = ?', (EDIT_COUNT_KEY,)).fetchone()
    count = int(row[0]) + 1 if row else 1
    db.execute(
        'INSERT OR REPLACE INTO setting ("key", value) VALUES (?, ?)', (EDIT_COUNT_KEY, str(count))
    )
    return count
