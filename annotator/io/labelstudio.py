"""Quotes as Label Studio tasks, with the labelling config that reads them.

One task per document: ``data`` holds the text, its metadata (title, outlet, author,
published, url, source, language) and the analyst's document variables (``party``...;
``variable_<name>`` where a name is taken); accepted quotes go in
``annotations[0].result`` and suggested ones in ``predictions`` (score = confidence), so
an analyst can review suggestions in Label Studio. Each quote is a region labelled with
its speaker (``Unattributed``, in a grey no speaker has, when none), plus results sharing
the region id: ``choices`` for tone (single) and devices (multiple) and a per-region
``textarea`` for the note. Offsets are UTF-16 code units, as Label Studio's JavaScript
counts them.

Rejected quotes, annotator names and ids of the store are not written; codebook categories
are lost (colours survive on the speaker labels).
"""

from __future__ import annotations

from pathlib import Path
from statistics import fmean
from typing import Any

from lxml import etree

from annotator.core.model import Annotation, Document, Status
from annotator.core.offsets import Utf16Index
from annotator.core.reading import CorpusReader, CorpusSource
from annotator.io.common import colour_or_default, iso_utc, names_used
from annotator.io.indented_json import encode_indented, exact_float
from annotator.io.safe_write import writing_bytes, writing_text

UNATTRIBUTED = "Unattributed"
# Greys for "no speaker": the first one no speaker uses is taken.
UNATTRIBUTED_GREYS = ("#BDBDBD", "#9E9E9E", "#757575", "#E0E0E0")
MODEL_VERSION = "speechmark-suggestions"
METADATA = ("outlet", "author", "published", "url", "source", "language")
RESERVED = frozenset({"text", "title", *METADATA})
TASK_BREAK = b"\n "  # a line of a task in the list (indent=1, one level deep)


def _region(annotation: Annotation, index: Utf16Index) -> dict[str, Any]:
    return {"start": index.to_utf16(annotation.start), "end": index.to_utf16(annotation.end)}


def annotation_results(annotation: Annotation, index: Utf16Index) -> list[dict[str, Any]]:
    """The results of one quote: its speaker label, then tone, devices and note (a score
    as an ``exact_float`` for ``encode_indented``)."""
    region = _region(annotation, index)
    common: dict[str, Any] = {"id": annotation.id, "to_name": "text", "origin": "manual"}
    if annotation.confidence is not None:
        common["score"] = exact_float(annotation.confidence)
    speaker = annotation.speaker or UNATTRIBUTED
    values = [
        ("label", "labels", {"text": annotation.quote, "labels": [speaker]}),
    ]
    if annotation.tone:
        values.append(("tone", "choices", {"text": annotation.quote, "choices": [annotation.tone]}))
    if annotation.devices:
        devices = {"text": annotation.quote, "choices": list(annotation.devices)}
        values.append(("devices", "choices", devices))
    if annotation.note:
        values.append(("note", "textarea", {"text": [annotation.note]}))
    return [
        {**common, "from_name": name, "type": kind, "value": {**region, **value}}
        for name, kind, value in values
    ]


def document_task(document: Document, annotations: list[Annotation]) -> dict[str, Any]:
    """One Label Studio task for ``document`` (scores as ``exact_float``)."""
    index = Utf16Index(document.text)
    data = {"text": document.text, "title": document.title}
    for key in METADATA:
        if value := getattr(document, key):
            data[key] = value
    # The analyst's variables, each its own column in Label Studio's data manager.
    for name, value in document.attributes:
        data[name if name not in RESERVED else f"variable_{name}"] = value
    task: dict[str, Any] = {"data": data}
    if document.id is not None:
        task["id"] = document.id
    accepted = [a for a in annotations if a.status is Status.ACCEPTED]
    suggested = [a for a in annotations if a.status is Status.SUGGESTED]
    if accepted:
        result = [r for a in accepted for r in annotation_results(a, index)]
        updated = max(a.modified for a in accepted)
        task["annotations"] = [{"result": result, "updated_at": iso_utc(updated)}]
    if suggested:
        scores = [a.confidence for a in suggested if a.confidence is not None]
        task["predictions"] = [
            {
                "model_version": MODEL_VERSION,
                "score": exact_float(round(fmean(scores), 4)) if scores else None,
                "result": [r for a in suggested for r in annotation_results(a, index)],
            }
        ]
    return task


def labelling_config(corpus: CorpusReader) -> str:
    """The Label Studio labelling config XML matching the exported results."""
    view = etree.Element("View")
    etree.SubElement(view, "Header", value="$title")
    labels = etree.SubElement(view, "Labels", name="label", toName="text")
    used = corpus.usage()
    speakers = names_used([*(s.name for s in corpus.speakers), *used.speakers])
    colours = {}
    for number, name in enumerate(speakers):
        speaker = corpus.speaker(name)
        colours[name] = colour_or_default(speaker.colour if speaker else None, number)
    taken = set(colours.values())
    colours[UNATTRIBUTED] = next((g for g in UNATTRIBUTED_GREYS if g not in taken), "#FFFFFF")
    for name, colour in colours.items():
        etree.SubElement(labels, "Label", value=name, background=colour)
    etree.SubElement(view, "Text", name="text", value="$text")
    details = etree.SubElement(view, "View", visibleWhen="region-selected")
    for name, title, codes, names, choice in (
        ("tone", "Tone", corpus.codebook.tones, used.tones, "single-radio"),
        ("devices", "Rhetorical devices", corpus.codebook.devices, used.devices, "multiple"),
    ):
        etree.SubElement(details, "Header", value=title)
        choices = etree.SubElement(
            details, "Choices", name=name, toName="text", perRegion="true", choice=choice
        )
        for code_name in names_used([*(c.name for c in codes), *names]):
            etree.SubElement(choices, "Choice", value=code_name)
    etree.SubElement(details, "Header", value="Note")
    etree.SubElement(details, "TextArea", name="note", toName="text", perRegion="true", rows="3")
    return etree.tostring(view, pretty_print=True, encoding="unicode")


def config_path(path: Path | str) -> Path:
    """Where the labelling config goes beside the tasks file: ``<stem>.config.xml``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.config.xml")


def write_labelstudio(corpus: CorpusSource, path: Path | str) -> int:
    """Write ``corpus`` as Label Studio tasks to ``path`` and the config beside it.

    Returns the tasks written (one per document); rejected quotes are left out. Both files
    are written whole or, on an error, not at all.
    """
    written = 0
    with (
        corpus.reading() as reader,
        writing_bytes(path) as out,
        writing_text(config_path(path)) as config,
    ):
        # json.dumps(tasks, indent=1), one task at a time.
        for document, annotations in reader.by_document():
            kept = [a for a in annotations if a.status is not Status.REJECTED]
            text = encode_indented(document_task(document, kept), 1)
            out.write((b"," if written else b"[") + TASK_BREAK + text.replace(b"\n", TASK_BREAK))
            written += 1
        out.write(b"\n]" if written else b"[]")
        config.write(labelling_config(reader))
    return written
