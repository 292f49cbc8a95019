"""Attribution strategies for a quote with no cue of its own: who spoke is read from the
quotes, sentences and paragraphs around it.

Same contract as `cue_strategies`: a `Quote` in, a `Candidate` or None out.
"""

from __future__ import annotations

import re

from annotator.suggest import cues, lexicon, names, sources, weights
from annotator.suggest.article import WINDOW, Article
from annotator.suggest.cue_strategies import Candidate, Quote
from annotator.suggest.speakers import Person

_PARTIAL_WORDS = 6
_SCARE_MARKERS = lexicon.words("so-called supposed alleged")
_TERMS = lexicon.words("term word words phrase slogan label name notion idea motto")
_TURN_CUE = 40  # characters of cue a turn in an exchange may have besides its quote
_ASKING = lexicon.words("asked asks ask pressed wondered queried")
_SIGNATURE_RX = re.compile(r"\s*[—–-]+\s*(?P<name>[^(@\n]{2,60}?)\s*\(@\w+\)")
# A paragraph that is only a dash and a name signs the quote above it ("— Jo Marsh.").
_BYLINE_RX = re.compile(r"\s*[—–-]+\s*(?P<name>(?:[^\W\d_][\w’'.\-]*\s*){1,4}?)[\s.]*")


def _nothing_but_punctuation(text: str) -> bool:
    return not "".join(text.split()).strip(".,;_")


def exchange_turn(q: Quote) -> Candidate | None:
    """A turn in an exchange of quote paragraphs (an interview, a hearing): the quote
    after a question put in a paragraph of its own, or where turns already alternate
    around a question, is the other party's: the speaker before, else the other person
    the sentence opening the exchange names ("Ellison pressed Kim. ¶ “…?” ¶ “…”")."""
    article, i = q.article, q.i
    if i == 0 or _quote_only_paragraph(q) is None:
        return None
    asker = article.speakers[i - 1]
    if _turn_text(article, i - 1, q.para - 1) is None or asker is None:
        return None
    turn_before = _turn_text(article, i - 2, q.para - 2) is not None
    earlier = article.speakers[i - 2] if turn_before else None
    questions = [k for k in range(max(0, i - 3), i + 1) if _question(article, k)]
    asked = (i - 1) in questions and _asking(_turn_text(article, i - 1, q.para - 1) or "")
    alternating = earlier is not None and earlier is not asker and bool(questions)
    if not (asked or alternating):
        return None
    other = earlier if earlier is not None and earlier is not asker else None
    other = other or _other_party(article, i - 1, asker)
    if other is None:
        return None
    reason = f"a turn in an exchange with {asker.name}"
    return Candidate(other, weights.EXCHANGE_TURN, (reason,), "exchange turn")


def _turn_text(article: Article, i: int, para: int) -> str | None:
    """The text besides quote i in paragraph `para` when the quote is nearly all of it (a
    turn: at most a short cue such as "Lindqvist replied"); None otherwise."""
    if i < 0 or para < 0 or article.para_of(article.spans[i].start) != para:
        return None
    span = article.spans[i]
    start, end = article.paras[para]
    rest = article.masked[start : span.start] + " " + article.masked[span.end : end]
    return rest if len(rest.strip()) <= _TURN_CUE else None


def _asking(rest: str) -> bool:
    """True when a turn's own text is nothing or a question's cue ("one reporter asked:")."""
    found = [w.strip(".,:;").lower() for w in rest.split()]
    return not "".join(found).strip("_") or any(w in _ASKING for w in found)


def _question(article: Article, i: int) -> bool:
    """True when quote i asks something."""
    span = article.spans[i]
    return "?" in article.text[span.start : span.end]


def _other_party(article: Article, i: int, asker: Person) -> Person | None:
    """Someone other than `asker` named in the sentence before the exchange's first quote."""
    first = i
    while first > 0:
        para = article.para_of(article.spans[first].start)
        if _turn_text(article, first - 1, para - 1) is None:
            break
        first -= 1
    para = article.para_of(article.spans[first].start)
    if para == 0:
        return None
    start, end = article.paras[para - 1]
    sentence = article.index.sentence_start(start, end)
    others = [p for _, p in article.cast.mentions_between(sentence, end) if p is not asker]
    return others[-1] if others and not others[-1].body else None


