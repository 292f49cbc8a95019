"""Write a sample Word briefing from a small, made-up diplomatic corpus.

Usage: ``python bench/make_briefing_sample.py [out.docx]`` (default: briefing-sample.docx).
Prints the quotes written and the time taken. The corpus is fictional: a ministerial
meeting on a river-water dispute, three speakers, ten quotes across four articles.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.codebook import codebook_from_dict
from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Document, Speaker

CODEBOOK = Path(__file__).resolve().parent.parent / "resources" / "codebook.json"
WHEN = datetime(2024, 3, 14, 9, 0, tzinfo=UTC)

SPEAKERS = (
    Speaker("Elena Marsh", role="Foreign Minister of Northland", colour="#0072B2"),
    Speaker("Tomas Adeyemi", role="Foreign Minister of Southmark", colour="#E69F00"),
    Speaker("Ingrid Sørensen", role="UN Special Envoy", colour="#009E73"),
)

# (title, outlet, date, url, paragraphs with [[quote|speaker|tone|devices|note]] marks)
ARTICLES = (
    (
        "Ministers meet in Geneva as river talks resume",
        "The Geneva Ledger",
        "2024-03-11",
        "https://example.org/ledger/river-talks-resume",
        "Talks on the shared river basin resumed on Monday after a six-month pause. "
        "Opening the session, Elena Marsh said: [[We did not come to Geneva to trade "
        "insults; we came to trade solutions.|Elena Marsh|conciliatory|antithesis|Sets a "
        "cooperative frame before the water-quota discussion.]] Her counterpart was less "
        "warm. [[Every dam built upstream is a wall built against our farmers.|Tomas "
        "Adeyemi|accusatory|metaphor;loaded language|Strongest wording so far; echoes "
        "domestic campaign slogans.]]",
    ),
    (
        "Envoy urges calm over water quotas",
        "Daily Meridian",
        "2024-03-12",
        "https://example.org/meridian/envoy-urges-calm",
        "The UN envoy spent the morning shuttling between delegations. "
        "[[Nobody wins a drought. Either both banks of the river prosper, or neither "
        "does.|Ingrid Sørensen|conciliatory|black-and-white fallacy;antithesis|Frames the "
        "deal as all-or-nothing to push both sides.]] Asked about a deadline, she added: "
        "[[The window for an agreement is open, but it will not stay open forever.|Ingrid "
        "Sørensen|warning|metaphor|First hint of a timetable.]]",
    ),
    (
        "Southmark threatens to leave the basin commission",
        "The Geneva Ledger",
        "2024-03-13",
        "https://example.org/ledger/southmark-threatens-exit",
        "Tempers flared on the third day. [[If Northland keeps filling its reservoirs "
        "while our fields crack, we will have no choice but to leave the commission."
        "|Tomas Adeyemi|warning|appeal to fear|Explicit exit threat; check whether the "
        "cabinet has endorsed it.]] He went further: [[Who exactly is this treaty "
        "protecting, if not the powerful?|Tomas Adeyemi|confrontational|rhetorical "
        "question;us versus them|]] Marsh replied within the hour. [[Northland has "
        "released more water this spring than the treaty requires. The figures are "
        "public.|Elena Marsh|defensive|appeal to authority|Verifiable claim: ask the "
        "basin secretariat for release data.]]",
    ),
    (
        "A fragile framework emerges on the final day",
        "Daily Meridian",
        "2024-03-14",
        "https://example.org/meridian/fragile-framework",
        "Late on Thursday the delegations agreed a framework text. "
        "[[This is not the end of the dispute, but it is the end of the silence.|Elena "
        "Marsh|optimistic|antithesis|Likely line for the joint press conference.]] "
        "Adeyemi was guarded: [[We will judge Northland by the water in our canals, not "
        "by the ink on this paper.|Tomas Adeyemi|dismissive|metaphor;antithesis|Signals "
        "the deal may not survive the dry season.]] The envoy closed the talks: "
        "[[Today both sides chose to keep talking. In a dispute this old, that is real "
        "progress.|Ingrid Sørensen|optimistic|understatement|]]",
    ),
)


def _parse(document_id: int, marked: str) -> tuple[str, list[Annotation]]:
    text, annotations, rest = "", [], marked
    while "[[" in rest:
        before, rest = rest.split("[[", 1)
        inner, rest = rest.split("]]", 1)
        quote, speaker, tone, devices, note = inner.split("|")
        text += before
        start = len(text)
        text += quote
        annotations.append((start, quote, speaker, tone, devices, note))
    text += rest
    return text, [
        Annotation.on(
            document_id,
            text,
            start,
            start + len(quote),
            speaker=speaker,
            tone=tone,
            devices=tuple(d for d in devices.split(";") if d),
            note=note or None,
            annotator="analyst",
            created=WHEN,
            modified=WHEN,
        )
        for start, quote, speaker, tone, devices, note in annotations
    ]


def sample_corpus() -> Corpus:
    """The demo corpus: four articles, three speakers, ten quotes."""
    import json

    codebook, _speakers = codebook_from_dict(json.loads(CODEBOOK.read_text(encoding="utf-8")))
    documents, annotations = [], []
    for number, (title, outlet, published, url, marked) in enumerate(ARTICLES, start=1):
        text, found = _parse(number, marked)
        documents.append(
            Document(
                title,
                text,
                source=url,
                outlet=outlet,
                published=published,
                language="en",
                imported_at=WHEN,
                id=number,
            )
        )
        annotations.extend(found)
    return Corpus(tuple(documents), tuple(annotations), SPEAKERS, codebook)


def main() -> None:
    from annotator.io.briefing import write_briefing

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "briefing-sample.docx")
    started = time.perf_counter()
    written = write_briefing(
        sample_corpus(),
        out,
        title="River Basin Talks, Geneva",
        analyst="Policy Analysis Unit",
        scope="Accepted quotes by the three principals, 11\u201314 March 2024",
        include_context=True,
    )
    print(f"{written} quotes -> {out} in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
