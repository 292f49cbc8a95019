"""Quotes and speakers on small articles written for these tests (tests/data/suggest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.suggest import Suggestion, suggest

DATA = Path(__file__).resolve().parents[1] / "data" / "suggest"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def find(found: list[Suggestion], needle: str) -> Suggestion:
    """The one suggestion whose quote contains `needle`."""
    matches = [s for s in found if needle in s.quote]
    assert len(matches) == 1, f"{needle!r}: {[s.quote for s in found]}"
    return matches[0]


# (article, words inside the quote, expected speaker)
EXPECTED = [
    # speaker named after the quote: "…,” Marsh told reporters
    ("harbour_talks.txt", "We came here in good faith", "Helena Marsh"),
    # pronoun resolved to the last speaker of the right gender
    ("harbour_talks.txt", "The door remains open", "Helena Marsh"),
    # "he" after an apposition names the other minister
    ("harbour_talks.txt", "Nobody wants a trade war", "Tomas Varga"),
    # second half of a split quote
    ("harbour_talks.txt", "But we will not be lectured", "Tomas Varga"),
    # verb before the name: "…,” said Varga
    ("harbour_talks.txt", "like a poker game", "Tomas Varga"),
    # colon introduces the quote
    ("harbour_talks.txt", "Our fleets cannot wait", "Helena Marsh"),
    # "according to X, “…”"
    ("harbour_talks.txt", "the numbers on the table", "Peter Lindqvist"),
    # role-only mention resolved through the title seen earlier
    ("harbour_talks.txt", "We have always offered", "Helena Marsh"),
    # surname only, partial quote inside reported speech
    ("harbour_talks.txt", "insulting to every fisherman", "Tomas Varga"),
    # single quotes with apostrophes inside, title + name in apposition
    ("budget_row.txt", "protect the people who need it most", "Rebecca Ashworth"),
    ("budget_row.txt", "I won't apologise", "Rebecca Ashworth"),
    ("budget_row.txt", "The country's finances", "Rebecca Ashworth"),
    ("budget_row.txt", "a work of fiction", "Daniel Okafor"),
    ("budget_row.txt", "She talks about hard choices", "Daniel Okafor"),
    ("budget_row.txt", "Every family in this country", "Daniel Okafor"),
    # quote over two paragraphs, introduced by a colon in the paragraph before
    ("budget_row.txt", "This is not a budget for growth", "Daniel Okafor"),
    # guillemets and low-high quotes, nested inner quotes
    ("energy_pact.txt", "Nous avons besoin", "Claire Dubois"),
    ("energy_pact.txt", "Wir lassen uns nicht erpressen", "Markus Halder"),
    ("energy_pact.txt", "souveraineté", "Claire Dubois"),
    ("energy_pact.txt", "Das Wort", "Markus Halder"),
    # embedded post: quote followed by its signature line
    ("bus_lanes.txt", "Every bus lane we build", "Sofia Brandt"),
    ("bus_lanes.txt", "treating drivers", "Ray Dunmore"),
    # straight double quotes, "she" after a first name known to be female
    ("hearing.txt", "If this agency cannot account", "Mark Ellison"),
    ("hearing.txt", "within weeks", "Laura Kim"),
    ("hearing.txt", "Weeks? We have heard", "Mark Ellison"),
    ("hearing.txt", "working around the clock", "Laura Kim"),
    ("hearing.txt", "The taxpayers deserve answers", "Mark Ellison"),
    # reported speech ("She insisted that ...") then a quote opening the next sentence
    ("river_dispute.txt", "We will not trade away our water", "Karen Holm"),
    ("river_dispute.txt", "like trying to catch smoke", "Karen Holm"),
    ("river_dispute.txt", "Nobody on the river believes", "Viktor Brandt"),
    ("river_dispute.txt", "emptying the reservoir", "Viktor Brandt"),
    ("river_dispute.txt", "should not be surprised", "Karen Holm"),
    ("river_dispute.txt", "ready to return to the table", "Grace Obi"),
    # an anonymous source gets a descriptive name, never a person named nearby
    ("river_dispute.txt", "did not shake hands", "European official"),
    # "she" means the subject of the sentence before, though another woman spoke earlier
    ("port_strike.txt", "more money on the table", "Harriet Lyle"),
    ("port_strike.txt", "I cannot conjure up more", "Harriet Lyle"),
    # "he" means the man the sentence before is about, not the last male speaker
    ("port_strike.txt", "hiding behind that line", "Dominic Fairley"),
    # "told the Kellmouth Gazette": the paper is the listener; the source is unnamed
    ("port_strike.txt", "Half the stalls", "unnamed trader"),
    # a speech verb far from its subject: "X, …, declined …, but told investors that “…”"
    ("port_strike.txt", "several million a week", "Ingrid Sato"),
    # a quote after a sentence about someone: "Asked about …, Kowalczyk laughed. “…”"
    ("port_strike.txt", "They can afford it", "Marta Kowalczyk"),
    # an unnamed diplomat, then "the diplomat said" for the same one
    ("port_strike.txt", "hurting everyone along the coast", "unnamed diplomat"),
    ("port_strike.txt", "first to blink", "unnamed diplomat"),
    # "he" after a sentence whose subject is an unnamed source
    ("port_strike.txt", "The cranes will stay idle", "unnamed official"),
    # a colon ends a sentence whose subject is "he"
    ("port_strike.txt", "The port belongs to the town", "Dominic Fairley"),
    # an unnamed source after the quote: "one user wrote"
    ("port_strike.txt", "Tell that to the families", "unnamed user"),
]


@pytest.mark.parametrize(("article", "needle", "speaker"), EXPECTED)
def test_speaker_is_attributed(article: str, needle: str, speaker: str) -> None:
    text = read(article)
    found = find(suggest(text), needle)
    assert found.speaker == speaker
    assert found.quote == text[found.start : found.end]
    assert found.why


@pytest.mark.parametrize(
    ("article", "needle"),
    [
        ("harbour_talks.txt", "fish war"),  # scare quotes, no speech cue
        ("harbour_talks.txt", "Future Of The Northern Seas"),  # a title
        ("budget_row.txt", "fiscal rules"),  # scare quotes in single marks
        ("bus_lanes.txt", "bus lanes out"),  # a chant without a speech cue
        ("energy_pact.txt", "Projekt"),  # a name in guillemets
    ],
)
def test_scare_quotes_and_titles_are_not_suggested(article: str, needle: str) -> None:
    assert not [s for s in suggest(read(article)) if needle in s.quote and s.confidence >= 0.5]


def test_unknown_speakers_are_kept_with_lower_confidence() -> None:
    found = suggest(read("bus_lanes.txt"))
    owner = find(found, "They have no plan")
    assert owner.speaker is None and owner.confidence < 0.5
    # "one official said": an unnamed source, named by its role, with low confidence
    official = find(suggest(read("budget_row.txt")), "We stand by every number")
    assert official.speaker == "unnamed official" and official.confidence < 0.5
    they = find(suggest(read("budget_row.txt")), "It is a good budget")
    assert they.speaker is None


def test_speaker_is_never_a_pronoun() -> None:
    found_all = [s for p in sorted(DATA.glob("*.txt")) for s in suggest(p.read_text("utf-8"))]
    assert sum(found.speaker is not None for found in found_all) >= 50
    for found in found_all:
        assert (found.speaker or "").lower() not in {"he", "she", "they", "i", "we"}
        assert all(m.lower() not in {"he", "she", "they"} for m in found.speaker_mentions)


def test_multi_paragraph_quote_is_one_span_with_both_paragraphs() -> None:
    text = read("budget_row.txt")
    found = find(suggest(text), "This is not a budget for growth")
    assert "\n" in found.quote
    assert found.quote.rstrip().endswith("and they have failed.'")
    assert "prudent" in found.quote  # the nested quote belongs to the outer one
    assert not [s for s in suggest(text) if s.quote == '"prudent"']


def test_split_quote_gives_two_suggestions_with_the_same_speaker() -> None:
    found = suggest(read("budget_row.txt"))
    first = find(found, "I won't apologise")
    second = find(found, "The country's finances")
    assert first.end < second.start
    assert first.speaker == second.speaker == "Rebecca Ashworth"


def test_mentions_keep_the_title_and_surname_forms() -> None:
    found = find(suggest(read("harbour_talks.txt")), "We came here in good faith")
    assert "Helena Marsh" in found.speaker_mentions
    assert "Marsh" in found.speaker_mentions
    assert any("Minister" in m for m in found.speaker_mentions)


def test_why_explains_the_cue_and_the_pronoun() -> None:
    found = find(suggest(read("harbour_talks.txt")), "The door remains open")
    assert "curly quotes" in found.why
    assert '"added" after the quote' in found.why
    assert '"she" resolved to Helena Marsh' in found.why


@pytest.mark.parametrize(
    ("needle", "speaker"),
    [
        ("We will not sign a bad deal", "Ada Okonkwo"),  # headline "Name: 'quote'"
        ("a colonial arrangement", "Ada Okonkwo"),  # partial quote after "what she called"
        ("We have done nothing wrong", "Ada Okonkwo"),  # age in apposition
        ("Nothing at all", "Ada Okonkwo"),  # "…, adding: “…”"
        ("Nobody is forcing anyone", "Henrik Dahl"),
        ("The offer is generous", "Henrik Dahl"),
        ("These numbers are from before", "Grace Mbeki"),  # after indirect speech
        ("The numbers speak for themselves", "Ada Okonkwo"),  # dash signature
    ],
)
def test_wire_report_patterns(needle: str, speaker: str) -> None:
    found = find(suggest(read("wire_report.txt")), needle)
    assert found.speaker == speaker


def test_title_in_quotes_with_a_distant_cue_is_not_suggested() -> None:
    assert not [s for s in suggest(read("wire_report.txt")) if "Wealth" in s.quote]


def test_reported_speech_before_a_quote_gives_its_speaker_with_a_reason() -> None:
    found = find(suggest(read("river_dispute.txt")), "We will not trade away our water")
    assert "reported speech in the sentence before" in found.why
    assert '"She" resolved to Karen Holm' in found.why
    assert 0.5 <= found.confidence < 0.9


def test_anonymous_source_has_a_lower_confidence() -> None:
    found = find(suggest(read("river_dispute.txt")), "did not shake hands")
    assert found.confidence < 0.5
    assert "unnamed source" in found.why


# (words inside the quote, expected tone, a device it must have or None)
RIVER_HINTS = [
    ("talks about transparency while", "accusatory", None),
    ("Nobody on the river believes", "dismissive", None),
    ("The dam stands on Calder land", "defensive", None),
    ("like trying to catch smoke", "dismissive", "simile"),
    ("We will not trade away our water", "confrontational", "repetition"),
    ("should not be surprised", "warning", None),
    ("The door is not closed", "conciliatory", None),
    ("did not shake hands", "neutral", None),
]


@pytest.mark.parametrize(("needle", "tone", "device"), RIVER_HINTS)
def test_tones_and_devices_on_a_realistic_article(
    needle: str, tone: str, device: str | None
) -> None:
    found = find(suggest(read("river_dispute.txt")), needle)
    assert found.tone == tone
    if device:
        assert device in found.devices
    assert "simile" not in found.devices or "like" in found.quote


def test_as_long_as_is_not_a_simile() -> None:
    found = find(suggest(read("river_dispute.txt")), "as long as the river")
    assert "simile" not in found.devices
    assert not [h for h in found.hints if h.name == "simile"]
