from hypothesis import given
from hypothesis import strategies as st

from annotator.core.offsets import Utf16Index


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_emoji_counts_two_utf16_units_and_one_code_point():
    text = "Hi 👋 there, “quote” 🇺🇦 end"
    index = Utf16Index(text)
    quote_start = text.index("“")
    assert index.to_utf16(quote_start) == utf16_len(text[:quote_start])
    assert index.from_utf16(utf16_len(text[:quote_start])) == quote_start
    assert index.utf16_length == utf16_len(text)


def test_combining_marks_are_one_unit_each_in_both_systems():
    text = "Zoe\u0308 said “oui”"  # e + combining diaeresis: two code points, two units
    index = Utf16Index(text)
    for i in range(len(text) + 1):
        assert index.to_utf16(i) == i
        assert index.from_utf16(i) == i


def test_position_inside_a_surrogate_pair_snaps_to_the_character_start():
    text = "a😀b"
    index = Utf16Index(text)
    assert index.from_utf16(2) == 1  # between the two halves of 😀
    assert index.from_utf16(3) == 2


def test_out_of_range_offsets_are_refused():
    index = Utf16Index("abc")
    for bad in (-1, 4):
        try:
            index.to_utf16(bad)
        except IndexError:
            continue
        raise AssertionError(f"{bad} accepted")


def test_megabyte_text_with_many_emoji_converts_correctly():
    text = ("word 😀 " * 150_000)[:1_000_000]
    index = Utf16Index(text)
    for i in (0, 5, 6, 7, 999_999, len(text)):
        assert index.to_utf16(i) == utf16_len(text[:i])
        assert index.from_utf16(index.to_utf16(i)) == i


@given(st.text(), st.data())
def test_round_trip_for_any_text(text, data):
    index = Utf16Index(text)
    i = data.draw(st.integers(0, len(text)))
    assert index.to_utf16(i) == utf16_len(text[:i])
    assert index.from_utf16(index.to_utf16(i)) == i
