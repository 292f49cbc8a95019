"""Tone and rhetorical-device hints for one quote, each with a confidence and a reason.

Tone comes from cue lexicons (words, phrases, and structures such as threats, refusals or
denials); a polarity score from the VADER lexicon only nudges it, so a plain factual
statement stays neutral. Devices come from surface cues only, so every hint says which
words triggered it. Single words are set look-ups, phrases are tried only when their
first word occurs, and each structure regex runs only when its trigger words occur.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import compress, count

from annotator.suggest.cue_lexicon import (
    DEVICE_WEIGHTS,
    PATTERNS,
    PHRASE_CUES,
    PHRASE_PAIRS,
    TONE_THRESHOLD,
    TRIGGER_WORDS,
    TRIGGERS,
    WORD_CUES,
    CueKey,
)
from annotator.suggest.lexicon import words as word_set
from annotator.suggest.model import Hint

WORD_RX = re.compile(r"[a-z0-9][a-z0-9'\-]*")
# Clause openings, skipping a leading conjunction ("And we will not ...").
_CLAUSE_OPENING_RX = re.compile(
    r"(?:^|[.;!?,]\s+)[\"'“‘«„]*(?:(?:and|but|or|so|yet)\s+)?([a-z']+(?: [a-z']+){1,4})"
)
_STOP = word_set(
    "the a an and or but of to in on at for with is are was were be been that this it its as "
    "by from we our they their i you he she not have has had will would there what which who "
    "them us"
)
_SIDE_PAIRS = (("we", "they"), ("our", "their"), ("us", "them"), ("ours", "theirs"))
_QUESTION_OPENERS = word_set("why how who what isn't don't doesn't aren't can could")
_EDGE = "\"'“”‘’«»„‚‹›()[]—–-,;:…"
# Polarity alone is weak evidence of a tone: it nudges, it never decides.
_NEGATIVE_NUDGE = (("accusatory", 0.2), ("confrontational", 0.15), ("warning", 0.15))
_POSITIVE_NUDGE = (("optimistic", 0.25), ("conciliatory", 0.15))

_WORD_CUE_WORDS = frozenset(WORD_CUES)
# One cue found in a quote: (what to show, weight, whether it is a structure, index of the
# quote's word where it starts).
Cue = tuple[str, float, bool, int]
Found = dict[CueKey, list[Cue]]


@lru_cache(maxsize=1)
def _vader() -> tuple[dict[str, float], frozenset[str]]:
    """The VADER lexicon and negations, loaded once on first use."""
    from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon), frozenset(NEGATE)


def polarity(words: list[str], present: set[str] | None = None) -> float:
    """A VADER-style compound score in [-1, 1]: lexicon valences, negation flips, normalised.

    The full VADER rules (boosters, "but", caps) are skipped to keep this fast. `present`,
    the set of `words` if the caller has it, tells at once when no word has a valence.
    """
    lexicon, negations = _vader()
    if present is None:
        present = set(words)
    if lexicon.keys().isdisjoint(present):
        return 0.0
    total = 0.0
    if negations.isdisjoint(present) and "n't" not in " ".join(present):
        # Nothing negates: every valence counts as it is, in the order of the words.
        for word in filter(lexicon.__contains__, words):
            total += lexicon[word]
        return total / math.sqrt(total * total + 15)
    # Most words have no valence: find the ones that do without a Python step per word.
    for i in compress(count(), map(lexicon.__contains__, words)):
        valence = lexicon[words[i]]
        for w in words[max(0, i - 3) : i]:
            if w in negations or w.endswith("n't"):
                valence *= -0.74
                break
        total += valence
    return total / math.sqrt(total * total + 15)


def _matches(low: str, words: list[str], present: set[str]) -> Found:
    """Every cue in the quote: (kind, name) -> [(what triggered it, weight, structure,
    index of the word it starts at)], in the order the cues occur in the quote."""
    found: Found = {}
    # The set gives the words in no fixed order: each cue keeps its position instead, and
    # whatever reaches the output is ordered by it.
    for word in _WORD_CUE_WORDS.intersection(present):
        at = words.index(word)
        for key, weight in WORD_CUES[word]:
            if key in found:
                found[key].append((word, weight, False, at))
            else:
                found[key] = [(word, weight, False, at)]
    # A phrase can only occur where its first two words follow each other.
    pairs = PHRASE_PAIRS.intersection(zip(words, words[1:], strict=False))
    if pairs:
        padded = f" {' '.join(words)} "
        for pair in pairs:
            for phrase, cues in PHRASE_CUES[pair]:
                pos = padded.find(phrase)
                if pos < 0:
                    continue
                at = padded.count(" ", 0, pos)
                shown = phrase.strip()
                for key, weight in cues:
                    found.setdefault(key, []).append((shown, weight, False, at))
    triggered = TRIGGER_WORDS.intersection(present)
    if not triggered:
        return found
    structures = {i for w in triggered for i, also in TRIGGERS[w] if also <= present}
    for i in sorted(structures):
        key, weight, label, pattern, not_after = PATTERNS[i]
        for m in pattern.finditer(low):
            if _starts_word(low, m.start(), not_after):
                shown = " ".join(m.group().split())
                shown = shown if len(shown) <= 60 else shown[:57] + "..."
                at = len(WORD_RX.findall(low, 0, m.start()))
                found.setdefault(key, []).append((f'{label}: "{shown}"', weight, True, at))
                break
    return found


def _starts_word(low: str, at: int, not_after: frozenset[str]) -> bool:
    """True when `at` starts a word that does not follow one of `not_after`."""
    if at and (low[at - 1].isalnum() or low[at - 1] in "'-"):
        return False
    if not_after:
        before = low[max(0, at - 12) : at].split()
        return not before or before[-1].strip(_EDGE) not in not_after
    return True


def tone_hints(
    words: list[str], found: Found, pointed: bool, present: set[str] | None = None
) -> list[Hint]:
    """The likeliest tone (and a close runner-up), from cue phrases plus polarity;
    `pointed`: a question addressed to someone ("Why ...?", "... you ...?"); `present`:
    the set of `words`, if the caller has it."""
    scores: dict[str, float] = {}
    cues_of: dict[str, list[Cue]] = {}
    for (kind, name), cues in found.items():
        if kind == "tone":
            cues_of[name] = cues
            if len(cues) == 1:
                scores[name] = cues[0][1]
                continue
            weights = sorted({(text, weight) for text, weight, _, _ in cues}, key=_by_weight)
            # The strongest cue counts fully, further distinct ones less and less.
            scores[name] = sum(weight / (1 + k) for k, (_, weight) in enumerate(weights))
    compound = polarity(words, present)
    if pointed:
        scores["confrontational"] = scores.get("confrontational", 0.0) + 0.6
    shown_polarity = f"{compound:+.2f}"
    if not scores or max(scores.values()) < TONE_THRESHOLD:
        return [_neutral(shown_polarity, abs(compound) < 0.5)]
    for tone, weight in _NEGATIVE_NUDGE if compound < 0 else _POSITIVE_NUDGE:
        if tone in scores:
            scores[tone] += weight * abs(compound)
    if len(scores) == 1:
        best_tones = list(scores.items())
    else:
        best_tones = sorted(scores.items(), key=_by_score)[:2]
    hints = []
    for tone, score in best_tones:
        if score < 0.7 * best_tones[0][1] or score < TONE_THRESHOLD:
            break
        why = ", ".join(_shown(cues_of.get(tone, []))[:3])
        if tone == "confrontational" and pointed:
            why = f"{why}, a pointed question" if why else "a pointed question"
        why = f"{why}; polarity {shown_polarity}" if why else f"polarity {shown_polarity}"
        hints.append(Hint("tone", tone, round(min(0.85, 0.3 + 0.25 * score), 2), why))
    return hints


def _by_score(item: tuple[str, float]) -> tuple[float, str]:
    return -item[1], item[0]


@lru_cache(maxsize=1024)
def _neutral(shown: str, mild: bool) -> Hint:
    """The neutral tone hint for a polarity shown as `shown` (at most 402 such hints)."""
    why = f"no clear tone cue; polarity {shown}"
    return Hint("tone", "neutral", 0.5 if mild else 0.35, why)


def _by_weight(cue: tuple[str, float]) -> float:
    return -cue[1]


def _rank(cue: Cue) -> tuple[float, int, str]:
    return -cue[1], cue[3], cue[0]


def _shown(cues: list[Cue]) -> list[str]:
    """Distinct cues, strongest first (ties in quote order, then by text), phrases quoted."""
    if len(cues) == 1:
        text, _, structure, _ = cues[0]
        return [text if structure else f'"{text}"']
    ranked = sorted(cues, key=_rank)
    shown: list[str] = []
    for text, _, structure, _ in ranked:
        label = text if structure else f'"{text}"'
        if label not in shown:
            shown.append(label)
    return shown


def device_hints(
    quote: str, low: str, words: list[str], present: set[str], found: Found
) -> list[Hint]:
    """Rhetorical devices with surface cues in the quote, each with its trigger words."""
    best: dict[str, tuple[float, str]] = {}
    for (kind, name), cues in found.items():
        if kind != "device":
            continue
        base, step, label = DEVICE_WEIGHTS[name]
        if len(cues) == 1:
            text, weight, structure, _ = cues[0]
            best[name] = (weight, text) if structure else (base, f"{label}: {text}")
            continue
        structures = sorted({text for text, _, structure, _ in cues if structure})
        plain = sorted({text for text, _, structure, _ in cues if not structure})
        confidence = max(weight if structure else base for _, weight, structure, _ in cues)
        confidence += step * (len(structures) + len(plain) - 1)
        shown = structures[:2] + ([f"{label}: {', '.join(plain[:4])}"] if plain else [])
        best[name] = (confidence, "; ".join(shown))
    us = found.get(("side", "us"))
    them = found.get(("side", "them"))
    # Both sides in the same role: "we … they", "our … their", "us … them"; not "we told
    # them" or "they say … our colleagues", where one side is only the object.
    if us and them and any(a in present and b in present for a, b in _SIDE_PAIRS):
        sides = "/".join(sorted({c[0] for c in us})) + " against "
        sides += "/".join(sorted({c[0] for c in them}))
        best["us versus them"] = (0.45 + 0.05 * min(4, len(us) + len(them)), sides)
    if "?" in quote and "?" in quote.strip(" \"'“”‘’«»„‚‹›,."):
        strong = bool(words) and words[0] in _QUESTION_OPENERS
        why = 'a question ("?") in a statement'
        best["rhetorical question"] = (0.65 if strong else 0.5, why)
    repetition = _repetition(low, words, present)
    if repetition:
        best["repetition"] = repetition
    if not best:
        return []  # most quotes: no device at all
    hints = [
        Hint("device", name, round(min(confidence, 0.9), 2), why)
        for name, (confidence, why) in best.items()
    ]
    if len(hints) > 1:
        hints.sort(key=lambda h: (-h.confidence, h.name))
    return hints


def _repetition(low: str, words: list[str], present: set[str]) -> tuple[float, str] | None:
    if len(words) - len(present) < 2:
        return None  # no word can occur three times, and no pair of words can repeat
    # A repeated opening needs a repeated pair of words.
    if len(set(zip(words, words[1:], strict=False))) < len(words) - 1:
        anaphora = _anaphora(low)
        if anaphora:
            return anaphora
    count, word = max(
        (
            (count, word)
            for word, count in Counter(words).items()
            if count >= 3 and len(word) > 3 and word not in _STOP
        ),
        default=(0, ""),
    )
    return (0.45, f'"{word}" repeated {count} times') if count else None


def _anaphora(low: str) -> tuple[float, str] | None:
    """Clauses opening with the same two or more words ("We will not ... We will not")."""
    by_start: dict[str, list[list[str]]] = {}
    for opening in _CLAUSE_OPENING_RX.findall(low):
        if not opening.startswith(("the ", "a ")):
            parts = opening.split()
            by_start.setdefault(" ".join(parts[:2]), []).append(parts)
    for group in by_start.values():
        if len(group) < 2:
            continue
        shared = group[0]
        for parts in group[1:]:
            n = 0
            while n < min(len(shared), len(parts)) and shared[n] == parts[n]:
                n += 1
            shared = shared[:n]
        confidence = 0.6 + 0.05 * min(3, len(group) - 2) + 0.05 * min(2, len(shared) - 2)
        return confidence, f'anaphora: "{" ".join(shared)}" opens {len(group)} clauses'
    return None


def hints_for(quote: str) -> tuple[str | None, tuple[str, ...], tuple[Hint, ...]]:
    """Tone, devices (those with confidence >= 0.5) and all hints for a quote's text."""
    low = quote.lower().replace("’", "'").replace("‘", "'")
    words = WORD_RX.findall(low)
    present = set(words)  # shared by every cue look-up
    found = _matches(low, words, present)
    pointed = "?" in quote and ("you" in present or "why" in present)
    tones = tone_hints(words, found, pointed, present)
    devices = device_hints(quote, low, words, present, found)
    names = tuple([h.name for h in devices if h.confidence >= 0.5]) if devices else ()
    return (tones[0].name if tones else None), names, (*tones, *devices)
