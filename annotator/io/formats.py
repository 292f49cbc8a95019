"""The corpus export formats, by name: what `annotator export --format` and the GUI offer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from annotator.core.corpus import Corpus


@dataclass(frozen=True)
class ExportFormat:
    """An export format: where its writer lives and what it writes."""

    name: str
    label: str
    suffix: str  # file suffix, or "" for a folder
    module: str
    function: str

    def writer(self) -> Callable[[Corpus, Path], int]:
        writer: Callable[[Corpus, Path], int] = getattr(import_module(self.module), self.function)
        return writer


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "jsonl", "Speechmark corpus (JSONL)", ".jsonl", "annotator.io.jsonl", "write_jsonl"
        ),
    )
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
