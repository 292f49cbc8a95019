from dataclasses import replace

import pytest

from annotator.core import Annotation, CodeKind, Document, Speaker, Status
from annotator.core.edits import (
    AddAnnotation,
    AddSpeaker,
    Batch,
    RemoveAnnotation,
    RemoveCode,
    RemoveSpeaker,
    UpdateAnnotation,
    UpdateCode,
    UpdateSpeaker,
)
from annotator.store import DuplicateDocument, InUse, Project, StoreError, UnknownName

TEXT = "🙂 Ann Lee arrived. “We stand firm,” Lee said. “Like a rock,” she added."


def add_doc(project: Project) -> Document:
    return project.add_document(Document(title="Talks", text=TEXT))


def quote(doc: Document, needle: str, **values) -> Annotation:
    start = doc.text.index(needle)
    return Annotation.on(doc.id, doc.text, start, start + len(needle), **values)


def test_new_project_has_the_default_codebook(project):
    codebook = project.codebook()
    assert {"confrontational", "conciliatory", "warning", "neutral"} <= {
        t.name for t in codebook.tones
    }
    assert {"metaphor", "simile", "loaded language", "appeal to fear", "whataboutism"} <= {
        d.name for d in codebook.devices
    }
    assert all(c.description for c in codebook.tones + codebook.devices)


def test_edit_is_saved_at_once_and_survives_reopening(project, tmp_path):
    doc = add_doc(project)
    project.apply(AddSpeaker(Speaker("Ann Lee", aliases=("Lee",))))
    a = quote(
        doc,
        "“We stand firm,”",
        speaker="lee",
        tone="Confrontational",
        devices=("metaphor", "hyperbole"),
    )
    project.apply(AddAnnotation(a))
    project.close()
    with Project(project.location) as again:
        [got] = again.annotations(doc.id)
    assert (got.speaker, got.tone, got.devices) == (
        "Ann Lee",
        "confrontational",
        ("metaphor", "hyperbole"),
    )
    assert got.quote == "“We stand firm,”" == TEXT[got.start : got.end]
    assert got.id == a.id


def test_every_edit_undoes_through_its_inverse(project):
    doc = add_doc(project)
    project.apply(AddSpeaker(Speaker("Ann Lee")))
    a = quote(doc, "“Like a rock,”", speaker="Ann Lee")
    project.apply(AddAnnotation(a))
    before = project.annotations(doc.id)[0]
    edit = UpdateAnnotation.between(
        before, tone="warning", devices=("simile",), note="check", status=Status.SUGGESTED
    )
    project.apply(edit)
    changed = project.annotations(doc.id)[0]
    assert (changed.tone, changed.devices, changed.note, changed.status) == (
        "warning",
        ("simile",),
        "check",
        Status.SUGGESTED,
    )
    project.apply(edit.inverse())
    undone = project.annotations(doc.id)[0]
    assert (undone.tone, undone.devices, undone.note, undone.status) == (
        None,
        (),
        None,
        Status.ACCEPTED,
    )
    project.apply(RemoveAnnotation(undone))
    assert project.annotations(doc.id) == []
    project.apply(RemoveAnnotation(undone).inverse())
    assert project.annotations(doc.id)[0].id == a.id


def test_moving_an_edge_refreshes_quote_and_context(project):
    doc = add_doc(project)
    a = quote(doc, "“We stand firm,”")
    project.apply(AddAnnotation(a))
    project.apply(UpdateAnnotation.between(a, end=a.end - 2))
    got = project.annotations(doc.id)[0]
    assert got.quote == "“We stand firm"
    assert got.suffix == TEXT[got.end : got.end + 32]


def test_overlapping_and_nested_annotations_are_allowed(project):
    doc = add_doc(project)
    outer = quote(doc, "“We stand firm,” Lee said.")
    inner = quote(doc, "stand firm")
    project.apply(Batch((AddAnnotation(outer), AddAnnotation(inner))))
    assert {a.id for a in project.annotations(doc.id)} == {outer.id, inner.id}


def test_unknown_tone_lists_valid_names(project):
    with pytest.raises(UnknownName, match="valid tones: .*conciliatory"):
        project.code(CodeKind.TONE, "furious")


def test_alias_resolves_to_canonical_speaker(project):
    project.apply(
        AddSpeaker(Speaker("Sergey Lavrov", aliases=("Lavrov", "Russia's Foreign Minister")))
    )
    assert project.find_speaker("LAVROV").name == "Sergey Lavrov"
    assert project.find_speaker("russia's foreign minister").name == "Sergey Lavrov"
    assert project.find_speaker("Truss") is None


