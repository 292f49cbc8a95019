"""A zip member deflated on a thread of its own while the caller makes its next piece.

zlib lets go of Python's lock while it compresses, so a writer that hands each piece of a
long member to ``member_on_thread`` keeps making the next piece on one core while the last
is packed on another. The member's bytes are exactly the pieces, in their order.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager

BACKLOG = 16  # pieces waiting to be packed at most (memory stays flat)


class MemberTooLarge(Exception):
    """The member outgrew what a zip without Zip64 extensions holds: write it again
    with ``zip64=True``."""


def new_member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    """A member ``name`` stamped now and packed as ``archive.writestr`` packs one: with
    the archive's compression and its level."""
    member = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
    member.compress_type, member.external_attr = archive.compression, 0o600 << 16
    # A member made by hand is packed at zlib's default level unless told; the attribute
    # is public (``compress_level``) only from Python 3.13.
    level = "compress_level" if sys.version_info >= (3, 13) else "_compresslevel"
    setattr(member, level, archive.compresslevel)
    return member


@contextmanager
def member_on_thread(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, zip64: bool = False
) -> Iterator[Callable[[bytes], None]]:
    """A function that appends a piece to ``member`` of ``archive``, packed on a thread.

    The member is complete when the block ends; an error on the packing thread (a full
    disk) is raised by the next call or when the block ends. Without ``zip64`` the
    member may hold up to ``zipfile.ZIP64_LIMIT`` bytes, beyond which a call raises
    ``MemberTooLarge``. The archive takes no other member while the block runs.
    """
    pieces: queue.Queue[bytes | None] = queue.Queue(BACKLOG)
    failures: list[BaseException] = []

    def pack() -> None:
        ended = False
        try:
            with archive.open(member, "w", force_zip64=zip64) as stream:
                while (piece := pieces.get()) is not None:
                    stream.write(piece)
                ended = True
        except BaseException as error:  # handed to the caller's thread
            failures.append(error)
            while not ended and pieces.get() is not None:  # the caller puts until it ends
                pass

    packer = threading.Thread(target=pack, name=f"packing {member.filename}", daemon=True)
    packer.start()
    size = 0

    def append(piece: bytes) -> None:
        nonlocal size
        if failures:
            raise failures[0]
        size += len(piece)
        if size > zipfile.ZIP64_LIMIT and not zip64:
            raise MemberTooLarge(member.filename)
        pieces.put(piece)

    try:
        yield append
    finally:
        pieces.put(None)
        packer.join()
    if failures:
        raise failures[0]
