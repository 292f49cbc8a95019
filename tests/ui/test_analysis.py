"""The analysis view counts what ``annotator stats`` counts, and clicks through to quotes."""

from __future__ import annotations

import json

from click.testing import CliRunner
from matplotlib.backend_bases import MouseEvent

from annotator.cli import main
from annotator.core import Status
from tests.app.test_documents_and_stats import coded  # noqa: F401 (fixture)


def test_the_view_counts_as_stats_and_a_bar_lists_its_quotes(qtbot, make_window, coded, tmp_path):  # noqa: F811
    window = make_window(coded)
    window.actions_by_id["analysis"].trigger()
    view = window.views.analysis_view
    assert view.dimensions() == ("speaker", "tone")
    printed = CliRunner().invoke(
        main, ["--project", coded.location, "stats", "--by", "speaker,tone", "--format", "json"]
    )
    expected = {(r["speaker"], r["tone"]): r["quotes"] for r in json.loads(printed.output)}
    assert view.crosstab.counts == expected
    # The table says the same, cell by cell.
    rows, columns = view.crosstab.values(0), view.crosstab.values(1)
    lee, warning = rows.index("Lee"), columns.index("warning")
    assert view.table.item(lee, warning).text() == "2"
    # Click the Lee/warning bar: its two quotes are listed; activating one opens it.
    patch = next(p for p, s in view.segments.items() if (s.row, s.series) == ("Lee", "warning"))
    x, y = patch.get_x() + patch.get_width() / 2, patch.get_y() + patch.get_height() / 2
    px, py = patch.axes.transData.transform((x, y))
    click = MouseEvent("button_press_event", view.canvas, px, py, button=1)
    view.canvas.callbacks.process("button_press_event", click)
    assert view.quotes.count() == 2
    first = view.quotes.item(0)
    view.quotes.itemActivated.emit(first)
    assert window.selected() is not None and window.selected().quote == "“We will win,”"


def test_the_view_follows_the_selection_and_saves(qtbot, make_window, coded, tmp_path):  # noqa: F811
    window = make_window(coded)
    window.views.show_analysis()
    view = window.views.analysis_view
    view.selection.status_boxes[Status.ACCEPTED].setChecked(False)
    assert "Check at least one status" in view.cell.text() and view.crosstab.total() == 0
    view.selection.status_boxes[Status.ACCEPTED].setChecked(True)
    view.view.setCurrentIndex(2)  # tone by month
    assert view.crosstab.counts[("2024-04", "neutral")] == 3
    view.table.cellClicked.emit(view.crosstab.values(0).index("2024-04"), 0)
    assert view.quotes.count() == 3
    window.prompts.answers += [str(tmp_path / "chart.svg"), str(tmp_path / "table.csv")]
    view.save_chart()
    view.save_table()
    assert (tmp_path / "chart.svg").read_text("utf-8").lstrip().startswith("<?xml")
    assert "2024-04" in (tmp_path / "table.csv").read_text("utf-8-sig")


def test_the_selection_filters_by_document_variables(qtbot, make_window, coded):  # noqa: F811
    CliRunner().invoke(main, ["--project", coded.location, "doc", "1", "--set", "party=Labour"])
    CliRunner().invoke(main, ["--project", coded.location, "doc", "2", "--set", "party=Green"])
    window = make_window(coded)
    window.views.show_analysis()
    view = window.views.analysis_view
    assert view.crosstab.total() == 6
    view.selection.variables.set_checked({"party\tLabour"})
    assert view.crosstab.total() == 3 and "party Labour" in view.selection.scope.text()
    view.selection.variables.set_checked({"party\tLabour", "party\tGreen"})  # either
    assert view.crosstab.total() == 6
