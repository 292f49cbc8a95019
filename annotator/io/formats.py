"""The corpus export formats, by name: what `annotator export --format` and the GUI offer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from annotator.core.reading import CorpusSource


@dataclass(frozen=True)
class ExportFormat:
    """An export format: where its writer lives and what it writes."""

    name: str
    label: str
    suffix: str  # file suffix, or "" for a folder
    module: str
    function: str
    # The quote fields (``annotator.core.fields.CARRIED``) this format cannot hold.
    drops: frozenset[str] = frozenset()
    # The document fields (``DOCUMENT_FIELDS``) it cannot hold.
    document_drops: frozenset[str] = frozenset()

    def writer(self) -> Callable[[CorpusSource, Path], int]:
        writer: Callable[[CorpusSource, Path], int] = getattr(
            import_module(self.module), self.function
        )
        return writer


# What a document carries besides its text; ``attributes`` are the analyst's variables.
DOCUMENT_FIELDS = ("title", "outlet", "author", "published", "language", "source", "url",
                   "attributes")  # fmt: skip
# brat keeps a document's title only as a (made safe) file name.
_NO_METADATA = "title outlet author published language source url attributes"
# name, label, suffix, module, writer, quote fields dropped, document fields dropped
_FORMATS = (
    ("jsonl", "Speechmark corpus (JSONL)", ".jsonl", "jsonl", "write_jsonl", "", ""),
    ("csv", "Spreadsheet (CSV)", ".csv", "csv_export", "write_csv", "", "language"),
    ("wide", "Statistics table: a 0/1 column per code (CSV)", ".csv", "wide_csv", "write_wide",
     "", "language"),
    ("w3c", "W3C Web Annotation (JSON-LD)", ".jsonld", "w3c", "write_w3c", "id why",
     "outlet author published"),
    ("qdpx", "REFI-QDA project: NVivo, MAXQDA, ATLAS.ti, QualCoder", ".qdpx", "qdpx",
     "write_qdpx", "confidence id why", ""),
    ("brat", "brat standoff (folder)", "", "brat", "write_brat",
     "annotator confidence created id modified why", _NO_METADATA),
    ("doccano", "doccano (JSONL)", ".jsonl", "doccano", "write_doccano",
     "annotator confidence created id modified why", ""),
    ("doccano-overlapping", "doccano, overlapping spans (JSONL)", ".jsonl", "doccano",
     "write_doccano_overlapping", "annotator confidence created id modified why", ""),
    ("labelstudio", "Label Studio (JSON tasks)", ".json", "labelstudio", "write_labelstudio",
     "annotator created modified status why", ""),
)  # fmt: skip
EXPORT_FORMATS: dict[str, ExportFormat] = {
    name: ExportFormat(
        name,
        label,
        suffix,
        f"annotator.io.{module}",
        function,
        frozenset(drops.split()),
        frozenset(document_drops.split()),
    )  # fmt: skip
    for name, label, suffix, module, function, drops, document_drops in _FORMATS
}


def available_formats() -> dict[str, ExportFormat]:
    """The formats whose writer can be loaded."""
    found = {}
    for name, fmt in EXPORT_FORMATS.items():
        try:
            fmt.writer()
        except (ImportError, AttributeError):
            continue
        found[name] = fmt
    return found
