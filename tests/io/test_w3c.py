"""The W3C Web Annotation export, read back with json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from annotator.io.w3c import CONTEXT, write_w3c
from tests.data.io.sample_corpus import sample_corpus

PURPOSES = {"identifying", "classifying", "tagging", "commenting"}


def _export(tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "quotes.jsonld"
    assert write_w3c(sample_corpus(), path) == 4
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
