"""Attribution strategies that read a speech cue next to the quote or in its sentence.

Each strategy takes the `Quote` under attribution and returns a `Candidate` (a speaker,
which may be None when the cue names no one, a confidence and the reasons) or None when it
does not apply. The engine tries them in the order of `engine.STRATEGIES`.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from annotator.suggest import cues, sources, weights
from annotator.suggest.article import Article
from annotator.suggest.quotes import QuoteSpan
from annotator.suggest.speakers import Person

_PLACES = {"after": "after the quote", "before": "before the quote"}
# A document as the subject of a speech verb: "the statement said", "the letter added".
_DOCUMENT_RX = re.compile(
    r"(?:the|that|this|its|their)\s+(statement|letter|report|post|note|message)"
)
# First words of a subject that describes someone unnamed ("a local business owner said").
_DESCRIBING = frozenset(("a", "an", "one", "another", "the", "his", "her", "their", "they"))
# Marks that end a quote which a cue after it completes ("“…,” she said").
_CONTINUING = (",", "?", "!", "—", "–", "-", "…")
_ASIDE = 100  # characters of text between two parts of one sentence's quote


class Candidate(NamedTuple):
    """A speaker for a quote as one strategy sees it (`person` None: a cue naming no one).

    A named tuple: made for most quotes by several strategies, and faster to make than a
    frozen dataclass."""

    person: Person | None
    confidence: float
    reasons: tuple[str, ...]
    strategy: str
    place: str = ""  # where the cue is: "after", "before", "sentence" or "" (none)
    # With no person: True when the cue describes someone ("a local business owner said"),
    # so no later strategy may guess a name; False when it names nothing ("Thursday").
    decisive: bool = False


_UNSET: Any = object()


class Quote:
    """The quote under attribution, its paragraphs, how it ends, and the cues around it
    (the cue before it is found when a strategy first asks)."""

    __slots__ = (
        *("article", "i", "span", "para", "p_start", "p_end"),
        *("continued", "ends_sentence", "next_sentence", "_after", "_sentence_start", "_before"),
        "memo",
    )

    def __init__(self, article: Article, i: int) -> None:
        self.article = article
        self.i = i
        self.span: QuoteSpan = article.spans[i]
        q, text = self.span, article.text
        self.para, self.p_start, self.p_end = article.quote_paragraphs(q)
        inside = text[q.end - 2 : q.end - 1] if q.closed and q.end - q.start > 2 else ""
        # Ends as if its sentence went on ("“…,” she said").
        self.continued = inside in _CONTINUING or article.masked[q.end : q.end + 1] == ","
        # Its words end a sentence ("“….”"), found without copying them: the last one that
        # is not a space before the closing mark.
        k = q.end - 2
        while k > q.start and text[k].isspace():
            k -= 1
        self.ends_sentence = k > q.start and text[k] in (".", "!", "?", "…")
        # Ends its sentence, and a new one follows ("“….” She …").
        self.next_sentence = self.ends_sentence and text[q.end : q.end + 3].lstrip()[:1].isupper()
        self._after: tuple[cues.Cue | None, bool] | None = None
        self._sentence_start = -1
        self._before = _UNSET
        self.memo: dict[str, object] = {}  # what several strategies ask about the quote

    @property
    def after(self) -> tuple[cues.Cue | None, bool]:
        """The cue after the quote, and whether its clause ends in a colon (found when a
        strategy first asks: a cue before the quote often decides first)."""
        if self._after is None:
            q = self.span
            self._after = cues.after_cue(
                self.article.index, q.end, min(self.p_end, q.end + 300), self.continued
            )
        return self._after

    @property
    def sentence_start(self) -> int:
        """Where the quote's sentence starts."""
        if self._sentence_start < 0:
            self._sentence_start = self.article.sentence_before(self.span)
        return self._sentence_start

    @property
    def before(self) -> cues.Cue | None:
        """The cue right before the quote, in its sentence."""
        if self._before is _UNSET:
            self._before = cues.before_cue(self.article.index, self.sentence_start, self.span.start)
        return self._before  # type: ignore[no-any-return]


def cue_after_comma(q: Quote) -> Candidate | None:
    """ "“…,” she said": a cue right after a quote that ends mid-sentence."""
    if not q.continued:
        return None
    after, colon = q.after
    if after is None or colon:
        return None
    return from_cue(q, after, weights.CUE_AFTER_COMMA, "cue after the quote")


def cue_after_clause(q: Quote) -> Candidate | None:
    """ "“…,” Ellison shot back": a name or pronoun and any verb right after a quote that ends
    mid-sentence, when no speech verb is there."""
    if not q.continued or q.after[0] is not None:
        return None
    if q.article.masked[q.sentence_start : q.span.start].strip():
        return None  # the quote carries on a sentence: what follows is its own clause
    cue = cues.after_clause(q.article.index, q.span.end, min(q.p_end, q.span.end + 120))
    return from_cue(q, cue, weights.CUE_AFTER_CLAUSE, "clause after the quote") if cue else None


def cue_end_of_sentence(q: Quote) -> Candidate | None:
    """ "… a “handful” of firms may stay away, Marsh said.": a cue closing the
    quote's sentence after a comma."""
    article, end = q.article, q.span.end
    if q.ends_sentence:
        return None  # the quote ends its sentence: a cue after it is its own sentence's
    stop = article.index.sentence_end(end, q.p_end)
    comma = article.masked.rfind(",", end, stop)
    if comma < 0 or stop - comma > 120:
        return None
    cue, colon = cues.after_cue(article.index, comma, stop, True)
    if cue is None or colon:
        return None
    return from_cue(q, cue, weights.CUE_END_OF_SENTENCE, "cue ending the sentence")


