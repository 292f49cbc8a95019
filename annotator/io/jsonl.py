"""The project's own corpus format: JSON Lines, one document per line.

``{"id", "title", "source", "outlet", "author", "published", "language", "text",
"annotations": [{"id", "start", "end", "quote", "speaker", "tone", "devices", "note",
"status", "confidence", "annotator", "created", "modified"}]}``

Offsets are code points, end exclusive, and ``quote == text[start:end]``. Unknown values
are ``null``, never missing keys. Export and import are exact inverses.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.core import Annotation, Document, Status, context_around, now
from annotator.core.corpus import Corpus

DOCUMENT_KEYS = ("id", "title", "source", "outlet", "author", "published", "language", "text")
ANNOTATION_KEYS = (
    "id", "start", "end", "quote", "speaker", "tone", "devices", "note",
    "status", "confidence", "annotator", "created", "modified",
)  # fmt: skip


class CorpusFormatError(ValueError):
    """A JSONL corpus line that is not valid; the message names file and line."""


def _time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_time(value: Any) -> datetime:
    if value is None:
        return now()
    parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def annotation_record(a: Annotation) -> dict[str, Any]:
    """One annotation as its JSONL object."""
    return {
        "id": a.id,
        "start": a.start,
        "end": a.end,
        "quote": a.quote,
        "speaker": a.speaker,
        "tone": a.tone,
        "devices": list(a.devices),
        "note": a.note,
        "status": a.status.value,
        "confidence": a.confidence,
        "annotator": a.annotator,
        "created": _time(a.created),
        "modified": _time(a.modified),
    }


def document_record(doc: Document, annotations: list[Annotation]) -> dict[str, Any]:
    """One document and its annotations as a JSONL object."""
    record: dict[str, Any] = {key: getattr(doc, key) for key in DOCUMENT_KEYS}
    record["annotations"] = [annotation_record(a) for a in annotations]
    return record


def write_jsonl(corpus: Corpus, path: Path) -> int:
    """Write the corpus as JSONL (UTF-8, one document per line); returns documents written."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for doc in corpus.documents:
            record = document_record(doc, corpus.annotations_of(doc.id))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(corpus.documents)


def _annotation(raw: Any, doc_id: int, text: str, where: str) -> Annotation:
    if not isinstance(raw, dict):
        raise CorpusFormatError(f"{where}: an annotation must be a JSON object")
    start, end = raw.get("start"), raw.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        raise CorpusFormatError(f"{where}: annotation span {start}-{end} is outside the text")
    quote = text[start:end]
    if raw.get("quote") is not None and raw["quote"] != quote:
        raise CorpusFormatError(f"{where}: annotation quote does not match text[{start}:{end}]")
    devices = raw.get("devices") or []
    if not isinstance(devices, list):
        raise CorpusFormatError(f"{where}: 'devices' must be a list")
    prefix, suffix = context_around(text, start, end)
    values: dict[str, Any] = {
        "speaker": raw.get("speaker"),
        "tone": raw.get("tone"),
        "devices": tuple(str(d) for d in devices),
        "note": raw.get("note"),
        "status": Status(raw.get("status") or Status.ACCEPTED),
        "confidence": raw.get("confidence"),
        "annotator": raw.get("annotator"),
        "created": _parse_time(raw.get("created")),
        "modified": _parse_time(raw.get("modified")),
    }
    if raw.get("id"):
        values["id"] = str(raw["id"])
    return Annotation(
        document_id=doc_id, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix,
        **values,
    )  # fmt: skip


def read_jsonl(path: Path) -> Corpus:
    """Read a JSONL corpus; raises CorpusFormatError naming the file and line."""
    documents: list[Document] = []
    annotations: list[Annotation] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusFormatError(f"{path}: cannot read ({error})") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusFormatError(f"{where}: not valid JSON ({error.msg})") from error
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"]:
            raise CorpusFormatError(f"{where}: each line must be an object with a 'text'")
        # Lines without an id get a provisional negative one; the store assigns real ids.
        doc_id = raw["id"] if isinstance(raw.get("id"), int) else -number
        try:
            documents.append(
                Document(
                    id=doc_id,
                    title=str(raw.get("title") or f"{path.stem} {number}"),
                    text=raw["text"],
                    source=raw.get("source"),
                    outlet=raw.get("outlet"),
                    author=raw.get("author"),
                    published=raw.get("published"),
                    language=raw.get("language"),
                )
            )
            annotations.extend(
                _annotation(a, doc_id, raw["text"], where) for a in raw.get("annotations") or []
            )
        except (TypeError, ValueError) as error:
            if isinstance(error, CorpusFormatError):
                raise
            raise CorpusFormatError(f"{where}: {error}") from error
    if not documents:
        raise CorpusFormatError(f"{path}: no documents in the file")
    return Corpus(documents=tuple(documents), annotations=tuple(annotations))
