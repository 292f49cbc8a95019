"""Knowing what is a person: genders, places, dates, bodies, headline words, surnames."""

from __future__ import annotations

from annotator.suggest import names, reference, suggest


def speakers(text: str) -> list[str | None]:
    return [s.speaker for s in suggest(text)]


def test_first_name_genders_come_from_maintained_data_after_the_hand_list() -> None:
    assert reference.first_name_gender("Wendy") == "f"  # not in the hand list
    assert reference.first_name_gender("Mitch") == "m"
    assert reference.first_name_gender("Helena") == "f"  # the hand list
    assert reference.first_name_gender("Xq") is None


def test_places_and_dates_are_not_people() -> None:
    assert reference.is_place(("Minnesota",))
    assert reference.is_place(("San", "Francisco"))
    assert not reference.is_place(("Warren",))  # a town too, but more often a surname
    assert reference.is_calendar(("Monday",))
    assert not reference.is_calendar(("Monday", "Smith"))
    found = list(names.names_in("They met in San Francisco on Monday.", 0, 36))
    assert not any(n.person for n in found)


def test_a_pronoun_follows_gender_learnt_from_first_names() -> None:
    text = (
        "Denis McDonough thanked Wendy Sherman for the update from the airport.\n"
        "“The plane left a few minutes ago,” she wrote.\n"
    )
    assert speakers(text) == ["Wendy Sherman"]


def test_headline_words_never_join_a_name() -> None:
    text = "Trump Says He Never Pledged To Quit.\n\nDonald Trump spoke on Wednesday.\n"
    found = [n.tokens for n in names.names_in(text, 0, len(text))]
    assert ("Trump", "Says") not in found
    assert not any("He" in tokens for tokens in found)
    assert ("Donald", "Trump") in found


def test_a_body_speaks_by_its_initials_and_as_the_board() -> None:
    assert speakers("“We are reviewing the matter,” the FBI said.") == ["FBI"]
    text = (
        "The Illinois Board of Elections met on Monday to rule on the challenge.\n"
        "“The candidate is eligible to run,” the board said.\n"
    )
    assert speakers(text) == ["Illinois Board of Elections"]


def test_someone_known_only_by_surname_is_the_subject_who_speaks() -> None:
    text = (
        "Trump said the race was close.\n\n"
        "Trump gestured to the crowd, then leaned in and boomed: “Let’s win in November.”\n"
    )
    assert speakers(text) == ["Trump"]


def test_speaker_names_have_plain_apostrophes() -> None:
    assert speakers("“It is taxing on resources,” said Brett O’Donnell.") == ["Brett O'Donnell"]


def test_an_institution_or_place_is_never_he() -> None:
    text = (
        "Juan Ortega carried one of the photos.\n"
        "San Francisco marched in silence behind him.\n"
        "“I pretty much cried the whole parade,” he said.\n"
    )
    assert speakers(text) == ["Juan Ortega"]
