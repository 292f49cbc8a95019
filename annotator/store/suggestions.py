"""Turning engine suggestions into annotations without ever overriding the analyst.

Running suggestions again never duplicates an annotation, never brings back one the
analyst rejected, and never changes one they accepted or edited: a suggestion that
overlaps any existing annotation of the document is left out. Speakers are matched to
existing ones by name or alias; new ones are created with the mentions seen as aliases.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from annotator.core import Annotation, CodeKind, Speaker, Status, match_speaker
from annotator.core.edits import AddAnnotation, AddSpeaker, Batch, Edit, UpdateAnnotation
from annotator.core.provenance import ENGINE_NAME
from annotator.core.spans import same_quote

if TYPE_CHECKING:
    from annotator.store.project import Project

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})


class SuggestionLike(Protocol):
    """What the store needs of a suggestion (``annotator.suggest.Suggestion`` fits)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def speaker_mentions(self) -> tuple[str, ...]: ...
    @property
    def tone(self) -> str | None: ...
    @property
    def devices(self) -> tuple[str, ...]: ...
    @property
    def confidence(self) -> float: ...
    @property
    def why(self) -> str: ...


@dataclass(frozen=True)
class SuggestionReport:
    """What one run of suggestions did to one document."""

    document_id: int
    added: int
    skipped: int  # overlapping an annotation already there (any status)
    speakers_added: int


_overlaps = same_quote  # the project's one overlap rule


class _Taken:
    """The spans already in a document, sorted by start, for overlap checks that look only
    at spans that can reach the new one (linear in quotes, not quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _end in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        last = bisect_left(self.starts, end)  # spans starting before this one ends
        first = bisect_left(self.starts, start - self.longest)  # ...and able to reach it
        return any(_overlaps(start, end, a, b) for a, b in self.spans[first:last])

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self.spans, (start, end))
        self.spans.insert(at, (start, end))
        self.starts.insert(at, start)
        self.longest = max(self.longest, end - start)


class _SpeakerBook:
    """Canonical speakers for suggested names, creating new ones as needed."""

    def __init__(self, project: Project) -> None:
        self.known = project.speakers()  # read once: a run looks names up for every quote
        self.new: dict[str, Speaker] = {}
        self.taken = {n.casefold() for sp in self.known for n in sp.names()}

    def canonical(self, name: str | None, mentions: Sequence[str]) -> str | None:
        if not name:
            return None
        for candidate in (name, *mentions):
            known = match_speaker(self.known, candidate)
            if known is not None:
                return known.name
            if candidate.casefold() in self.new:
                return self.new[candidate.casefold()].name
        aliases = tuple(
            dict.fromkeys(
                m.strip()
                for m in mentions
                if m.strip()
                and m.strip().casefold() not in PRONOUNS
                and m.strip().casefold() != name.casefold()
                and m.strip().casefold() not in self.taken
            )
        )
        speaker = Speaker(name=name, aliases=aliases)
        for n in speaker.names():
            self.new[n.casefold()] = speaker
            self.taken.add(n.casefold())
        return name

    def edits(self) -> list[Edit]:
        unique = {sp.name: sp for sp in self.new.values()}
        return [AddSpeaker(sp) for sp in unique.values()]


def suggestion_edit(
    project: Project,
    document_id: int,
    suggestions: Sequence[SuggestionLike],
    *,
    accept: bool = False,
) -> tuple[Batch, SuggestionReport]:
    """The one edit that adds the new suggestions of a document (undoable as one step)."""
    document = project.document(document_id)
    existing = project.annotations(document_id)
    codebook = project.codebook()
    book = _SpeakerBook(project)
    added: list[Annotation] = []
    skipped = 0
    taken = _Taken((a.start, a.end) for a in existing)
    for s in sorted(suggestions, key=lambda s: (s.start, s.end)):
        if taken.overlaps(s.start, s.end):
            skipped += 1
            continue
        taken.add(s.start, s.end)
        tone = codebook.find(CodeKind.TONE, s.tone) if s.tone else None
        devices = [codebook.find(CodeKind.DEVICE, d) for d in s.devices]
        added.append(
            Annotation.on(
                document_id,
                document.text,
                s.start,
                s.end,
                speaker=book.canonical(s.speaker, s.speaker_mentions),
                tone=tone.name if tone else None,
                devices=tuple(d.name for d in devices if d is not None),
                status=Status.ACCEPTED if accept else Status.SUGGESTED,
                confidence=round(float(s.confidence), 3),
                annotator=ENGINE_NAME,
                why=s.why or None,
            )
        )
    speaker_edits = book.edits()
    edits: list[Edit] = [*speaker_edits, *(AddAnnotation(a, label="Suggest") for a in added)]
    report = SuggestionReport(document_id, len(added), skipped, len(speaker_edits))
    return Batch(tuple(edits), "Suggest quotes"), report


def accept_all_edit(project: Project, document_id: int) -> Batch:
    """The one edit that accepts every open suggestion of a document."""
    return Batch(
        tuple(
            UpdateAnnotation.between(a, label="Accept", status=Status.ACCEPTED)
            for a in project.annotations(document_id)
            if a.status is Status.SUGGESTED
        ),
        "Accept all suggestions",
    )
