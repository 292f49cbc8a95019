"""Project storage: sqlmodel tables, migrations and the Project API. No Qt.

Names are imported when first used: ``from annotator.store import StoreError`` or
``DocumentSummary`` stays light, and only the Project itself brings in SQLAlchemy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.store.changes import Changes
    from annotator.store.database import ProjectOpenError
    from annotator.store.errors import (
        DuplicateDocument,
        DuplicateName,
        InUse,
        NotFound,
        ProjectBusy,
        ProjectReadOnly,
        StoreError,
        UnknownName,
    )
    from annotator.store.project import Project
    from annotator.store.summaries import DocumentSummary

_HOMES = {
    "Changes": "annotator.store.changes",
    "DocumentSummary": "annotator.store.summaries",
    "DuplicateDocument": "annotator.store.errors",
    "DuplicateName": "annotator.store.errors",
    "InUse": "annotator.store.errors",
    "NotFound": "annotator.store.errors",
    "Project": "annotator.store.project",
    "ProjectBusy": "annotator.store.errors",
    "ProjectReadOnly": "annotator.store.errors",
    "ProjectOpenError": "annotator.store.database",
    "StoreError": "annotator.store.errors",
    "UnknownName": "annotator.store.errors",
}
__all__ = [
    "Changes",
    "DocumentSummary",
    "DuplicateDocument",
    "DuplicateName",
    "InUse",
    "NotFound",
    "Project",
    "ProjectBusy",
    "ProjectOpenError",
    "ProjectReadOnly",
    "StoreError",
    "UnknownName",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
