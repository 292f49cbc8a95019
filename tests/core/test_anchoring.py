from annotator.core import Annotation
from annotator.core.anchoring import AnchorMethod, matches_text, reanchor

TEXT = (
    "The minister spoke first. “We will not back down,” she said on Thursday. "
    "Later she repeated: “We will not back down,” to cheers from the hall."
)


def second_quote() -> Annotation:
    start = TEXT.rindex("“We will")
    return Annotation.on(1, TEXT, start, start + len("“We will not back down,”"))


def test_annotation_keeps_32_characters_of_context():
    a = second_quote()
    assert a.prefix == TEXT[a.start - 32 : a.start]
    assert a.suffix == TEXT[a.end : a.end + 32]
    assert matches_text(a, TEXT)


def test_unchanged_text_keeps_the_position():
    a = second_quote()
    anchor = reanchor(a, TEXT)
    assert (anchor.method, anchor.start, anchor.end) == (AnchorMethod.POSITION, a.start, a.end)


def test_shifted_text_finds_the_right_one_of_two_identical_quotes_by_context():
    a = second_quote()
    edited = "UPDATED: " + TEXT
    anchor = reanchor(a, edited)
    assert anchor.method is AnchorMethod.EXACT
    assert anchor.start == a.start + len("UPDATED: ")
    assert edited[anchor.start : anchor.end] == a.quote


def test_small_edit_inside_the_quote_is_placed_fuzzily():
    a = second_quote()
    edited = TEXT.replace("to cheers", "to loud cheers").replace(
        "Later she repeated: “We will not back down,”",
        "Later she repeated: “We shall not back down,”",
    )
    anchor = reanchor(a, edited)
    assert anchor.method is AnchorMethod.FUZZY
    assert "shall not back down" in edited[anchor.start : anchor.end]


def test_quote_that_is_gone_is_orphaned_not_moved():
    a = second_quote()
    anchor = reanchor(a, "A completely different article about the weather in Lisbon.")
    assert anchor.method is AnchorMethod.ORPHANED
