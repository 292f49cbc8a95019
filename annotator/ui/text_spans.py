"""Where a quote starts and ends: snapping a selection to words and to quotation marks.

Plain functions over Python strings (code-point offsets); no Qt.
"""

from __future__ import annotations

PAIRS = {
    '"': '"',
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    "'": "'",
    "‘": "’",
    "‚": "‘’",
    "‹": "›",
    "›": "‹",
}


def _is_word(char: str) -> bool:
    return char.isalnum() or char in "'’-_"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start..end`` to whole words and trim the whitespace around it.

    A selection of only whitespace stays as it is (the caller then refuses it).
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    while start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        start -= 1
    while end < len(text) and _is_word(text[end]) and _is_word(text[end - 1]):
        end += 1
    return start, end


def enclosing_quote(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span (marks included) of the nearest quotation enclosing ``start..end``.

    Looks back for an opening mark and forward for a matching closing mark within the
    paragraph; straight, curly, low-high quotes and guillemets are recognised. Returns
    None when the selection is not inside a quotation.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    first = start if start < len(text) and text[start] in PAIRS else start - 1
    for opening in range(first, line_start - 1, -1):
        if not _opens_here(text, opening, line_start):
            continue
        closers = PAIRS[text[opening]]
        closing = next(
            (
                at
                for at in range(opening + 1, line_end)
                if text[at] in closers and _closes_here(text, at)
            ),
            None,
        )
        if closing is not None and closing >= end - 1:
            return opening, closing + 1
        # That quotation closes before the selection: look further back (nesting).
    return None


def _opens_here(text: str, index: int, line_start: int) -> bool:
    mark = text[index]
    if mark not in PAIRS:
        return False
    before = text[index - 1] if index > line_start else " "
    if mark in "'’" and before.isalnum():
        return False  # an apostrophe: it's, Kestrel's
    if mark in "\"'":
        # A straight mark opens when an even number of the same marks precede it.
        return text.count(mark, line_start, index) % 2 == 0
    if mark in "»›":
        return "«‹"[mark == "›"] not in text[line_start:index]
    return mark in "“„«‘‚‹"


def _closes_here(text: str, index: int) -> bool:
    after = text[index + 1] if index + 1 < len(text) else " "
    return not (text[index] in "'’" and after.isalnum())
