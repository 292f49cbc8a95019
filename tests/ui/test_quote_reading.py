"""A document opens with its quotes as shown; the selected one, and the whole list when a
command needs it, are read in full and follow every edit, undo and redo."""

from __future__ import annotations

from annotator.core import Annotation, Status
from annotator.core.edits import AddAnnotation, UpdateAnnotation
from annotator.core.listing import QuoteSummary
from tests.ui.conftest import ARTICLE


def _add(window, article, needle: str, **values) -> Annotation:
    start = ARTICLE.index(needle)
    annotation = Annotation.on(article.id, ARTICLE, start, start + len(needle), **values)
    window.edits.run(AddAnnotation(annotation))
    return annotation


def test_the_selected_quote_is_read_in_full(window, project, article) -> None:
    rival = _add(window, article, "Nobody believes", note="doubt", annotator="kim")
    window.open_document(None)
    window.open_document(article.id)
    assert window.quotes == [QuoteSummary.of(rival)]
    window.select_annotation(rival.id)
    selected = window.selected()
    assert selected == project.annotation(rival.id) and selected.prefix == rival.prefix
    assert window.inspector.annotation == selected
    window.edits.run(UpdateAnnotation.between(selected, note="sure"))
    assert window.selected() is not None and window.selected().note == "sure"
    assert window.inspector.annotation == window.selected()


def test_the_full_list_follows_edits_undo_and_redo(window, project, article) -> None:
    _add(window, article, "we came here")
    assert window.annotations == project.annotations(article.id)  # read now, then kept
    _add(window, article, "Analysts", status=Status.SUGGESTED)
    _add(window, article, "Talks end")
    for step in ("edit", "undo", "undo", "redo"):
        if step == "undo":
            window.edits.stack.undo()
        elif step == "redo":
            window.edits.stack.redo()
        stored = project.annotations(article.id)
        assert window.annotations == stored, step
        assert window.quotes == [QuoteSummary.of(a) for a in stored], step
    assert window.counts.text().startswith("This document: 2 quotes (1 suggested)")


def test_next_quote_steps_through_the_shown_quotes(window, article) -> None:
    first = _add(window, article, "Talks end")
    second = _add(window, article, "we came here")
    window.select_annotation(None)
    window.view.moveCursor(window.view.textCursor().MoveOperation.Start)
    window.coding.next_quote()
    assert window.selected_id == first.id
    window.coding.next_quote()
    assert window.selected_id == second.id
    window.coding.previous_quote()
    assert window.selected_id == first.id
