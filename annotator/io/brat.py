"""Quotes as brat standoff: ``NAME.txt`` + ``NAME.ann`` per document, plus the configs.

Each quote is a ``Quote`` text-bound annotation (code points, end exclusive), followed by
its exact text, which brat checks against the document. brat reads ``.ann`` files line by
line with Python's ``str.splitlines``, so a quote crossing any character that ends a line
there (``\\n``, ``\\r``, form feed, U+2028...) is written as fragments ``s1 e1;s2 e2``
without it; a tab is written as is. ``annotation.conf`` lets quotes nest and cross.
Speaker and tone are multi-valued attributes (``A1\\tSpeaker T1 Liz_Truss``, ``A2\\tTone
T1 warning``): brat values cannot hold spaces, so names are written with ``_`` for spaces
and other unsafe characters (the mapping is in ``annotation.conf`` comments). Devices can
be several per quote, and brat allows one value per attribute, so each device is a binary
attribute ``Device_<name>`` (``A3\\tDevice_metaphor T1``). A suggested or rejected quote
has a ``Status`` attribute (``A4\\tStatus T2 rejected``); no attribute means accepted.
Notes are ``AnnotatorNotes`` (on one line). ``visual.conf`` colours the quotes and shows
tone, speaker and devices as glyphs.

Lost: confidence, annotator, dates, ids, speaker roles, device categories, and per-code
colours (brat colours spans by type, not by attribute value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import Annotation, Status
from annotator.core.reading import CorpusReader, CorpusSource
from annotator.io.common import names_used, one_line, safe_filename
from annotator.io.safe_write import replacing_folder

QUOTE_TYPE = "Quote"
QUOTE_COLOUR = "#FFE680"
_UNSAFE_VALUE = re.compile(r"[^\w-]+")
# Where str.splitlines, and so brat's .ann reader, ends a line.
_LINE_ENDS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_LINE_END = re.compile(f"[{''.join(sorted(_LINE_ENDS))}]")
STATUS_VALUES = (Status.SUGGESTED, Status.REJECTED)


@dataclass
class BratNames:
    """Brat-safe names for speakers, tones and devices, unique within each kind."""

    speakers: dict[str, str] = field(default_factory=dict)
    tones: dict[str, str] = field(default_factory=dict)
    devices: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, corpus: CorpusReader) -> BratNames:
        """Names for the corpus's speakers and codes, then any others its quotes use."""
        names, used = cls(), corpus.usage()
        speakers = [*(s.name for s in corpus.speakers), *used.speakers]
        tones = [*(c.name for c in corpus.codebook.tones), *used.tones]
        devices = [*(c.name for c in corpus.codebook.devices), *used.devices]
        for table, values, prefix in (
            (names.speakers, speakers, ""),
            (names.tones, tones, ""),
            (names.devices, devices, "Device_"),
        ):
            for value in names_used(values):
                table[value] = _unique(prefix + brat_value(value), set(table.values()))
        return names


