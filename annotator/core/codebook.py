"""The codebook as plain JSON-ready data, so a team can share one file.

Format: ``{"format": "speechmark-codebook", "version": 1, "tones": [...], "devices": [...],
"speakers": [...]}``; each tone/device has name, description, colour, shortcut, parent;
each speaker name, aliases, role, organisation, country, colour. Unknown keys are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.core.edits import AddCode, AddSpeaker, Batch, Edit
from annotator.core.model import Code, Codebook, CodeKind, Speaker

FORMAT = "speechmark-codebook"


class CodebookError(ValueError):
    """The codebook data is not in the expected shape."""


def _text(entry: dict[str, Any], key: str) -> str | None:
    value = entry.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise CodebookError(f"{key!r} must be text, not {type(value).__name__}")
    return value


def _code(kind: CodeKind, entry: Any) -> Code:
    if not isinstance(entry, dict) or not _text(entry, "name"):
        raise CodebookError(f"every {kind.value} needs a name")
    return Code(
        kind=kind,
        name=str(_text(entry, "name")).strip(),
        description=_text(entry, "description") or "",
        colour=_text(entry, "colour"),
        shortcut=_text(entry, "shortcut"),
        parent=_text(entry, "parent"),
    )


def _speaker(entry: Any) -> Speaker:
    if not isinstance(entry, dict) or not _text(entry, "name"):
        raise CodebookError("every speaker needs a name")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise CodebookError("speaker aliases must be a list of names")
    return Speaker(
        name=str(_text(entry, "name")).strip(),
        aliases=tuple(aliases),
        role=_text(entry, "role"),
        organisation=_text(entry, "organisation"),
        country=_text(entry, "country"),
        colour=_text(entry, "colour"),
    )


def codebook_from_dict(data: Any) -> tuple[Codebook, tuple[Speaker, ...]]:
    """Parse codebook JSON data into a ``Codebook`` and the speakers it lists."""
    if not isinstance(data, dict):
        raise CodebookError("a codebook is a JSON object with 'tones' and 'devices'")
    tones = tuple(_code(CodeKind.TONE, e) for e in data.get("tones") or [])
    devices = tuple(_code(CodeKind.DEVICE, e) for e in data.get("devices") or [])
    speakers = tuple(_speaker(e) for e in data.get("speakers") or [])
    for kind, codes in (("tone", tones), ("device", devices)):
        names = [c.name.casefold() for c in codes]
        if len(names) != len(set(names)):
            raise CodebookError(f"a {kind} name appears twice")
    return Codebook(tones=tones, devices=devices), speakers


def codebook_to_dict(codebook: Codebook, speakers: tuple[Speaker, ...] = ()) -> dict[str, Any]:
    """The JSON-ready form of a codebook (and optionally its speakers)."""

    def code(c: Code) -> dict[str, Any]:
        entry: dict[str, Any] = {"name": c.name, "description": c.description}
        entry.update(colour=c.colour, shortcut=c.shortcut, parent=c.parent)
        return entry

    return {
        "format": FORMAT,
        "version": 1,
        "tones": [code(c) for c in codebook.tones],
        "devices": [code(c) for c in codebook.devices],
        "speakers": [
            {
                "name": s.name,
                "aliases": list(s.aliases),
                "role": s.role,
                "organisation": s.organisation,
                "country": s.country,
                "colour": s.colour,
            }
            for s in speakers
        ],
    }


def codebook_edit(
    have: Codebook,
    have_speakers: Iterable[Speaker],
    codebook: Codebook,
    speakers: Iterable[Speaker] = (),
    label: str = "Import codebook",
) -> Batch:
    """One undoable batch adding the codes and speakers a project lacks (by name, any
    case); what it has already is kept as it is. Empty when nothing is missing."""
    edits: list[Edit] = [
        AddCode(code, label)
        for code in (*codebook.tones, *codebook.devices)
        if have.find(code.kind, code.name) is None
    ]
    known = {n.casefold() for s in have_speakers for n in s.names()}
    for speaker in speakers:
        if speaker.name.casefold() not in known:
            edits.append(AddSpeaker(speaker, label))
            known.add(speaker.name.casefold())
    return Batch(tuple(edits), label)
