"""Speech cues around a quote: who said it, found from the words before and after it.

The patterns run on the text with every quote blanked out ("_"), so a window never sees
words or sentence ends that belong to a quote.
"""

from __future__ import annotations

import bisect
import re
import string
from typing import Any, NamedTuple

import regex

from annotator.suggest import lexicon
from annotator.suggest.names import CAP, NAME
from annotator.suggest.stdlib_rx import Dual, needs_regex, plain

# Verbs that, capitalised, are mostly part of a name ("Secretary of State", "the Morning Post").
_NAME_WORDS = frozenset(("state", "states", "post", "posts", "note", "notes", "charge"))


def _alternation(words: frozenset[str], capitalised: bool = False) -> str:
    forms = set(words)
    if capitalised:
        forms |= {w.capitalize() for w in words - _NAME_WORDS}
    return lexicon.trie_pattern(sorted(forms))


_VERB = rf"{_alternation(lexicon.SPEECH_VERBS, True)}\b"
_LABEL = rf"{_alternation(lexicon.LABEL_VERBS, True)}\b"
_ROLE = rf"(?:{_alternation(lexicon.ROLE_NOUNS)})s?\b"
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey)\b"
_DET = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
_ROLE_BEFORE_NAME = (
    rf"(?:{_DET}\s+)?(?:{CAP}\s+){{0,3}}(?:\p{{Ll}}[\p{{Ll}}\-]*\s+){{0,2}}{_ROLE},?\s+"
)
_ROLE_PHRASE = (
    rf"(?:{_DET}|{CAP}(?:’s|'s))\s+(?:[\p{{L}}\-]+\s+){{0,3}}?{_ROLE}"
    rf"(?:\s+(?:of|for|at|to|in|with)\s+(?:the\s+)?{CAP}(?:\s+{CAP})*)?"
)
_WORD_START = r"(?<![\p{L}\p{M}\d’'\-])"
_SUBJ = (
    rf"(?P<subj>{_WORD_START}(?:{_PRON}|{_ROLE_PHRASE}|(?:{_ROLE_BEFORE_NAME}|[Tt]he\s+)?{NAME}))"
)
_APPOS = r"(?P<appos>,\s+[^,_\n]{2,80}?,)"
_AUX = r"(?:(?:also|later|then|again|once|has|had|have|would|will|is|was|were|\p{Ll}+ly)\s+){0,2}"
_LEAD = r"\s*[,;]?\s*(?:[—–-]+\s*)?"

