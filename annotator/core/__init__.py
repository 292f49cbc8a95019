"""The domain core: plain data and pure functions, no Qt and no storage."""

from annotator.core.model import (
    CONTEXT_CHARS,
    Annotation,
    Code,
    Codebook,
    CodeKind,
    Document,
    Speaker,
    Status,
    context_around,
    match_speaker,
    now,
    text_sha256,
)

__all__ = [
    "CONTEXT_CHARS",
    "Annotation",
    "Code",
    "CodeKind",
    "Codebook",
    "Document",
    "Speaker",
    "Status",
    "context_around",
    "match_speaker",
    "now",
    "text_sha256",
]
