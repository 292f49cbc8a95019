"""The W3C Web Annotation export, read back with json and checked for the model's MUSTs."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from annotator.core.corpus import Corpus
from annotator.core.provenance import ENGINE_NAME
from annotator.io.w3c import CONTEXT, write_w3c
from tests.data.io.sample_corpus import sample_corpus

PURPOSES = {"identifying", "classifying", "tagging", "commenting"}
# RFC 3986: an absolute URI starts with a scheme and a colon.
ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


def _export(tmp_path: Path, corpus: Corpus | None = None) -> dict[str, Any]:
    path = tmp_path / "quotes.jsonld"
    corpus = corpus or sample_corpus()
    assert write_w3c(corpus, path) == len(corpus.annotations)
    return json.loads(path.read_text(encoding="utf-8"))


def test_collection_shape(tmp_path: Path) -> None:
    collection = _export(tmp_path)
    assert collection["@context"] == CONTEXT == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == len(collection["first"]["items"]) == 4
    assert collection["first"]["type"] == "AnnotationPage"


def test_selectors_match_the_text(tmp_path: Path) -> None:
    corpus = sample_corpus()
    texts = {f"urn:sha256:{d.sha256}": d.text for d in corpus.documents}
    items = _export(tmp_path)["first"]["items"]
    assert len(items) == len(corpus.annotations) == 4
    for item in items:
        assert item["type"] == "Annotation"
        assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", item["id"])
        text = texts[item["target"]["source"]["id"]]
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector"
        assert position["type"] == "TextPositionSelector"
        start, end = position["start"], position["end"]
        assert quote["exact"] == text[start:end]
        assert quote["prefix"] == text[max(0, start - 32) : start]
        assert quote["suffix"] == text[end : end + 32]
        assert text[start - len(quote["prefix"]) : end + len(quote["suffix"])] == (
            quote["prefix"] + quote["exact"] + quote["suffix"]
        )
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", item["created"])


def test_emoji_does_not_shift_positions(tmp_path: Path) -> None:
    items = _export(tmp_path)["first"]["items"]
    first = next(i for i in items if i["target"]["selector"][0]["exact"].startswith("We will"))
    assert first["target"]["selector"][1]["start"] == sample_corpus().documents[0].text.index(
        "We will"
    )
    assert "\U0001f389" in first["target"]["selector"][0]["prefix"]


def test_bodies_carry_speaker_tone_devices_note(tmp_path: Path) -> None:
    items = _export(tmp_path)["first"]["items"]
    first = next(i for i in items if i["target"]["selector"][0]["exact"].startswith("We will"))
    bodies = {(b["purpose"], b["value"]) for b in first["body"]}
    assert ("identifying", "Liz Truss") in bodies
    assert ("classifying", "warning") in bodies
    assert {("tagging", "metaphor"), ("tagging", "repetition")} <= bodies
    assert any(p == "commenting" and v.startswith("=cmd") for p, v in bodies)
    assert first["creator"] == {"type": "Person", "nickname": "alice"}
    for item in items:
        assert {b["purpose"] for b in item.get("body", [])} <= PURPOSES
        assert all(b["type"] == "TextualBody" for b in item.get("body", []))
    assert first["target"]["scope"].startswith("https://example.org/")


def test_collection_and_page_have_ids(tmp_path: Path) -> None:
    collection = _export(tmp_path)
    page = collection["first"]
    for resource in (collection, page):
        assert isinstance(resource["id"], str) and ABSOLUTE_URI.fullmatch(resource["id"])
    assert collection["id"] != page["id"]
    (tmp_path / "again").mkdir()
    again = _export(tmp_path / "again")
    assert (again["id"], again["first"]["id"]) == (collection["id"], page["id"])


def test_engine_suggestions_credited_to_software(tmp_path: Path) -> None:
    corpus = sample_corpus()
    first, *others = corpus.annotations
    corpus = replace(corpus, annotations=(replace(first, annotator=ENGINE_NAME), *others))
    items = _export(tmp_path, corpus)["first"]["items"]
    creators = {i["target"]["selector"][0]["exact"]: i.get("creator") for i in items}
    assert creators[first.quote] == {"type": "Software", "name": ENGINE_NAME}
    assert creators["«لن نتراجع عن موقفنا»"] == {"type": "Person", "nickname": "alice"}


@pytest.mark.parametrize(
    "source",
    ["/home/jroe/articles/summit.txt", "C:\\Users\\jroe\\summit.docx", "file:///home/jroe/a.html"],
)
def test_local_paths_never_published(tmp_path: Path, source: str) -> None:
    corpus = sample_corpus()
    documents = tuple(replace(d, source=source) for d in corpus.documents)
    collection = _export(tmp_path, replace(corpus, documents=documents))
    assert "jroe" not in json.dumps(collection)
    assert all("scope" not in item["target"] for item in collection["first"]["items"])
