"""Pairing quotation marks: styles, apostrophes, nesting, paragraphs and odd counts."""

from __future__ import annotations

from annotator.suggest import suggest
from annotator.suggest.quotes import find_quotes


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_every_quote_style_pairs() -> None:
    text = (
        'He said "yes". She said “no”. « Oui », dit-il. „Ja“, sagte sie. '
        "»Nein«, rief er. ‘Maybe,’ she said."
    )
    assert spans(text) == ['"yes"', "“no”", "« Oui »", "„Ja“", "»Nein«", "‘Maybe,’"]


def test_apostrophes_are_not_quote_marks() -> None:
    text = "‘We won’t go back to the ’90s,’ said O’Brien, whose party’s leaders agreed."
    assert spans(text) == ["‘We won’t go back to the ’90s,’"]
    straight = "'It's the workers' money, not the bosses',' he said. Don't."
    assert spans(straight)[0].startswith("'It's the workers'")


def test_possessive_after_s_does_not_close_a_single_quote() -> None:
    text = "‘The Joneses’ house is not for sale,’ she said."
    assert spans(text) == ["‘The Joneses’ house is not for sale,’"]


def test_nested_quotes_belong_to_the_outer_one() -> None:
    text = "“He told me ‘never again’ and walked out,” she said. « Un ‹ mot › de trop », dit-il."
    assert spans(text) == [
        "“He told me ‘never again’ and walked out,”",
        "« Un ‹ mot › de trop »",
    ]


def test_quote_over_paragraphs_continues_at_the_reopening_mark() -> None:
    text = "She said:\n“First part of the answer.\n“Second part,” she added.\nNext."
    assert spans(text) == ["“First part of the answer.\n“Second part,”"]
    assert find_quotes(text)[0].paragraphs == 2


def test_an_odd_mark_does_not_stop_the_engine() -> None:
    text = "A stray ” mark. “First,” he said. “Second, she said.\n“Third,” they said."
    found = spans(text)
    assert "“First,”" in found
    assert found[-1].endswith("“Third,”")
    recovered = "He said: “This runs to the end of the paragraph\nNew paragraph."
    assert spans(recovered) == ["“This runs to the end of the paragraph"]


def test_unclosed_mark_mid_sentence_is_dropped_but_later_quotes_survive() -> None:
    text = 'The "so called plan is bad. "Nothing works," he said.'
    assert spans(text) == ['"Nothing works,"']


def test_offsets_are_code_points_even_after_emoji() -> None:
    text = "🔥🇬🇧 Breaking 🚨: “We will win this vote,” said Jane Porter. 😀 “No doubt,” she added."
    found = suggest(text)
    assert [s.quote for s in found] == ["“We will win this vote,”", "“No doubt,”"]
    for s in found:
        assert text[s.start : s.end] == s.quote
    assert found[0].start == text.index("“We")
    assert [s.speaker for s in found] == ["Jane Porter", "Jane Porter"]


def test_hard_wrapped_lines_do_not_break_a_quote() -> None:
    text = "“This is a long quote that the\nsender wrapped by hand,” Mr Smith said."
    found = suggest(text)
    assert len(found) == 1 and found[0].speaker == "Smith"


def test_a_curly_opening_mark_may_close_with_a_straight_one() -> None:
    text = '“I do not agree at all," said Rudi Hahn. "We need a plan," he added.'
    assert spans(text) == ['“I do not agree at all,"', '"We need a plan,"']
    assert [s.speaker for s in suggest(text)] == ["Rudi Hahn", "Rudi Hahn"]


def test_a_space_typed_after_a_curly_opening_mark_still_opens_a_quote() -> None:
    text = "The ad cuts to Varga saying, “ you have to give them a path.” Then it ends."
    assert spans(text) == ["“ you have to give them a path.”"]
    # a mark that a word runs into is no opening, with or without the space
    assert spans("The ferry ran late.“ Nobody said why.") == []


def test_a_quote_left_open_after_a_full_sentence_runs_to_the_paragraph_end() -> None:
    text = (
        "Varga has since backed the plan. “Realistically, this is the best chance we have.\n\n"
        "The vote is on Friday."
    )
    found = suggest(text)
    assert [s.quote for s in found] == ["“Realistically, this is the best chance we have."]
    assert "no closing mark" in found[0].why
    # mid-paragraph, an unclosed mark is still dropped
    assert spans("Varga left. “Then the vote came, and “nobody” knew.") == ["“nobody”"]


def test_feet_and_inches_inside_a_quote_do_not_close_it() -> None:
    text = "“I admit, he’s taller than me; he’s like 6’2”,” Kerr said. “I am 5’9”. Fine.”"
    assert spans(text) == [
        "“I admit, he’s taller than me; he’s like 6’2”,”",
        "“I am 5’9”. Fine.”",
    ]
    straight = '"He is 5\'11" and quick," the coach said.'
    assert spans(straight) == ['"He is 5\'11" and quick,"']


def test_a_straight_quote_opened_without_a_space_after_a_sentence_is_found() -> None:
    text = 'Workers waited at the gate for hours."We were told to come back tomorrow."'
    assert spans(text) == ['"We were told to come back tomorrow."']
    # the same marks closing a quote are still read as closing it
    text = '"We were told to wait."Then the gate opened.'
    assert spans(text) == ['"We were told to wait."']
