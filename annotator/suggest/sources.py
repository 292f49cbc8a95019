"""Who a speech cue's subject is: a name, a pronoun, a role, an unnamed source or a body.

Every function returns the person (or None) and a factor on the cue's confidence, and
appends the reason a user will read to `why`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from annotator.suggest import cues, lexicon, names, reference, weights
from annotator.suggest.article import Article
from annotator.suggest.lexicon import words
from annotator.suggest.speakers import Person

Found = tuple[Person | None, float]

_DETERMINERS = words("the a an one another his her their its")
_INDEFINITE = words("a an one another")
# Roles under which news quotes people it does not name ("one Western official said").
SOURCE_ROLES = words(
    "official diplomat source aide adviser advisor insider negotiator spokesman "
    "spokeswoman spokesperson officer envoy minister lawmaker strategist "
    "reporter journalist resident voter witness protester trader user"  # a vox pop
)
_RANK_WORDS = words("senior top high-ranking high-level junior leading")
_SOURCE_LINKS = words("for of at from in with")  # "a spokeswoman for the ministry"
_UNNAMED_SUBJECT_RX = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-]+\s+){0,2}?(?:"
    + "|".join(sorted(SOURCE_ROLES, key=lambda w: (-len(w), w)))
    + r")\b(?:\s+(?:for|of|at)\s+the\s+[\w\-’']+|\s+(?:for|of|at|from)\s+[A-Z][\w\-’']*)?"
)
_UNNAMED_FIRST = ("A", "a", "O", "o")
# The last word of an institution that speaks in the news ("the Home Office said").
INSTITUTIONS = words(
    "office commission ministry department council house government agency embassy court "
    "police committee inspectorate authority board parliament assembly secretariat bank "
    "administration cabinet presidency directorate service convention"
)
# Nouns that stand for a body named earlier ("the board said": the Board of Elections).
BODY_NOUNS = INSTITUTIONS | words(
    "foundation association union party network group center centre institute organization "
    "organisation company corporation university college coalition alliance campaign"
)
# A body named after whom it belongs to, right after that name: "the Varga campaign",
# "Varga’s government", "the Port Ellery council".
_OWNED_BODY_RX = re.compile(rf"(?:[’']s)?\s+({lexicon.trie_pattern(sorted(BODY_NOUNS))})\b")
# A cue that asks ("Varga asked"), or whose subject follows one of these words ("when
# Varga said", "Marsh and Varga said"), names no one a following "he" or "she" means.
_QUESTION_VERBS = words("ask asks asked asking question questioned press pressed wondered")
_NOT_ONE_SPEAKER = words(
    "when as after before while if because since until though although once and or nor &"
)
_ACRONYM_RX = re.compile(r"(?:[Tt]he\s+)?([A-Z][A-Z&]{1,6})\.?")


def unnamed_source(article: Article, subject: str, at: int, why: list[str]) -> Found:
    """A descriptive speaker for an anonymous source: "one Western official" -> "Western
    official", "a spokeswoman for the ministry" -> "spokeswoman for the ministry", "one
    diplomat" -> "unnamed diplomat"; None when news does not quote that role unnamed."""
    found = re.findall(r"[\w\-’']+", subject)[1:]
    cut = next((k for k, w in enumerate(found) if w.lower() in _SOURCE_LINKS), len(found))
    head = [w for w in found[:cut] if w.lower() not in _RANK_WORDS]
    role = head[-1].lower() if head else ""
    if role not in SOURCE_ROLES or len(head) > 4 or len(found) - cut > 4:
        why.append(f'"{subject}" is not named')
        return None, 1.0
    tokens = (*head[:-1], role, *found[cut:])
    if len(tokens) == 1:
        tokens = ("unnamed", role)
    person = article.cast.create_from(tokens, subject, at)
    person.titles.add(role)
    why.append(f'unnamed source: "{subject}"')
    return person, weights.UNNAMED_SOURCE


def unnamed_subject(article: Article, start: int, end: int) -> Person | None:
    """An unnamed source opening text[start:end]: "A senior official involved in the talks
    said the side had “…”", "One diplomat told reporters that “…”"."""
    if article.masked[start : start + 1] not in _UNNAMED_FIRST:
        return None  # the pattern starts with "a", "an", "one" or "another"
    m = _UNNAMED_SUBJECT_RX.match(article.masked, start, end)
    if not m:
        return None
    return unnamed_source(article, m.group(), m.start(), [])[0]


