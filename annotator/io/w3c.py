"""Quotes as a W3C Web Annotation Data Model collection (JSON-LD).

Each annotation targets its document by its web address (``url``) when it has one, else
by content (``urn:sha256:<hex>`` of the text), with two alternative selectors for the
same span: a TextQuoteSelector (exact, 32-character prefix and suffix) for re-anchoring,
and a TextPositionSelector (code points, end exclusive). A web address it was imported
from, if different, is the target's ``scope``; a local file path is never written. The
analyst's document variables are on the source as ``speechmark:variables``. The
collection and its one page have ``urn:uuid`` ids derived from the quotes they hold. A
quote made by the suggestion engine is credited to it as ``Software``; the analyst's are
credited to a ``Person``. Speaker, tone, devices and note are TextualBody bodies with the
purposes ``identifying``, ``classifying``, ``tagging`` and ``commenting``. Status and
confidence have no standard home: they are kept under the keys ``speechmark:status`` and
``speechmark:confidence`` (absolute IRIs to a JSON-LD processor, ignored by plain W3C
clients). Speaker roles and code colours are lost.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from annotator.core.model import CONTEXT_CHARS, Annotation, Document, now
from annotator.core.provenance import is_engine
from annotator.core.reading import CorpusSource
from annotator.io.common import GrowingUuid, annotation_guid, iso_utc, public_url, stable_uuid
from annotator.io.indented_json import encode_indented, exact_float
from annotator.io.safe_write import writing_bytes

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ITEM_BREAK = b"\n      "  # a line of an item in the page's list (indent=2, three levels deep)


def _body(purpose: str, value: str, language: str | None = None) -> dict[str, Any]:
    body = {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}
    if language:
        body["language"] = language
    return body


def _bodies(annotation: Annotation) -> list[dict[str, Any]]:
    bodies = []
    if annotation.speaker:
        bodies.append(_body("identifying", annotation.speaker))
    if annotation.tone:
        bodies.append(_body("classifying", annotation.tone))
    bodies.extend(_body("tagging", device) for device in annotation.devices)
    if annotation.note:
        bodies.append(_body("commenting", annotation.note))
    return bodies


def _source(document: Document) -> tuple[dict[str, Any], str | None]:
    """What every quote of ``document`` targets: its source, and its scope (or None)."""
    address = public_url(document.url)
    source: dict[str, Any] = {
        "id": address or f"urn:sha256:{document.sha256}",
        "type": "Text",
        "format": "text/plain",
        "label": document.title,
    }
    if document.language:
        source["language"] = document.language
    if document.attributes:
        source["speechmark:variables"] = dict(document.attributes)
    url = public_url(document.source)
    return source, url if url and url != address else None


def _target(
    document: Document, annotation: Annotation, source: tuple[dict[str, Any], str | None]
) -> dict[str, Any]:
    text = document.text
    target: dict[str, Any] = {
        "source": source[0],
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": text[annotation.start : annotation.end],
                "prefix": text[max(0, annotation.start - CONTEXT_CHARS) : annotation.start],
                "suffix": text[annotation.end : annotation.end + CONTEXT_CHARS],
            },
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
        ],
    }
    if source[1]:
        target["scope"] = source[1]
    return target


def _creator(annotator: str) -> dict[str, Any]:
    kind = "Software" if is_engine(annotator) else "Person"
    key = "name" if kind == "Software" else "nickname"
    return {"type": kind, key: annotator}


def annotation_to_w3c(
    document: Document,
    annotation: Annotation,
    source: tuple[dict[str, Any], str | None] | None = None,
) -> dict[str, Any]:
    """One annotation as a W3C ``Annotation`` object (without ``@context``; its confidence
    an ``exact_float`` for ``encode_indented``); ``source`` is what ``_source(document)``
    gives, made once for all the document's quotes."""
    entry: dict[str, Any] = {
        "id": f"urn:uuid:{annotation_guid(annotation)}",
        "type": "Annotation",
        "motivation": "highlighting",
        "created": iso_utc(annotation.created),
        "modified": iso_utc(annotation.modified),
    }
    if annotation.annotator:
        entry["creator"] = _creator(annotation.annotator)
    bodies = _bodies(annotation)
    if bodies:
        entry["body"] = bodies
    entry["target"] = _target(document, annotation, source or _source(document))
    entry["speechmark:status"] = annotation.status.value
    if annotation.confidence is not None:
        entry["speechmark:confidence"] = exact_float(annotation.confidence)
    return entry


def _collection(collection_id: str, total: int) -> dict[str, Any]:
    page_id = f"urn:uuid:{stable_uuid('page', collection_id, 0)}"
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Speechmark quotes",
        "generated": iso_utc(now()),
        "generator": {"type": "Software", "name": "Speechmark"},
        "total": total,
        "first": {"id": page_id, "type": "AnnotationPage", "startIndex": 0, "items": []},
    }


def write_w3c(corpus: CorpusSource, path: Path | str) -> int:
    """Write ``corpus`` as an AnnotationCollection to ``path``; return the annotations written.

    The collection's id and size come first in the file but depend on every quote, so
    the quotes are written to a spool file beside the target first, then copied after
    the header: memory stays flat however many quotes there are.
    """
    # The same quotes give the same ids, so a re-export replaces rather than duplicates.
    collection_id, total = GrowingUuid("collection"), 0
    spool_folder = Path(path).resolve().parent
    with (
        corpus.reading() as reader,
        writing_bytes(path) as out,
        tempfile.TemporaryFile(dir=spool_folder) as items,
    ):
        write = items.write
        for document, annotations in reader.by_document():
            source = _source(document)
            for annotation in annotations:
                item = annotation_to_w3c(document, annotation, source)
                collection_id.add(item["id"])
                write(b"," + ITEM_BREAK if total else ITEM_BREAK)
                write(encode_indented(item, 2).replace(b"\n", ITEM_BREAK))
                total += 1
        # json.dumps(indent=2) of the whole collection, with the items spliced in.
        skeleton = json.dumps(_collection(f"urn:uuid:{collection_id.uuid()}", total),
                              ensure_ascii=False, indent=2)  # fmt: skip
        head, tail = skeleton.split('"items": []')
        out.write((head + '"items": [').encode("utf-8"))
        items.seek(0)
        shutil.copyfileobj(items, out)
        out.write((("\n    ]" if total else "]") + tail).encode("utf-8"))
    return total
