"""Speech cues around a quote: who said it, found from the words before and after it.

The patterns run on the text with every quote blanked out ("_"), so a window never sees
words or sentence ends that belong to a quote.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from annotator.suggest import lexicon
from annotator.suggest.names import CAP, NAME


def _alternation(words: frozenset[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_VERB = rf"(?i:{_alternation(lexicon.SPEECH_VERBS)})\b"
_LABEL = rf"(?i:{_alternation(lexicon.LABEL_VERBS)})\b"
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
_SUBJ = rf"(?P<subj>{_PRON}|(?:{_ROLE_BEFORE_NAME})?{NAME}|{_ROLE_PHRASE})"
_APPOS = r"(?:,\s+[^,_\n]{2,80}?,)"
_AUX = r"(?:(?:also|later|then|again|once|has|had|have|would|will|is|was|were|\p{Ll}+ly)\s+){0,2}"
_LEAD = r"\s*[,;]?\s*(?:[—–-]+\s*)?"

AFTER_SUBJECT_VERB = regex.compile(rf"{_LEAD}{_SUBJ}{_APPOS}?\s+{_AUX}(?P<verb>{_VERB})")
AFTER_VERB_SUBJECT = regex.compile(
    rf"{_LEAD}(?:\p{{Ll}}+ly\s+)?(?P<verb>{_VERB})\s+(?:\p{{Ll}}+ly\s+)?{_SUBJ}"
)
AFTER_ACCORDING = regex.compile(rf"{_LEAD}(?P<verb>according\s+to)\s+{_SUBJ}")
BEFORE_SUBJECT_VERB = regex.compile(
    rf"{_SUBJ}(?:{_APPOS}|,\s+who)?\s+{_AUX}(?P<verb>{_VERB})(?:\s+[^,:;_.!?\n]{{1,60}}?)?\s*[,:]?\s*$"
)
BEFORE_VERB_SUBJECT = regex.compile(rf"(?<![\p{{L}}])(?P<verb>{_VERB})\s+{_SUBJ}\s*[,:]\s*$")
BEFORE_ACCORDING = regex.compile(rf"(?P<verb>[Aa]ccording\s+to)\s+{_SUBJ}\s*[,:]?\s*$")
SENTENCE_SUBJECT_VERB = regex.compile(
    rf"{_SUBJ}(?:{_APPOS}|,\s+who)?\s+{_AUX}(?P<verb>{_VERB}|{_LABEL}|according\s+to)"
)
SENTENCE_ACCORDING = regex.compile(rf"(?P<verb>[Aa]ccording\s+to)\s+{_SUBJ}")
_SENTENCE_END = regex.compile(r"[.!?…]+[”’\"»)\]]*(?:\s+|$)")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$")


@dataclass(frozen=True)
class Cue:
    """A speech cue: the subject's surface and position, the verb, and where it was found."""

    place: str  # "after", "before", "sentence"
    subject: str
    subject_start: int
    verb: str


def _cue(place: str, m: regex.Match[str], offset: int) -> Cue:
    verb = " ".join(m.group("verb").lower().split())
    return Cue(place, m.group("subj"), offset + m.start("subj"), verb)


def sentence_ends(masked: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence end in masked[start:end] (abbreviations skipped)."""
    ends: list[int] = []
    for m in _SENTENCE_END.finditer(masked, start, end):
        if m.group().startswith(".") and m.end() > m.start():
            word = _WORD_BEFORE.search(masked, max(start, m.start() - 12), m.start() + 1)
            if word and (word.group(1).lower() in lexicon.ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        ends.append(m.end())
    return ends


def after_cue(masked: str, start: int, end: int) -> tuple[Cue | None, bool]:
    """A cue right after a quote ("…,” she said"); also whether that clause ends in a colon."""
    ends = sentence_ends(masked, start, end)
    stop = ends[0] if ends else end
    for pattern in (AFTER_SUBJECT_VERB, AFTER_VERB_SUBJECT, AFTER_ACCORDING):
        m = pattern.match(masked, start, stop)
        if m:
            clause = masked[start:stop].rstrip()
            return _cue("after", m, 0), clause.endswith(":")
    return None, False


def before_cue(masked: str, start: int, end: int) -> Cue | None:
    """A cue right before a quote ("She warned: “…", "said Truss, “…")."""
    for pattern in (BEFORE_SUBJECT_VERB, BEFORE_VERB_SUBJECT, BEFORE_ACCORDING):
        m = pattern.search(masked, start, end)
        if m:
            return _cue("before", m, 0)
    return None


def sentence_cue(masked: str, start: int, end: int) -> Cue | None:
    """The last subject + speech verb earlier in the quote's sentence ("who said it was “…")."""
    last = None
    for m in SENTENCE_SUBJECT_VERB.finditer(masked, start, end):
        last = m
    if last is None:
        last = SENTENCE_ACCORDING.search(masked, start, end)
    return _cue("sentence", last, 0) if last else None


def sentence_start(masked: str, start: int, end: int) -> int:
    """Start of the sentence that contains position `end` (not before `start`)."""
    ends = sentence_ends(masked, start, end)
    return ends[-1] if ends else start
