"""Edits: every change an analyst makes, as a small object that knows its inverse.

The store applies an edit in one committed transaction (``Project.apply``); the GUI wraps
each in one undo command and the CLI applies the same objects, so a scripted edit and a
keyboard edit take one road and undo is testable without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.core.model import Annotation, Code, CodeKind, Document, Speaker

# Fields of an annotation an edit may change. A change of start/end also refreshes the
# quote and its context from the document's text.
ANNOTATION_FIELDS = frozenset(
    {"speaker", "tone", "devices", "note", "status", "confidence", "start", "end"}
)
SPEAKER_FIELDS = frozenset({"name", "aliases", "role", "organisation", "country", "colour"})
CODE_FIELDS = frozenset({"name", "description", "colour", "shortcut", "parent"})
# What an analyst may correct about a document (its text changes only by a re-import).
DOCUMENT_FIELDS = frozenset(
    {"title", "source", "outlet", "author", "published", "language", "url", "attributes"}
)

Change = tuple[str, Any, Any]  # (field, old value, new value)


def _check(changes: tuple[Change, ...], allowed: frozenset[str]) -> None:
    for name, _old, _new in changes:
        if name not in allowed:
            raise ValueError(f"cannot edit field {name!r}")


def _changes(before: object, after: dict[str, Any]) -> tuple[Change, ...]:
    """(field, old, new) for each value of ``after`` that differs from ``before``'s."""
    return tuple(
        (name, getattr(before, name), value)
        for name, value in after.items()
        if getattr(before, name) != value
    )


def _swap(changes: tuple[Change, ...]) -> tuple[Change, ...]:
    return tuple((name, new, old) for name, old, new in changes)


class Edit:
    """Base of all edits; ``label`` is what the Edit menu shows (Undo <label>)."""

    label: str = "Edit"

    def inverse(self) -> Edit:
        raise NotImplementedError


@dataclass(frozen=True)
class AddAnnotation(Edit):
    annotation: Annotation
    label: str = "Add quote"

    def inverse(self) -> Edit:
        return RemoveAnnotation(self.annotation, label=self.label)


@dataclass(frozen=True)
class RemoveAnnotation(Edit):
    annotation: Annotation
    label: str = "Delete quote"

    def inverse(self) -> Edit:
        return AddAnnotation(self.annotation, label=self.label)


@dataclass(frozen=True)
class UpdateAnnotation(Edit):
    """Change some fields of one annotation; ``changes`` holds (field, old, new)."""

    annotation_id: str
    changes: tuple[Change, ...]
    label: str = "Change quote"

    def __post_init__(self) -> None:
        _check(self.changes, ANNOTATION_FIELDS)

    def inverse(self) -> Edit:
        return UpdateAnnotation(self.annotation_id, _swap(self.changes), self.label)

    @classmethod
    def between(
        cls, before: Annotation, label: str = "Change quote", **after: Any
    ) -> UpdateAnnotation:
        """The edit that turns ``before`` into ``before`` with ``after``'s fields."""
        changes = _changes(before, after)
        return cls(before.id, changes, label)


@dataclass(frozen=True)
class AddSpeaker(Edit):
    speaker: Speaker
    label: str = "Add speaker"

    def inverse(self) -> Edit:
        return RemoveSpeaker(self.speaker, label=self.label)


@dataclass(frozen=True)
class RemoveSpeaker(Edit):
    """Remove a speaker; annotations attributed to it must be reassigned first."""

    speaker: Speaker
    label: str = "Delete speaker"

    def inverse(self) -> Edit:
        return AddSpeaker(self.speaker, label=self.label)


@dataclass(frozen=True)
class UpdateSpeaker(Edit):
    """Change a speaker's fields (rename, aliases, colour...), found by current name."""

    name: str
    changes: tuple[Change, ...]
    label: str = "Change speaker"

    def __post_init__(self) -> None:
        _check(self.changes, SPEAKER_FIELDS)

    def inverse(self) -> Edit:
        new_name = next((new for f, _old, new in self.changes if f == "name"), self.name)
        return UpdateSpeaker(new_name, _swap(self.changes), self.label)


@dataclass(frozen=True)
class AddCode(Edit):
    code: Code
    label: str = "Add code"

    def inverse(self) -> Edit:
        return RemoveCode(self.code, label=self.label)


@dataclass(frozen=True)
class RemoveCode(Edit):
    """Remove a tone or device; annotations using it must be reassigned first."""

    code: Code
    label: str = "Delete code"

    def inverse(self) -> Edit:
        return AddCode(self.code, label=self.label)


@dataclass(frozen=True)
class UpdateCode(Edit):
    kind: CodeKind
    name: str
    changes: tuple[Change, ...]
    label: str = "Change code"

    def __post_init__(self) -> None:
        _check(self.changes, CODE_FIELDS)

    def inverse(self) -> Edit:
        new_name = next((new for f, _old, new in self.changes if f == "name"), self.name)
        return UpdateCode(self.kind, new_name, _swap(self.changes), self.label)


@dataclass(frozen=True)
class AddDocument(Edit):
    """Add a document and its annotations (an import, a paste, or undoing a delete).

    A new document has no id yet: the store gives it one, and returns the edit with that
    id filled in (``Changes.applied``), which is what undo must invert.
    """

    document: Document
    annotations: tuple[Annotation, ...] = ()
    label: str = "Add document"

    def inverse(self) -> Edit:
        return RemoveDocument(self.document, self.annotations, self.label)


@dataclass(frozen=True)
class RemoveDocument(Edit):
    """Delete a document and its annotations, keeping both so the delete can be undone."""

    document: Document
    annotations: tuple[Annotation, ...] = ()
    label: str = "Delete document"

    def inverse(self) -> Edit:
        return AddDocument(self.document, self.annotations, self.label)


@dataclass(frozen=True)
class UpdateDocument(Edit):
    """Correct a document's title, outlet, author, date, address or variables."""

    document_id: int
    changes: tuple[Change, ...]
    label: str = "Edit document details"

    def __post_init__(self) -> None:
        _check(self.changes, DOCUMENT_FIELDS)

    def inverse(self) -> Edit:
        return UpdateDocument(self.document_id, _swap(self.changes), self.label)

    @classmethod
    def between(
        cls, before: Document, label: str = "Edit document details", **after: Any
    ) -> UpdateDocument:
        """The edit that gives ``before`` the values in ``after`` (unchanged ones left out)."""
        assert before.id is not None
        changes = _changes(before, after)
        return cls(before.id, changes, label)


@dataclass(frozen=True)
class ReviseDocument(Edit):
    """A new version of a document's text (a re-import), with its quotes placed again.

    ``before``/``after`` hold the document and its annotations on each side; only the text
    (with its metadata) and the quotes' spans, context and placement change.
    """

    before: Document
    after: Document
    before_annotations: tuple[Annotation, ...] = ()
    after_annotations: tuple[Annotation, ...] = ()
    label: str = "Re-import document"

    @property
    def orphaned(self) -> int:
        """How many quotes could not be placed on the new text."""
        return sum(1 for a in self.after_annotations if not a.placed)

    def inverse(self) -> Edit:
        return ReviseDocument(
            self.after, self.before, self.after_annotations, self.before_annotations, self.label
        )


@dataclass(frozen=True)
class Batch(Edit):
    """Several edits applied as one user action (one undo step, one transaction)."""

    edits: tuple[Edit, ...]
    label: str = "Edit"

    def inverse(self) -> Edit:
        return Batch(tuple(e.inverse() for e in reversed(self.edits)), self.label)
