"""The brat export, read back as brat's own reader does.

brat splits an ``.ann`` file with ``str.splitlines``, takes the id up to the first tab and
the type and offsets up to the next one, then reads as many characters of text as the
fragments cover (joined by one space) and requires them to equal the document's text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Document, Status
from annotator.io.brat import brat_value, fragments, write_brat
from tests.data.io.sample_corpus import sample_corpus


def spans_of(field: str) -> list[tuple[int, int]]:
    _type, spans = field.split(" ", 1)
    return [(int(s), int(e)) for s, e in (piece.split(" ") for piece in spans.split(";"))]


def parse_ann(path: Path) -> dict[str, list[list[str]]]:
    """Lines of an ``.ann`` file grouped by kind (T, A, #), checked against the text."""
    found: dict[str, list[list[str]]] = {"T": [], "A": [], "#": []}
    with path.open(encoding="utf-8", newline="") as stream:
        lines = stream.read().splitlines()
    with path.with_suffix(".txt").open(encoding="utf-8", newline="") as stream:
        text = stream.read()
    for line in lines:
        identifier, tail = line.split("\t", 1)
        assert re.fullmatch(r"[TA#]\d+", identifier), line
        data, _tab, rest = tail.partition("\t")
        if identifier.startswith("T"):
            pieces = spans_of(data)
            length = sum(e - s for s, e in pieces) + len(pieces) - 1
            covered, rest = rest[:length], rest[length:]
            reference = " ".join(text[s:e] for s, e in pieces)
            assert covered == reference, f"does not match marked span(s) {pieces}"
            assert rest == ""
            found["T"].append([identifier, data, covered])
        else:
            found[identifier[0]].append([identifier, data, *([rest] if rest else [])])
    return found


def _corpus_with(text: str, *quotes: tuple[str, Status]) -> Corpus:
    document = Document(title="Awkward", text=text, id=7)
    annotations = []
    for quote, status in quotes:
        start = text.index(quote)
        annotations.append(Annotation.on(7, text, start, start + len(quote), status=status))
    return replace(sample_corpus(), documents=(document,), annotations=tuple(annotations))


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


def test_tab_and_carriage_returns_match_the_text(tmp_path: Path) -> None:
    text = "He said:\tWe go\ton.\r\nThen: Line one\rline two\x0cpage.\u2028End."
    corpus = _corpus_with(
        text,
        ("We go\ton.", Status.ACCEPTED),
        ("Line one\rline two\x0cpage.\u2028End.", Status.ACCEPTED),
        ("said:\tWe go\ton.\r\nThen", Status.ACCEPTED),
    )
    write_brat(corpus, tmp_path)
    quotes = parse_ann(tmp_path / "Awkward.ann")["T"]
    assert [q[2] for q in quotes] == [
        "said:\tWe go\ton. Then",
        "We go\ton.",
        "Line one line two page. End.",
    ]


def test_status_carried_as_an_attribute(tmp_path: Path) -> None:
    text = "One said “yes”. Another said “no”. A third said “maybe”."
    corpus = _corpus_with(
        text, ("“yes”", Status.ACCEPTED), ("“no”", Status.SUGGESTED), ("“maybe”", Status.REJECTED)
    )
    write_brat(corpus, tmp_path)
    parsed = parse_ann(tmp_path / "Awkward.ann")
    ids = {covered: identifier for identifier, _data, covered in parsed["T"]}
    statuses = {tuple(f[1].split(" ")) for f in parsed["A"] if f[1].startswith("Status")}
    assert statuses == {
        ("Status", ids["“no”"], "suggested"),
        ("Status", ids["“maybe”"], "rejected"),
    }
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    assert "Status\tArg:Quote, Value:suggested|rejected" in conf.splitlines()


def test_nested_quotes_allowed_by_the_config(tmp_path: Path) -> None:
    write_brat(sample_corpus(), tmp_path)
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    relations = conf.split("[relations]")[1].split("[events]")[0]
    rules = [line.split("\t") for line in relations.splitlines() if line.strip()]
    assert rules == [["<OVERLAP>", "Arg1:Quote, Arg2:Quote, <OVL-TYPE>:<ANY>"]]


def _fragments_one_character_at_a_time(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, piece_start = [], start
    for offset in range(start, end + 1):
        if offset == end or text[offset] in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
            if offset > piece_start:
                pieces.append((piece_start, offset))
            piece_start = offset + 1
    return pieces or [(start, end)]


@given(st.text(alphabet="ab \n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\t", min_size=1), st.data())
def test_fragments_split_at_every_line_end_splitlines_knows(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert fragments(text, start, end) == _fragments_one_character_at_a_time(text, start, end)