AFTER_SUBJECT_VERB = Dual(rf"{_LEAD}{_SUBJ}{_APPOS}?\s+{_AUX}(?P<verb>{_VERB})")
AFTER_VERB_SUBJECT = Dual(
    rf"{_LEAD}(?:\p{{Ll}}+ly\s+)?(?P<verb>{_VERB})\s+(?:\p{{Ll}}+ly\s+)?{_SUBJ}"
)
AFTER_ACCORDING = Dual(rf"{_LEAD}(?P<verb>according\s+to)\s+{_SUBJ}")
# A longer subject phrase than `_SUBJ` reads, to be resolved to the name or role it ends
# in: "said former Labour adviser Tom Ferris", "a spokesman for the campaign said".
_PHRASE = r"[\p{L}\p{M}\d’'\-\.&]+(?:\s+[\p{L}\p{M}\d’'\-\.&]+){0,7}?"
_PHRASE_END = (
    r"(?=\s*(?:[,.;:_\n—–()]|$)|\s+(?:in|on|at|during|after|before|when|while|as|to|with|"
    r"about|who|which|because|and|but|of\s+(?:the|a|an|his|her|its|their))\b)"
)
AFTER_VERB_PHRASE = Dual(
    rf"{_LEAD}(?:\p{{Ll}}+ly\s+)?(?P<verb>{_VERB})\s+(?P<subj>{_WORD_START}{_PHRASE}){_PHRASE_END}"
)
AFTER_PHRASE_VERB = Dual(
    rf"{_LEAD}(?P<subj>{_WORD_START}{_PHRASE}){_APPOS}?\s+{_AUX}(?P<verb>{_VERB})"
)
# A name or pronoun and any verb after a quote that ends mid-sentence ("“…,” Ellison shot back").
AFTER_NAME_ANY_VERB = Dual(
    rf"{_LEAD}(?P<subj>{_WORD_START}(?:{_PRON}|{NAME}))\s+(?:\p{{Ll}}+ly\s+)?"
    r"(?P<verb>(?!(?:and|or|but|who|which|of|in|on|at|for|to|with|from|is|was|were|are|has|have|"
    r"had|will|would|can|could|may|might|must|should|does|did|do|also|not)\b)\p{Ll}{2,})\b"
)
# A speech verb after the quote whose subject is not a name we can read ("said one voter").
AFTER_VERB_ONLY = Dual(rf"{_LEAD}(?P<subj>)(?:[\p{{L}}’'\-]+\s+){{0,4}}?(?P<verb>{_VERB})")
BEFORE_SUBJECT_VERB = Dual(
    rf"{_SUBJ}(?:{_APPOS}|,\s+who)?\s+{_AUX}(?P<verb>{_VERB})(?:\s+[^,:;_.!?\n]{{1,60}}?)?\s*[,:]?\s*$"
)
BEFORE_VERB_SUBJECT = Dual(rf"(?<![\p{{L}}])(?P<verb>{_VERB})\s+{_SUBJ}\s*[,:]\s*$")
# How `BEFORE_VERB_SUBJECT` must end: most texts before a quote do not, and this is found
# much faster than the whole pattern fails.
_COMMA_OR_COLON_END = Dual(r"[,:]\s*$")
# "Truss: “…" (headlines, transcripts) and "“…” — Jane Doe" (signed statements).
BEFORE_NAME_COLON = Dual(rf"\s*(?P<verb>)(?P<subj>{NAME})\s*:\s*$")
AFTER_DASH_NAME = Dual(rf"\s*[—–]+\s*(?P<verb>)(?P<subj>{NAME})\s*(?:,[^\n_]{{0,80}})?\s*$")
BEFORE_ACCORDING = Dual(rf"(?P<verb>[Aa]ccording\s+to)\s+{_SUBJ}\s*[,:]?\s*$")
SENTENCE_SUBJECT_VERB = Dual(
    rf"{_SUBJ}(?:{_APPOS}|,\s+who)?\s+{_AUX}(?P<verb>{_VERB}|{_LABEL}|according\s+to)"
)
SENTENCE_ACCORDING = Dual(rf"(?P<verb>[Aa]ccording\s+to)\s+{_SUBJ}")
# A verb before its subject after a comma, in reported speech ("Costs will rise, said Kerr").
SENTENCE_VERB_SUBJECT = Dual(rf",\s+(?P<verb>{_VERB})\s+{_SUBJ}")
_ABBREVIATION = "|".join(
    regex.escape(a) for a in sorted(lexicon.ABBREVIATIONS, key=lambda a: (-len(a), a))
)
# A sentence end: ! ? … or a full stop that does not close an abbreviation or an initial.
_SENTENCE_END = regex.compile(
    rf"(?:[!?…]|(?<!(?:^|[^\p{{L}}])(?i:{_ABBREVIATION}))(?<!(?:^|[^\p{{L}}])\p{{Lu}})\.)"
    r"[.!?…]*[”’\"»)\]]*(?:\s+|$)"
)
# The same without the look-behinds, for the stdlib engine, which scans for these marks
# much faster; a full stop it finds is then checked against the text before it. `regex`
# counts U+001C-U+001F as no whitespace, `re` does.
_END_MARKS_RX = re.compile(r"[!?….][.!?…]*[”’\"»)\]]*(?:[^\S\x1c-\x1f]+|$)")
# An abbreviation or a single capital ending a text (the part before a full stop).
_DOTTED_RX = regex.compile(rf"[^\p{{L}}](?:(?i:{_ABBREVIATION})|\p{{Lu}})\Z")
_DOTTED_AT_START_RX = regex.compile(rf"(?:^|[^\p{{L}}])(?:(?i:{_ABBREVIATION})|\p{{Lu}})\Z")
_DOTTED_REACH = max(map(len, lexicon.ABBREVIATIONS)) + 1
# Two lowercase ASCII letters that end no abbreviation: before a full stop, a sentence end.
_PLAIN_ENDINGS = frozenset(
    a + b for a in string.ascii_lowercase for b in string.ascii_lowercase
) - frozenset(a[-2:] for a in lexicon.ABBREVIATIONS)


