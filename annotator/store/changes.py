"""The record of what an edit touched, kept apart from the store's SQL so the workspace
can name it before the store is loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.core.edits import Edit


@dataclass
class Changes:
    """What an edit touched, so views refresh only that."""

    annotations: set[str] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    speakers: bool = False
    codebook: bool = False
    # Documents whose own record (text, title, outlet...) changed, not just their quotes.
    details: set[int] = field(default_factory=set)
    # The edit as it went in, with what the store decided filled in (a new document's id):
    # the one to keep for undo.
    applied: Edit | None = None
    edit_count: int = 0  # the project's edit count once this edit went in

    def merge(self, other: Changes) -> None:
        """Add what ``other`` touched to this record."""
        self.annotations |= other.annotations
        self.documents |= other.documents
        self.details |= other.details
        self.speakers |= other.speakers
        self.codebook |= other.codebook
