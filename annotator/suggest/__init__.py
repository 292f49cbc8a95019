"""Suggestion engine: find quotes, their speakers, tone and rhetorical devices.

Pure functions over text; no Qt, no storage. Entry point: `suggest(text, known_speakers)`.
The same modules compiled to C are used when built (see `native`).
"""

from annotator.suggest.native import prefer_compiled

prefer_compiled(__path__)  # the modules compiled to C, when built from these sources

from annotator.suggest.engine import suggest  # noqa: E402
from annotator.suggest.model import DEVICES, TONES, Hint, Suggestion  # noqa: E402

__all__ = ["DEVICES", "TONES", "Hint", "Suggestion", "suggest"]
