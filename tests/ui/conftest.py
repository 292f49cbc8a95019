"""Workspace fixtures: a window on a small project, QSettings in a temp file, no modals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core import Document
from annotator.store import Project
from annotator.ui.main_window import MainWindow

ARTICLE = (
    "Talks end in acrimony\n"
    "\n"
    'The minister said "we came here with open hands" before leaving. '
    "Her rival answered: “Nobody believes that story any more.” Then he left.\n"
    "\n"
    "Analysts were divided on what comes next."
)


class FakePrompts:
    """Answers the window's questions from queues and records the errors shown."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str, str]] = []
        self.answers: list[object] = []
        self.confirmations: list[bool] = []
        self.dialogs: list[Callable[[object], bool]] = []  # fill a dialog in, say OK or not

    def error(self, title: str, message: str, details: str = "") -> None:
        self.errors.append((title, message, details))

    def info(self, title: str, message: str) -> None:
        pass

    def run_dialog(self, dialog: object) -> bool:
        return self.dialogs.pop(0)(dialog) if self.dialogs else False

    def confirm(self, title: str, question: str, action: str = "Delete") -> bool:
        return self.confirmations.pop(0) if self.confirmations else True

    def _next(self, *_args: object, **_kwargs: object) -> object:
        return self.answers.pop(0) if self.answers else None

    text = choose = open_file = open_folder = save_file = colour = _next

    def open_files(self, *_args: object) -> list[str]:
        return list(self.answers.pop(0)) if self.answers else []  # type: ignore[call-overload]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def article(project: Project) -> Document:
    return project.add_document(
        Document(title="Talks end in acrimony", text=ARTICLE, outlet="Herald")
    )


@pytest.fixture
def make_window(qtbot, settings: QSettings) -> Iterator[Callable[[Project], MainWindow]]:
    made: list[MainWindow] = []

    def make(project: Project) -> MainWindow:
        window = MainWindow(project, settings)
        window.prompts = FakePrompts()  # type: ignore[assignment]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        window.view.setFocus()
        made.append(window)
        return window

    yield make
    for window in made:
        window.edits.stack.clear()


@pytest.fixture
def window(make_window, project: Project, article: Document) -> MainWindow:
    return make_window(project)


def press(
    widget: QWidget, key: Qt.Key, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier
) -> None:
    """Send a key press/release with ``text`` (works for characters beyond Latin-1)."""
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))
