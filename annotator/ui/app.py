"""Starting the workspace: the application, the project, the first window."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.app.projects import open_project as open_project_at
from annotator.paths import APP_NAME
from annotator.store.summaries import quick_summaries
from annotator.ui.main_window import MainWindow

if TYPE_CHECKING:
    from annotator.store import Project

log = logging.getLogger(__name__)
ORGANISATION = "Speechmark"

# Windows stay alive while open: Qt does not keep Python references to top-level widgets.
open_windows: list[MainWindow] = []


def application() -> QApplication:
    """The running QApplication, created with the names QSettings files are kept under."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    return app


def open_project(location: str) -> Project | None:
    """Open a project, or say clearly why it cannot be opened."""
    try:
        return open_project_at(location)
    except Exception as error:  # locked, not a project, made by a newer version...
        log.exception("cannot open %s", location)
        QMessageBox.critical(None, "Cannot open the project", f"{location}\n\n{error}")
        return None


def open_window(location: str, settings: QSettings | None = None) -> MainWindow | None:
    """A new window on the project at ``location`` (None if it cannot be opened).

    A SQLite project at the newest schema shows its corpus list at once and is opened by
    the window just after (see ``MainWindow``); any other project (a database URL, a file
    to migrate or to create) is opened first, so its errors are said before any window."""
    summaries = quick_summaries(location)
    window: MainWindow
    if summaries is not None:
        window = MainWindow(location, settings, summaries)
    else:
        project = open_project(location)
        if project is None:
            return None
        window = MainWindow(project, settings)
    window.files.remember_project()
    open_windows.append(window)
    window.destroyed.connect(lambda _o=None, w=window: _forget(w))
    window.show()
    return window


def _forget(window: MainWindow) -> None:
    if window in open_windows:
        open_windows.remove(window)


def report_unexpected(kind: type[BaseException], error: BaseException, trace: object) -> None:
    """Log any error that escapes a handler and tell the analyst; the window stays open."""
    log.error("unexpected error", exc_info=(kind, error, trace))  # type: ignore[arg-type]
    parent = open_windows[-1] if open_windows else None
    QMessageBox.warning(parent, "Something went wrong", f"{error}\n\nYour saved work is safe.")


def run(location: str, first_run_sample: bool = False) -> int:
    """Open the workspace on ``location``; on the default project, add the sample once."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("annotator").setLevel(logging.INFO)
    app = application()
    sys.excepthook = report_unexpected
    # A project that has documents never takes the sample: the quick read tells.
    if first_run_sample and not quick_summaries(location):
        project = open_project(location)
        if project is None:
            return 1
        from annotator.io.sample import add_sample_if_new

        try:
            add_sample_if_new(project)
        finally:
            project.close()
    if open_window(location) is None:
        return 1
    return app.exec()
