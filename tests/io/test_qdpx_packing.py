"""How the REFI-QDA package is packed: a valid zip whatever happens while it is written."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import pytest
from isal import isal_zlib

from annotator.io import zip_stream
from annotator.io.qdpx import COMPRESS_LEVEL, read_qdpx, write_qdpx
from annotator.io.zip_stream import MemberTooLarge, member_on_thread, new_member
from tests.data.io.sample_corpus import sample_corpus


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def _packed_sizes(path: Path) -> dict[str, tuple[int, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return {m.filename: (m.compress_size, archive.read(m)) for m in archive.infolist()}


def test_the_project_comes_first_and_is_packed_like_the_texts(tmp_path: Path) -> None:
    path = tmp_path / "project.qdpx"
    write_qdpx(sample_corpus(), path, analyst="Dana")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        first, *texts = archive.infolist()
        assert first.filename == "project.qde" and texts
        assert all(t.filename.startswith("sources/") for t in texts)
        assert {m.external_attr for m in archive.infolist()} == {0o600 << 16}
        assert {m.date_time[0] for m in archive.infolist()} != {1980}
    # Every member deflated by ISA-L at its fastest level (the package's level 1).
    for compressed, data in _packed_sizes(path).values():
        squeezer = isal_zlib.compressobj(COMPRESS_LEVEL, isal_zlib.DEFLATED, -15)
        assert compressed == len(squeezer.compress(data) + squeezer.flush())


def test_without_isal_zlib_packs_at_the_package_level(tmp_path, monkeypatch):
    fast, plain = tmp_path / "fast.qdpx", tmp_path / "plain.qdpx"
    write_qdpx(sample_corpus(), fast, analyst="Dana")
    monkeypatch.setattr(zip_stream, "_fast_deflate", lambda: None)
    write_qdpx(sample_corpus(), plain, analyst="Dana")
    for compressed, data in _packed_sizes(plain).values():
        squeezer = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        assert compressed == len(squeezer.compress(data) + squeezer.flush())
    fast_members, plain_members = _members(fast), _members(plain)
    assert fast_members.keys() == plain_members.keys()
    texts = [name for name in fast_members if name != "project.qde"]  # (it stamps its time)
    assert all(fast_members[name] == plain_members[name] for name in texts)
    assert read_qdpx(plain).annotations == read_qdpx(fast).annotations


def test_a_project_beyond_the_plain_zip_limit_is_packed_with_zip64(tmp_path, monkeypatch):
    plain, large = tmp_path / "plain.qdpx", tmp_path / "large.qdpx"
    write_qdpx(sample_corpus(), plain, analyst="Dana")
    size = zipfile.ZipFile(plain).getinfo("project.qde").file_size
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", size // 2)
    write_qdpx(sample_corpus(), large, analyst="Dana")
    monkeypatch.undo()
    with zipfile.ZipFile(large) as archive:
        assert archive.testzip() is None
        # Zip64's extra field (id 1) sits in the project's local and central headers.
        assert archive.getinfo("project.qde").extra.startswith(b"\x01\x00")
    assert _members(large).keys() == _members(plain).keys()
    assert read_qdpx(large).annotations == read_qdpx(plain).annotations


def test_a_failure_while_packing_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "project.qdpx"
    path.write_bytes(b"the old export")
    original = zip_stream.member_on_thread

    def failing(archive, member, **options):  # type: ignore[no-untyped-def]
        class Full:  # a disk that fills up while the project is packed
            def __init__(self, stream):  # type: ignore[no-untyped-def]
                self.stream = stream

            def __enter__(self):  # type: ignore[no-untyped-def]
                return self

            def __exit__(self, *exc):  # type: ignore[no-untyped-def]
                return self.stream.__exit__(*exc)

            def write(self, piece: bytes) -> int:
                raise OSError(28, "No space left on device")

        opened = archive.open
        monkeypatch.setattr(archive, "open", lambda *a, **k: Full(opened(*a, **k)))
        return original(archive, member, **options)

    monkeypatch.setattr("annotator.io.qdpx.member_on_thread", failing)
    with pytest.raises(OSError, match="No space left"):
        write_qdpx(sample_corpus(), path, analyst="Dana")
    assert path.read_bytes() == b"the old export"
    assert [p.name for p in tmp_path.iterdir()] == ["project.qdpx"]


def test_an_error_in_the_writer_stops_the_packing_thread(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "a.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        with (
            pytest.raises(ValueError, match="no more"),
            member_on_thread(archive, new_member(archive, "a.txt")) as append,
        ):
            for _ in range(100):  # more pieces than the thread keeps waiting
                append(b"x" * 1000)
            raise ValueError("no more")
        archive.writestr("b.txt", b"after")  # the archive is free again
    assert _members(tmp_path / "a.zip")["b.txt"] == b"after"


def test_too_large_a_member_is_refused_without_zip64(tmp_path, monkeypatch):
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 10)
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        with (
            pytest.raises(MemberTooLarge),
            member_on_thread(archive, new_member(archive, "a")) as append,
        ):
            append(b"12345")
            append(b"678901")
        with member_on_thread(archive, new_member(archive, "b"), zip64=True) as append:
            append(b"12345")
            append(b"678901")
    monkeypatch.undo()
    assert _members(tmp_path / "a.zip")["b"] == b"12345678901"
