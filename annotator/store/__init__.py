"""Project storage: sqlmodel tables, migrations and the Project API. No Qt."""

from annotator.store.apply import Changes
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
from annotator.store.project import DocumentSummary, Project

__all__ = [
    "Changes",
    "DocumentSummary",
    "DuplicateDocument",
    "DuplicateName",
    "InUse",
    "NotFound",
    "Project",
    "ProjectBusy",
    "ProjectReadOnly",
    "ProjectOpenError",
    "StoreError",
    "UnknownName",
]
