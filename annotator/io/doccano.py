"""Quotes for doccano's sequence-labelling projects (JSONL, one document a line).

Each line is ``{"text": ..., "label": [[start, end, label], ...], <metadata>}``. doccano
keeps every key other than ``text`` and ``label`` as the example's metadata, and a new
project accepts only spans that do not overlap ("Allow overlapping spans" is off by
default; overlapping spans are dropped on import without a word). So by default each
quote is one span, labelled by its review status (``QUOTE``, ``QUOTE (suggested)``,
``QUOTE (rejected)``), and its speaker, tone, devices and note are in the ``quotes``
metadata list, keyed by the same offsets. A quote nested in another one cannot be a span
of its own then: it is only in ``quotes``, marked ``"span": false``.

``overlapping=True`` writes the full layout for a project with "Allow overlapping spans"
ticked: the quote span plus ``SPEAKER:<name>``, ``TONE:<tone>`` and ``DEVICE:<device>``
spans over the same characters, and nested quotes as spans.

Offsets are UTF-16 code units by default, as doccano's span renderer counts them (an
emoji before a quote would otherwise shift its highlight); ``offsets="code points"``
writes Python string indices. The line's ``offsets`` key says which.

Document title, outlet, author, published, source, url, language, the analyst's variables
(``variables``: an object, ``{}`` when none) and the text's SHA-256 are metadata too;
every line has every key (``null`` when unknown), as doccano's import needs. Lost:
confidence, annotator, dates, ids, speaker roles, codebook colours and categories.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from annotator.core.model import Annotation, Document, Status
from annotator.core.offsets import Utf16Index
from annotator.core.reading import CorpusSource
from annotator.io.safe_write import writing_text

QUOTE = "QUOTE"
STATUS_LABELS = {
    Status.ACCEPTED: QUOTE,
    Status.SUGGESTED: f"{QUOTE} (suggested)",
    Status.REJECTED: f"{QUOTE} (rejected)",
}
Offsets = Literal["utf-16", "code points"]
UTF16: Offsets = "utf-16"
CODE_POINTS: Offsets = "code points"


def _converter(text: str, offsets: Offsets) -> Any:
    if offsets == UTF16:
        return Utf16Index(text).to_utf16
    if offsets == CODE_POINTS:
        return lambda index: index
    raise ValueError(f"offsets must be {UTF16!r} or {CODE_POINTS!r}, not {offsets!r}")


def drawable(annotations: list[Annotation]) -> set[str]:
    """Ids of the quotes that can be spans without overlapping an earlier, longer one."""
    kept, last_end = set(), -1
    for annotation in sorted(annotations, key=lambda a: (a.start, -a.end, a.id)):
        if annotation.start >= last_end:
            kept.add(annotation.id)
            last_end = annotation.end
    return kept


def span_labels(annotation: Annotation, overlapping: bool = False) -> list[str]:
    """The labels one quote's span gets: its status label, then (overlapping) its codes."""
    names = [STATUS_LABELS[annotation.status]]
    if overlapping:
        if annotation.speaker:
            names.append(f"SPEAKER:{annotation.speaker}")
        if annotation.tone:
            names.append(f"TONE:{annotation.tone}")
        names.extend(f"DEVICE:{device}" for device in annotation.devices)
    return names


def quote_metadata(annotation: Annotation, start: int, end: int, span: bool) -> dict[str, Any]:
    """What doccano cannot hold on a span, as one entry of the ``quotes`` metadata list."""
    entry: dict[str, Any] = {
        "start": start,
        "end": end,
        "speaker": annotation.speaker,
        "tone": annotation.tone,
        "devices": list(annotation.devices),
        "note": annotation.note,
        "status": annotation.status.value,
    }
    if not span:
        entry["span"] = False
    return entry


def document_line(
    document: Document,
    annotations: list[Annotation],
    *,
    overlapping: bool = False,
    offsets: Offsets = UTF16,
) -> dict[str, Any]:
    """One JSONL object: the text, its spans and its metadata."""
    convert = _converter(document.text, offsets)
    spans = {a.id for a in annotations} if overlapping else drawable(annotations)
    labels: list[list[Any]] = []
    quotes: list[dict[str, Any]] = []
    for annotation in annotations:
        start, end = convert(annotation.start), convert(annotation.end)
        if annotation.id in spans:
            labels.extend([start, end, name] for name in span_labels(annotation, overlapping))
        quotes.append(quote_metadata(annotation, start, end, annotation.id in spans))
    line: dict[str, Any] = {"text": document.text, "label": labels}
    metadata = {
        "title": document.title,
        "outlet": document.outlet,
        "author": document.author,
        "published": document.published,
        "source": document.source,
        "url": document.url,
        "language": document.language,
        "variables": dict(document.attributes),
    }
    # Every line has the same keys (null when unknown): doccano's import puts the lines in
    # one table, and a key missing on one line becomes NaN there, which its database
    # refuses as JSON, failing the whole file.
    line.update(metadata)
    line["sha256"] = document.sha256
    line["offsets"] = offsets
    line["quotes"] = quotes
    return line


def write_doccano(
    corpus: CorpusSource,
    path: Path | str,
    *,
    overlapping: bool = False,
    offsets: Offsets = UTF16,
) -> int:
    """Write ``corpus`` as doccano JSONL to ``path``; return the lines (documents) written.

    Every document is written, with or without quotes (an empty ``label`` list), so the
    corpus can be labelled further in doccano. ``overlapping`` and ``offsets`` are
    described in the module docstring.
    """
    _converter("", offsets)  # an unknown offset unit fails before anything is written
    written = 0
    with corpus.reading() as reader, writing_text(path, encoding="utf-8", newline="\n") as stream:
        for document, annotations in reader.by_document():
            line = document_line(document, annotations, overlapping=overlapping, offsets=offsets)
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            written += 1
    return written


def write_doccano_overlapping(corpus: CorpusSource, path: Path | str) -> int:
    """The full layout (speaker, tone and device spans over each quote too), for a doccano
    project with "Allow overlapping spans" ticked."""
    return write_doccano(corpus, path, overlapping=True)
