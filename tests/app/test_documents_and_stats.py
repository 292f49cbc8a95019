"""Document details and variables, the counts behind every chart, the statistics table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core import Annotation, Document, Speaker
from annotator.core.edits import AddAnnotation, AddSpeaker, Batch
from annotator.core.stats import crosstab, quotes_in
from annotator.io.jsonl import read_jsonl
from annotator.store import Project

TEXT = "“We will win,” said Lee. “Never,” said Kim. “Maybe,” said Lee."


@pytest.fixture
def coded(project: Project) -> Project:
    first = project.add_document(Document(title="Rally", text=TEXT, published="2024-03-04"))
    second = project.add_document(Document(title="Debate", text=TEXT + " ", published="2024-04-20"))
    edits: list = [AddSpeaker(Speaker("Lee")), AddSpeaker(Speaker("Kim"))]
    for doc, tones in ((first, ("warning", "dismissive", "warning")), (second, ("neutral",) * 3)):
        for n, (word, speaker) in enumerate((("We", "Lee"), ("Never", "Kim"), ("Maybe", "Lee"))):
            start = TEXT.index(f"“{word}")
            end = TEXT.index("”", start) + 1
            devices = ("metaphor", "hyperbole") if n == 0 else ()
            edits.append(AddAnnotation(Annotation.on(doc.id, doc.text, start, end,
                         speaker=speaker, tone=tones[n], devices=devices)))  # fmt: skip
    project.apply(Batch(tuple(edits)))
    return project


def cli(project: Project, *args: str) -> str:
    result = CliRunner().invoke(main, ["--project", project.location, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_doc_sets_details_and_variables_in_one_undoable_edit(coded):
    cli(coded, "doc", "1", "2", "--outlet", "Herald", "--set", "party=Labour",
        "--set", "country=UK")  # fmt: skip
    rally = coded.document(1)
    assert rally.outlet == "Herald" and rally.attributes == (("country", "UK"), ("party", "Labour"))
    cli(coded, "doc", "2", "--set", "party=", "--date", "2024-04-21", "--url", "https://x.test/a")
    debate = coded.document(2)
    assert debate.attribute("party") is None and debate.published == "2024-04-21"
    assert debate.url == "https://x.test/a"
    shown = cli(coded, "doc", "1")
    assert "outlet: Herald" in shown and "party = Labour" in shown


def test_bad_details_are_refused_with_the_reason(coded):
    out = CliRunner().invoke(main, ["--project", coded.location, "doc", "1", "--date", "4 March"])
    assert out.exit_code == 1 and "use YYYY-MM-DD" in out.output
    out = CliRunner().invoke(main, ["--project", coded.location, "doc", "1", "--url", "C:/x.txt"])
    assert out.exit_code == 1 and "web address" in out.output
    assert coded.document(1).published == "2024-03-04"


def test_details_from_a_csv(coded, tmp_path):
    sheet = tmp_path / "details.csv"
    sheet.write_text("id,outlet,date,party\n1,Gazette,2024-03-05,Green\n2,,,Labour\n", "utf-8")
    cli(coded, "doc", "--from-csv", str(sheet))
    assert coded.document(1).outlet == "Gazette" and coded.document(1).attribute("party") == "Green"
    assert coded.document(2).attribute("party") == "Labour"
    bad = tmp_path / "bad.csv"
    bad.write_text("id,outlet\n9,Nowhere\n", "utf-8")
    out = CliRunner().invoke(main, ["--project", coded.location, "doc", "--from-csv", str(bad)])
    assert out.exit_code == 1 and "bad.csv, row 2: no document with id '9'" in out.output


def test_variables_go_through_jsonl_and_filter_exports(coded, tmp_path):
    cli(coded, "doc", "1", "--set", "party=Labour")
    out = tmp_path / "c.jsonl"
    cli(coded, "export", "-o", str(out), "--where", "party=labour")
    corpus = read_jsonl(out)
    assert [d.title for d in corpus.documents] == ["Rally"]
    assert corpus.documents[0].attributes == (("party", "Labour"),)


def test_crosstab_counts_and_the_quotes_behind_a_cell(coded):
    corpus = coded.corpus()
    table = crosstab(corpus, ["speaker", "tone"])
    assert table.counts == {("Lee", "warning"): 2, ("Kim", "dismissive"): 1,
                            ("Lee", "neutral"): 2, ("Kim", "neutral"): 1}  # fmt: skip
    devices = crosstab(corpus, ["device"]).counts
    assert devices == {("metaphor",): 2, ("hyperbole",): 2, ("(none)",): 4}
    months = crosstab(corpus, ["tone", "month"]).counts
    assert months[("neutral", "2024-04")] == 3 and months[("warning", "2024-03")] == 2
    behind = quotes_in(corpus, ["speaker", "tone"], ["Lee", "warning"])
    assert [a.quote for a in behind] == ["“We will win,”", "“Maybe,”"]


def test_stats_on_the_command_line_equal_the_crosstab(coded):
    rows = json.loads(cli(coded, "stats", "--by", "speaker,tone", "--format", "json"))
    assert rows[0] == {"speaker": "Lee", "tone": "neutral", "quotes": 2}  # most first, then A-Z
    assert {(r["speaker"], r["tone"]): r["quotes"] for r in rows} == crosstab(
        coded.corpus(), ["speaker", "tone"]
    ).counts
    cli(coded, "doc", "1", "--set", "party=Labour")
    by_party = json.loads(cli(coded, "stats", "--by", "attribute:party,tone", "--format", "json"))
    assert {"attribute:party": "Labour", "tone": "warning", "quotes": 2} in by_party
    out = CliRunner().invoke(main, ["--project", coded.location, "stats", "--by", "mood"])
    assert out.exit_code == 1 and "cannot count by 'mood'" in out.output


def test_wide_export_has_a_column_per_code(coded, tmp_path: Path):
    cli(coded, "doc", "1", "--set", "party=Labour")
    out = tmp_path / "wide.csv"
    cli(coded, "export", "--format", "wide", "-o", str(out))
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 6
    first = next(r for r in rows if r["document"] == "Rally" and r["quote"] == "“We will win,”")
    assert first["tone_warning"] == "1" and first["tone_neutral"] == "0"
    assert first["device_metaphor"] == "1" and first["speaker_lee"] == "1"
    assert first["speaker_kim"] == "0"
    assert first["var_party"] == "Labour"
    assert all(name.replace("_", "").isalnum() for name in rows[0])