def previous_quote(q: Quote) -> Candidate | None:
    """A second quote in a paragraph: by the speaker of the one before it, unless someone
    else is the subject of a sentence between them."""
    article, i = q.article, q.i
    if i == 0 or article.spans[i - 1].end <= q.p_start or article.speakers[i - 1] is None:
        return None
    previous = article.speakers[i - 1]
    other = article.last_subject(article.spans[i - 1].end, q.span.start, unless=previous)
    if other is not None and other is not previous:
        reason = f"{other.name} named between the quotes"
        return Candidate(other, weights.NAMED_BETWEEN, (reason,), "named between quotes")
    reason = f"continues the quote before it ({previous.name if previous else ''})"
    return Candidate(previous, weights.PREVIOUS_QUOTE, (reason,), "previous quote")


def signature(q: Quote) -> Candidate | None:
    """An embedded post or a quote signed in the paragraph after it: "— Name (@handle)",
    or a paragraph that is only a dash and a name ("— Jo Marsh.")."""
    article = q.article
    para = article.para_of(max(q.span.start, q.span.end - 1))
    if para + 1 >= len(article.paras):
        return None
    m = _SIGNATURE_RX.match(article.text, *article.paras[para + 1])
    byline = None if m else _BYLINE_RX.fullmatch(article.masked, *article.paras[para + 1])
    found = m or byline
    tokens = tuple(found.group("name").rstrip(".").split()) if found else ()
    if not 0 < len(tokens) <= 4 or (byline and not all(t[0].isupper() for t in tokens)):
        return None
    person = article.cast.create_from(tokens, " ".join(tokens), q.span.start)
    reason = f"{'embedded post' if m else 'quote'} signed {person.name}"
    return Candidate(person, weights.SIGNATURE, (reason,), "signature")


def _previous_sentence(q: Quote) -> tuple[int, int] | None:
    """(start of the sentence before, start of the quote's own) for a quote that opens a
    sentence inside its paragraph; None otherwise."""
    article, p_start = q.article, q.p_start
    own = article.index.sentence_start(p_start, q.span.start)
    if own <= p_start or article.masked[own : q.span.start].strip():
        return None
    return article.index.sentence_start(p_start, own - 1), own


def reported_speech_before(q: Quote) -> Candidate | None:
    """The speaker of reported speech in the sentence just before a quote that opens its
    own sentence: "She added that the talks would go on. “We will not ...”"."""
    bounds = _previous_sentence(q)
    if bounds is None:
        return None
    article = q.article
    cue = cues.sentence_cue(article.index, *bounds)
    if cue is None or cue.verb in lexicon.LABEL_VERBS or cue.verb == "according to":
        return None
    reasons = [f'"{cue.verb}" with reported speech in the sentence before']
    known = len(article.cast.people)
    person, factor = sources.resolve(article, cue, reasons)
    if person is None or (person.id >= known and len(person.tokens) < 2):
        return None  # only someone already introduced, or a full name
    confidence = weights.REPORTED_SPEECH_BEFORE * factor
    return Candidate(person, confidence, tuple(reasons), "reported speech before")


def sentence_about_before(q: Quote) -> Candidate | None:
    """A quote ending its paragraph right after a sentence about someone (and no speech
    cue): "Ruiz was blunt. “…”", "Asked about the deal, Ruiz laughed. “…”"."""
    bounds = _previous_sentence(q)
    if bounds is None or cues.sentence_cue(q.article.index, *bounds) is not None:
        return None
    article = q.article
    if not _nothing_but_punctuation(article.masked[q.span.end : q.p_end]):
        return None
    person = article.subject_of(*bounds)
    if person is None or (len(person.mentions) < 2 and len(person.tokens) < 2):
        return None  # someone introduced before, or a full name
    reason = f"after a sentence about {person.name}"
    return Candidate(person, weights.SENTENCE_ABOUT_BEFORE, (reason,), "sentence about before")


def _paragraph_before(q: Quote) -> tuple[int, int] | None:
    """(start of the last sentence, end) of the paragraph before a quote that opens its
    own paragraph; None when text comes before the quote or it opens the text."""
    if "paragraph before" not in q.memo:
        q.memo["paragraph before"] = _find_paragraph_before(q)
    return q.memo["paragraph before"]  # type: ignore[return-value]


def _find_paragraph_before(q: Quote) -> tuple[int, int] | None:
    article = q.article
    if q.para == 0 or article.masked[q.p_start : q.span.start].strip():
        return None
    prev_start, prev_end = article.paras[q.para - 1]
    return article.index.sentence_start(max(prev_start, prev_end - WINDOW), prev_end), prev_end