def sentence_ends(masked: str) -> list[int]:
    """The end of every match of `_SENTENCE_END` in `masked`, found faster."""
    ends: list[int] = []
    append = ends.append
    pos = 0
    while True:
        for m in _END_MARKS_RX.finditer(masked, pos):
            at = m.start()
            if (
                masked[at] == "."
                and masked[at - 2 : at] not in _PLAIN_ENDINGS
                and _dotted(masked, at)
            ):
                pos = at + 1  # not an end: look again from the next character
                break
            append(m.end())
        else:
            return ends


def _dotted(text: str, at: int) -> bool:
    """True when text[:at] ends in an abbreviation or an initial (not a letter before)."""
    low = at - _DOTTED_REACH
    if low > 0:
        return _DOTTED_RX.search(text[low:at]) is not None
    return _DOTTED_AT_START_RX.search(text[:at]) is not None


# Any word that can carry a cue, to skip the slower patterns where none is near.
_CUE_FORMS = frozenset(
    f
    for w in lexicon.SPEECH_VERBS | lexicon.LABEL_VERBS | {"according"}
    for f in (w, w.capitalize())
    if f[0].islower() or w not in _NAME_WORDS
)
_EDGE_PUNCT = ",.;:!?()[]\"'“”‘’«»—–-_"


class Cue(NamedTuple):
    """A speech cue: the subject's surface and position, the verb, and where it was found."""

    place: str  # "after", "before", "sentence"
    subject: str
    subject_start: int
    verb: str
    apposition_start: int = -1
    apposition_end: int = -1


# Group numbers (subject, verb, apposition or 0) per pattern: `regex` looks group names
# up several times slower than numbers, and every cue reads four groups. Keyed by id: an
# `re` pattern hashes its whole compiled program, and the patterns live as long as this.
_GROUP_NUMBERS: dict[int, tuple[int, int, int]] = {}


def _cue(place: str, m: regex.Match[str], offset: int) -> Cue:
    numbers = _GROUP_NUMBERS.get(id(m.re))
    if numbers is None:
        index = m.re.groupindex
        numbers = _GROUP_NUMBERS[id(m.re)] = (index["subj"], index["verb"], index.get("appos", 0))
    subj, verb_group, appos_group = numbers
    verb = m.group(verb_group).lower()
    if " " in verb or "\n" in verb:
        verb = " ".join(verb.split())
    verb = verb or ("name:" if place == "before" else "—name")
    appos = m.span(appos_group) if appos_group and m.group(appos_group) else (-1, -1)
    return Cue(place, m.group(subj), offset + m.start(subj), verb, *appos)


# A capitalised word before a speech verb ("Marsh said", "Varga has said", "Marsh openly
# admitted"), in `re` with a plain class first: it skips to capitals fastest (a name with
# another initial is missed).
_BEFORE_VERB_RX = re.compile(
    rf"([A-Z][\w’'\-]*[a-z])\s+(?:[a-z]+ly\s+)?(?:(?:also|later|then|again|has|had|would|will)\s+)?"
    rf"(?:{lexicon.trie_pattern(sorted(lexicon.SPEECH_VERBS))})\b"
)


def speaking_words(masked: str) -> set[str]:
    """One-word names that are the subject of a speech verb somewhere in the text ("Marsh
    said"): someone's surname, though the text may never name them in full."""
    found: set[str] = set()
    for m in _BEFORE_VERB_RX.finditer(masked):
        at = m.start()
        if at and not masked[at - 1].isspace():
            continue  # inside a word, or after a hyphen or an apostrophe
        previous = masked[max(0, at - 30) : at].rsplit(None, 1)[-1:]
        if previous and previous[0][:1].isupper() and previous[0][-1] not in '.!?:”",;':
            continue  # the end of a longer name ("Helena Marsh said")
        found.add(m.group(1))
    return found


