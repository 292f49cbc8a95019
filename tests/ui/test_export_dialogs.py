"""The Export and Briefing dialogs, the runner behind them, and the File menu entry points."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QPushButton

from annotator.app.exports import (
    BriefingRequest,
    ExportRequest,
    Job,
    Selection,
    run_briefing,
    run_export,
)
from annotator.core import Annotation, Document, Speaker, Status
from annotator.core.corpus import CorpusFilter, select
from annotator.core.edits import AddAnnotation, AddSpeaker
from annotator.io.jsonl import read_jsonl
from annotator.store import Project
from annotator.ui import export_actions
from annotator.ui.briefing_dialog import BriefingDialog
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.export_runner import JobWorker, start_job
from annotator.ui.selection import CheckList, SelectionWidget

SUMMIT = (
    'The minister said "we came here with open hands" before leaving. '
    "Her rival answered: “Nobody believes that story any more.” Then he left."
)
BUDGET = (
    "Asked about the budget, the minister said it was on track. "
    'Later she added: "the books will balance by spring".'
)
ANA_QUOTE = "we came here with open hands"
TOM_QUOTE = "Nobody believes that story any more."
SUGGESTED_QUOTE = "the books will balance by spring"


def _mark(project: Project, document: Document, quote: str, **values: object) -> None:
    assert document.id is not None
    start = document.text.index(quote)
    annotation = Annotation.on(document.id, document.text, start, start + len(quote), **values)
    project.apply(AddAnnotation(annotation))


@pytest.fixture
def coded(project: Project) -> Project:
    """Two articles, two speakers: three accepted quotes and one suggestion."""
    summit = project.add_document(
        Document(title="Summit ends", text=SUMMIT, outlet="Herald", published="2024-03-01")
    )
    budget = project.add_document(
        Document(title="Budget talk", text=BUDGET, outlet="Courier", published="2024-05-20")
    )
    project.apply(AddSpeaker(Speaker("Ana Reyes", role="Minister")))
    project.apply(AddSpeaker(Speaker("Tom Baker", role="Opposition leader")))
    _mark(project, summit, ANA_QUOTE, speaker="Ana Reyes", tone="conciliatory")
    _mark(project, summit, TOM_QUOTE, speaker="Tom Baker", tone="dismissive", devices=("irony",))
    _mark(project, budget, "the minister said", speaker="Ana Reyes", tone="neutral")
    _mark(project, budget, SUGGESTED_QUOTE, speaker="Ana Reyes", status=Status.SUGGESTED)
    return project


def _check(lists: CheckList, *labels: str) -> None:
    for row in range(lists.model.rowCount()):
        item = lists.model.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in labels:
            item.setCheckState(Qt.CheckState.Checked)


def _uncheck_document(widget: SelectionWidget, title: str) -> None:
    for row in range(widget.documents.model.rowCount()):
        item = widget.documents.model.item(row)
        if item.toolTip() == title:
            item.setCheckState(Qt.CheckState.Unchecked)


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


# -- Selection -------------------------------------------------------------------------


def test_selection_defaults_to_accepted_quotes_of_everything() -> None:
    assert Selection().to_filter() == CorpusFilter()
    assert Selection().describe() == "accepted quotes"


def test_selection_filter_and_scope_line() -> None:
    chosen = Selection(
        document_ids=(2, 1),
        speakers=("Ana Reyes",),
        tones=("hostile", "warning"),
        devices=("irony",),
        statuses=(Status.ACCEPTED, Status.SUGGESTED),
        published_from="2024-01-01",
    )
    assert chosen.to_filter() == CorpusFilter.build(
        document_ids=[1, 2], speakers=["ana reyes"], tones=["Hostile", "warning"],
        devices=["IRONY"], statuses=["accepted", "suggested"], published_from="2024-01-01",
    )  # fmt: skip
    assert chosen.describe() == (
        "accepted and suggested quotes; by Ana Reyes; tone hostile or warning; using irony; "
        "published 2024-01-01 to …; documents 2, 1"
    )
    assert chosen.describe({1: "Summit", 2: "Budget"}).endswith("documents “Budget”, “Summit”")
    assert Selection(statuses=()).to_filter().statuses == frozenset(Status)
    assert Selection(statuses=tuple(Status)).describe() == "quotes of any status"


# -- the selection widget and the Export dialog ----------------------------------------


def test_export_dialog_starts_with_everything_and_needs_a_path(qtbot, coded: Project) -> None:
    dialog = ExportDialog(coded)
    qtbot.addWidget(dialog)
    assert dialog.format_combo.currentData() == "jsonl"
    assert dialog.format_combo.currentText() == "Speechmark corpus (JSONL)"
    assert not dialog.ok_button.isEnabled()
    assert dialog.selector.selection() == Selection()
    assert dialog.selector.tabs.tabText(0) == "Documents (all 2)"
    assert dialog.selector.tabs.tabText(1) == "Speakers (any)"

    dialog.output.set_path(Path("/tmp/out"))
    assert dialog.ok_button.isEnabled()
    assert dialog.request() == ExportRequest("jsonl", Path("/tmp/out.jsonl"), Selection())


def test_export_dialog_request_carries_the_filters(qtbot, coded: Project, tmp_path: Path) -> None:
    dialog = ExportDialog(coded)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    dialog.output.set_path(tmp_path / "quotes")
    selector = dialog.selector
    _uncheck_document(selector, "Budget talk")
    _check(selector.speakers, "Tom Baker")
    _check(selector.tones, "dismissive")
    _check(selector.devices, "irony")
    selector.status_boxes[Status.SUGGESTED].setChecked(True)
    selector.published_from.box.setChecked(True)

    request = dialog.request()
    summit = next(s.id for s in coded.summaries() if s.title == "Summit ends")
    assert request.format_name == "csv"
    assert request.path == tmp_path / "quotes.csv"
    assert request.selection == Selection(
        document_ids=(summit,), speakers=("Tom Baker",), tones=("dismissive",),
        devices=("irony",), statuses=(Status.ACCEPTED, Status.SUGGESTED),
        published_from="2024-03-01",
    )  # fmt: skip
    assert request.selection.to_filter() == CorpusFilter.build(
        document_ids=[summit], speakers=["Tom Baker"], tones=["dismissive"], devices=["irony"],
        statuses=["accepted", "suggested"], published_from="2024-03-01",
    )  # fmt: skip
    assert selector.tabs.tabText(0) == "Documents (1 of 2)"
    assert selector.tabs.tabText(1) == "Speakers (1)"
    assert "by Tom Baker" in selector.scope.text()


def test_export_dialog_blocks_empty_choices(qtbot, coded: Project) -> None:
    dialog = ExportDialog(coded)
    qtbot.addWidget(dialog)
    dialog.output.set_path("/tmp/out.jsonl")
    dialog.selector.documents.set_all(False)
    assert not dialog.ok_button.isEnabled()
    assert "document" in dialog.ok_button.toolTip()
    dialog.selector.documents.set_all(True)
    dialog.output.set_path("quotes")
    assert dialog.request().path == Path.home() / "quotes.jsonl"
    dialog.selector.status_boxes[Status.ACCEPTED].setChecked(False)
    assert not dialog.ok_button.isEnabled()
    dialog.selector.status_boxes[Status.REJECTED].setChecked(True)
    assert dialog.ok_button.isEnabled()
    dialog.selector.published_from.set_value("2024-06-01")
    dialog.selector.published_to.set_value("2024-01-01")
    assert not dialog.ok_button.isEnabled()
    dialog.selector.published_to.set_value(None)
    assert dialog.selector.selection().published_from == "2024-06-01"
    assert dialog.selector.published_to.edit.text() == "any"


def test_switching_format_swaps_the_suffix_and_browse_mode(
    qtbot, coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ExportDialog(coded)
    qtbot.addWidget(dialog)
    asked: list[str] = []

    def save_name(*args: object) -> tuple[str, str]:
        asked.append("save")
        return str(tmp_path / "picked"), ""

    def folder_name(*args: object) -> str:
        asked.append("folder")
        return str(tmp_path / "brat")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder_name)
    dialog.output.browse_button.click()
    assert dialog.output.edit.text() == str(tmp_path / "picked.jsonl")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("w3c"))
    assert dialog.output.edit.text() == str(tmp_path / "picked.jsonld")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("brat"))
    assert dialog.output.edit.text() == str(tmp_path / "picked")
    assert dialog.output_label.text() == "Into &folder:"
    dialog.output.browse_button.click()
    assert asked == ["save", "folder"]
    assert dialog.request().path == tmp_path / "brat"


@pytest.mark.parametrize("kind", ["export", "briefing"])
def test_typing_a_folder_into_save_to_is_no_error(qtbot, coded: Project, kind: str) -> None:
    dialog = ExportDialog(coded) if kind == "export" else BriefingDialog(coded)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.output.edit.setFocus()
    # pytest-qt fails the test on any exception raised in a slot while typing.
    qtbot.keyClicks(dialog.output.edit, "/")
    assert dialog.output.path() is None and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.output.edit, "tmp/")
    assert dialog.output.path() is None
    qtbot.keyClicks(dialog.output.edit, "quotes")
    assert dialog.output.edit.text() == "/tmp/quotes"
    assert dialog.output.path() is not None and dialog.output.path().parent == Path("/tmp")
    assert dialog.output.path().name.startswith("quotes.")


def test_set_request_restores_the_dialog(qtbot, coded: Project, tmp_path: Path) -> None:
    earlier = ExportRequest(
        "csv", tmp_path / "q.csv", Selection(speakers=("Ana Reyes",), published_to="2024-04-01")
    )
    dialog = ExportDialog(coded)
    qtbot.addWidget(dialog)
    dialog.set_request(earlier)
    assert dialog.request() == earlier


# -- the Briefing dialog ---------------------------------------------------------------


def test_briefing_dialog_request(qtbot, coded: Project, tmp_path: Path) -> None:
    dialog = BriefingDialog(coded)
    qtbot.addWidget(dialog)
    assert dialog.analyst.text() == "tester"  # ANNOTATOR_NAME, set by tests/conftest.py
    assert not dialog.ok_button.isEnabled()
    dialog.title.setText("Summit week")
    dialog.group_by.setCurrentIndex(dialog.group_by.findData("tone"))
    dialog.include_context.setChecked(True)
    dialog.output.set_path(tmp_path / "week")
    _check(dialog.selector.speakers, "Ana Reyes")
    assert dialog.ok_button.isEnabled()

    dialog.template.set_path(tmp_path / "missing.docx")
    assert not dialog.ok_button.isEnabled()
    assert "missing.docx" in dialog.ok_button.toolTip()
    dialog.template.set_path("")

    assert dialog.request() == BriefingRequest(
        path=tmp_path / "week.docx", selection=Selection(speakers=("Ana Reyes",)),
        title="Summit week", analyst="tester", group_by="tone", template=None,
        include_context=True,
    )  # fmt: skip


# -- running -----------------------------------------------------------------------------


def test_run_export_jsonl_and_csv(coded: Project, tmp_path: Path) -> None:
    everything = run_export(coded, ExportRequest("jsonl", tmp_path / "all.jsonl", Selection()))
    assert everything == f"Wrote {tmp_path / 'all.jsonl'} (2 items, 3 quotes)."
    corpus = read_jsonl(tmp_path / "all.jsonl")
    assert {a.quote for a in corpus.annotations} == {ANA_QUOTE, TOM_QUOTE, "the minister said"}

    only_tom = Selection(speakers=("Tom Baker",), statuses=(Status.ACCEPTED, Status.SUGGESTED))
    summary = run_export(coded, ExportRequest("csv", tmp_path / "tom.csv", only_tom))
    assert summary.endswith("(1 item, 1 quote).")
    with (tmp_path / "tom.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["speaker"], r["quote"], r["tone"]) for r in rows] == [
        ("Tom Baker", TOM_QUOTE, "dismissive")
    ]

    suggested = Selection(statuses=(Status.SUGGESTED,))
    run_export(coded, ExportRequest("csv", tmp_path / "suggested.csv", suggested))
    with (tmp_path / "suggested.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert [r["quote"] for r in csv.DictReader(stream)] == [SUGGESTED_QUOTE]


def test_run_export_rejects_an_unknown_format(coded: Project, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format 'xls'"):
        run_export(coded, ExportRequest("xls", tmp_path / "x.xls", Selection()))


def test_run_briefing_rejects_a_template_that_is_not_docx(coded: Project, tmp_path: Path) -> None:
    template = tmp_path / "letterhead.docx"
    template.write_text("not a Word file")
    request = BriefingRequest(tmp_path / "b.docx", Selection(), template=template)
    with pytest.raises(ValueError, match="letterhead.docx is not a Word"):
        run_briefing(coded, request)
    assert not (tmp_path / "b.docx").exists()


def test_run_briefing_keeps_only_the_chosen_speaker(coded: Project, tmp_path: Path) -> None:
    request = BriefingRequest(
        path=tmp_path / "ana.docx", selection=Selection(speakers=("Ana Reyes",)),
        title="Ana this week", analyst="tester", include_context=True,
    )  # fmt: skip
    summary = run_briefing(coded, request)
    assert summary == f"Wrote {tmp_path / 'ana.docx'} (2 quotes from 2 documents)."
    text = _docx_text(tmp_path / "ana.docx")
    assert "Ana this week" in text
    assert ANA_QUOTE in text
    assert TOM_QUOTE not in text
    assert SUGGESTED_QUOTE not in text
    assert "accepted quotes; by Ana Reyes" in text


def test_job_worker_reports_success_and_failure_from_its_thread(
    qtbot, coded: Project, tmp_path: Path
) -> None:
    corpus = select(coded.corpus(), Selection().to_filter())
    job = Job(
        corpus, lambda selected, _progress: f"{len(selected.annotations)} written", "Writing…"
    )
    owner = QDialog()
    worker = JobWorker(job)
    with qtbot.waitSignal(worker.finished, timeout=5000) as done:
        start_job(worker, owner)
    assert done.args == ["3 written"]

    def broken(_selected: object, _progress: object) -> str:
        raise OSError("disk\nfull")

    worker = JobWorker(Job(corpus, broken, "Writing…"))
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        start_job(worker, owner)
    assert failed.args == ["disk full"]
    qtbot.waitUntil(lambda: not owner.findChildren(QThread))  # both threads ended and went


# -- the File menu entry points --------------------------------------------------------


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[str, str]]]:
    """Success and failure messages, recorded instead of shown."""
    seen: dict[str, list[tuple[str, str]]] = {"success": [], "failure": []}
    monkeypatch.setattr(
        export_actions,
        "notify_success",
        lambda _parent, title, summary, *_paths: seen["success"].append((title, summary)),
    )
    monkeypatch.setattr(
        export_actions,
        "notify_failure",
        lambda _parent, title, message: seen["failure"].append((title, message)),
    )
    return seen


def test_open_export_dialog_writes_off_thread_and_reports(
    qtbot, coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reports
) -> None:
    def accept(dialog: ExportDialog) -> int:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
        dialog.output.set_path(tmp_path / "quotes.csv")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)
    export_actions.open_export_dialog(None, coded)
    qtbot.waitUntil(lambda: export_actions.active_jobs() == 0, timeout=5000)
    assert reports == {
        "success": [("Export finished", f"Wrote {tmp_path / 'quotes.csv'} (3 items, 3 quotes).")],
        "failure": [],
    }
    assert (tmp_path / "quotes.csv").is_file()

    # Reopening starts from the last choice; a folder in the way is reported, not raised.
    (tmp_path / "quotes.csv").unlink()
    (tmp_path / "quotes.csv").mkdir()
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    export_actions.open_export_dialog(None, coded)
    qtbot.waitUntil(lambda: export_actions.active_jobs() == 0, timeout=5000)
    assert reports["failure"][0][0] == "Export failed"
    assert "quotes.csv" in reports["failure"][0][1]


def test_open_briefing_dialog_writes_the_briefing(
    qtbot, coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reports
) -> None:
    def accept(dialog: BriefingDialog) -> int:
        dialog.output.set_path(tmp_path / "brief.docx")
        _check(dialog.selector.speakers, "Tom Baker")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BriefingDialog, "exec", accept)
    export_actions.open_briefing_dialog(None, coded)
    qtbot.waitUntil(lambda: export_actions.active_jobs() == 0, timeout=10000)
    assert reports["success"] == [
        ("Briefing finished", f"Wrote {tmp_path / 'brief.docx'} (1 quote from 1 document).")
    ]
    assert TOM_QUOTE in _docx_text(tmp_path / "brief.docx")


def test_cancelled_dialog_writes_nothing(
    qtbot, coded: Project, monkeypatch: pytest.MonkeyPatch, reports
) -> None:
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    export_actions.open_export_dialog(None, coded)
    assert export_actions.active_jobs() == 0
    assert reports == {"success": [], "failure": []}


def test_a_bad_template_is_reported_before_any_thread_starts(
    qtbot, coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reports
) -> None:
    template = tmp_path / "letterhead.docx"
    template.write_text("plain text")

    def accept(dialog: BriefingDialog) -> int:
        dialog.output.set_path(tmp_path / "brief.docx")
        dialog.template.set_path(template)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BriefingDialog, "exec", accept)
    export_actions.open_briefing_dialog(None, coded)
    assert export_actions.active_jobs() == 0
    assert reports["failure"] == [
        ("Briefing failed", f"the template {template} is not a Word (.docx) file")
    ]
    assert not (tmp_path / "brief.docx").exists()


@pytest.mark.parametrize("go_on", [False, True])
def test_an_empty_selection_asks_first(
    qtbot, coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reports, go_on: bool
) -> None:
    def accept(dialog: ExportDialog) -> int:
        dialog.output.set_path(tmp_path / "none.jsonl")
        _check(dialog.selector.tones, "warning")  # no quote has this tone
        return QDialog.DialogCode.Accepted

    asked: list[str] = []
    monkeypatch.setattr(ExportDialog, "exec", accept)
    monkeypatch.setattr(
        export_actions, "confirm_empty", lambda _parent, what: asked.append(what) or go_on
    )
    export_actions.open_export_dialog(None, coded)
    qtbot.waitUntil(lambda: export_actions.active_jobs() == 0, timeout=5000)
    assert asked == ["Export"]
    assert (tmp_path / "none.jsonl").exists() is go_on
    assert len(reports["success"]) == int(go_on)


def test_an_export_shows_its_progress_and_cancel_leaves_the_old_file(
    qtbot, coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reports
) -> None:
    target = tmp_path / "quotes.jsonl"
    target.write_text("the previous export\n", encoding="utf-8")
    stop_pressed = threading.Event()
    original = JobWorker._progress

    def held(worker: JobWorker, done: int, total: int, documents: int) -> bool:
        if documents == 1:  # the writer waits after its first document until Cancel
            assert stop_pressed.wait(5)
        return original(worker, done, total, documents)

    def accept(dialog: ExportDialog) -> int:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jsonl"))
        dialog.output.set_path(target)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(JobWorker, "REPORT_EVERY", 0.0)
    monkeypatch.setattr(JobWorker, "_progress", held)
    monkeypatch.setattr(ExportDialog, "exec", accept)
    window = QMainWindow()
    qtbot.addWidget(window)
    export_actions.open_export_dialog(window, coded)
    (run,) = export_actions._running
    qtbot.waitUntil(lambda: run.progress.value() >= 0 and run.progress.maximum() == 3)
    assert "quotes written" in run.progress.labelText()
    cancel = run.progress.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert run.progress.labelText() == "Stopping…"
    stop_pressed.set()
    qtbot.waitUntil(lambda: export_actions.active_jobs() == 0, timeout=5000)
    assert reports == {"success": [], "failure": []}
    assert window.statusBar().currentMessage() == (
        "Export cancelled: quotes.jsonl was not written."
    )
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".part") == []


def test_a_briefing_shows_its_progress_and_cancel_leaves_the_old_file(
    qtbot, coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reports
) -> None:
    target = tmp_path / "brief.docx"
    target.write_bytes(b"the previous briefing")
    stop_pressed = threading.Event()
    original = JobWorker._progress

    def held(worker: JobWorker, done: int, total: int, documents: int) -> bool:
        if done == 1:  # the layout waits after its first quote until Cancel
            assert stop_pressed.wait(5)
        return original(worker, done, total, documents)

    def accept(dialog: BriefingDialog) -> int:
        dialog.output.set_path(target)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(JobWorker, "REPORT_EVERY", 0.0)
    monkeypatch.setattr(JobWorker, "_progress", held)
    monkeypatch.setattr(BriefingDialog, "exec", accept)
    window = QMainWindow()
    qtbot.addWidget(window)
    export_actions.open_briefing_dialog(window, coded)
    (run,) = export_actions._running
    qtbot.waitUntil(lambda: run.progress.maximum() > 0, timeout=10000)
    assert "quotes written" in run.progress.labelText()
    cancel = run.progress.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    stop_pressed.set()
    qtbot.waitUntil(lambda: export_actions.active_jobs() == 0, timeout=10000)
    assert reports == {"success": [], "failure": []}
    assert window.statusBar().currentMessage() == (
        "Briefing cancelled: brief.docx was not written."
    )
    assert target.read_bytes() == b"the previous briefing"
