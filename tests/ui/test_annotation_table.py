"""The quote table: its count, readable positions, fitted columns, height and shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core import Annotation
from annotator.core.edits import AddAnnotation
from annotator.ui.annotation_table import AnnotationTable
from annotator.ui.models import paragraph_starts
from tests.ui.conftest import ARTICLE, press

PARAGRAPHS = ["Heading", "", "First “one” here.", "", "Second “two” and “three”."]
TEXT = "\n".join(PARAGRAPHS)
DEVICES = ("loaded language", "appeal to fear", "rhetorical question", "repetition")


def _quotes() -> list[Annotation]:
    found = []
    for word in ("one", "two", "three"):
        start = TEXT.index(f"“{word}”")
        found.append(
            Annotation.on(
                1, TEXT, start, start + len(word) + 2, speaker="Ana", tone="confrontational",
                devices=DEVICES, id=word,
            )
        )  # fmt: skip
    return found


def _table(qtbot) -> AnnotationTable:
    table = AnnotationTable()
    qtbot.addWidget(table)
    table.text_of = lambda _id: TEXT
    table.resize(1200, table.preferred_height())
    table.show()
    table.show_annotations(_quotes(), {1: "Article"})
    return table


def _cell(table: AnnotationTable, row: int, column: int) -> str:
    return table.proxy.index(row, column).data()


def test_counts_the_quotes_shown(qtbot) -> None:
    table = _table(qtbot)
    assert table.count.text() == "3 quotes"
    table.search.setText("three")
    assert table.count.text() == "1 of 3 quotes"


def test_position_is_paragraph_and_percentage(qtbot) -> None:
    table = _table(qtbot)
    positions = [_cell(table, row, 6) for row in range(3)]
    start = TEXT.index("“three”")
    assert positions[2] == f"¶ 3 · {round(100 * start / len(TEXT))}%"
    assert positions[0].startswith("¶ 2 · ") and str(TEXT.index("“one”")) not in positions[0]
    assert paragraph_starts("a\n\n  \nb") == [0, 6]


def test_tone_and_devices_are_not_cut_off(qtbot) -> None:
    table = _table(qtbot)
    view = table.table
    for column in (3, 4):
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), column


def test_ten_rows_fit_by_default(qtbot) -> None:
    table = _table(qtbot)
    many = [_quotes()[0].__class__(**{**_quotes()[0].__dict__, "id": str(n)}) for n in range(30)]
    table.show_annotations(many, {1: "Article"})
    qtbot.waitExposed(table)
    view = table.table
    last_visible = view.rowAt(view.viewport().height() - 1)
    assert last_visible == -1 or last_visible >= 9


def test_ctrl_l_jumps_to_the_filter(qtbot, window, project, article) -> None:
    start = ARTICLE.index("we came")
    project.apply(AddAnnotation(Annotation.on(article.id, ARTICLE, start, start + 7)))
    window.view.setFocus()
    press(window.view, Qt.Key.Key_L, modifiers=Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.table.search.hasFocus, timeout=2000)


def test_rows_are_looked_at_by_the_filter_only_while_one_is_set(qtbot) -> None:
    table = _table(qtbot)
    asked: list[str] = []
    accepts = table.model.keeps
    table.model.keeps = lambda a: asked.append(a.id) or accepts(a)
    table.show_annotations(_quotes()[::-1], {1: "Other"})  # shown afresh, nothing filtered
    assert asked == [] and table.proxy.rowCount() == 3
    table.search.setText("TWO")  # the text, whatever its case
    assert sorted(asked) == ["one", "three", "two"]
    assert [_cell(table, n, 1) for n in range(table.proxy.rowCount())] == ["“two”"]
    fresh = Annotation.on(1, TEXT, 0, 7, id="heading", note="two sides")  # the note matches
    table.update_annotations({"heading"}, [fresh])
    assert table.count.text() == "2 of 4 quotes"
    table.search.setText("")
    asked.clear()
    table.show_annotations(_quotes(), {1: "Article"})
    assert asked == [] and table.count.text() == "3 quotes"
