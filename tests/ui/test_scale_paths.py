"""The paths that keep a big article fast give the same results as doing everything again:
the span index updated in place, fills right after an edit, table rows updated in place."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QItemSelectionModel, Qt

from annotator.core import Annotation, Document, Speaker
from annotator.core.edits import AddAnnotation, AddSpeaker, RemoveAnnotation, UpdateAnnotation
from annotator.ui.appearance import FILL_ALPHA, SELECTED_ALPHA, ColourBy, blend
from annotator.ui.models import ROW_ROLE, AnnotationsModel
from annotator.ui.span_index import SpanIndex

EMOJI_TEXT = "🎉🇺🇳 Crowd 😀 cheers. “We stay,” she said. “🙂 We go,” he said. The end 🎈 came."


def _spans(index: SpanIndex) -> list[tuple[int, int, str, int]]:
    return [(s.start, s.end, s.annotation.id, s.depth) for s in index.spans()]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_span_index_updated_in_place_equals_one_built_afresh(data):
    text = EMOJI_TEXT
    spans = st.tuples(st.integers(0, len(text) - 1), st.integers(1, 12))
    first = [
        Annotation.on(1, text, s, min(len(text), s + n)) for s, n in data.draw(st.lists(spans))
    ]
    index = SpanIndex(text, first)
    current = {a.id: a for a in first}
    for _ in range(data.draw(st.integers(1, 4))):
        changed: set[str] = set()
        fresh = []
        present = list(current.values())
        picked = st.lists(st.sampled_from(present), max_size=3, unique_by=lambda a: a.id)
        for a in data.draw(picked if present else st.just([])):
            changed.add(a.id)
            if data.draw(st.booleans()):
                del current[a.id]  # deleted
            else:
                start, n = data.draw(spans)
                moved = a.moved(text, start, min(len(text), start + n))
                current[a.id] = moved
                fresh.append(moved)
        for start, n in data.draw(st.lists(spans, max_size=2)):
            added = Annotation.on(1, text, start, min(len(text), start + n))
            current[added.id] = added
            changed.add(added.id)
            fresh.append(added)
        areas = index.update(changed, fresh)
        assert _spans(index) == _spans(SpanIndex(text, current.values()))
        for annotation in fresh:  # each new place is among the areas to repaint
            span = index.span_of(annotation.id)
            assert span is not None and (span.start, span.end) in areas


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_span_index_answers_as_the_quotes_say(data):
    """Order, nesting depth and lookups read from the quotes themselves, one by one."""
    text = data.draw(st.sampled_from([EMOJI_TEXT, EMOJI_TEXT.encode("ascii", "replace").decode()]))
    spans = st.tuples(st.integers(0, len(text) - 1), st.integers(1, 12))
    disjoint = data.draw(st.booleans())  # most articles: no quote inside another
    quotes, free = [], 0
    for s, n in data.draw(st.lists(spans, max_size=12)):
        if disjoint and s < free:
            continue
        quotes.append(Annotation.on(1, text, s, min(len(text), s + n)))
        free = quotes[-1].end
    index = SpanIndex(text, data.draw(st.permutations(quotes)))
    view = index.to_view
    placed = sorted(quotes, key=lambda a: (view(a.start), -view(a.end), a.id))
    expected = [
        (view(a.start), view(a.end), a.id,
         sum(1 for b in placed[:n] if view(b.end) > view(a.start)))
        for n, a in enumerate(placed)
    ]  # fmt: skip
    assert _spans(index) == expected
    for position in range(index.offsets.utf16_length + 1):
        inside = [e for e in expected if e[0] <= position < e[1]]
        assert sorted(s.annotation.id for s in index.at(position)) == sorted(e[2] for e in inside)
        crossing = [e[2] for e in expected if e[0] < position + 3 and e[1] > position]
        assert [s.annotation.id for s in index.overlapping(position, position + 3)] == crossing
    for a in quotes:
        span = index.span_of(a.id)
        assert span is not None and (span.start, span.end) == (view(a.start), view(a.end))
    assert index.span_of("nothing") is None


def _speakers(project) -> list[str]:
    names = ["Anna Lindqvist", "Dmitri Volkan"]
    for name in names:
        project.apply(AddSpeaker(Speaker(name)))
    return names


def _fill_at(window, position: int):
    block = window.view.document().findBlock(position)
    inside = position - block.position()
    for r in block.layout().formats():
        if r.start <= inside < r.start + r.length:
            return r.format.background().color()
    return None


def test_fills_are_right_at_once_after_an_edit_with_emoji_before_the_quote(
    qtbot, make_window, project
):
    doc = project.add_document(Document(title="Emoji", text=EMOJI_TEXT))
    speakers = _speakers(project)
    window = make_window(project)
    window.open_document(doc.id)
    start = EMOJI_TEXT.index("“🙂 We go,”")
    end = start + len("“🙂 We go,”")
    quote = Annotation.on(doc.id, EMOJI_TEXT, start, end, speaker=speakers[0])
    window.edits.run(AddAnnotation(quote))
    astral = sum(ord(c) > 0xFFFF for c in EMOJI_TEXT[:start])
    assert astral == 4
    first, last = start + astral, end + astral + 1  # the quote holds one emoji itself

    def expected(speaker: str, alpha: float = FILL_ALPHA):
        return blend([(window.colours.of_name(speaker, ColourBy.SPEAKER), alpha)])

    # Right after the edit, without waiting for a paint: on the quote and only there.
    assert _fill_at(window, first) == expected(speakers[0])
    assert _fill_at(window, last - 1) == expected(speakers[0])
    assert _fill_at(window, first - 1) is None and _fill_at(window, last) is None
    stored = project.annotations(doc.id)[0]
    window.edits.run(UpdateAnnotation.between(stored, speaker=speakers[1]))
    assert _fill_at(window, first) == expected(speakers[1])
    window.edits.stack.undo()  # and an undo selects the quote it brought back
    assert window.selected_id == stored.id
    assert _fill_at(window, first) == expected(speakers[0], SELECTED_ALPHA)
    window.edits.run(RemoveAnnotation(project.annotations(doc.id)[0]))
    assert _fill_at(window, first) is None


def test_colouring_by_tone_fills_the_paragraphs_on_screen_again(qtbot, make_window, project):
    doc = project.add_document(Document(title="Emoji", text=EMOJI_TEXT))
    start = EMOJI_TEXT.index("“We stay,”")
    tone = project.codebook().tones[0].name
    project.apply(AddAnnotation(Annotation.on(doc.id, EMOJI_TEXT, start, start + 10, tone=tone)))
    window = make_window(project)
    window.open_document(doc.id)
    position = window.view.index.to_view(start)
    qtbot.waitUntil(lambda: _fill_at(window, position) is not None)  # filled when painted
    window.views.set_colour_by(ColourBy.TONE)
    wanted = blend([(window.colours.of_name(tone, ColourBy.TONE), FILL_ALPHA)])
    qtbot.waitUntil(lambda: _fill_at(window, position) == wanted)


def _shown(model: AnnotationsModel) -> list[str]:
    return [model.index(n, 0).data(ROW_ROLE).id for n in range(model.rowCount())]


def test_rows_updated_in_place_keep_the_sort_and_the_selected_row(qtbot, qtmodeltester):
    from PySide6.QtWidgets import QTableView

    text = " ".join(f"w{n:02d}" for n in range(40))
    rng = random.Random(3)
    quotes = [
        Annotation.on(1, text, 4 * n, 4 * n + 3, speaker=rng.choice(["Kim", "Ali", "Bo"]))
        for n in range(40)
    ]
    model = AnnotationsModel()
    model.set_annotations(quotes, {1: "Doc"})
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    model.sort(2, Qt.SortOrder.DescendingOrder)  # by speaker, Z to A
    chosen = model.index(7, 0).data(ROW_ROLE).id
    view.selectionModel().select(
        model.index(7, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    retagged = replace(quotes[3], speaker="Zed")  # moves to the top
    noted = replace(quotes[5], note="kept in place")  # same sort key: repainted where it is
    added = Annotation.on(1, text, 0, 7, speaker="Cy")
    gone = quotes[9]
    changed = {retagged.id, noted.id, added.id, gone.id}
    model.update_rows(changed, [retagged, noted, added])
    assert resets == []
    rows = [model.index(n, 0).data(ROW_ROLE) for n in range(model.rowCount())]
    assert len(rows) == 40 and gone.id not in _shown(model)
    assert rows[0] == retagged and noted in rows and added in rows
    speakers = [r.speaker for r in rows]
    assert speakers == sorted(speakers, reverse=True)
    selected = view.selectionModel().selectedRows()
    assert [i.data(ROW_ROLE).id for i in selected] == [chosen]
    qtmodeltester.check(model)


def _corpus(project, count: int = 3) -> list[Document]:
    _speakers(project)
    docs = []
    for n in range(count):
        text = f"Report {n}. “Tariffs rise {n},” said one. “Fish stay {n},” said another."
        doc = project.add_document(Document(title=f"Report {n}", text=text))
        for k, quote in enumerate((f"“Tariffs rise {n},”", f"“Fish stay {n},”")):
            start = text.index(quote)
            speaker = ("Anna Lindqvist", "Dmitri Volkan")[(n + k) % 2]
            project.apply(
                AddAnnotation(
                    Annotation.on(doc.id, text, start, start + len(quote), speaker=speaker)
                )
            )
        docs.append(doc)
    return docs


def _column(table, column: int) -> list[str]:
    return [table.proxy.index(n, column).data() for n in range(table.proxy.rowCount())]


def test_the_corpus_table_sorts_filters_and_takes_edits_in_place(qtbot, make_window, project):
    docs = _corpus(project)
    window = make_window(project)
    table = window.table
    table.whole_corpus.setChecked(True)
    assert table.proxy.rowCount() == 6
    table.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by quote
    quotes = _column(table, 1)
    assert quotes == sorted(quotes, key=str.casefold)
    assert set(_column(table, 0)) == {d.title for d in docs}
    table.search.setText("fish")
    assert sorted(_column(table, 1)) == [f"“Fish stay {n},”" for n in range(3)]
    table.speaker.setCurrentIndex(table.speaker.findData("Anna Lindqvist"))
    assert _column(table, 1) == ["“Fish stay 1,”"]
    table.speaker.setCurrentIndex(0)
    table.search.clear()
    table.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by speaker, Z to A
    resets = []
    table.model.modelReset.connect(lambda: resets.append(1))
    # An edit in another document than the open one reaches the corpus table in place.
    other = next(a for a in project.annotations(docs[2].id) if a.speaker == "Anna Lindqvist")
    window.edits.run(UpdateAnnotation.between(other, speaker="Dmitri Volkan"))
    assert resets == []
    speakers = _column(table, 2)
    assert speakers == sorted(speakers, key=str.casefold, reverse=True)
    assert speakers.count("Dmitri Volkan") == 4
    table.search.setText("fish stay 2")
    assert _column(table, 2) == ["Dmitri Volkan"]
