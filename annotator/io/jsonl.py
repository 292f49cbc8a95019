"""The project's own corpus format: JSON Lines, one document per line.

``{"id", "title", "source", "outlet", "author", "published", "language", "text",
"annotations": [{"id", and every other carried field of a quote: start, end, quote,
speaker, tone, devices, note, status, confidence, annotator, created, modified, why}]}``

Offsets are code points, end exclusive, and ``quote == text[start:end]``. Unknown values
are ``null``, never missing keys. Export and import are exact inverses.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from msgspec.structs import astuple

from annotator.core import Annotation, Document
from annotator.core.corpus import Corpus
from annotator.core.fields import FIELDS_BY_NAME, json_encoders
from annotator.core.reading import CorpusSource, Order
from annotator.core.records import RECORD_FIELDS, QuoteReader, QuoteRecord, annotation_of_record
from annotator.io.files import ImportProblem, open_regular
from annotator.io.safe_write import writing_text

CORPUS_LIMIT = 2 * 1024**3  # a corpus file may be large, but not endless (/dev/zero)

DOCUMENT_KEYS = (
    "id", "title", "source", "outlet", "author", "published", "language", "url", "attributes",
    "text",
)  # fmt: skip
# Every carried field of a quote (see ``annotator.core.records``), its id first; the
# document it belongs to is the line it sits on.
ANNOTATION_KEYS = RECORD_FIELDS


# What a line holds when it is valid, as types msgspec's decoder checks in one pass: the
# JSON type each kind of quote field takes. (A line it refuses is read again by the
# complete check, whose message says what is wrong: these only make the common case fast.)
_JSON_TYPE_OF_KIND: dict[str, Any] = {
    "id": str | None, "text": str | None, "name": str | None, "offset": int,
    "names": list[str] | None, "status": str | None, "number": float | None,
    "time": str | None,
}  # fmt: skip
_TypedQuote = msgspec.defstruct(
    "_TypedQuote",
    [
        (name, kind_type) if kind_type is int else (name, kind_type, None)
        for name in RECORD_FIELDS
        for kind_type in (_JSON_TYPE_OF_KIND[FIELDS_BY_NAME[name].kind],)
    ],
    kw_only=True,  # fields in the order of RECORD_FIELDS, required or not
    gc=False,  # holds no containers of its own making: no cycles to collect
)


class _TypedLine(msgspec.Struct, kw_only=True):
    id: Any = None
    title: str | None = None
    source: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    attributes: dict[str, str] | None = None
    text: str
    annotations: list[_TypedQuote] | None = None  # type: ignore[valid-type]


assert _TypedLine.__struct_fields__[:-1] == DOCUMENT_KEYS, "a document key not decoded"
_DECODE_LINE = msgspec.json.Decoder(_TypedLine).decode
_NOT_TYPED = (msgspec.DecodeError, msgspec.ValidationError)


class CorpusFormatError(ValueError):
    """A JSONL corpus line that is not valid; the message names file and line."""


_ENCODERS = json_encoders(ANNOTATION_KEYS)


def annotation_record(a: Annotation) -> dict[str, Any]:
    """One annotation as its JSONL object."""
    return {
        key: value if (value := getattr(a, key)) is None or encode is None else encode(value)
        for key, encode in _ENCODERS
    }


def document_record(doc: Document, annotations: list[Annotation]) -> dict[str, Any]:
    """One document and its annotations as a JSONL object."""
    record: dict[str, Any] = {key: getattr(doc, key) for key in DOCUMENT_KEYS}
    record["attributes"] = dict(doc.attributes)
    record["annotations"] = [annotation_record(a) for a in annotations]
    return record


def write_jsonl(corpus: CorpusSource, path: Path | str) -> int:
    """Write the corpus as JSONL (UTF-8, one document per line, by document id); returns
    documents written. The file is complete or, on an error, not written at all."""
    written = 0
    with corpus.reading() as reader, writing_text(path, encoding="utf-8", newline="\n") as out:
        for doc, annotations in reader.by_document(Order.STORED):
            record = document_record(doc, annotations)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written


def _document(raw: dict[str, Any], doc_id: int, fallback_title: str) -> Document:
    for key in DOCUMENT_KEYS[1:]:
        if key != "attributes" and raw.get(key) is not None and not isinstance(raw[key], str):
            raise ValueError(f"'{key}' must be text")
    attributes = raw.get("attributes") or {}
    if not isinstance(attributes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in attributes.items()
    ):
        raise ValueError("'attributes' must be an object of names to text values")
    return Document(
        url=raw.get("url"),
        attributes=tuple(sorted(attributes.items())),
        id=doc_id,
        title=raw.get("title") or fallback_title,
        text=raw["text"],
        source=raw.get("source"),
        outlet=raw.get("outlet"),
        author=raw.get("author"),
        published=raw.get("published"),
        language=raw.get("language"),
    )


@dataclass(frozen=True)
class CorpusLine:
    """One document of a JSONL corpus with its quotes, and the line it came from."""

    document: Document
    annotations: list[Annotation]
    number: int  # the line number in the file, from 1
    where: str  # "file, line n", for messages about this line
    end: int  # bytes of the file read up to the end of this line


@dataclass(frozen=True)
class CorpusRecords:
    """One document of a JSONL corpus with its quotes as plain records (see
    ``annotator.core.records``: what a bulk import writes), and the line it came from."""

    document: Document
    quotes: list[QuoteRecord]
    number: int  # the line number in the file, from 1
    where: str  # "file, line n", for messages about this line
    end: int  # bytes of the file read up to the end of this line


def iter_jsonl(path: Path) -> Iterator[CorpusLine]:
    """Each document of a JSONL corpus as it is read, with its quotes as ``Annotation``
    objects: the file is never held whole (see ``iter_jsonl_records``, which this reads)."""
    for line in iter_jsonl_records(path):
        document = line.document
        doc_id, text = document.id, document.text
        assert doc_id is not None
        annotations = [annotation_of_record(doc_id, text, quote) for quote in line.quotes]
        yield CorpusLine(document, annotations, line.number, line.where, line.end)


def iter_jsonl_records(path: Path) -> Iterator[CorpusRecords]:
    """Each document of a JSONL corpus as it is read, its quotes as records checked as
    ``iter_jsonl`` checks them: the file is never held whole.

    Raises CorpusFormatError naming the file and line when a line is not valid, when the
    file is too large (``CORPUS_LIMIT``) or has no documents. Document ids are the file's
    own: an id used twice (two exports joined together) gets a provisional one (minus the
    line number), so each document keeps its own quotes; the store assigns real ids.
    """
    try:
        handle = open_regular(path)  # not a device, pipe or folder
    except ImportProblem as problem:
        raise CorpusFormatError(str(problem)) from problem
    lines = _LineReader(path)
    size = 0
    with handle:
        # Binary lines end at b"\n" only: U+2028, U+2029 and U+0085 are text.
        for number, data in enumerate(handle, 1):
            size += len(data)
            if size > CORPUS_LIMIT:
                limit = CORPUS_LIMIT // 1024**2
                raise CorpusFormatError(f"{path}: file too large (the limit is {limit} MB)")
            if number == 1 and data.startswith(codecs.BOM_UTF8):
                data = data[len(codecs.BOM_UTF8) :]
            if not data.strip():
                continue
            where = f"{path}, line {number}"
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError as error:
                raise CorpusFormatError(f"{where}: not UTF-8 text ({error.reason})") from error
            yield lines.read(line, number, where, size)
    if not lines.seen:
        raise CorpusFormatError(f"{path}: no documents in the file")


class _LineReader:
    """What reading one line needs to know of the lines before it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: set[int] = set()  # document ids
        self.quote_ids: dict[str, int] = {}  # annotation id -> line it first appeared on
        self.quotes = QuoteReader()

    def read(self, line: str, number: int, where: str, end: int) -> CorpusRecords:
        """The records of one line; raises ``CorpusFormatError`` when it is not valid."""
        try:
            found = self._read_typed(line, number, where, end)
        except (*_NOT_TYPED, TypeError, ValueError):
            found = None
        # Anything the typed reading did not take is read as before: that says what is
        # wrong, or takes what the types refuse and the format allows ("attributes": []).
        return found if found is not None else self._read_checked(line, number, where, end)

    def _read_typed(self, line: str, number: int, where: str, end: int) -> CorpusRecords | None:
        # Nothing is remembered (ids seen) until the whole line is found valid.
        typed = _DECODE_LINE(line)
        text = typed.text
        if not text:
            return None
        typed_record, quotes = self.quotes.typed_record, []
        for note in typed.annotations or ():
            quote = typed_record(list(astuple(note)), text)
            if quote is None:
                return None
            quotes.append(quote)
        quote_ids = self.quote_ids
        new_ids = {quote[0]: number for quote in quotes}  # RECORD_FIELDS start with the id
        if len(new_ids) != len(quotes) or not quote_ids.keys().isdisjoint(new_ids):
            return None
        given = typed.id
        usable = isinstance(given, int) and not isinstance(given, bool) and given not in self.seen
        doc_id = given if usable and isinstance(given, int) else -number
        raw = {key: getattr(typed, key) for key in DOCUMENT_KEYS}
        document = _document(raw, doc_id, f"{self.path.stem} {number}")
        self.seen.add(doc_id)
        quote_ids.update(new_ids)
        return CorpusRecords(document, quotes, number, where, end)

    def _read_checked(self, line: str, number: int, where: str, end: int) -> CorpusRecords:
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusFormatError(f"{where}: not valid JSON ({error.msg})") from error
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"]:
            raise CorpusFormatError(f"{where}: each line must be an object with a 'text'")
        given = raw.get("id")
        usable = isinstance(given, int) and not isinstance(given, bool) and given not in self.seen
        doc_id = given if usable and isinstance(given, int) else -number
        self.seen.add(doc_id)
        try:
            document = _document(raw, doc_id, f"{self.path.stem} {number}")
            notes = raw.get("annotations") or []
            if not isinstance(notes, list):
                raise ValueError("'annotations' must be a list")
            text, record, quote_ids = raw["text"], self.quotes.record, self.quote_ids
            quotes = []
            for note in notes:
                quote = record(note, text)
                quote_id = quote[0]  # RECORD_FIELDS start with the id
                first = quote_ids.get(quote_id)
                if first is not None:  # else the second would be dropped unseen
                    raise CorpusFormatError(
                        f"{where}: annotation id {quote_id!r} is already used on line {first}"
                    )
                quote_ids[quote_id] = number
                quotes.append(quote)
        except CorpusFormatError:
            raise
        except (TypeError, ValueError) as error:
            raise CorpusFormatError(f"{where}: {error}") from error
        return CorpusRecords(document, quotes, number, where, end)


def read_jsonl(path: Path) -> Corpus:
    """Read a whole JSONL corpus into memory (see ``iter_jsonl``, which this reads)."""
    documents: list[Document] = []
    annotations: list[Annotation] = []
    for line in iter_jsonl(path):
        documents.append(line.document)
        annotations += line.annotations
    return Corpus(documents=tuple(documents), annotations=tuple(annotations))
