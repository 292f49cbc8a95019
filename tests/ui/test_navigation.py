"""Finding, clicking, hovering and removing documents."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication

from annotator.core import Document
from annotator.ui.document_view import describe
from annotator.ui.find import find_in_corpus
from annotator.ui.models import ROW_ROLE
from tests.ui.conftest import ARTICLE


def mark(qtbot, window, words: str) -> None:
    start = ARTICLE.index(words)
    window.view.select_range(start, start + len(words))
    qtbot.keyClick(window.view, Qt.Key.Key_Q)


def point_of(window, index: int) -> QPoint:
    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(view.index.to_view(index))
    return view.cursorRect(cursor).center()


def test_click_selects_the_quote_and_hover_describes_it(qtbot, window):
    mark(qtbot, window, "we came here with open hands")
    window.coding.set_speaker("Anna Lindqvist")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    window.select_annotation(None)
    inside = point_of(window, ARTICLE.index("open hands") + 2)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert window.selected() is not None and window.selected().quote.startswith("we came")
    spans = window.view.spans_at(inside)
    text = describe(spans)
    assert "Anna Lindqvist" in text and "confrontational" in text
    outside = point_of(window, ARTICLE.index("Analysts") + 2)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=outside)
    assert window.selected() is None
    event = QHelpEvent(QHelpEvent.Type.ToolTip, inside, window.view.viewport().mapToGlobal(inside))
    assert QApplication.sendEvent(window.view, event)


def test_find_in_document_marks_every_hit(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "the")
    assert len(window.find_bar.hits) == ARTICLE.casefold().count("the")
    assert len(window.view.extraSelections()) == len(window.find_bar.hits)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    start, end = window.find_bar.hits[0]
    assert window.view.selected_range() == (start, end)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.view.extraSelections() == []


def test_find_in_corpus_jumps_to_the_hit(qtbot, window, project):
    other = project.add_document(
        Document(title="Second", text="Nothing here.\nThe envoy spoke of peace.")
    )
    window.refresh_all()
    hits = find_in_corpus(project.documents(), "PEACE")
    assert [(h.document_id, h.title) for h in hits] == [(other.id, "Second")]
    window.views.show_hit(hits[0])
    assert window.document_id == other.id
    assert window.view.selected_range() == (hits[0].start, hits[0].end)


def test_del_in_the_corpus_list_deletes_the_document_after_asking(qtbot, window, project):
    second = project.add_document(Document(title="Second", text="Another article."))
    window.refresh_all()
    table = window.corpus_panel.table
    window.corpus_panel.mark_current(second.id)
    table.setFocus()
    window.prompts.confirmations.append(False)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(project.summaries()) == 2
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [s.title for s in project.summaries()] == ["Talks end in acrimony"]
    assert len(window.corpus_panel.model.rows) == 1


def test_export_menu_offers_each_working_format_and_writes_it(qtbot, window, tmp_path):
    from annotator.io.formats import available_formats

    labels = [a.text() for a in window.export_menu.actions()]
    assert labels == [f"{f.label}…" for f in available_formats().values()]
    target = tmp_path / "corpus.jsonl"
    window.prompts.answers.append(str(target))
    window.files.export(available_formats()["jsonl"])
    assert target.exists() and "Talks end in acrimony" in target.read_text("utf-8")


def test_deleting_the_open_document_shows_another_and_undo_brings_it_back(
    qtbot, window, project, article
):
    from annotator.core import Annotation
    from annotator.core.edits import AddAnnotation

    start = article.text.index("“Nobody")
    project.apply(AddAnnotation(Annotation.on(article.id, article.text, start, start + 37)))
    second = project.add_document(Document(title="Second", text="Another article."))
    window.refresh_all()
    window.open_document(article.id)
    window.corpus_panel.mark_current(article.id)
    window.files.delete_document()
    assert [s.title for s in project.summaries()] == ["Second"]
    assert window.document_id == second.id
    window.edits.stack.undo()
    assert [s.title for s in project.summaries()] == ["Talks end in acrimony", "Second"]
    assert [a.quote for a in project.annotations(article.id)] == [article.text[start : start + 37]]
    window.edits.stack.redo()
    assert [s.title for s in project.summaries()] == ["Second"]


def test_undo_and_redo_open_the_document_they_change_and_select_its_quote(
    qtbot, window, project, article
):
    second = project.add_document(Document(title="Second", text="Another article."))
    window.refresh_all()
    window.open_document(article.id)
    mark(qtbot, window, "we came here with open hands")
    quote = window.selected_id
    window.coding.set_speaker("Anna Lindqvist")
    window.open_document(second.id)
    window.edits.stack.undo()  # takes the speaker back, in the first article
    assert window.document_id == article.id
    assert window.selected_id == quote and window.selected().speaker is None
    window.open_document(second.id)
    window.edits.stack.redo()
    assert window.document_id == article.id and window.selected().speaker == "Anna Lindqvist"
    window.open_document(second.id)
    window.edits.stack.undo()
    window.edits.stack.undo()  # the quote itself goes: its document shows, nothing selected
    assert window.document_id == article.id and window.annotations == []
    assert window.selected_id is None


def test_a_quote_lost_by_a_reimport_is_flagged_not_highlighted(qtbot, window, project, article):
    from annotator.core import Annotation
    from annotator.core.edits import AddAnnotation

    words = "Analysts were divided on what comes next."
    start = article.text.index(words)
    project.apply(AddAnnotation(Annotation.on(article.id, article.text, start, start + len(words))))
    mark(qtbot, window, "we came here with open hands")
    # The new version is much shorter: the lost quote's old span lies beyond its end.
    project.update_document_text(article.id, article.text[: article.text.index("Analysts")])
    window.document = None
    window.open_document(article.id)
    lost = next(a for a in window.annotations if not a.placed)
    assert [s.annotation.quote for s in window.view.index.spans()] == [
        "we came here with open hands"
    ]
    model = window.table.model
    positions = [model.index(r, 6).data() for r in range(model.rowCount())]
    assert "⚠ not in text" in positions
    window.jump_to(lost)
    assert window.selected_id == lost.id
    assert "Not found in this document" in window.inspector.why.text()
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.selected().start == lost.start  # its edges cannot be moved on the new text
    qtbot.keyClick(window.view, Qt.Key.Key_J)  # the next quote is the placed one
    assert window.selected().quote == "we came here with open hands"
    window.select_annotation(lost.id)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert all(a.placed for a in project.annotations(article.id))
    window.edits.stack.undo()
    assert lost in project.annotations(article.id)


def test_the_quote_table_follows_the_selected_quote(qtbot, window):
    mark(qtbot, window, "we came here with open hands")
    first = window.selected_id
    mark(qtbot, window, "Nobody believes that story any more.")
    table = window.table.table
    chosen = [i.data(ROW_ROLE).id for i in table.selectionModel().selectedRows()]
    assert chosen == [window.selected_id]
    window.select_annotation(first)
    assert [i.data(ROW_ROLE).id for i in table.selectionModel().selectedRows()] == [first]
    window.coding.set_speaker("Anna Lindqvist")  # the table is refilled: the row stays selected
    assert [i.data(ROW_ROLE).id for i in table.selectionModel().selectedRows()] == [first]
    window.select_annotation(None)
    assert table.selectionModel().selectedRows() == []
