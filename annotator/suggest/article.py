"""One text read for attribution: its quotes blanked out, paragraphs, sentences, people.

`Article` answers questions the attribution strategies share ("who is this sentence
about?", "who does this "she" mean?"); it holds no attribution rule of its own, only what
has been attributed so far (the speaker of each earlier quote).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from annotator.suggest import cues, lexicon, names, reference
from annotator.suggest.lexicon import words
from annotator.suggest.quotes import QuoteSpan
from annotator.suggest.speakers import Cast, Person

_CONJUNCTIONS = words("and but so yet still")
# After these words a name is an object, never the sentence's subject ("told the Echo").
_OBJECT_MARKERS = words("told tell tells telling to with by about from for against on at of met")
# Where the clause of a pronoun that speaks ends (see ``pronoun_referent``).
_CLAUSE_BOUNDARY_RX = re.compile(
    r"[,;:()—–]|\b(?:after|before|when|while|as|because|where|who|which|whom|whose|that|"
    r"since|until|if|though|although|and|but)\b"
)
WINDOW = 400  # how far back a quote's sentence may start
# Who works for or beside someone, besides the roles: "Varga consultant Oliver Brandt".
_STAFF_NOUNS = words(
    "speechwriter manager pollster consultant confidant operative staffer surrogate ally "
    "associate backer donor biographer"
)
# A name, then a role it employs, then the next name: "Varga spokesman Oliver Brandt",
# "former Varga speechwriter Oliver Brandt".
_EMPLOYER_RX = re.compile(
    r"(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w.’'\-]*\s+(?:(?!and\b|or\b)[a-z][\w\-]*\s+){0,2}?(?:"
    + "|".join(sorted(lexicon.ROLE_NOUNS | _STAFF_NOUNS))
    + r")\s+"
)


def mask(text: str, spans: list[QuoteSpan]) -> str:
    """`text` with every quote replaced by underscores, so no pattern reads inside one."""
    parts: list[str] = []
    pos = 0
    for q in spans:
        parts.append(text[pos : q.start])
        parts.append("_" * (q.end - q.start))
        pos = q.end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass
class Article:
    """The text, its masked form and paragraphs, the quotes, the cast, and what has been
    attributed so far (`speakers[i]` for every quote before the current one)."""

    text: str
    paras: list[tuple[int, int]]
    spans: list[QuoteSpan]
    cast: Cast
    masked: str = ""
    speakers: list[Person | None] = field(default_factory=list)
    last: tuple[Person, int] | None = None  # the latest speaker and its paragraph
    named: dict[tuple[str, ...], Person] = field(default_factory=dict)  # full names seen

    def __post_init__(self) -> None:
        self.masked = mask(self.text, self.spans)
        self.para_starts = [p[0] for p in self.paras]
        self.quote_starts = [q.start for q in self.spans]
        self.index = cues.CueIndex(self.masked)
        for word in cues.speaking_words(self.masked):
            if _could_be_surname(word):
                self.cast.expect_surname(word)
        found = names.names_in(
            self.masked, 0, len(self.masked), self.cast.surnames, self.index.beyond_bmp
        )
        for name in found:
            person = self.cast.add(name)
            if person is not None:
                person.titles |= names.apposition_roles(self.masked, name.end, self.index.plain)
                person.titles |= names.leading_roles(self.masked, name.start)

    def record(self, person: Person | None, at: int) -> None:
        """Note the speaker of the quote at `at`, the next quote's "previous speaker"."""
        self.speakers.append(person)
        if person is not None:
            self.last = (person, self.para_of(at))

    def para_of(self, at: int) -> int:
        """The index of the paragraph holding position `at`."""
        k = bisect.bisect_right(self.para_starts, at) - 1
        return k if k > 0 else 0

    def quote_paragraphs(self, q: QuoteSpan) -> tuple[int, int, int]:
        """The first paragraph of a quote, where it starts and where its last one ends."""
        paras = self.paras
        first = self.para_of(q.start)
        # Most quotes end in the paragraph they start in: no second look-up for them.
        after = first + 1
        inside = after >= len(paras) or paras[after][0] > q.end - 1
        last = first if inside else self.para_of(max(q.start, q.end - 1))
        return first, paras[first][0], paras[last][1]

    def sentence_before(self, q: QuoteSpan) -> int:
        """Where the sentence holding the quote starts (within its paragraph)."""
        p_start = self.paras[self.para_of(q.start)][0]
        return self.index.sentence_start(max(p_start, q.start - WINDOW), q.start)

    # sentences and their subjects -----------------------------------------------------
    def subject_start(self, start: int, end: int) -> tuple[int, str]:
        """Where the subject of the sentence text[start:end] starts, and its first word
        (lowercase): after a conjunction ("But he ...") and a leading clause ("Asked about
        the deal, Ruiz laughed", "In Port Ellery, Roque said")."""
        masked = self.masked
        found = masked[start:end].split(None, 2)
        first = found[0].lower().strip(",") if found else ""
        if first in _CONJUNCTIONS and len(found) > 1:
            start = masked.find(found[1], start, end)
            found = found[1:]
            first = found[0].lower().strip(",")
        participle = first.endswith(("ed", "ing")) and len(found) > 1
        if participle:  # "Speaking in Port Ellery," but not "Vehling, 58,"
            at = masked.find(found[0], start, end)
            participle = self.cast.first_mention(at, at + 1) is None
        if first in lexicon.CLAUSE_OPENERS or participle:
            comma = masked.find(",", start, end)
            if comma >= 0:
                start = comma + 1
                found = masked[start:end].split(None, 1)
                first = found[0].lower() if found else ""
        elif first not in lexicon.PRONOUNS:
            # "Eight years ago, he supported ...": a pronoun after a leading phrase that
            # names no one is the subject ("Marsh, he said, ..." is Marsh's sentence).
            comma = masked.find(",", start, min(end, start + 60))
            after = masked[comma + 1 : end].split(None, 1) if comma >= 0 else []
            if (
                after
                and after[0].lower() in lexicon.PRONOUNS
                and self.cast.first_mention(start, comma) is None
            ):
                start, found, first = comma + 1, after, after[0].lower()
        if found:
            start = masked.find(found[0], start, end)
        return start, first

    def first_named(
        self, start: int, end: int, mentions: list[tuple[int, Person]] | None = None
    ) -> Person | None:
        """The first person named in [start, end) other than as an object or a possessor:
        not after "told", "to", "with" ... ("Another trader told the Echo: “…"), nor as
        whom the next one works for ("Varga spokesman Oliver Brandt"). `mentions`: those
        in [start, end), if the caller has them."""
        if mentions is None:
            mentions = self.cast.mentions_between(start, end)
        for k, (at, person) in enumerate(mentions):
            before = self.masked[max(start, at - 20) : at].split()
            if before and before[-1].lower() == "the":
                before.pop()
            if before and before[-1].lower().strip(",") in _OBJECT_MARKERS:
                continue
            following = mentions[k + 1][0] if k + 1 < len(mentions) else at
            if following > at and _EMPLOYER_RX.fullmatch(self.masked, at, following):
                continue
            if not self.possessive_at(at):
                return person
        return None

    def possessive_at(self, at: int) -> bool:
        """True when the name at `at` is a possessor ("The Liberal Democrats’ spokesperson,
        Fenella Hart", "Russia’s minister"): the sentence is about someone else."""
        for word in self.masked[at : at + 60].split(",", 1)[0].split():
            if not word[:1].isupper():
                return False
            if word.endswith(("’s", "'s", "s’", "s'")):
                return True
        return False

    def subject_of(self, start: int, end: int) -> Person | None:
        """The person a sentence (text[start:end]) names first as its subject; None when a
        pronoun is its subject ("She said she would meet Demirel")."""
        start, first = self.subject_start(start, end)
        if first in lexicon.PRONOUNS:
            return None
        return self.first_named(start, end)

    def last_subject(self, start: int, end: int, unless: Person | None = None) -> Person | None:
        """The subject of the last sentence in [start, end) that has one: "Lavrov shook his
        head." names a new speaker, "Truss told the BBC." does not name the BBC. A sentence
        that names `unless` is skipped ("Varga spokeswoman Lena Brandt said" is Brandt's)."""
        found = None
        pos = start
        while pos < end:
            stop = self.index.sentence_end(pos, end)
            if stop <= pos:
                break
            mentioned = (p for _, p in self.cast.mentions_between(pos, stop))
            if unless is None or all(p is not unless for p in mentioned):
                found = self.subject_of(pos, stop) or found
            pos = stop
        return found

    # pronouns -------------------------------------------------------------------------
    def pronoun_referent(
        self, at: int, gender: str, continuation: bool, salient: Person | None
    ) -> Person | None:
        """Who "he" or "she" at `at` is: the subject of the sentences just before
        (`salient`) when its gender does not disagree, else the people named just before;
        not anyone its own clause names after it ("She asked Marsh", "he told Marsh": not
        Marsh)."""
        last = self.last[0] if self.last and self.para_of(at) - self.last[1] <= 3 else None
        # Its clause ends at the sentence's end, the next quote (whose marks hide the full
        # stops inside it), a comma or a word opening another clause ("he said after
        # Marsh read ...": that may be anyone).
        k = bisect.bisect_right(self.quote_starts, at)
        stop = self.quote_starts[k] if k < len(self.quote_starts) else len(self.masked)
        stop = self.index.sentence_end(at + 1, stop)
        boundary = _CLAUSE_BOUNDARY_RX.search(self.masked, at + 1, stop)
        stop = boundary.start() if boundary else stop
        named = {p.id for _, p in self.cast.mentions_between(at + 1, stop)}
        return self.cast.resolve_pronoun(at, gender, last, continuation, salient, named)

    def sentences_back(self, at: int, count: int = 3) -> list[tuple[int, int]]:
        """The sentences before `at`, nearest first, no further back than the previous
        paragraph and `count` sentences (a paragraph end also ends a sentence)."""
        para = self.para_of(at)
        p_start = self.paras[para][0]
        floor = self.paras[para - 1][0] if para > 0 else 0
        # `pos` never goes below `floor`: it lies in this paragraph or the one before.
        before_start = floor if para > 0 else p_start
        ends = self.index.sentence_ends
        found = []
        pos = at
        for _ in range(count):
            k = bisect.bisect_right(ends, pos) - 1  # as `CueIndex.sentence_start`
            start = ends[k] if k >= 0 and ends[k] > floor else floor
            start = max(start, p_start if pos >= p_start else before_start)
            found.append((start, pos))
            if start <= floor:
                break
            pos = start - 1
        return found


def _could_be_surname(word: str) -> bool:
    """False for a word that speaks only as a pronoun, a sentence opener, a date or a place
    ("Monday said", or a capital city said, is not a person's surname)."""
    low = word.lower()
    return not (
        low in lexicon.SENTENCE_STARTERS
        or low in lexicon.FUNCTION_WORDS
        or low in lexicon.TITLE_WORDS
        or low in lexicon.NON_PERSON_WORDS
        or low in lexicon.PLACE_PREFIXES
        or reference.is_calendar((word,))
        or reference.is_place((word,))
    )
