"""Suggestion engine: find quotes, their speakers, tone and rhetorical devices.

Pure functions over text; no Qt, no storage. Entry point: `suggest(text, known_speakers)`,
which loads the engine (its patterns and word lists) when first asked for. The same
modules compiled to C are used when built (see `native`).
"""

from typing import TYPE_CHECKING

from annotator.suggest.native import prefer_compiled

prefer_compiled(__path__)  # the modules compiled to C, when built from these sources

from annotator.suggest.model import DEVICES, TONES, Hint, Suggestion  # noqa: E402

if TYPE_CHECKING:
    from annotator.suggest.engine import suggest

__all__ = ["DEVICES", "TONES", "Hint", "Suggestion", "suggest"]


def __getattr__(name: str) -> object:
    if name == "suggest":
        from annotator.suggest.engine import suggest

        return suggest
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