def colon_paragraph(q: Quote) -> Candidate | None:
    """A quote opening the paragraph after one that ends in a colon ("…, he said:"), by
    the cue's subject or the person that sentence names."""
    bounds = _paragraph_before(q)
    article = q.article
    if bounds is None:
        return None
    if not article.masked[article.paras[q.para - 1][0] : bounds[1]].rstrip().endswith(":"):
        return None
    cue = cues.sentence_cue(article.index, *bounds)
    if cue is not None:
        why = [f'"{cue.verb}" before the colon ending the paragraph before']
        person, factor = sources.resolve(article, cue, why)
        confidence = weights.COLON_PARAGRAPH_CUE * factor
        return Candidate(person, confidence, tuple(why), "colon paragraph")
    for name in names.names_in(article.masked, *bounds):
        named = article.cast.lookup(name.tokens, bounds[1]) if name.tokens else None
        if named is not None:
            reason = f"introduced by a colon after {name.surface}"
            return Candidate(named, weights.COLON_PARAGRAPH_NAME, (reason,), "colon paragraph")
    return None


def _quote_only_paragraph(q: Quote) -> tuple[int, int] | None:
    """`_paragraph_before` for a quote that is its paragraph's only text."""
    bounds = _paragraph_before(q)
    first_end = q.article.paras[q.para][1]
    if bounds is None or not _nothing_but_punctuation(q.article.masked[q.span.end : first_end]):
        return None
    return bounds


def paragraph_after_speaker(q: Quote) -> Candidate | None:
    """A paragraph of quote only, after a paragraph with a quote: the same speaker."""
    last = q.article.last
    if _quote_only_paragraph(q) is None or last is None or last[1] != q.para - 1:
        return None
    reason = f"paragraph of quote only, after one by {last[0].name}"
    return Candidate(last[0], weights.PARAGRAPH_AFTER_SPEAKER, (reason,), "paragraph after quote")


def paragraph_after_cue(q: Quote) -> Candidate | None:
    """A paragraph of quote only, after a paragraph ending in a speech cue."""
    bounds = _quote_only_paragraph(q)
    cue = cues.sentence_cue(q.article.index, *bounds) if bounds else None
    if cue is None:
        return None
    why = [f'paragraph of quote only, after "{cue.verb}" in the one before']
    person, factor = sources.resolve(q.article, cue, why)
    confidence = weights.PARAGRAPH_AFTER_CUE * factor
    return Candidate(person, confidence, tuple(why), "paragraph after cue")


def paragraph_after_name(q: Quote) -> Candidate | None:
    """A paragraph of quote only, after a paragraph whose last sentence names someone."""
    bounds = _quote_only_paragraph(q)
    if bounds is None:
        return None
    for name in names.names_in(q.article.masked, *bounds):
        named = q.article.cast.lookup(name.tokens, bounds[1]) if name.tokens else None
        if named is not None:
            reason = f"paragraph of quote only, after one about {named.name}"
            return Candidate(named, weights.PARAGRAPH_AFTER_NAME, (reason,), "paragraph after name")
    return None


def partial_quote(q: Quote) -> Candidate | None:
    """A short lowercase phrase quoted inside a sentence about someone, with no cue ("Varga
    stood by his plan for “a levy on every crossing”"): that person's words. Not after
    "so-called" or "the term" (a scare quote, a term discussed)."""
    article, span = q.article, q.span
    quoted = article.text[span.start + 1 : span.end - 1].split()
    if not 1 <= len(quoted) <= _PARTIAL_WORDS or not quoted[0][:1].islower():
        return None
    if _scare_quoted(q):
        return None
    return _by_sentence_speaker(
        q, weights.PARTIAL_QUOTE, "a phrase quoted in a sentence about", "partial quote"
    )


def _scare_quoted(q: Quote) -> bool:
    """True when the words right before the quote mark it as a scare quote or a term
    ("so-called “…”", "the term “…”", "dubbed the “…”"), not as anyone's words."""
    article, span = q.article, q.span
    before = article.masked[max(q.p_start, span.start - 30) : span.start].lower().split()
    if not before:
        return False
    return (
        before[-1] in _SCARE_MARKERS
        or (before[-2:-1] == ["the"] and before[-1] in _TERMS)
        or (before[-1] == "the" and before[-2:-1] == ["dubbed"])
    )


