"""Hypothesis against every importer: refused with the documented error and the project
unchanged, or accepted exactly (see ``tests.reliability.fuzz``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.store import Project
from tests.reliability import fuzz

# The reliability suite (python -m tests.reliability) raises the number of examples.
SETTINGS = settings(
    max_examples=int(os.environ.get("SPEECHMARK_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def shared_project():
    """One project for all examples: what earlier examples added must not matter."""
    with tempfile.TemporaryDirectory() as folder, Project(f"{folder}/fuzz.speechmark") as project:
        yield project


def _file(suffix: str, data: bytes) -> Path:
    folder = Path(tempfile.mkdtemp())
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return path


@SETTINGS
@given(
    text=fuzz.TEXTS,
    encoding=st.sampled_from(fuzz.ENCODINGS),
    suffix=st.sampled_from([".txt", ".md"]),
)
def test_text_files_in_known_encodings_are_read_exactly_or_refused(
    shared_project, text, encoding, suffix
):
    data = fuzz.encoded(text, encoding)
    known = data.decode(encoding) if encoding != "cp1252" else None
    wide_without_bom = encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
    if wide_without_bom and any(ord(c) > 0x24F for c in text):
        known = None  # no byte-order mark and few zero bytes: a named guess at best
    fuzz.check_file(shared_project, _file(suffix, data), known)


@SETTINGS
@given(text=fuzz.LATIN, encoding=st.sampled_from(fuzz.ENCODINGS), data=st.data())
def test_damaged_text_files_are_refused_or_read_with_a_note(shared_project, text, encoding, data):
    damaged = fuzz.mutated(fuzz.encoded(text, encoding), data.draw(fuzz.EDITS))
    fuzz.check_file(shared_project, _file(".txt", damaged), None)


@SETTINGS
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".docx"]))
def test_any_bytes_are_refused_or_read_with_a_note(shared_project, raw, suffix):
    fuzz.check_file(shared_project, _file(suffix, raw), None)


@SETTINGS
@given(text=fuzz.LATIN, data=st.data())
def test_web_pages_are_refused_or_read(shared_project, text, data):
    page = (
        f"<html><head><title>T</title></head><body><article><p>{text}</p></article></body></html>"
    )
    raw = fuzz.mutated(page.encode("utf-8"), data.draw(fuzz.EDITS))
    fuzz.check_file(shared_project, _file(".html", raw), None)


XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=80)


@SETTINGS
@given(paragraphs=st.lists(XML_TEXT, min_size=1, max_size=5), data=st.data())
def test_word_documents_are_read_exactly_or_refused_when_damaged(shared_project, paragraphs, data):
    original = fuzz.docx_bytes(paragraphs)
    damaged = data.draw(st.booleans())
    raw = fuzz.mutated(original, data.draw(fuzz.EDITS)) if damaged else original
    known = None if damaged else "\n".join(paragraphs)
    fuzz.check_file(shared_project, _file(".docx", raw), known)


@pytest.mark.parametrize("change", ["entity", "huge"])
def test_word_documents_with_entities_or_huge_bodies_are_refused(shared_project, change):
    raw = fuzz.docx_with_xml_change(fuzz.docx_bytes(["We thank the minister."]), change)
    assert fuzz.check_file(shared_project, _file(".docx", raw), None) == "rejected"


@SETTINGS
@given(corpus=fuzz.corpora(), suffix=st.sampled_from([".qdpx", ".jsonl"]), data=st.data())
def test_corpus_files_are_imported_exactly_or_refused(shared_project, corpus, suffix, data):
    path = _file(suffix, b"")
    fuzz.write_corpus(corpus, path)
    damaged = data.draw(st.booleans())
    if damaged:
        path.write_bytes(fuzz.mutated(path.read_bytes(), data.draw(fuzz.EDITS)))
    fuzz.check_corpus_file(shared_project, path, None if damaged else corpus)