def test_speaker_rename_shows_on_its_quotes(project):
    doc = add_doc(project)
    project.apply(AddSpeaker(Speaker("Lee")))
    project.apply(AddAnnotation(quote(doc, "“Like a rock,”", speaker="Lee")))
    changes = project.apply(UpdateSpeaker("Lee", (("name", "Lee", "Ann Lee"),)))
    assert project.annotations(doc.id)[0].speaker == "Ann Lee"
    assert len(changes.annotations) == 1


def test_speaker_or_code_in_use_cannot_be_deleted_and_nothing_changes(project):
    doc = add_doc(project)
    project.apply(AddSpeaker(Speaker("Lee")))
    project.apply(AddAnnotation(quote(doc, "“Like a rock,”", speaker="Lee", tone="warning")))
    with pytest.raises(InUse):
        project.apply(RemoveSpeaker(Speaker("Lee")))
    with pytest.raises(InUse):
        project.apply(RemoveCode(project.code(CodeKind.TONE, "warning")))
    assert project.find_speaker("Lee") is not None
    assert project.annotations(doc.id)[0].tone == "warning"


def test_failed_batch_leaves_nothing_behind(project):
    doc = add_doc(project)
    good = quote(doc, "“Like a rock,”")
    bad = quote(doc, "“We stand firm,”", tone="no such tone")
    with pytest.raises(UnknownName):
        project.apply(
            Batch((AddSpeaker(Speaker("Someone")), AddAnnotation(good), AddAnnotation(bad)))
        )
    assert project.annotations(doc.id) == []
    assert project.find_speaker("Someone") is None


def test_code_rename_propagates_to_quotes(project):
    doc = add_doc(project)
    project.apply(AddAnnotation(quote(doc, "“Like a rock,”", devices=("simile",))))
    project.apply(UpdateCode(CodeKind.DEVICE, "simile", (("name", "simile", "comparison"),)))
    assert project.annotations(doc.id)[0].devices == ("comparison",)


def test_same_text_twice_is_refused(project):
    add_doc(project)
    with pytest.raises(DuplicateDocument):
        project.add_document(Document(title="Copy", text=TEXT))
    assert len(project.documents()) == 1


def test_summaries_count_quotes_and_open_suggestions(project):
    doc = add_doc(project)
    project.apply(AddAnnotation(quote(doc, "“Like a rock,”", status=Status.SUGGESTED)))
    project.apply(AddAnnotation(quote(doc, "“We stand firm,”")))
    [summary] = project.summaries()
    assert (summary.id, summary.quotes, summary.suggested) == (doc.id, 2, 1)
    other = project.add_document(Document(title="Other", text="Nothing quoted here."))
    # After an edit, only the documents it touched are counted again.
    assert project.summaries([other.id]) == [replace(summary, id=other.id, title="Other",
                                                     quotes=0, suggested=0)]  # fmt: skip
    assert project.summaries([doc.id, other.id]) == project.summaries()
    assert project.summaries([]) == []


def test_deleting_a_document_deletes_its_annotations(project):
    doc = add_doc(project)
    project.apply(AddAnnotation(quote(doc, "“Like a rock,”", devices=("simile",))))
    project.delete_document(doc.id)
    assert project.annotations() == []
    assert project.documents() == []


def test_reimport_with_small_changes_reanchors_and_flags_orphans(project):
    doc = add_doc(project)
    kept = quote(doc, "“Like a rock,”")
    lost = quote(doc, "Ann Lee arrived.")
    project.apply(Batch((AddAnnotation(kept), AddAnnotation(lost))))
    new_text = "UPDATE 2: " + TEXT.replace("🙂 Ann Lee arrived. ", "")
    report = project.update_document_text(doc.id, new_text)
    assert report.orphaned == 1
    moved = next(a for a in project.annotations(doc.id) if a.id == kept.id)
    assert new_text[moved.start : moved.end] == "“Like a rock,”"
    assert project.orphaned(doc.id) == {lost.id}


def test_settings_persist(project):
    project.set_setting("last_document", "3")
    project.set_setting("last_document", "4")
    assert project.setting("last_document") == "4"
    project.set_setting("last_document", "4")  # the same again: nothing to write
    assert project.setting("last_document") == "4"
    assert project.setting("missing", "x") == "x"


def test_deleting_a_document_is_an_edit_that_undo_restores_exactly(project):
    from annotator.core.edits import RemoveDocument

    doc = add_doc(project)
    project.apply(AddSpeaker(Speaker("Ann Lee")))
    project.apply(
        AddAnnotation(quote(doc, "“Like a rock,”", speaker="Ann Lee", devices=("simile",)))
    )
    before = project.corpus()
    delete = RemoveDocument(doc, tuple(project.annotations(doc.id)))
    changes = project.apply(delete)
    assert doc.id in changes.documents
    assert project.documents() == [] and project.annotations() == []
    project.apply(delete.inverse())
    assert project.corpus() == before


