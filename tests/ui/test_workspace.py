"""The window around the coding: offsets, persistence, tables, review, codebook, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core import Annotation, CodeKind, Document, Status
from annotator.core.edits import AddAnnotation, UpdateAnnotation
from annotator.store import Project
from annotator.ui.codebook_dialog import CodebookDialog
from annotator.ui.models import AnnotationsModel, DocumentsModel
from tests.ui.conftest import ARTICLE


def test_emoji_before_a_quote_keeps_offsets(qtbot, make_window, project):
    text = "🎉🇺🇳 Crowd cheers 😀. The envoy said “peace is near” to everyone."
    doc = project.add_document(Document(title="Emoji", text=text))
    window = make_window(project)
    window.open_document(doc.id)
    start = text.index("peace is near")
    window.view.select_range(start, start + len("peace is near"))
    # The view works in UTF-16: each astral character before the quote counts two.
    astral = sum(ord(c) > 0xFFFF for c in text[:start])
    assert astral == 4
    assert window.view.textCursor().selectionStart() == start + astral
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    stored = project.annotations(doc.id)[0]
    assert (stored.start, stored.end) == (start, start + len("peace is near"))
    assert stored.quote == text[stored.start : stored.end]
    # The highlight sits on the quote's UTF-16 positions.
    block = window.view.document().findBlock(start + astral)
    fmt_ranges = block.layout().formats()
    assert any(r.start == start + astral and r.length == len("peace is near") for r in fmt_ranges)
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    assert project.annotations(doc.id)[0].quote == "“peace is near”"


def test_everything_is_there_after_reopening(qtbot, make_window, project, article, tmp_path):
    window = make_window(project)
    start = ARTICLE.index("Nobody")
    window.view.select_range(start, start + len("Nobody believes that story any more."))
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    qtbot.keyClick(window.view, Qt.Key.Key_7)
    qtbot.keyClick(window.view, Qt.Key.Key_G)
    window.coding.set_speaker("Dmitri Volkan")
    window.coding.set_note("said on state television")
    window.close()
    location = project.location
    project.close()

    with Project(location) as reopened:
        again = make_window(reopened)
        assert again.document_id == article.id  # the last viewed document
        (annotation,) = again.annotations
        assert annotation.quote == "Nobody believes that story any more."
        assert (annotation.speaker, annotation.tone) == ("Dmitri Volkan", "dismissive")
        assert annotation.devices == ("loaded language",)
        assert annotation.note == "said on state television"
        assert again.view.index.span_of(annotation.id) is not None
        again.close()


def test_models_pass_the_model_tester(qtmodeltester, project, article):
    project.apply(AddAnnotation(Annotation.on(article.id, ARTICLE, 0, 5, speaker=None)))
    documents = DocumentsModel()
    documents.set_rows(project.summaries())
    qtmodeltester.check(documents)
    annotations = AnnotationsModel()
    annotations.set_annotations(project.annotations(), {article.id: article.title})
    qtmodeltester.check(annotations)


def test_table_filters_by_text_speaker_tone_and_status(qtbot, window, project, article):
    for quote, tone in (("we came here", "conciliatory"), ("Nobody believes", "dismissive")):
        start = ARTICLE.index(quote)
        window.view.select_range(start, start + len(quote))
        qtbot.keyClick(window.view, Qt.Key.Key_Q)
        window.coding.set_tone(tone)
    table = window.table
    assert table.proxy.rowCount() == 2
    table.search.setText("nobody")
    assert table.proxy.rowCount() == 1
    table.search.clear()
    table.tone.setCurrentIndex(table.tone.findData("conciliatory"))
    assert table.proxy.rowCount() == 1
    assert table.proxy.index(0, 1).data() == "we came here"
    table.tone.setCurrentIndex(0)
    table.status.setCurrentIndex(table.status.findData("suggested"))
    assert table.proxy.rowCount() == 0
    table.status.setCurrentIndex(0)

    # Double-click (activation) jumps to the quote and selects it.
    window.select_annotation(None)
    table.annotation_chosen.emit(table.proxy.index(1, 0).data(Qt.ItemDataRole.UserRole + 1))
    assert window.selected() is not None


def test_enter_accepts_and_backspace_rejects_suggestions(qtbot, window, project, article):
    for quote in ("we came here", "Nobody believes"):
        start = ARTICLE.index(quote)
        suggestion = Annotation.on(
            article.id, ARTICLE, start, start + len(quote), status=Status.SUGGESTED
        )
        project.apply(AddAnnotation(suggestion))
    window.refresh_all()
    assert window.corpus_panel.model.rows[0].suggested == 2
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    statuses = {a.quote: a.status for a in project.annotations(article.id)}
    assert statuses == {"we came here": Status.ACCEPTED, "Nobody believes": Status.REJECTED}
    assert window.corpus_panel.model.rows[0].suggested == 0
    window.edits.stack.undo()
    assert project.annotations(article.id)[1].status is Status.SUGGESTED


def test_codebook_rename_reaches_table_and_highlights(qtbot, window, project):
    start = ARTICLE.index("we came here")
    window.view.select_range(start, start + len("we came here"))
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    qtbot.keyClick(window.view, Qt.Key.Key_5)  # warning
    window.views.set_colour_by(window.colour_by.TONE)
    dialog = CodebookDialog(window.views.codebook_snapshot, window)
    dialog.prompts = window.prompts
    dialog.edit_requested.connect(window.edits.run)
    dialog.tabs.setCurrentIndex(1)
    row = next(
        n
        for n in range(dialog.lists["tone"].count())
        if dialog.lists["tone"].item(n).data(Qt.ItemDataRole.UserRole) == "warning"
    )
    dialog.lists["tone"].setCurrentRow(row)
    window.prompts.answers.append("threat")
    dialog.rename()
    assert window.table.proxy.index(0, 3).data() == "threat"
    assert window.selected().tone == "threat"
    assert window.view.highlighter.colours.tones["threat"] == "#E69F00"
    assert "tone:threat" in window.actions_by_id
    window.edits.stack.undo()
    assert window.selected().tone == "warning"


def test_deleting_a_code_in_use_reassigns_its_quotes(qtbot, window, project):
    start = ARTICLE.index("we came here")
    window.view.select_range(start, start + len("we came here"))
    qtbot.keyClick(window.view, Qt.Key.Key_5)  # nothing selected: only a hint
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    qtbot.keyClick(window.view, Qt.Key.Key_5)
    dialog = CodebookDialog(window.views.codebook_snapshot, window)
    dialog.prompts = window.prompts
    dialog.edit_requested.connect(window.edits.run)
    dialog.tabs.setCurrentIndex(1)
    names = [
        dialog.lists["tone"].item(n).data(Qt.ItemDataRole.UserRole)
        for n in range(dialog.lists["tone"].count())
    ]
    dialog.lists["tone"].setCurrentRow(names.index("warning"))
    window.prompts.answers.append("confrontational")
    dialog.delete()
    assert project.codebook().find(CodeKind.TONE, "warning") is None
    assert window.selected().tone == "confrontational"
    window.edits.stack.undo()  # one step brings back the tone and the quote's tone
    assert window.selected().tone == "warning"


def test_import_with_a_bad_file_reports_it_and_imports_the_rest(qtbot, window, project, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("First article\n\nA minister spoke.", encoding="utf-8")
    (folder / "two.md").write_text("# Second article\n\nAnother spoke.", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"not a zip at all")
    (folder / "figures.xlsx").write_bytes(b"a spreadsheet")
    window.files.import_paths([folder])
    qtbot.waitUntil(lambda: window.files.last_import is not None, timeout=10_000)
    titles = {s.title for s in project.summaries()}
    assert "Second article" in titles and len(titles) == 3
    assert len(window.corpus_panel.model.rows) == 3
    (title, message, details) = window.prompts.errors[-1]
    assert "not imported" in title and "broken.docx" in details
    assert "figures.xlsx: not a supported kind of file" in details  # skipped ones too
    assert "2 added" in message


def test_second_window_sees_the_first_ones_changes_on_focus(qtbot, make_window, project, article):
    first = make_window(project)
    with Project(project.location) as same_file:
        second = make_window(same_file)
        start = ARTICLE.index("we came here")
        first.view.select_range(start, start + len("we came here"))
        first.coding.mark_quote()
        assert second.annotations == []
        second.activateWindow()
        second.refresh_all()  # what activation does
        assert [a.quote for a in second.annotations] == ["we came here"]
        assert second.corpus_panel.model.rows[0].quotes == 1


def test_shortcut_sheet_lists_the_real_bindings(window):
    rows = window.views.shortcut_rows()
    keys = {command: key for _menu, command, key in rows}
    assert keys["Mark quote"] == "Q"
    assert keys["conciliatory"] == "3"
    assert keys["Toggle metaphor"] == "M"
    assert "Ctrl+Z" in keys["Undo"]
    for action in window.actions_by_id.values():
        for sequence in action.shortcuts():
            assert sequence.toString() in {k for _m, _c, key in rows for k in key.split(", ")}


def test_colour_by_is_remembered(qtbot, make_window, project, article, settings):
    window = make_window(project)
    window.actions_by_id["colour_device"].trigger()
    window.close()
    assert settings.value("colour_by") == "device"
    again = make_window(project)
    assert again.view.highlighter.colour_by.value == "device"
    assert again.actions_by_id["colour_device"].isChecked()


def test_paste_as_new_document(qtbot, window, project):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("Pasted speech\r\n\r\nWe shall overcome.")
    window.prompts.answers.append("A pasted speech")
    window.files.paste_document()
    assert window.document.title == "A pasted speech"
    assert window.document.text == "Pasted speech\n\nWe shall overcome."


def test_store_errors_are_shown_and_change_nothing(qtbot, window, project):
    start = ARTICLE.index("we came here")
    window.view.select_range(start, start + len("we came here"))
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    annotation = window.selected()
    assert not window.edits.run(UpdateAnnotation(annotation.id, (("tone", None, "no such tone"),)))
    assert "unknown tone" in window.prompts.errors[-1][1]
    assert window.edits.stack.count() == 1


def test_run_exists_with_the_cli_signature():
    from inspect import signature

    from annotator.ui.app import run

    assert list(signature(run).parameters) == ["location", "first_run_sample"]
    assert Path  # keeps the import used for type readers


def test_status_bar_counts_read_as_english(window):
    assert "This document: 0 quotes" in window.counts.text()
    assert "Corpus: 1 document, 0 quotes" in window.counts.text()


def test_details_of_two_documents_in_one_undoable_step(qtbot, window, project, article):
    from annotator.core import Document

    second = project.add_document(Document(title="Second", text="Another text.", outlet="Post"))
    window.refresh_all()
    window.corpus_panel.table.selectAll()

    def fill(dialog) -> bool:
        assert dialog.boxes["outlet"].placeholderText() == "various"  # Herald and Post
        dialog.boxes["author"].setText("Desk")
        dialog._add_row("party", "Labour")
        return True

    window.prompts.dialogs.append(fill)
    window.actions_by_id["document_details"].trigger()
    first, other = project.document(article.id), project.document(second.id)
    assert (first.author, other.author) == ("Desk", "Desk")
    assert (first.outlet, other.outlet) == ("Herald", "Post")  # untouched "various"
    assert first.attribute("party") == other.attribute("party") == "Labour"
    window.actions_by_id["undo"].trigger()
    assert project.document(article.id).author is None
    assert project.document(second.id).attributes == ()


def test_the_heading_shows_corrected_details(qtbot, window, project, article):
    def fill(dialog) -> bool:
        dialog.boxes["outlet"].setText("The Gazette")
        return True

    window.prompts.dialogs.append(fill)
    window.actions_by_id["document_details"].trigger()
    assert "The Gazette" in window.title.text()


def test_the_window_shows_what_another_program_changed(qtbot, window, project, article):
    assert window.watch.isActive()  # it keeps looking
    with Project(project.location) as other:  # e.g. the command line, or a colleague
        start = ARTICLE.index("Analysts")
        other.apply(AddAnnotation(Annotation.on(article.id, ARTICLE, start, start + 8)))
    assert [a.quote for a in window.annotations] == []
    qtbot.waitUntil(lambda: [a.quote for a in window.annotations] == ["Analysts"], timeout=5000)
    # An edit of the window's own, right after someone else's, shows both.
    with Project(project.location) as other:
        start = ARTICLE.index("rival")
        other.apply(AddAnnotation(Annotation.on(article.id, ARTICLE, start, start + 5)))
    window.view.select_range(ARTICLE.index("minister"), ARTICLE.index("minister") + 8)
    window.coding.mark_quote()
    assert sorted(a.quote for a in window.annotations) == ["Analysts", "minister", "rival"]


def test_toggling_a_device_keeps_one_another_program_just_added(qtbot, window, project, article):
    start = ARTICLE.index("we came here")
    window.view.select_range(start, start + len("we came here"))
    window.coding.mark_quote()
    quote = window.selected()
    with Project(project.location) as other:  # before the window looks again
        other.apply(UpdateAnnotation.between(other.annotation(quote.id), devices=("metaphor",)))
    window.coding.toggle_device("hyperbole")  # the window still thinks it has no device
    assert set(project.annotation(quote.id).devices) == {"metaphor", "hyperbole"}
    window.edits.stack.undo()
    assert project.annotation(quote.id).devices == ("metaphor",)
