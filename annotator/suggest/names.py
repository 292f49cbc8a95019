"""Find person names in running text and split them into title and name.

"Russia’s Foreign Minister Sergey Lavrov" gives the name "Sergey Lavrov" with the titles
{"foreign", "minister"} and keeps the full surface as a mention.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from annotator.suggest import lexicon, reference
from annotator.suggest.stdlib_rx import Dual, class_body, needs_regex

CAP = r"\p{Lu}[\p{L}\p{M}’'\-]*+"
PARTICLE = "(?:" + "|".join(lexicon.NAME_PARTICLES) + ")"
# A run of capitalised words (with name particles between them): a name, maybe with titles.
# Joined initials ("G.K.", "J.R.R.") are one word of a name.
INITIALS = r"(?:\p{Lu}\.){2,3}+"
_WORD = rf"(?:{INITIALS}|{CAP}\.?)"
NAME = rf"{_WORD}(?:[ \u00a0](?:{PARTICLE}[ \u00a0])*{_WORD}){{0,6}}+"
RUN_RX = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d’'])(?:{NAME})")


def _run_bmp_pattern() -> str:
    upper = "[" + class_body(r"\p{Lu}") + "]"
    rest = "[" + class_body(r"[\p{L}\p{M}’'\-]") + "]*+"
    before = "[" + class_body(r"[\p{L}\p{M}\d’']") + "]"
    cap = upper + rest
    initials = rf"(?:{upper}\.){{2,3}}+"
    word = rf"(?:{initials}|{cap}\.?)"
    # The look-behind follows the first capital, so the engine can skip to capitals fast;
    # then joined initials ("G.K.") or the rest of a word.
    lead = rf"{upper}(?<!{before}(?s:.))(?:\.(?:{upper}\.){{1,2}}+|{rest}\.?)"
    return rf"{lead}(?:[ \u00a0](?:{PARTICLE}[ \u00a0])*{word}){{0,6}}+"


# RUN_RX for the stdlib engine (several times faster), exact where `needs_regex` is False.
_RUN_BMP_RX = re.compile(_run_bmp_pattern())
_APPOSITION = Dual(
    rf",\s+(?:the\s+|a\s+|an\s+|{CAP}’s\s+|{CAP}'s\s+)?((?:[\p{{L}}\-]+\s+){{0,3}}?"
    rf"(?:{lexicon.trie_pattern(sorted(lexicon.ROLE_NOUNS))}))\b"
)
_TITLE_BEFORE_RX = regex.compile(r"((?:\p{Lu}[\p{Ll}\-]+\s+){0,3}\p{Lu}[\p{Ll}\-]+),\s+$")


# What ends a title before a name after other words ("House Speaker Jo Marsh", "Montana
# Sen. Jo Marsh"): a role noun, or a title that is a person's alone.
_TITLE_HEADS = lexicon.ROLE_NOUNS | lexicon.words("speaker whip sen rep gov")
_NOT_IN_NAMES = lexicon.NON_PERSON_WORDS | lexicon.PLACE_PREFIXES | reference.calendar_words()
_NAME_WORD_RX = regex.compile(r"[^\d/&]+")
_FIRST_NAMES = lexicon.FEMALE_NAMES | lexicon.MALE_NAMES


class ParsedName(NamedTuple):
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
    return (
        len(token) >= 2
        and token.isupper()
        and sum(c.isalpha() for c in token) >= 2
        and not _person_initials(token)
    )


def _person_initials(token: str) -> bool:
    """ "G.K." or "J.R.R." (a person's initials), not "U.S." (an abbreviation)."""
    word = token if token.endswith(".") else token + "."
    return _joined_initials(word) and word[:-1].lower() not in lexicon.ABBREVIATIONS


def split_run(text: str, start: int, end: int, sentence_start: bool) -> list[ParsedName]:
    """Split the capitalised run text[start:end] into names (at possessives and full stops)."""
    role = _role_before(text, start)
    return [
        ParsedName(
            start + begin, start + stop, text[start + begin : start + stop], words, titles, person
        )
        for begin, stop, words, titles, person in _split(text[start:end], sentence_start, role)
    ]


_Piece = tuple[int, int, tuple[str, ...], frozenset[str], bool]


@lru_cache(maxsize=4096)
def _split(run: str, sentence_start: bool, role_before: str) -> tuple[_Piece, ...]:
    """The names in one run, offsets relative to it; a pure function, so cached.

    `role_before` is the role noun just before the run ("spokesman Peskov"), or "".
    """
    pieces: list[_Piece] = []
    tokens: list[tuple[int, str]] = []
    owner = -1  # start of a possessive just before ("Russia’s Foreign Minister ...")
    pos = 0
    for raw in run.split():
        at = run.index(raw, pos)
        pos = at + len(raw)
        word, possessive = _strip_possessive(raw)
        low = word.lower()
        if low in lexicon.FUNCTION_WORDS or low in lexicon.HEADLINE_VERBS:  # "U.S. He said"
            if tokens:
                pieces.extend(
                    _parse(run, tokens, sentence_start and not pieces, owner, role_before)
                )
            tokens, owner, sentence_start = [], -1, False
            continue
        sentence_stop = word.endswith(".") and not _keeps_dot(word)
        if sentence_stop:
            word = word[:-1]
        tokens.append((at, word))
        if possessive or sentence_stop:
            pieces.extend(_parse(run, tokens, sentence_start and not pieces, owner, role_before))
            owner = tokens[0][0] if possessive else -1
            tokens = []
            sentence_start = sentence_stop
    if tokens:
        pieces.extend(_parse(run, tokens, sentence_start and not pieces, owner, role_before))
    return tuple(pieces)


def _role_before(text: str, start: int) -> str:
    """The lowercase role noun just before `start` and a space ("the minister Jo ..."), or
    a role or family noun and a comma, the name in apposition ("her father, Cormac, ..."); or ""."""
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == start:
        return ""  # no space before `start`
    apposed = text[j - 1] == ","
    if apposed:
        j -= 1
    if text[j - 2 : j] not in _ROLE_ENDINGS:
        return ""  # no role noun can end there
    k = j
    while k > 0 and k > start - 30 and (text[k - 1].islower() or text[k - 1] == "-"):
        k -= 1
    word = text[k:j]
    return word if word in (_APPOSED_NOUNS if apposed else lexicon.ROLE_NOUNS) else ""


_APPOSED_NOUNS = lexicon.ROLE_NOUNS | lexicon.KIN_NOUNS
# The last two letters of every such noun: most words before a name end otherwise.
_ROLE_ENDINGS = frozenset(noun[-2:] for noun in _APPOSED_NOUNS)


def _keeps_dot(word: str) -> bool:
    bare = word[:-1]
    return len(bare) == 1 or bare.lower() in lexicon.ABBREVIATIONS or _joined_initials(word)


def _joined_initials(word: str) -> bool:
    """ "G.K.", "J.R.R.": capitals each followed by a dot."""
    return len(word) >= 4 and word[1::2] == "." * (len(word) // 2) and word[::2].isupper()


def _parse(
    run: str,
    tokens: list[tuple[int, str]],
    sentence_start: bool,
    owner: int = -1,
    role_before: str = "",
) -> list[_Piece]:
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
        head = _bare(tokens[k][1])  # "Coastal Affairs Minister Jo Marsh"
        if head in _TITLE_HEADS or ("-" in head and head.split("-")[0] in _TITLE_HEADS):
            titles.update(_bare(w) for _, w in tokens[first : k + 1])
            first = k + 1
            break
    if not titles:
        first += _words_before_first_name([w for _, w in tokens[first:]])
    core = tokens[first:]
    if not core:
        return []
    words = tuple(w.rstrip(".") if len(w) > 2 and not _person_initials(w) else w for _, w in core)
    begin = tokens[0][0] if titles else core[0][0]
    if owner >= 0 and titles - lexicon.PLACE_PREFIXES and first > 0:
        begin = owner
    end = core[-1][0] + len(core[-1][1])
    person = _looks_like_person(words, titles)
    before = role_before if begin == 0 else _role_before(run, begin)
    if before:
        titles.add(before)
    titles.discard("the")
    return [(begin, end, words, frozenset(titles), person)]


def _words_before_first_name(words: list[str]) -> int:
    """How many words of a run come before a well-known first name that ends it with a
    surname (and maybe an initial): "Harbour County Recorder Ingrid Halvorsen" is Ingrid
    Halvorsen, whatever "Recorder" is; two first names in a row stay one name."""
    for k in range(len(words) - 2, 0, -1):
        if len(words) - k > 3:
            break
        low = _bare(words[k])
        if (
            low in _FIRST_NAMES
            and _bare(words[k - 1]) not in _FIRST_NAMES
            and not reference.is_place((words[k],))
        ):
            titles = [_bare(w) for w in words[:k]]
            return k if not any(w in lexicon.FUNCTION_WORDS for w in titles) else 0
    return 0


def _looks_like_person(words: tuple[str, ...], titles: set[str]) -> bool:
    if len(words) > 4:
        return False
    for word in words:
        low = word.lower()
        if low in _NOT_IN_NAMES or _is_acronym(word) or not _NAME_WORD_RX.fullmatch(word):
            return False
    if reference.is_place(words):
        return False
    return len(words) >= 2 or bool(titles - lexicon.PLACE_PREFIXES)


def apposition_roles(text: str, end: int, plain: bool = False) -> frozenset[str]:
    """Role words in an apposition right after a name: "Lavrov, Russia’s foreign minister,".

    `plain`: what `stdlib_rx.plain` says of `text` (the faster engine may then run)."""
    m = (
        _APPOSITION.on(plain).match(text, end, min(len(text), end + 80))
        if text[end : end + 1] == ","
        else None
    )
    if not m:
        return frozenset()
    return frozenset(w.lower() for w in m.group(1).split())


def leading_roles(text: str, start: int) -> frozenset[str]:
    """Title words in a title-only phrase just before a name: "The Chancellor, Jo Bloggs"."""
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == start or text[j - 1 : j] != ",":
        return frozenset()  # the phrase must end in a comma and a space
    m = _TITLE_BEFORE_RX.search(text, max(0, start - 60), start)
    if not m:
        return frozenset()
    found = [w.lower() for w in m.group(1).split()]
    if not all(w in lexicon.TITLE_WORDS or w in lexicon.ROLE_NOUNS for w in found):
        return frozenset()
    return frozenset(found)


def names_in(
    text: str,
    start: int,
    end: int,
    surnames: Container[str] | None = None,
    beyond_bmp: bool | None = None,
) -> Iterator[ParsedName]:
    """Every name-like piece in text[start:end], with sentence starts taken into account.

    With `surnames`, a one-word run is only yielded when it is one of them (lowercase) or
    follows a role noun ("spokesman Peskov"): the fast path for scanning a whole text.
    `beyond_bmp`: what `needs_regex` says of text[start - 1:end], if the caller knows.
    """
    if beyond_bmp is None:
        beyond_bmp = needs_regex(text, start - 1 if start else 0, end)
    scan = RUN_RX if beyond_bmp else _RUN_BMP_RX
    keys = _SURNAME_KEYS
    for m in scan.finditer(text, start, end):
        run = m.group()
        at = m.start()
        if " " in run or "\u00a0" in run:
            yield from split_run(text, at, m.end(), is_sentence_start(text, at))
            continue
        if surnames is not None:
            key = keys.get(run) or _surname_key(run)
            # Most one-word runs are no one's surname and follow no lowercase word.
            before = text[at - 2 : at - 1]
            if key not in surnames and (
                not (before.islower() or before == ",") or not _role_before(text, at)
            ):
                continue
        single = _single(text, at, run, is_sentence_start(text, at))
        if single is not None:
            yield single


# Lowercase surname form of one-word runs: capitalised words recur throughout a text.
_SURNAME_KEYS: dict[str, str] = {}


def _surname_key(run: str) -> str:
    word = _strip_possessive(run)[0] if run[-1] in "sS’'" else run
    key = word.rstrip(".").lower()
    if len(_SURNAME_KEYS) >= 8192:
        _SURNAME_KEYS.clear()
    _SURNAME_KEYS[run] = key
    return key


def names_in_phrase(text: str, start: int, end: int) -> list[ParsedName]:
    """`names_in` for a short phrase such as a speech subject, cached by the phrase and the
    only context it depends on (a sentence start or a role noun just before it)."""
    sentence_start = is_sentence_start(text, start)
    pieces = _phrase_pieces(text[start:end], sentence_start, _role_before(text, start))
    return [
        ParsedName(start + b, start + e, text[start + b : start + e], words, titles, person)
        for b, e, words, titles, person in pieces
    ]


@lru_cache(maxsize=2048)
def _phrase_pieces(phrase: str, sentence_start: bool, role_before: str) -> tuple[_Piece, ...]:
    # The same phrase after a neutral context reproduces that context exactly.
    prefix = f"{role_before} " if role_before else ("" if sentence_start else "x, ")
    text = prefix + phrase
    n = len(prefix)
    return tuple(
        (name.start - n, name.end - n, name.tokens, name.titles, name.person)
        for name in names_in(text, n, len(text))
    )


def _single(text: str, start: int, run: str, sentence_start: bool) -> ParsedName | None:
    """Fast path for a one-word run: most are sentence openers, places or surnames."""
    word = _single_word(run, sentence_start)
    if word is None:
        return None
    found = _single_piece(word, _role_before(text, start))
    return ParsedName(start, start + len(word), word, *found)


@lru_cache(maxsize=4096)
def _single_word(run: str, sentence_start: bool) -> str | None:
    """The name a one-word run may be, or None for an opener, a title or an acronym."""
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
    return word


@lru_cache(maxsize=4096)
def _single_piece(word: str, role: str) -> tuple[tuple[str, ...], frozenset[str], bool]:
    """Tokens, titles and whether a one-word name after `role` (or "") is a person."""
    titles = frozenset((role,)) if role else frozenset()
    tokens = (word.rstrip(".") if len(word) > 2 else word,)
    person = bool(titles) and _looks_like_person(tokens, set(titles))
    return tokens, titles, person


def is_sentence_start(text: str, i: int) -> bool:
    """True when position i opens a paragraph or follows a sentence end (or a quote mark)."""
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    return text[j] in '.!?:…“”"‘«»„(—–-'
