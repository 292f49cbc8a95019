"""The suggestion pipeline: quotes, then speakers, then tone and device hints."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.suggest import cues, lexicon, names
from annotator.suggest.hints import hints_for
from annotator.suggest.lexicon import words
from annotator.suggest.model import Suggestion
from annotator.suggest.quotes import QuoteSpan, find_quotes, paragraphs
from annotator.suggest.speakers import Cast, Person

_SMALL_WORDS = words("a an the of and or in on at to for by with from vs")
_SIGNATURE_RX = re.compile(r"\s*[—–-]+\s*(?P<name>[^(@\n]{2,60}?)\s*\(@\w+\)")
_DETERMINERS = words("the a an one another his her their its")
_INDEFINITE = words("a an one another")
# Roles under which news quotes people it does not name ("one Western official said").
_SOURCE_ROLES = words(
    "official diplomat source aide adviser advisor insider negotiator spokesman "
    "spokeswoman spokesperson officer envoy minister lawmaker strategist "
    "reporter journalist resident voter witness protester trader user"  # a vox pop
)
_RANK_WORDS = words("senior top high-ranking high-level junior leading")
_SOURCE_LINKS = words("for of at from in with")  # "a spokeswoman for the ministry"
_UNNAMED_SUBJECT_RX = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-]+\s+){0,2}?(?:"
    + "|".join(sorted(_SOURCE_ROLES, key=lambda w: (-len(w), w)))
    + r")\b(?:\s+(?:for|of|at)\s+the\s+[\w\-’']+|\s+(?:for|of|at|from)\s+[A-Z][\w\-’']*)?"
)
_CONJUNCTIONS = words("and but so yet still")
# A document as the subject of a speech verb: "the statement said", "the letter added".
_DOCUMENT_RX = re.compile(
    r"(?:the|that|this|its|their)\s+(statement|letter|report|post|note|message)"
)
# The last word of an institution that speaks in the news ("the Home Office said").
_INSTITUTIONS = words(
    "office commission ministry department council house government agency embassy court "
    "police committee inspectorate authority board parliament assembly secretariat bank "
    "administration cabinet presidency directorate service"
)
# What comes right before the title of a work: "a report titled “…”", "his memoir, “…”".
_WORK_BEFORE_RX = re.compile(
    r"(?:\b(titled|entitled|headlined)|\b(?:book|memoir|report|novel|film|documentary|album|"
    r"song|play|programme|program|show|series|essay|column|podcast|slogan|motto),?)\s*\Z",
    re.IGNORECASE,
)
_OBJECT_MARKERS = words("told tell tells telling to with by about from for against on at of met")
_WINDOW = 400
_PLACES = {"after": "after the quote", "before": "before the quote"}


@dataclass
class _Attribution:
    person: Person | None
    confidence: float
    why: list[str]
    cued: bool


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
    return _Pipeline(text, paras, spans, Cast(known_speakers)).run()


def _mask(text: str, spans: list[QuoteSpan]) -> str:
    parts: list[str] = []
    pos = 0
    for q in spans:
        parts.append(text[pos : q.start])
        parts.append("_" * (q.end - q.start))
        pos = q.end
    parts.append(text[pos:])
    return "".join(parts)


class _Pipeline:
    def __init__(
        self, text: str, paras: list[tuple[int, int]], spans: list[QuoteSpan], cast: Cast
    ) -> None:
        self.text = text
        self.masked = _mask(text, spans)
        self.paras = paras
        self.para_starts = [p[0] for p in paras]
        self.spans = spans
        self.cast = cast
        self.last: tuple[Person, int] | None = None
        self.speakers: list[Person | None] = []
        self._place = ""
        self.index = cues.CueIndex(self.masked)
        self._parsed: dict[str, list[names.ParsedName]] = {}
        self._named: dict[tuple[str, ...], Person] = {}
        surnames = None if cast.known else cast.surnames
        for name in names.names_in(self.masked, 0, len(self.masked), surnames):
            person = cast.add(name)
            if person is not None:
                person.titles |= names.apposition_roles(self.masked, name.end)
                person.titles |= names.leading_roles(self.masked, name.start)

    def run(self) -> list[Suggestion]:
        found: list[Suggestion] = []
        for i, q in enumerate(self.spans):
            attribution = self.attribute(i)
            self.speakers.append(attribution.person if attribution else None)
            if attribution is None:
                continue
            person = attribution.person
            if person is not None:
                self.last = (person, self._para_of(q.start))
            quote = self.text[q.start : q.end]
            tone, devices, hints = hints_for(quote)
            found.append(
                Suggestion(
                    start=q.start,
                    end=q.end,
                    quote=quote,
                    speaker=person.name if person else None,
                    speaker_mentions=tuple(person.mentions) if person else (),
                    tone=tone,
                    devices=devices,
                    confidence=round(max(0.05, min(0.99, attribution.confidence)), 2),
                    why="; ".join(attribution.why),
                    hints=hints,
                )
            )
        return found

    def _para_of(self, at: int) -> int:
        k = bisect.bisect_right(self.para_starts, at) - 1
        return k if k > 0 else 0

    # attribution ----------------------------------------------------------------------
    def attribute(self, i: int) -> _Attribution | None:
        """Speaker and confidence for quote i; None when it should not be suggested."""
        q = self.spans[i]
        words = self.text[q.start + 1 : q.end - 1].split()
        first_para = self._para_of(q.start)
        p_start = self.paras[first_para][0]
        p_end = self.paras[self._para_of(max(q.start, q.end - 1))][1]
        why = [q.style]
        if q.paragraphs > 1:
            why.append(f"runs over {q.paragraphs} paragraphs")
        if not q.closed:
            why.append("no closing mark: taken to the paragraph end")
        self._place = ""
        found = self._cue_speaker(q, p_start, p_end, why)
        if found is None:
            found = self._context_speaker(i, first_para, why)
        short = len(words) <= 3
        # Only a short quote or one without a speaker can be dismissed as a title.
        title_like = (
            bool(words)
            and (found is None or len(words) <= 6)
            and all(w[0].isupper() or w in _SMALL_WORDS or not w[0].isalpha() for w in words)
        )
        if not words or (found is None and (short or title_like)):
            return None
        introduced = _WORK_BEFORE_RX.search(self.masked, max(p_start, q.start - 40), q.start)
        if introduced and (title_like or introduced.group(1)):
            return None  # the name of a report, book or show: “…”, not speech
        if title_like and len(words) <= 6 and self._place != "after":
            return None  # a title or a name in quotes, mentioned in passing
        if found is None:
            why.append("no speaker found")
            return _Attribution(None, 0.4 if q.closed else 0.25, why, False)
        person, confidence = found
        if short and self._place not in ("after", "before"):
            why.append("short partial quote")
            confidence *= 0.6
        if not q.closed:
            confidence *= 0.7
        if person is None:
            confidence = min(confidence * 0.5, 0.45)
        return _Attribution(person, confidence, why, True)

    def _cue_speaker(
        self, q: QuoteSpan, p_start: int, p_end: int, why: list[str]
    ) -> tuple[Person | None, float] | None:
        masked = self.masked
        after, after_colon = cues.after_cue(self.index, q.end, min(p_end, q.end + 300))
        inside = self.text[q.end - 2 : q.end - 1] if q.closed and q.end - q.start > 2 else ""
        comma = inside in (",", "?", "!", "—", "–", "-", "…") or masked[q.end : q.end + 1] == ","
        before, tail = None, q.start
        if not (after and comma and not after_colon):
            tail = self.index.sentence_start(max(p_start, q.start - _WINDOW), q.start)
            before = cues.before_cue(self.index, tail, q.start)
        if after and (comma or not before) and not after_colon:
            cue, base = after, (0.95 if comma else 0.8)
        elif before:
            cue, base = before, 0.9
        elif after:
            cue, base = after, 0.6
        else:
            sentence = cues.sentence_cue(self.index, tail, q.start)
            if sentence is None:
                return self._subject_speaker(tail, q.start, why)
            cue, base = sentence, 0.75
        self._place = cue.place
        if cue.verb == "name:":
            why.append("name and colon before the quote")
        elif cue.verb == "—name":
            why.append("dash and name after the quote")
        else:
            why.append(f'"{cue.verb}" {_PLACES.get(cue.place, "earlier in the sentence")}')
        person, factor = self._resolve(cue, why)
        if person is None and not cue.subject.strip() and cue.place == "after":
            # "… called the plan “a fiasco” and said …": the sentence's subject spoke;
            # "“…,” one user wrote": an unnamed source the cue patterns do not know.
            start = self.index.sentence_start(max(p_start, q.start - _WINDOW), q.start)
            found = self._sentence_speaker(start, q.start) if start < q.start else None
            reason = f"{found.name} is the subject of the sentence" if found else ""
            rest = q.end
            while rest < p_end and self.masked[rest] in " ,—–-":
                rest += 1
            if found is None:
                found = self._unnamed_subject(rest, min(p_end, rest + 80))
                reason = f'unnamed source: "{found.name}"' if found else ""
            document = _DOCUMENT_RX.match(self.masked, rest, min(p_end, rest + 30))
            if found is None and document:  # "the statement said": whoever issued it
                found = self._issuer(document.group(1), rest)
                reason = f'"{document.group()}" is by {found.name}' if found else ""
            if found is not None:
                why[-1] = reason
                return found, base * 0.85
        return person, base * factor

    def _subject_speaker(
        self, start: int, end: int, why: list[str]
    ) -> tuple[Person | None, float] | None:
        """The subject of the quote's sentence, when the sentence has a speech verb or ends
        in a colon before the quote but no pattern reads a cue from it ("Brandt declined to
        comment, but told business leaders that “…”", "he set it out plainly: “…”")."""
        verb = self.index.last_cue_word(start, end)
        colon = self.masked[start:end].rstrip().endswith(":")
        if verb < 0 and not colon:
            return None
        person = self._sentence_speaker(start, end)
        if person is None:
            return None
        word = self.masked[verb:end].split(None, 1)[0].strip(",;:") if verb >= 0 else ""
        cue = f'with "{word}"' if word else "ending in a colon"
        why.append(f"{person.name} is the subject of the sentence {cue}")
        self._place = "sentence"
        return person, 0.6

    def _resolve(self, cue: cues.Cue, why: list[str]) -> tuple[Person | None, float]:
        subject = cue.subject.strip().rstrip(",")
        low = subject.lower()
        at = cue.subject_start
        if not subject:
            why.append("speaker not named")
            return None, 1.0
        if low in lexicon.PRONOUNS:
            gender = lexicon.PRONOUNS[low]
            if gender is None:
                why.append(f'"{subject}" not resolved to one person')
                return None, 1.0
            continuation = cue.verb in lexicon.CONTINUATION_VERBS
            person = self._pronoun_referent(at, gender, continuation)
            if person is None:
                why.append(f'"{subject}" not resolved')
                return None, 1.0
            why.append(f'"{subject}" resolved to {person.name}')
            return person, 0.88 if person.gender == gender else 0.8
        first = low.split()[0] if low.split() else ""
        parsed = self._parsed.get(subject)
        if parsed is None:
            found = names.names_in_phrase(self.masked, at, at + len(subject))
            parsed = [n for n in found if n.tokens]
            self._parsed[subject] = parsed
        role_words = [w for w in low.split() if w in lexicon.ROLE_NOUNS and w in subject]
        if role_words and first in _INDEFINITE:  # a new, unnamed person: never an earlier one
            named = self._apposition_name(cue, at, subject, why)  # "A rival, Jo Bloggs, said"
            return named or self._unnamed_source(subject, at, why)
        if not parsed or (role_words and (first in _DETERMINERS or _is_role_phrase(subject))):
            named = self._apposition_name(cue, at, subject, why)  # "the chancellor, Jo Bloggs,"
            if named is not None:
                return named
            person = self.cast.resolve_role(re.findall(r"[\w\-]+", low), at)
            if (
                person is None
                and role_words
                and role_words[-1] in _SOURCE_ROLES
                and first in _DETERMINERS
            ):
                # "the prime minister’s official spokesman said", never named in the text
                return self._unnamed_source(subject, at, why)
            if person is None:
                why.append(f'"{subject}" not linked to a name')
                return None, 1.0
            why.append(f'"{subject}" resolved to {person.name}')
            return person, 0.85
        name = parsed[-1]
        if not name.person and not name.titles and len(name.tokens) > 3:
            return None, 1.0
        if len(name.tokens) == 1 and (
            len(name.tokens[0].rstrip(".")) < 2 or name.tokens[0].lower() in _DETERMINERS
        ):
            why.append(f'"{subject}" is not a name')  # the "S." of "U.S. says"
            return None, 1.0
        if not name.person and name.tokens[-1].lower() in _INSTITUTIONS:
            return self._institution(subject, at)
        known = self.cast.lookup(name.tokens, at) if len(name.tokens) < 2 else None
        known = known or self._named.get(name.tokens) or self.cast.lookup(name.tokens, at)
        person = known or self.cast.create_from(name.tokens, name.surface, at)
        if len(name.tokens) >= 2:
            self._named[name.tokens] = person  # a full name always means the same person
        if " ".join(name.tokens) != person.name:
            why.append(f'"{name.surface}" is {person.name}')
            return person, 0.95
        return person, 1.0

    def _issuer(self, noun: str, at: int) -> Person | None:
        """Who issued the statement (report, letter, post) that "the statement" at `at`
        refers to: the subject of the latest sentence before it, in this paragraph or the
        two before, that mentions one ("The White House said in a statement that ...")."""
        para = self._para_of(at)
        floor = self.paras[max(0, para - 2)][0]
        found = self.masked.rfind(noun, floor, at)
        while found >= 0:
            start = self.index.sentence_start(floor, found)
            start = max(start, self.paras[self._para_of(found)][0])
            if self.index.last_cue_word(start, found) >= 0 or "issued" in self.masked[start:found]:
                issuer = self._subject_of(start, found) or self._institution_at(start, found)
                if issuer is not None:
                    return issuer
            found = self.masked.rfind(noun, floor, start)
        return None

    def _institution_at(self, start: int, end: int) -> Person | None:
        """An institution opening the sentence text[start:end] ("The White House said")."""
        at, _ = self._subject_start(start, end)
        name = next(iter(names.names_in(self.masked, at, end)), None)
        if name is None or name.person or name.start > at + 4:
            return None
        if name.tokens[-1].lower() not in _INSTITUTIONS:
            return None
        surface = self.masked[at : name.end]
        return self._institution(surface, at)[0]

    def _institution(self, subject: str, at: int) -> tuple[Person | None, float]:
        """An institution speaking under its full name: "the Foreign Office said" is not the
        "Home Office", "the Ministry of Defence" not just a "Ministry"."""
        words = [w.strip(",") for w in subject.split()]
        if words and words[0].lower() == "the":
            words = words[1:]
        if not 1 <= len(words) <= 6:
            return None, 1.0
        tokens = tuple(words)
        person = self._named.get(tokens) or self.cast.create_from(tokens, " ".join(words), at)
        self._named[tokens] = person
        return person, 0.9

    def _apposition_name(
        self, cue: cues.Cue, at: int, subject: str, why: list[str]
    ) -> tuple[Person, float] | None:
        """The person named in the cue's apposition ("the chancellor, Jo Bloggs, said")."""
        if cue.apposition_start < 0:
            return None
        inner = names.names_in(self.masked, cue.apposition_start, cue.apposition_end)
        parsed = [n for n in inner if n.person]
        person = self.cast.lookup(parsed[0].tokens, at) if parsed else None
        if person is None:
            return None
        why.append(f'"{subject}, {parsed[0].surface}" is {person.name}')
        return person, 0.95

    def _subject_start(self, start: int, end: int) -> tuple[int, str]:
        """Where the subject of the sentence text[start:end] starts, and its first word
        (lowercase): after a conjunction ("But he ...") and a leading clause ("Asked about
        Whitaker, Ruiz laughed", "In Paris, Roque said")."""
        masked = self.masked
        words = masked[start:end].split(None, 2)
        first = words[0].lower().strip(",") if words else ""
        if first in _CONJUNCTIONS and len(words) > 1:
            start = masked.find(words[1], start, end)
            words = words[1:]
            first = words[0].lower().strip(",")
        participle = first.endswith(("ed", "ing")) and len(words) > 1
        if participle:  # "Speaking in Paris," but not "Vehling, 58,"
            at = masked.find(words[0], start, end)
            participle = self.cast.first_mention(at, at + 1) is None
        if first in lexicon.CLAUSE_OPENERS or participle:
            comma = masked.find(",", start, end)
            if comma >= 0:
                start = comma + 1
                words = masked[start:end].split(None, 1)
                first = words[0].lower() if words else ""
        if words:
            start = masked.find(words[0], start, end)
        return start, first

    def _subject_of(self, start: int, end: int, unnamed: bool = False) -> Person | None:
        """The person a sentence (text[start:end]) is about: the first one it names, or
        with `unnamed` an unnamed source opening it; None when a pronoun is its subject
        ("She said she would meet Demirel")."""
        start, first = self._subject_start(start, end)
        if first in lexicon.PRONOUNS:
            return None
        named = self._first_named(start, end)
        return named if named or not unnamed else self._unnamed_subject(start, end)

    def _first_named(self, start: int, end: int) -> Person | None:
        """The first person named in [start, end) other than as an object: not after
        "told", "to", "with" ... ("Another trader told the Echo: “…" is not the Echo's)."""
        for at, person in self.cast.mentions_between(start, end):
            before = self.masked[max(start, at - 20) : at].split()
            if before and before[-1].lower() == "the":
                before.pop()
            if before and before[-1].lower().strip(",") in _OBJECT_MARKERS:
                continue
            if not self._possessive_at(at):
                return person
        return None

    def _sentence_speaker(self, start: int, end: int) -> Person | None:
        """Who the sentence text[start:end] is about, named or as "he"/"she": the likely
        speaker of a quote in it when no cue names one."""
        at, first = self._subject_start(start, end)
        if first not in lexicon.PRONOUNS:
            return self._unnamed_subject(at, end) or self._first_named(at, end)
        gender = lexicon.PRONOUNS[first]
        return None if gender is None else self._pronoun_referent(at, gender, False)

    def _pronoun_referent(self, at: int, gender: str, continuation: bool) -> Person | None:
        """Who "he" or "she" at `at` is: the subject of the sentences just before, unless
        its gender is unknown and someone of the right gender was named as close by."""
        last = self.last[0] if self.last and self._para_of(at) - self.last[1] <= 3 else None
        salient = self._salient(at)
        if salient is not None and salient.gender is None:
            since = self.paras[max(0, self._para_of(at) - 1)][0]
            if any(p.gender == gender for _, p in self.cast.mentions_between(since, at)):
                salient = None
        return self.cast.resolve_pronoun(at, gender, last, continuation, salient)

    def _last_subject(self, start: int, end: int) -> Person | None:
        """The subject of the last sentence in [start, end) that has one: "Lavrov shook his
        head." names a new speaker, "Truss told the BBC." does not name the BBC."""
        found = None
        pos = start
        while pos < end:
            stop = self.index.sentence_end(pos, end)
            if stop <= pos:
                break
            found = self._subject_of(pos, stop) or found
            pos = stop
        return found

    def _possessive_at(self, at: int) -> bool:
        """True when the name at `at` is a possessor ("The Liberal Democrats’ spokesperson,
        Fenella Hart", "Russia’s minister"): the sentence is about someone else."""
        for word in self.masked[at : at + 60].split(",", 1)[0].split():
            if not word[:1].isupper():
                return False
            if word.endswith(("’s", "'s", "s’", "s'")):
                return True
        return False

    def _salient(self, at: int) -> Person | None:
        """The subject of the nearest sentence naming someone before `at`, looking back no
        further than the previous paragraph and three sentences: who "he" or "she" means."""
        para = self._para_of(at)
        floor = self.paras[para - 1][0] if para > 0 else 0
        pos = at
        for _ in range(3):
            start = self.index.sentence_start(floor, pos)
            start = max(start, self.paras[self._para_of(pos)][0])  # a paragraph ends one
            person = self._subject_of(start, pos, unnamed=True)
            if person is not None or start <= floor:
                return person
            pos = start - 1
        return None

    def _unnamed_source(self, subject: str, at: int, why: list[str]) -> tuple[Person | None, float]:
        """A descriptive speaker for an anonymous source: "one Western official" -> "Western
        official", "a spokeswoman for the ministry" -> "spokeswoman for the ministry", "one
        diplomat" -> "unnamed diplomat"; None when news does not quote that role unnamed."""
        words = re.findall(r"[\w\-’']+", subject)[1:]
        cut = next((k for k, w in enumerate(words) if w.lower() in _SOURCE_LINKS), len(words))
        head = [w for w in words[:cut] if w.lower() not in _RANK_WORDS]
        role = head[-1].lower() if head else ""
        if role not in _SOURCE_ROLES or len(head) > 4 or len(words) - cut > 4:
            why.append(f'"{subject}" is not named')
            return None, 1.0
        tokens = (*head[:-1], role, *words[cut:])
        if len(tokens) == 1:
            tokens = ("unnamed", role)
        person = self.cast.create_from(tokens, subject, at)
        person.titles.add(role)
        why.append(f'unnamed source: "{subject}"')
        return person, 0.5

    def _unnamed_subject(self, start: int, end: int) -> Person | None:
        """An unnamed source opening a sentence: "A senior official involved in the talks
        said the side had “…”", "One diplomat told reporters that “…”"."""
        m = _UNNAMED_SUBJECT_RX.match(self.masked, start, end)
        if not m:
            return None
        return self._unnamed_source(m.group(), m.start(), [])[0]

    def _context_speaker(
        self, i: int, para: int, why: list[str]
    ) -> tuple[Person | None, float] | None:
        """Speaker from the surrounding text when the quote has no cue of its own."""
        q = self.spans[i]
        p_start, p_end = self.paras[para]
        masked = self.masked
        if i > 0 and self.spans[i - 1].end > p_start and self.speakers[i - 1] is not None:
            previous = self.speakers[i - 1]
            other = self._last_subject(self.spans[i - 1].end, q.start)
            if other is not None and other is not previous:
                why.append(f"{other.name} named between the quotes")
                return other, 0.55
            why.append(f"continues the quote before it ({previous.name if previous else ''})")
            return previous, 0.8
        signature = self._signature_after(q)
        if signature:
            person = self.cast.create_from(signature, " ".join(signature), q.start)
            why.append(f"embedded post signed {person.name}")
            return person, 0.7
        if masked[p_start : q.start].strip():
            return self._reported_speech_before(q, p_start, why)
        if para == 0:
            return None
        prev_start, prev_end = self.paras[para - 1]
        prev_text = masked[prev_start:prev_end].rstrip()
        sentence = self.index.sentence_start(max(prev_start, prev_end - _WINDOW), prev_end)
        if prev_text.endswith(":"):
            cue = cues.sentence_cue(self.index, sentence, prev_end)
            if cue is not None:
                why.append(f'"{cue.verb}" before the colon ending the paragraph before')
                found, factor = self._resolve(cue, why)
                return found, 0.75 * factor
            people = [n for n in names.names_in(masked, sentence, prev_end) if n.tokens]
            for name in people:
                named = self.cast.lookup(name.tokens, prev_end)
                if named is not None:
                    why.append(f"introduced by a colon after {name.surface}")
                    return named, 0.7
        if masked[q.end : p_end].strip(" .,;_"):
            return None
        if self.last and self.last[1] == para - 1:
            why.append(f"paragraph of quote only, after one by {self.last[0].name}")
            return self.last[0], 0.65
        cue = cues.sentence_cue(self.index, sentence, prev_end)
        if cue is not None:
            why.append(f'paragraph of quote only, after "{cue.verb}" in the one before')
            found, factor = self._resolve(cue, why)
            return found, 0.6 * factor
        for name in names.names_in(masked, sentence, prev_end):
            named = self.cast.lookup(name.tokens, prev_end) if name.tokens else None
            if named is not None:
                why.append(f"paragraph of quote only, after one about {named.name}")
                return named, 0.5
        return None

    def _reported_speech_before(
        self, q: QuoteSpan, p_start: int, why: list[str]
    ) -> tuple[Person | None, float] | None:
        """The speaker of reported speech in the sentence just before a quote that opens its
        own sentence: "She added that the talks would go on. “We will not ...”"."""
        own = self.index.sentence_start(p_start, q.start)
        if own <= p_start or self.masked[own : q.start].strip():
            return None
        previous = self.index.sentence_start(p_start, own - 1)
        cue = cues.sentence_cue(self.index, previous, own)
        if cue is None:
            return self._after_sentence_about(q, previous, own, why)
        if cue.verb in lexicon.LABEL_VERBS or cue.verb == "according to":
            return None
        reasons = [f'"{cue.verb}" with reported speech in the sentence before']
        known = len(self.cast.people)
        person, factor = self._resolve(cue, reasons)
        if person is None or (person.id >= known and len(person.tokens) < 2):
            return None  # only someone already introduced, or a full name
        why.extend(reasons)
        return person, 0.7 * factor

    def _after_sentence_about(
        self, q: QuoteSpan, start: int, end: int, why: list[str]
    ) -> tuple[Person | None, float] | None:
        """A quote ending its paragraph right after a sentence about someone: "Ruiz was
        blunt. “…”", "Asked about the deal, Ruiz laughed. “…”"."""
        p_end = self.paras[self._para_of(max(q.start, q.end - 1))][1]
        if self.masked[q.end : p_end].strip(" .,;_"):
            return None
        person = self._subject_of(start, end)
        if person is None or (len(person.mentions) < 2 and len(person.tokens) < 2):
            return None  # someone introduced before, or a full name
        why.append(f"after a sentence about {person.name}")
        return person, 0.55

    def _signature_after(self, q: QuoteSpan) -> tuple[str, ...] | None:
        para = self._para_of(max(q.start, q.end - 1))
        if para + 1 >= len(self.paras):
            return None
        start, end = self.paras[para + 1]
        m = _SIGNATURE_RX.match(self.text, start, end)
        if not m:
            return None
        tokens = tuple(m.group("name").split())
        return tokens if 0 < len(tokens) <= 4 else None


def _is_role_phrase(subject: str) -> bool:
    """ "Russia’s foreign minister": a possessive then lowercase role words, no name."""
    parts = subject.split()
    return len(parts) >= 2 and parts[0].endswith(("’s", "'s")) and parts[-1].islower()