def salient(article: Article, at: int, gender: str | None = None, depth: int = 0) -> Person | None:
    """The subject (named, or an unnamed source) of the nearest sentence naming one before
    `at`, in this paragraph or the one before: who "he" or "she" means. A sentence whose
    subject is the same pronoun ("He married last year.") means whom that pronoun means."""
    for start, end in article.sentences_back(at):
        begin, first = article.subject_start(start, end)
        if first in lexicon.PRONOUNS:
            if gender is not None and depth < 2 and lexicon.PRONOUNS[first] == gender:
                # "As for Ruiz, he said ...": the name leading the sentence is the one meant.
                leading = [p for _, p in article.cast.mentions_between(start, begin) if not p.body]
                if len(leading) == 1:
                    return leading[0]
                return salient(article, begin, gender, depth + 1)
            continue
        # The sentence's mentions serve both questions (an unnamed subject found between
        # them adds a mention of that subject only, whom `cue_speaker` leaves out).
        mentions = article.cast.mentions_between(begin, end)
        named = article.first_named(begin, end, mentions) if mentions else None
        person = named or unnamed_subject(article, begin, end)
        if gender is not None and mentions:
            person = cue_speaker(article, begin, end, gender, person, mentions) or person
        if person is not None:
            return person
    return None


def cue_speaker(
    article: Article,
    start: int,
    end: int,
    gender: str,
    subject: Person | None,
    mentions: list[tuple[int, Person]] | None = None,
) -> Person | None:
    """The person of `gender` (never a body) other than the sentence's `subject` whom a
    speech cue in the sentence text[start:end] names as speaker: who a "he" or "she" after
    it most likely means, more than the subject ("Varga, Marsh said, has …" is Marsh's).
    Not a question ("Varga asked"), a cue in a clause led by "when", "as", "after" …, nor
    one in a relative clause ("Varga, who said"). `mentions`: those in [start, end), if
    the caller has them."""
    if mentions is None:
        mentions = article.cast.mentions_between(start, end)
    others = {p.id for _, p in mentions if p is not subject and p.gender == gender and not p.body}
    if not others:
        return None  # nobody else who could be meant: no cue to read
    cue = cues.first_sentence_cue(article.index, start, end)
    if cue is None or cue.verb in _QUESTION_VERBS or cue.subject.endswith(("’s", "'s")):
        return None
    masked = article.masked
    subject_end = cue.subject_start + len(cue.subject)
    before = masked[max(start, cue.subject_start - 30) : cue.subject_start].split()
    if before and before[-1].lower().strip(",") in _NOT_ONE_SPEAKER:
        return None
    # "Varga, who said" is a relative clause; in "…, said Varga, who runs it" it is Varga's.
    inverted = before[-1:] == [cue.verb]
    if not inverted and masked[subject_end : subject_end + 8].lstrip(" ,").startswith("who"):
        return None
    named = article.cast.mentions_between(cue.subject_start, subject_end)
    person = named[-1][1] if named else None
    return person if person is not None and person.id in others else None


def pronoun(article: Article, at: int, gender: str, continuation: bool) -> Person | None:
    """Who "he" or "she" at `at` refers to."""
    return article.pronoun_referent(at, gender, continuation, salient(article, at, gender))


def sentence_speaker(article: Article, start: int, end: int) -> Person | None:
    """Who the sentence text[start:end] is about, named or as "he"/"she": the likely
    speaker of a quote in it when no cue names one."""
    at, first = article.subject_start(start, end)
    if first not in lexicon.PRONOUNS:
        return (
            unnamed_subject(article, at, end)
            or owned_body(article, at, end)
            or article.first_named(at, end)
        )
    gender = lexicon.PRONOUNS[first]
    return None if gender is None else pronoun(article, at, gender, False)


def institution(article: Article, subject: str, at: int) -> Found:
    """An institution speaking under its full name: "the Foreign Office said" is not the
    "Home Office", "the Ministry of Defence" not just a "Ministry"."""
    found = [w.strip(",") for w in subject.split()]
    if found and found[0].lower() == "the":
        found = found[1:]
    if not 1 <= len(found) <= 6:
        return None, 1.0
    tokens = tuple(found)
    person = article.named.get(tokens) or article.cast.create_from(
        tokens, " ".join(found), at, body=True
    )
    article.named[tokens] = person
    return person, weights.INSTITUTION


def _opening_name(article: Article, start: int, end: int) -> names.ParsedName | None:
    """The name that opens text[start:end], after "The " at most, if any."""
    name = next(iter(names.names_in(article.masked, start, end)), None)
    return name if name is not None and name.start <= start + 4 and name.tokens else None


