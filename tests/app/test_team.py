"""Two analysts code the same articles apart; one merges the other's work and measures
agreement. Figures are checked against hand computation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.app.agreement import agreement
from annotator.app.merge import merge, read_colleague
from annotator.cli import main
from annotator.core import Annotation, Document, Speaker
from annotator.core.edits import AddAnnotation, AddSpeaker, Batch
from annotator.store import Project

SENTENCES = [
    "“We will hold the line,” Lee said.",
    "“Nobody wants a war,” Kim replied.",
    "“The border is ours,” Lee insisted.",
    "“Talks resume on Monday,” an aide said.",
    "“This is a disgrace,” Kim added.",
]
TEXT = " ".join(SENTENCES)
QUOTES = [TEXT.index(s) for s in SENTENCES]


def span(n: int) -> tuple[int, int]:
    start = QUOTES[n]
    return start, TEXT.index("”", start) + 1


def code(project: Project, analyst: str, marks: list[tuple[int, str, str, tuple[str, ...]]]):
    (doc,) = [d for d in project.documents() if d.text == TEXT]
    known = {s.name for s in project.speakers()}
    edits: list = [AddSpeaker(Speaker(n)) for n in sorted({m[1] for m in marks} - known)]
    for n, speaker, tone, devices in marks:
        start, end = span(n)
        edits.append(
            AddAnnotation(
                Annotation.on(doc.id, TEXT, start, end, speaker=speaker, tone=tone,
                              devices=devices, annotator=analyst)
            )
        )  # fmt: skip
    project.apply(Batch(tuple(edits)))


@pytest.fixture
def team(tmp_path: Path) -> tuple[Project, Path]:
    """My project (ann) and Bob's project file, the same article coded apart."""
    mine = Project(str(tmp_path / "ann.speechmark"))
    mine.add_document(Document(title="Border", text=TEXT))
    code(mine, "ann", [
        (0, "Lee", "warning", ("metaphor",)), (1, "Kim", "warning", ("metaphor",)),
        (2, "Lee", "confrontational", ()), (3, "Aide", "confrontational", ()), (4, "Kim", "confrontational", ()),
    ])  # fmt: skip
    with Project(str(tmp_path / "bob.speechmark")) as bob:
        bob.add_document(Document(title="Border (Bob's copy)", text=TEXT))
        bob.add_document(Document(title="Only Bob has this", text="Another text entirely."))
        code(bob, "bob", [
            (0, "Lee", "warning", ("metaphor",)), (1, "Kim", "warning", ()),
            (2, "Lee", "confrontational", ()), (3, "Aide", "warning", ()),
        ])  # fmt: skip
    yield mine, tmp_path / "bob.speechmark"
    mine.close()


def test_merge_adds_their_layer_once_and_leaves_mine_alone(team):
    mine, bob_file = team
    before = mine.annotations()
    done = merge(mine, read_colleague(bob_file))
    assert done.analyst == "bob" and done.report.annotations_added == 4
    assert [d.title for d in done.missing] == ["Only Bob has this"]
    assert len(mine.documents()) == 1  # offered, not added
    after = mine.annotations()
    assert [a for a in after if a.annotator == "ann"] == before  # mine untouched
    again = merge(mine, read_colleague(bob_file))
    assert again.report.annotations_added == 0 and mine.annotations() == after
    mine.apply(done.edit.inverse())  # one undo takes the whole merge out
    assert mine.annotations() == before


def test_agreement_equals_hand_computed_figures(team):
    mine, bob_file = team
    merge(mine, read_colleague(bob_file))
    found = agreement(mine.corpus(), me="ann")
    assert found.analysts == ("ann", "bob") and found.documents == 1
    # 4 quotes paired out of 5 + 4: F1 = 8 / 9.
    assert found.boundaries.f1 == pytest.approx(8 / 9) and found.boundaries.units == 9
    # Tone on the 4 pairs: (w,w) (w,w) (c,c) (c,w): kappa 0.5, alpha 8/15.
    assert found.tone.kappa == pytest.approx(0.5) and found.tone.alpha == pytest.approx(8 / 15)
    assert found.tone.units == 4
    # Speakers all agree.
    assert found.speaker.kappa == pytest.approx(1.0) and found.speaker.alpha == 1.0
    # Metaphor: (T,T) (T,F) (F,F) (F,F): kappa 0.5.
    assert found.devices["metaphor"].kappa == pytest.approx(0.5)
    assert found.tone_confusion == {("warning", "warning"): 2, ("confrontational", "confrontational"): 1, ("confrontational", "warning"): 1}  # fmt: skip


def test_agreement_from_the_command_line_is_the_same(team):
    mine, bob_file = team
    runner = CliRunner()
    merged = runner.invoke(main, ["--project", mine.location, "merge", str(bob_file)])
    assert merged.exit_code == 0 and "bob: 4 quotes added" in merged.output
    assert "not here  Only Bob has this" in merged.output
    result = runner.invoke(
        main, ["--project", mine.location, "agreement", "--me", "ann", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed == agreement(mine.corpus(), me="ann").as_dict()
    assert printed["analysts"] == ["ann", "bob"] and printed["tone"]["kappa"] == 0.5
    assert set(printed) >= {"analysts", "documents", "boundaries", "speaker", "tone", "devices"}


def test_one_analyst_is_a_clear_error(team):
    mine, _bob = team
    with pytest.raises(ValueError, match="needs two analysts; the project has: ann"):
        agreement(mine.corpus(), me="ann")


def test_texts_for_blind_coding_and_export_by_analyst(team, tmp_path):
    mine, bob_file = team
    merge(mine, read_colleague(bob_file))
    runner = CliRunner()
    blind = tmp_path / "blind.jsonl"
    out = runner.invoke(
        main, ["--project", mine.location, "export", "--no-annotations", "-o", str(blind)]
    )
    assert out.exit_code == 0, out.output
    (record,) = [json.loads(line) for line in blind.read_text("utf-8").splitlines()]
    assert record["text"] == TEXT and record["annotations"] == []
    bobs = tmp_path / "bob.jsonl"
    runner.invoke(
        main, ["--project", mine.location, "export", "--marked-by", "bob", "-o", str(bobs)]
    )
    (record,) = [json.loads(line) for line in bobs.read_text("utf-8").splitlines()]
    assert {a["annotator"] for a in record["annotations"]} == {"bob"}


def test_the_briefing_can_carry_the_agreement(team, tmp_path):
    import docx

    mine, bob_file = team
    merge(mine, read_colleague(bob_file))
    out = tmp_path / "brief.docx"
    result = CliRunner().invoke(
        main, ["--project", mine.location, "briefing", "-o", str(out), "--agreement"],
        env={"ANNOTATOR_NAME": "ann"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    brief = docx.Document(str(out))
    headings = [p.text for p in brief.paragraphs if p.style.name.startswith("Heading")]
    assert "Appendix: reliability" in headings
    table = next(t for t in brief.tables if t.rows[0].cells[0].text == "Measure")
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    expected = agreement(mine.corpus(), me="ann")
    assert rows["tone"][2] == f"{expected.tone.kappa:.3f}" == "0.500"
    assert rows["quote boundaries"][1] == f"{8 / 9:.3f}"


def test_an_agreement_appendix_needs_two_analysts(team, tmp_path):
    mine, _bob = team
    result = CliRunner().invoke(
        main, ["--project", mine.location, "briefing", "-o", str(tmp_path / "b.docx"),
               "--agreement"], env={"ANNOTATOR_NAME": "ann"},
    )  # fmt: skip
    assert result.exit_code == 1 and "needs two analysts" in result.output
