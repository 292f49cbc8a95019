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
        "Denis Arkwright thanked Wendy Halloran for the update from the airport.\n"
        "“The plane left a few minutes ago,” she wrote.\n"
    )
    assert speakers(text) == ["Wendy Halloran"]


def test_headline_words_never_join_a_name() -> None:
    text = "Marsh Says She Never Pledged To Quit.\n\nHelena Marsh spoke on Wednesday.\n"
    found = [n.tokens for n in names.names_in(text, 0, len(text))]
    assert ("Marsh", "Says") not in found
    assert not any("She" in tokens for tokens in found)
    assert ("Helena", "Marsh") in found


def test_a_body_speaks_by_its_initials_and_as_the_board() -> None:
    assert speakers("“We are reviewing the matter,” the NCLA said.") == ["NCLA"]
    text = (
        "The Ellery Harbour Board met on Monday to rule on the complaint.\n"
        "“The ferry will keep its licence,” the board said.\n"
    )
    assert speakers(text) == ["Ellery Harbour Board"]


def test_someone_known_only_by_surname_is_the_subject_who_speaks() -> None:
    text = (
        "Varga said the vote was close.\n\n"
        "Varga waved to the harbour workers, then leaned in and boomed: “We sail at dawn.”\n"
    )
    assert speakers(text) == ["Varga"]


def test_speaker_names_have_plain_apostrophes() -> None:
    assert speakers("“The nets are empty again,” said Siobhan O’Dea.") == ["Siobhan O'Dea"]


def test_an_institution_or_place_is_never_he() -> None:
    text = (
        "Luis Ortega carried the banner at the front.\n"
        "San Francisco marched in silence behind him.\n"
        "“I had not expected so many people to come,” he said.\n"
    )
    assert speakers(text) == ["Luis Ortega"]


def test_a_title_after_a_chamber_or_state_is_not_part_of_the_name() -> None:
    text = (
        "“It is against the law,” said House Speaker Alan Brisco. “No,” said Texas Sen. Ed "
        "Farrow. “Yes,” Maryland Gov. Carl O’Brady said."
    )
    assert [s.speaker for s in suggest(text)] == ["Alan Brisco", "Ed Farrow", "Carl O'Brady"]
    text = (
        "“Yes,” said Auto Workers Secretary-Treasurer Neil Dorsey. “No,” said Jo Thomas-Greenfield."
    )
    assert [s.speaker for s in suggest(text)] == ["Neil Dorsey", "Jo Thomas-Greenfield"]
    (department,) = names.names_in("A Justice Department spokesman declined.", 0, 40)
    assert not department.person  # a body whose name opens with a title word


def test_a_named_aide_speaks_not_the_person_whose_aide_they_are() -> None:
    text = "“It will soften,” Ohio Rep. Tomas Ellery’s chief of staff, Mara Quist, said."
    assert [s.speaker for s in suggest(text)] == ["Mara Quist"]


def test_a_title_of_unlisted_words_before_a_first_name_is_not_part_of_the_name() -> None:
    text = "“We counted every ballot,” Harbour County Recorder Ingrid Halvorsen said.\n"
    assert speakers(text) == ["Ingrid Halvorsen"]
    found = [n.tokens for n in names.names_in(text, 0, len(text))]
    assert ("Ingrid", "Halvorsen") in found
    # Two first names in a row are one name, not a title and a name.
    run = "Anna Sofia Okoye spoke."
    assert [n.tokens for n in names.names_in(run, 0, len(run))] == [("Anna", "Sofia", "Okoye")]


def test_a_place_after_of_says_where_the_speaker_is_from() -> None:
    # After the cue, before it, and as the subject of a sentence with a partial quote.
    text = (
        "“We should scrap the rule entirely,” said Sen. Tamsin Ware of Oregon, who backs it.\n\n"
        "Rep. Tomas Ellery of Oklahoma, an ally of the leadership, said his worry is that the "
        "plan is “unpredictable.”\n\n"
        "House Speaker Orla Finch of Wisconsin lamented the “disheartened” state of the race.\n"
    )
    assert speakers(text) == ["Tamsin Ware", "Tomas Ellery", "Orla Finch"]
    # A small town, an age before it, or an organisation after "of" say the same.
    text = (
        "Cory Ames, 22, of Flint, Mich., said he had not given up hope of a “surprise.”\n\n"
        "Tomas Varga of the Ellery Institute said the plan was “dead on arrival.”\n"
    )
    assert speakers(text) == ["Cory Ames", "Tomas Varga"]


