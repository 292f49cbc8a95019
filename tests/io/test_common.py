"""The exporters' shared helpers: the sentence around a quote."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from annotator.core import Annotation
from annotator.io import common
from annotator.io.common import (
    GuidPrefix,
    annotation_guid,
    annotation_uuid,
    is_xml_safe,
    sentence_around,
    stable_guid,
    stable_uuid,
    xml_safe,
)

# Where a sentence ends: a terminator, closing quotes or brackets, then whitespace; or a
# line end. Written out again here as the plain definition the helper must agree with.
SENTENCE_END = re.compile(r"[.!?\u2026\u061f\u06d4\u3002][\"'\u201d\u2019\u00bb)\]]*\s+|\n")


def sentence_by_definition(text: str, start: int, end: int, limit: int = 400) -> str:
    """Every sentence end before the quote, from the left; the last one starts the context."""
    floor = max(0, start - limit)
    boundary = None
    for match in SENTENCE_END.finditer(text, floor, start):
        boundary = match.end()
    ceiling = min(len(text), end + limit)
    after = SENTENCE_END.search(text, max(start, end - 1), ceiling)
    context = text[boundary if boundary is not None else floor : after.end() if after else ceiling]
    prefix = "\u2026" if boundary is None and floor > 0 else ""
    suffix = "\u2026" if after is None and ceiling < len(text) else ""
    return f"{prefix}{context.strip()}{suffix}"


# Few letters, many of the characters that end sentences: every arrangement of them.
PIECES = st.sampled_from(
    ["a", "b", "🔥", " ", "  ", "\n", "\r\n", "\t", "\u2028", ".", "!", "?", "\u2026", "\u3002",
     "\u061f", '"', "'", "\u201d", "\u00bb", ")", "]", "(", "\u201c"]
)  # fmt: skip


@st.composite
def texts_with_spans(draw: st.DrawFn) -> tuple[str, int, int, int]:
    text = "".join(draw(st.lists(PIECES, min_size=1, max_size=60)))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end, draw(st.integers(1, 30))


@given(texts_with_spans())
def test_the_sentence_around_a_quote_starts_after_the_last_sentence_end(case):
    text, start, end, limit = case
    assert sentence_around(text, start, end, limit) == sentence_by_definition(
        text, start, end, limit
    )


def test_the_sentence_around_a_quote_in_an_article():
    text = "He left. Later 🔥 “We will not yield,” she said (firmly!) and left.\nMore."
    start = text.index("“")
    sentence = "Later 🔥 “We will not yield,” she said (firmly!)"
    assert sentence_around(text, start, start + 5) == sentence
    # At most four characters each side, cut short on both.
    assert sentence_around(text, start, start + 5, limit=4) == "\u2026r 🔥 “We will\u2026"


@given(st.lists(st.text() | st.integers(), min_size=1, max_size=4))
def test_a_stable_guid_is_the_text_of_the_stable_uuid(parts):
    try:
        expected = str(stable_uuid(*parts))
    except UnicodeEncodeError:  # a lone surrogate has no UTF-8 to hash, either way
        return
    assert stable_guid(*parts) == expected
    assert GuidPrefix(*parts[:1]).guid(*parts[1:] or [""]) == str(
        stable_uuid(*parts[:1], *parts[1:] or [""])
    )
    # A prefix grown by one part names the same things as the longer prefix.
    longer = GuidPrefix(*parts[:1]).then(str(parts[-1]))
    assert longer.guid_of("more") == GuidPrefix(*parts[:1], parts[-1]).guid_of("more")
    assert longer.guid_of("more") == str(stable_uuid(*parts[:1], parts[-1], "more"))
    # Many GUIDs after one more part: each as if grown one part at a time.
    after = GuidPrefix(*parts[:1]).guids_after(str(parts[-1]), [b"one", "tw\u00f6".encode()])
    assert after == [longer.guid_of("one"), longer.guid_of("tw\u00f6")]


UUID_TEXT = "3f2b8c1e-9d4a-4e6b-8a7c-0f1e2d3c4b5a"
QUOTE_IDS = st.sampled_from([
    UUID_TEXT.replace("-", ""), UUID_TEXT, UUID_TEXT.upper(), "{" + UUID_TEXT + "}",
    "urn:uuid:" + UUID_TEXT, "00001-00042", "q1", "", "x" * 32, "{}", "urn:", "-" * 40,
]) | st.text(alphabet="0123456789abcdefABCDEF-{}:nru", max_size=40)  # fmt: skip


@given(QUOTE_IDS)
def test_a_quote_guid_is_the_text_of_its_uuid(own):
    quote = Annotation(document_id=1, start=0, end=1, quote="x", id=own)
    assert annotation_guid(quote) == str(annotation_uuid(quote))


def test_every_character_is_safe_exactly_when_xml_safe_keeps_it():
    for code in range(0x110000):
        for text in (f"a{chr(code)} b", f"a\n{chr(code)}\tb"):  # (the second: paragraphs)
            cleaned = common._XML_INVALID.sub("", text.translate(common._BREAKS))
            assert is_xml_safe(text) == (cleaned == text), hex(code)
            assert xml_safe(text) == cleaned, hex(code)


def test_a_text_of_paragraphs_is_safe_unless_something_else_in_it_is_not():
    paragraphs = "“We will,” she said.\n\nHe replied:\tno.\r\n"
    assert is_xml_safe(paragraphs)
    for unsafe in ("\x0b", "\x00", "\u2028", "\ufffe", "\ud800"):
        assert not is_xml_safe(paragraphs + unsafe + "end"), hex(ord(unsafe))
    assert is_xml_safe(paragraphs + "\u00a0no-break")  # not printable, yet safe


@given(st.text(st.characters(blacklist_categories=())))
def test_a_text_is_safe_exactly_when_xml_safe_keeps_it(text):
    assert is_xml_safe(text) == (xml_safe(text) == text)
