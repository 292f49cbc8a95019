"""The same project API on PostgreSQL, for teams. Runs when ANNOTATOR_TEST_POSTGRES holds
a URL of a scratch database (e.g. postgresql+psycopg://user:pw@localhost/scratch); each
test works in a schema of its own (see the ``postgres_url`` fixture)."""

from annotator.core import Annotation, Document, Speaker
from annotator.core.edits import AddAnnotation, AddSpeaker, Batch, UpdateAnnotation
from annotator.io.jsonl import read_jsonl, write_jsonl
from annotator.store import Project


def test_postgres_project_round_trip(tmp_path, project, postgres_url):
    text = "🙂 “We stand firm,” Lee said."
    doc = project.add_document(Document(title="t", text=text))
    project.apply(
        Batch((AddSpeaker(Speaker("Ann Lee", aliases=("Lee",))),
               AddAnnotation(Annotation.on(doc.id, text, 2, 18, speaker="Lee", devices=("metaphor",)))))
    )  # fmt: skip
    first = tmp_path / "sqlite.jsonl"
    write_jsonl(project.corpus(), first)

    with Project(postgres_url) as team:
        team.import_corpus(read_jsonl(first))
        second = tmp_path / "postgres.jsonl"
        write_jsonl(team.corpus(), second)
        assert first.read_bytes() == second.read_bytes()
        [a] = team.annotations()
        edit = UpdateAnnotation.between(a, tone="warning")
        team.apply(edit)
        assert team.annotations()[0].tone == "warning"
        team.apply(edit.inverse())
        assert team.annotations()[0].tone is None
        assert team.find_speaker("lee").name == "Ann Lee"


def test_postgres_exports_stream_as_on_sqlite(tmp_path, project, postgres_url):
    from annotator.app.exports import ExportRequest, Selection, prepare_export
    from tests.data.io.awkward_corpus import awkward_corpus

    project.import_corpus(awkward_corpus())
    with Project(postgres_url) as team:
        team.import_corpus(awkward_corpus())
        for selection in (Selection(statuses=()), Selection(speakers=("Ana Reyes",))):
            for name, suffix in (("jsonl", ".jsonl"), ("csv", ".csv"), ("labelstudio", ".json")):
                mine, theirs = tmp_path / f"sqlite{suffix}", tmp_path / f"postgres{suffix}"
                prepare_export(project, ExportRequest(name, mine, selection)).run()
                prepare_export(team, ExportRequest(name, theirs, selection)).run()
                assert theirs.read_bytes() == mine.read_bytes(), name


def test_postgres_checks_and_reads_quotes_as_sqlite_does(project, postgres_url):
    import pytest

    from annotator.core import Status
    from annotator.store import StoreError

    text = "🙂🎉 Ann arrived. “We stand firm,” Lee said. “Like a rock,” she added."
    for opened in (project, Project(postgres_url)):
        with opened:
            doc = opened.add_document(Document(title="t", text=text))
            start = text.index("We stand")
            written = Annotation.on(doc.id, text, start, start + 13, devices=("metaphor",),
                                    status=Status.SUGGESTED, confidence=0.5)  # fmt: skip
            shifted = Annotation.on(doc.id, text, start, start + 13)
            shifted = Annotation(**{**shifted.__dict__, "start": start - 1, "end": start + 12})
            with pytest.raises(StoreError, match="does not match"):
                opened.apply(AddAnnotation(shifted))
            opened.apply(AddAnnotation(written))  # offsets in code points past two emoji
            assert opened.annotations(doc.id) == [written]
            assert opened.annotations(ids=[written.id])[0].created == written.created
            [summary] = opened.summaries([doc.id])
            assert (summary.quotes, summary.suggested) == (1, 1)
