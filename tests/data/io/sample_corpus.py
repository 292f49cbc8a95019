"""A small corpus for the exporter tests, with the awkward cases exporters get wrong.

Emoji (two UTF-16 units each) before a quote, a quote across a newline, a note with a
formula and control characters, an Arabic (right-to-left) quote, a suggested quote.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Code, Codebook, CodeKind, Document, Speaker, Status

WHEN = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
LATER = datetime(2024, 5, 2, 9, 30, tzinfo=UTC)

SUMMIT_TEXT = (
    "Crowds cheered \U0001f389\U0001f389 as the minister arrived. "
    "We will not be intimidated, she said firmly.\n"
    "The opposition leader replied: This is a test\nof our resolve. Nobody moved.\n"
    "- Never again, the report concluded."
)
ARABIC_TEXT = "قال الوزير في المؤتمر: «لن نتراجع عن موقفنا» ثم غادر القاعة."

TONES = (
    Code(CodeKind.TONE, "warning", "Announces consequences.", "#E69F00"),
    Code(CodeKind.TONE, "confrontational", "Head-on.", "#D55E00"),
    Code(CodeKind.TONE, "defensive", "Rebuts criticism."),
)
DEVICES = (
    Code(CodeKind.DEVICE, "metaphor", colour="#0072B2", parent="Classical trope"),
    Code(CodeKind.DEVICE, "repetition", colour="#117733", parent="Manipulative wording"),
    Code(CodeKind.DEVICE, "rhetorical question", parent="Classical trope"),
    Code(CodeKind.DEVICE, "slogan", colour="#e69f00"),
)
SPEAKERS = (
    Speaker("Liz Truss", role="Prime Minister", organisation="UK Government", colour="#0072B2"),
    Speaker("Keir Starmer", role="Leader of the Opposition", organisation="Labour"),
    Speaker("Ayman Safadi", role="Foreign Minister", country="Jordan"),
)


def _on(document: Document, quote: str, **values: object) -> Annotation:
    start = document.text.index(quote)
    values = {"created": WHEN, "modified": LATER, "annotator": "alice", **values}
    values.setdefault("id", uuid.uuid5(uuid.NAMESPACE_URL, quote).hex)
    assert document.id is not None
    return Annotation.on(document.id, document.text, start, start + len(quote), **values)


def sample_corpus() -> Corpus:
    """Two documents, four annotations, three speakers, a codebook with categories."""
    summit = Document(
        title="Summit in Brussels \U0001f1ea\U0001f1fa",
        text=SUMMIT_TEXT,
        source="https://example.org/news/summit?id=1&lang=en",
        outlet="The Example Times",
        author="J. Reporter",
        published="2024-04-30",
        language="en",
        imported_at=WHEN,
        id=1,
    )
    arabic = Document(
        title="مؤتمر صحفي",
        text=ARABIC_TEXT,
        outlet="Al Example",
        published="2024-05-01",
        language="ar",
        imported_at=WHEN,
        id=2,
    )
    annotations = (
        _on(
            summit,
            "We will not be intimidated",
            speaker="Liz Truss",
            tone="warning",
            devices=("metaphor", "repetition"),
            note="=cmd|' /C calc'!A0\x00 and\x0bmore",
        ),
        _on(
            summit,
            "This is a test\nof our resolve.",
            speaker="Keir Starmer",
            tone="confrontational",
            devices=("rhetorical question",),
        ),
        _on(
            summit,
            "- Never again",
            status=Status.SUGGESTED,
            confidence=0.72,
            devices=("slogan",),
            annotator=None,
        ),
        _on(arabic, "«لن نتراجع عن موقفنا»", speaker="Ayman Safadi", tone="defensive"),
    )
    return Corpus(
        documents=(summit, arabic),
        annotations=annotations,
        speakers=SPEAKERS,
        codebook=Codebook(tones=TONES, devices=DEVICES),
    )
