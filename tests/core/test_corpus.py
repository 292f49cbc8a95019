from dataclasses import replace

from annotator.core import Annotation, Document, Speaker, Status
from annotator.core.corpus import Corpus, CorpusFilter, select, unplaced, unplaced_note

TEXT = "“One,” said Ann. “Two,” said Bob. “Three,” said Ann."


def corpus() -> Corpus:
    feb = Document(id=1, title="Feb", text=TEXT, published="2022-02-10")
    mar = Document(id=2, title="Mar", text=TEXT, published="2022-03-01")
    notes = [
        Annotation.on(1, TEXT, 0, 6, speaker="Ann", tone="warning"),
        Annotation.on(1, TEXT, 17, 23, speaker="Bob", status=Status.SUGGESTED),
        Annotation.on(2, TEXT, 34, 42, speaker="Ann", devices=("simile",)),
    ]
    return Corpus((feb, mar), tuple(notes), (Speaker("Ann"), Speaker("Bob")))


def test_default_filter_keeps_accepted_quotes_only():
    kept = select(corpus(), CorpusFilter())
    assert [a.speaker for a in kept.annotations] == ["Ann", "Ann"]
    assert [s.name for s in kept.speakers] == ["Ann"]


def test_speaker_and_month_filter_case_insensitive():
    wanted = CorpusFilter.build(
        speakers=["ann"], published_from="2022-02-01", published_to="2022-02-28"
    )
    kept = select(corpus(), wanted)
    assert [d.title for d in kept.documents] == ["Feb"]
    assert [a.quote for a in kept.annotations] == ["“One,”"]


def test_device_filter_drops_documents_without_matching_quotes():
    kept = select(corpus(), CorpusFilter.build(devices=["Simile"]))
    assert [d.title for d in kept.documents] == ["Mar"]


def test_any_status():
    kept = select(corpus(), CorpusFilter.build(statuses=None))
    assert len(kept.annotations) == 3


def test_quotes_not_placed_on_their_text_are_left_out_and_counted():
    whole = corpus()
    lost = replace(whole.annotations[0], placed=False)
    whole = replace(whole, annotations=(lost, *whole.annotations[1:]))
    kept = select(whole, CorpusFilter())
    assert [a.quote for a in kept.annotations] == ["“Three,”"]
    assert unplaced(whole, CorpusFilter()) == 1
    assert unplaced(whole, CorpusFilter.build(speakers=["Bob"], statuses=None)) == 0
    assert unplaced(whole, CorpusFilter.build(document_ids=[2])) == 0
    assert unplaced_note(1).startswith("1 quote was left out")
    assert unplaced_note(2).startswith("2 quotes were left out") and unplaced_note(0) == ""
