"""The people in one text: canonical entries, their mentions, and coreference.

Name variants merge into one entry ("Lavrov", "Sergey Lavrov", "Sergei Lavrov"); surnames,
roles ("the minister") and pronouns resolve to the right earlier entry; entries matching
the project's known speakers take the known canonical name.
"""

from __future__ import annotations

import bisect
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from annotator.suggest import lexicon, reference
from annotator.suggest.names import ParsedName


@dataclass(eq=False)
class Person:
    """One speaker candidate in the text; two entries are the same only if identical."""

    id: int
    tokens: tuple[str, ...]
    known: str | None = None
    gender: str | None = None
    titles: set[str] = field(default_factory=set)
    mentions: list[str] = field(default_factory=list)
    body: bool = False  # an institution or a place: never "he" or "she"

    @property
    def name(self) -> str:
        """The canonical name: the project's name if known, else the fullest form seen,
        with plain apostrophes ("O’Donnell" and "O'Donnell" are one speaker)."""
        return self.known or " ".join(self.tokens).replace("’", "'")

    @property
    def surname(self) -> str:
        return self.tokens[-1].lower()

    def add_mention(self, surface: str) -> None:
        if surface and surface not in self.mentions:
            self.mentions.append(surface)


@dataclass(frozen=True)
class KnownSpeaker:
    name: str
    forms: frozenset[str]
    surname: str


def known_speakers_from(items: Iterable[object]) -> list[KnownSpeaker]:
    """Normalise str items or objects with .name/.aliases into KnownSpeaker entries."""
    found: list[KnownSpeaker] = []
    for item in items:
        aliases: tuple[str, ...] = ()
        if isinstance(item, str):
            name = item
        else:
            name = str(getattr(item, "name", "") or "")
            aliases = tuple(str(a) for a in (getattr(item, "aliases", None) or ()))
        if not name.strip():
            continue
        forms = frozenset(f.strip().lower() for f in (name, *aliases) if f.strip())
        found.append(KnownSpeaker(name, forms, name.split()[-1].lower()))
    return found


def _first_names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) < 2 or len(b) < 2:
        return True
    if a[0] == b[0] and a[0].rstrip("."):
        return True  # the same first name (or initial)
    fa, fb = a[0].rstrip(".").lower(), b[0].rstrip(".").lower()
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return fuzz.ratio(fa, fb) >= 70


def _gender_of(tokens: tuple[str, ...], titles: Iterable[str]) -> str | None:
    titles = set(titles)
    if titles & lexicon.MALE_TITLES:
        return "m"
    if titles & lexicon.FEMALE_TITLES:
        return "f"
    if len(tokens) >= 2:
        return reference.first_name_gender(tokens[0])
    return None


