"""Opening a project: an existing one, or a new one when the analyst means to start one.

The store is imported only when a project is opened: the corpus list can be read without
it (``summaries``), which keeps ``annotator list`` and the workspace's first window quick.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.store.summaries import DocumentSummary, quick_summaries

if TYPE_CHECKING:
    from annotator.store import Project


def project_exists(location: str) -> bool:
    """True for a database URL (the server says) or a project file that exists."""
    return "://" in location or Path(location).expanduser().exists()


def open_project(location: str, *, create: bool = True) -> Project:
    """Open the project at ``location``; with ``create`` False a missing file is an error
    (a mistyped path must not quietly become a new, empty project)."""
    from annotator.store import Project, ProjectOpenError

    if not create and not project_exists(location):
        raise ProjectOpenError(
            f"{location}: no such project (to start one there, add --create, or import "
            "articles into it)"
        )
    return Project(location)


def summaries(location: str, opened: Callable[[], Project]) -> list[DocumentSummary]:
    """Every document of the project with its counts: read directly from a SQLite file at
    the newest schema version, otherwise from the project ``opened`` returns (which
    migrates an older file, or reports why the project cannot be opened)."""
    found = quick_summaries(location)
    return found if found is not None else opened().summaries()
