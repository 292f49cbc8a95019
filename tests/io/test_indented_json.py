"""The fast indented JSON writer gives exactly what json.dumps(indent=...) gives."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from annotator.io.indented_json import dumps_indented

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


@given(VALUES, st.sampled_from([1, 2, 4]))
def test_same_text_as_json_dumps(value, indent):
    assert dumps_indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


def test_tuples_and_surrogates_like_json_dumps():
    value = {"a": (1, 2.5, "\ud800 \u2028 \x00"), "b": [], "c": {}, "d": [{"e": None}]}
    assert dumps_indented(value, 2) == json.dumps(value, ensure_ascii=False, indent=2)
