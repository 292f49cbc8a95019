"""Find person names in running text and split them into title and name.

"Russia’s Foreign Minister Sergey Lavrov" gives the name "Sergey Lavrov" with the titles
{"foreign", "minister"} and keeps the full surface as a mention.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from annotator.suggest import lexicon

CAP = r"\p{Lu}[\p{L}\p{M}’'\-]*"
PARTICLE = "(?:" + "|".join(lexicon.NAME_PARTICLES) + ")"
# A run of capitalised words (with name particles between them): a name, maybe with titles.
NAME = rf"{CAP}\.?(?:[ \u00a0](?:{PARTICLE}[ \u00a0])*{CAP}\.?){{0,6}}"
RUN_RX = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d’'])(?:{NAME})")
_POSSESSIVE = ("’s", "'s", "’", "'")
_APPOSITION_RX = regex.compile(
    rf",\s+(?:the\s+|a\s+|an\s+|{CAP}’s\s+|{CAP}'s\s+)?((?:[\p{{L}}\-]+\s+){{0,3}}?"
    rf"(?:{'|'.join(sorted(lexicon.ROLE_NOUNS, key=len, reverse=True))}))\b"
)
_WORD_BEFORE_RX = regex.compile(r"([\p{Ll}\-]+)\s+$")


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
    for suffix in _POSSESSIVE:
        if token.endswith(suffix) and len(token) > len(suffix):
            if suffix in ("’", "'") and not token[:-1].endswith(("s", "S", "z", "x")):
                continue
            return token[: -len(suffix)], True
    return token, False


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


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
        if low in lexicon.NON_PERSON_WORDS or low in lexicon.PLACE_PREFIXES:
            return False
        if _is_acronym(word) and len(word) > 1 or any(c.isdigit() or c in "/&" for c in word):
            return False
    return len(words) >= 2 or bool(titles - lexicon.PLACE_PREFIXES)


def apposition_roles(text: str, end: int) -> frozenset[str]:
    """Role words in an apposition right after a name: "Lavrov, Russia’s foreign minister,"."""
    m = _APPOSITION_RX.match(text, end, min(len(text), end + 80))
    if not m:
        return frozenset()
    return frozenset(w.lower() for w in m.group(1).split())


def names_in(text: str, start: int, end: int) -> list[ParsedName]:
    """Every name-like piece in text[start:end], with sentence starts taken into account."""
    found: list[ParsedName] = []
    for m in RUN_RX.finditer(text, start, end):
        found.extend(split_run(text, m.start(), m.end(), is_sentence_start(text, m.start())))
    return found


def is_sentence_start(text: str, i: int) -> bool:
    """True when position i opens a paragraph or follows a sentence end (or a quote mark)."""
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    return text[j] in '.!?:…“”"‘«»„(—–-'
