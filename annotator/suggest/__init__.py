"""Suggestion engine: find quotes, their speakers, tone and rhetorical devices.

Pure functions over text; no Qt, no storage. Entry point: `suggest(text, known_speakers)`.
"""

from annotator.suggest.engine import suggest
from annotator.suggest.model import DEVICES, TONES, Hint, Suggestion

__all__ = ["DEVICES", "TONES", "Hint", "Suggestion", "suggest"]
