"""read_qdpx on projects written by other tools, and on broken files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from annotator.io.common import SAFE_PALETTE
from annotator.io.qdpx import QdpxError, read_qdpx

SOURCE = "6F1F0A6E-0000-4000-8000-000000000001"
RAW_TEXT = "Line one.\r\nAda said: we hope.\r\nBo said: be afraid.\r\n"


def _span(quote: str) -> tuple[int, int]:
    start = RAW_TEXT.index(quote)  # counted in the CRLF text, as the file holds it
    return start, start + len(quote)


def _project(selection_end: int | None = None) -> str:
    comment, hope, fear = _span("Line one."), _span("we hope."), _span("be afraid.")
    if selection_end is not None:
        fear = (fear[0], selection_end)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field work" origin="Other tool">
  <CodeBook><Codes>
    <Code guid="{{6F1F0A6E-0000-4000-8000-00000000000A}}" name="Fear" isCodable="true"/>
    <Code guid="6f1f0a6e-0000-4000-8000-00000000000b" name="Tone" isCodable="false">
      <Code guid="6f1f0a6e-0000-4000-8000-00000000000c" name="hopeful" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Cases>
    <Case guid="6f1f0a6e-0000-4000-8000-0000000000c1" name="Minister Ada">
      <SelectionRef targetGUID="6f1f0a6e-0000-4000-8000-0000000000d2"/>
    </Case>
    <Case guid="6f1f0a6e-0000-4000-8000-0000000000c2" name="Envoy Bo"/>
  </Cases>
  <Sources>
    <TextSource guid="{SOURCE}" name="Interview" plainTextPath="internal://{SOURCE}.txt">
      <PlainTextSelection guid="6f1f0a6e-0000-4000-8000-0000000000d1"
          startPosition="{comment[0]}" endPosition="{comment[1]}">
        <Description>just a comment</Description>
      </PlainTextSelection>
      <PlainTextSelection guid="6f1f0a6e-0000-4000-8000-0000000000d2"
          startPosition="{hope[0]}" endPosition="{hope[1]}">
        <Coding guid="6f1f0a6e-0000-4000-8000-0000000000e1">
          <CodeRef targetGUID="6f1f0a6e-0000-4000-8000-00000000000c"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="6f1f0a6e-0000-4000-8000-0000000000d3"
          startPosition="{fear[0]}" endPosition="{fear[1]}">
        <Coding guid="6f1f0a6e-0000-4000-8000-0000000000e2">
          <CodeRef targetGUID="6f1f0a6e-0000-4000-8000-0000000000c2"/>
        </Coding>
        <Coding guid="6f1f0a6e-0000-4000-8000-0000000000e3">
          <CodeRef targetGUID="{{6F1F0A6E-0000-4000-8000-00000000000A}}"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>
"""


def _write(path: Path, project: str, qde_name: str = "Field work.qde") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(qde_name, project.encode("utf-8"))
        archive.writestr(f"Sources/{SOURCE}.txt", b"\xef\xbb\xbf" + RAW_TEXT.encode("utf-8"))
    return path


def test_other_tools_dialect(tmp_path: Path) -> None:
    corpus = read_qdpx(_write(tmp_path / "atlas.qdpx", _project()))
    (document,) = corpus.documents
    assert document.title == "Interview"
    assert document.text == RAW_TEXT.replace("\r\n", "\n")
    by_quote = {a.quote: a for a in corpus.annotations}
    assert set(by_quote) == {"Line one.", "we hope.", "be afraid."}
    for annotation in corpus.annotations:
        assert document.text[annotation.start : annotation.end] == annotation.quote
    comment = by_quote["Line one."]
    assert comment.note == "just a comment"
    assert (comment.speaker, comment.tone, comment.devices) == (None, None, ())
    assert by_quote["we hope."].tone == "hopeful"
    assert by_quote["we hope."].speaker == "Minister Ada"  # from the case's SelectionRef
    assert by_quote["be afraid."].speaker == "Envoy Bo"  # a Coding pointing at a case
    assert by_quote["be afraid."].devices == ("Fear",)
    assert by_quote["be afraid."].annotator is None
    assert {s.name for s in corpus.speakers} == {"Minister Ada", "Envoy Bo"}
    assert [c.name for c in corpus.codebook.tones] == ["hopeful"]
    assert all(c.colour in SAFE_PALETTE for c in corpus.codebook.devices + corpus.codebook.tones)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "broken.qdpx"
    path.write_text("hello")
    with pytest.raises(QdpxError, match="broken.qdpx.*not a zip"):
        read_qdpx(path)


def test_no_project_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("folder/project.qde", "<Project/>")
    with pytest.raises(QdpxError, match="empty.qdpx.*no project.qde"):
        read_qdpx(path)


def test_xml_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.qdpx", "<Project name='x'><Users>", qde_name="project.qde")
    with pytest.raises(QdpxError, match="bad.qdpx: project.qde is not well-formed XML"):
        read_qdpx(path)


def test_selection_outside_the_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "long.qdpx", _project(selection_end=10_000))
    with pytest.raises(ValueError, match=r"long.qdpx: selection .*outside the text"):
        read_qdpx(path)


def test_missing_source_file(tmp_path: Path) -> None:
    path = tmp_path / "nosource.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", _project())
    with pytest.raises(QdpxError, match="nosource.qdpx: source 'Interview'"):
        read_qdpx(path)
