"""The fast indented JSON writers give exactly what json.dumps(indent=...) gives."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.io.indented_json import dumps_indented, encode_indented, exact_float

SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(alphabet=st.characters(codec="utf-8"))
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(st.integers(), inner, max_size=2)
    ),
    max_leaves=25,
)
# Texts as they come from a database or a file: any character, lone surrogates included.
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=8)


def _exact_floats(value: Any) -> Any:
    """``value`` with each float given as ``exact_float`` (as the writers give them)."""
    if isinstance(value, float):
        return exact_float(value)
    if isinstance(value, dict):
        return {key: _exact_floats(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_exact_floats(item) for item in value]
    return value


@given(VALUES, st.sampled_from([1, 2, 4]))
def test_same_text_as_json_dumps(value, indent):
    assert dumps_indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


@given(VALUES, st.sampled_from([1, 2, 4]))
def test_encoded_the_same_as_json_dumps(value, indent):
    expected = json.dumps(value, ensure_ascii=False, indent=indent).encode("utf-8")
    assert encode_indented(_exact_floats(value), indent) == expected


@given(st.lists(ANY_TEXT | st.integers(min_value=-(2**80), max_value=2**80), max_size=4))
def test_encoded_texts_and_numbers_of_any_kind(value):
    text = json.dumps({"items": value, "nested": [value]}, ensure_ascii=False, indent=2)
    try:
        expected = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 file can hold it
        with pytest.raises(UnicodeEncodeError):
            encode_indented({"items": value, "nested": [value]}, 2)
        return
    assert encode_indented({"items": value, "nested": [value]}, 2) == expected


def test_tuples_and_surrogates_like_json_dumps():
    value = {"a": (1, 2.5, "\ud800 \u2028 \x00"), "b": [], "c": {}, "d": [{"e": None}]}
    assert dumps_indented(value, 2) == json.dumps(value, ensure_ascii=False, indent=2)


def test_exact_floats_as_json_dumps_writes_them():
    floats = [1e-05, 1e16, 0.1, -0.0, 123456789.0, float("nan"), float("inf"), -float("inf")]
    value = {"score": [exact_float(f) for f in floats], "empty": [], "none": {}}
    expected = json.dumps({"score": floats, "empty": [], "none": {}}, indent=1).encode()
    assert encode_indented(value, 1) == expected
    assert dumps_indented(value, 1).encode() == expected
