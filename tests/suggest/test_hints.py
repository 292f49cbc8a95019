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