def brat_value(name: str) -> str:
    """``name`` as a brat type or attribute value: no spaces or punctuation."""
    return _UNSAFE_VALUE.sub("_", name).strip("_") or "unnamed"


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}_{number}", number + 1
    return candidate


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` pieces of ``text[start:end]`` between line-ending characters."""
    pieces, piece_start = [], start
    for line_end in _LINE_END.finditer(text, start, end):  # nearly always none
        offset = line_end.start()
        if offset > piece_start:
            pieces.append((piece_start, offset))
        piece_start = offset + 1
    if end > piece_start:
        pieces.append((piece_start, end))
    return pieces or [(start, end)]


def ann_lines(text: str, annotations: list[Annotation], names: BratNames) -> list[str]:
    """The ``.ann`` lines for one document's annotations."""
    lines: list[str] = []
    attribute = note = 0
    for number, annotation in enumerate(annotations, start=1):
        pieces = fragments(text, annotation.start, annotation.end)
        spans = ";".join(f"{s} {e}" for s, e in pieces)
        covered = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"T{number}\t{QUOTE_TYPE} {spans}\t{covered}")
        values = []
        if annotation.speaker:
            values.append(f"Speaker T{number} {names.speakers[annotation.speaker]}")
        if annotation.tone:
            values.append(f"Tone T{number} {names.tones[annotation.tone]}")
        values.extend(f"{names.devices[d]} T{number}" for d in annotation.devices)
        if annotation.status in STATUS_VALUES:
            values.append(f"Status T{number} {annotation.status.value}")
        for value in values:
            attribute += 1
            lines.append(f"A{attribute}\t{value}")
        if annotation.note and one_line(annotation.note):
            note += 1
            lines.append(f"#{note}\tAnnotatorNotes T{number}\t{one_line(annotation.note)}")
    return lines


def annotation_conf(names: BratNames) -> str:
    """``annotation.conf``: the Quote entity, the overlap rule and the attributes."""
    # Quotes inside quotes, and a quote split by its attribution, overlap another quote.
    overlap = f"<OVERLAP>\tArg1:{QUOTE_TYPE}, Arg2:{QUOTE_TYPE}, <OVL-TYPE>:<ANY>"
    lines = ["[entities]", QUOTE_TYPE, "", "[relations]", overlap, "", "[events]", ""]
    lines.append("[attributes]")
    for label, table in (("Speaker", names.speakers), ("Tone", names.tones)):
        if table:
            lines.append(f"{label}\tArg:{QUOTE_TYPE}, Value:{'|'.join(table.values())}")
    lines.extend(f"{device}\tArg:{QUOTE_TYPE}" for device in names.devices.values())
    statuses = "|".join(status.value for status in STATUS_VALUES)
    lines.extend([f"Status\tArg:{QUOTE_TYPE}, Value:{statuses}", ""])
    for label, table in (("speaker", names.speakers), ("tone", names.tones)):
        lines.extend(f"# {label} {value} = {name}" for name, value in table.items())
    lines.extend(f"# device {value} = {name}" for name, value in names.devices.items())
    return "\n".join(lines) + "\n"


def visual_conf(names: BratNames) -> str:
    """``visual.conf``: labels, the quote colour and attribute glyphs."""
    lines = ["[labels]", f"{QUOTE_TYPE} | {QUOTE_TYPE} | Q", "", "[drawing]"]
    lines.append("SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken")
    lines.append("ARC_DEFAULT\tcolor:black, arrowHead:triangle-5")
    lines.append("ATTRIBUTE_DEFAULT\tglyph:*")
    lines.append(f"{QUOTE_TYPE}\tbgColor:{QUOTE_COLOUR}, borderColor:darken")
    for label, table in (("Speaker", names.speakers), ("Tone", names.tones)):
        if table:
            glyphs = "|".join(f"[{value}]" for value in table.values())
            lines.append(f"{label}\tglyph:{glyphs}")
    lines.extend(f"{value}\tglyph:({value[7:]})" for value in names.devices.values())
    lines.append("Status\tglyph:" + "|".join(f"({s.value})" for s in STATUS_VALUES))
    return "\n".join(lines) + "\n"


def write_brat(corpus: CorpusSource, folder: Path | str) -> int:
    """Write ``corpus`` as a brat collection into ``folder``; return the quotes written.

    The files are written in a new folder beside ``folder`` and moved in once all are
    written: on an error, ``folder`` is left as it was.
    """
    taken, written = {"annotation", "visual"}, 0
    with corpus.reading() as reader, replacing_folder(folder) as temporary:
        names = BratNames.of(reader)
        for document, annotations in reader.by_document():
            stem = safe_filename(document.title, taken, fallback=f"document-{document.id}")
            with (temporary / f"{stem}.txt").open("w", encoding="utf-8", newline="") as stream:
                stream.write(document.text)
            lines = ann_lines(document.text, annotations, names)
            with (temporary / f"{stem}.ann").open("w", encoding="utf-8", newline="\n") as stream:
                stream.write("".join(f"{line}\n" for line in lines))
            written += len(annotations)
        (temporary / "annotation.conf").write_text(annotation_conf(names), encoding="utf-8")
        (temporary / "visual.conf").write_text(visual_conf(names), encoding="utf-8")
    return written