class Cast:
    """Registry of the people named in one text, with their mentions in text order."""

    def __init__(self, known: Iterable[object] = ()) -> None:
        self.known = known_speakers_from(known)
        self.people: list[Person] = []
        self._by_surname: dict[str, list[int]] = {}
        self._starts: list[int] = []
        self._mentioned: list[int] = []
        self._last: dict[int, int] = {}
        self.surnames = self._by_surname  # lowercase surname -> people; read by the scanner

    # building -------------------------------------------------------------------------
    def add(self, name: ParsedName) -> Person | None:
        """Record a name found at name.start; returns its person, or None if not a person."""
        person = self.lookup(name.tokens)
        if person is None:
            if not name.person:
                return None
            person = self._create(name.tokens)
        self._note(person, name)
        return person

    def expect_surname(self, word: str) -> None:
        """Know `word` as someone's surname before any mention is recorded ("Marsh said"
        in a text that never says "Helena Marsh"), so that its mentions are found."""
        tokens = (word.rstrip("’'"),)
        if self.lookup(tokens) is None and not self._by_surname.get(word.lower()):
            self._create(tokens)

    def lookup(self, tokens: tuple[str, ...], at: int | None = None) -> Person | None:
        """The existing person these name tokens refer to (the latest before `at`), if any."""
        if not tokens:
            return None
        ids = self._by_surname.get(tokens[-1].lower(), [])
        people = self.people
        if len(tokens) < 2 and len(ids) == 1:
            return people[ids[0]]  # the one person with this surname
        if len(tokens) < 2:  # a surname alone agrees with every first name
            matches = [people[i] for i in ids]
        else:
            matches = [people[i] for i in ids if _first_names_agree(people[i].tokens, tokens)]
        if len(tokens) == 1 and not matches and self.known:
            low = tokens[0].lower()
            matches = [p for p in self.people if p.known and low in self._forms(p)]
        if not matches and len(tokens) >= 2 and len(tokens[-1]) >= 4:
            near = process.extract(
                tokens[-1].lower(), list(self._by_surname), scorer=fuzz.ratio, score_cutoff=85
            )
            matches = [
                self.people[i]
                for surname, _, _ in near
                for i in self._by_surname[surname]
                if len(self.people[i].tokens) >= 2
                and _first_names_agree(self.people[i].tokens, tokens)
            ]
        if not matches:
            return None
        if len(matches) == 1:
            return matches[0]
        if at is not None:
            return self._latest(matches, at)
        return max(matches, key=lambda p: self._last.get(p.id, -1))

    def _latest(self, matches: list[Person], at: int, window: int = 50000) -> Person:
        """The match mentioned last before `at`, among the 50 people mentioned last within
        `window` (as `recent` ranks them, stopping at the first match); else the first."""
        wanted = {p.id for p in matches}
        seen: set[int] = set()
        starts, mentioned = self._starts, self._mentioned
        k = bisect.bisect_left(starts, at) - 1
        while k >= 0 and at - starts[k] <= window and len(seen) < 50:
            person_id = mentioned[k]
            if person_id in wanted:
                return self.people[person_id]
            seen.add(person_id)
            k -= 1
        return matches[0]

    def create_from(
        self, tokens: tuple[str, ...], surface: str, at: int, body: bool = False
    ) -> Person:
        """A person for a speech subject not seen as a name before ("Moscow said"); a
        `body` (institution, place) when new."""
        person = self.lookup(tokens, at)
        if person is None:
            person = self._create(tokens)
            person.body = body
        person.add_mention(surface)
        self._insert(at, person.id)
        return person

    def _create(self, tokens: tuple[str, ...]) -> Person:
        person = Person(len(self.people), tokens)
        known = self._known_match(tokens)
        if known:
            person.known = known.name
        self.people.append(person)
        self._by_surname.setdefault(person.surname, []).append(person.id)
        return person

    def _note(self, person: Person, name: ParsedName) -> None:
        if len(person.tokens) == 1 and len(name.tokens) >= 2:
            person.tokens = name.tokens
            self._by_surname.setdefault(person.surname, []).append(person.id)
            if self.known:
                known = self._known_match(name.tokens)
                person.known = known.name if known else None
        if name.titles:
            person.titles |= name.titles
        if not person.gender:
            person.gender = _gender_of(name.tokens, name.titles)
        person.add_mention(name.surface)
        joined = " ".join(name.tokens)
        if name.surface != joined:
            person.add_mention(joined)
        self._insert(name.start, person.id)

    def _insert(self, at: int, person_id: int) -> None:
        starts = self._starts
        if not starts or at >= starts[-1]:  # a text is read in order: most go last
            starts.append(at)
            self._mentioned.append(person_id)
        else:
            k = bisect.bisect_right(starts, at)
            starts.insert(k, at)
            self._mentioned.insert(k, person_id)
        if at > self._last.get(person_id, -1):
            self._last[person_id] = at

    def _known_match(self, tokens: tuple[str, ...]) -> KnownSpeaker | None:
        full = " ".join(tokens).lower()
        surname = tokens[-1].lower() if tokens else ""
        for known in self.known:
            if full in known.forms:
                return known
        for known in self.known:
            if surname == known.surname and _first_names_agree(tuple(known.name.split()), tokens):
                return known
        return None

    def _forms(self, person: Person) -> frozenset[str]:
        for known in self.known:
            if known.name == person.known:
                return known.forms
        return frozenset()

    # resolving ------------------------------------------------------------------------
    def recent(self, at: int, window: int = 2500, limit: int = 6) -> list[Person]:
        """Distinct people mentioned before `at`, most recent first."""
        found: list[Person] = []
        seen: set[int] = set()
        starts, mentioned = self._starts, self._mentioned
        k = bisect.bisect_left(starts, at) - 1
        while k >= 0 and at - starts[k] <= window and len(found) < limit:
            person_id = mentioned[k]
            if person_id not in seen:
                seen.add(person_id)
                found.append(self.people[person_id])
            k -= 1
        return found

    def mentions_between(self, start: int, end: int) -> list[tuple[int, Person]]:
        """Every mention in [start, end) with its position, in text order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [(self._starts[k], self.people[self._mentioned[k]]) for k in range(lo, hi)]

    def last_mention_at(self, person: Person) -> int:
        """Where `person` is last named in the text, -1 if nowhere."""
        return self._last.get(person.id, -1)

    def first_mention(self, start: int, end: int) -> Person | None:
        """The first person mentioned in [start, end), if any."""
        k = bisect.bisect_left(self._starts, start)
        if k < len(self._starts) and self._starts[k] < end:
            return self.people[self._mentioned[k]]
        return None

    def resolve_pronoun(
        self,
        at: int,
        gender: str | None,
        last: Person | None,
        continuation: bool,
        salient: Person | None = None,
        excluded: Container[int] = (),
    ) -> Person | None:
        """The person "he"/"she" at `at` refers to: the subject of the sentences just before
        (`salient`) unless its gender disagrees, else gender first, then the last speaker;
        never one of the `excluded` (the people its own clause names after it)."""
        recent = [p for p in self.recent(at) if not p.body and p.id not in excluded]
        if last is not None and last.id in excluded:
            last = None
        if last is not None and last not in recent and not last.body:
            recent.append(last)
        if salient is not None and (salient.body or salient.id in excluded):
            salient = None
        strong = [p for p in recent if gender and p.gender == gender]
        keep_last = continuation and last is not None and last in strong
        if salient is not None and not keep_last and salient.gender in (None, gender):
            chosen = salient
        elif strong:
            chosen = last if last in strong and continuation else strong[0]
        else:
            compatible = [p for p in recent if p.gender is None or gender is None]
            if not compatible:
                return None
            near = compatible[:2]
            chosen = last if last in compatible and (continuation or last in near) else near[0]
        if chosen.gender is None and gender:
            chosen.gender = gender
        return chosen

    def resolve_role(self, words: Iterable[str], at: int) -> Person | None:
        """The person a role ("the foreign minister") refers to, most recent best match."""
        wanted = {w.lower() for w in words} - {"the", "a", "an", "his", "her", "its", "their"}
        heads = wanted & lexicon.ROLE_NOUNS
        if not heads:
            return None
        best: tuple[int, int] | None = None
        chosen = None
        for rank, person in enumerate(self.recent(at, window=20000, limit=50)):
            titles = person.titles
            if titles & lexicon.TITLE_ROLES.keys():  # "Sen." is a senator
                titles = titles.union(*(lexicon.TITLE_ROLES.get(t, ()) for t in titles))
            if not heads & titles:
                continue
            score = (len(wanted & titles), -rank)
            if best is None or score > best:
                best, chosen = score, person
        return chosen
