"""Tone and device hints: names from the codebook, each with a reason."""

from __future__ import annotations

from annotator.suggest import DEVICES, TONES, suggest
from annotator.suggest.hints import hints_for


def device(quote: str, name: str):
    _, _, hints = hints_for(quote)
    found = [h for h in hints if h.kind == "device" and h.name == name]
    return found[0] if found else None


def test_simile_hint_says_which_words() -> None:
    hint = device("“Talking to them is like a game of chess with a pigeon,”", "simile")
    assert hint is not None and hint.confidence >= 0.5
    assert "like a game" in hint.why
    assert device("“I would like a word with the minister,”", "simile") is None


def test_rhetorical_question() -> None:
    hint = device("“Why should our families pay for their mistakes?”", "rhetorical question")
    assert hint is not None and "?" in hint.why


def test_other_devices_have_reasons() -> None:
    cases = {
        "antithesis": "“This is not a budget for growth but a budget for decline.”",
        "us versus them": "“We kept our promises; they broke theirs.”",
        "hyperbole": "“It is the worst deal ever, and everyone knows it.”",
        "repetition": "“We will build, we will repair, we will deliver.”",
        "appeal to fear": "“This is a threat to every family, and war is coming.”",
        "name calling": "“They are traitors and thugs.”",
        "black-and-white fallacy": "“Either you are with us or you are against us.”",
    }
    for name, quote in cases.items():
        hint = device(quote, name)
        assert hint is not None, name
        assert hint.why, name


def test_tone_names_come_from_the_codebook() -> None:
    quotes = [
        "“We will not back down, and we will fight back,”",
        "“We hope to work together and find common ground,”",
        "“That is simply not true,”",
        "“There will be severe consequences,”",
        "“The meeting starts at nine,”",
    ]
    tones = [hints_for(q)[0] for q in quotes]
    assert tones == ["confrontational", "conciliatory", "defensive", "warning", "neutral"]
    for quote in quotes:
        tone, devices, hints = hints_for(quote)
        assert tone in TONES
        assert all(d in DEVICES for d in devices)
        assert all(h.name in (TONES if h.kind == "tone" else DEVICES) for h in hints)
        assert all(0.0 <= h.confidence <= 1.0 and h.why for h in hints)


def test_suggestions_carry_tone_devices_and_hints() -> None:
    text = "“It is like a house of cards, and it will fall,” said Sara Lind."
    (found,) = suggest(text)
    assert found.tone in TONES
    assert "simile" in found.devices
    assert any(h.kind == "tone" for h in found.hints)


def test_engine_is_deterministic() -> None:
    text = "“Why now?” asked Ben Cole. “We were never consulted,” he said. “Never.”"
    assert suggest(text) == suggest(text)


def tone(quote: str) -> str | None:
    return hints_for(quote)[0]


def devices(quote: str) -> tuple[str, ...]:
    return hints_for(quote)[1]


def test_like_with_a_verb_ing_is_a_simile() -> None:
    hint = device("“Working with this committee is like trying to herd cats in a storm,”", "simile")
    assert hint is not None and hint.confidence >= 0.5
    assert "like trying to herd cats" in hint.why
    assert device("“It felt like walking into a wall,”", "simile") is not None
    assert device("“She is as stubborn as a mule,”", "simile") is not None


def test_conjunctions_and_amounts_with_as_are_not_similes() -> None:
    quotes = [
        "“We will stay as long as we are needed,”",
        "“Farmers as well as fishermen will be paid,”",
        "“We will reply as soon as the report is ready,”",
        "“As far as I know, nobody was hurt,”",
        "“Prices rose by as much as a third,”",
        "“Ports such as Rostock and Gdansk are affected,”",
        "“We acted as quickly as we could,”",
        "“The economy is as strong as ever,”",
        "“I would like a word with the minister,”",
        "“We like the new plan,”",
        "“Nothing like this has happened before,”",
    ]
    for quote in quotes:
        assert device(quote, "simile") is None, quote


def test_metaphor_is_only_a_low_confidence_hint_with_a_reason() -> None:
    hint = device("“This budget is a ticking time bomb,”", "metaphor")
    assert hint is not None and hint.confidence < 0.5
    assert "time bomb" in hint.why
    assert "metaphor" not in hints_for("“This budget is a ticking time bomb,”")[1]


def test_warning_tones() -> None:
    for quote in [
        "“If they move one more tank, they should not be surprised by our answer,”",
        "“Anyone who helps them will pay for it,”",
        "“There will be severe sanctions,”",
        "“If the council fails to act, we will take it to court,”",
    ]:
        assert tone(quote) == "warning", quote


def test_conciliatory_tones() -> None:
    for quote in [
        "“We came with open hands and we still hold them out,”",
        "“We are ready to return to the table tomorrow,”",
        "“Our door is not closed to anyone,”",
    ]:
        assert tone(quote) == "conciliatory", quote


def test_dismissive_and_defensive_tones() -> None:
    assert tone("“Nobody in the chamber believes a word of it,”") == "dismissive"
    assert tone("“That claim is simply not true,”") == "defensive"
    assert tone("“Our troops are on our own soil,”") == "defensive"
    assert tone("“We have never invaded anyone,”") == "defensive"


def test_accusatory_and_confrontational_tones() -> None:
    assert tone("“The opposition is plotting to bring down the government,”") == "accusatory"
    assert tone("“They keep staging provocations on the border,”") == "accusatory"
    assert tone("“He talks about peace while his ships block our ports,”") == "accusatory"
    assert tone("“We will not be intimidated by anyone,”") == "confrontational"
    assert tone("“Nobody is plotting anything,”") != "accusatory"


def test_plain_statements_stay_neutral_with_a_reason() -> None:
    for quote in [
        "“The committee meets again on Thursday,”",
        "“Turnout was slightly higher than in the last election,”",
        "“A single phone call can prevent a tragedy,”",
    ]:
        found, _, hints = hints_for(quote)
        assert found == "neutral", quote
        assert "polarity" in hints[0].why


def test_tone_reasons_name_the_cue() -> None:
    _, _, hints = hints_for("“If they cross the river, they should not be surprised,”")
    assert hints[0].name == "warning"
    assert "threat" in hints[0].why and "surprised" in hints[0].why


def test_refusals_pointed_questions_and_attributed_wrongdoing() -> None:
    assert tone("“We will not let this programme die in the corridors,”") == "confrontational"
    assert tone("“We will not be anyone’s spare tyre,”") == "confrontational"
    assert tone("“Three hours. How is that acceptable in 2026?”") == "confrontational"
    assert tone("“He knew about the shortfall and he hid it,”") == "accusatory"
    assert tone("“They misled the public for months,”") == "accusatory"
    assert tone("“He broke the record last year,”") == "neutral"
    assert tone("“We will not meet before Friday,”") == "neutral"


def test_us_versus_them_needs_both_sides_in_the_same_role() -> None:
    assert "us versus them" in devices("“We kept our promises; they broke theirs.”")
    assert "us versus them" in devices("“Our families pay while their donors profit,”")
    assert "us versus them" not in devices("“We can't tell them to wait another year,”")
    assert "us versus them" not in devices("“They say our colleagues were not listening,”")
