"""Attribution strategies that read a speech cue next to the quote or in its sentence.

Each strategy takes the `Quote` under attribution and returns a `Candidate` (a speaker,
which may be None when the cue names no one, a confidence and the reasons) or None when it
does not apply. The engine tries them in the order of `engine.STRATEGIES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from annotator.suggest import cues, sources, weights
from annotator.suggest.article import Article
from annotator.suggest.quotes import QuoteSpan
from annotator.suggest.speakers import Person

_PLACES = {"after": "after the quote", "before": "before the quote"}
# A document as the subject of a speech verb: "the statement said", "the letter added".
_DOCUMENT_RX = re.compile(
    r"(?:the|that|this|its|their)\s+(statement|letter|report|post|note|message)"
)
# Marks that end a quote which a cue after it completes ("“…,” she said").
_CONTINUING = (",", "?", "!", "—", "–", "-", "…")


@dataclass(frozen=True)
class Candidate:
    """A speaker for a quote as one strategy sees it (`person` None: a cue naming no one)."""

    person: Person | None
    confidence: float
    reasons: tuple[str, ...]
    strategy: str
    place: str = ""  # where the cue is: "after", "before", "sentence" or "" (none)


class Quote:
    """The quote under attribution, its paragraphs, and the cues around it (each found
    once, when a strategy first asks)."""

    def __init__(self, article: Article, i: int) -> None:
        self.article = article
        self.i = i
        self.span: QuoteSpan = article.spans[i]
        self.para, self.p_start, self.p_end = article.quote_paragraphs(self.span)

    @cached_property
    def after(self) -> tuple[cues.Cue | None, bool]:
        """The cue after the quote, and whether its clause ends in a colon."""
        end = self.span.end
        return cues.after_cue(self.article.index, end, min(self.p_end, end + 300))

    @cached_property
    def continued(self) -> bool:
        """True when the quote ends as if its sentence went on ("“…,” she said")."""
        q, text = self.span, self.article.text
        inside = text[q.end - 2 : q.end - 1] if q.closed and q.end - q.start > 2 else ""
        return inside in _CONTINUING or self.article.masked[q.end : q.end + 1] == ","

    @cached_property
    def sentence_start(self) -> int:
        """Where the quote's sentence starts."""
        return self.article.sentence_before(self.span)

    @cached_property
    def before(self) -> cues.Cue | None:
        """The cue right before the quote, in its sentence."""
        return cues.before_cue(self.article.index, self.sentence_start, self.span.start)


def cue_after_comma(q: Quote) -> Candidate | None:
    """ "“…,” she said": a cue right after a quote that ends mid-sentence."""
    after, colon = q.after
    if after is None or colon or not q.continued:
        return None
    return from_cue(q, after, weights.CUE_AFTER_COMMA, "cue after the quote")


def cue_before(q: Quote) -> Candidate | None:
    """ "She warned: “…", "said Truss, “…": a cue right before the quote."""
    before = q.before
    return from_cue(q, before, weights.CUE_BEFORE, "cue before the quote") if before else None


def cue_after(q: Quote) -> Candidate | None:
    """ "“….” She said.": a cue after a quote that ends its sentence (weaker when the cue's
    clause goes on to introduce something else with a colon)."""
    after, colon = q.after
    if after is None:
        return None
    base = weights.CUE_AFTER_COLON if colon else weights.CUE_AFTER
    return from_cue(q, after, base, "cue after the quote")


def cue_in_sentence(q: Quote) -> Candidate | None:
    """ "… who said it was “…”": a subject and speech verb earlier in the sentence."""
    cue = cues.sentence_cue(q.article.index, q.sentence_start, q.span.start)
    return from_cue(q, cue, weights.CUE_IN_SENTENCE, "cue in the sentence") if cue else None


def sentence_subject(q: Quote) -> Candidate | None:
    """The subject of a sentence with a speech verb or a colon that no cue pattern reads
    ("Brandt declined to comment, but told investors that “…”", "he put it plainly: “…")."""
    article, start, end = q.article, q.sentence_start, q.span.start
    verb = article.index.last_cue_word(start, end)
    colon = article.masked[start:end].rstrip().endswith(":")
    if verb < 0 and not colon:
        return None
    person = sources.sentence_speaker(article, start, end)
    if person is None:
        return None
    word = article.masked[verb:end].split(None, 1)[0].strip(",;:") if verb >= 0 else ""
    how = f'with "{word}"' if word else "ending in a colon"
    reason = f"{person.name} is the subject of the sentence {how}"
    return Candidate(person, weights.SENTENCE_SUBJECT, (reason,), "sentence subject", "sentence")


def from_cue(q: Quote, cue: cues.Cue, base: float, strategy: str) -> Candidate:
    """The candidate a cue gives: its subject resolved to a person, or for a verb without
    a subject ("“…,” one user wrote") whoever the sentence is about."""
    if cue.verb == "name:":
        why = ["name and colon before the quote"]
    elif cue.verb == "—name":
        why = ["dash and name after the quote"]
    else:
        why = [f'"{cue.verb}" {_PLACES.get(cue.place, "earlier in the sentence")}']
    person, factor = sources.resolve(q.article, cue, why)
    if person is None and not cue.subject.strip() and cue.place == "after":
        found = bare_verb_speaker(q)
        if found is not None:
            why[-1] = found[1]
            base, factor = base * weights.BARE_VERB, 1.0
            person = found[0]
    return Candidate(person, base * factor, tuple(why), strategy, cue.place)


def bare_verb_speaker(q: Quote) -> tuple[Person, str] | None:
    """Who spoke when the cue after a quote has a verb but no subject a pattern reads: the
    subject of the quote's sentence ("… called the plan “a fiasco” and said …"), an unnamed
    source ("“…,” one user wrote") or whoever issued a document ("the statement said")."""
    article = q.article
    start = q.sentence_start
    found = sources.sentence_speaker(article, start, q.span.start) if start < q.span.start else None
    if found is not None:
        return found, f"{found.name} is the subject of the sentence"
    rest = q.span.end
    while rest < q.p_end and article.masked[rest] in " ,—–-":
        rest += 1
    found = sources.unnamed_subject(article, rest, min(q.p_end, rest + 80))
    if found is not None:
        return found, f'unnamed source: "{found.name}"'
    document = _DOCUMENT_RX.match(article.masked, rest, min(q.p_end, rest + 30))
    if document:
        found = sources.issuer(article, document.group(1), rest)
        if found is not None:
            return found, f'"{document.group()}" is by {found.name}'
    return None
