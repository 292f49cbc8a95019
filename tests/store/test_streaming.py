"""The store's stream of a selection gives exactly what the in-memory selection holds."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from annotator.app.exports import ExportRequest, Selection, prepare_export
from annotator.core import Annotation, Status
from annotator.core.corpus import CorpusFilter, select, unplaced
from annotator.core.edits import AddAnnotation
from annotator.core.reading import Order, Usage
from annotator.store import Project
from annotator.store.streaming import CorpusStream
from tests.data.io.awkward_corpus import awkward_corpus

FILTERS = {
    "accepted": CorpusFilter(),
    "any": CorpusFilter.build(),
    "speaker": CorpusFilter.build(speakers=["ana reyes"]),
    "device": CorpusFilter.build(devices=["IRONY"], statuses=["suggested", "accepted"]),
    "tone and analyst": CorpusFilter.build(tones=["warning"], annotators=["Alice"]),
    "dates": CorpusFilter.build(published_from="2024-02-01", published_to="2024-03-01"),
    "variable": CorpusFilter.build(attributes=[("party", "labour")]),
    "documents": CorpusFilter.build(document_ids=[2, 3, 8]),
}


@pytest.fixture
def project(tmp_path: Path):
    with Project(str(tmp_path / "stream.speechmark")) as opened:
        opened.import_corpus(awkward_corpus())
        beta = opened.documents()[0]  # loses most of its quotes: they are not placed
        opened.update_document_text(beta.id or 0, beta.text[:100] + "." * 300)
        yield opened


@pytest.mark.parametrize("name", sorted(FILTERS))
@pytest.mark.parametrize("order", list(Order))
def test_stream_holds_what_select_keeps(project, name, order):
    wanted = FILTERS[name]
    expected = select(project.corpus(), wanted)
    with CorpusStream.of(project, wanted).reading() as reader:
        found = list(reader.by_document(order))
        assert found == list(expected.by_document(order))
        assert reader.usage() == Usage.of(expected.documents, expected.annotations)
        assert reader.speakers == expected.speakers


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_stream_counts_its_quotes_and_those_left_unplaced(project, name):
    wanted = FILTERS[name]
    stream = CorpusStream.of(project, wanted)
    assert len(stream.annotations) == len(select(project.corpus(), wanted).annotations)
    assert stream.counts.unplaced == unplaced(project.corpus(), wanted)


@pytest.mark.parametrize("name", sorted(FILTERS))
@pytest.mark.parametrize("with_quotes", [True, False])
def test_variables_alone_are_those_of_the_usage(project, name, with_quotes):
    stream = CorpusStream.of(project, FILTERS[name], with_quotes=with_quotes)
    with stream.reading() as reader:
        alone = reader.variables()  # before the usage is counted
        assert alone == reader.usage().variables == reader.variables()
    expected = select(project.corpus(), FILTERS[name])
    if with_quotes:
        assert alone == expected.variables()


def test_the_beta_document_really_has_unplaced_quotes(project):
    assert CorpusStream.of(project, CorpusFilter.build()).counts.unplaced > 0


def test_texts_only_keeps_documents_and_every_speaker(project):
    stream = CorpusStream.of(project, CorpusFilter.build(document_ids=[2]), with_quotes=False)
    with stream.reading() as reader:
        found = list(reader.by_document())
        assert [(d.id, quotes) for d, quotes in found] == [(2, [])]
        assert reader.speakers == tuple(project.speakers())
        assert reader.usage() == Usage(variables=("party",), documents=1)
    assert len(stream.annotations) == 0


def test_an_export_sees_the_project_as_it_was_when_it_began(project):
    stream = CorpusStream.of(project, CorpusFilter.build())
    document = project.documents()[1]
    with stream.reading() as reader:
        before = reader.usage()
        # Another connection adds a quote while the export runs.
        late = Annotation.on(document.id or 0, document.text, 0, 5, speaker="Bo Lind",
                             tone="neutral", status=Status.ACCEPTED)  # fmt: skip
        project.apply(AddAnnotation(late))
        quotes = [a.id for _d, found in reader.by_document() for a in found]
    assert late.id not in quotes
    assert len(quotes) == before.quotes
    with stream.reading() as reader:
        assert late.id in [a.id for _d, found in reader.by_document() for a in found]


def test_a_job_prepared_on_one_thread_writes_on_another(project, tmp_path):
    here, there = tmp_path / "here.jsonl", tmp_path / "there.jsonl"
    selection = Selection(statuses=())
    prepare_export(project, ExportRequest("jsonl", here, selection)).run()
    job = prepare_export(project, ExportRequest("jsonl", there, selection))
    worker = threading.Thread(target=job.run)
    worker.start()
    worker.join()
    assert there.read_bytes() == here.read_bytes()
    assert len(there.read_text(encoding="utf-8").splitlines()) == 8
