"""The `annotator` command end to end, in a temporary folder."""

import json

import pytest
from click.testing import CliRunner

from annotator.cli import main, marked_text
from annotator.core import Annotation
from annotator.io.jsonl import read_jsonl


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()
    project = str(tmp_path / "cli.speechmark")

    def invoke(*args: str, expect: int = 0):
        result = runner.invoke(main, ["--project", project, *args], catch_exceptions=False)
        assert result.exit_code == expect, result.output
        return result.output

    return invoke


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.txt").write_bytes(
        b"Talks ended. \x93We will not yield,\x94 Lindqvist said.\r\nVolkan disagreed."
    )
    (folder / "speech.txt").write_text(
        "👏 “Like a rock,” he said. “Like a rock.”", encoding="utf-16"
    )
    (folder / "broken.docx").write_bytes(b"not a zip")
    return folder


def test_import_annotate_show_export_reimport(run, articles, tmp_path):
    out = run("import", str(articles), expect=1)  # one file failed: the others went in
    assert "reading  1/3 " in out and "reading  3/3 " in out  # each file as it is read
    assert "added    1\tspeech" in out or "added    2\tspeech" in out
    assert "failed   " in out and "broken.docx: not a readable Word document" in out
    listing = run("list").splitlines()
    ids = {line.split("\t")[2]: line.split("\t")[0] for line in listing}
    assert set(ids) == {"talks", "speech"}
    talks = ids["talks"]

    out = run(
        "annotate",
        talks,
        "--quote",
        "We will not yield,",
        "--speaker",
        "Anna Lindqvist",
        "--tone",
        "WARNING",
        "--device",
        "Hyperbole",
        "--device",
        "repetition",
    )
    assert "Anna Lindqvist | warning | hyperbole, repetition" in out
    run(
        "annotate",
        ids["speech"],
        "--start",
        "2",
        "--end",
        "16",
        "--speaker",
        "anna lindqvist",
        "--device",
        "simile",
    )
    assert "1 quotes" in run("list").splitlines()[0] or "1 quotes" in run("list")

    shown = run("show", talks)
    assert "“[1>We will not yield,<1]” Lindqvist said." in shown

    export = tmp_path / "corpus.jsonl"
    run("export", "--format", "jsonl", "-o", str(export))
    records = {
        r["title"]: r for r in map(json.loads, export.read_text(encoding="utf-8").splitlines())
    }
    speech = records["speech"]
    [a] = speech["annotations"]
    assert speech["text"][a["start"] : a["end"]] == "“Like a rock,”" == a["quote"]
    assert a["speaker"] == "Anna Lindqvist"  # the existing speaker, found case-insensitively

    again = tmp_path / "again.jsonl"
    runner = CliRunner()
    other = str(tmp_path / "other.speechmark")
    assert runner.invoke(main, ["--project", other, "import-corpus", str(export)]).exit_code == 0
    assert runner.invoke(main, ["--project", other, "export", "-o", str(again)]).exit_code == 0
    assert sorted(export.read_bytes().splitlines()) == sorted(again.read_bytes().splitlines())


def test_unknown_tone_is_an_error_listing_valid_names(run, articles):
    run("import", str(articles / "talks.txt"))
    out = run("annotate", "1", "--quote", "Talks", "--tone", "furious", expect=1)
    assert "unknown tone 'furious'; valid tones:" in out and "conciliatory" in out
    assert "Traceback" not in out
    assert "0 quotes" in run("list")


def test_usage_errors_exit_2(run, articles):
    run("import", str(articles / "talks.txt"))
    run("annotate", "1", expect=2)
    run("annotate", "1", "--quote", "not in the text", expect=2)
    run("export", "--format", "nonsense", "-o", "x", expect=2)


def test_failures_exit_1_with_one_line(run, tmp_path):
    out = run("show", "42", expect=1)
    assert out.strip().endswith(
        "cli.speechmark: no such project (to start one there, add --create, or import articles into it)"
    )
    assert not (tmp_path / "cli.speechmark").exists()  # a mistyped path creates nothing
    out = run("import", str(tmp_path / "missing.txt"), expect=1)
    assert "missing.txt: no such file or folder" in out
    out = run("show", "42", expect=1)  # the import started the project
    assert out.strip() == "error: no document with id 42"


def test_export_filters_by_status(run, articles, tmp_path):
    run("import", str(articles / "talks.txt"))
    run("annotate", "1", "--quote", "Talks ended.", "--status", "suggested")
    run("annotate", "1", "--quote", "Volkan disagreed.")
    out = tmp_path / "accepted.jsonl"
    run("export", "-o", str(out), "--status", "accepted")
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["quote"] for a in record["annotations"]] == ["Volkan disagreed."]


def test_marked_text_handles_nested_spans():
    text = "abcdef"
    outer = Annotation.on(1, text, 0, 6)
    inner = Annotation.on(1, text, 2, 4)
    assert marked_text(text, [outer, inner]) == "[1>ab[2>cd<2]ef<1]"


@pytest.fixture
def coded(run, articles):
    run("import", str(articles / "talks.txt"), str(articles / "speech.txt"))
    run(
        "annotate",
        "1",
        "--quote",
        "We will not yield,",
        "--speaker",
        "Anna Lindqvist",
        "--tone",
        "warning",
        "--device",
        "repetition",
    )
    run(
        "annotate",
        "2",
        "--start",
        "2",
        "--end",
        "16",
        "--speaker",
        "Dmitri Volkan",
        "--device",
        "simile",
        "--status",
        "suggested",
    )
    return run


