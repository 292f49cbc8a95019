"""Suggestions in the workspace: run, undo as one step, rerun, reject, accept all, review."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.app.suggesting import run_summary
from annotator.core import Document, Status
from annotator.io.sample import sample_document
from annotator.store import Project
from annotator.store.suggestions import SuggestionReport
from annotator.ui.document_view import describe
from tests.ui.conftest import press

SECOND = (
    'Mayor Laura Kim said "the bridge will open in May" at a briefing. '
    '"We have the money and the people," Kim added.'
)


def run_and_wait(qtbot, window, corpus: bool = False) -> None:
    window.actions_by_id["suggest_corpus" if corpus else "suggest_document"].trigger()
    qtbot.waitUntil(
        lambda: window.suggestions.suggest_run is None and window.suggestions.suggest_thread is None
    )


def open_suggestions(project: Project, document_id: int):
    return [a for a in project.annotations(document_id) if a.status is Status.SUGGESTED]


@pytest.fixture
def sample(make_window, project: Project):
    document = project.add_document(sample_document())
    return make_window(project), document


def test_a_run_adds_suggestions_as_one_undo_step(qtbot, sample, project):
    window, document = sample
    run_and_wait(qtbot, window)
    added = open_suggestions(project, document.id)
    assert len(added) >= 10
    assert all(a.why and a.confidence for a in added)
    assert {a.id for a in window.annotations} == {a.id for a in added}
    assert window.suggestions.last_suggest_summary.startswith(
        f"{len(added)} new suggestions in 1 document"
    )
    # Shown as suggestions: in the view's index with their status, and in the corpus list.
    span = window.view.index.span_of(added[0].id)
    assert span is not None and span.annotation.status is Status.SUGGESTED
    assert window.corpus_panel.model.rows[0].suggested == len(added)

    stack = window.edits.stack
    assert stack.count() == 1 and stack.undoText() == "Suggest quotes"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.annotations(document.id) == []
    assert window.annotations == [] and window.corpus_panel.model.rows[0].suggested == 0
    stack.redo()
    assert {a.id for a in project.annotations(document.id)} == {a.id for a in added}
    assert window.view.index.span_of(added[0].id) is not None


def test_running_again_adds_nothing_and_a_rejected_one_stays_rejected(qtbot, sample, project):
    window, document = sample
    run_and_wait(qtbot, window)
    first = {a.id for a in project.annotations(document.id)}

    press(window.view, Qt.Key.Key_N, "n")
    chosen = window.selected()
    assert chosen is not None and chosen.status is Status.SUGGESTED
    press(window.view, Qt.Key.Key_Backspace)
    assert project.annotation(chosen.id).status is Status.REJECTED

    run_and_wait(qtbot, window)
    again = project.annotations(document.id)
    assert {a.id for a in again} == first
    assert next(a for a in again if a.id == chosen.id).status is Status.REJECTED
    assert window.suggestions.last_suggest_summary.startswith("No new suggestions")
    assert window.edits.stack.undoText() == "Reject quote"  # the empty run is no undo step


def test_enter_accepts_keeping_speaker_tone_and_devices(qtbot, sample, project):
    window, _document = sample
    run_and_wait(qtbot, window)
    press(window.view, Qt.Key.Key_N, "n")
    before = window.selected()
    press(window.view, Qt.Key.Key_Return, "\r")
    after = project.annotation(before.id)
    assert after.status is Status.ACCEPTED
    assert (after.speaker, after.tone, after.devices) == (
        before.speaker,
        before.tone,
        before.devices,
    )
    window.edits.stack.undo()
    assert project.annotation(before.id).status is Status.SUGGESTED


def test_accept_all_accepts_every_open_suggestion_in_one_step(qtbot, sample, project):
    window, document = sample
    run_and_wait(qtbot, window)
    press(window.view, Qt.Key.Key_N, "n")
    rejected = window.selected().id
    press(window.view, Qt.Key.Key_Backspace)
    # Review moves on to the next open suggestion.
    assert window.selected().id != rejected and window.selected().status is Status.SUGGESTED
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    statuses = {a.id: a.status for a in project.annotations(document.id)}
    assert statuses.pop(rejected) is Status.REJECTED
    assert set(statuses.values()) == {Status.ACCEPTED}
    assert window.corpus_panel.model.rows[0].suggested == 0
    assert "(" not in window.counts.text()  # no "(n suggested)" any more
    window.edits.stack.undo()
    assert len(open_suggestions(project, document.id)) == len(statuses)


def test_n_walks_through_open_suggestions_only(qtbot, sample, project):
    window, _document = sample
    run_and_wait(qtbot, window)
    ordered = sorted(window.annotations, key=lambda a: a.start)
    press(window.view, Qt.Key.Key_N, "n")
    assert window.selected_id == ordered[0].id
    press(window.view, Qt.Key.Key_Return, "\r")  # accepted: N now skips it
    press(window.view, Qt.Key.Key_N, "n")
    assert window.selected_id == ordered[1].id
    press(window.view, Qt.Key.Key_N, "n")
    assert window.selected_id == ordered[2].id
    for _ in range(len(ordered) - 3):
        press(window.view, Qt.Key.Key_N, "n")
    assert window.selected_id == ordered[-1].id
    press(window.view, Qt.Key.Key_N, "n")  # wraps round, past the accepted first one
    assert window.selected_id == ordered[1].id


def test_inspector_and_tooltip_show_confidence_and_why(qtbot, sample):
    window, _document = sample
    run_and_wait(qtbot, window)
    press(window.view, Qt.Key.Key_N, "n")
    chosen = window.selected()
    text = window.inspector.why.text()
    assert window.inspector.why.isVisible()
    assert f"{chosen.confidence:.0%} confident" in text
    assert chosen.why.split(";")[0].replace('"', "&quot;") in text
    tip = describe([window.view.index.span_of(chosen.id)])
    assert "Why:" in tip and "Confidence:" in tip


def test_corpus_run_is_one_step_and_n_moves_to_the_next_document(
    qtbot, make_window, project, article
):
    second = project.add_document(Document(title="Bridge", text=SECOND))
    window = make_window(project)
    window.open_document(article.id)
    run_and_wait(qtbot, window, corpus=True)
    counts = {r.id: r.suggested for r in window.corpus_panel.model.rows}
    assert counts[article.id] >= 1 and counts[second.id] >= 1
    assert window.edits.stack.count() == 1
    assert "in 2 documents" in window.suggestions.last_suggest_summary
    speaker = project.find_speaker("Kim")
    assert speaker is not None and speaker.name == "Laura Kim"

    for _ in range(counts[article.id]):
        press(window.view, Qt.Key.Key_N, "n")
    assert window.document_id == article.id
    press(window.view, Qt.Key.Key_N, "n")  # none left here: on to the next document
    assert window.document_id == second.id
    assert window.selected().status is Status.SUGGESTED

    window.edits.stack.undo()
    assert project.annotations() == [] and project.find_speaker("Laura Kim") is None


def test_cancel_keeps_the_documents_already_done(qtbot, make_window, project, article, monkeypatch):
    second = project.add_document(Document(title="Bridge", text=SECOND))
    window = make_window(project)

    def on_this_thread(worker, _owner, stopped):
        # Cancel as soon as the first document's suggestions are in.
        worker.found.connect(lambda *_: undo_while_running.append(undo.isEnabled()))
        worker.found.connect(lambda *_: window.suggestions._cancel_suggesting())
        worker.run()
        stopped()

    undo, undo_while_running = window.actions_by_id["undo"], []
    monkeypatch.setattr("annotator.ui.suggest_controller.start_worker", on_this_thread)
    window.suggestions.suggest_in_corpus()
    assert window.suggestions.suggest_run is None
    assert open_suggestions(project, article.id) and not project.annotations(second.id)
    assert window.edits.stack.count() == 1
    assert window.suggestions.last_suggest_summary.endswith("cancelled after 1 of 2 documents.")
    assert undo_while_running == [False] and undo.isEnabled()


def test_summary_sentence():
    reports = [SuggestionReport(1, 12, 4, 2), SuggestionReport(2, 0, 0, 0)]
    assert (
        run_summary(reports, 2)
        == "12 new suggestions in 1 document, 4 already marked, 2 new speakers."
    )
    assert run_summary([SuggestionReport(1, 0, 3, 0)], 5, cancelled=True) == (
        "No new suggestions (3 already marked); cancelled after 1 of 5 documents."
    )


def test_suggest_actions_are_in_the_menu_toolbar_and_shortcut_sheet(window):
    rows = {(menu, command): keys for menu, command, keys in window.views.shortcut_rows()}
    assert rows[("Suggest", "Suggest quotes in this document")] == "Ctrl+G"
    assert rows[("Suggest", "Suggest quotes in all documents")] == "Ctrl+Shift+G"
    assert rows[("Suggest", "Accept all suggestions in this document")] == "Ctrl+Shift+A"
    assert rows[("Suggest", "Next suggestion")] == "N"
    toolbar = {a.objectName() for a in window.toolbar.actions()}
    assert {"suggest_document", "suggest_corpus", "accept_all"} <= toolbar
