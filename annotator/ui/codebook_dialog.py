"""The codebook editor: speakers, tones and devices, with their colours and keys.

The dialog reads a snapshot and asks for edits through ``edit_requested``; the window
applies them (undoable) and the dialog re-reads. It never writes to the project.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.app import coding
from annotator.app.codebook import read_codebook_file, write_codebook_file
from annotator.core import Annotation, Code, Codebook, CodeKind, Speaker
from annotator.core.codebook import codebook_edit
from annotator.core.edits import AddCode, AddSpeaker, Edit, UpdateCode, UpdateSpeaker
from annotator.ui.actions import RESERVED_KEYS
from annotator.ui.inspector import swatch
from annotator.ui.prompts import Prompts

Snapshot = Callable[[], tuple[list[Speaker], Codebook, list[Annotation]]]
KINDS = ("speaker", CodeKind.TONE.value, CodeKind.DEVICE.value)
NOBODY = "(no speaker)"
NOTHING = "(nothing)"


class CodebookDialog(QDialog):
    """Add, rename, recolour, describe, key, merge and delete codebook entries."""

    edit_requested = Signal(object)

    def __init__(self, snapshot: Snapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Codebook")
        self.resize(620, 560)
        self.snapshot = snapshot
        self.prompts = Prompts(self)
        self.tabs = QTabWidget()
        self.lists: dict[str, QListWidget] = {}
        for kind in KINDS:
            self.tabs.addTab(
                self._page(kind),
                {"speaker": "Speakers", "tone": "Tones", "device": "Devices"}[kind],
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        load = buttons.addButton("Import JSON…", QDialogButtonBox.ButtonRole.ActionRole)
        load.clicked.connect(self.import_json)
        save = buttons.addButton("Export JSON…", QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.export_json)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.reload()

    def _page(self, kind: str) -> QWidget:
        page = QWidget()
        entries = QListWidget()
        entries.setAlternatingRowColors(True)
        self.lists[kind] = entries
        column = QVBoxLayout()
        actions = [("Add…", self.add), ("Rename…", self.rename), ("Colour…", self.recolour)]
        if kind == "speaker":
            actions += [("Aliases…", self.edit_aliases), ("Merge into…", self.merge)]
        else:
            actions += [("Describe…", self.describe), ("Shortcut…", self.set_shortcut)]
        actions.append(("Delete…", self.delete))
        for text, handler in actions:
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, h=handler: h())
            column.addWidget(button)
        column.addStretch(1)
        layout = QHBoxLayout(page)
        layout.addWidget(entries, 1)
        layout.addLayout(column)
        return page

    # -- reading -------------------------------------------------------------------------
    def reload(self) -> None:
        self.speakers, self.codebook, self.annotations = self.snapshot()
        uses: dict[tuple[str, str], int] = {}
        for a in self.annotations:
            for key in [("speaker", a.speaker or ""), ("tone", a.tone or "")] + [
                ("device", d) for d in a.devices
            ]:
                uses[key] = uses.get(key, 0) + 1
        for kind, entries in self.lists.items():
            row = entries.currentRow()
            entries.clear()
            for entry in self.entries(kind):
                count = uses.get((kind, entry.name), 0)
                detail = f"   ({count} quote{'' if count == 1 else 's'})"
                if isinstance(entry, Speaker) and entry.aliases:
                    detail = f"   also: {', '.join(entry.aliases)}" + detail
                if isinstance(entry, Code) and entry.shortcut:
                    detail = f"   [{entry.shortcut}]" + detail
                item = QListWidgetItem(swatch(entry.colour), entry.name + detail)
                item.setData(Qt.ItemDataRole.UserRole, entry.name)
                item.setToolTip(getattr(entry, "description", "") or entry.name)
                entries.addItem(item)
            entries.setCurrentRow(min(max(row, 0), entries.count() - 1))

    def entries(self, kind: str) -> list[Speaker] | list[Code]:
        if kind == "speaker":
            return list(self.speakers)
        return list(self.codebook.of_kind(CodeKind(kind)))

    def kind(self) -> str:
        return KINDS[self.tabs.currentIndex()]

    def current(self) -> Speaker | Code | None:
        item = self.lists[self.kind()].currentItem()
        if item is None:
            return None
        name = item.data(Qt.ItemDataRole.UserRole)
        return next((e for e in self.entries(self.kind()) if e.name == name), None)

    def request(self, edit: Edit | None) -> None:
        if edit is not None:
            self.edit_requested.emit(edit)
            self.reload()

    # -- editing -------------------------------------------------------------------------
    def add(self) -> None:
        kind = self.kind()
        name = self.prompts.text(f"New {kind}", "Name:")
        if not name:
            return
        if kind == "speaker":
            self.request(AddSpeaker(Speaker(name), f"Add speaker {name}"))
        else:
            self.request(AddCode(Code(CodeKind(kind), name), f"Add {kind} {name}"))

    def _change(self, entry: Speaker | Code, field: str, value: object, label: str) -> None:
        change = ((field, getattr(entry, field), value),)
        if isinstance(entry, Speaker):
            self.request(UpdateSpeaker(entry.name, change, label))
        else:
            self.request(UpdateCode(entry.kind, entry.name, change, label))

    def rename(self) -> None:
        entry = self.current()
        if entry is None:
            return
        name = self.prompts.text("Rename", f"New name for {entry.name}:", entry.name)
        if name and name != entry.name:
            self._change(entry, "name", name, f"Rename {entry.name} to {name}")

    def recolour(self) -> None:
        entry = self.current()
        colour = self.prompts.colour(f"Colour of {entry.name}", entry.colour) if entry else None
        if entry and colour and colour != entry.colour:
            self._change(entry, "colour", colour, f"Recolour {entry.name}")

    def describe(self) -> None:
        entry = self.current()
        if not isinstance(entry, Code):
            return
        text = self.prompts.text("Describe", f"What {entry.name} means:", entry.description)
        if text is not None and text != entry.description:
            self._change(entry, "description", text, f"Describe {entry.name}")

    def set_shortcut(self) -> None:
        entry = self.current()
        if not isinstance(entry, Code):
            return
        key = self.prompts.text(
            "Shortcut", f"One key for {entry.name} (digit or letter):", entry.shortcut or ""
        )
        key = key.upper() if key else None
        problem = shortcut_problem(key, entry, self.codebook)
        if problem:
            self.prompts.error("Shortcut not available", problem)
        elif key != entry.shortcut:
            self._change(entry, "shortcut", key, f"Shortcut {key} for {entry.name}")

    def edit_aliases(self) -> None:
        entry = self.current()
        if not isinstance(entry, Speaker):
            return
        typed = self.prompts.text(
            "Aliases", f"Other names of {entry.name} (comma-separated):", ", ".join(entry.aliases)
        )
        aliases = tuple(a.strip() for a in (typed or "").split(",") if a.strip())
        if typed is not None and aliases != entry.aliases:
            self._change(entry, "aliases", aliases, f"Aliases of {entry.name}")

    def merge(self) -> None:
        entry = self.current()
        if not isinstance(entry, Speaker):
            return
        others = [s.name for s in self.speakers if s.name != entry.name]
        target = (
            self.prompts.choose("Merge speakers", f"Merge {entry.name} into:", others)
            if others
            else None
        )
        kept = next((s for s in self.speakers if s.name == target), None)
        if kept is not None:
            self.request(coding.merge_speakers(kept, [entry], self.annotations))

    def delete(self) -> None:
        entry = self.current()
        if entry is None:
            return
        if isinstance(entry, Speaker):
            used = [a for a in self.annotations if a.speaker == entry.name]
            options = [NOBODY] + [s.name for s in self.speakers if s.name != entry.name]
        else:
            used = [a for a in self.annotations if entry.name in (a.tone, *a.devices)]
            options = [NOTHING] + [
                c.name for c in self.codebook.of_kind(entry.kind) if c.name != entry.name
            ]
        target: str | None = None
        if used:
            answer = self.prompts.choose(
                f"Delete {entry.name}",
                f"{len(used)} quotes use {entry.name}. Give them instead:",
                options,
            )
            if answer is None:
                return
            target = None if answer in (NOBODY, NOTHING) else answer
        elif not self.prompts.confirm(
            f"Delete {entry.name}", f"Delete {entry.name}? (Ctrl+Z undoes it)"
        ):
            return
        if isinstance(entry, Speaker):
            self.request(coding.delete_speaker(entry, self.annotations, target))
        else:
            self.request(coding.delete_code(entry, self.annotations, target))

    # -- files ---------------------------------------------------------------------------
    def import_json(self) -> None:
        path = self.prompts.open_file("Import codebook", "Codebook (*.json)")
        if not path:
            return
        try:
            codebook, speakers = read_codebook_file(Path(path))
        except ValueError as error:
            self.prompts.error("Not a codebook", str(error))
            return
        edit = codebook_edit(self.codebook, self.speakers, codebook, speakers)
        self.request(edit if edit.edits else None)

    def export_json(self) -> None:
        path = self.prompts.save_file("Export codebook", "Codebook (*.json)", "codebook.json")
        if path:
            write_codebook_file(self.codebook, self.speakers, Path(path))


def shortcut_problem(key: str | None, code: Code, codebook: Codebook) -> str | None:
    """Why ``key`` cannot be the code's shortcut, or None if it can."""
    if key is None:
        return None
    if len(key) != 1 or not key.isalnum():
        return "A shortcut is one letter or digit."
    if key in RESERVED_KEYS:
        return f"{key} is already a coding key (see Help > Keyboard shortcuts)."
    taken = next(
        (
            c
            for c in (*codebook.tones, *codebook.devices)
            if c.shortcut and c.shortcut.upper() == key and c != code
        ),
        None,
    )
    return f"{key} is already the shortcut of {taken.name}." if taken else None
