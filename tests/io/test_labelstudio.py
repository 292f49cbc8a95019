"""The Label Studio export, read back with json (offsets in UTF-16) and lxml."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml import etree

from annotator.core.model import Status
from annotator.io.labelstudio import UNATTRIBUTED, config_path, write_labelstudio
from tests.data.io.sample_corpus import sample_corpus


def _tasks(tmp_path: Path) -> list[dict[str, Any]]:
    path = tmp_path / "tasks.json"
    # The count is of tasks, what Label Studio's import reports: one per document.
    assert write_labelstudio(sample_corpus(), path) == 2
    return json.loads(path.read_text(encoding="utf-8"))


def _utf16_slice(text: str, start: int, end: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def test_offsets_are_utf16_after_emoji(tmp_path: Path) -> None:
    summit = next(t for t in _tasks(tmp_path) if t["data"]["title"].startswith("Summit"))
    text = summit["data"]["text"]
    labels = [r for r in summit["annotations"][0]["result"] if r["type"] == "labels"]
    first = next(r for r in labels if r["value"]["labels"] == ["Liz Truss"])
    # Two emoji before the quote: two UTF-16 units more than code points.
    assert first["value"]["start"] == text.index("We will") + 2
    for result in summit["annotations"][0]["result"] + summit["predictions"][0]["result"]:
        value = result["value"]
        if result["type"] != "textarea":
            assert _utf16_slice(text, value["start"], value["end"]) == value["text"]


def test_accepted_in_annotations_suggested_in_predictions(tmp_path: Path) -> None:
    summit = next(t for t in _tasks(tmp_path) if t["data"]["title"].startswith("Summit"))
    assert summit["id"] == 1
    accepted = summit["annotations"][0]["result"]
    assert {r["id"] for r in accepted} == {
        a.id for a in sample_corpus().annotations if a.document_id == 1 and a.status == "accepted"
    }
    prediction = summit["predictions"][0]
    assert prediction["score"] == 0.72
    label = next(r for r in prediction["result"] if r["type"] == "labels")
    assert label["value"]["labels"] == [UNATTRIBUTED]
    devices = next(r for r in prediction["result"] if r["from_name"] == "devices")
    assert devices["value"]["choices"] == ["slogan"] and devices["id"] == label["id"]


def test_region_results_share_an_id(tmp_path: Path) -> None:
    summit = next(t for t in _tasks(tmp_path) if t["data"]["title"].startswith("Summit"))
    results = summit["annotations"][0]["result"]
    truss = next(r for r in results if r["value"].get("labels") == ["Liz Truss"])
    same = {r["from_name"]: r for r in results if r["id"] == truss["id"]}
    assert set(same) == {"label", "tone", "devices", "note"}
    assert same["tone"]["value"]["choices"] == ["warning"]
    assert same["devices"]["value"]["choices"] == ["metaphor", "repetition"]
    assert same["note"]["value"]["text"][0].startswith("=cmd")


def test_config_names_match_results(tmp_path: Path) -> None:
    tasks = _tasks(tmp_path)
    config = etree.fromstring(config_path(tmp_path / "tasks.json").read_bytes())
    assert config.tag == "View"
    names = {el.get("name") for el in config.iter() if el.get("name")}
    assert names == {"label", "text", "tone", "devices", "note"}
    labels = {el.get("value") for el in config.iter("Label")}
    choices = {el.get("value") for el in config.iter("Choice")}
    for task in tasks:
        results = [
            r
            for key in ("annotations", "predictions")
            for r in task.get(key, [{}])[0].get("result", [])
        ]
        for result in results:
            assert set(result["value"].get("labels", [])) <= labels
            assert set(result["value"].get("choices", [])) <= choices
    assert all(el.get("background", "#").startswith("#") for el in config.iter("Label"))


def test_rejected_are_left_out(tmp_path: Path) -> None:
    corpus = sample_corpus()
    rejected = replace(corpus.annotations[0], status=Status.REJECTED)
    corpus = replace(corpus, annotations=(rejected, *corpus.annotations[1:]))
    assert write_labelstudio(corpus, tmp_path / "t.json") == 2
    tasks = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    regions = {
        r["id"]
        for t in tasks
        for key in ("annotations", "predictions")
        for r in t.get(key, [{}])[0].get("result", [])
    }
    assert regions == {a.id for a in corpus.annotations if a.status is not Status.REJECTED}


def test_unattributed_has_a_colour_of_its_own(tmp_path: Path) -> None:
    corpus = sample_corpus()
    # Eleven speakers without colours: the default palette wraps round.
    speakers = tuple(replace(s, colour=None) for s in corpus.speakers)
    speakers += tuple(replace(speakers[0], name=f"Speaker {n}") for n in range(8))
    speakers += (replace(speakers[0], name="Grey", colour="#BDBDBD"),)
    write_labelstudio(replace(corpus, speakers=speakers), tmp_path / "t.json")
    config = etree.fromstring(config_path(tmp_path / "t.json").read_bytes())
    colours = {el.get("value"): el.get("background") for el in config.iter("Label")}
    unattributed = colours.pop(UNATTRIBUTED)
    assert unattributed not in colours.values()
    red, green, blue = (int(unattributed[i : i + 2], 16) for i in (1, 3, 5))
    assert red == green == blue  # a grey: "nobody", not one more person
