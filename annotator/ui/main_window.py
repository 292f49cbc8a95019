"""The annotation workspace: corpus, document, inspector and quote table in one window."""

from __future__ import annotations

import logging
from bisect import insort
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QToolBar, QWidget

from annotator.core import Annotation, Codebook, Document, Speaker, Status
from annotator.core.allocation import many_objects
from annotator.core.listing import QuoteSummary, QuoteView
from annotator.core.wording import plural
from annotator.store import Changes, StoreError

if TYPE_CHECKING:
    from annotator.store import DocumentSummary, Project
    from annotator.ui.suggest_controller import SuggestController
from annotator.ui.actions import ACTIONS, MENUS, ActionSpec, codebook_specs, make_action
from annotator.ui.annotation_table import AnnotationTable
from annotator.ui.appearance import ColourBy, Colours, legend_html
from annotator.ui.coding_controller import UNPLACED_HINT, CodingController
from annotator.ui.compare_panel import ComparePanel
from annotator.ui.corpus_panel import CorpusPanel
from annotator.ui.document_view import DocumentView
from annotator.ui.file_controller import FileController
from annotator.ui.find import FindBar
from annotator.ui.inspector import Inspector
from annotator.ui.prompts import Prompts
from annotator.ui.team_controller import TeamController
from annotator.ui.undo import EditRunner
from annotator.ui.view_controller import ViewController
from annotator.ui.workspace_layout import build_central, dock

log = logging.getLogger(__name__)
WATCH_MS = 1500  # how often to look for other programs' changes


