"""Quotes for doccano's sequence-labelling projects (JSONL, one document a line).

Each line is ``{"text": ..., "label": [[start, end, "QUOTE"], ...], <metadata>}`` with
offsets in code points. doccano has no span attributes, so every quote's speaker, tone
and devices become extra labels over the same span: ``SPEAKER:<name>``, ``TONE:<tone>``
and ``DEVICE:<device>``. Document title, outlet, author, published, source, language and
the text's SHA-256 are top-level keys (doccano keeps them as metadata on import).

Lost on the way: the link between labels is only their shared span (two quotes over the
same span merge); notes are kept only as a ``notes`` metadata list of
``[start, end, note]``; status, confidence, annotator, dates and ids are dropped; speaker
roles and codebook colours and categories are not written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Document
from annotator.io.common import documents_in_order

QUOTE = "QUOTE"


def span_labels(annotation: Annotation) -> list[list[Any]]:
    """The ``[start, end, label]`` triples one annotation becomes."""
    names = [QUOTE]
    if annotation.speaker:
        names.append(f"SPEAKER:{annotation.speaker}")
    if annotation.tone:
        names.append(f"TONE:{annotation.tone}")
    names.extend(f"DEVICE:{device}" for device in annotation.devices)
    return [[annotation.start, annotation.end, name] for name in names]


def document_line(document: Document, annotations: list[Annotation]) -> dict[str, Any]:
    """One JSONL object: the text, its labels and its metadata."""
    line: dict[str, Any] = {
        "text": document.text,
        "label": [triple for a in annotations for triple in span_labels(a)],
    }
    metadata = {
        "title": document.title,
        "outlet": document.outlet,
        "author": document.author,
        "published": document.published,
        "source": document.source,
        "language": document.language,
    }
    line.update({key: value for key, value in metadata.items() if value})
    line["sha256"] = document.sha256
    notes = [[a.start, a.end, a.note] for a in annotations if a.note]
    if notes:
        line["notes"] = notes
    return line


def write_doccano(corpus: Corpus, path: Path | str) -> int:
    """Write ``corpus`` as doccano JSONL to ``path``; return the annotations written.

    Every document is written, with or without quotes (an empty ``label`` list), so the
    corpus can be labelled further in doccano.
    """
    written = 0
    with Path(path).open("w", encoding="utf-8", newline="\n") as stream:
        for document in documents_in_order(corpus):
            annotations = corpus.annotations_of(document.id)
            line = document_line(document, annotations)
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            written += len(annotations)
    return written