def test_an_unplaced_quote_can_be_deleted_and_the_delete_undone(project):
    doc = add_doc(project)
    lost = quote(doc, "Ann Lee arrived.")
    project.apply(AddAnnotation(lost))
    project.update_document_text(doc.id, TEXT.replace("🙂 Ann Lee arrived. ", ""))
    (unplaced,) = project.annotations(doc.id)
    assert not unplaced.placed and unplaced.quote == "Ann Lee arrived."
    delete = RemoveAnnotation(unplaced)
    project.apply(delete)
    assert project.annotations(doc.id) == []
    project.apply(delete.inverse())  # the old span does not fit the new text: kept unplaced
    assert project.annotations(doc.id) == [unplaced]
    assert project.orphaned(doc.id) == {lost.id}


def test_a_new_quote_must_still_match_its_text(project):
    doc = add_doc(project)
    wrong = replace(quote(doc, "Ann Lee arrived."), quote="Someone else")
    with pytest.raises(StoreError, match="does not match"):
        project.apply(AddAnnotation(wrong))
    # Offsets count code points (the emoji before the quote counts one), one quote or many.
    right = quote(doc, "Like a rock")
    shifted = replace(right, start=right.start + 1, end=right.end + 1)
    past_the_end = replace(right, start=len(TEXT) - 3, end=len(TEXT) + 8)
    for bad in (shifted, past_the_end, replace(right, end=right.start)):
        for edit in (AddAnnotation(bad), Batch(tuple(AddAnnotation(replace(bad, id=f"{bad.id}{n}"))
                                                     for n in range(6)))):  # fmt: skip
            with pytest.raises(StoreError, match="does not match"):
                project.apply(edit)
    missing = replace(right, document_id=doc.id + 1)
    with pytest.raises(StoreError, match="no document"):
        project.apply(AddAnnotation(missing))
    project.apply(AddAnnotation(right))
    assert project.annotations(doc.id) == [right]


def test_a_bulk_import_reads_back_exactly(project):
    from datetime import UTC, datetime

    from annotator.core.corpus import Corpus
    from annotator.store.apply import BULK_ROWS

    text = " ".join(f"“Quote {n}.”" for n in range(BULK_ROWS + 10))
    stamp = datetime(2021, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)
    quotes = []
    for n in range(BULK_ROWS + 10):
        start = text.index(f"“Quote {n}.”")
        quotes.append(Annotation.on(-1, text, start, start + len(f"“Quote {n}.”"),
                                    created=stamp, modified=stamp, devices=("metaphor",),
                                    confidence=0.5, why="because"))  # fmt: skip
    corpus = Corpus(
        documents=(Document(title="Many", text=text, id=-1),), annotations=tuple(quotes)
    )
    project.import_corpus(corpus)
    back = {a.quote: a for a in project.annotations()}
    for quote in quotes:
        got = back[quote.quote]
        assert (got.created, got.modified, got.devices, got.confidence, got.why) == (
            stamp,
            stamp,
            ("metaphor",),
            0.5,
            "because",
        )


