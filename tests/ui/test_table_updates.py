"""Edits update the quote table in place: no reset, sort and selection kept."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from annotator.core import Annotation
from annotator.core.edits import AddAnnotation, RemoveAnnotation, UpdateAnnotation
from annotator.ui.models import ROW_ROLE, AnnotationsModel
from tests.ui.conftest import ARTICLE

TEXT = "one two three four five six seven eight nine ten"


def quotes() -> list[Annotation]:
    words = TEXT.split()
    return [Annotation.on(1, TEXT, TEXT.index(w), TEXT.index(w) + len(w)) for w in words]


def test_the_model_inserts_removes_and_repaints_rows(qtmodeltester):
    model = AnnotationsModel()
    first = quotes()
    model.set_annotations(first, {1: "Doc"})
    qtmodeltester.check(model)
    resets, inserted, removed, changed = [], [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.dataChanged.connect(lambda a, _b: changed.append(a.row()))
    extra = Annotation.on(1, TEXT, 0, 3, speaker="New")
    edited = replace(first[4], speaker="Kim")
    model.set_annotations([*first[:2], *first[3:4], edited, *first[5:], extra], {1: "Doc"})
    assert resets == [] and removed == [(2, 2)] and inserted == [(9, 9)]
    assert changed == [3]  # the edited quote, now in row 3
    assert [model.index(n, 0).data(ROW_ROLE).id for n in range(model.rowCount())] == [
        a.id for a in (*first[:2], first[3], edited, *first[5:], extra)
    ]
    qtmodeltester.check(model)


def test_adding_a_quote_keeps_the_sort_and_the_selected_row(qtbot, window, project, article):
    for word in ("minister", "Nobody", "Analysts"):
        start = ARTICLE.index(word)
        project.apply(AddAnnotation(Annotation.on(article.id, ARTICLE, start, start + len(word))))
    window.refresh_all()
    table = window.table
    table.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by quote text, Z to A
    table.table.selectRow(1)
    chosen = table.table.currentIndex().data(ROW_ROLE).id
    resets = []
    table.model.modelReset.connect(lambda: resets.append(1))
    start = ARTICLE.index("rival")
    window.edits.run(AddAnnotation(Annotation.on(article.id, ARTICLE, start, start + 5)))
    shown = [table.proxy.index(n, 1).data() for n in range(table.proxy.rowCount())]
    assert shown == sorted(shown, key=str.casefold, reverse=True) and "rival" in shown
    assert resets == []
    window.edits.run(UpdateAnnotation.between(window.annotations[0], speaker=None, note="x"))
    window.edits.run(RemoveAnnotation(next(a for a in window.annotations if a.quote == "rival")))
    assert resets == [] and table.proxy.rowCount() == 3
    assert chosen in {table.proxy.index(n, 0).data(ROW_ROLE).id for n in range(3)}


def test_opening_a_document_fills_the_paragraphs_on_screen_once(
    qtbot, window, project, monkeypatch
):
    from annotator.core import Document
    from annotator.ui.highlighter import QuoteHighlighter

    text = "\n\n".join(f"Paragraph {n}: “a quote {n}” said someone." for n in range(400))
    doc = project.add_document(Document(title="Long", text=text))
    for n in (0, 399):
        start = text.index(f"“a quote {n}”")
        project.apply(AddAnnotation(Annotation.on(doc.id, text, start, start + 11)))
    filled = []
    original = QuoteHighlighter.fill

    def counting(self, block):
        filled.append(block.blockNumber())
        original(self, block)

    window.refresh_all()
    monkeypatch.setattr(QuoteHighlighter, "fill", counting)
    window.open_document(doc.id)
    qtbot.wait(50)
    view = window.view
    blocks = list(_blocks(view.document()))
    assert len(filled) == len(set(filled))  # each paragraph once, however often painted
    assert 0 < len(filled) < len(blocks) // 4  # those on screen, not the whole article
    assert _filled(blocks[0]) and not _filled(blocks[-1])
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: _filled(blocks[-1]))  # painted when scrolled into view
    assert len(filled) == len(set(filled))
    spacing = view.document().lastBlock().blockFormat().lineHeight()
    assert spacing > 100  # the reading line spacing reaches the last paragraph too


def _filled(block) -> bool:
    return any(r.format.background().color().alpha() for r in block.layout().formats())


def _blocks(document):
    block = document.firstBlock()
    while block.isValid():
        yield block
        block = block.next()


def test_the_model_sorts_with_one_key_per_row_and_places_new_rows(qtmodeltester):
    model = AnnotationsModel()
    base = quotes()
    model.set_annotations(base, {1: "Doc"})
    column = model.columns[1]  # the quote text
    calls = []
    original = column.sort
    column.sort = lambda row: calls.append(row) or original(row)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert len(calls) == len(base)  # one key per row, however the rows compare
    shown = [model.index(n, 1).data() for n in range(model.rowCount())]
    assert shown == sorted(shown, reverse=True)
    layouts, resets, inserted = [], [], []
    model.layoutChanged.connect(lambda: layouts.append(1))
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    extra = Annotation.on(1, TEXT, TEXT.index("six"), TEXT.index("six") + 3, note="new")
    model.set_annotations([*base, extra], {1: "Doc"})
    assert inserted == [4] and layouts == resets == []  # after the "six" already there
    shown = [model.index(n, 1).data() for n in range(model.rowCount())]
    assert shown == sorted(shown, reverse=True)
    qtmodeltester.check(model)
