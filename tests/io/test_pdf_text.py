"""The rules that turn laid-out PDF lines into running text, without a PDF."""

import pytest

from annotator.io.metadata import first_line_title, pdf_date, real_author, real_title
from annotator.io.pdf_text import Line, Page, clean_glyphs, join_lines, running_text, words_in


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Post-war recon-", "struction began."], "Post-war reconstruction began."),
        (["the Anglo-", "American treaty"], "the Anglo-American treaty"),
        (["a soft\u00ad", "hyphen"], "a softhyphen"),
        (["figures for 2023-", "2024 are"], "figures for 2023-2024 are"),
        (["she said\u2014", "and left"], "she said\u2014and left"),
        (["she said \u2013", "and left"], "she said \u2013 and left"),
        (["one line", "and the next"], "one line and the next"),
    ],
)
def test_join_lines(lines, joined):
    assert join_lines(lines, words_in(lines)) == joined


def test_a_hyphen_the_text_uses_elsewhere_is_kept_at_a_line_end():
    lines = ["They co-", "operate.", "To co-operate is all."]
    assert join_lines(lines[:2], words_in(lines)) == "They co-operate."
    # when the text also spells it without the hyphen, the line end was a hyphenation
    lines = ["They co-", "operate.", "To co-operate or cooperate."]
    assert join_lines(lines[:2], words_in(lines)) == "They cooperate."


def box(*rows: tuple[str, float, float]) -> tuple[Line, ...]:
    """Lines of 11-point text: (text, left edge, baseline)."""
    return tuple(Line(text, x0, y, y + 11) for text, x0, y in rows)


def test_an_indented_line_after_a_sentence_starts_a_paragraph():
    body = box(
        ("First paragraph ends", 72, 700),
        ("here.", 72, 686),
        ("Second starts indented", 90, 672),
        ("and goes on.", 72, 658),
    )
    text = running_text([Page((body,), 842)])
    assert text == "First paragraph ends here.\n\nSecond starts indented and goes on."


def test_running_headers_repeat_in_the_margin_band_only():
    pages = [
        Page(
            (
                box((f"Hearing transcript, day {n}", 72, 800)),
                box(("Hearing transcript, day one began.", 72, 600)),
                box((f"{n}", 290, 30)),
            ),
            842,
        )
        for n in (1, 2, 3)
    ]
    text = running_text(pages)
    assert text.split("\n\n") == ["Hearing transcript, day one began."] * 3


def test_paragraphs_join_across_a_column_break_only():
    first = box(("The minister said the talks", 72, 700), ("would go", 72, 686))
    below = box(
        ("on the agenda: nothing", 72, 658),
    )  # a paragraph of its own, lower down
    next_column = box(
        ("on until Friday.", 310, 700),
    )  # continues the one before
    text = running_text([Page((first, below, next_column), 842)])
    assert text.split("\n\n") == [
        "The minister said the talks would go",
        "on the agenda: nothing on until Friday.",
    ]


def test_bulleted_lines_are_paragraphs_of_their_own():
    body = box(("We will:", 72, 700), ("• build homes", 72, 686), ("• cut taxes", 72, 672))
    assert running_text([Page((body,), 842)]) == "We will:\n\n• build homes\n\n• cut taxes"


def test_roman_page_numbers_are_page_numbers_but_words_are_not():
    pages = [
        Page((box(("Foreword text.", 72, 600)), box((footer, 290, 30))), 842)
        for footer in ("iv", "mix")
    ]
    assert running_text(pages) == "Foreword text.\n\nForeword text.\n\nmix"


def test_ligatures_become_letters_and_unknown_glyphs_are_counted():
    assert clean_glyphs("the \ufb01nal of\ufb01ce (cid:13)2024") == ("the final office 2024", 1)


@pytest.mark.parametrize(
    ("value", "real"),
    [
        ("Address to the nation", "Address to the nation"),
        ("  State of the  Union ", "State of the Union"),
        ("Microsoft Word - speech_final.docx", None),
        ("speech_final.docx", None),
        ("Untitled-3", None),
        ("untitled", None),
        ("", None),
        (None, None),
    ],
)
def test_real_title(value, real):
    assert real_title(value) == real


def test_real_author_drops_generators_placeholders():
    assert real_author("python-docx") is None and real_author("anonymous") is None
    assert real_author(" Jane  Roe ") == "Jane Roe"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("D:20220210093000+01'00'", "2022-02-10"),
        ("D:202202", "2022-02"),
        ("2021", "2021"),
        ("D:20221310", None),
        ("D:00000101", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_pdf_date(value, iso):
    assert pdf_date(value) == iso


def test_first_line_title_cuts_a_long_line_at_a_word():
    assert first_line_title("\n  Short title \nbody") == "Short title"
    title = first_line_title("word " * 60)
    assert title is not None and title.endswith("word…") and len(title) <= 151
