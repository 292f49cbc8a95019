"""Importers read only regular files, within limits, and name files whose names are not
UTF-8: devices, pipes, zip bombs and DTDs are refused with one line naming the file."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from annotator.app.imports import import_files
from annotator.io import importers, qdpx_read
from annotator.io.importers import ImportProblem, read_all, read_document
from annotator.io.qdpx import QdpxError, read_qdpx, write_qdpx
from tests.data.io.sample_corpus import sample_corpus

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and pipes")


@posix_only
def test_a_device_is_refused_without_reading_it(tmp_path):
    link = tmp_path / "zeros.txt"
    link.symlink_to("/dev/zero")  # the reader picks by extension; the name must not fool it
    with pytest.raises(ImportProblem, match=r"zeros.txt: not a regular file \(a device"):
        read_document(link)


@posix_only
def test_a_named_pipe_is_refused_instead_of_hanging(tmp_path):
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    with pytest.raises(ImportProblem, match=r"feed.txt: not a regular file \(a device, pipe"):
        read_document(pipe)
    with pytest.raises(QdpxError, match=r"feed.txt: not a regular file"):
        read_qdpx(pipe)


def test_a_folder_named_like_a_file_is_refused(tmp_path):
    folder = tmp_path / "notes.txt"
    folder.mkdir()
    with pytest.raises(ImportProblem, match=r"notes.txt: not a regular file \(a folder\)"):
        read_document(folder)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
def test_a_file_name_that_is_not_utf8_is_imported_and_shown(project, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("“First,” said Ann.", encoding="utf-8")
    odd = os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt")  # latin-1 bytes in the name
    Path(odd).write_text("“Second,” said Bob.", encoding="utf-8")
    (folder / "z.txt").write_text("“Third,” said Cy.", encoding="utf-8")
    report = import_files(project, [folder])
    assert sorted(d.title for d in report.added) == ["a", "caf\ufffd", "z"]
    assert report.failed == []
    stored = {d.title: d.source for d in project.documents()}
    assert stored["caf\ufffd"].endswith("caf\ufffd.txt")
    "\n".join(report.lines()).encode("utf-8")  # printable: no lone surrogates


def test_problem_with_a_name_that_is_not_utf8_is_printable(tmp_path):
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/missing-\xff.txt"))
    [result] = read_all([odd])
    assert result.problem == "no such file or folder"
    with pytest.raises(ImportProblem) as raised:
        read_document(odd)
    assert (
        str(raised.value)
        .encode("utf-8")
        .endswith("missing-\ufffd.txt: no such file or folder".encode())
    )


def _docx_with_body(path: Path, body_xml: bytes) -> None:
    """A .docx whose word/document.xml is replaced by ``body_xml``."""
    template = path.with_suffix(".template.docx")
    docx.Document().save(template)
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in source.infolist():
            data = body_xml if item.filename == "word/document.xml" else source.read(item)
            out.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_docx_expanding_to_hundreds_of_megabytes_is_refused_before_expanding(tmp_path):
    path = tmp_path / "bomb.docx"
    paragraph = b"<w:p><w:r><w:t>" + b"A" * 1000 + b"</w:t></w:r></w:p>"
    body = b"<w:document " + W + b"><w:body>" + paragraph * 60_000 + b"</w:body></w:document>"
    _docx_with_body(path, body)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ImportProblem) as raised:
        read_document(path)
    assert "bomb.docx: not imported: word/document.xml expands to 59 MB; the limit is 50 MB" in str(
        raised.value
    )


def test_a_docx_with_xml_entities_is_refused_rather_than_cut_short(tmp_path):
    path = tmp_path / "entity.docx"
    body = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY who "the minister">]>'
        b"<w:document " + W + b"><w:body><w:p><w:r><w:t>We thank &who; for coming.</w:t>"
        b"</w:r></w:p></w:body></w:document>"
    )
    _docx_with_body(path, body)
    with pytest.raises(ImportProblem, match="entity.docx: word/document.xml declares a DTD"):
        read_document(path)


def test_a_docx_with_too_many_parts_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "many.docx"
    docx.Document().save(path)
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(30):
            archive.writestr(f"customXml/item{number}.bin", b"x")
    monkeypatch.setattr(importers, "DOCX_EXPANDED", 10**9)
    with zipfile.ZipFile(path) as archive:
        parts = len(archive.infolist())
    assert parts > 30
    original = importers.archive_problem

    def fewer(archive, **limits):
        return original(archive, **{**limits, "max_members": 20})

    monkeypatch.setattr(importers, "archive_problem", fewer)
    with pytest.raises(
        ImportProblem, match=f"many.docx: not imported: too many files in the archive \\({parts};"
    ):
        read_document(path)


def test_a_qdpx_source_expanding_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "p.qdpx"
    write_qdpx(sample_corpus(), path)
    monkeypatch.setattr(qdpx_read, "SOURCE_LIMIT", 100)
    with pytest.raises(
        QdpxError, match=r"p.qdpx: not imported: sources/.*\.txt expands to 0 MB; the limit is 0 MB"
    ):
        read_qdpx(path)


def test_a_qdpx_project_file_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "p.qdpx"
    write_qdpx(sample_corpus(), path)
    monkeypatch.setattr(qdpx_read, "QDE_LIMIT", 1000)
    with pytest.raises(QdpxError, match=r"p.qdpx: not imported: project.qde expands to"):
        read_qdpx(path)


def test_an_empty_qdpx_source_is_refused_not_read_as_an_empty_document(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(sample_corpus(), path)
    emptied = tmp_path / "emptied.qdpx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(emptied, "w") as out:
        sources = [n for n in source.namelist() if n.startswith("sources/")]
        for name in source.namelist():
            out.writestr(name, b"" if name == sources[0] else source.read(name))
        qde = source.read("project.qde").decode()
    guid = sources[0].removeprefix("sources/").removesuffix(".txt")
    title = qde.split(f'guid="{guid}"', 1)[1].split('name="', 1)[1].split('"', 1)[0]
    with pytest.raises(QdpxError, match=f"emptied.qdpx: source '{title}' has no text"):
        read_qdpx(emptied)


def test_an_import_names_the_encoding_it_guessed(project, tmp_path):
    path = tmp_path / "western.txt"
    path.write_bytes("“Nous ne céderons pas,” déclara la ministre.".encode("cp1252"))
    report = import_files(project, [path])
    assert f"note     {path}: not UTF-8; the encoding was guessed: cp1252" in report.lines()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
def test_a_failed_file_whose_name_is_not_utf8_is_reported_printably(project, tmp_path):
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/empty-\xff.txt"))
    odd.write_bytes(b"")
    report = import_files(project, [odd])
    [line] = [line for line in report.lines() if line.startswith("failed")]
    assert line.encode("utf-8").endswith("empty-\ufffd.txt: empty file".encode())


def test_a_docx_with_broken_xml_is_refused_with_one_line(tmp_path):
    path = tmp_path / "broken.docx"
    _docx_with_body(path, b"<w:document " + W + b"><w:body><w:p>unclosed")
    with pytest.raises(ImportProblem, match="broken.docx: not a readable Word document"):
        read_document(path)
