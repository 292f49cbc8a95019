"""A document's web address, author and the analyst's variables reach every export that
can hold them; each export is read back with the target's own parser."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree

from annotator.core import Annotation, Document
from annotator.core.corpus import Corpus
from annotator.io.briefing import write_briefing
from annotator.io.csv_export import write_csv
from annotator.io.doccano import write_doccano
from annotator.io.labelstudio import write_labelstudio
from annotator.io.qdpx import NS, write_qdpx
from annotator.io.w3c import write_w3c
from annotator.io.wide_csv import write_wide

TEXT = "The minister said: “We will hold the line.” Then she left."
QUOTE = "“We will hold the line.”"
URL = "https://news.example/minister"


def _corpus() -> Corpus:
    rich = Document(
        title="Minister holds the line",
        text=TEXT,
        source="/home/ana/clippings/minister.txt",  # a local path: never a link
        outlet="Herald",
        author="Jo Writer",
        published="2024-03-01",
        id=1,
        url=URL,
        attributes=(("party", "Labour"), ("region", "North")),
    )
    plain = Document(title="Wire copy", text=TEXT + " ", source="https://wire.example/a", id=2)
    start = TEXT.index(QUOTE)
    quotes = tuple(
        Annotation.on(d.id or 0, d.text, start, start + len(QUOTE), speaker="Ana Reyes")
        for d in (rich, plain)
    )
    return Corpus(documents=(rich, plain), annotations=quotes)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_has_author_address_and_a_column_per_variable(tmp_path):
    for write in (write_csv, write_wide):
        path = tmp_path / f"{write.__name__}.csv"
        write(_corpus(), path)
        rich, plain = _csv_rows(path)
        assert (rich["author"], rich["url"]) == ("Jo Writer", URL)
        assert (rich["var_party"], rich["var_region"]) == ("Labour", "North")
        assert (plain["url"], plain["var_party"], plain["var_region"]) == ("", "", "")


def test_qdpx_sources_carry_variables(tmp_path):
    path = tmp_path / "corpus.qdpx"
    write_qdpx(_corpus(), path)
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("project.qde"))
    ns = {"q": NS}
    names = {v.get("guid"): v.get("name") for v in root.iterfind(".//q:Variables/q:Variable", ns)}
    values = {}
    for source in root.iterfind(".//q:TextSource", ns):
        values[source.get("name")] = {
            names[value.find("q:VariableRef", ns).get("targetGUID")]: value.findtext(
                "q:TextValue", namespaces=ns
            )
            for value in source.iterfind("q:VariableValue", ns)
        }
    assert values["Minister holds the line"] == {
        "outlet": "Herald", "author": "Jo Writer", "published": "2024-03-01", "url": URL,
        "source": "/home/ana/clippings/minister.txt", "party": "Labour", "region": "North",
    }  # fmt: skip
    assert values["Wire copy"] == {"source": "https://wire.example/a"}


def test_w3c_targets_the_web_address_and_keeps_variables(tmp_path):
    path = tmp_path / "quotes.jsonld"
    write_w3c(_corpus(), path)
    rich, plain = (item["target"] for item in json.loads(path.read_text("utf-8"))["first"]["items"])
    assert rich["source"]["id"] == URL
    assert rich["source"]["speechmark:variables"] == {"party": "Labour", "region": "North"}
    assert "scope" not in rich  # its source is a local path
    assert plain["source"]["id"].startswith("urn:sha256:")
    assert "speechmark:variables" not in plain["source"]
    assert plain["scope"] == "https://wire.example/a"


def test_label_studio_task_data_has_the_variables(tmp_path):
    path = tmp_path / "tasks.json"
    write_labelstudio(_corpus(), path)
    rich, plain = (task["data"] for task in json.loads(path.read_text("utf-8")))
    assert (rich["url"], rich["author"], rich["party"], rich["region"]) == (
        URL, "Jo Writer", "Labour", "North"
    )  # fmt: skip
    assert "url" not in plain and "party" not in plain


def test_label_studio_variable_named_like_a_field_keeps_both(tmp_path):
    corpus = _corpus()
    first = corpus.documents[0].with_attributes({"title": "Shadow title"})
    path = tmp_path / "tasks.json"
    write_labelstudio(Corpus(documents=(first,), annotations=corpus.annotations[:1]), path)
    data = json.loads(path.read_text("utf-8"))[0]["data"]
    assert (data["title"], data["variable_title"]) == ("Minister holds the line", "Shadow title")


def test_doccano_lines_have_address_and_variables(tmp_path):
    path = tmp_path / "doccano.jsonl"
    write_doccano(_corpus(), path)
    rich, plain = (json.loads(line) for line in path.read_text("utf-8").splitlines())
    assert (rich["url"], rich["variables"]) == (URL, {"party": "Labour", "region": "North"})
    assert (plain["url"], plain["variables"]) == (None, {})


def test_briefing_links_only_web_addresses(tmp_path):
    path = tmp_path / "briefing.docx"
    write_briefing(_corpus(), path)
    document = docx.Document(str(path))
    links = sorted(
        rel.target_ref
        for rel in document.part.rels.values()
        if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK
    )
    assert links == [URL, "https://wire.example/a"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Herald \u00b7 1 March 2024" in text  # the attribution names outlet and date
