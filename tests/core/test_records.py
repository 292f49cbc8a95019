"""Quotes as records: the fast reader agrees with the complete check, value by value."""

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core import Status
from annotator.core.records import (
    RECORD_FIELDS,
    QuoteReader,
    annotation_of_record,
    quote_record,
)

TEXT = "“One,” she said. “Two,” he said, “and 👋 three.”"
GOOD = {
    "id": "q1", "start": 0, "end": 6, "quote": "“One,”", "speaker": "Ann", "tone": "warning",
    "devices": ["metaphor", "simile"], "note": None, "status": "suggested", "confidence": 0.5,
    "annotator": "me", "created": "2024-03-14T09:00:00Z", "modified": "2024-03-15T10:00:00Z",
    "why": "a reason",
}  # fmt: skip


def outcome(check, raw):
    try:
        return check(raw, TEXT)
    except ValueError as error:
        return f"error: {error}"


def test_a_record_holds_the_checked_values_in_field_order():
    record = QuoteReader().record(GOOD, TEXT)
    values = dict(zip(RECORD_FIELDS, record, strict=True))
    assert values["devices"] == ("metaphor", "simile")
    assert values["status"] is Status.SUGGESTED
    assert values["created"] == datetime(2024, 3, 14, 9, tzinfo=UTC)
    assert record == quote_record(GOOD, TEXT)


@pytest.mark.parametrize(
    "change, problem",
    [({"speaker": 7}, "'speaker' must be text"), ({"status": "maybe"}, "'status' must be one of"),
     ({"confidence": float("inf")}, "finite number"), ({"confidence": True}, "finite number"),
     ({"devices": ["metaphor", 3]}, "'devices' must be a list of names"),
     ({"created": "yesterday"}, "'created' is not an ISO date"), ({"start": None}, "'start' is missing"),
     ({"end": 99}, "span 0-99 is outside the text"), ({"quote": "One"}, "does not match"),
     ({"start": True}, "'start' must be a whole number")],
)  # fmt: skip
def test_a_bad_value_is_refused_after_good_quotes_of_the_same_shape(change, problem):
    reader = QuoteReader()
    reader.record(GOOD, TEXT)
    reader.record({**GOOD, "id": "q2", "created": "2024-03-16T09:00:00Z"}, TEXT)
    with pytest.raises(ValueError, match=problem):
        reader.record({**GOOD, "id": "q3", **change}, TEXT)


values = {
    "start": st.integers(-2, len(TEXT) + 2) | st.none() | st.booleans(),
    "end": st.integers(0, len(TEXT) + 2) | st.just("6"),
    "quote": st.none() | st.just("“One,”") | st.integers(),
    "speaker": st.none() | st.just("Ann") | st.integers(0, 3),
    "devices": st.none() | st.lists(st.sampled_from(["metaphor", 1, None]), max_size=2),
    "status": st.none() | st.sampled_from(["accepted", "rejected", "maybe", 1]),
    "confidence": st.none() | st.floats(allow_nan=True) | st.integers() | st.booleans(),
    "created": st.none() | st.sampled_from(["2024-03-14T09:00:00Z", "2024-03-14", "now", 3]),
    "id": st.none() | st.just("q") | st.integers(),
}


@given(st.lists(st.fixed_dictionaries({}, optional=values), min_size=1, max_size=6))
def test_the_reader_gives_what_the_complete_check_gives(quotes):
    reader = QuoteReader()
    for raw in quotes:
        fast, complete = outcome(reader.record, raw), outcome(quote_record, raw)
        if raw.get("id") is None and not isinstance(fast, str):  # a new id each time
            assert isinstance(complete, tuple)
            fast, complete = fast[1:], complete[1:]
        assert fast == complete


def test_an_annotation_of_a_record_has_its_context_and_stamps_now_when_unknown():
    record = quote_record({"start": 17, "end": 23}, TEXT)
    annotation = annotation_of_record(4, TEXT, record)
    assert (annotation.document_id, annotation.quote) == (4, "“Two,”")
    assert annotation.prefix == TEXT[:17] and annotation.suffix == TEXT[23:55]
    assert annotation.created.tzinfo is UTC
