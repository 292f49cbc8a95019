"""Find person names in running text and split them into title and name.

"Russia’s Foreign Minister Sergey Lavrov" gives the name "Sergey Lavrov" with the titles
{"foreign", "minister"} and keeps the full surface as a mention.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from dataclasses import dataclass

import regex

from annotator.suggest import lexicon

CAP = r"\p{Lu}[\p{L}\p{M}’'\-]*+"
PARTICLE = "(?:" + "|".join(lexicon.NAME_PARTICLES) + ")"
# A run of capitalised words (with name particles between them): a name, maybe with titles.
NAME = rf"{CAP}\.?(?:[ \u00a0](?:{PARTICLE}[ \u00a0])*{CAP}\.?){{0,6}}+"
RUN_RX = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d’'])(?:{NAME})")
_APPOSITION_RX = regex.compile(
    rf",\s+(?:the\s+|a\s+|an\s+|{CAP}’s\s+|{CAP}'s\s+)?((?:[\p{{L}}\-]+\s+){{0,3}}?"
    rf"(?:{lexicon.trie_pattern(sorted(lexicon.ROLE_NOUNS))}))\b"
)
_WORD_BEFORE_RX = regex.compile(r"([\p{Ll}\-]+)\s+$")
_TITLE_BEFORE_RX = regex.compile(r"((?:\p{Lu}[\p{Ll}\-]+\s+){0,3}\p{Lu}[\p{Ll}\-]+),\s+$")


_NOT_IN_NAMES = lexicon.NON_PERSON_WORDS | lexicon.PLACE_PREFIXES
_NAME_WORD_RX = regex.compile(r"[^\d/&]+")


@dataclass(frozen=True)
class ParsedName:
    """One name found in a capitalised run (offsets relative to the text)."""

    start: int
    end: int
    surface: str
    tokens: tuple[str, ...]
    titles: frozenset[str]
    person: bool


def _bare(token: str) -> str:
    return token.rstrip(".").lower()


def _strip_possessive(token: str) -> tuple[str, bool]:
    last = token[-1:]
    if last in ("s", "S") and token[-2:-1] in ("’", "'") and len(token) > 2:
        return token[:-2], True
    if last in ("’", "'") and token[-2:-1] in ("s", "S", "z", "x") and len(token) > 1:
        return token[:-1], True
    return token, False


def _is_acronym(token: str) -> bool:
    return len(token) >= 2 and token.isupper() and sum(c.isalpha() for c in token) >= 2


def split_run(text: str, start: int, end: int, sentence_start: bool) -> list[ParsedName]:
    """Split the capitalised run text[start:end] into names (at possessives and full stops)."""
    pieces: list[ParsedName] = []
    tokens: list[tuple[int, str]] = []
    owner = -1  # start of a possessive just before ("Russia’s Foreign Minister ...")
    pos = start
    for raw in text[start:end].split():
        at = text.index(raw, pos)
        pos = at + len(raw)
        word, possessive = _strip_possessive(raw)
        sentence_stop = word.endswith(".") and not _keeps_dot(word)
        if sentence_stop:
            word = word[:-1]
        tokens.append((at, word))
        if possessive or sentence_stop:
            pieces.extend(_parse(text, tokens, sentence_start and not pieces, owner))
            owner = tokens[0][0] if possessive else -1
            tokens = []
            sentence_start = sentence_stop
    if tokens:
        pieces.extend(_parse(text, tokens, sentence_start and not pieces, owner))
    return pieces


def _keeps_dot(word: str) -> bool:
    bare = word[:-1]
    return len(bare) == 1 or bare.lower() in lexicon.ABBREVIATIONS


def _parse(
    text: str, tokens: list[tuple[int, str]], sentence_start: bool, owner: int = -1
) -> list[ParsedName]:
    titles: set[str] = set()
    first = 0
    while first < len(tokens):
        low = _bare(tokens[first][1])
        at_start = first == 0 and sentence_start
        if low in lexicon.TITLE_WORDS or low in lexicon.PLACE_PREFIXES:
            titles.add(low)
        elif (
            (at_start and low in lexicon.SENTENCE_STARTERS)
            or _is_acronym(tokens[first][1])
            or low in ("the", "a", "an", "of", "and")
        ):
            pass
        else:
            break
        first += 1
    for k in range(len(tokens) - 2, first - 1, -1):
        if _bare(tokens[k][1]) in lexicon.ROLE_NOUNS:  # "Coastal Affairs Minister Jo Marsh"
            titles.update(_bare(w) for _, w in tokens[first : k + 1])
            first = k + 1
            break
    core = tokens[first:]
    if not core:
        return []
    words = tuple(w.rstrip(".") if len(w) > 2 else w for _, w in core)
    begin = tokens[0][0] if titles else core[0][0]
    if owner >= 0 and titles - lexicon.PLACE_PREFIXES and first > 0:
        begin = owner
    end = core[-1][0] + len(core[-1][1])
    person = _looks_like_person(words, titles)
    before = _WORD_BEFORE_RX.search(text, max(0, begin - 30), begin)
    if before and before.group(1) in lexicon.ROLE_NOUNS:
        titles.add(before.group(1))
    titles.discard("the")
    return [ParsedName(begin, end, text[begin:end], words, frozenset(titles), person)]


def _looks_like_person(words: tuple[str, ...], titles: set[str]) -> bool:
    if len(words) > 4:
        return False
    for word in words:
        low = word.lower()
        if low in _NOT_IN_NAMES or _is_acronym(word) or not _NAME_WORD_RX.fullmatch(word):
            return False
    return len(words) >= 2 or bool(titles - lexicon.PLACE_PREFIXES)


def apposition_roles(text: str, end: int) -> frozenset[str]:
    """Role words in an apposition right after a name: "Lavrov, Russia’s foreign minister,"."""
    m = (
        _APPOSITION_RX.match(text, end, min(len(text), end + 80))
        if text[end : end + 1] == ","
        else None
    )
    if not m:
        return frozenset()
    return frozenset(w.lower() for w in m.group(1).split())


def leading_roles(text: str, start: int) -> frozenset[str]:
    """Title words in a title-only phrase just before a name: "The Chancellor, Jo Bloggs"."""
    m = _TITLE_BEFORE_RX.search(text, max(0, start - 60), start)
    if not m:
        return frozenset()
    found = [w.lower() for w in m.group(1).split()]
    if not all(w in lexicon.TITLE_WORDS or w in lexicon.ROLE_NOUNS for w in found):
        return frozenset()
    return frozenset(found)


def names_in(
    text: str, start: int, end: int, surnames: Container[str] | None = None
) -> Iterator[ParsedName]:
    """Every name-like piece in text[start:end], with sentence starts taken into account.

    With `surnames`, a one-word run is only yielded when it is one of them (lowercase) or
    follows a role noun ("spokesman Peskov"): the fast path for scanning a whole text.
    """
    for m in RUN_RX.finditer(text, start, end):
        run = m.group()
        if " " in run or "\u00a0" in run:
            yield from split_run(text, m.start(), m.end(), is_sentence_start(text, m.start()))
            continue
        if surnames is not None and not text[m.start() - 2 : m.start() - 1].islower():
            word, _ = _strip_possessive(run)
            if word.rstrip(".").lower() not in surnames:
                continue
        single = _single(text, m.start(), run, is_sentence_start(text, m.start()))
        if single is not None:
            yield single


def _single(text: str, start: int, run: str, sentence_start: bool) -> ParsedName | None:
    """Fast path for a one-word run: most are sentence openers, places or surnames."""
    word, _ = _strip_possessive(run)
    if word.endswith(".") and not _keeps_dot(word):
        word = word[:-1]
    low = _bare(word)
    if (
        (sentence_start and low in lexicon.SENTENCE_STARTERS)
        or low in lexicon.TITLE_WORDS
        or low in lexicon.PLACE_PREFIXES
        or _is_acronym(word)
        or not word
    ):
        return None
    titles: frozenset[str] = frozenset()
    before = text[max(0, start - 30) : start].rsplit(None, 1)
    spaced = len(before) == 2 or (before and text[start - 1 : start].isspace())
    if spaced and before[-1] in lexicon.ROLE_NOUNS:
        titles = frozenset((before[-1],))
    tokens = (word.rstrip(".") if len(word) > 2 else word,)
    person = bool(titles) and _looks_like_person(tokens, set(titles))
    return ParsedName(start, start + len(word), word, tokens, titles, person)


def is_sentence_start(text: str, i: int) -> bool:
    """True when position i opens a paragraph or follows a sentence end (or a quote mark)."""
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    return text[j] in '.!?:…“”"‘«»„(—–-'