class MainWindow(QMainWindow):
    """One open project. Every edit goes through ``self.edits`` (undoable, committed).

    The window holds what is shown (document, its quotes, the selected one) and the
    panels; the menus' commands live in four controllers it composes: ``files``,
    ``coding``, ``suggestions`` and ``views``. Each calls ``annotator.app`` for the work.
    """

    files: FileController
    coding: CodingController
    views: ViewController
    team: TeamController

    def __init__(
        self,
        project: Project | str,
        settings: QSettings | None = None,
        summaries: list[DocumentSummary] | None = None,
    ) -> None:
        """A window on ``project``. Given a location and the corpus list instead (read
        without the store, see ``annotator.store.summaries``), the window shows that list
        at once and opens the project just after it is first painted, or as soon as
        anything needs it, whichever comes first."""
        super().__init__()
        self._project = project if not isinstance(project, str) else None
        self.location = project if isinstance(project, str) else project.location
        self.settings = settings or QSettings()
        self.prompts = Prompts(self)
        self.edits = EditRunner(lambda: self.project, self.refresh, self._edit_failed, self.reveal)
        self.document: Document | None = None
        # The open document's quotes as shown (read light), and as full annotations once
        # something needs them (see ``annotations``).
        self.quotes: list[QuoteSummary] = []
        self._annotations: list[Annotation] | None = []
        self.selected_id: str | None = None
        self._selected: Annotation | None = None  # the selected quote in full, once read
        self.speakers: list[Speaker] = []
        self.codebook = Codebook()
        self.colours = Colours()
        self.colour_by = ColourBy(str(self.settings.value("colour_by", ColourBy.SPEAKER.value)))
        self.files = FileController(self)
        self.coding = CodingController(self)
        self._suggestions: SuggestController | None = None  # made when first used
        self.views = ViewController(self)
        self.actions_by_id: dict[str, QAction] = {}
        self.menu_of: dict[str, str] = {}
        self.code_actions: list[QAction] = []

        self.setWindowTitle(f"Speechmark — {self.location}")
        self.view = DocumentView()
        self.view.highlighter.colour_by = self.colour_by
        self.find_bar = FindBar(self.view)
        self.title = QLabel()
        self.legend = QLabel()
        self.setCentralWidget(build_central(self.title, self.legend, self.view, self.find_bar))
        self.corpus_panel = CorpusPanel()
        self.inspector = Inspector()
        self.table = AnnotationTable()
        self.table.text_of = self._text_of
        self.corpus_dock = dock(
            self, "Corpus", self.corpus_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.inspector_dock = dock(
            self, "Quote", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.table_dock = dock(self, "Quotes", self.table, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.compare_panel = ComparePanel()
        self.compare_dock = dock(
            self, "Compare", self.compare_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.tabifyDockWidget(self.table_dock, self.compare_dock)
        self.compare_dock.hide()  # Team › Compare opens it, beside the quote table
        self.team = TeamController(self)
        self.counts = QLabel()
        self.saved = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().addPermanentWidget(self.saved)
        self._build_actions()
        self._connect()
        self.setAcceptDrops(True)
        self._restore_window()
        self.seen_edits = 0
        self._open_queued = False
        # Others (another window, the command line, a colleague on the same database) may
        # edit the project too: their changes show within a couple of seconds.
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.check_for_changes)
        if self._project is not None:
            self._show_project()
        else:
            self.corpus_panel.show_summaries(summaries or [], None)
            self.show_counts()
            self.title.setText("Opening the project…")
            self.statusBar().showMessage("Opening the project…")

    # -- the project, opened now or just after the first paint ---------------------------
    @property
    def project(self) -> Project:
        """The open project; a window still opening it finishes first (so no action a user
        starts meanwhile is lost or fails)."""
        if self._project is None:
            self._open_project()
        assert self._project is not None
        return self._project

    @property
    def suggestions(self) -> SuggestController:
        """The Suggest menu's commands (the engine loads with them, after the window shows)."""
        if self._suggestions is None:
            from annotator.ui.suggest_controller import SuggestController

            self._suggestions = SuggestController(self)
        return self._suggestions

    @property
    def loaded(self) -> bool:
        """True once the project is open (at once, or after the first paint)."""
        return self._project is not None

    def finish_opening(self) -> None:
        """Open the project now if the window is still waiting to; if it cannot be opened
        after all (deleted or locked meanwhile), say why and close the window."""
        if self._project is not None:
            return
        try:
            self._open_project()
        except Exception as error:
            log.exception("cannot open %s", self.location)
            self.prompts.error("Cannot open the project", f"{self.location}\n\n{error}")
            self.close()

    def _open_project(self) -> None:
        from annotator.app.projects import open_project

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._project = open_project(self.location)
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().clearMessage()
        self._show_project()

    def _fill_export_menu(self) -> None:
        if not self.export_menu.actions():
            self.files.fill_export_menu()

    def _show_project(self) -> None:
        self._fill_export_menu()
        self.reload_vocabulary()
        self.show_summaries()
        self.seen_edits = self.project.edit_count()
        self.watch.start()
        self.open_document(self._first_document())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._project is None and not self._open_queued:
            self._open_queued = True  # painted: the analyst sees the window, now open
            QTimer.singleShot(0, self.finish_opening)

    # -- construction --------------------------------------------------------------------
    def _build_actions(self) -> None:
        menus = {title: self.menuBar().addMenu(title) for title in MENUS}
        self.menus = menus
        self.toolbar = QToolBar("Tools")
        self.toolbar.setObjectName("tools")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        undo = self.edits.stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.edits.stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, name in ((undo, "undo"), (redo, "redo")):
            action.setObjectName(name)
            self.addAction(action)
            self.actions_by_id[name] = action
            self.menu_of[name] = "&Edit"
        menus["&Edit"].addActions([undo, redo])
        undo.setIconText("Undo")
        redo.setIconText("Redo")
        for spec in ACTIONS:
            action = self._add_action(spec, menus[spec.menu])
            if spec.id == "open_project":
                self.recent_menu = menus["&File"].addMenu("Open &recent")
            if spec.id == "export_selection":
                self.export_menu = menus["&File"].addMenu("Export &whole corpus as")
                # Filled once the project is open (loading every writer takes a moment),
                # or when opened before that.
                self.export_menu.aboutToShow.connect(self._fill_export_menu)
            if spec.toolbar:
                self.toolbar.addAction(action)
            if spec.id == "mark_quote":
                self.toolbar.addActions([undo, redo])
        group = QActionGroup(self)
        for by, name in ((ColourBy.SPEAKER, "colour_speaker"), (ColourBy.TONE, "colour_tone"),
                         (ColourBy.DEVICE, "colour_device")):  # fmt: skip
            action = self.actions_by_id[name]
            action.setCheckable(True)
            action.setChecked(by is self.colour_by)
            group.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(QLabel("  Colour by: "))
        for name in ("colour_speaker", "colour_tone", "colour_device"):
            self.toolbar.addAction(self.actions_by_id[name])
        menus["&View"].addSeparator()
        for panel in (self.corpus_dock, self.inspector_dock, self.table_dock, self.compare_dock):
            menus["&View"].addAction(panel.toggleViewAction())
        self.tone_menu = menus["&Quote"].addMenu("&Tone")
        self.device_menu = menus["&Quote"].addMenu("De&vice")
        self.files.fill_recent_menu()

    def _add_action(self, spec: ActionSpec, menu: QMenu) -> QAction:
        if spec.separator_before:
            menu.addSeparator()
        scopes: dict[str, QWidget] = {"document": self.view, "corpus": self.corpus_panel.table}
        action = make_action(spec, self, lambda: spec.handler(self), scopes)
        menu.addAction(action)
        self.actions_by_id[spec.id] = action
        self.menu_of[spec.id] = spec.menu
        return action

    def _connect(self) -> None:
        self.corpus_panel.document_chosen.connect(self.open_document)
        self.view.annotation_clicked.connect(self.select_annotation)
        self.table.annotation_chosen.connect(self.jump_to)
        self.table.annotation_picked.connect(self.show_in_passing)
        self.table.scope_changed.connect(lambda _whole: self.show_table())
        self.inspector.speaker_entered.connect(self.coding.set_speaker)
        self.inspector.tone_chosen.connect(self.coding.set_tone)
        self.inspector.device_toggled.connect(self.coding.toggle_device)
        self.inspector.note_entered.connect(self.coding.set_note)
        self.inspector.status_chosen.connect(self.coding.set_status)
        self.edits.stack.cleanChanged.connect(lambda _clean: None)

    def _restore_window(self) -> None:
        self.resize(1400, 900)
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray) and self.restoreState(state):
            return
        # First start: a wide reading column, panels just big enough.
        QTimer.singleShot(0, self._default_layout)

    def _default_layout(self) -> None:
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        self.resizeDocks([self.corpus_dock, self.inspector_dock], [390, 300], horizontal)
        self.resizeDocks([self.table_dock], [self.table.preferred_height()], vertical)

    def _text_of(self, document_id: int) -> str:
        # The open document's text is at hand; another's is read (a megabyte, for some).
        if self.document is not None and self.document.id == document_id:
            return self.document.text
        return self.project.document(document_id).text

    def _first_document(self) -> int | None:
        ids = [s.id for s in self.corpus_panel.model.rows]
        last = self.project.setting("last_document")
        if last and last.isdigit() and int(last) in ids:
            return int(last)
        return ids[0] if ids else None

    # -- the selected quote --------------------------------------------------------------
    def select_annotation(self, annotation_id: str | None) -> None:
        self.selected_id = annotation_id
        self.view.mark_selected(annotation_id)
        self.inspector.show_annotation(self.selected())
        self.table.follow(annotation_id)

    def jump_to(self, annotation: QuoteView) -> None:
        """Open the quote's document, select the quote and show it."""
        self.open_document(annotation.document_id)
        current = next((q for q in self.quotes if q.id == annotation.id), None)
        if current is None:  # deleted meanwhile (e.g. from another window)
            return
        self.select_annotation(current.id)
        if current.placed:
            self.view.reveal(current)
        else:
            self.hint(UNPLACED_HINT, 8000)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def hint(self, message: str, milliseconds: int = 4000) -> None:
        self.statusBar().showMessage(message, milliseconds)

    def selected(self) -> Annotation | None:
        """The selected quote in full (read when first asked for, not with the document)."""
        wanted = self.selected_id
        if wanted is None:
            return None
        if self._annotations is not None:
            return next((a for a in self._annotations if a.id == wanted), None)
        if self._selected is None or self._selected.id != wanted:
            if not any(q.id == wanted for q in self.quotes):
                return None
            found = self.project.annotations(self.document_id, ids=[wanted])
            self._selected = found[0] if found else None
        return self._selected

    @property
    def annotations(self) -> list[Annotation]:
        """The open document's quotes in full, in reading order: read when first needed
        (opening a document reads only what it shows), kept until they change."""
        if self._annotations is None:
            document_id = self.document_id
            self._annotations = self.project.annotations(document_id) if document_id else []
        return self._annotations

    def _document_quotes(self) -> list[QuoteSummary]:
        """The quotes of the document just read, placed ones sliced from its text."""
        if self.document is None or self.document.id is None:
            return []
        return self.project.quote_summaries(self.document.id, text=self.document.text)

    def _show_quotes(self, quotes: list[QuoteSummary]) -> None:
        self.quotes = quotes
        self._annotations = None if quotes else []
        self._selected = None

    def show_in_passing(self, annotation: QuoteView | None) -> None:
        """Select and show a quote of this document, leaving the focus where it is."""
        if annotation is not None and annotation.document_id == self.document_id:
            self.select_annotation(annotation.id)
            if annotation.placed:
                self.view.reveal(annotation)

    # -- showing -------------------------------------------------------------------------
    def reload_vocabulary(self) -> None:
        """Speakers and codebook changed: colours, inspector lists, code shortcuts, filters."""
        self.speakers = self.project.speakers()
        self.codebook = self.project.codebook()
        self.colours = Colours(self.speakers, self.codebook)
        self.inspector.set_vocabulary(self.speakers, self.codebook)
        self.view.set_colours(self.colours)
        for action in self.code_actions:
            self.view.removeAction(action)
            self.actions_by_id.pop(action.objectName(), None)
            action.deleteLater()
        self.tone_menu.clear()
        self.device_menu.clear()
        self.code_actions = []
        for spec in codebook_specs(self.codebook):
            menu = self.tone_menu if spec.menu == "&Tone" else self.device_menu
            self.code_actions.append(self._add_action(spec, menu))
        self.table.set_choices(self.table.speaker, [s.name for s in self.speakers])
        self.table.set_choices(self.table.tone, [c.name for c in self.codebook.tones])
        self.table.set_choices(self.table.device, [c.name for c in self.codebook.devices])

    def show_summaries(self) -> None:
        self.corpus_panel.show_summaries(self.project.summaries(), self.document_id)
        self.show_counts()

    @property
    def document_id(self) -> int | None:
        return self.document.id if self.document else None

    def open_document(self, document_id: int | None) -> None:
        """Show a document (None: nothing) with its annotations highlighted."""
        if document_id is not None and document_id == self.document_id:
            return
        with many_objects():  # a row and a span for each of thousands of quotes
            self.document = self.project.document(document_id) if document_id else None
            self._show_quotes(self._document_quotes())
            self.selected_id = None
            self.view.show_document(self.document, self.quotes, self.colours)
            self.show_table()
        self.title.setText(_heading(self.document))
        self.inspector.show_annotation(None)
        self.corpus_panel.mark_current(document_id)
        self.find_bar.refresh()
        if document_id is not None:
            self.project.set_setting("last_document", str(document_id))
        self.show_counts()
        self.show_legend()
        self.team.refresh()

    def show_table(
        self, changed: set[str] | None = None, fresh: list[QuoteSummary] | None = None
    ) -> None:
        """Fill the quote table; with ``changed``, update only those rows (``fresh``: their
        new versions in this document, when already read)."""
        titles = {s.id: s.title for s in self.corpus_panel.model.rows}
        whole = self.table.whole_corpus.isChecked()
        self.table.table.setColumnHidden(0, not whole)  # the document column
        shown = self.table.model
        if changed is not None and shown.rows and titles == shown.titles:
            if whole or fresh is None:
                document_id = None if whole else self.document_id
                fresh = self.project.quote_summaries(document_id, ids=changed)
            self.table.update_annotations(changed, fresh)
        else:
            rows = self.project.quote_summaries() if whole else self.quotes
            self.table.show_annotations(rows, titles)
        self.table.follow(self.selected_id)

    def filter_quotes(self) -> None:
        self.table_dock.show()
        self.table.focus_filter()

    def show_legend(self) -> None:
        html = legend_html(self.quotes, self.colours, self.colour_by)
        self.legend.setText(html)
        self.legend.setVisible(bool(html))

    def show_counts(self) -> None:
        rows = self.corpus_panel.model.rows
        quotes = sum(r.quotes for r in rows)
        here = len(self.quotes)
        open_ = [q.status for q in self.quotes].count(Status.SUGGESTED)
        doc = f"This document: {plural(here, 'quote')}" + (f" ({open_} suggested)" if open_ else "")
        corpus = f"Corpus: {plural(len(rows), 'document')}, {plural(quotes, 'quote')}"
        self.counts.setText(f"{doc}   ·   {corpus}  ")

    # -- refreshing after edits --------------------------------------------------------
    def check_for_changes(self) -> None:
        """Show what others changed since this window last looked (polled by a timer)."""
        try:
            count = self.project.edit_count()
        except StoreError:  # busy for a moment: look again next time
            return
        if count != self.seen_edits:
            self.refresh_all()

    def refresh(self, changes: Changes) -> None:
        """Refresh what ``changes`` says moved (called after every commit, undo and redo)."""
        if changes.edit_count and changes.edit_count != self.seen_edits + 1:
            self.seen_edits = changes.edit_count
            self.refresh_all()  # someone else's edits came in between: show theirs too
            return
        self.seen_edits = max(self.seen_edits, changes.edit_count)
        vocabulary = changes.speakers or changes.codebook
        if vocabulary:
            self.reload_vocabulary()
        if self.document_id in changes.details and self.document_id is not None:
            self._reload_details(self.document_id)  # not on every quote edit: its text is big
        if vocabulary:
            document_id = self.document_id
            self._show_quotes(self.project.quote_summaries(document_id) if document_id else [])
            self.view.show_annotations(self.quotes, None)
        fresh = None
        if not vocabulary and changes.annotations and self.document is not None:
            full = self.project.annotations(self.document_id, ids=changes.annotations)
            fresh = [QuoteSummary.of(a) for a in full]
            self.quotes = _patched(self.quotes, changes.annotations, fresh)
            if self._annotations is not None:
                self._annotations = _patched(self._annotations, changes.annotations, full)
            self._selected = None
            self.view.show_annotations(self.quotes, changes.annotations, fresh)
        if changes.documents or changes.annotations:
            summaries = self.project.summaries()
            self.corpus_panel.show_summaries(summaries, self.document_id)
            if self.document_id is not None and self.document_id not in {s.id for s in summaries}:
                self.document = None  # deleted: show another one
                self.open_document(summaries[0].id if summaries else None)
                return
            self.show_table(changes.annotations, fresh)
        if self.selected_id and self.selected() is None:
            self.selected_id = None
            self.view.mark_selected(None)
        self.inspector.show_annotation(self.selected())
        self.show_counts()
        self.show_legend()
        self.team.refresh()
        self.saved.setText("  Saved ✓  ")
        self.statusBar().showMessage("Saved", 2500)

    def _reload_details(self, document_id: int) -> None:
        # Its title, outlet or date may have been corrected (the text is kept: a new text
        # comes with a re-import, which reopens the document).
        try:
            fresh = self.project.document(document_id)
        except StoreError:  # deleted: the caller moves on
            return
        if self.document is not None and fresh.text != self.document.text:
            self.document = None
            self.open_document(document_id)
            return
        self.document = fresh
        self.title.setText(_heading(fresh))

    def reveal(self, changes: Changes, message: str = "") -> None:
        """After an undo or redo: say what it was, open the document it changed, and select
        its quote when it changed one, so the analyst sees what came back or went away."""
        if message:
            self.statusBar().showMessage(message, 6000)
        if len(changes.documents) != 1:
            return  # a corpus-wide step (suggestions for every document): stay here
        (document_id,) = changes.documents
        if document_id not in {s.id for s in self.corpus_panel.model.rows}:
            return
        self.open_document(document_id)
        touched = [q for q in self.quotes if q.id in changes.annotations and q.placed]
        if len(touched) == 1:
            self.select_annotation(touched[0].id)
            self.view.reveal(touched[0])

    def refresh_all(self) -> None:
        """Re-read everything another window may have changed; keep the view if nothing did."""
        self.seen_edits = self.project.edit_count()
        speakers, codebook = self.project.speakers(), self.project.codebook()
        if speakers != self.speakers or codebook != self.codebook:
            self.reload_vocabulary()
        summaries = self.project.summaries()
        if summaries != self.corpus_panel.model.rows:
            self.corpus_panel.show_summaries(summaries, self.document_id)
        if self.document_id not in {s.id for s in summaries}:
            self.document = None
            self.open_document(summaries[0].id if summaries else None)
            return
        quotes = self.project.quote_summaries(self.document_id)
        if quotes != self.quotes:
            self._show_quotes(quotes)
            self.view.show_annotations(quotes)
            self.show_table()
            self.inspector.show_annotation(self.selected())
        self.show_counts()
        self.show_legend()

    def _edit_failed(self, title: str, error: Exception) -> None:
        self.prompts.error(title, str(error))

    # -- window events -------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.loaded:
            self.refresh_all()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._suggestions is not None:
            self._suggestions.stop_suggesting()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("colour_by", self.colour_by.value)
        self.settings.sync()
        super().closeEvent(event)


Shown = TypeVar("Shown", Annotation, QuoteSummary)


def _patched(shown: list[Shown], changed: set[str], fresh: list[Shown]) -> list[Shown]:
    """``shown`` (in reading order) with the ``changed`` quotes replaced by ``fresh``,
    each put in its place rather than the whole list sorted again."""
    kept = [a for a in shown if a.id not in changed] if changed else list(shown)
    for annotation in fresh:
        insort(kept, annotation, key=_reading_order)
    return kept


def _reading_order(annotation: QuoteView) -> tuple[int, int, int, str]:
    return (annotation.document_id, annotation.start, annotation.end, annotation.id)


def _heading(document: Document | None) -> str:
    if document is None:
        return "No document yet: import articles (Ctrl+I) or paste one (Ctrl+Shift+V)"
    meta = " · ".join(x for x in (document.outlet, document.author, document.published) if x)
    return f"<b>{document.title}</b><br><span style='color:#666'>{meta}</span>"
