"""The edits behind each coding gesture, built from plain values (no Qt, no database).

Each function takes what the analyst sees (an annotation, the speakers, the codebook)
and returns the core edit to apply, or None when there is nothing to change. The command
line and the workspace both build their edits here, so a name typed in either resolves to
the same speaker (``resolve_speaker``) and a new speaker gets the same colour (the store
gives one to a speaker added without).
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core import (
    Annotation,
    Code,
    CodeKind,
    Document,
    Speaker,
    Status,
    match_speaker,
)
from annotator.core.edits import (
    AddAnnotation,
    AddSpeaker,
    Batch,
    Edit,
    RemoveCode,
    RemoveSpeaker,
    UpdateAnnotation,
    UpdateSpeaker,
)


def new_quote(document: Document, start: int, end: int, annotator: str) -> AddAnnotation:
    """An accepted quote over ``document.text[start:end]``."""
    assert document.id is not None
    annotation = Annotation.on(
        document.id, document.text, start, end, status=Status.ACCEPTED, annotator=annotator
    )
    return AddAnnotation(annotation)


def resolve_speaker(speakers: Iterable[Speaker], typed: str) -> Speaker | None:
    """The speaker a typed name means: by name, alias or (if unambiguous) surname, any case."""
    return match_speaker(speakers, typed)


def speaker_for(typed: str, speakers: Iterable[Speaker]) -> tuple[str, list[Edit]]:
    """The canonical name for ``typed`` and the edits creating it when it is new."""
    typed = " ".join(typed.split())
    known = resolve_speaker(speakers, typed)
    if known is not None:
        return known.name, []
    return typed, [AddSpeaker(Speaker(typed))]


def attribute(annotation: Annotation, typed: str, speakers: Iterable[Speaker]) -> Edit | None:
    """Attribute the quote to ``typed``: a known name, alias or surname, or a new speaker."""
    if not typed.strip():
        if annotation.speaker is None:
            return None
        return UpdateAnnotation.between(annotation, "Clear speaker", speaker=None)
    name, new = speaker_for(typed, speakers)
    if name == annotation.speaker:
        return None
    retag = UpdateAnnotation.between(annotation, f"Speaker {name}", speaker=name)
    if not new:
        return retag
    return Batch((*new, retag), f"New speaker {name}")


def set_tone(annotation: Annotation, tone: str) -> Edit:
    """Give the quote that tone; giving it the tone it has clears it."""
    if annotation.tone == tone:
        return UpdateAnnotation.between(annotation, f"Clear tone {tone}", tone=None)
    return UpdateAnnotation.between(annotation, f"Tone {tone}", tone=tone)


def toggle_device(annotation: Annotation, device: str) -> Edit:
    """Add the device to the quote, or take it away if it is there."""
    if device in annotation.devices:
        devices = tuple(d for d in annotation.devices if d != device)
        return UpdateAnnotation.between(annotation, f"Remove {device}", devices=devices)
    devices = (*annotation.devices, device)
    return UpdateAnnotation.between(annotation, f"Add {device}", devices=devices)


def set_status(annotation: Annotation, status: Status) -> Edit | None:
    if annotation.status is status:
        return None
    labels = {Status.ACCEPTED: "Accept", Status.REJECTED: "Reject", Status.SUGGESTED: "Reopen"}
    return UpdateAnnotation.between(annotation, f"{labels[status]} quote", status=status)


def move_edge(annotation: Annotation, text: str, edge: str, step: int) -> Edit | None:
    """Move the quote's ``start`` or ``end`` by one word (``step`` -1: left, +1: right).

    The start lands on the beginning of a word and the end on the end of one, so the
    quote never starts or ends with a space.
    """
    start, end = annotation.start, annotation.end
    if edge == "start":
        start = min(word_start(text, start, step), end - 1)
    else:
        end = max(word_end(text, end, step), start + 1)
    if (start, end) == (annotation.start, annotation.end):
        return None
    return UpdateAnnotation.between(annotation, "Adjust quote", start=start, end=end)


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "'’-"


def _skip(text: str, at: int, step: int, space: bool) -> int:
    # Skip characters outside words (``space``) or inside them, to the left or right.
    if step > 0:
        while at < len(text) and _in_word(text[at]) != space:
            at += 1
    else:
        while at > 0 and _in_word(text[at - 1]) != space:
            at -= 1
    return at


def word_start(text: str, at: int, step: int) -> int:
    """The start of the previous (``step`` < 0) or next word from ``at``."""
    if step < 0:
        return _skip(text, _skip(text, at, -1, True), -1, False)
    return _skip(text, _skip(text, at, +1, False), +1, True)


def word_end(text: str, at: int, step: int) -> int:
    """The end of the next (``step`` > 0) or previous word from ``at``."""
    if step > 0:
        return _skip(text, _skip(text, at, +1, True), +1, False)
    return _skip(text, _skip(text, at, -1, False), -1, True)


def reassign_speaker(
    annotations: Iterable[Annotation], old: str, new: str | None, label: str
) -> list[Edit]:
    return [
        UpdateAnnotation.between(a, label, speaker=new) for a in annotations if a.speaker == old
    ]


def delete_speaker(
    speaker: Speaker, annotations: Iterable[Annotation], reassign_to: str | None
) -> Batch:
    """Give the speaker's quotes to ``reassign_to`` (None: unattributed), then remove it."""
    label = f"Delete speaker {speaker.name}"
    edits = reassign_speaker(annotations, speaker.name, reassign_to, label)
    return Batch((*edits, RemoveSpeaker(speaker, label)), label)


def merge_speakers(
    kept: Speaker, merged: Iterable[Speaker], annotations: Iterable[Annotation]
) -> Batch:
    """Fold ``merged`` into ``kept``: their quotes, names and aliases go to ``kept``."""
    merged = [s for s in merged if s.name != kept.name]
    annotations = list(annotations)
    label = f"Merge into {kept.name}"
    edits: list[Edit] = []
    aliases = list(kept.aliases)
    for speaker in merged:
        edits += reassign_speaker(annotations, speaker.name, kept.name, label)
        edits.append(RemoveSpeaker(speaker, label))
        aliases += [n for n in speaker.names() if n not in aliases and n != kept.name]
    if aliases != list(kept.aliases):
        change = ("aliases", tuple(kept.aliases), tuple(aliases))
        edits.append(UpdateSpeaker(kept.name, (change,), label))
    return Batch(tuple(edits), label)


def delete_code(code: Code, annotations: Iterable[Annotation], replacement: str | None) -> Batch:
    """Move the code's quotes to ``replacement`` (None: drop it), then remove the code."""
    label = f"Delete {code.kind.value} {code.name}"
    edits: list[Edit] = []
    for a in annotations:
        if code.kind is CodeKind.TONE and a.tone == code.name:
            edits.append(UpdateAnnotation.between(a, label, tone=replacement))
        elif code.kind is CodeKind.DEVICE and code.name in a.devices:
            devices = [replacement if d == code.name else d for d in a.devices]
            kept = tuple(dict.fromkeys(d for d in devices if d))
            edits.append(UpdateAnnotation.between(a, label, devices=kept))
    return Batch((*edits, RemoveCode(code, label)), label)
