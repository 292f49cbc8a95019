"""Property tests: any text gives valid spans, and suggest never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.suggest import suggest

MARKS = list("\"'“”‘’„‚«»‹›")
PIECES = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(["\n", " ", ", ", ". ", ": ", "said", "she", "He", "Mr", "told"]),
    st.sampled_from(["Anna Webb", "Webb", "the minister", "according to", "🔥", "é"]),
    st.sampled_from(["The Ministry of Defence", "the Home Office", "One diplomat", "Asked"]),
    st.sampled_from(["A spokeswoman for the", "U.S.", "But he", "titled", "was blunt."]),
    st.text(max_size=8),
)


def check(text: str) -> None:
    for found in suggest(text):
        assert 0 <= found.start < found.end <= len(text)
        assert found.quote == text[found.start : found.end]
        assert 0.0 <= found.confidence <= 1.0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_quote_heavy_text(text: str) -> None:
    check(text)