def owned_body(article: Article, start: int, end: int) -> Person | None:
    """A body named after whom it belongs to, opening text[start:end] ("The Varga
    campaign said", "Varga’s government insists"): the body, not the person, speaks."""
    name = _opening_name(article, start, end)
    return None if name is None else _owned_body(article, name, end)


def _owned_body(
    article: Article, name: names.ParsedName, end: int, whole: bool = False
) -> Person | None:
    """The body named by `name` and the noun right after it ("Varga" + " campaign"); with
    `whole`, only when the noun ends text[:end] (a cue's subject)."""
    m = _OWNED_BODY_RX.match(article.masked, name.end, end)
    if m is None or (whole and m.end() != end):
        return None
    owner = article.cast.lookup(name.tokens, name.start)
    # A person's by their surname, however named here ("Nadia Kerr’s office" and "the
    # Kerr office" are one "Kerr office"); a place's or party's by its whole name.
    tokens = owner.tokens[-1:] if owner is not None and not owner.body else name.tokens
    return institution(article, " ".join((*tokens, m.group(1))), name.start)[0]


# What a body's name may go on with after its noun: "(Ministry) of Defence", "of the Interior".
_OF_NAME_RX = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}")


def institution_at(
    article: Article, start: int, end: int, nouns: frozenset[str] = INSTITUTIONS
) -> Person | None:
    """An institution opening the sentence text[start:end] ("The White House said"):
    a name ending in one of `nouns` (any body's with `BODY_NOUNS`)."""
    at, _ = article.subject_start(start, end)
    name = _opening_name(article, at, end)
    if name is None or name.person or name.tokens[-1].lower() not in nouns:
        return None
    whole = _OF_NAME_RX.match(article.masked, name.end, end)  # "Ministry" "of Defence"
    return institution(article, article.masked[at : whole.end() if whole else name.end], at)[0]


def issuer(article: Article, noun: str, at: int) -> Person | None:
    """Who issued the statement (report, letter, post) that "the statement" at `at`
    refers to: the subject of the latest sentence before it, in this paragraph or the
    two before, that mentions one ("The White House said in a statement that ...")."""
    masked = article.masked
    floor = article.paras[max(0, article.para_of(at) - 2)][0]
    found = masked.rfind(noun, floor, at)
    while found >= 0:
        start = article.index.sentence_start(floor, found)
        start = max(start, article.paras[article.para_of(found)][0])
        if article.index.last_cue_word(start, found) >= 0 or "issued" in masked[start:found]:
            person = article.subject_of(start, found) or institution_at(article, start, found)
            if person is not None:
                return person
        found = masked.rfind(noun, floor, start)
    return None


def apposition_name(
    article: Article, cue: cues.Cue, subject: str, why: list[str]
) -> tuple[Person, float] | None:
    """The person named in the cue's apposition ("the chancellor, Jo Bloggs, said")."""
    if cue.apposition_start < 0:
        return None
    inner = names.names_in(article.masked, cue.apposition_start, cue.apposition_end)
    parsed = [n for n in inner if n.person]
    person = article.cast.lookup(parsed[0].tokens, cue.subject_start) if parsed else None
    if person is None:
        return None
    why.append(f'"{subject}, {parsed[0].surface}" is {person.name}')
    return person, weights.APPOSITION


def resolve(article: Article, cue: cues.Cue, why: list[str]) -> Found:
    """The person a cue's subject names: a pronoun, a role, an unnamed source, a body or
    a name, with a factor on the cue's confidence."""
    subject = cue.subject.strip().rstrip(",")
    low = subject.lower()
    if not subject:
        why.append("speaker not named")
        return None, 1.0
    if low in lexicon.PRONOUNS:
        return _resolve_pronoun(article, cue, subject, why)
    if subject.split()[-1][:1].islower():  # "Varga’s campaign manager, Jo Bloggs, said"
        named = apposition_name(article, cue, subject, why)
        if named is not None:
            return named
    low_words = low.split()
    first = low_words[0] if low_words else ""
    role_words = [w for w in low_words if w in lexicon.ROLE_NOUNS and w in subject]
    if role_words and first in _INDEFINITE:  # a new, unnamed person: never an earlier one
        named = apposition_name(article, cue, subject, why)  # "A rival, Jo Bloggs, said"
        return named or unnamed_source(article, subject, cue.subject_start, why)
    at = cue.subject_start
    acronym = _ACRONYM_RX.fullmatch(subject)
    if acronym:  # "NCLA said", "the FBI confirmed": a body by its initials
        return institution(article, acronym.group(1), at)
    parsed = [n for n in names.names_in_phrase(article.masked, at, at + len(subject)) if n.tokens]
    if not parsed or (role_words and (first in _DETERMINERS or _is_role_phrase(subject))):
        return _resolve_role(article, cue, subject, role_words, why)
    head = _head_name(article.masked, parsed)
    body = _owned_body(article, head, at + len(subject), whole=True)
    if body is not None:  # "the Varga campaign said"
        return body, weights.INSTITUTION
    if head is parsed[0] and not head.person:
        owner = _from_whom(article.masked, at)  # "Sen. Jo Marsh of Ohio, …, said"
        if owner is not None:
            return _resolve_name(article, owner, owner.surface, owner.start, why)
    return _resolve_name(article, head, subject, at, why)


