"""A writer to be killed: it makes random edits to a project and prints a line for each
one acknowledged (committed). Run: python -m tests.reliability.kill_writer PROJECT WRITER SEED"""

from __future__ import annotations

import random
import sys

from annotator.app.imports import import_corpus
from annotator.core import Annotation, Document
from annotator.core.corpus import Corpus
from annotator.core.edits import AddAnnotation, Batch
from annotator.store import Project

SENTENCE = "“Hold the line {n},” she said. "


def _text(tag: str, sentences: int) -> str:
    return f"{tag}\n" + "".join(SENTENCE.format(n=n) for n in range(sentences))


def _quotes(document_id: int, text: str, count: int) -> list[Annotation]:
    spans = [(text.index(SENTENCE.format(n=n)), len(f"“Hold the line {n},”")) for n in range(count)]
    return [Annotation.on(document_id, text, s, s + length, tone="warning") for s, length in spans]


def main(location: str, writer: int, seed: int) -> None:
    rng = random.Random(seed)
    project = Project(location)
    documents = [d.id for d in project.documents()]
    for step in range(100_000):
        choice = rng.random()
        tag = f"w{writer}.{step}"
        if choice < 0.15 or not documents:  # an article imported
            doc = project.add_document(Document(title=tag, text=_text(tag, rng.randint(50, 400))))
            documents.append(doc.id)
            print("document", tag, flush=True)
        elif choice < 0.25:  # a corpus of three documents with their quotes, all or none
            texts = [_text(f"corpus {tag} {k}", 40) for k in range(3)]
            ids = [10**6 + writer * 10**5 + step * 3 + k for k in range(3)]  # not taken yet
            corpus = Corpus(
                documents=tuple(
                    Document(title=f"corpus {tag} {k}", text=t, id=i)
                    for k, (i, t) in enumerate(zip(ids, texts, strict=True))
                ),
                annotations=tuple(
                    a for i, t in zip(ids, texts, strict=True) for a in _quotes(i, t, 5)
                ),
            )
            import_corpus(project, corpus)
            print("corpus", tag, *(a.id for a in corpus.annotations), flush=True)
        else:  # one to five quotes marked in one edit
            document_id = rng.choice(documents)
            text = project.document(document_id).text
            marks = rng.sample(_quotes(document_id, text, text.count("“")), rng.randint(1, 5))
            taken = {a.start for a in project.annotations(document_id)}
            marks = [a for a in marks if a.start not in taken]
            if marks:
                project.apply(Batch(tuple(AddAnnotation(a) for a in marks), "marks"))
                print("quotes", *(a.id for a in marks), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