def test_a_named_consultant_speaks_not_the_person_they_work_for() -> None:
    text = (
        "Tomas Varga won the state in 2008, and he won it well.\n\n"
        "Varga consultant Oliver Brandt, the campaign's longest-serving pollster, picked up "
        "the thread at the time. “Turnout will decide it,” he said.\n"
    )
    assert speakers(text) == ["Oliver Brandt"]


def test_a_capitalised_word_opening_a_sentence_is_not_a_speaker() -> None:
    text = (
        "The rally ended early. Whenever asked about the polls, they changed the subject.\n"
        "“We will win this seat.”\n"
    )
    assert speakers(text) == [None]


def test_a_possessor_before_a_speech_noun_is_not_the_speaker() -> None:
    # "Marsh’s charge", "Marsh’s claim": nouns, not "Marsh charged" or "Marsh claimed".
    text = (
        "Campaign spokesman Oliver Brandt answered on the radio, calling Marsh’s charge "
        "“pathetic” and “dangerous.”\n\n"
        "Varga spokeswoman Clara Holt said on Thursday that Marsh’s claim that Varga backs "
        "the plan is “simply not true.”\n"
    )
    assert speakers(text) == ["Oliver Brandt", "Oliver Brandt", "Clara Holt"]


def test_the_name_beside_someone_elses_role_is_the_speaker() -> None:
    text = (
        "Tomas Varga spoke in the capital on Monday.\n\n"
        "“By December, the state stood out as a place to compete,” Varga’s campaign manager, "
        "Oliver Brandt, said in an interview.\n\n"
        "“We are ready,” Varga, the mayor’s aide, said.\n"
    )
    assert speakers(text) == ["Oliver Brandt", "Tomas Varga"]


def test_joined_initials_stay_in_the_name() -> None:
    text = (
        "“It is outrageous,” said committee chairman G.K. Marlow.\n\n"
        "“We are ready,” U.S. Ambassador Clara Holt said.\n"
    )
    assert speakers(text) == ["G.K. Marlow", "Clara Holt"]
    (name,) = [n for n in names.names_in(text, 0, 60) if n.person]
    assert name.tokens == ("G.K.", "Marlow")


def test_the_ministry_is_the_body_named_earlier_in_lowercase_words() -> None:
    text = (
        "In a statement on Sunday, the Ruritanian foreign ministry accused its neighbour of "
        "sheltering rebels.\n"
        "“The republic has shown restraint for eleven months,” the ministry said.\n"
    )
    assert speakers(text) == ["Ruritanian foreign ministry"]


def test_the_group_is_the_body_that_opened_a_sentence_before() -> None:
    text = (
        "The Ellery Riders Union issued a statement on Monday.\n\n"
        "“We will keep marching,” the group said.\n\n"
        "Carrying placards, the crowd marched to the hall.\n\n"
        "“Power to the people!” the group shouted.\n"
    )
    assert speakers(text) == ["Ellery Riders Union", None]


def test_a_first_name_in_apposition_after_a_family_word_or_role_is_a_person() -> None:
    text = (
        "Orla Keane, 14, held up a sign at the rally. Her father, Cormac, 41, worried that "
        "voters read too little.\n\n"
        "“People are afraid of wasting their votes,” he said.\n\n"
        "His wife, Maeve, spoke before the delegates went to the hall.\n\n"
        "“If he wins, he keeps this going,” she said.\n"
    )
    assert speakers(text) == ["Cormac", "Maeve"]
    found = {n.surface: n for n in names.names_in(text, 0, len(text))}
    assert found["Cormac"].person and "father" in found["Cormac"].titles
    # a capitalised word after a comma and any other word stays no one
    assert not any(n.person for n in names.names_in("At the rally, Concord cheered.", 0, 30))
