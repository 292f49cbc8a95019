"""A long export reports how far it is and can be stopped, leaving the target as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.app.exports import ExportRequest, Selection, prepare_export
from annotator.app.watching import ExportCancelled
from annotator.io.formats import available_formats
from annotator.store import Project
from tests.data.io.awkward_corpus import awkward_corpus

EVERY_STATUS = Selection(statuses=())


@pytest.fixture
def project(tmp_path: Path):
    with Project(str(tmp_path / "progress.speechmark")) as opened:
        opened.import_corpus(awkward_corpus())
        yield opened


def _target(tmp_path: Path, name: str) -> Path:
    suffix = available_formats()[name].suffix
    return tmp_path / (f"out{suffix}" if suffix else "out")


def _timeless(path: Path) -> bytes:
    """The file's bytes, but for the line a W3C collection stamps with its writing time."""
    lines = path.read_bytes().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.lstrip().startswith(b'"generated"'))


@pytest.mark.parametrize("name", sorted(available_formats()))
def test_progress_counts_every_quote_and_the_file_is_the_same(project, tmp_path, name):
    plain, watched = tmp_path / "plain", tmp_path / "watched"
    plain.mkdir()
    watched.mkdir()
    prepare_export(project, ExportRequest(name, _target(plain, name), EVERY_STATUS)).run()
    job = prepare_export(project, ExportRequest(name, _target(watched, name), EVERY_STATUS))
    seen: list[tuple[int, int, int]] = []
    job.run(lambda done, total, documents: seen.append((done, total, documents)) or True)
    total = len(job.corpus.annotations)
    assert total > 0
    assert [done for done, _t, _d in seen] == sorted(done for done, _t, _d in seen)
    assert seen[0][0] == 0 and seen[-1][0] == total  # from nothing to every quote
    assert {t for _d, t, _n in seen} == {total}
    assert seen[-1][2] == len(project.documents())
    written = {p.relative_to(plain): _timeless(p) for p in plain.rglob("*") if p.is_file()}
    again = {p.relative_to(watched): _timeless(p) for p in watched.rglob("*") if p.is_file()}
    if name != "qdpx":  # a zip stamps the time it was written
        assert again == written
    assert again.keys() == written.keys()


@pytest.mark.parametrize("name", ["jsonl", "w3c", "qdpx", "brat"])
def test_a_cancelled_export_leaves_the_old_file_in_place(project, tmp_path, name):
    target = _target(tmp_path, name)
    if target.suffix:
        target.write_bytes(b"the previous export")
    before = sorted(p.name for p in tmp_path.iterdir())
    job = prepare_export(project, ExportRequest(name, target, EVERY_STATUS))
    calls = []

    def stop_after_two(done: int, total: int, documents: int) -> bool:
        calls.append(documents)
        return documents < 2

    with pytest.raises(ExportCancelled, match="nothing was written"):
        job.run(stop_after_two)
    assert calls[-1] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no part file left over
    if target.suffix:
        assert target.read_bytes() == b"the previous export"


def test_a_briefing_reports_each_quote_and_equals_one_written_without(project, tmp_path):
    import docx

    from annotator.app.exports import BriefingRequest, prepare_briefing

    plain, watched = tmp_path / "plain.docx", tmp_path / "watched.docx"
    prepare_briefing(project, BriefingRequest(plain, EVERY_STATUS)).run()
    job = prepare_briefing(project, BriefingRequest(watched, EVERY_STATUS))
    seen: list[tuple[int, int, int]] = []
    job.run(lambda done, total, documents: seen.append((done, total, documents)) or True)
    total = len(job.corpus.annotations)
    assert total > 0
    assert [done for done, _t, _d in seen] == list(range(total + 1))
    assert {t for _d, t, _n in seen} == {total}

    def paragraphs(path: Path) -> list[str]:
        return [p.text for p in docx.Document(str(path)).paragraphs]

    assert paragraphs(watched) == paragraphs(plain)


def test_a_cancelled_briefing_leaves_the_old_file_in_place(project, tmp_path):
    from annotator.app.exports import BriefingRequest, prepare_briefing

    target = tmp_path / "brief.docx"
    target.write_bytes(b"the previous briefing")
    before = sorted(p.name for p in tmp_path.iterdir())
    job = prepare_briefing(project, BriefingRequest(target, EVERY_STATUS))
    with pytest.raises(ExportCancelled):
        job.run(lambda done, _total, _documents: done < 2)
    assert target.read_bytes() == b"the previous briefing"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no part file left over
