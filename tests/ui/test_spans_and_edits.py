"""The Qt-free parts of the workspace: span index, word and quote snapping, edit builders."""

from __future__ import annotations

from annotator.app import coding
from annotator.core import Annotation, Code, CodeKind, Speaker
from annotator.core.edits import (
    AddSpeaker,
    Batch,
    RemoveCode,
    RemoveSpeaker,
    UpdateAnnotation,
    UpdateSpeaker,
)
from annotator.ui.span_index import SpanIndex
from annotator.ui.text_spans import enclosing_quote, snap_to_words

TEXT = "😀 She said «we will not bargain» and left."


def quote(start: int, end: int, **values) -> Annotation:
    return Annotation.on(1, TEXT, start, end, **values)


def test_span_index_works_in_utf16_and_knows_nesting():
    outer = quote(TEXT.index("«"), TEXT.index("»") + 1)
    inner = quote(TEXT.index("not"), TEXT.index("not") + 3)
    index = SpanIndex(TEXT, [inner, outer])
    spans = index.spans()
    assert [s.annotation for s in spans] == [outer, inner]
    assert [s.depth for s in spans] == [0, 1]
    assert spans[0].start == outer.start + 1  # the emoji counts two in UTF-16
    assert [s.annotation for s in index.at(index.to_view(inner.start))] == [inner, outer]
    assert index.overlapping(0, 5) == []
    assert len(index.overlapping(0, len(TEXT) + 1)) == 2
    assert index.to_text(index.to_view(inner.end)) == inner.end


def test_snap_to_words_and_quotation_marks():
    start = TEXT.index("will")
    assert snap_to_words(TEXT, start + 1, start + 3) == (start, start + 4)
    assert snap_to_words(TEXT, start - 1, start + 4) == (start, start + 4)  # trims the space
    assert enclosing_quote(TEXT, start, start + 4) == (TEXT.index("«"), TEXT.index("»") + 1)
    straight = 'One "two three" four "five"'
    assert enclosing_quote(straight, straight.index("four"), straight.index("four") + 4) is None
    assert enclosing_quote(straight, straight.index("five"), straight.index("five") + 4) == (21, 27)
    german = "Er sagte „wir gehen“ heute."
    assert enclosing_quote(german, german.index("wir"), german.index("wir") + 3) == (9, 20)
    assert enclosing_quote("It's Kestrel's way", 5, 12) is None


def test_attribute_to_a_new_speaker_is_one_batch():
    annotation = quote(3, 7)
    edit = coding.attribute(annotation, "  Anna Lindqvist ", [])
    assert isinstance(edit, Batch)
    assert isinstance(edit.edits[0], AddSpeaker) and edit.edits[0].speaker.name == "Anna Lindqvist"
    known = [Speaker("Anna Lindqvist", aliases=("Lindqvist",))]
    by_alias = coding.attribute(annotation, "lindqvist", known)
    assert isinstance(by_alias, UpdateAnnotation)
    assert by_alias.changes == (("speaker", None, "Anna Lindqvist"),)
    assert coding.attribute(quote(3, 7, speaker="Anna Lindqvist"), "Lindqvist", known) is None
    # A surname alone names the one speaker who has it, as on the command line.
    by_surname = coding.attribute(annotation, "LINDQVIST", [Speaker("Anna Lindqvist")])
    assert isinstance(by_surname, UpdateAnnotation)
    assert by_surname.changes == (("speaker", None, "Anna Lindqvist"),)


def test_tone_toggles_and_devices_toggle():
    annotation = quote(3, 7, tone="warning", devices=("metaphor",))
    assert coding.set_tone(annotation, "warning").changes == (("tone", "warning", None),)
    assert coding.toggle_device(annotation, "metaphor").changes == (("devices", ("metaphor",), ()),)
    assert coding.toggle_device(annotation, "irony").changes[0][2] == ("metaphor", "irony")


def test_merge_and_delete_build_reassignments_then_removal():
    anna, lindqvist = Speaker("Anna Lindqvist"), Speaker("A. Lindqvist", aliases=("Anna L.",))
    quotes = [quote(3, 7, speaker="A. Lindqvist"), quote(8, 12, speaker="Anna Lindqvist")]
    merge = coding.merge_speakers(anna, [lindqvist], quotes)
    kinds = [type(e) for e in merge.edits]
    assert kinds == [UpdateAnnotation, RemoveSpeaker, UpdateSpeaker]
    assert merge.edits[2].changes == (("aliases", (), ("A. Lindqvist", "Anna L.")),)
    delete = coding.delete_speaker(anna, quotes, None)
    assert [type(e) for e in delete.edits] == [UpdateAnnotation, RemoveSpeaker]
    tone = Code(CodeKind.TONE, "warning")
    dropped = coding.delete_code(tone, [quote(3, 7, tone="warning")], "confrontational")
    assert dropped.edits[0].changes == (("tone", "warning", "confrontational"),)
    assert isinstance(dropped.edits[-1], RemoveCode)