def cue_before(q: Quote) -> Candidate | None:
    """ "She warned: “…", "said Truss, “…": a cue right before the quote."""
    before = q.before
    return from_cue(q, before, weights.CUE_BEFORE, "cue before the quote") if before else None


def cue_after(q: Quote) -> Candidate | None:
    """ "“…” she said": a cue after a quote that has no comma but goes on in the same
    sentence (weaker when the cue's clause introduces something else with a colon)."""
    if q.next_sentence:
        return None
    after, colon = q.after
    if after is None:
        return None
    base = weights.CUE_AFTER_COLON if colon else weights.CUE_AFTER
    return from_cue(q, after, base, "cue after the quote, no comma")


def colon_introduction(q: Quote) -> Candidate | None:
    """ "More from Ruiz: “…", "Later, on the radio: “…": a sentence ending in a
    colon before the quote, with no subject that speaks: the person it names, else whom
    the sentences before are about."""
    article, start, end = q.article, q.sentence_start, q.span.start
    if not article.masked[start:end].rstrip().endswith(":"):
        return None
    named = [p for _, p in article.cast.mentions_between(start, end) if not p.body]
    person = named[-1] if named else sources.salient(article, start)
    if person is None:
        return None
    reason = f"introduced by a colon, about {person.name}"
    return Candidate(person, weights.COLON_INTRODUCTION, (reason,), "colon introduction")


def cue_next_sentence(q: Quote) -> Candidate | None:
    """ "“….” She added: …": a cue opening the sentence after a quote that ends its own."""
    if not q.next_sentence:
        return None
    after, colon = q.after
    if after is None:
        return None
    base = weights.CUE_AFTER_COLON if colon else weights.CUE_NEXT_SENTENCE
    return from_cue(q, after, base, "cue in the next sentence")


def cue_after_next_quote(q: Quote) -> Candidate | None:
    """ "“The plan” — which few have read — “will not survive,” she said.": a quote that
    its sentence carries on into another quote, by the speaker of that quote's cue."""
    article, span = q.article, q.span
    if q.i + 1 >= len(article.spans) or q.next_sentence:
        return None
    if q.ends_sentence:
        return None
    following = article.spans[q.i + 1]
    between = article.masked[span.end : following.start]
    if (
        len(between) > _ASIDE
        or "\n" in between
        or article.index.sentence_end(span.end, following.start) < following.start
    ):
        return None
    found = cue_after_comma(Quote(article, q.i + 1))
    if found is None or found.person is None:
        return None
    reason = f"the sentence goes on to a quote by {found.person.name}"
    return Candidate(
        found.person,
        found.confidence * weights.NEXT_QUOTE,
        (*found.reasons, reason),
        "cue after the next quote",
    )


def cue_in_sentence(q: Quote) -> Candidate | None:
    """ "… who said it was “…”": a subject and speech verb earlier in the sentence."""
    cue = cues.sentence_cue(q.article.index, q.sentence_start, q.span.start)
    return from_cue(q, cue, weights.CUE_IN_SENTENCE, "cue in the sentence") if cue else None


def sentence_subject(q: Quote) -> Candidate | None:
    """The subject of a sentence with a speech verb or a colon that no cue pattern reads
    ("Brandt declined to comment, but told investors that “…”", "he put it plainly: “…")."""
    article, start, end = q.article, q.sentence_start, q.span.start
    verb = article.index.last_cue_word(start, end)
    lead = article.masked[start:end].rstrip()[-1:]
    # A colon, or a comma before a whole sentence quoted ("But he wanted to know, “How …").
    colon = lead == ":" or (lead == "," and _opens_sentence(article.text, q.span))
    if verb < 0 and not colon:
        return None
    # "The Harbour Commission released a statement, saying …": a body opening it speaks.
    person = sources.sentence_speaker(article, start, end) or sources.institution_at(
        article, start, end
    )
    if person is None:
        return None
    word = article.masked[verb:end].split(None, 1)[0].strip(",;:") if verb >= 0 else ""
    how = (
        f'with "{word}"' if word else ("ending in a colon" if lead == ":" else "ending in a comma")
    )
    reason = f"{person.name} is the subject of the sentence {how}"
    return Candidate(person, weights.SENTENCE_SUBJECT, (reason,), "sentence subject", "sentence")


def _opens_sentence(text: str, span: QuoteSpan) -> bool:
    """True when a quote starts like a sentence of four words or more ("“How surprised …")."""
    words = text[span.start + 1 : span.end - 1].split(None, 4)
    return len(words) >= 4 and words[0][:1].isupper()


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
    if person is None and cue.place == "after":
        found = unread_subject_speaker(q, bare=not cue.subject.strip())
        if found is not None:
            why[-1] = found[1]
            base, factor = base * weights.BARE_VERB, 1.0
            person = found[0]
    first = cue.subject.split()[0].lower() if cue.subject.split() else ""
    decisive = person is None and first in _DESCRIBING
    return Candidate(person, base * factor, tuple(why), strategy, cue.place, decisive)


def unread_subject_speaker(q: Quote, bare: bool) -> tuple[Person, str] | None:
    """Who spoke when the cue after a quote names no one: for a `bare` verb, the subject of
    the quote's sentence ("… called the plan “a fiasco” and said …"); else an unnamed
    source ("“…,” one user wrote") or whoever issued a document ("the statement said")."""
    article = q.article
    start = q.sentence_start
    if bare and start < q.span.start:
        found = sources.sentence_speaker(article, start, q.span.start)
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