# Between a person's name and a name that only says where the person is from or works.
_FROM_LINKS = (("of",), ("from",), ("of", "the"), ("from", "the"))
_AGE_RX = re.compile(r"^\s*,\s*\d{1,3}\s*,")  # "Cory Ames, 22, of Flint"


def _head_name(masked: str, parsed: list[names.ParsedName]) -> names.ParsedName:
    """The name a subject phrase is about: its last, unless that one only says where the
    person named before it is from ("Sen. Jo Marsh of Ohio", "Jo Marsh of the Ellery
    Institute" are Jo Marsh)."""
    if len(parsed) >= 2 and parsed[-2].person and not parsed[-1].person:
        link = tuple(masked[parsed[-2].end : parsed[-1].start].lower().split())
        if link in _FROM_LINKS:
            return parsed[-2]
    return parsed[-1]


def _from_whom(masked: str, at: int) -> names.ParsedName | None:
    """The person named just before the name at `at` that says where they are from or
    work ("Rep. Jo Marsh of Ohio", "Jo Marsh, 22, of Flint", "Jo Marsh of the Ellery
    Institute": the cue's subject read as "Ohio" is Jo Marsh)."""
    if not masked[max(0, at - 12) : at].rstrip().endswith((" of", " from", " the")):
        return None  # the usual case, told cheaply
    before = list(names.names_in(masked, max(0, at - 80), at))
    if not before or not before[-1].person:
        return None
    link = _AGE_RX.sub("", masked[before[-1].end : at]).lower().split()
    return before[-1] if tuple(link) in _FROM_LINKS else None


def _resolve_pronoun(article: Article, cue: cues.Cue, subject: str, why: list[str]) -> Found:
    gender = lexicon.PRONOUNS[subject.lower()]
    if gender is None:
        why.append(f'"{subject}" not resolved to one person')
        return None, 1.0
    continuation = cue.verb in lexicon.CONTINUATION_VERBS
    person = pronoun(article, cue.subject_start, gender, continuation)
    if person is None:
        why.append(f'"{subject}" not resolved')
        return None, 1.0
    why.append(f'"{subject}" resolved to {person.name}')
    return person, weights.PRONOUN_GENDER if person.gender == gender else weights.PRONOUN


def _resolve_role(
    article: Article, cue: cues.Cue, subject: str, role_words: list[str], why: list[str]
) -> Found:
    """A role ("the chancellor said"): the person named beside it or holding it earlier."""
    named = apposition_name(article, cue, subject, why)  # "the chancellor, Jo Bloggs,"
    if named is not None:
        return named
    at = cue.subject_start
    person = article.cast.resolve_role(re.findall(r"[\w\-]+", subject.lower()), at)
    first = subject.split()[0].lower()
    if person is None and role_words and role_words[-1] in SOURCE_ROLES and first in _DETERMINERS:
        # "the prime minister’s official spokesman said", never named in the text
        return unnamed_source(article, subject, at, why)
    if person is None and len(subject.split()) == 2 and first == "the":
        person = body_named(article, subject.split()[1].lower(), at)
    if person is None and first == "the" and role_words[-1:] == [subject.split()[-1].lower()]:
        # "Varga hesitated. The Ellery senator said …": a description of whom the
        # sentences just before are about, when no one was given the title.
        about = salient(article, at)
        if about is not None and _may_hold(about, role_words):
            why.append(f'"{subject}" taken as {about.name}, whom the text before is about')
            return about, weights.ROLE_SALIENT
    if person is None:
        why.append(f'"{subject}" not linked to a name')
        return None, 1.0
    why.append(f'"{subject}" resolved to {person.name}')
    return person, weights.ROLE


def _may_hold(person: Person, role_words: list[str]) -> bool:
    """Whether a person never given a role may hold it: a full name or a title (not a
    one-word name that may be anything), not a body, and no other role known."""
    full_name = " " in person.name or bool(person.titles)
    other_roles = (person.titles & lexicon.ROLE_NOUNS) - set(role_words)
    return full_name and not person.body and not other_roles


