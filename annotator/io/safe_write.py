"""Writing an export whole or not at all.

A writer works on a temporary file (or folder) beside its target and renames it into
place once everything is written, so a failure halfway (a value the format refuses, a full
disk, a cancelled job) leaves the target as it was: never a truncated file that looks like
an export. The temporary name starts with a dot and ends in ``.part``.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO


def _beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part")


@contextmanager
def replacing_file(target: Path | str) -> Iterator[Path]:
    """A temporary path to write instead of ``target``; it becomes ``target`` when the
    block ends without an error, and is removed when it raises."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _beside(target)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def replacing_folder(target: Path | str) -> Iterator[Path]:
    """A new empty folder to write instead of ``target``. When the block ends without an
    error its files move into ``target`` (created if missing; other files there stay);
    when it raises, the folder is removed and ``target`` is untouched."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _beside(target)
    temporary.mkdir()
    try:
        yield temporary
        if not target.exists():
            os.replace(temporary, target)
            return
        for path in sorted(temporary.iterdir()):
            os.replace(path, target / path.name)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


@contextmanager
def writing_text(
    target: Path | str, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[TextIO]:
    """A text stream to ``target`` that replaces it only once the block ends without an
    error (see ``replacing_file``)."""
    with (
        replacing_file(target) as temporary,
        temporary.open("w", encoding=encoding, newline=newline) as stream,
    ):
        yield stream


@contextmanager
def writing_bytes(target: Path | str) -> Iterator[BinaryIO]:
    """A binary stream to ``target`` that replaces it only once the block ends without an
    error (see ``replacing_file``)."""
    with replacing_file(target) as temporary, temporary.open("wb") as stream:
        yield stream
