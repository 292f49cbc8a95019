"""A generated corpus with the orderings exporters must keep: documents on the same date,
undated ones, the same title twice, nested and identical spans, names missing from the
codebook, every review status, CRLF line ends and emoji."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Code, Codebook, CodeKind, Document, Speaker, Status

WHEN = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
WORDS = ("the", "talks", "resume", "after", "recess", "while", "officials", "warn", "\U0001f525",
         "trade", "border")  # fmt: skip
SPEAKERS = (Speaker("Ana Reyes", role="Mayor", colour="#009E73"), Speaker("Bo Lind"))
TONES = (Code(CodeKind.TONE, "warning", colour="#E69F00"), Code(CodeKind.TONE, "neutral"))
DEVICES = (
    Code(CodeKind.DEVICE, "metaphor", parent="Trope"),
    Code(CodeKind.DEVICE, "hyperbole"),
)
# (title, published): ties on date and title, undated, month-only dates.
DOCUMENTS = (
    ("Beta", "2024-03-01"),
    ("Alpha", "2024-03-01"),
    ("Zeta", None),
    ("Zeta", None),
    ("Monthly", "2024-02"),
    ("Year end", "2023-12-31"),
    ("Alpha", "2024-03-01"),
    ("Empty", "2024-01-15"),
)
# The analyst's document variables: some documents have none, some only one.
ATTRIBUTES = ((("party", "Labour"), ("region", "North")), (), (("party", "Green"),))
NAMES = ("Ana Reyes", "Bo Lind", "Newcomer", None)
TONE_NAMES = ("warning", "neutral", "wistful", None)
DEVICE_NAMES = ("metaphor", "hyperbole", "irony")
ANNOTATORS = ("alice", "bob", "speechmark-suggest", None)


def _text(rng: random.Random, number: int) -> str:
    lines = [" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(6)]
    return ("\r\n" if number % 3 == 0 else "\n").join(lines) + "."


def _quotes(rng: random.Random, document: Document, count: int) -> list[Annotation]:
    assert document.id is not None
    found = []
    for k in range(count):
        start = rng.randrange(0, len(document.text) - 20)
        end = start + rng.randrange(3, 20)
        values: dict[str, object] = {
            "speaker": rng.choice(NAMES),
            "tone": rng.choice(TONE_NAMES),
            "devices": tuple(rng.sample(DEVICE_NAMES, rng.randint(0, 2))),
            "status": rng.choice(list(Status)),
            "annotator": rng.choice(ANNOTATORS),
            "note": rng.choice((None, "check this", "=SUM(A1)")),
            "confidence": rng.choice((None, 0.5, 0.875)),
            "created": WHEN + timedelta(minutes=k),
            "modified": WHEN + timedelta(minutes=k, seconds=30),
            "id": f"{document.id:03d}{k:03d}" + "ab" * 13,
        }
        found.append(Annotation.on(document.id, document.text, start, end, **values))  # type: ignore[arg-type]
    if found:  # the same span twice, and one nested in another
        first = found[0]
        found.append(Annotation.on(document.id, document.text, first.start, first.end,
                                   speaker="Bo Lind", id=f"{document.id:03d}twin" + "cd" * 12,
                                   created=WHEN, modified=WHEN))  # fmt: skip
        found.append(Annotation.on(document.id, document.text, first.start, first.end + 5,
                                   tone="warning", id=f"{document.id:03d}wide" + "ef" * 12,
                                   created=WHEN, modified=WHEN))  # fmt: skip
    return found


def awkward_corpus(seed: int = 11) -> Corpus:
    """Eight documents (one without quotes, some with variables and a web address), about
    fifty quotes, two speakers profiled."""
    rng = random.Random(seed)
    documents, annotations = [], []
    for number, (title, published) in enumerate(DOCUMENTS, 1):
        document = Document(
            title=title,
            text=_text(rng, number),
            outlet=rng.choice(("Herald", "Courier", None)),
            published=published,
            language="en",
            imported_at=WHEN,
            id=number,
            url=f"https://news.example/{number}" if number % 2 else None,
            attributes=ATTRIBUTES[number % len(ATTRIBUTES)],
        )
        documents.append(document)
        if title != "Empty":
            annotations += _quotes(rng, document, rng.randint(3, 8))
    return Corpus(
        documents=tuple(documents),
        annotations=tuple(annotations),
        speakers=SPEAKERS,
        codebook=Codebook(tones=TONES, devices=DEVICES),
    )


def exported_awkward_corpus(folder: Path) -> Path:
    """The corpus as a Speechmark JSONL file exported from a project in ``folder`` (as a
    user would have it to import): emoji, variables, devices, speakers and tones to add."""
    from annotator.io.jsonl import write_jsonl
    from annotator.store import Project

    with Project(str(folder / "source.speechmark")) as source:
        source.import_corpus(awkward_corpus())
        path = folder / "corpus.jsonl"
        write_jsonl(source.corpus(), path)
    return path