class CueIndex:
    """Sentence ends in one (masked) text, found in one pass, and cue-word look-ups."""

    def __init__(self, masked: str) -> None:
        self.masked = masked
        self.sentence_ends = sentence_ends(masked)
        self.plain = plain(masked)  # the faster `re` engine matches as `regex` on it
        # Letters beyond the BMP, on which `names.names_in` needs the `regex` engine too
        # (a plain text has none).
        self.beyond_bmp = not self.plain and needs_regex(masked)
        self._last_cue: dict[tuple[int, int], int] = {}

    def first_cue_word(self, start: int, end: int) -> tuple[int, str]:
        """Position and form of the first cue word in [start, end), or (-1, "")."""
        chunk = self.masked[start:end]
        for word in chunk.split():
            # No cue form has edge punctuation: a word is a cue when its stripped form is.
            bare = word.strip(_EDGE_PUNCT)
            if bare in _CUE_FORMS:
                return start + chunk.find(word), bare.lower()
        return -1, ""

    def last_cue_word(self, start: int, end: int) -> int:
        """Position of the last cue word in [start, end), or -1 (kept for the strategies
        that ask again about the same sentence)."""
        found = self._last_cue.get((start, end))
        if found is not None:
            return found
        found = -1
        chunk = self.masked[start:end]
        for word in reversed(chunk.split()):
            if word.strip(_EDGE_PUNCT) in _CUE_FORMS:
                found = start + chunk.rfind(word)
                break
        self._last_cue[start, end] = found
        return found

    def sentence_start(self, start: int, end: int) -> int:
        """Start of the sentence containing position `end`, not before `start`."""
        k = bisect.bisect_right(self.sentence_ends, end) - 1
        return self.sentence_ends[k] if k >= 0 and self.sentence_ends[k] > start else start

    def sentence_end(self, start: int, end: int) -> int:
        """End of the first sentence after `start`, not after `end`."""
        k = bisect.bisect_right(self.sentence_ends, start)
        found = self.sentence_ends[k] if k < len(self.sentence_ends) else end
        return min(found, end)


# After these verbs a name is who was spoken to, never the speaker ("told the BBC: “…").
_ADDRESS_VERBS = frozenset(("told", "tell", "tells", "telling"))


def _addressee(m: Any) -> bool:
    """True when a verb-then-subject match has the listener as its "subject"."""
    return m.group("verb").lower() in _ADDRESS_VERBS


# The patterns `after_cue` tries, in order, by what comes before the first cue word and
# whether a longer subject phrase is read (each ends with `AFTER_VERB_ONLY`).
_AFTER_PATTERNS: dict[tuple[str, bool], tuple[Dual, ...]] = {
    ("according", False): (AFTER_ACCORDING, AFTER_VERB_ONLY),
    ("according", True): (AFTER_ACCORDING, AFTER_VERB_PHRASE, AFTER_PHRASE_VERB, AFTER_VERB_ONLY),
    ("verb first", False): (AFTER_VERB_SUBJECT, AFTER_SUBJECT_VERB, AFTER_VERB_ONLY),
    ("verb first", True): (
        *(AFTER_VERB_PHRASE, AFTER_VERB_SUBJECT, AFTER_SUBJECT_VERB),
        *(AFTER_VERB_PHRASE, AFTER_PHRASE_VERB, AFTER_VERB_ONLY),
    ),
    ("subject first", False): (AFTER_SUBJECT_VERB, AFTER_VERB_SUBJECT, AFTER_VERB_ONLY),
    ("subject first", True): (
        *(AFTER_SUBJECT_VERB, AFTER_VERB_SUBJECT),
        *(AFTER_VERB_PHRASE, AFTER_PHRASE_VERB, AFTER_VERB_ONLY),
    ),
}
_VERB_THEN_SUBJECT = (AFTER_VERB_SUBJECT, AFTER_VERB_PHRASE)


def after_cue(
    index: CueIndex, start: int, end: int, phrases: bool = False
) -> tuple[Cue | None, bool]:
    """A cue right after a quote ("…,” she said"); also whether that clause ends in a colon.

    With `phrases` (after a comma, where an attribution is expected) the subject may be a
    longer phrase ending in a name or role ("said former Labour adviser Tom Ferris")."""
    masked = index.masked
    stop = index.sentence_end(start, end)
    if masked[start : start + 3].lstrip()[:1] in ("—", "–"):
        m = AFTER_DASH_NAME.on(index.plain).match(masked, start, end)
        if m:
            return _cue("after", m, 0), False
    verb, word = index.first_cue_word(start, min(stop, start + 160))
    if verb < 0:
        return None, False
    if word == "according":
        kind = "according"
    elif not masked[start:verb].strip(" ,;—–-\n"):
        # After a comma, the whole phrase up to the clause's end: "said NPLA executive
        # Director Ines Halvorsen" is Halvorsen, not the NPLA.
        kind = "verb first"
    else:
        kind = "subject first"
    plain = index.plain
    for pattern in _AFTER_PATTERNS[kind, phrases]:
        m = (pattern.std if plain else pattern.rx).match(masked, start, stop)
        if m is None:
            continue
        if pattern in _VERB_THEN_SUBJECT and _addressee(m):
            continue
        colon = pattern is not AFTER_VERB_ONLY and masked[start:stop].rstrip().endswith(":")
        return _cue("after", m, 0), colon
    return None, False


