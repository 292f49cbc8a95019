"""Short title-case phrases: kept as speech in headings and where someone used them."""

from __future__ import annotations

from annotator.suggest import suggest
from annotator.suggest.phrases import is_heading


def quotes(text: str) -> dict[str, str | None]:
    return {s.quote.strip("“”‘’,."): s.speaker for s in suggest(text)}


def test_a_heading_is_short_and_capitalised() -> None:
    heading = "Varga: Harbour Plan Is a ‘Costly Mistake’ for the Town"
    assert is_heading(heading, 0, len(heading))
    sentence = "Tomas Varga said the harbour plan was a ‘costly mistake’ for the town."
    assert not is_heading(sentence, 0, len(sentence))
    assert not is_heading("Varga", 0, 5)  # one word is no heading


def test_a_title_case_phrase_in_a_heading_after_a_name_and_colon_is_speech() -> None:
    text = (
        "Tomas Varga: Harbour Plan Is a ‘Costly Mistake’\n\n"
        "Tomas Varga, the harbour master, spoke to reporters on Monday.\n"
    )
    assert quotes(text) == {"Costly Mistake": "Tomas Varga"}


def test_a_heading_quote_is_the_words_of_whom_the_heading_opens_with() -> None:
    # A heading capitalises every word, so its name runs on ("Tomas Varga Calls"): the
    # body names where the name ends.
    text = (
        "Tomas Varga Calls Harbour Levy ‘Ruinous’ for Small Boats\n\n"
        "Tomas Varga, the harbour master, spoke to reporters on Monday.\n"
    )
    assert quotes(text) == {"Ruinous": "Tomas Varga"}
    text = "Helena Marsh Plan Heads for a ‘Costly Mistake’\n\nThe council met on Monday.\n"
    assert quotes(text) == {}  # a name the body never gives is no speaker


def test_a_heading_quote_after_a_surname_and_colon_is_that_persons() -> None:
    text = (
        "Varga Endorses Helena Marsh: Rival Is ‘Unfit to Serve’\n\n"
        "Tomas Varga backed Helena Marsh on Monday, saying she had earned it.\n"
    )
    assert quotes(text) == {"Unfit to Serve": "Tomas Varga"}


def test_a_title_case_phrase_in_a_heading_with_no_speaker_is_left_out() -> None:
    text = "Harbour Plan Heads Into ‘Stormy Waters’\n\nThe council meets on Monday.\n"
    assert quotes(text) == {}


def test_a_label_someone_called_another_is_speech() -> None:
    text = "Within minutes, Dana Whitfield called her rival “Little Ferret” for the third time."
    assert quotes(text) == {"Little Ferret": "Dana Whitfield"}
    text = "Tomas Varga refers to the governor only as “The Chief.”"
    assert quotes(text) == {"The Chief": "Tomas Varga"}


def test_a_one_word_answer_after_said_is_speech() -> None:
    text = "Asked whether he would resign, Tomas Varga said, “Never.”"
    assert quotes(text) == {"Never": "Tomas Varga"}


def test_a_title_read_or_named_is_not_speech() -> None:
    text = "Tomas Varga said he had watched “The Long Night” twice before the vote."
    assert quotes(text) == {}
    text = "Dana Whitfield backed the so called “Harbour Compact” in March."
    assert quotes(text) == {}


def test_a_short_phrase_after_a_describing_verb_is_the_words_of_whom_the_sentence_names() -> None:
    text = "The levy was called “ruinous” by Nadia Kerr on Monday."
    assert quotes(text) == {"ruinous": "Nadia Kerr"}
    text = "Nadia Kerr heralded the pact as a “turning point.”"
    assert quotes(text) == {"turning point": "Nadia Kerr"}


def test_a_short_phrase_after_a_describing_verb_with_no_one_named_is_speech() -> None:
    found = suggest("The harbour board rated both claims “misleading.”")
    assert [(s.quote, s.speaker) for s in found] == [("“misleading.”", None)]
    assert "by described phrase" in found[0].why
    assert found[0].confidence < 0.2  # a low confidence: whose words is unknown
    text = "The ferry company hit back, calling the lawsuit “baseless” and “petty.”"
    assert quotes(text) == {"baseless": None, "petty": None}


def test_a_scare_quote_title_or_unreported_phrase_stays_out_even_after_a_verb() -> None:
    assert quotes("The harbour board rated the “reset” a failure.") == {"reset": None}
    assert quotes("The harbour board rated the so-called “reset” a failure.") == {}
    assert quotes("The harbour board called the so-called “reset” a failure.") == {}
    assert quotes("The talks, dubbed the “reset,” ended on Monday.") == {}
    assert quotes("The harbour board called the “Harbour Compact” a failure.") == {}
    assert quotes("Critics pointed to the “pause” in the ferry tax.") == {}


def test_a_short_phrase_after_its_owners_call_or_claim_is_theirs() -> None:
    text = "While Tomas Varga’s clarion call for a “revolution” draws crowds, rivals wait."
    assert quotes(text) == {"revolution": "Tomas Varga"}
    text = "Many followed Helena Marsh’s dictum that the pact was an “evil empire” at heart."
    assert quotes(text) == {"evil empire": "Helena Marsh"}
    # a thing someone owns is not their words
    assert quotes("The ferry’s timetable was a “mess” all week.") == {}


def test_a_short_sentence_naming_people_is_speech_not_a_title() -> None:
    text = (
        "“Two people in this race know how to do that,” said Rick Walsh, a strategist. "
        "“That’s Helena Marsh and Dana Kerr.”"
    )
    assert quotes(text) == {
        "Two people in this race know how to do that": "Rick Walsh",
        "That’s Helena Marsh and Dana Kerr": "Rick Walsh",
    }
    # a show's title stays out, though a name is in it
    text = "Rick Walsh said he watches “The Late Hour with Dana Kerr” every night."
    assert quotes(text) == {}