def test_annotations_read_back_equal_what_was_written_field_by_field(project):
    from dataclasses import fields
    from datetime import UTC, datetime

    doc = add_doc(project)
    project.apply(AddSpeaker(Speaker(name="Ann Lee")))
    early = datetime(2020, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    written = [
        quote(doc, "We stand firm", speaker="Ann Lee", tone="confrontational",
              devices=("metaphor", "loaded language"), note="firm", created=early,
              modified=datetime(2022, 1, 1, tzinfo=UTC), annotator="kim"),
        quote(doc, "Like a rock", status=Status.SUGGESTED, confidence=0.25, why="a cue",
              devices=("simile",), created=early, modified=early),
    ]  # fmt: skip
    for annotation in written:
        project.apply(AddAnnotation(annotation))
    read = project.annotations(doc.id)
    assert read == written
    for got, want in zip(read, written, strict=True):
        for field in fields(Annotation):
            assert getattr(got, field.name) == getattr(want, field.name), field.name
        assert got.created.tzinfo is not None and type(got.status) is Status
        assert replace(got, note="changed").note == "changed" and hash(got) == hash(want)
    # One of them, by id, and only the suggested ones.
    assert project.annotations(ids=[written[1].id]) == [written[1]]
    assert project.annotations(doc.id, statuses=frozenset({Status.SUGGESTED})) == [written[1]]


def test_quote_summaries_hold_the_shown_fields_of_the_annotations(project):
    from annotator.core.listing import QuoteSummary

    doc = add_doc(project)
    other = project.add_document(Document(title="Other", text="“Elsewhere,” he said."))
    project.apply(AddSpeaker(Speaker(name="Ann Lee")))
    written = [
        quote(doc, "Like a rock", status=Status.SUGGESTED, confidence=0.25, why="a cue",
              devices=("simile", "metaphor")),
        quote(doc, "We stand firm", speaker="Ann Lee", tone="confrontational", note="firm"),
        quote(doc, "We stand", devices=("loaded language",)),  # nested, same start
        quote(other, "Elsewhere"),
    ]  # fmt: skip
    for annotation in written:
        project.apply(AddAnnotation(annotation))
    project.update_document_text(doc.id, TEXT.replace("Like a rock", "Like a stone"))
    for document_id in (doc.id, other.id, None):
        full = project.annotations(document_id)
        summaries = project.quote_summaries(document_id)
        assert summaries == [QuoteSummary.of(a) for a in full]  # the same reading order
    shown = {s.id: s for s in project.quote_summaries(doc.id)}
    rock = shown[written[0].id]
    assert not rock.placed and rock.status is Status.SUGGESTED
    assert rock.devices == ("simile", "metaphor") and rock.confidence == 0.25
    assert shown[written[1].id].speaker == "Ann Lee" and shown[written[1].id].note == "firm"
    picked = project.quote_summaries(ids=[written[3].id, written[2].id])
    assert [s.id for s in picked] == [written[2].id, written[3].id]


def test_quote_summaries_sliced_from_the_text_equal_those_read(project):
    """Given the document's text, placed quotes are sliced from it and an unplaced one
    keeps its stored text, which the new text no longer holds at its old span."""
    doc = add_doc(project)
    written = [
        quote(doc, "Like a rock", note="cue"),
        quote(doc, "We stand firm"),
        quote(doc, "🙂 Ann"),
    ]
    for annotation in written:
        project.apply(AddAnnotation(annotation))
    new_text = TEXT.replace("Like a rock", "Like a stone")
    project.update_document_text(doc.id, new_text)
    text = project.document(doc.id).text
    sliced = project.quote_summaries(doc.id, text=text)
    assert sliced == project.quote_summaries(doc.id)
    lost = next(s for s in sliced if not s.placed)
    assert lost.quote == "Like a rock" != text[lost.start : lost.end]
    assert all(s.quote == text[s.start : s.end] for s in sliced if s.placed)
    picked = project.quote_summaries(doc.id, ids=[written[1].id], text=text)
    assert picked == project.quote_summaries(ids=[written[1].id])
    with pytest.raises(ValueError):
        project.quote_summaries(text=text)


def test_quote_summaries_sliced_from_the_text_keep_reading_order_and_their_document(project):
    """Quotes added out of order come back by start, then end; only the given document's,
    each with that document's id and a placed flag that is a plain bool."""
    doc = add_doc(project)
    other = project.add_document(Document(title="Later", text="Ann Lee left."))
    written = [quote(doc, "Like a rock"), quote(doc, "We stand"), quote(doc, "We stand firm")]
    for annotation in [*written, quote(other, "Ann Lee")]:
        project.apply(AddAnnotation(annotation))
    ids = [a.id for a in written]
    sliced = project.quote_summaries(doc.id, text=TEXT)
    assert [s.quote for s in sliced] == ["We stand", "We stand firm", "Like a rock"]
    assert {s.document_id for s in sliced} == {doc.id}
    assert all(s.placed is True for s in sliced)
    picked = project.quote_summaries(doc.id, ids=[*ids, "not-a-quote"], text=TEXT)
    assert picked == sliced


def _devices_in_any_order(opened: Project) -> None:
    """Quotes whose devices are listed unlike the codebook's order, a dozen for one of
    them, read as quote summaries the way the full annotations read them."""
    from annotator.core.listing import QuoteSummary

    names = [c.name for c in opened.codebook().devices]
    doc = add_doc(opened)
    lists = [tuple(reversed(names[:12])), names[3:5], (names[7], names[0], names[2]), ()]
    written = [
        quote(doc, needle, devices=tuple(devices))
        for needle, devices in zip(
            ("Ann", "We stand firm", "Like a rock", "she"), lists, strict=True
        )
    ]
    for annotation in written:
        opened.apply(AddAnnotation(annotation))
    summaries = opened.quote_summaries(doc.id)
    assert [s.devices for s in summaries] == [tuple(d) for d in lists]
    assert summaries == [QuoteSummary.of(a) for a in opened.annotations(doc.id)]
    assert opened.quote_summaries(ids=[written[2].id])[0].devices == tuple(lists[2])


def test_quote_summaries_read_devices_in_their_order(project):
    _devices_in_any_order(project)


def test_quote_summaries_read_devices_in_their_order_on_postgres(postgres_url):
    with Project(postgres_url) as team:
        _devices_in_any_order(team)