def body_named(article: Article, noun: str, at: int) -> Person | None:
    """The body that "the board" (`noun`) at `at` stands for: the latest name before it,
    within a few paragraphs, whose words include the noun ("Ellery Harbour Board")."""
    if noun not in BODY_NOUNS:
        return None
    floor = article.paras[max(0, article.para_of(at) - 4)][0]
    pattern = _body_rx(noun.capitalize())
    found = None
    for m in pattern.finditer(article.masked, floor, at):
        found = m
    if found is None:
        return _body_subject(article, noun, at) if noun in _GENERIC_BODIES else None
    return institution(article, found.group(), found.start())[0]


# Nouns that stand for a body whatever its name ("Black Lives Matter ... the group said").
_GENERIC_BODIES = words("group company organization organisation firm coalition network")


def _body_subject(article: Article, noun: str, at: int) -> Person | None:
    """The body that a generic "the group" at `at` stands for: the latest name opening a
    sentence, in this paragraph or the two before, that is neither a person nor a place,
    of several words or initials ("The Ellery Harbour Trust did not reply. … the
    organization said")."""
    masked = article.masked
    floor = article.paras[max(0, article.para_of(at) - 2)][0]
    chosen = None
    for name in names.names_in(masked, floor, at):
        one_word = len(name.tokens) == 1
        if (
            name.person
            or len(name.tokens) > 6
            or (one_word and not _ACRONYM_RX.fullmatch(name.surface))
        ):
            continue  # one capitalised word may be anything ("Carrying placards, ...")
        begin = name.start
        if masked[max(0, begin - 4) : begin] in ("The ", "the "):
            begin -= 4
        if not names.is_sentence_start(masked, begin):
            continue
        if reference.is_place(name.tokens) or reference.is_calendar(name.tokens):
            continue
        chosen = name
    if chosen is None:
        return None
    return institution(article, chosen.surface, chosen.start)[0]


@lru_cache(maxsize=64)
def _body_rx(noun: str) -> regex.Pattern[str]:
    cap = r"\p{Lu}[\p{L}\-’']+"
    # Also a body named by a nationality and lowercase words: "the Ruritanian foreign
    # ministry", "the Ellery city council".
    return regex.compile(
        rf"(?:{cap}\s+){{1,4}}{noun}(?:\s+(?:of|for|on)\s+(?:the\s+)?{cap}(?:\s+{cap}){{0,3}})?"
        rf"|{noun}\s+(?:of|for|on)\s+(?:the\s+)?{cap}(?:\s+{cap}){{0,3}}"
        rf"|(?<=\b[Tt]he\s+){cap}\s+(?:\p{{Ll}}+\s+){{0,2}}{noun.lower()}\b"
    )


def _resolve_name(
    article: Article, name: names.ParsedName, subject: str, at: int, why: list[str]
) -> Found:
    if not name.person and not name.titles and len(name.tokens) > 3:
        return None, 1.0
    if len(name.tokens) == 1 and (
        len(name.tokens[0].rstrip(".")) < 2 or name.tokens[0].lower() in _DETERMINERS
    ):
        why.append(f'"{subject}" is not a name')  # the "S." of "U.S. says"
        return None, 1.0
    if reference.is_calendar(name.tokens):
        why.append(f'"{subject}" is a date')
        return None, 1.0
    if not name.person and name.tokens[-1].lower() in INSTITUTIONS:
        return institution(article, subject, at)
    cast = article.cast
    known = cast.lookup(name.tokens, at) if len(name.tokens) < 2 else None
    known = known or article.named.get(name.tokens) or cast.lookup(name.tokens, at)
    body = not name.person and reference.is_place(name.tokens)
    person = known or cast.create_from(name.tokens, name.surface, at, body)
    if len(name.tokens) >= 2:
        article.named[name.tokens] = person  # a full name always means the same person
    if " ".join(name.tokens) != person.name:
        why.append(f'"{name.surface}" is {person.name}')
        return person, weights.NAME_VARIANT
    return person, 1.0


def _is_role_phrase(subject: str) -> bool:
    """ "Russia’s foreign minister", "Rep. Tomas Ellery’s chief of staff": a possessive
    then only lowercase words, naming someone else's role, not a name."""
    parts = subject.split()
    owner = next((k for k, p in enumerate(parts) if p.endswith(("’s", "'s"))), -1)
    return 0 <= owner < len(parts) - 1 and all(p.islower() for p in parts[owner + 1 :])
