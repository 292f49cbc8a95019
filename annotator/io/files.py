"""Opening input files safely: regular files only, size limits, zip archives checked
before they are expanded, and file names shown even when they are not valid UTF-8.

A device such as ``/dev/zero`` would be read until memory runs out and a named pipe
would block for ever, so only regular files are read, and the check is made on the
opened file (not the name) so nothing can be swapped in between.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

MB = 1024 * 1024
# What Python's zip reader raises on a damaged or unusual archive (a bad header, a wrong
# checksum, a seek before the start, an encrypted or unknown-compression member...).
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    ValueError,
    RuntimeError,
    OSError,
)


class ImportProblem(ValueError):
    """A file that cannot be imported; ``str()`` is one line naming file and reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{display_path(path)}: {reason}")
        self.path, self.reason = display_path(path), reason


def display_path(path: Path | str) -> str:
    """``path`` as printable text: bytes of a name that are not UTF-8 become U+FFFD, so
    the name can be shown, stored and compared (the file system's own name is untouched)."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file (not a folder,
    device, pipe or socket); else ``ImportProblem``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise ImportProblem(path, "no such file or folder") from None
    except OSError as error:
        raise ImportProblem(path, f"cannot be opened ({error.strerror})") from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        kind = "a folder" if stat.S_ISDIR(mode) else "a device, pipe or socket"
        raise ImportProblem(path, f"not a regular file ({kind})")
    return os.fdopen(descriptor, "rb")


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused when larger than ``limit``."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size <= limit:
            try:
                data = handle.read(limit + 1)
            except OSError as error:
                raise ImportProblem(path, f"cannot be read ({error.strerror})") from None
            size = len(data)  # it may have grown since
    if size > limit:
        raise ImportProblem(
            path, f"file too large ({size // MB} MB; the limit is {limit // MB} MB)"
        )
    return data


def archive_problem(
    archive: zipfile.ZipFile, *, total_limit: int, member_limit: int, max_members: int = 20000
) -> str | None:
    """Why a zip archive is unsafe to expand (too many members, a member or the whole
    too large once decompressed), or None. Python's zip reader never produces more than
    a member's declared size, so checking the declared sizes is enough."""
    members = archive.infolist()
    if len(members) > max_members:
        return f"too many files in the archive ({len(members)}; the limit is {max_members})"
    for member in members:
        if member.file_size > member_limit:
            return (
                f"{member.filename} expands to {member.file_size // MB} MB; "
                f"the limit is {member_limit // MB} MB"
            )
    total = sum(member.file_size for member in members)
    if total > total_limit:
        return f"the archive expands to {total // MB} MB; the limit is {total_limit // MB} MB"
    return None