@pytest.mark.parametrize(
    "format_name", ["jsonl", "csv", "w3c", "qdpx", "doccano", "labelstudio", "brat"]
)
def test_every_listed_format_exports_from_the_command_line(coded, tmp_path, format_name):
    out = tmp_path / f"export-{format_name}"
    printed = coded("export", "--format", format_name, "-o", str(out), "--status", "any")
    assert "2 quotes" in printed
    assert out.exists()


def test_qdpx_export_then_import_into_a_new_project_keeps_the_quotes(coded, tmp_path):
    out = tmp_path / "corpus.qdpx"
    coded("export", "--format", "qdpx", "-o", str(out), "--status", "any")
    runner = CliRunner()
    other = ["--project", str(tmp_path / "other.speechmark")]
    result = runner.invoke(main, [*other, "import-qdpx", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 documents added" in result.output and "2 annotations added" in result.output
    ids = {
        line.split("\t")[2]: line.split("\t")[0]
        for line in runner.invoke(main, [*other, "list"]).output.splitlines()
    }
    listing = runner.invoke(main, [*other, "show", ids["talks"]]).output
    assert (
        "[1>We will not yield,<1]" in listing and "Anna Lindqvist | warning | repetition" in listing
    )


def test_briefing_with_filters_names_the_scope(coded, tmp_path):
    import docx

    out = tmp_path / "brief.docx"
    printed = coded("briefing", "-o", str(out), "--speaker", "lindqvist", "--title", "Border talks")
    assert "(1 quote from 1 document)" in printed
    brief = docx.Document(str(out))
    text = "\n".join(p.text for p in brief.paragraphs)
    cells = [c.text for t in brief.tables for row in t.rows for c in row.cells]
    assert "accepted quotes; by Anna Lindqvist" in cells  # the scope, as the workspace says it
    assert "Border talks" in text and "We will not yield”" in text  # trailing comma trimmed
    assert "Like a rock" not in text  # another speaker's (suggested) quote is filtered out


def test_unknown_speaker_filter_is_an_error(coded, tmp_path):
    out = coded("export", "-o", str(tmp_path / "x.jsonl"), "--speaker", "Nobody", expect=1)
    assert "unknown speaker 'Nobody'" in out


def test_show_flags_quotes_that_a_reimport_could_not_place(run, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Intro. “We will fight,” she said. “Never,” he replied.", encoding="utf-8")
    run("import", str(story))
    run("annotate", "1", "--quote", "“We will fight,”")
    run("annotate", "1", "--quote", "“Never,”")
    story.write_text("A new intro. “We will fight,” she said. He did not reply.", encoding="utf-8")
    assert "(1 quote could not be re-placed)" in run("import", str(story))
    lines = run("show", "1").splitlines()
    assert any("“Never,”" in line and "[not found in the new text]" in line for line in lines)
    assert any("“We will fight,”" in line and "not found" not in line for line in lines)
    # The lost quote's old span means nothing in the new text: exports leave it out, and say so.
    out = run("export", "-o", str(tmp_path / "out.jsonl"))
    assert "1 quote was left out: not found in the new text" in out
    exported = [
        json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    ]
    assert [a["quote"] for d in exported for a in d["annotations"]] == ["“We will fight,”"]
    assert read_jsonl(tmp_path / "out.jsonl").annotations[0].quote == "“We will fight,”"


def test_export_to_standard_output(coded, tmp_path):
    project = str(tmp_path / "cli.speechmark")  # the one ``run`` uses
    result = CliRunner().invoke(main, ["--project", project, "export", "-o", "-"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all("annotations" in r for r in records)
    assert "standard output" in result.stderr


def test_no_display_is_said_before_qt_starts():
    from annotator.cli import display_problem

    assert "no display" in display_problem({}, "linux")
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "darwin") is None


def test_info_says_where_the_default_project_lives(run, tmp_path):
    out = run("info")
    assert f"default project: {tmp_path / 'userdata' / 'default.speechmark'}" in out


def test_an_export_shows_its_progress_on_a_terminal(coded, tmp_path, monkeypatch):
    import annotator.cli

    out = tmp_path / "quotes.jsonl"
    assert "writing" not in coded("export", "-o", str(out), "--status", "any")  # not a terminal
    monkeypatch.setattr(annotator.cli, "_on_terminal", lambda: True)
    printed = coded("export", "-o", str(out), "--status", "any")
    steps = [line for line in printed.split("\r") if line.startswith("writing")]
    assert steps[0].startswith("writing  0% (0 of 2 quotes)")
    assert steps[-1].startswith("writing  100% (2 of 2 quotes, 2 documents)\n")
    assert printed.endswith("(2 items, 2 quotes).\n")


def test_a_briefing_shows_its_progress_on_a_terminal(coded, tmp_path, monkeypatch):
    import annotator.cli

    monkeypatch.setattr(annotator.cli, "_on_terminal", lambda: True)
    printed = coded("briefing", "-o", str(tmp_path / "b.docx"), "--status", "any")
    steps = [line for line in printed.split("\r") if line.startswith("writing")]
    assert steps[0].startswith("writing  0% (0 of 2 quotes)")
    assert steps[-1].startswith("writing  100% (2 of 2 quotes)\n")
    assert "Wrote" in printed.split("\n")[-2]
