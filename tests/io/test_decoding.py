"""Decoding refuses rather than guesses: wide encodings without a byte-order mark, control
characters, damaged UTF-8 and legacy encodings whose guess is named."""

from __future__ import annotations

import pytest

from annotator.io.importers import ImportProblem, read_document

TEXT = "“Nous ne céderons pas,” déclara la ministre. Café—crème, naïveté, été.\n" * 4


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_a_byte_order_mark_are_read_exactly(tmp_path, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode(encoding))
    notes: list[str] = []
    doc = read_document(path, notes)
    assert doc.text == TEXT.strip("\n")
    assert "\x00" not in doc.text
    assert notes == [f"no byte-order mark: read as {encoding.upper()}"]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-16"])
def test_wide_encodings_with_a_byte_order_mark_are_read_without_a_note(tmp_path, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode(encoding))  # Python writes the BOM
    notes: list[str] = []
    assert read_document(path, notes).text == TEXT.strip("\n")
    assert notes == []


@pytest.mark.parametrize("text", [":\r", "a\nb\n", "x\ty\tz\t"])
def test_utf16_with_controls_between_letters_is_not_taken_for_utf32(tmp_path, text):
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode("utf-16-le"))
    assert read_document(path).text == text.replace("\r", "\n").strip("\n")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_text_that_begins_with_a_nul_is_read_in_its_marked_encoding(tmp_path, encoding):
    # UTF-16's mark FF FE then a NUL character gives FF FE 00 00: UTF-32's mark
    path = tmp_path / "nul.txt"
    path.write_bytes(("\x00" + TEXT + "🙂").encode(encoding))
    notes: list[str] = []
    assert read_document(path, notes).text == TEXT + "🙂"
    assert notes == ["removed 1 control character(s) (the first, U+0000, at line 1)"]


def test_broken_utf16_without_a_byte_order_mark_is_refused(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    with pytest.raises(ImportProblem, match="article.txt: looks like UTF-16-LE without a"):
        read_document(path)


def test_a_few_control_characters_are_removed_with_a_note(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes((TEXT + "Bell\x07 and NUL\x00 here.").encode("utf-8"))
    notes: list[str] = []
    doc = read_document(path, notes)
    assert doc.text == TEXT + "Bell and NUL here."
    assert notes == ["removed 2 control character(s) (the first, U+0007, at line 5)"]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_text_full_of_control_characters_is_refused_on_every_path(tmp_path, encoding):
    path = tmp_path / "dump.txt"
    path.write_bytes(("Zoë\x00\x01\x02\x03 " * 200).encode(encoding))
    with pytest.raises(ImportProblem, match=r"dump.txt: binary file, not text \(800 control"):
        read_document(path)


def test_utf8_with_one_damaged_byte_is_refused_not_read_as_gibberish(tmp_path):
    path = tmp_path / "article.txt"
    data = TEXT.encode("utf-8") * 20
    middle = len(data) // 2
    path.write_bytes(data[:middle] + b"\xff" + data[middle:])
    with pytest.raises(ImportProblem) as raised:
        read_document(path)
    message = str(raised.value)
    assert "article.txt: UTF-8 text with 1 damaged byte(s), the first at line 41" in message
    assert "\n" not in message


def test_a_guessed_encoding_is_named(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    notes: list[str] = []
    assert read_document(path, notes).text == TEXT.strip("\n")
    assert notes == ["not UTF-8; the encoding was guessed: cp1252"]


def test_utf8_and_ascii_need_no_note(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    notes: list[str] = []
    read_document(path, notes)
    assert notes == []


def test_form_feed_and_vertical_tab_become_line_breaks_keeping_offsets(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(b"Page one.\fPage two.\vLine two.")
    assert read_document(path).text == "Page one.\nPage two.\nLine two."
