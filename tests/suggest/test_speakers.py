"""Speaker attribution patterns, coreference and known speakers."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.suggest import suggest


@dataclass(frozen=True)
class KnownSpeaker:
    name: str
    aliases: tuple[str, ...] = ()


def speakers(text: str, known: tuple[object, ...] = ()) -> list[str | None]:
    return [s.speaker for s in suggest(text, known)]


def test_both_cue_orders_and_titles() -> None:
    text = (
        "Foreign Secretary Anna Webb met her counterpart on Monday.\n"
        "“We want calm,” said Foreign Secretary Anna Webb.\n"
        "“And we want it now,” Webb told reporters.\n"
    )
    assert speakers(text) == ["Anna Webb", "Anna Webb"]


def test_name_variants_merge_into_one_speaker() -> None:
    text = (
        "Russian Deputy Minister Sergei Petrov arrived late.\n"
        "“We are ready,” Sergey Petrov said.\n"
        "“Fully ready,” Petrov added.\n"
    )
    found = suggest(text)
    assert [s.speaker for s in found] == ["Sergei Petrov", "Sergei Petrov"]
    assert {"Sergey Petrov", "Petrov"} <= set(found[1].speaker_mentions)


def test_pronoun_uses_gender_seen_earlier() -> None:
    text = (
        "Mayor Linda Osei and Councillor Brian Hale clashed on Tuesday.\n"
        "“The budget is balanced,” Osei said, turning to Hale.\n"
        "“It is nothing of the sort,” he replied.\n"
        "“Read the figures,” she said.\n"
    )
    assert speakers(text) == ["Linda Osei", "Brian Hale", "Linda Osei"]


def test_apposition_and_role_only_mentions() -> None:
    text = (
        "Karl Brenner, the finance minister, defended the plan.\n"
        "“It adds up,” Brenner, the finance minister, said.\n"
        "Later the minister said: “There is no alternative.”\n"
    )
    assert speakers(text) == ["Karl Brenner", "Karl Brenner"]


def test_quote_only_paragraph_continues_the_previous_speaker() -> None:
    text = (
        "“We are not going anywhere,” said union leader Maria Santos.\n"
        "“Our members have voted, and the vote was clear.”\n"
        "The company declined to comment.\n"
    )
    assert speakers(text) == ["Maria Santos", "Maria Santos"]


def test_according_to_after_the_quote() -> None:
    text = "“Talks collapsed at midnight,” according to Paul Mercer, an aide to the governor."
    assert speakers(text) == ["Paul Mercer"]


def test_known_speakers_are_reused_by_alias_surname_or_variant() -> None:
    text = (
        "“We will appeal,” said Jonathan Reeve.\n"
        "“This is not over,” Ms Adeyemi said.\n"
        "“No comment,” Sergey Lavrentiev said.\n"
    )
    known = (
        KnownSpeaker("Jon Reeve", ("Jonathan Reeve",)),
        KnownSpeaker("Folake Adeyemi", ()),
        "Sergei Lavrentiev",
    )
    assert speakers(text, known) == ["Jon Reeve", "Folake Adeyemi", "Sergei Lavrentiev"]


def test_a_known_speaker_that_is_a_place_never_becomes_he() -> None:
    # A project learns speakers from earlier documents, a state among them.
    text = (
        "Campaign manager Robin Keel was upbeat.\n"
        "Texas voted early. “We have the volunteers we need,” he said.\n"
    )
    assert speakers(text, ("Texas",)) == ["Robin Keel"]


def test_a_full_name_sharing_a_known_surname_keeps_its_own_name() -> None:
    text = "“We will appeal,” Marsh said.\nLater Lena Marsh added: “This is not over.”\n"
    assert speakers(text, ("Tomas Marsh",)) == ["Lena Marsh", "Lena Marsh"]


def test_a_known_speaker_is_not_matched_by_a_name_like_it() -> None:
    # Both the first name and the surname differ a little: another person.
    assert speakers("“We will appeal,” said Ken Morrow.\n", ("Kent Morow",)) == ["Ken Morrow"]


def test_he_after_sentences_about_him_means_whom_they_are_about() -> None:
    # A later name as an object ("Varga's bank") does not take over the chain of "He ...".
    text = (
        "Ellis Brandt runs a ferry company.\n\n"
        "He married there last year. He calls himself a loyal customer of Tomas Varga's "
        "bank. He rarely speaks to reporters.\n\n"
        '"The harbour is finished," he said in an interview.\n'
    )
    assert speakers(text) == ["Ellis Brandt"]


def test_he_after_a_name_leading_his_sentence_is_that_name() -> None:
    text = (
        "Ellis Brandt warned the council. “The harbour is finished,” Brandt said.\n\n"
        "As for Tomas Varga, he said he is not worried. “We will sail on,” he said, adding "
        "that the season was long.\n"
    )
    assert speakers(text) == ["Ellis Brandt", "Tomas Varga"]


def test_unknown_speaker_and_plural_pronoun_stay_none() -> None:
    text = (
        "“Nobody asked us about any of this,” a man in the crowd told the paper.\n"
        "“We will keep fighting for the estate,” they said.\n"
    )
    found = suggest(text)
    assert [s.speaker for s in found] == [None, None]
    assert all(s.confidence < 0.5 for s in found)


def test_a_described_source_after_the_quote_is_an_unnamed_speaker() -> None:
    text = "“Nobody asked us about any of this,” a resident of the estate told the paper.\n"
    assert [s.speaker for s in suggest(text)] == ["resident of the estate"]


def test_reported_speech_sentence_names_the_speaker_of_the_next_quote() -> None:
    text = (
        "Mayor Linda Osei and Councillor Brian Hale clashed on Tuesday.\n"
        "“The budget is balanced,” Osei said.\n"
        "Hale replied that the figures were out of date. “Nobody has checked them since May.”\n"
    )
    assert speakers(text) == ["Linda Osei", "Brian Hale"]


def test_an_anonymous_official_is_never_an_earlier_named_official() -> None:
    text = (
        "Tomas Lind, a senior official at the ministry, opened the session.\n"
        "“We are making progress,” Lind said.\n"
        "One European official, who asked not to be named, said the talks were "
        "“going nowhere fast”.\n"
    )
    found = suggest(text)
    assert [s.speaker for s in found] == ["Tomas Lind", "European official"]
    assert found[1].confidence < 0.5


def test_an_unnamed_voice_without_a_source_role_stays_none() -> None:
    text = "A local farmer, who did not give his name, said the river was “lower than ever”.\n"
    assert speakers(text) == [None]


def test_an_initial_is_never_a_speaker() -> None:
    """ "U.S. says …" gives no speaker "S."."""
    for text in ("U.S. says talks 'not over' after walkout", 'The U.S. said: "We are ready."'):
        (found,) = suggest(text)
        assert found.speaker is None, found


def test_titles_of_works_are_not_speech() -> None:
    text = (
        "The inspectors' report, titled “Waiting in Line: Casework 2025”, said delays had "
        "grown. In his memoir, “Against the Current,” Ivo Brandt wrote that “politicians who "
        "fear the next election never fix anything.”"
    )
    assert [s.quote for s in suggest(text)] == [
        "“politicians who fear the next election never fix anything.”"
    ]


def test_a_phrase_after_titled_is_a_title_whatever_its_case() -> None:
    text = (
        "Her new e-book, entitled “why the numbers never lie to us at all”, sold well. "
        "“We will read it,” Ivo Brandt said."
    )
    assert [s.quote for s in suggest(text)] == ["“We will read it,”"]


def test_institutions_keep_their_full_names() -> None:
    text = "“We will respond,” the Foreign Office said. “No,” the Home Office said."
    assert speakers(text) == ["Foreign Office", "Home Office"]
    text = "The State Department said it was “deeply concerned” by the arrests."
    assert speakers(text) == ["State Department"]
    # a role word after "of" is part of the body's name, not someone to link it to
    text = "The Ministry of Defence said: “The exercise will go ahead.”"
    assert speakers(text) == ["Ministry of Defence"]


def test_the_statement_said_goes_to_whoever_issued_it() -> None:
    text = (
        "The White House said in a statement that it was disappointed.\n"
        '"The United States remains ready to help," the statement said.\n'
        "Anna Webb wrote a letter to the council.\n"
        "“We have waited long enough,” the letter said."
    )
    assert speakers(text) == ["White House", "Anna Webb"]
    assert speakers("“No comment,” the statement said.") == [None]  # issued by nobody named


def test_a_possessor_is_not_the_subject() -> None:
    text = (
        "“We were honest about it,” said Tom Brierley.\n"
        "The Liberal Democrats’ education spokesperson, Fenella Hart, called for a review. "
        "“This is not a party-political point,” she said."
    )
    assert speakers(text) == ["Tom Brierley", "Fenella Hart"]


def test_surname_alone_before_adverb_and_speech_verb_is_a_person() -> None:
    # "Varga openly admitted": a surname never written in full, before an adverb and a
    # speech verb, is someone the next "he" can mean.
    text = (
        "Tomas Ellery spoke first at the hearing.\n"
        "“We will wait for the report,” he said.\n"
        "Varga openly admitted that the harbour plan had failed. “It was a mistake,” he said.\n"
    )
    assert speakers(text) == ["Tomas Ellery", "Varga"]


def test_he_after_a_sentence_with_a_speech_cue_is_the_one_who_spoke() -> None:
    # The sentence is about the mayor, but Oliver Brandt is who said it: "he" goes on.
    text = (
        "Mayor Tomas Varga met the ferry owners on Monday.\n\n"
        "Varga, Oliver Brandt said, has never understood the harbour.\n\n"
        "“He will close it within a year,” he said.\n"
    )
    assert speakers(text) == ["Oliver Brandt"]


def test_she_after_a_cue_ending_the_sentence_is_its_speaker() -> None:
    text = (
        "Councillor Anna Varga wants the ferry sold, and the vote will be close, "
        "Helena Marsh said on Tuesday.\n\n"
        "“I do not think she has the numbers,” she said.\n"
    )
    assert speakers(text) == ["Helena Marsh"]


def test_he_is_not_whoever_asked_or_spoke_in_a_side_clause() -> None:
    # A question put to the subject, a cue after "when", or two people saying it together
    # name no one a following "he" means: he is still the sentence's subject.
    asked = (
        "Tomas Varga stayed calm when Oliver Brandt asked about the harbour.\n\n"
        "“It will stay open,” he said.\n"
    )
    joined = (
        "Tomas Varga and Oliver Brandt said the harbour would stay open.\n\n"
        "Varga spoke first. “We will not sell,” he said.\n"
    )
    reported = (
        "Tomas Varga said on Monday that Oliver Brandt claimed the harbour was closing.\n\n"
        "“That is not true,” he said.\n"
    )
    assert speakers(asked) == ["Tomas Varga"]
    assert speakers(joined) == ["Tomas Varga"]
    assert speakers(reported) == ["Tomas Varga"]


def test_a_name_before_a_role_and_another_name_is_whom_that_person_works_for() -> None:
    # "Varga spokesman Oliver Brandt" is about Brandt; "Varga and aide Oliver Brandt" is
    # about both, and the sentence's first name still leads.
    works_for = (
        "Mayor Tomas Varga left the meeting early.\n\n"
        "Varga spokesman Oliver Brandt would not say when the harbour reopens.\n\n"
        "“We have nothing to add,” he said.\n"
    )
    together = (
        "Mayor Tomas Varga left the meeting early.\n\n"
        "Varga and aide Oliver Brandt would not say when the harbour reopens.\n\n"
        "“We have nothing to add,” he said.\n"
    )
    assert speakers(works_for) == ["Oliver Brandt"]
    assert speakers(together) == ["Tomas Varga"]


def test_he_or_she_is_not_whom_the_same_clause_names_after_it() -> None:
    # "She asked Varga": not Varga, though Varga is whom the sentences before are about
    # (and then the "he" later is still Varga); "he told Marsh" is not Marsh. A name in a
    # later clause of the sentence ("after Ellery read ...") may still be the one meant.
    text = (
        "Senator Pat Varga held a forum on Friday.\n\n"
        "At the forum, Varga took questions from the floor.\n\n"
        "Then a voter raised the border. She asked Varga about the “two million” sent back.\n\n"
        "Varga did not usually get this personal.\n\n"
        "“My own parents came here with nothing,” he said.\n\n"
        "In court, Oliver Brandt said little and answered only yes or no.\n\n"
        "“They are all accurate,” he said after prosecutor Tomas Ellery read out the facts.\n"
    )
    found = speakers(text)
    assert found[0] != "Pat Varga"
    assert found[1:] == ["Pat Varga", "Oliver Brandt"]


def test_a_pronoun_after_a_leading_phrase_is_the_subject() -> None:
    text = (
        "Reverend Tomas Varga spoke on Sunday.\n\n"
        "Eight years ago, he backed Helena Marsh over Clara Holt and said, “Holt has never "
        "done anything for us.”\n"
    )
    assert speakers(text) == ["Tomas Varga"]


def test_a_title_never_given_is_whom_the_text_before_is_about() -> None:
    # "Sen." is a senator; "the Vermont senator" with no one given the title is the
    # person the sentences before are about.
    text = "Sen. Clara Holt opened the hearing.\n\n“We will take our time,” the senator said.\n"
    assert speakers(text) == ["Clara Holt"]
    text = (
        "Tomas Varga is running for the nomination. It was unclear whether Varga would "
        "concede.\n\n"
        "The Vermont senator emailed supporters, saying: “We fight on.”\n"
    )
    assert speakers(text) == ["Tomas Varga"]


def test_a_body_named_after_its_owner_speaks_not_the_owner() -> None:
    text = (
        "Tomas Varga has run the harbour board for years. “We will appeal,” the Varga "
        "campaign said on Monday.\n\n"
        "Later, Tomas Varga’s office said the ruling was “deeply flawed.” Varga campaign "
        "manager Nadia Kerr said: “We expected this.”\n\n"
        "The Varga government insists the levy is “temporary”.\n"
    )
    assert speakers(text) == ["Varga campaign", "Varga office", "Nadia Kerr", "Varga government"]


def test_she_after_reported_speech_with_its_verb_first_is_whoever_said_it() -> None:
    # "…, said Katie Marsh" names the speaker of the sentence, not the Varga its subject
    # is about; "she" in the next sentence is Marsh.
    text = (
        "Helena Varga spoke in Leeds on Monday. “We will win,” she said.\n\n"
        "The Varga approach works because of its money, said Katie Marsh, who runs a "
        "polling firm. Others are “having to be leaner,” she said.\n"
    )
    assert speakers(text) == ["Helena Varga", "Katie Marsh"]


def test_a_convention_is_no_one_she_could_mean() -> None:
    text = (
        "Maeve Woods, whose husband died at sea, spoke to reporters.\n\n"
        "“I was angry,” Woods said.\n\n"
        "Regarding Varga’s rhetoric following Kerr’s speech at last month’s Harbour National "
        "Convention, Woods shared her belief that none of it was beyond the pale.\n\n"
        "“The way I see it,” she elaborated, “no one questioned his service.”\n"
    )
    assert speakers(text) == ["Maeve Woods"] * 3


def test_a_body_opening_a_sentence_with_a_speech_verb_speaks() -> None:
    text = (
        "Tomas Varga spoke on Monday.\n\n"
        "The Harbour Commission released a statement on Monday, saying the plan is "
        "“another example of reckless and divisive spending.”\n"
    )
    assert speakers(text) == ["Harbour Commission"]