def after_clause(index: CueIndex, start: int, end: int) -> Cue | None:
    """A name or pronoun and any verb right after a quote ("“…,” Ellison shot back")."""
    m = AFTER_NAME_ANY_VERB.on(index.plain).match(index.masked, start, end)
    if m is None or m.group("subj").endswith(("’s", "'s", "s’", "s'")):
        return None
    return _cue("after", m, 0)


def before_cue(index: CueIndex, start: int, end: int) -> Cue | None:
    """A cue right before a quote ("She warned: “…", "said Truss, “…")."""
    masked, plain = index.masked, index.plain
    verb, word = index.first_cue_word(max(start, end - 90), end)
    if verb < 0:
        # After another quote in the sentence: "Marsh: “…” Varga: “…"
        start = max(start, masked.rfind("_", start, end) + 1)
        m = (BEFORE_NAME_COLON.std if plain else BEFORE_NAME_COLON.rx).fullmatch(masked, start, end)
        return _cue("before", m, 0) if m else None
    # Each pattern below ends where the quote starts and can hold no "_": a match starts
    # after the last quote blanked out before this one, and the engine need not try each
    # position of that quote ("‘…,’ she added, ‘…’").
    window = max(start, verb - 160, masked.rfind("_", start, end) + 1)
    if word == "according":
        m = (BEFORE_ACCORDING.std if plain else BEFORE_ACCORDING.rx).search(masked, window, end)
        return _cue("before", m, 0) if m else None
    m = (BEFORE_SUBJECT_VERB.std if plain else BEFORE_SUBJECT_VERB.rx).search(masked, window, end)
    if m:
        return None if _possessor(m) else _cue("before", m, 0)
    ending = _COMMA_OR_COLON_END.std if plain else _COMMA_OR_COLON_END.rx
    if not ending.search(masked, window, end):
        return None
    m = (BEFORE_VERB_SUBJECT.std if plain else BEFORE_VERB_SUBJECT.rx).search(masked, window, end)
    return _cue("before", m, 0) if m and not _addressee(m) else None


_POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")


def _possessor(m: regex.Match[str]) -> bool:
    """True when a subject-then-verb match is a possessor and a noun ("calling Marsh’s
    charge “…”", "Varga’s claim that … is “…”"): no one speaks in it."""
    subject = m.group("subj")
    return subject.endswith(_POSSESSIVE_ENDINGS) and m.end("subj") + 1 == m.start("verb")


def sentence_cue(index: CueIndex, start: int, end: int) -> Cue | None:
    """The last subject + speech verb earlier in the quote's sentence ("who said it was “…")."""
    verb = index.last_cue_word(start, end)
    if verb < 0:
        return None
    window = max(start, verb - 400)
    last = None
    for m in SENTENCE_SUBJECT_VERB.on(index.plain).finditer(index.masked, window, end):
        if not _possessor(m):
            last = m
    if last is None:
        last = SENTENCE_ACCORDING.on(index.plain).search(index.masked, window, end)
    return _cue("sentence", last, 0) if last else None


def first_sentence_cue(index: CueIndex, start: int, end: int) -> Cue | None:
    """The first subject + speech verb in text[start:end]: the sentence's own cue, not one
    in the speech it reports ("Marsh said Varga told her …" is Marsh's), else one with its
    verb first after a comma ("Costs will rise, said Kerr")."""
    verb, _ = index.first_cue_word(start, end)
    if verb < 0:
        return None
    m = SENTENCE_SUBJECT_VERB.on(index.plain).search(index.masked, max(start, verb - 400), end)
    m = m or SENTENCE_ACCORDING.on(index.plain).search(index.masked, start, end)
    m = m or SENTENCE_VERB_SUBJECT.on(index.plain).search(index.masked, start, end)
    return _cue("sentence", m, 0) if m else None
