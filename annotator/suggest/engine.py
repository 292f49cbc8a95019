"""The suggestion pipeline: quotes, then speakers, then tone and device hints.

A quote's speaker comes from the first strategy in `STRATEGIES` that applies to it: cues
next to the quote first, then its neighbourhood. Each strategy is a small function with
its own tests; their confidences live in `weights`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from annotator.suggest import context_strategies as near
from annotator.suggest import cue_strategies as cue
from annotator.suggest import lexicon, names, phrases, weights
from annotator.suggest.article import Article
from annotator.suggest.cue_strategies import Candidate, Quote
from annotator.suggest.hints import hints_for
from annotator.suggest.lexicon import words
from annotator.suggest.model import Suggestion
from annotator.suggest.quotes import find_quotes, paragraphs
from annotator.suggest.speakers import Cast

Strategy = Callable[[Quote], Candidate | None]

# Tried in this order; the first candidate wins (one naming no one included: a cue that
# names no one is not overruled by a guess from the neighbourhood).
STRATEGIES: tuple[Strategy, ...] = (
    cue.cue_after_comma,
    cue.cue_after_clause,
    cue.cue_before,
    cue.cue_after,
    cue.cue_in_sentence,
    cue.cue_end_of_sentence,
    cue.sentence_subject,
    cue.colon_introduction,
    cue.cue_next_sentence,
    cue.cue_after_next_quote,
    near.previous_quote,
    near.signature,
    near.reported_speech_before,
    near.sentence_about_before,
    near.colon_paragraph,
    near.exchange_turn,
    near.paragraph_after_speaker,
    near.paragraph_after_cue,
    near.paragraph_after_name,
    near.partial_quote,
    near.described_phrase,
    near.quote_in_sentence,
    phrases.heading_speaker,
    near.text_subject,
)

_SMALL_WORDS = words("a an the of and or in on at to for by with from vs")
# What comes right before the title of a work: "a report titled “…”", "his memoir, “…”".
_TITLE_VERBS = ("titled", "entitled", "headlined")
_WORK_NOUNS = (
    *("book", "memoir", "report", "novel", "film", "documentary", "album", "song", "play"),
    *("programme", "program", "show", "series", "essay", "column", "podcast", "slogan", "motto"),
)
_WORK_BEFORE_RX = re.compile(
    rf"(?:\b({'|'.join(_TITLE_VERBS)})|\b(?:{'|'.join(_WORK_NOUNS)}),?)\s*\Z",
    re.IGNORECASE,
)
_WORK_ENDINGS = _TITLE_VERBS + _WORK_NOUNS
_LONG = 8  # words from which a quote's length no longer matters to the checks
_EDGE = "“”‘’\"'«».,;:!?()[]—–-"
_CONTRACTION_RX = re.compile(r"[’'](?:s|re|m|ll|d|ve)\Z")


def suggest(text: str, known_speakers: Iterable[object] = ()) -> list[Suggestion]:
    """Find direct quotes in `text` and suggest speaker, tone and devices for each.

    `known_speakers` holds canonical names (str) or objects with `.name` and `.aliases`;
    a speaker found in the text that matches one of them is returned under that name.
    Offsets are code points into `text`; every span includes its quotation marks.
    """
    if not text:
        return []
    paras = paragraphs(text)
    spans = find_quotes(text, paras)
    if not spans:
        return []
    article = Article(text, paras, spans, Cast(known_speakers))
    found: list[Suggestion] = []
    for i, span in enumerate(spans):
        quote = Quote(article, i)
        candidate = attribute(quote)
        suggestion = make_suggestion(quote, candidate)
        speaker = candidate.person if suggestion and candidate else None
        article.record(speaker, span.start)
        if suggestion is not None:
            found.append(suggestion)
    return found


def attribute(q: Quote) -> Candidate | None:
    """The winning candidate for a quote: the first that names someone or describes an
    unnamed someone ("a local business owner said"), else the first cue that names no one
    ("Thursday said" read from "on Thursday said"), else None."""
    unnamed = None
    for strategy in STRATEGIES:
        candidate = strategy(q)
        if candidate is not None and (candidate.person is not None or candidate.decisive):
            return candidate
        unnamed = unnamed or candidate
    return unnamed


def make_suggestion(q: Quote, candidate: Candidate | None) -> Suggestion | None:
    """The suggestion for one quote; None when it is not speech (a title, a name)."""
    span, text = q.span, q.article.text
    # Up to seven words tell every length the checks ask about; the rest stays unsplit.
    quoted = text[span.start + 1 : span.end - 1].split(None, _LONG - 1)
    if not is_speech(q, quoted, candidate):
        return None
    why = [span.style]
    if span.paragraphs > 1:
        why.append(f"runs over {span.paragraphs} paragraphs")
    if not span.closed:
        why.append("no closing mark: taken to the paragraph end")
    confidence = _confidence(q, quoted, candidate, why)
    person = candidate.person if candidate else None
    quote = text[span.start : span.end]
    tone, devices, hints = hints_for(quote)
    return Suggestion(
        start=span.start,
        end=span.end,
        quote=quote,
        speaker=person.name if person else None,
        speaker_mentions=tuple(person.mentions) if person else (),
        tone=tone,
        devices=devices,
        confidence=round(max(0.05, min(0.99, confidence)), 2),
        why="; ".join(why),
        hints=hints,
    )


def _confidence(q: Quote, quoted: list[str], candidate: Candidate | None, why: list[str]) -> float:
    """The winning candidate's confidence, lowered for what makes the quote doubtful."""
    if candidate is None:
        why.append("no speaker found")
        return weights.NO_SPEAKER if q.span.closed else weights.NO_SPEAKER_UNCLOSED
    why.append(f"by {candidate.strategy}")
    why.extend(candidate.reasons)
    confidence = candidate.confidence
    if len(quoted) <= 3 and candidate.place not in ("after", "before"):
        why.append("short partial quote")
        confidence *= weights.SHORT_PARTIAL
    if not q.span.closed:
        confidence *= weights.UNCLOSED
    if candidate.person is None:
        confidence = min(confidence * weights.NO_PERSON, weights.NO_PERSON_CAP)
    return confidence


