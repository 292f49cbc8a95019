"""Team work in the workspace: merge, agreement (same figures as the CLI), compare by keys."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from PySide6.QtCore import Qt

from annotator.cli import main
from annotator.core import Document
from annotator.store import Project
from tests.app.test_team import TEXT, code


@pytest.fixture
def merged(qtbot, make_window, tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_NAME", "ann")
    mine = Project(str(tmp_path / "ann.speechmark"))
    mine.add_document(Document(title="Border", text=TEXT))
    code(mine, "ann", [
        (0, "Lee", "warning", ("metaphor",)), (1, "Kim", "warning", ()),
        (2, "Lee", "confrontational", ()), (4, "Kim", "confrontational", ()),
    ])  # fmt: skip
    with Project(str(tmp_path / "bob.speechmark")) as bob:
        bob.add_document(Document(title="Border", text=TEXT))
        code(bob, "bob", [
            (0, "Lee", "warning", ("metaphor",)), (1, "Ray", "warning", ()),
            (2, "Lee", "warning", ()), (3, "Aide", "neutral", ()),
        ])  # fmt: skip
    window = make_window(mine)
    window.prompts.answers.append(str(tmp_path / "bob.speechmark"))
    window.team.merge_colleague()
    yield window, mine
    mine.close()


def test_merge_is_one_undo_step_and_agreement_matches_the_cli(qtbot, merged):
    window, mine = merged
    assert {a.annotator for a in mine.annotations()} == {"ann", "bob"}
    window.actions_by_id["agreement"].trigger()
    shown = window.team.last_agreement
    printed = CliRunner().invoke(
        main, ["--project", mine.location, "agreement", "--me", "ann", "--format", "json"]
    )
    assert json.loads(printed.output) == shown.as_dict()
    assert window.team.agreement_dialog.table.item(0, 0).text() == "quote boundaries"
    window.actions_by_id["undo"].trigger()  # the merge goes away in one step
    assert {a.annotator for a in mine.annotations()} == {"ann"}


def test_compare_by_keyboard_theirs_mine_edit_and_undo(qtbot, merged):
    window, mine = merged
    window.actions_by_id["compare"].trigger()
    panel = window.compare_panel
    assert window.compare_dock.isVisible() and panel.list.hasFocus()
    kinds = [d.differences for d in panel.items]
    assert kinds == [("speaker",), ("tone",), ("only theirs",), ("only mine",)]
    # T: take theirs for Kim/Ray: my quote goes, Bob's stays.
    qtbot.keyClick(panel.list, Qt.Key.Key_T)
    speakers = sorted((a.annotator, a.speaker) for a in mine.annotations() if "Nobody" in a.quote)
    assert speakers == [("bob", "Ray")]
    assert [d.differences for d in panel.items] == [("tone",), ("only theirs",), ("only mine",)]
    # M: keep mine for the tone: Bob's version goes.
    qtbot.keyClick(panel.list, Qt.Key.Key_M)
    border = [a for a in mine.annotations() if "border is ours" in a.quote]
    assert [(a.annotator, a.tone) for a in border] == [("ann", "confrontational")]
    # E on "only theirs" (the aide's quote): nothing of mine to edit, Bob's is kept.
    qtbot.keyClick(panel.list, Qt.Key.Key_E)
    assert window.selected().speaker == "Aide" and window.inspector.speaker.hasFocus()
    assert any(a.speaker == "Aide" for a in mine.annotations())
    panel.list.setFocus()
    assert [d.differences for d in panel.items] == [("only mine",)]
    # Undo brings the last real decision back: Bob's tone is open again.
    window.actions_by_id["undo"].trigger()
    assert [d.differences for d in panel.items][0] == ("tone",)
    # E keeps mine and puts the caret in the speaker box to fix it.
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_E)
    assert window.inspector.speaker.hasFocus()
    assert window.selected().annotator == "ann"
