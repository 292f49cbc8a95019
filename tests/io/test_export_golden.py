"""Every export format, byte for byte: the files each writer makes for the test corpora,
written directly from a ``Corpus`` and through a project with several selections, are
compared with the SHA-256 digests in ``tests/data/io/golden_exports.json``.

A change to what a format writes changes a digest here: run
``python -m tests.io.test_export_golden`` to record the new digests, and check the diff of
the output itself before committing them.
"""

from __future__ import annotations

import hashlib
import json
import sys
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator.app.exports import ExportRequest, Selection, prepare_export
from annotator.core.corpus import Corpus
from annotator.io.formats import EXPORT_FORMATS
from annotator.store import Project
from tests.data.io.awkward_corpus import awkward_corpus
from tests.data.io.sample_corpus import sample_corpus

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "io" / "golden_exports.json"
FROZEN = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
CORPORA: dict[str, Callable[[], Corpus]] = {"sample": sample_corpus, "awkward": awkward_corpus}
SELECTIONS = {
    "any": Selection(statuses=()),
    "accepted": Selection(),
    "speaker": Selection(speakers=("Liz Truss", "Ana Reyes"), statuses=()),
    "dated": Selection(published_from="2024-02-01", statuses=()),
    "texts": Selection(with_quotes=False),
}


def _out(folder: Path, format_name: str) -> Path:
    suffix = EXPORT_FORMATS[format_name].suffix
    folder.mkdir(parents=True)
    return folder / (f"export{suffix}" if suffix else "export")


def digests(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file under ``folder`` (zip members listed one by one)."""
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as package:
                for member in sorted(package.namelist()):
                    found[f"{name}!{member}"] = hashlib.sha256(package.read(member)).hexdigest()
        else:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _project(folder: Path, corpus: Corpus) -> Project:
    project = Project(str(folder / "golden.speechmark"))
    project.import_corpus(corpus)
    # A re-imported text that loses one quote: that quote is left out of every export.
    first = project.documents()[0]
    project.update_document_text(first.id or 0, first.text[:100] + "." * (len(first.text) - 100))
    return project


def all_exports(folder: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(case name, digests) for every corpus, format and selection."""
    for corpus_name, make in CORPORA.items():
        for format_name in sorted(EXPORT_FORMATS):
            out = _out(folder / f"{corpus_name}-{format_name}", format_name)
            EXPORT_FORMATS[format_name].writer()(make(), out)
            yield f"{corpus_name}/{format_name}", digests(out.parent)
        with _project(folder / corpus_name, make()) as project:
            for selection_name, selection in SELECTIONS.items():
                for format_name in sorted(EXPORT_FORMATS):
                    case = f"{corpus_name}/project/{selection_name}/{format_name}"
                    out = _out(folder / case, format_name)
                    prepare_export(project, ExportRequest(format_name, out, selection)).run()
                    yield case, digests(out.parent)


def _freeze(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("annotator.io.w3c", "annotator.io.qdpx"):
        monkeypatch.setattr(f"{module}.now", lambda: FROZEN)


def test_every_export_matches_its_recorded_bytes(tmp_path, monkeypatch):
    _freeze(monkeypatch)
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    found = dict(all_exports(tmp_path))
    assert sorted(found) == sorted(expected)
    changed = [case for case in found if found[case] != expected[case]]
    assert not changed, f"exports changed: {changed}"


def main() -> None:
    """Record the digests of today's exports (after checking the outputs by hand)."""
    import tempfile

    with pytest.MonkeyPatch.context() as monkeypatch, tempfile.TemporaryDirectory() as name:
        _freeze(monkeypatch)
        found = dict(all_exports(Path(name)))
    GOLDEN.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {len(found)} cases in {GOLDEN}", file=sys.stderr)


if __name__ == "__main__":
    main()
