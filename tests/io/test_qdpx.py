"""The REFI-QDA export, checked with lxml against the standard, and read back."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Document, Status
from annotator.io.common import xml_safe
from annotator.io.qdpx import NS, read_qdpx, write_qdpx
from tests.data.io.sample_corpus import sample_corpus

GUID = re.compile(
    r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?"
)
COLOUR = re.compile(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")
DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
# Project.xsd v1.0: the children each element may hold, in schema order.
CHILD_ORDER = {
    "Project": [
        "Users",
        "CodeBook",
        "Variables",
        "Cases",
        "Sources",
        "Notes",
        "Links",
        "Sets",
        "Graphs",
        "Description",
        "NoteRef",
    ],
    "Users": ["User"],
    "CodeBook": ["Codes"],
    "Codes": ["Code"],
    "Code": ["Description", "NoteRef", "Code"],
    "Variables": ["Variable"],
    "Variable": ["Description"],
    "Sources": ["TextSource"],
    "TextSource": [
        "Description",
        "PlainTextContent",
        "PlainTextSelection",
        "Coding",
        "NoteRef",
        "VariableValue",
    ],
    "PlainTextSelection": ["Description", "Coding", "NoteRef"],
    "Coding": ["CodeRef"],
    "VariableValue": ["VariableRef", "TextValue"],
}
REQUIRED = {
    "Project": ["name"],
    "User": ["guid"],
    "Code": ["guid", "name", "isCodable"],
    "Variable": ["guid", "name", "typeOfVariable"],
    "TextSource": ["guid"],
    "PlainTextSelection": ["guid", "startPosition", "endPosition"],
    "Coding": ["guid"],
    "CodeRef": ["targetGUID"],
    "VariableRef": ["targetGUID"],
}
GUID_ATTRIBUTES = ("guid", "targetGUID", "creatingUser", "modifyingUser", "creatingUserGUID")


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _export(tmp_path: Path, corpus: Corpus | None = None) -> tuple[Path, etree._Element]:
    path = tmp_path / "project.qdpx"
    write_qdpx(corpus or sample_corpus(), path, analyst="Dana")
    with zipfile.ZipFile(path) as archive:
        data = archive.read("project.qde")
    assert not data.startswith(b"\xef\xbb\xbf")
    return path, etree.fromstring(data)


def test_package_layout(tmp_path: Path) -> None:
    path, root = _export(tmp_path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert "project.qde" in names
        sources = [n for n in names if n != "project.qde"]
        assert all(re.fullmatch(rf"sources/{GUID.pattern}\.txt", n) for n in sources)
        for name in sources:
            raw = archive.read(name)
            assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    for source in root.iter(f"{{{NS}}}TextSource"):
        assert source.get("plainTextPath") == f"internal://{source.get('guid')}.txt"
        assert source.get("richTextPath") is None


def test_schema_names_order_and_formats(tmp_path: Path) -> None:
    _path, root = _export(tmp_path)
    assert root.tag == f"{{{NS}}}Project"
    for element in root.iter():
        assert etree.QName(element).namespace == NS
        name = _local(element)
        for attribute in REQUIRED.get(name, []):
            assert element.get(attribute), (name, attribute)
        for attribute in GUID_ATTRIBUTES:
            if element.get(attribute) is not None:
                assert GUID.fullmatch(element.get(attribute)), (name, attribute)
        if element.get("color") is not None:
            assert COLOUR.fullmatch(element.get("color"))
        for attribute in ("creationDateTime", "modifiedDateTime"):
            if element.get(attribute) is not None:
                assert DATETIME.fullmatch(element.get(attribute))
        if len(element):
            allowed = CHILD_ORDER[name]
            positions = [allowed.index(_local(child)) for child in element]
            assert positions == sorted(positions), name


def test_codebook_tree(tmp_path: Path) -> None:
    _path, root = _export(tmp_path)
    codes = root.find(f"{{{NS}}}CodeBook/{{{NS}}}Codes")
    assert codes is not None
    tops = {c.get("name"): c for c in codes}
    # The sample's suggested quote brings the status parent, with only the status it uses.
    assert list(tops) == ["Speaker", "Tone", "Rhetorical device", "Review status"]
    assert all(c.get("isCodable") == "false" for c in tops.values())
    assert [c.get("name") for c in tops["Review status"]] == ["suggested"]
    devices = tops["Rhetorical device"]
    categories = {c.get("name"): c for c in devices if c.get("isCodable") == "false"}
    assert set(categories) == {"Classical trope", "Manipulative wording"}
    assert {c.get("name") for c in categories["Classical trope"]} == {
        "metaphor",
        "rhetorical question",
    }
    for leaf in root.iter(f"{{{NS}}}Code"):
        if leaf.get("isCodable") == "true":
            assert COLOUR.fullmatch(leaf.get("color", ""))


def test_guids_are_stable_and_unique(tmp_path: Path) -> None:
    _path, first = _export(tmp_path)
    guids = [e.get("guid") for e in first.iter() if e.get("guid")]
    assert len(guids) == len(set(guids))
    (tmp_path / "again").mkdir()
    _path, second = _export(tmp_path / "again")
    assert guids == [e.get("guid") for e in second.iter() if e.get("guid")]


def test_selections_reproduce_the_quotes(tmp_path: Path) -> None:
    path, root = _export(tmp_path)
    corpus = sample_corpus()
    quotes = {a.id: a for a in corpus.annotations}
    code_names = {c.get("guid"): c.get("name") for c in root.iter(f"{{{NS}}}Code")}
    selections = list(root.iter(f"{{{NS}}}PlainTextSelection"))
    assert len(selections) == len(quotes) == 4
    with zipfile.ZipFile(path) as archive:
        for source in root.iter(f"{{{NS}}}TextSource"):
            text = archive.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
            for selection in source.iter(f"{{{NS}}}PlainTextSelection"):
                annotation = quotes[selection.get("guid").replace("-", "")]
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                assert text[start:end] == annotation.quote
                coded = {
                    code_names[ref.get("targetGUID")] for ref in selection.iter(f"{{{NS}}}CodeRef")
                }
                wanted = {annotation.speaker, annotation.tone, *annotation.devices} - {None}
                if annotation.status != Status.ACCEPTED:
                    wanted.add(annotation.status.value)
                assert coded == wanted


def test_round_trip(tmp_path: Path) -> None:
    corpus = sample_corpus()
    path, _root = _export(tmp_path, corpus)
    back = read_qdpx(path)
    assert [d.text for d in back.documents] == [d.text for d in corpus.documents]
    assert [d.outlet for d in back.documents] == [d.outlet for d in corpus.documents]
    assert back.documents[0].published == "2024-04-30"
    assert back.documents[0].source == corpus.documents[0].source

    def key(annotation):  # type: ignore[no-untyped-def]
        doc = (back if annotation in back.annotations else corpus).document(annotation.document_id)
        return (doc.title, annotation.start, annotation.end)

    expected = sorted(corpus.annotations, key=key)
    found = sorted(back.annotations, key=key)
    assert len(found) == len(expected)
    for old, new in zip(expected, found, strict=True):
        assert (new.start, new.end, new.quote) == (old.start, old.end, old.quote)
        assert (new.speaker, new.tone, new.devices) == (old.speaker, old.tone, old.devices)
        assert new.status == old.status
        assert new.note == (xml_safe(old.note) or None)
        assert new.id == old.id and new.annotator == (old.annotator or "Dana")
        assert (new.created, new.modified) == (old.created, old.modified)
    for kind in ("tones", "devices"):
        old_codes = {c.name: c for c in getattr(corpus.codebook, kind)}
        new_codes = {c.name: c for c in getattr(back.codebook, kind)}
        assert set(new_codes) == set(old_codes)
        for name, code in old_codes.items():
            assert new_codes[name].parent == code.parent
            assert COLOUR.fullmatch(new_codes[name].colour or "")
            if code.colour:
                assert new_codes[name].colour == code.colour.upper()
    assert {s.name: s.role for s in back.speakers} == {s.name: s.role for s in corpus.speakers}
    # Exporting what was read gives the same project again.
    again = tmp_path / "again.qdpx"
    write_qdpx(back, again, analyst="Dana")
    assert _selections(again) == _selections(path)


def test_rejected_quote_comes_back_rejected(tmp_path: Path) -> None:
    corpus = sample_corpus()
    first, *others = corpus.annotations
    rejected = replace(first, status=Status.REJECTED)
    path, root = _export(tmp_path, replace(corpus, annotations=(rejected, *others)))
    statuses = {a.id: a.status for a in read_qdpx(path).annotations}
    assert statuses[first.id] == Status.REJECTED
    assert sorted(statuses.values()) == sorted(a.status for a in (rejected, *others))
    assert {c.get("name") for c in root.iter(f"{{{NS}}}Code")} >= {"suggested", "rejected"}


def test_accepted_only_export_has_no_status_codes(tmp_path: Path) -> None:
    corpus = sample_corpus()
    accepted = tuple(a for a in corpus.annotations if a.status == Status.ACCEPTED)
    _path, root = _export(tmp_path, replace(corpus, annotations=accepted))
    assert "Review status" not in {c.get("name") for c in root.iter(f"{{{NS}}}Code")}


def test_foreign_code_under_the_status_parent_is_kept(tmp_path: Path) -> None:
    path, _root = _export(tmp_path)
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["project.qde"] = files["project.qde"].replace(b'name="suggested"', b'name="to check"')
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    back = read_qdpx(path)
    suggested = next(a for a in back.annotations if a.quote == "- Never again")
    assert suggested.status == Status.ACCEPTED and "to check" in suggested.devices


def _selections(path: Path) -> list[tuple[str | None, ...]]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    return sorted(
        (s.get("guid"), s.get("startPosition"), s.get("endPosition"))
        for s in root.iter(f"{{{NS}}}PlainTextSelection")
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        st.characters(blacklist_characters="\r", blacklist_categories=("Cs",)), min_size=1
    ),
    data=st.data(),
)
def test_any_span_survives_the_round_trip(tmp_path: Path, text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    document = Document(title="t", text=text, id=1)
    annotation = Annotation.on(1, text, start, end, speaker="S", note="n")
    path = tmp_path / "p.qdpx"
    write_qdpx(Corpus(documents=(document,), annotations=(annotation,)), path)
    (back,) = read_qdpx(path).annotations
    assert (back.start, back.end, back.quote, back.speaker) == (start, end, text[start:end], "S")


def test_web_address_and_variables_come_back_through_qdpx(project, tmp_path):
    from annotator.core import Document
    from annotator.io.qdpx import read_qdpx, write_qdpx

    doc = project.add_document(
        Document(title="Speech", text="“We will act,” she said.", url="https://example.org/s",
                 attributes=(("country", "UK"), ("party", "Labour")))
    )  # fmt: skip
    out = tmp_path / "p.qdpx"
    write_qdpx(project.corpus(), out)
    (back,) = read_qdpx(out).documents
    assert back.url == "https://example.org/s" and back.title == doc.title
    assert back.attributes == (("country", "UK"), ("party", "Labour"))


AWKWARD = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=AWKWARD, note=AWKWARD, author=AWKWARD, quote=AWKWARD, party=AWKWARD)
def test_sources_are_written_as_lxml_writes_them(
    tmp_path: Path, title: str, note: str, author: str, quote: str, party: str
) -> None:
    # Titles, notes, variables and quotes with markup, quotes, tabs, CR, control characters.
    # (A value of control characters alone is written as an empty element, which lxml
    # would read back as no text at all: not comparable this way.)
    assume(all(xml_safe(value) or not value for value in (author, party)))
    text = f"Before “{quote or 'x'}” after.\r\nNext line & <more>."
    document = Document(
        title=title, text=text, author=author or None, attributes=(("party", party),), id=1
    )
    quoted = Annotation(
        document_id=1, start=7, end=9 + len(quote or "x"), quote=text[7 : 9 + len(quote or "x")],
        note=note or None, speaker="Ana", tone="hostile", devices=("metaphor",),
        status=Status.SUGGESTED, id="q-1",
    )  # fmt: skip
    bare = replace(quoted, id="q-2", note=None, speaker=None, tone=None, devices=(),
                   status=Status.ACCEPTED)  # fmt: skip
    empty = Document(title="Empty", text="No quotes here.", id=2)
    corpus = Corpus(documents=(document, empty), annotations=(quoted, bare))
    path = tmp_path / "awkward.qdpx"
    write_qdpx(corpus, path, analyst="Dana")
    with zipfile.ZipFile(path) as archive:
        written = archive.read("project.qde")
    # The same tree, laid out and serialised by lxml, gives the same bytes.
    root = etree.fromstring(written)
    etree.indent(root, space="  ")
    expected = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    assert written == expected
