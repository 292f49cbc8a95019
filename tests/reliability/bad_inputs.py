"""A catalogue of awkward and hostile input files, each with what must happen to it:
refused with one line naming the file, or accepted with exactly the text it holds."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.app.imports import import_corpus, import_files
from annotator.core import Annotation, Document
from annotator.core.corpus import Corpus
from annotator.io.files import display_path
from annotator.io.importers import ImportProblem, read_document
from annotator.io.qdpx import QdpxError, read_qdpx, write_qdpx
from annotator.store import Project, StoreError
from tests.reliability.fuzz import docx_bytes, docx_with_xml_change

ARTICLE = "“We will not yield,” the minister said. Café, naïveté, Zoë.\nSecond line.\n" * 3
PLAIN = '"We will not yield," the minister said on Thursday.'


@dataclass(frozen=True)
class BadInput:
    """One input: how to make it, and the text it must give (None: it must be refused)."""

    name: str
    make: Callable[[Path], Path]
    text: str | None = None


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _link(name: str, target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path

    return make


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _folder(folder: Path) -> Path:
    path = folder / "folder.txt"
    path.mkdir()
    return path


def _odd_name(folder: Path) -> Path:
    path = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt"))
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _qdpx(name: str, change: Callable[[str, bytes], bytes]) -> Callable[[Path], Path]:
    """A .qdpx of one document with a quote, each member passed through ``change``."""

    def make(folder: Path) -> Path:
        text = "“Hold firm,” Ann Lee said."
        corpus = Corpus(
            documents=(Document(title="t", text=text, id=1),),
            annotations=(Annotation.on(1, text, 0, 12, speaker="Ann Lee"),),
        )
        plain = folder / f"plain-{name}"
        write_qdpx(corpus, plain)
        path = folder / name
        with (
            zipfile.ZipFile(plain) as source,
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
        ):
            for member in source.namelist():
                out.writestr(member, change(member, source.read(member)))
        return path

    return make


def _empty_source(member: str, data: bytes) -> bytes:
    return b"" if member.startswith("sources/") else data


def _huge_source(member: str, data: bytes) -> bytes:
    return b" " * (21 * 1024 * 1024) if member.startswith("sources/") else data


def _bad_position(member: str, data: bytes) -> bytes:
    return (
        data.replace(b'endPosition="12"', b'endPosition="9999"')
        if member.endswith(".qde")
        else data
    )


def _entity_qde(member: str, data: bytes) -> bytes:
    if not member.endswith(".qde"):
        return data
    return data.replace(b"?>", b'?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">]>', 1)


def _latin1_source(member: str, data: bytes) -> bytes:
    return data.decode("utf-8").encode("cp1252") if member.startswith("sources/") else data


def catalogue() -> list[BadInput]:
    """Every input of the catalogue (devices and pipes only where the system has them)."""
    text = ARTICLE.strip("\n")
    inputs = [
        BadInput("utf-16-le without BOM", _bytes("le16.txt", ARTICLE.encode("utf-16-le")), text),
        BadInput("utf-16-be without BOM", _bytes("be16.txt", ARTICLE.encode("utf-16-be")), text),
        BadInput("utf-32-le without BOM", _bytes("le32.txt", ARTICLE.encode("utf-32-le")), text),
        BadInput(
            "ASCII utf-16-le without BOM", _bytes("a16.txt", PLAIN.encode("utf-16-le")), PLAIN
        ),
        BadInput(
            "ASCII utf-32-be without BOM", _bytes("a32.txt", PLAIN.encode("utf-32-be")), PLAIN
        ),
        BadInput("utf-32 with BOM", _bytes("bom32.txt", ARTICLE.encode("utf-32")), text),
        BadInput("utf-16 with BOM", _bytes("bom16.md", ARTICLE.encode("utf-16")), text),
        BadInput("utf-16 odd length", _bytes("odd16.txt", ARTICLE.encode("utf-16-le") + b"x")),
        BadInput(
            "NUL after every letter in UTF-8", _bytes("nuls.txt", "\x00".join(ARTICLE).encode())
        ),
        BadInput(
            "C0 controls all through", _bytes("c0.txt", ("ab\x01\x02\x03\x04" * 500).encode())
        ),
        BadInput(
            "two stray controls",
            _bytes("stray.txt", (ARTICLE + "x\x07y\x00z").encode()),
            text + "\nxyz",
        ),  # fmt: skip
        BadInput(
            "one bad byte in UTF-8",
            _bytes("onebad.txt", ARTICLE.encode() + b"\xff" + ARTICLE.encode()),
        ),
        BadInput(
            "truncated UTF-8 sequence", _bytes("cut.txt", ARTICLE.encode() + "é".encode()[:1])
        ),
        BadInput("cp1252 article", _bytes("western.txt", ARTICLE.encode("cp1252")), text),
        BadInput("random bytes", _bytes("noise.txt", os.urandom(4096))),
        BadInput(
            "PNG named .txt", _bytes("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        ),
        BadInput("empty file", _bytes("empty.txt", b"")),
        BadInput("blank file", _bytes("blank.md", b" \n\t\r\n ")),
        BadInput(
            "lone CR line ends",
            _bytes("cr.txt", ARTICLE.replace("\n", "\r").encode()),
            text.replace("\n", "\n"),
        ),
        BadInput(
            "U+2028 and U+0085 line ends", _bytes("seps.txt", "a\u2028b\x85c".encode()), "a\nb\nc"
        ),
        BadInput("folder named .txt", _folder),
        BadInput("missing file", lambda folder: folder / "missing.txt"),
        BadInput("unsupported type", _bytes("slides.pptx", b"PK\x03\x04")),
        BadInput("docx: not a zip", _bytes("fake.docx", b"PK\x03\x04 not really")),
        BadInput(
            "docx: XML entity in a paragraph",
            _bytes(
                "entity.docx",
                docx_with_xml_change(docx_bytes(["We thank the minister."]), "entity"),
            ),
        ),
        BadInput(
            "docx: expands to hundreds of MB",
            _bytes("bomb.docx", docx_with_xml_change(docx_bytes(["x"]), "huge")),
        ),
        BadInput("docx: cut short", _bytes("cut.docx", docx_bytes(["Cut here."])[:3000])),
        BadInput(
            "docx: fine",
            _bytes("fine.docx", docx_bytes(["First.", "“Second,” she said."])),
            "First.\n“Second,” she said.",
        ),  # fmt: skip
        BadInput(
            "html: control characters",
            _bytes("page.html", b"<html><body><p>" + b"\x01\x02" * 300 + b"</p></body></html>"),
        ),
        BadInput("qdpx: empty source", _qdpx("empty.qdpx", _empty_source)),
        BadInput("qdpx: 21 MB source", _qdpx("huge.qdpx", _huge_source)),
        BadInput("qdpx: selection past the end", _qdpx("position.qdpx", _bad_position)),
        BadInput(
            "qdpx: DTD with an entity",
            _qdpx("entity.qdpx", _entity_qde),
            "“Hold firm,” Ann Lee said.",
        ),  # fmt: skip
        BadInput("qdpx: cp1252 source", _qdpx("latin.qdpx", _latin1_source)),
        BadInput("qdpx: not a zip", _bytes("fake.qdpx", b"PK\x05\x06" + bytes(18))),
        BadInput("qdpx: zip without project", _bytes("noqde.qdpx", _zip({"a.txt": b"x"}))),
    ]
    if sys.platform != "win32":
        inputs += [
            BadInput("/dev/zero named .txt", _link("zero.txt", "/dev/zero")),
            BadInput("/dev/zero named .qdpx", _link("zero.qdpx", "/dev/zero")),
            BadInput("named pipe", _fifo),
        ]
    if sys.platform not in ("win32", "darwin"):
        inputs.append(BadInput("file name not UTF-8", _odd_name, text))
    return inputs


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def try_input(project: Project, item: BadInput, folder: Path) -> str:
    """Import one catalogue input into ``project``: "refused" (one line naming the file,
    the project unchanged) or "accepted" (exactly the expected text); else AssertionError.
    Only the documented errors may be raised."""
    path = item.make(folder)
    before = [(d.id, d.text) for d in project.documents()], len(project.annotations())
    try:
        if path.suffix == ".qdpx":
            corpus = read_qdpx(path)
            import_corpus(project, corpus)
            texts = [d.text for d in corpus.documents]
        else:
            texts = [read_document(path).text]
            report = import_files(project, [path])
            assert report.failed == [], report.failed
    except (ImportProblem, QdpxError, StoreError) as problem:
        message = str(problem)
        assert "\n" not in message and display_path(path.name) in message, message
        after = [(d.id, d.text) for d in project.documents()], len(project.annotations())
        assert after == before, "a refused input changed the project"
        assert item.text is None, f"{item.name}: refused ({message}), expected {item.text!r}"
        return "refused"
    assert item.text is not None, f"{item.name}: accepted as {texts[0][:60]!r}"
    assert texts == [item.text], (item.name, texts)
    assert item.text in [d.text for d in project.documents()]
    return "accepted"
