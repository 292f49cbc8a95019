"""A failed export leaves no partial file: the target is as it was, and nothing else stays."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Document
from annotator.core.reading import Order
from annotator.io.formats import EXPORT_FORMATS
from annotator.io.labelstudio import config_path
from tests.data.io.awkward_corpus import awkward_corpus


class DiskFull(OSError):
    pass


class _FailingReader:
    """The corpus, failing once the first two documents are handed out (as a full disk or
    a value a format refuses would, halfway through)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.speakers, self.codebook = corpus.speakers, corpus.codebook
        self.speaker, self.usage = corpus.speaker, corpus.usage
        self.variables = corpus.variables

    def by_document(
        self, order: Order = Order.READING
    ) -> Iterator[tuple[Document, list[Annotation]]]:
        documents = self.corpus.by_document(order)
        yield next(documents)
        yield next(documents)
        raise DiskFull(28, "No space left on device")


class FailingCorpus:
    def __init__(self, corpus: Corpus) -> None:
        self.annotations = corpus.annotations
        self.corpus = corpus

    @contextmanager
    def reading(self) -> Iterator[_FailingReader]:
        yield _FailingReader(self.corpus)


def _target(folder: Path, name: str) -> Path:
    suffix = EXPORT_FORMATS[name].suffix
    return folder / (f"export{suffix}" if suffix else "export")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("name", sorted(EXPORT_FORMATS))
def test_a_failed_export_leaves_no_file(name, tmp_path):
    writer = EXPORT_FORMATS[name].writer()
    with pytest.raises(DiskFull):
        writer(FailingCorpus(awkward_corpus()), _target(tmp_path, name))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", sorted(EXPORT_FORMATS))
def test_a_failed_export_keeps_the_previous_one(name, tmp_path):
    writer = EXPORT_FORMATS[name].writer()
    target = _target(tmp_path, name)
    writer(awkward_corpus(), target)
    before = _files(tmp_path)
    with pytest.raises(DiskFull):
        writer(FailingCorpus(awkward_corpus()), target)
    assert _files(tmp_path) == before
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".part")]


def test_brat_into_a_folder_with_other_files_keeps_them(tmp_path):
    folder = tmp_path / "collection"
    folder.mkdir()
    (folder / "README").write_text("mine", encoding="utf-8")
    writer = EXPORT_FORMATS["brat"].writer()
    with pytest.raises(DiskFull):
        writer(FailingCorpus(awkward_corpus()), folder)
    assert sorted(p.name for p in folder.iterdir()) == ["README"]
    writer(awkward_corpus(), folder)
    assert (folder / "README").read_text(encoding="utf-8") == "mine"
    assert (folder / "annotation.conf").is_file()
    assert len(list(folder.glob("*.ann"))) == 8


def test_label_studio_writes_both_files_or_neither(tmp_path):
    target = tmp_path / "tasks.json"
    with pytest.raises(DiskFull):
        EXPORT_FORMATS["labelstudio"].writer()(FailingCorpus(awkward_corpus()), target)
    assert not target.exists() and not config_path(target).exists()
