"""Running the suggestion engine over documents, the same way from both front ends.

``find_suggestions`` runs the (pure) engine document by document and learns the speakers
it finds, so a name found in one article is known in the next; it touches no database and
may run on a worker thread. ``suggestion_edit`` turns one document's suggestions into the
edit that adds them (never over the analyst's own quotes). ``suggest_documents`` does both
for the command line; the workspace applies each document's edit as it arrives and keeps
the whole run as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core import Speaker
from annotator.core.wording import plural
from annotator.store.suggestions import (
    PRONOUNS,
    SuggestionReport,
    accept_all_edit,
    suggestion_edit,
)

if TYPE_CHECKING:
    from annotator.store import Project
    from annotator.suggest import Suggestion

__all__ = [
    "DocumentText",
    "SuggestionReport",
    "accept_all_edit",
    "find_suggestions",
    "run_summary",
    "suggest_documents",
    "suggestion_edit",
]


@dataclass(frozen=True)
class DocumentText:
    """What the engine reads of a document."""

    id: int
    title: str
    text: str


def document_texts(project: Project, document_ids: Iterable[int]) -> list[DocumentText]:
    """The texts of these documents, in the order given."""
    texts = []
    for document_id in document_ids:
        doc = project.document(document_id)
        texts.append(DocumentText(document_id, doc.title, doc.text))
    return texts


def learn_speakers(known: list[Speaker], suggestions: Iterable[Suggestion]) -> None:
    """Add to ``known`` the speakers ``suggestions`` name that it lacks (mentions as aliases)."""
    names = {n.casefold() for speaker in known for n in speaker.names()}
    for s in suggestions:
        if s.speaker and s.speaker.casefold() not in names:
            aliases = tuple(
                dict.fromkeys(
                    m
                    for m in s.speaker_mentions
                    if m.casefold() not in names | PRONOUNS and m != s.speaker
                )
            )
            speaker = Speaker(name=s.speaker, aliases=aliases)
            known.append(speaker)
            names |= {n.casefold() for n in speaker.names()}


def find_suggestions(
    documents: Iterable[DocumentText],
    speakers: Iterable[Speaker],
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[DocumentText, list[Suggestion]]]:
    """Each document with the engine's suggestions, learning speakers as it goes."""
    from annotator.suggest import suggest  # its patterns compile on first use, not at start

    known = list(speakers)
    for document in documents:
        if cancelled():
            return
        found = suggest(document.text, known)
        learn_speakers(known, found)
        yield document, found


def suggest_documents(
    project: Project,
    document_ids: Iterable[int],
    *,
    accept: bool = False,
    on_document: Callable[[DocumentText, SuggestionReport], None] | None = None,
) -> list[SuggestionReport]:
    """Suggest quotes in these documents, adding each document's suggestions at once."""
    reports = []
    texts = document_texts(project, document_ids)
    for document, found in find_suggestions(texts, project.speakers()):
        edit, report = suggestion_edit(project, document.id, found, accept=accept)
        if edit.edits:
            project.apply(edit)
        reports.append(report)
        if on_document is not None:
            on_document(document, report)
    return reports


def run_summary(reports: list[SuggestionReport], total: int, cancelled: bool = False) -> str:
    """``12 new suggestions in 3 documents, 4 already marked`` (and what was cut short)."""
    added = sum(r.added for r in reports)
    documents = sum(1 for r in reports if r.added)
    skipped = sum(r.skipped for r in reports)
    speakers = sum(r.speakers_added for r in reports)
    if added:
        text = f"{plural(added, 'new suggestion')} in {plural(documents, 'document')}"
    else:
        text = "No new suggestions"
    extras = [f"{skipped} already marked"] if skipped else []
    if speakers:
        extras.append(plural(speakers, "new speaker"))
    if extras:
        text += (", " if added else " (") + ", ".join(extras) + ("" if added else ")")
    if cancelled:
        text += f"; cancelled after {len(reports)} of {plural(total, 'document')}"
    return text + "."
