"""Short quoted phrases: someone's words, or a title or a term?

A short phrase in title case is usually the name of a work or a thing ("The Wealth of
Nations"), so the engine leaves it out. Two places say otherwise: a heading, where every
word is capitalised anyway (`‘Reckless’` in "Okafor: Varga’s Budget ‘Reckless’"),
and a phrase that someone is said to have used, right after a naming or speech verb ("he
called Varga “Little Tomas”", "referring to the governor as “Chris”", "Ward said,
“Probably.”") or after a colon. Pure functions over the article's text.
"""

from __future__ import annotations

import re

from annotator.suggest import sources, weights
from annotator.suggest.article import Article
from annotator.suggest.cue_strategies import Candidate, Quote
from annotator.suggest.lexicon import words
from annotator.suggest.speakers import Person

# Words a heading writes in lower case even when it capitalises all others.
_SMALL = words("a an and as at but by for from in into of on or the to vs via with")
_HEADING_MAX_WORDS = 30
_HEADING_MAX_CHARS = 400  # more than thirty words of any usual length take
_HEADING_SHARE = 0.8

# What comes right before a phrase that someone is said to have used: a naming verb and
# at most its object ("called Lindqvist “…”", "calls the mayor a “…”"), "as" after a verb of
# referring ("refers to him as “…”"), a speech verb ("said, “Probably.”") or a colon.
_NAMING_VERB = (
    r"(?<![-\w])(?<!\bso )(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|label(?:s|ed|led|ing|ling)?"
    r"|brand(?:s|ed|ing)?|nicknam(?:e|es|ed|ing)|deride[sd]?|deriding)"
)
_SPEECH_VERB = (
    r"(?:said|says|saying|tweeted|wrote|writes|added|adds|replied|replies|answered"
    r"|declared|shouted|chanted|chanting)"
)
_USED_BEFORE_RX = re.compile(
    rf"(?:{_NAMING_VERB}(?:\s+[\w.’'-]+){{0,3}}|\bas(?:\s+(?:a|an|the))?"
    rf"|\b{_SPEECH_VERB}[,:]?|:)\s*\Z",
    re.IGNORECASE,
)
# A heading's own speech verbs, capitalised as headings write them ("Okafor Says …").
_HEADING_CUE_RX = re.compile(r"\b(?:Says|Said|Tells|Told|Calls|Called|Warns|Insists|Claims)\b")
_HEADING_NAME_WORDS = 5
_WORD_RX = re.compile(r"[^\W\d_][\w’'-]*")


def is_heading(text: str, start: int, end: int) -> bool:
    """True for a paragraph written as a heading: short, and nearly every word outside its
    quotes capitalised ("Dubois: Varga Plan a ‘Costly Mistake’ for Farmers")."""
    if end - start > _HEADING_MAX_CHARS:
        return False  # told without reading the words of a long paragraph
    found = _WORD_RX.findall(text, start, end)
    if not 2 <= len(found) <= _HEADING_MAX_WORDS:
        return False
    capitalised = sum(1 for w in found if w[0].isupper() or w.lower() in _SMALL)
    return capitalised >= _HEADING_SHARE * len(found)


def said_as_used(q: Quote) -> bool:
    """True when the words right before the quote, in its sentence, say that someone used
    the phrase: a naming verb, "as" after a verb of referring, a speech verb or a colon."""
    start = max(q.sentence_start, q.span.start - 80)
    return _USED_BEFORE_RX.search(q.article.masked, start, q.span.start) is not None


def title_case_is_speech(q: Quote) -> bool:
    """A short title-case phrase with a speaker is speech in a heading or where someone is
    said to have used it; elsewhere it is more likely a title or a name."""
    return said_as_used(q) or is_heading(q.article.text, q.p_start, q.p_end)


def heading_speaker(q: Quote) -> Candidate | None:
    """A quote in a heading with no cue: the person the heading opens with, before a colon
    ("Dubois: Varga Plan a ‘Costly Mistake’") or as its subject ("Varga Calls Levy
    ‘Ruinous’"). Headings put quotation marks round someone's words, as reports do."""
    article, span = q.article, q.span
    if not is_heading(article.text, q.p_start, q.p_end):
        return None
    colon = article.masked.find(":", q.p_start, span.start)
    if colon >= 0 and len(article.masked[q.p_start : colon].split()) <= _HEADING_NAME_WORDS:
        person = _heading_subject(article, q.p_start, colon, q.p_end) or sources.sentence_speaker(
            article, q.p_start, colon
        )
    else:
        opening = q.p_start if colon < 0 else colon + 1
        person = _heading_subject(article, opening, span.start, q.p_end)
    if person is None:
        return None
    reason = f"a heading about {person.name}"
    return Candidate(person, weights.HEADING, (reason,), "heading", "sentence")


def _heading_subject(article: Article, start: int, end: int, p_end: int) -> Person | None:
    """Whom a heading opens with ("Tomas Varga Calls Levy ‘Ruinous’"): the longest run of
    its first words, after "The" at most, that names someone the article names again after
    the heading. A heading capitalises every word, so its own names run on ("Tomas Varga
    Calls"); the article's body tells where a name ends."""
    opening = _WORD_RX.findall(article.masked, start, end)[:_HEADING_NAME_WORDS]
    if opening[:1] == ["The"]:
        opening = opening[1:]
    cast = article.cast
    for n in range(min(3, len(opening)), 0, -1):
        person = cast.lookup(tuple(opening[:n]))
        if person is not None and cast.last_mention_at(person) >= p_end:
            return person
    return None
