"""The values the suggestion engine returns: small frozen dataclasses with reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TONES: tuple[str, ...] = (
    "confrontational",
    "accusatory",
    "conciliatory",
    "defensive",
    "warning",
    "sarcastic",
    "neutral",
    "dismissive",
    "optimistic",
)

DEVICES: tuple[str, ...] = (
    "metaphor",
    "simile",
    "hyperbole",
    "understatement",
    "irony",
    "rhetorical question",
    "repetition",
    "antithesis",
    "loaded language",
    "name calling",
    "appeal to fear",
    "doubt",
    "flag-waving",
    "whataboutism",
    "straw man",
    "slogan",
    "appeal to authority",
    "exaggeration/minimisation",
    "causal oversimplification",
    "black-and-white fallacy",
    "us versus them",
)


@dataclass(frozen=True, slots=True)
class Hint:
    """A tone or device hint for one quote, with how sure the engine is and why."""

    kind: Literal["tone", "device"]
    name: str
    confidence: float
    why: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A quote found in a text, with its likely speaker, tone and rhetorical devices.

    `start`/`end` are code-point offsets (end exclusive) and include the quotation marks,
    so `quote == text[start:end]`. `speaker` is a canonical full name or None.
    """

    start: int
    end: int
    quote: str
    speaker: str | None
    speaker_mentions: tuple[str, ...] = ()
    tone: str | None = None
    devices: tuple[str, ...] = ()
    confidence: float = 0.0
    why: str = ""
    hints: tuple[Hint, ...] = field(default=())
