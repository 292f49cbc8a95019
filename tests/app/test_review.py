"""Deciding two analysts' disagreements, one quote at a time."""

from annotator.app.review import Choice, Review, disagreements
from annotator.core import Annotation

TEXT = "“One,” said Lee. “Two,” said Kim. “Three,” said Ray. “Four,” said Ann."


def quote(word: str, analyst: str, **values) -> Annotation:
    start = TEXT.index(f"“{word}")
    end = TEXT.index("”", start) + 1
    return Annotation.on(1, TEXT, start, end, annotator=analyst, **values)


def test_disagreements_name_what_differs_in_reading_order():
    quotes = [
        quote("One", "ann", speaker="Lee"), quote("One", "bob", speaker="Lee"),  # agree
        quote("Two", "ann", speaker="Kim"), quote("Two", "bob", speaker="Ray", tone="warning"),
        quote("Three", "ann"),  # only mine
        quote("Four", "bob", devices=("metaphor",)),  # only theirs
    ]  # fmt: skip
    found = disagreements(quotes, "ann", "bob", me="ann")
    assert [d.differences for d in found] == [("speaker", "tone"), ("only mine",), ("only theirs",)]


def test_deciding_moves_on_and_undo_reopens():
    mine, theirs = quote("Two", "ann", speaker="Kim"), quote("Two", "bob", speaker="Ray")
    alone = quote("Three", "ann")
    review = Review("ann", "bob", me="ann")
    (first, second) = review.open([mine, theirs, alone])
    edit = review.decide(first, Choice.THEIRS)
    assert edit.annotation == mine  # taking theirs removes mine
    assert review.decide(second, Choice.MINE) is None  # keeping the only version: no change
    assert review.open([theirs, alone]) == []  # both settled
    assert len(review.open([mine, theirs, alone])) == 1  # undo brought mine back: open again
