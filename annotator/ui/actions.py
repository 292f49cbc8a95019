"""Every command of the window as data: one table builds menus, toolbar and shortcut sheet.

A handler is a function of the window (it calls one of its controllers).
``scope="document"`` actions answer only while the text has focus, so single keys (Q, J,
1, M...) stay free for typing elsewhere; ``scope="corpus"`` ones only while the document
list has focus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.core import Codebook, CodeKind

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


Handler = Callable[["MainWindow"], object]


def _nothing(_window: MainWindow) -> None:
    """The handler of an action that only shows (none in the table)."""


@dataclass(frozen=True)
class ActionSpec:
    """One command: id, menu text, shortcuts, handler method, where it appears."""

    id: str
    text: str
    shortcuts: tuple[str, ...] = ()
    handler: Handler = _nothing
    menu: str = ""
    toolbar: bool = False
    scope: str = "window"  # or "document", "corpus"
    tip: str = ""
    separator_before: bool = False
    short: str = ""  # the toolbar's text, when shorter than the menu's


A = ActionSpec
ACTIONS: tuple[ActionSpec, ...] = (
    A("new_project", "&New project…", ("Ctrl+N",), lambda w: w.files.new_project(), "&File"),
    A("open_project", "&Open project…", ("Ctrl+O",), lambda w: w.files.open_project(), "&File"),
    A("import_files", "&Import files…", ("Ctrl+I",),
      lambda w: w.files.import_files(), "&File", True,
      separator_before=True, tip="Import articles (.txt, .md, .docx, .html)", short="Import"),
    A("import_folder", "Import &folder…", ("Ctrl+Shift+I",),
      lambda w: w.files.import_folder(), "&File"),
    A("import_corpus", "Import &corpus with quotes…", ("Ctrl+Alt+I",),
      lambda w: w.files.import_corpus(), "&File",
      tip="Import a Speechmark JSONL corpus or a REFI-QDA (.qdpx) project"),
    A("paste_document", "&Paste as new document…", ("Ctrl+Shift+V",),
      lambda w: w.files.paste_document(), "&File"),
    A("document_details", "Document &details…", ("Ctrl+Alt+D",),
      lambda w: w.files.edit_details(), "&File",
      tip="Title, outlet, author, date, web address and your own variables"),
    A("delete_document", "&Delete document…", ("Del",),
      lambda w: w.files.delete_document(), "&File",
      scope="corpus"),
    A("export_selection", "E&xport quotes…", ("Ctrl+E",),
      lambda w: w.files.export_selection(), "&File",
      separator_before=True, tip="Export chosen documents, speakers, tones or dates"),
    A("briefing", "&Briefing…", ("Ctrl+Shift+E",), lambda w: w.files.write_briefing(), "&File",
      tip="Write a Word briefing of the quotes"),
    A("quit", "&Quit", ("Ctrl+Q",), lambda w: w.close(), "&File", separator_before=True),
    A("find", "&Find in document…", ("Ctrl+F",),
      lambda w: w.views.find_in_document(), "&Edit", True,
      separator_before=True, tip="Find in this document", short="Find"),
    A("find_corpus", "Find in &corpus…", ("Ctrl+Shift+F",),
      lambda w: w.views.find_in_corpus(), "&Edit"),
    A("filter_quotes", "Filter the &quote table", ("Ctrl+L",),
      lambda w: w.filter_quotes(), "&Edit"),
    A("codebook", "&Codebook…", ("Ctrl+B",), lambda w: w.views.edit_codebook(), "&Edit", True,
      separator_before=True, tip="Speakers, tones and devices"),
    A("mark_quote", "&Mark quote", ("Q",),
      lambda w: w.coding.mark_quote(), "&Quote", True, "document",
      "Mark the selected text as a quote (Q or Enter)", short="Mark quote"),
    A("accept", "&Accept quote / mark selection", ("Return", "Enter"),
      lambda w: w.coding.accept_or_mark(),
      "&Quote", scope="document"),
    A("reject", "&Reject suggested quote", ("Backspace",),
      lambda w: w.coding.reject(), "&Quote", scope="document"),
    A("extend_to_marks", "&Extend to quotation marks", ("E", "Shift+Q"),
      lambda w: w.coding.extend_to_marks(),
      "&Quote", scope="document"),
    A("focus_speaker", "Set &speaker", ("S",),
      lambda w: w.coding.focus_speaker(), "&Quote", scope="document",
      separator_before=True),
    A("next", "&Next quote", ("J",), lambda w: w.coding.next_quote(), "&Quote", scope="document",
      separator_before=True),
    A("previous", "&Previous quote", ("K",),
      lambda w: w.coding.previous_quote(), "&Quote", scope="document"),
    A("start_left", "Start one word earlier", ("Shift+Left",),
      lambda w: w.coding.start_left(), "&Quote",
      scope="document", separator_before=True),
    A("start_right", "Start one word later", ("Shift+Right",),
      lambda w: w.coding.start_right(), "&Quote",
      scope="document"),
    A("end_left", "End one word earlier", ("Ctrl+Shift+Left",),
      lambda w: w.coding.end_left(), "&Quote",
      scope="document"),
    A("end_right", "End one word later", ("Ctrl+Shift+Right",),
      lambda w: w.coding.end_right(), "&Quote",
      scope="document"),
    A("delete_quote", "&Delete quote", ("Del",),
      lambda w: w.coding.delete_quote(), "&Quote", scope="document",
      separator_before=True),
    A("deselect", "Deselect", ("Esc",), lambda w: w.coding.deselect(), "&Quote", scope="document"),
    A("suggest_document", "Suggest quotes in this &document", ("Ctrl+G",),
      lambda w: w.suggestions.suggest_in_document(), "&Suggest", True, short="Suggest",
      tip="Find quotes and their speakers, tone and devices in this document"),
    A("suggest_corpus", "Suggest quotes in &all documents", ("Ctrl+Shift+G",),
      lambda w: w.suggestions.suggest_in_corpus(), "&Suggest", True, short="Suggest all",
      tip="Find quotes in every document of the corpus"),
    A("next_suggestion", "&Next suggestion", ("N",),
      lambda w: w.suggestions.next_suggestion(), "&Suggest",
      scope="document", separator_before=True,
      tip="Select the next open suggestion (Enter accepts, Backspace rejects)"),
    A("accept_all", "A&ccept all suggestions in this document", ("Ctrl+Shift+A",),
      lambda w: w.suggestions.accept_all_suggestions(), "&Suggest", True, short="Accept all",
      tip="Accept every open suggestion in this document"),
    A("merge_colleague", "&Merge a colleague's work…", ("Ctrl+Alt+M",),
      lambda w: w.team.merge_colleague(), "&Team",
      tip="Bring in another analyst's project, JSONL corpus or .qdpx as their layer"),
    A("agreement", "&Agreement…", ("Ctrl+Alt+A",), lambda w: w.team.show_agreement(), "&Team",
      tip="Kappa and alpha between analysts on the documents they both coded"),
    A("compare", "&Compare and decide", ("Ctrl+Alt+C",), lambda w: w.team.toggle_compare(),
      "&Team", tip="Both analysts' quotes in this document: M keeps mine, T takes theirs"),
    A("analysis", "&Analysis…", ("Ctrl+Alt+P",), lambda w: w.views.show_analysis(), "&View",
      tip="Patterns: speaker by tone, devices, tone over time, by your variables"),
    A("colour_speaker", "Colour by &speaker", ("Ctrl+1",),
      lambda w: w.views.colour_by_speaker(), "&View",
      short="Speaker"),
    A("colour_tone", "Colour by &tone", ("Ctrl+2",),
      lambda w: w.views.colour_by_tone(), "&View", short="Tone"),
    A("colour_device", "Colour by &device", ("Ctrl+3",),
      lambda w: w.views.colour_by_device(), "&View",
      short="Device"),
    A("shortcuts", "&Keyboard shortcuts", ("F1",), lambda w: w.views.show_shortcuts(), "&Help"),
    A("about", "&About Speechmark", (), lambda w: w.views.show_about(), "&Help"),
)  # fmt: skip

MENUS = ("&File", "&Edit", "&Quote", "&Suggest", "&Team", "&View", "&Help")


def make_action(
    spec: ActionSpec, parent: QWidget, handler: Callable[[], object], scopes: dict[str, QWidget]
) -> QAction:
    """A QAction for ``spec``, bound to the widget of its scope (the window by default)."""
    action = QAction(spec.text, parent)
    action.setObjectName(spec.id)
    action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
    if spec.short:
        action.setIconText(spec.short)
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(
            f"{spec.tip} ({', '.join(spec.shortcuts)})" if spec.shortcuts else spec.tip
        )
    action.triggered.connect(lambda _checked=False: handler())
    if spec.scope in scopes:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        scopes[spec.scope].addAction(action)
    else:
        parent.addAction(action)
    return action


def codebook_specs(codebook: Codebook) -> list[ActionSpec]:
    """One action per tone and device, bound to its shortcut
    key unless a coding command or an earlier code has that key (an imported codebook may
    bring clashes the codebook dialog refuses: an ambiguous key would do nothing at all)."""
    specs = []
    taken = set(RESERVED_KEYS)
    for kind, menu in ((CodeKind.TONE, "&Tone"), (CodeKind.DEVICE, "De&vice")):
        for code in codebook.of_kind(kind):
            key = code.shortcut.upper() if code.shortcut else ""
            keys = (key,) if key and key not in taken else ()
            taken.add(key)
            text = code.name if kind is CodeKind.TONE else f"Toggle {code.name}"
            handler = _code_handler(kind, code.name)
            specs.append(
                ActionSpec(f"{kind.value}:{code.name}", text, keys, handler, menu,
                           scope="document", tip=code.description)
            )  # fmt: skip
    return specs


def _code_handler(kind: CodeKind, name: str) -> Handler:
    return lambda w: w.coding.apply_code(kind.value, name)


RESERVED_KEYS = frozenset(
    key.upper() for spec in ACTIONS if spec.scope == "document" for key in spec.shortcuts
)


def shortcut_rows(
    actions: Iterable[QAction], menu_of: dict[str, str]
) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every bound action, from the real QActions."""
    rows = []
    for action in actions:
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        if keys:
            menu = menu_of.get(action.objectName(), "").replace("&", "")
            rows.append((menu, action.text().replace("&", ""), keys))
    return rows