_DESCRIBED_WORDS = 4
_DESCRIBED_CHARS = 120  # four words and their marks take less: longer spans are not split
# Besides a speech or labelling verb, what says that a phrase is someone's: a describing
# verb ("rated the claim “misleading”"), or their words, call, claim... ("in the mayor’s
# words, a “…”", "Varga’s call for a “fresh start”", "by her own admission a “mistake”").
_DESCRIBING_RX = re.compile(
    rf"\b(?:{lexicon.trie_pattern(sorted(lexicon.DESCRIBING_VERBS))})\b"
    rf"|(?:[’']s?|\bown)(?:\s+[a-z]+)?\s+(?:{lexicon.trie_pattern(sorted(lexicon.SPEECH_NOUNS))})\b"
)


def described_phrase(q: Quote) -> Candidate | None:
    """A short lowercase phrase after a reporting or describing verb earlier in its
    sentence ("The council described the vote as “historic”", "calling the levy “ruinous”",
    "what her aides call her “…” plan") or after its owner's words, call or claim ("in the
    mayor’s words, a “…”"): someone's words. Whose: the agent of a passive ("called “…” by
    Kerr"), else whoever is named last before the verb, else whom the sentence is about or
    a body opening it, else no one. Not a scare quote or a term ("so-called “…”"), and not
    a phrase with no such word before it ("the “freeze” on fares")."""
    article, span = q.article, q.span
    if span.end - span.start > _DESCRIBED_CHARS:
        return None  # told without splitting the words of a longer quote
    quoted = article.text[span.start + 1 : span.end - 1].split(None, _DESCRIBED_WORDS)
    if not 1 <= len(quoted) <= _DESCRIBED_WORDS or not quoted[0][:1].islower():
        return None
    start = q.sentence_start
    verb = article.index.last_cue_word(start, span.start)
    if verb < 0:
        described = _DESCRIBING_RX.search(article.masked, start, span.start)
        if described is None:
            return None
        verb = described.start()
    if _scare_quoted(q):
        return None
    person = (
        _agent_after(q)
        or _named_before(article, start, verb)
        or sources.sentence_speaker(article, start, span.start)
        or sources.institution_at(article, start, span.start, sources.BODY_NOUNS)
    )
    reason = f"a phrase described by {person.name}" if person else "a phrase someone used"
    return Candidate(person, weights.DESCRIBED_PHRASE, (reason,), "described phrase")


def _named_before(article: Article, start: int, verb: int) -> Person | None:
    """The person or body named last before the verb at `verb`, in its sentence: the
    verb's subject ("a plan the mayor, Jo Marsh, heralded as …")."""
    found = article.cast.mentions_between(start, verb)
    return found[-1][1] if found else None


# A passive's agent right after the quote: "… was called “…” by Nadia Kerr".
_BY_RX = re.compile(r"[\s,.]*by\s+(?:the\s+)?")


def _agent_after(q: Quote) -> Person | None:
    """The person named right after "by" following the quote, if any."""
    m = _BY_RX.match(q.article.masked, q.span.end, q.span.end + 12)
    return q.article.cast.first_mention(m.end(), m.end() + 1) if m else None


def quote_in_sentence(q: Quote) -> Candidate | None:
    """A longer quote that carries on a sentence about someone, with no cue ("Ostrova
    estimated that there were “somewhere between forty and fifty families who …”"): that
    person's words, as for a short phrase."""
    article, span = q.article, q.span
    quoted = article.text[span.start + 1 : span.end - 1].split()
    if len(quoted) <= _PARTIAL_WORDS or not quoted[0][:1].islower():
        return None
    if len(article.masked[q.sentence_start : span.start].split()) < 2:
        return None
    return _by_sentence_speaker(
        q, weights.QUOTE_IN_SENTENCE, "carries on a sentence about", "quote in a sentence"
    )


def _by_sentence_speaker(q: Quote, weight: float, reason: str, name: str) -> Candidate | None:
    """The person the quote's sentence is about, up to the quote, as a candidate."""
    person = sources.sentence_speaker(q.article, q.sentence_start, q.span.start)
    if person is None:
        return None
    return Candidate(person, weight, (f"{reason} {person.name}",), name)


def text_subject(q: Quote) -> Candidate | None:
    """The last resort for a quote with no cue and no quote or name before it in a way
    the other strategies read: whom the sentences just before are about."""
    if q.span.end - q.span.start < 40:
        return None  # a short phrase with nothing around it is more likely a term
    person = sources.salient(q.article, q.sentence_start)
    if person is None:
        return None
    reason = f"the sentences before are about {person.name}"
    return Candidate(person, weights.TEXT_SUBJECT, (reason,), "subject of the text before")
