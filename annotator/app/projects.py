"""Opening a project: an existing one, or a new one when the analyst means to start one."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Project, ProjectOpenError


def project_exists(location: str) -> bool:
    """True for a database URL (the server says) or a project file that exists."""
    return "://" in location or Path(location).expanduser().exists()


def open_project(location: str, *, create: bool = True) -> Project:
    """Open the project at ``location``; with ``create`` False a missing file is an error
    (a mistyped path must not quietly become a new, empty project)."""
    if not create and not project_exists(location):
        raise ProjectOpenError(
            f"{location}: no such project (to start one there, add --create, or import "
            "articles into it)"
        )
    return Project(location)
