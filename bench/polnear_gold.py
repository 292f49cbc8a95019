"""PolNeAR's gold with its quotations whole: a second reading of the same hand annotation.

PolNeAR's annotators often attribute a quotation of several sentences sentence by sentence:
"“He opposed every one. Every single amendment,” said Ruiz" is two attributions, the
first one's content ending after "one", the second one's starting at "Every". The gold in
../shared/eval/polnear-train keeps a quotation-marked region per content span, so it
holds the first sentence with its opening mark and nothing for the rest, which has none.
Every suggestion of the whole quotation then counts as one miss and one extra.

`whole_quotations` gives each such gold quote its closing mark back when the same
annotator's next content span carries the quotation on to it, in the same paragraph. Only
the gold's own spans move: no quote is added and no speaker changes. The bench prints this
reading beside the gold as it ships; tests hold floors on the gold as it ships.

Usage: python bench/polnear_gold.py OUT.jsonl
writes the whole-quotation reading of ../shared/eval/polnear-train/gold.jsonl in the same
format, for the evaluation scorer: `score.py PREDICTIONS --gold OUT.jsonl --articles …`.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path

from annotator.suggest.scoring import GoldArticle, load_gold

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear-train"

_OPENING = ("“", '"', "‘")
_DOUBLE_RX = re.compile(r'[”"“‘]')  # what closes a double quotation, or opens another
_SINGLE_CLOSE_RX = re.compile(r"’(?![A-Za-z])|[“‘]")  # not the apostrophe in "don’t"
_SLACK = 3  # the next content span may start at the space or mark after the cut


def content_spans(ann: str) -> list[tuple[int, int]]:
    """The Content spans of a brat standoff file (`T7<TAB>Content 10 20;25 40<TAB>…`)."""
    found = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        kind, _, ranges = parts[1].partition(" ")
        if kind != "Content":
            continue
        for piece in ranges.split(";"):
            start, end = piece.split()
            found.append((int(start), int(end)))
    return sorted(found)


def first_annotations(folder: Path, articles: list[str]) -> dict[str, Path]:
    """Each article's first annotator's file (`<stem>.ann` or `<stem>_<annotator>.ann`,
    the first in name order), the one the gold was made from; the folder is read once."""
    stems = {Path(name).stem for name in articles}
    first: dict[str, Path] = {}
    for path in sorted(folder.glob("*.ann")):
        stem = path.stem if path.stem in stems else path.stem.rpartition("_")[0]
        first.setdefault(stem, path)
    return first


def whole_quotations(article: GoldArticle, contents: list[tuple[int, int]]) -> GoldArticle:
    """The article with each gold quote that stops short of its closing mark carried on to
    that mark, when a content span starts where the quote stops and goes on past it.
    `article.quotes` are in text order, as the gold lists them."""
    text = article.text
    quotes: list[dict[str, object]] = []
    for quote in article.quotes:
        start, end = int(quote["start"]), int(quote["end"])  # type: ignore[call-overload]
        mark = _closing_mark(text, start, end)
        if mark > end and any(end - _SLACK <= a <= mark and b > end for a, b in contents):
            quote = {**quote, "end": mark + 1, "text": text[start : mark + 1]}
        if quotes and start < int(quotes[-1]["end"]):  # type: ignore[call-overload]
            continue  # inside the quotation just carried on
        quotes.append(quote)
    return replace(article, quotes=tuple(quotes))


def _closing_mark(text: str, start: int, end: int) -> int:
    """Where the quotation opened at `start` closes, when the quote text[start:end] stops
    before its closing mark: in the same paragraph, with no other quotation opened first
    (a double mark closes with either double mark, as the gold reads them). -1 otherwise."""
    opening = text[start : start + 1]
    if opening not in _OPENING:
        return -1
    line_end = text.find("\n", end)
    stop = len(text) if line_end < 0 else line_end
    if opening == "‘":
        found = _SINGLE_CLOSE_RX.search(text, start + 1, stop)
    else:
        found = _DOUBLE_RX.search(text, start + 1, stop)
    if found is None or found.start() < end or _opens(text, found.start()):
        return -1  # closed inside the quote, not closed, or a new quotation opens first
    return found.start()


def _opens(text: str, at: int) -> bool:
    """True for an opening mark: a curly one, or a straight one between a space and a word."""
    mark = text[at]
    if mark in "“‘":
        return True
    return mark == '"' and text[at - 1 : at].isspace() and text[at + 1 : at + 2].isalnum()


def with_whole_quotations(articles: list[GoldArticle], folder: Path) -> list[GoldArticle]:
    """`whole_quotations` for each article that has its annotation file in `folder`."""
    files = first_annotations(folder, [article.name for article in articles])
    found = []
    for article in articles:
        ann = files.get(Path(article.name).stem)
        if ann is not None:
            article = whole_quotations(article, content_spans(ann.read_text(encoding="utf-8")))
        found.append(article)
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("Usage: ")[1].split("\n")[0], file=sys.stderr)
        return 2
    articles = with_whole_quotations(load_gold(POLNEAR), POLNEAR / "attributions")
    with open(argv[0], "w", encoding="utf-8") as out:
        for article in articles:
            entry: dict[str, object] = {"file": article.name, "source": "PolNeAR train"}
            entry |= {"quotes": list(article.quotes), "optional": list(article.optional)}
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"{argv[0]}: {sum(len(a.quotes) for a in articles)} quotes in {len(articles)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