def is_speech(q: Quote, quoted: list[str], candidate: Candidate | None) -> bool:
    """False for a quote that is a title or a name in quotation marks rather than speech:
    short or capitalised like a headline and without a speaker, introduced as a work ("a
    report titled"), or a short title-cased phrase not followed by its cue. `quoted`: the
    quote's words, from the eighth on maybe left as one."""
    if not quoted:
        return False
    short = len(quoted) <= 6
    if candidate is None and len(quoted) >= _LONG:
        quoted = q.article.text[q.span.start + 1 : q.span.end - 1].split()
    if candidate is None and (len(quoted) <= 3 or all(map(_title_word, quoted))):
        return False
    span, masked = q.span, q.article.masked
    # The pattern only matches after one of its words: look at the last word first.
    last = masked[max(q.p_start, span.start - 40) : span.start].rsplit(None, 1)[-1:]
    introduced = (
        _WORK_BEFORE_RX.search(masked, max(q.p_start, span.start - 40), span.start)
        if last and last[0].rstrip(",").lower().endswith(_WORK_ENDINGS)
        else None
    )
    # A speaker's quote is checked for title case only where that decides.
    if introduced and (
        introduced.group(1) or (candidate is not None and short and all(map(_title_word, quoted)))
    ):
        return False  # the name of a report, book or show: “…”, not speech
    if candidate is None or candidate.place == "after" or not short:
        return True
    return (
        not all(map(_title_word, quoted))
        or _capitals_are_names(q, quoted)
        or phrases.title_case_is_speech(q)
    )


def _capitals_are_names(q: Quote, quoted: list[str]) -> bool:
    """True for a sentence about people rather than a title: it opens with a function word
    ("That’s", "It", "He") and its other capitals are people's names ("That’s Jeb Bush and
    Marco Rubio.")."""
    first = _CONTRACTION_RX.sub("", quoted[0].strip(_EDGE).lower())
    if first not in lexicon.FUNCTION_WORDS:
        return False
    article, span = q.article, q.span
    found = names.names_in(article.text, span.start + 1, span.end - 1)
    known = [n for n in found if n.person or article.cast.lookup(n.tokens) is not None]
    tokens = {t.lower() for name in known for t in name.tokens}
    capitals = [w.strip(_EDGE).lower() for w in quoted[1:] if w.strip(_EDGE)[:1].isupper()]
    return bool(capitals) and all(w in tokens for w in capitals)


def _title_word(word: str) -> bool:
    """True for a word as a title writes it: capitalised, a small word, or no letters."""
    first = next((c for c in word if c.isalpha()), "")
    return not first or first.isupper() or word.lower().strip("‘’'\"“”") in _SMALL_WORDS
