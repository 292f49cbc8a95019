"""Storage and offset figures: bulk corpus import, single edits, reads, UTF-16 mapping.

Run: python bench/bench_store.py [--annotations 100000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from annotator.core import Annotation, Document
from annotator.core.corpus import Corpus
from annotator.core.edits import AddAnnotation, UpdateAnnotation
from annotator.core.offsets import Utf16Index
from annotator.store import Project


def timed(label: str, fn, *args, repeat: int = 1):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for _ in range(repeat):
        result = fn(*args)
    elapsed = (time.perf_counter() - started) / repeat
    print(f"{label:<48} {elapsed * 1000:10.1f} ms")
    return result


def synthetic_corpus(documents: int, per_document: int) -> Corpus:
    sentence = "“We will not back down 🙂,” the minister said, as talks went on. "
    docs, notes = [], []
    for d in range(1, documents + 1):
        text = f"Report {d}. " + sentence * per_document
        docs.append(Document(id=d, title=f"Report {d}", text=text))
        offset = len(f"Report {d}. ")
        for i in range(per_document):
            start = offset + i * len(sentence)
            notes.append(
                Annotation.on(d, text, start, start + 28, speaker="Minister", tone="warning",
                              devices=("hyperbole",))
            )  # fmt: skip
    return Corpus(documents=tuple(docs), annotations=tuple(notes))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--annotations", type=int, default=100_000)
    args = parser.parse_args()
    per_document = 1000
    corpus = synthetic_corpus(max(1, args.annotations // per_document), per_document)
    with tempfile.TemporaryDirectory() as folder:
        project = Project(str(Path(folder) / "bench.speechmark"))
        print(f"{len(corpus.annotations)} annotations in {len(corpus.documents)} documents")
        timed("import corpus (bulk insert, one transaction)", project.import_corpus, corpus)
        timed("read all annotations", project.annotations)
        timed("read one document's annotations", project.annotations, 1, repeat=20)
        timed("document summaries", project.summaries, repeat=5)
        doc = project.document(1)
        extra = Annotation.on(1, doc.text, 0, 6)
        timed("add one annotation (committed)", project.apply, AddAnnotation(extra))
        edit = UpdateAnnotation.between(extra, tone="neutral")
        timed("change one annotation (committed)", project.apply, edit)
        project.close()

    text = ("word 😀 " * 150_000)[:1_000_000]
    index = timed("UTF-16 index of a 1 MB text", Utf16Index, text)
    positions = range(0, len(text), 97)
    started = time.perf_counter()
    for p in positions:
        index.from_utf16(index.to_utf16(p))
    per_call = (time.perf_counter() - started) / (2 * len(positions)) * 1e6
    print(f"{'one offset conversion (1 MB text)':<48} {per_call:10.2f} µs")


if __name__ == "__main__":
    main()
