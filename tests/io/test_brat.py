"""The brat export, read back with a small standoff parser."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.io.brat import brat_value, fragments, write_brat
from tests.data.io.sample_corpus import sample_corpus


def parse_ann(path: Path) -> dict[str, list[list[str]]]:
    """Lines of an ``.ann`` file grouped by kind (T, A, #), split on tabs."""
    found: dict[str, list[list[str]]] = {"T": [], "A": [], "#": []}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line:
            fields = line.split("\t")
            assert re.fullmatch(r"[TA#]\d+", fields[0]), line
            found[fields[0][0]].append(fields)
    return found


def spans_of(field: str) -> list[tuple[int, int]]:
    _type, spans = field.split(" ", 1)
    return [(int(s), int(e)) for s, e in (piece.split(" ") for piece in spans.split(";"))]


def test_spans_reproduce_the_text(tmp_path: Path) -> None:
    assert write_brat(sample_corpus(), tmp_path) == 4
    anns = sorted(tmp_path.glob("*.ann"))
    assert len(anns) == 2 and all(a.with_suffix(".txt").exists() for a in anns)
    quotes = {a.quote for a in sample_corpus().annotations}
    for ann in anns:
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for _tid, spans, covered in parse_ann(ann)["T"]:
            pieces = spans_of(spans)
            assert spans.startswith("Quote ")
            assert " ".join(text[s:e] for s, e in pieces) == covered
            assert all("\n" not in text[s:e] for s, e in pieces)
            assert text[pieces[0][0] : pieces[-1][1]] in quotes


def test_quote_across_newline_is_fragmented(tmp_path: Path) -> None:
    write_brat(sample_corpus(), tmp_path)
    ann = next(p for p in tmp_path.glob("*.ann") if p.stem.startswith("Summit"))
    t_lines = parse_ann(ann)["T"]
    crossing = next(fields for fields in t_lines if fields[2].startswith("This is a test"))
    assert len(spans_of(crossing[1])) == 2
    assert crossing[2] == "This is a test of our resolve."
    assert fragments("ab\n\ncd", 0, 6) == [(0, 2), (4, 6)]


def test_attributes_and_notes(tmp_path: Path) -> None:
    write_brat(sample_corpus(), tmp_path)
    ann = next(p for p in tmp_path.glob("*.ann") if p.stem.startswith("Summit"))
    parsed = parse_ann(ann)
    first = next(f[0] for f in parsed["T"] if f[2] == "We will not be intimidated")
    attributes = {tuple(f[1].split(" ")) for f in parsed["A"]}
    assert ("Speaker", first, "Liz_Truss") in attributes
    assert ("Tone", first, "warning") in attributes
    assert {("Device_metaphor", first), ("Device_repetition", first)} <= attributes
    (note,) = parsed["#"]
    assert note[1] == f"AnnotatorNotes {first}" and note[2].startswith("=cmd")
    assert "\x00" not in note[2]


def test_configs_declare_every_value(tmp_path: Path) -> None:
    write_brat(sample_corpus(), tmp_path)
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    sections = re.findall(r"^\[(\w+)\]", conf, flags=re.M)
    assert sections == ["entities", "relations", "events", "attributes"]
    declared = {}
    for line in conf.split("[attributes]")[1].splitlines():
        if line and not line.startswith("#"):
            name, spec = line.split("\t")
            declared[name] = spec
    assert declared["Tone"] == "Arg:Quote, Value:warning|confrontational|defensive"
    assert "Liz_Truss" in declared["Speaker"].split("Value:")[1].split("|")
    for ann in tmp_path.glob("*.ann"):
        for fields in parse_ann(ann)["A"]:
            name, _target, *value = fields[1].split(" ")
            assert name in declared
            if value:
                assert value[0] in declared[name].split("Value:")[1].split("|")
    visual = (tmp_path / "visual.conf").read_text(encoding="utf-8")
    assert re.search(r"^Quote\tbgColor:#[0-9A-F]{6}", visual, flags=re.M)
    assert brat_value("rhetorical question") == "rhetorical_question"
