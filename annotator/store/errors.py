"""Errors the store reports; each message is one clear sentence for the analyst."""

from __future__ import annotations

from collections.abc import Iterable


class StoreError(ValueError):
    """A request the project cannot carry out; nothing was changed."""


class UnknownName(StoreError):
    """A speaker, tone or device name that the project does not know."""

    def __init__(self, kind: str, name: str, valid: Iterable[str] = ()) -> None:
        names = sorted(valid, key=str.casefold)
        hint = f"; valid {kind}s: {', '.join(names)}" if names else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")
        self.kind, self.name, self.valid = kind, name, names


class DuplicateName(StoreError):
    """A name that is already taken by another speaker or code."""


class InUse(StoreError):
    """A speaker or code still used by annotations (reassign them first)."""


class DuplicateDocument(StoreError):
    """The same text is already in the project."""

    def __init__(self, title: str, existing_id: int, existing_title: str) -> None:
        super().__init__(
            f"{title!r} has the same text as document {existing_id} ({existing_title!r})"
        )
        self.existing_id = existing_id


class NotFound(StoreError):
    """No document or annotation with that id."""


class ProjectBusy(StoreError):
    """Another program kept the project busy for longer than a write waits; try again."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where}: the project is busy (another program is writing to it); "
            "nothing was changed, try again in a moment"
        )
        self.where = where


class ProjectReadOnly(StoreError):
    """The project's file, its folder or the database account does not allow writing."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where}: the project is read-only (the file or its folder cannot be written, "
            "or the database account may only read); nothing was changed"
        )
        self.where = where
