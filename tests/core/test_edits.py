import pytest

from annotator.core import Annotation, Speaker
from annotator.core.edits import (
    AddAnnotation,
    AddSpeaker,
    Batch,
    RemoveAnnotation,
    UpdateAnnotation,
    UpdateSpeaker,
)


def test_update_inverse_swaps_old_and_new_and_double_inverse_is_identity():
    a = Annotation.on(1, "He said “yes”.", 8, 13, tone="neutral")
    edit = UpdateAnnotation.between(a, tone="warning", devices=("simile",))
    assert edit.changes == (("tone", "neutral", "warning"), ("devices", (), ("simile",)))
    assert edit.inverse().changes == (("tone", "warning", "neutral"), ("devices", ("simile",), ()))
    assert edit.inverse().inverse() == edit


def test_between_skips_fields_that_do_not_change():
    a = Annotation.on(1, "He said “yes”.", 8, 13, tone="neutral")
    assert UpdateAnnotation.between(a, tone="neutral").changes == ()


def test_unknown_field_is_refused():
    with pytest.raises(ValueError):
        UpdateAnnotation("x", (("quote", "a", "b"),))


def test_rename_inverse_looks_the_speaker_up_by_its_new_name():
    rename = UpdateSpeaker("Truss", (("name", "Truss", "Liz Truss"),))
    assert rename.inverse() == UpdateSpeaker(
        "Liz Truss", (("name", "Liz Truss", "Truss"),), rename.label
    )


def test_batch_inverse_undoes_in_reverse_order():
    a = Annotation.on(1, "He said “yes”.", 8, 13, speaker="Ann")
    batch = Batch((AddSpeaker(Speaker("Ann")), AddAnnotation(a)), "Add quote")
    undo = batch.inverse()
    assert isinstance(undo, Batch)
    assert isinstance(undo.edits[0], RemoveAnnotation)
    assert undo.edits[1].inverse() == batch.edits[0]
    assert undo.label == "Add quote"
