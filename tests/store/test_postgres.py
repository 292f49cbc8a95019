"""The same project API on PostgreSQL, for teams. Runs when ANNOTATOR_TEST_POSTGRES holds
a URL of a scratch database (e.g. postgresql+psycopg://user:pw@localhost/scratch);
its tables are dropped first."""

import os

import pytest
from sqlalchemy import MetaData, create_engine

from annotator.core import Annotation, Document, Speaker
from annotator.core.edits import AddAnnotation, AddSpeaker, Batch, UpdateAnnotation
from annotator.io.jsonl import read_jsonl, write_jsonl
from annotator.store import Project

URL = os.environ.get("ANNOTATOR_TEST_POSTGRES")
pytestmark = pytest.mark.skipif(not URL, reason="set ANNOTATOR_TEST_POSTGRES to a scratch database")


def test_postgres_project_round_trip(tmp_path, project):
    engine = create_engine(URL)
    metadata = MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)
    with engine.begin() as c:
        c.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()

    text = "🙂 “We stand firm,” Lee said."
    doc = project.add_document(Document(title="t", text=text))
    project.apply(
        Batch((AddSpeaker(Speaker("Ann Lee", aliases=("Lee",))),
               AddAnnotation(Annotation.on(doc.id, text, 2, 18, speaker="Lee", devices=("metaphor",)))))
    )  # fmt: skip
    first = tmp_path / "sqlite.jsonl"
    write_jsonl(project.corpus(), first)

    with Project(URL) as team:
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
