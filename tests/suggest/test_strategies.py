"""Each attribution strategy on its own: the speaker it picks, and where it stays silent."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.suggest import context_strategies as near
from annotator.suggest import cue_strategies as cue
from annotator.suggest import engine
from annotator.suggest.article import Article
from annotator.suggest.cue_strategies import Candidate, Quote
from annotator.suggest.quotes import find_quotes, paragraphs
from annotator.suggest.speakers import Cast

Strategy = Callable[[Quote], Candidate | None]


def quote_in(text: str, needle: str) -> Quote:
    """The quote holding `needle`, with every quote before it attributed as the engine does."""
    paras = paragraphs(text)
    spans = find_quotes(text, paras)
    article = Article(text, paras, spans, Cast())
    for i, span in enumerate(spans):
        q = Quote(article, i)
        if needle in text[span.start : span.end]:
            return q
        candidate = engine.attribute(q)
        article.record(candidate.person if candidate else None, span.start)
    raise AssertionError(f"no quote holds {needle!r}")


def speaker(strategy: Strategy, text: str, needle: str) -> str | None:
    """The name the strategy gives the quote holding `needle`; "-" when it does not apply."""
    found = strategy(quote_in(text, needle))
    if found is None:
        return "-"
    return found.person.name if found.person else None


CASES = [
    # (strategy, text, words in the quote, speaker or "-" when the strategy must not apply)
    (cue.cue_after_comma, "“We will not yield,” Helena Marsh said.", "yield", "Helena Marsh"),
    (cue.cue_after_comma, "“We will not yield.” Helena Marsh left.", "yield", "-"),
    (
        cue.cue_after_comma,
        "“It was a resurgence,” said veteran party boss Tom Ferris.",
        "resurgence",
        "Tom Ferris",
    ),
    (
        cue.cue_after_comma,
        "“They have never worked,” said NCLA executive Director Ana Romero.",
        "never worked",
        "Ana Romero",
    ),
    (
        cue.cue_after_clause,
        "Mark Ellison chaired the hearing.\n“That is not an answer,” Ellison shot back.",
        "not an answer",
        "Mark Ellison",
    ),
    (cue.cue_after_clause, "“That is not an answer.” Ellison shot back.", "answer", "-"),
    (
        cue.cue_after_clause,
        "Mark Ellison called the plan a “rant,” Laura Kim took the floor.",
        "rant",
        "-",
    ),
    (cue.cue_before, "Helena Marsh warned: “Our fleets cannot wait.”", "fleets", "Helena Marsh"),
    (cue.cue_before, "The harbour was quiet: “Our fleets cannot wait.”", "fleets", "-"),
    (
        cue.cue_after,
        "Helena Marsh spoke first. “We will not accept this deal” she said on Tuesday.",
        "accept",
        "Helena Marsh",
    ),
    (cue.cue_after, "“We will not accept this deal.” She left the room.", "accept", "-"),
    (
        cue.cue_next_sentence,
        "The talks stalled. “We will not accept this deal.” Helena Marsh added that she was "
        "ready to wait.",
        "accept",
        "Helena Marsh",
    ),
    (
        cue.cue_in_sentence,
        "Tomas Varga, who said the offer was “an insult to every fisherman”, left early.",
        "insult",
        "Tomas Varga",
    ),
    (
        cue.cue_end_of_sentence,
        "Bookings were “flat for most of the spring” as visitors stayed away, Ana Gilmour said.",
        "flat for most",
        "Ana Gilmour",
    ),
    (
        cue.sentence_subject,
        "Viktor Brandt declined to comment, but told investors that “the numbers speak for "
        "themselves”.",
        "numbers",
        "Viktor Brandt",
    ),
    (
        cue.sentence_subject,
        "Viktor Brandt wanted to know, “How many of the homes are still empty?”",
        "homes",
        "Viktor Brandt",
    ),
    (cue.sentence_subject, "Viktor Brandt worried about, “the empty homes”.", "homes", "-"),
    (
        cue.colon_introduction,
        "Elena Ruiz spoke at length on Monday. More from Ruiz: “We will not back down.”",
        "back down",
        "Elena Ruiz",
    ),
    (cue.colon_introduction, "Elena Ruiz spoke. “We will not back down.”", "back down", "-"),
    (
        cue.cue_before,
        "Both reject the plan. Marsh: “It cannot work.” Varga: “It will not pass the vote.”",
        "pass the vote",
        "Varga",
    ),
    (
        cue.cue_after_next_quote,
        "Nadia Kerr runs the clinic. “The plan” — which nobody has read — “will not last "
        "a winter,” she said.",
        "The plan",
        "Nadia Kerr",
    ),
    (
        cue.cue_after_next_quote,
        "Nadia Kerr runs the clinic. “The plan is dead.” Nobody has read it. “It will not last "
        "a winter,” she said.",
        "plan is dead",
        "-",
    ),
    (
        near.previous_quote,
        "“The door is open,” Helena Marsh said. “But not for long.”",
        "not for long",
        "Helena Marsh",
    ),
    (
        near.previous_quote,
        "“The door is open,” Helena Marsh said. Tomas Varga shook his head. “Not for us.”",
        "Not for us",
        "Tomas Varga",
    ),
    (
        near.previous_quote,
        "Viktor Amsel left early. “They’re not terminable,” Amsel spokesperson Rhea Lindahl "
        "told the Journal. “These contracts are fully binding.”",
        "binding",
        "Rhea Lindahl",
    ),
    (
        near.signature,
        "The mayor posted a reply.\n“Every bus lane we build is a promise kept.”\n"
        "— Sofia Brandt (@sofiabrandt)\n",
        "bus lane",
        "Sofia Brandt",
    ),
    (
        near.signature,
        "Tomas Varga wrote to the council twice.\n“The ferry will run all winter.”\n"
        "- Varga.\nThe ferry stopped in December.\n",
        "ferry will run",
        "Tomas Varga",
    ),
    (
        near.signature,
        "“The ferry will run all winter.”\n- and it did not.\n",
        "ferry will run",
        "-",
    ),
    (
        near.reported_speech_before,
        "Karen Holm met the governor. She insisted that the talks would go on. “We will not "
        "trade away our water.”",
        "water",
        "Karen Holm",
    ),
    (
        near.sentence_about_before,
        "Elena Ruiz was blunt. “Nobody on the river believes this plan will work.”",
        "river",
        "Elena Ruiz",
    ),
    (
        near.colon_paragraph,
        "Daniel Okafor spoke next, and he was direct:\n“This is not a budget for growth.”",
        "growth",
        "Daniel Okafor",
    ),
    (
        near.paragraph_after_speaker,
        "“The door is open,” Helena Marsh said.\n“We hope they walk through it.”",
        "walk through",
        "Helena Marsh",
    ),
    (
        near.paragraph_after_cue,
        "Helena Marsh told the meeting that the fleets were tired.\n“We cannot wait another "
        "season.”",
        "season",
        "Helena Marsh",
    ),
    (
        near.paragraph_after_name,
        "Tomas Varga looked tired after the talks.\n“We are not finished yet.”",
        "finished",
        "Tomas Varga",
    ),
    (
        near.partial_quote,
        "Tomas Varga stood by his plan for “a levy on every crossing” on Monday.",
        "levy",
        "Tomas Varga",
    ),
    (near.partial_quote, "Tomas Varga said little. The so-called “reset” went on.", "reset", "-"),
    (
        near.described_phrase,
        "The levy was called “ruinous” by Nadia Kerr on Monday.",
        "ruinous",
        "Nadia Kerr",
    ),
    (
        near.described_phrase,
        "The Ellery Harbour Foundation rated the plan “unworkable.”",
        "unworkable",
        "Ellery Harbour Foundation",
    ),
    (
        near.described_phrase,
        "Tomas Varga led the vote on a plan the mayor, Nadia Kerr, heralded as a “turning point.”",
        "turning",
        "Nadia Kerr",
    ),
    (near.described_phrase, "The harbour board rated the claim “misleading.”", "mislead", None),
    (near.described_phrase, "The board called the so-called “reset” a failure.", "reset", "-"),
    (near.described_phrase, "The talks, dubbed the “reset,” ended on Monday.", "reset", "-"),
    (near.described_phrase, "The board called the “Harbour Compact” a failure.", "Compact", "-"),
    (near.described_phrase, "Critics pointed to the “pause” in the ferry tax.", "pause", "-"),
    (
        near.quote_in_sentence,
        "Nadia Kerr estimated that there are “somewhere between twenty and thirty people "
        "who will never agree to it” in the chamber.",
        "somewhere",
        "Nadia Kerr",
    ),
    (
        near.quote_in_sentence,
        "Nadia Kerr ran the clinic. “somewhere between twenty and thirty people never came.”",
        "somewhere",
        "-",
    ),
    (
        near.text_subject,
        "Nadia Kerr has run the clinic for a decade. The funding ends in May, and there "
        "is no plan. “We have written to every office in the city and heard nothing back.” "
        "The council did not reply.",
        "written to every office",
        "Nadia Kerr",
    ),
    (near.text_subject, "The council met. “Nothing was decided at all today.”", "decided", "-"),
]


@pytest.mark.parametrize(
    ("strategy", "text", "needle", "expected"),
    CASES,
    ids=[f"{case[0].__name__}-{n}" for n, case in enumerate(CASES)],
)
def test_strategy_picks_the_speaker_or_stays_silent(
    strategy: Strategy, text: str, needle: str, expected: str | None
) -> None:
    assert speaker(strategy, text, needle) == expected


HEARING = (
    "At the hearing, Senator Mark Ellison questioned the minister, Laura Kim, about the delays.\n"
    "“How many of the homes have been repaired?”\n"
    "“Work has started on most of them, and the contractors are on site.”\n"
    "“That is not what I asked.”\n"
    "“Fewer than half.”\n"
)


def test_turns_in_an_exchange_alternate_between_the_two_parties() -> None:
    assert speaker(near.exchange_turn, HEARING, "Work has started") == "Laura Kim"
    assert speaker(near.exchange_turn, HEARING, "not what I asked") == "Mark Ellison"
    assert speaker(near.exchange_turn, HEARING, "Fewer than half") == "Laura Kim"
    found = engine.suggest(HEARING)
    assert [s.speaker for s in found] == ["Mark Ellison", "Laura Kim", "Mark Ellison", "Laura Kim"]


def test_consecutive_paragraphs_of_one_speaker_are_no_exchange() -> None:
    text = (
        "Helena Marsh spoke to the fishermen on Tuesday.\n"
        "“We will not yield.”\n"
        "“Our fleets cannot wait another season.”\n"
    )
    assert speaker(near.exchange_turn, text, "fleets") == "-"


def test_the_winning_strategy_is_named_in_the_why() -> None:
    found = engine.suggest("“We will not yield,” Helena Marsh said.")
    assert "by cue after the quote" in found[0].why


def test_a_cue_naming_no_one_leaves_the_later_strategies_their_chance() -> None:
    # "on Thursday defended": the cue's subject is a date, so the sentence's subject speaks
    text = (
        "Norland’s transport minister, Petra Lund, on Thursday defended the timetable, "
        "telling parliament that the ferries had “no spare boats this winter”."
    )
    assert [s.speaker for s in engine.suggest(text)] == ["Petra Lund"]
