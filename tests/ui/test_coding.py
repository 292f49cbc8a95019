"""The keyboard coding workflow: mark, attribute, tone, devices, undo/redo, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core import Speaker
from annotator.core.edits import AddSpeaker
from tests.ui.conftest import ARTICLE

QUOTE = "we came here with open hands"


def mark(qtbot, window, start: int, end: int):
    window.view.select_range(start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    return window.selected()


def test_selection_and_q_marks_a_quote_snapped_to_words(qtbot, window, project):
    start = ARTICLE.index(QUOTE)
    created = mark(qtbot, window, start + 1, start + len(QUOTE) - 3)  # mid-word both ends
    assert created is not None
    assert (created.start, created.end, created.quote) == (start, start + len(QUOTE), QUOTE)
    stored = project.annotations(window.document_id)
    assert [a.quote for a in stored] == [QUOTE]
    assert stored[0].status.value == "accepted" and stored[0].annotator == "tester"
    assert window.actions_by_id["undo"].text().replace("&", "") == "Undo Add quote"


def test_enter_also_marks_the_selection(qtbot, window, project):
    start = ARTICLE.index("Analysts")
    window.view.select_range(start, start + 8)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert [a.quote for a in project.annotations(window.document_id)] == ["Analysts"]


def test_speaker_by_keyboard_new_name_then_alias(qtbot, window, project):
    start = ARTICLE.index(QUOTE)
    mark(qtbot, window, start, start + len(QUOTE))
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    field = window.inspector.speaker.lineEdit()
    assert field.hasFocus()
    qtbot.keyClicks(field, "Anna Lindqvist")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.selected().speaker == "Anna Lindqvist"
    assert project.find_speaker("Anna Lindqvist") is not None
    assert window.view.hasFocus()  # back to the text, ready for the next key

    # One undo takes back both the new speaker and the attribution.
    window.edits.stack.undo()
    assert window.selected().speaker is None
    assert project.find_speaker("Anna Lindqvist") is None
    window.edits.stack.redo()
    assert window.selected().speaker == "Anna Lindqvist"

    # An alias resolves to the canonical speaker; no new speaker is made.
    project.apply(AddSpeaker(Speaker("Dmitri Volkan", aliases=("Volkan", "the minister"))))
    window.refresh_all()
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    field.clear()
    qtbot.keyClicks(field, "the minister")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.selected().speaker == "Dmitri Volkan"
    assert sorted(s.name for s in project.speakers()) == ["Anna Lindqvist", "Dmitri Volkan"]


def test_tone_by_digit_devices_by_letter_each_undoable(qtbot, window, project):
    start = ARTICLE.index(QUOTE)
    mark(qtbot, window, start, start + len(QUOTE))
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # conciliatory
    qtbot.keyClick(window.view, Qt.Key.Key_M)  # metaphor
    qtbot.keyClick(window.view, Qt.Key.Key_H)  # hyperbole
    stored = project.annotations(window.document_id)[0]
    assert stored.tone == "conciliatory"
    assert stored.devices == ("metaphor", "hyperbole")
    assert window.inspector.tone.currentData() == "conciliatory"

    stack = window.edits.stack
    assert stack.undoText() == "Add hyperbole"
    stack.undo()
    assert project.annotations(window.document_id)[0].devices == ("metaphor",)
    stack.undo()
    assert project.annotations(window.document_id)[0].devices == ()
    stack.undo()
    assert project.annotations(window.document_id)[0].tone is None
    for _ in range(3):
        stack.redo()
    stored = project.annotations(window.document_id)[0]
    assert (stored.tone, stored.devices) == ("conciliatory", ("metaphor", "hyperbole"))

    qtbot.keyClick(window.view, Qt.Key.Key_M)  # toggles metaphor off again
    assert project.annotations(window.document_id)[0].devices == ("hyperbole",)


def test_delete_and_undo(qtbot, window, project):
    start = ARTICLE.index(QUOTE)
    mark(qtbot, window, start, start + len(QUOTE))
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert project.annotations(window.document_id) == []
    assert window.selected() is None
    window.edits.stack.undo()
    assert [a.quote for a in project.annotations(window.document_id)] == [QUOTE]


def test_shift_arrows_move_the_edges(qtbot, window, project):
    start = ARTICLE.index("came here")
    mark(qtbot, window, start, start + len("came here"))
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.selected().quote == "we came here"
    qtbot.keyClick(
        view,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    assert window.selected().quote == "we came here with"
    qtbot.keyClick(
        view,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert project.annotations(window.document_id)[0].quote == "came here"


def test_extend_to_curly_quotation_marks(qtbot, window, project):
    start = ARTICLE.index("believes")
    mark(qtbot, window, start, start + len("believes"))
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    assert window.selected().quote == "“Nobody believes that story any more.”"


def test_j_and_k_walk_through_quotes(qtbot, window):
    first, second = ARTICLE.index("came"), ARTICLE.index("Nobody")
    mark(qtbot, window, first, first + 4)
    mark(qtbot, window, second, second + 6)
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    assert window.selected().quote == "came"
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert window.selected().quote == "Nobody"


def test_codebook_keys_that_clash_are_left_unbound():
    """An imported codebook may give a device N (next suggestion) or two codes one key: such
    a key is not bound, so N still moves to the next suggestion and 7 still sets one tone."""
    from annotator.core import Code, Codebook, CodeKind
    from annotator.ui.actions import codebook_specs

    codebook = Codebook(
        tones=(Code(CodeKind.TONE, "angry", shortcut="7"), Code(CodeKind.TONE, "calm", shortcut="7")),
        devices=(Code(CodeKind.DEVICE, "metaphor", shortcut="n"), Code(CodeKind.DEVICE, "irony", shortcut="i")),
    )  # fmt: skip
    keys = {spec.text: spec.shortcuts for spec in codebook_specs(codebook)}
    assert keys == {
        "angry": ("7",),
        "calm": (),
        "Toggle metaphor": (),
        "Toggle irony": ("I",),
    }
