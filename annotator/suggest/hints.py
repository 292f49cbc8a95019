"""Tone and rhetorical-device hints for one quote, each with a confidence and a reason.

Tone blends a polarity score from the VADER lexicon with small cue lexicons; devices come
from surface cues only, so every hint says which words triggered it. Cues are single words
(set lookups), phrases (looked up by their first word) or, for a few structures, regexes
run only when their trigger word occurs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

from annotator.suggest.cue_lexicon import CUES_BY_WORD, DEVICE_WEIGHTS, PATTERNS
from annotator.suggest.lexicon import words
from annotator.suggest.model import Hint

WORD_RX = re.compile(r"[a-z0-9][a-z0-9'\-]*")
_CLAUSE_OPENING_RX = re.compile(r"(?:^|[.;!?,]\s+)[\"'“‘«„]*([a-z']+ [a-z']+)")
_STOP = words(
    "the a an and or but of to in on at for with is are was were be been that this it its as "
    "by from we our they their i you he she not have has had will would there what which who "
    "them us"
)
_QUESTION_OPENERS = words("why how who what isn't don't doesn't aren't can could")


@lru_cache(maxsize=1)
def _vader() -> tuple[dict[str, float], frozenset[str]]:
    """The VADER lexicon and negations, loaded once on first use."""
    from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon), frozenset(NEGATE)


def polarity(words: list[str]) -> float:
    """A VADER-style compound score in [-1, 1]: lexicon valences, negation flips, normalised.

    The full VADER rules (boosters, "but", caps) are skipped to keep this fast.
    """
    lexicon, negations = _vader()
    total = 0.0
    for i, word in enumerate(words):
        valence = lexicon.get(word)
        if valence is None:
            continue
        window = words[max(0, i - 3) : i]
        if any(w in negations or w.endswith("n't") for w in window):
            valence *= -0.74
        total += valence
    return total / math.sqrt(total * total + 15)


def _matches(words: list[str]) -> dict[tuple[str, str], list[str]]:
    """Every cue found in the quote: (kind, name) -> the words that triggered it."""
    found: dict[tuple[str, str], list[str]] = {}
    distinct = set(words)
    padded = ""
    for word in distinct:
        entry = CUES_BY_WORD.get(word)
        if entry is None:
            continue
        alone, phrases = entry
        for key in alone:
            found.setdefault(key, []).append(word)
        if phrases:
            padded = padded or " " + " ".join(words) + " "
            for key, phrase in phrases:
                if phrase in padded:
                    found.setdefault(key, []).append(phrase.strip())
    for trigger, key, pattern in PATTERNS:
        if trigger in distinct:
            padded = padded or " " + " ".join(words) + " "
            m = pattern.search(padded)
            if m:
                found.setdefault(key, []).append(m.group().strip())
    return found


def tone_hints(quote: str, words: list[str], found: dict[tuple[str, str], list[str]]) -> list[Hint]:
    """The likeliest tone (and a close runner-up), from cue phrases plus polarity."""
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    for (kind, name), cues in found.items():
        if kind == "tone":
            scores[name] = scores.get(name, 0.0) + len(cues)
            reasons[name] = [f'"{c}"' for c in cues]
    compound = polarity(words)
    if compound <= -0.3:
        for tone, weight in (("accusatory", 0.5), ("confrontational", 0.4), ("warning", 0.3)):
            scores[tone] = scores.get(tone, 0.0) + weight * -compound
    elif compound >= 0.3:
        for tone, weight in (("optimistic", 0.6), ("conciliatory", 0.4)):
            scores[tone] = scores.get(tone, 0.0) + weight * compound
    if "?" in quote and ("you" in words or "why" in words):
        scores["confrontational"] = scores.get("confrontational", 0.0) + 0.5
        reasons.setdefault("confrontational", []).append("a pointed question")
    best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:2]
    if not best or best[0][1] < 0.3:
        why = f"no tone cue; polarity {compound:+.2f}"
        return [Hint("tone", "neutral", 0.5 if abs(compound) < 0.3 else 0.35, why)]
    hints = []
    for tone, score in best:
        if score < 0.7 * best[0][1]:
            break
        listed = ", ".join(reasons.get(tone, [])[:3])
        why = (f"{listed}; " if listed else "") + f"polarity {compound:+.2f}"
        hints.append(Hint("tone", tone, round(min(0.85, 0.35 + 0.2 * score), 2), why))
    return hints


def device_hints(
    quote: str, words: list[str], found: dict[tuple[str, str], list[str]]
) -> list[Hint]:
    """Rhetorical devices with surface cues in the quote, each with its trigger words."""
    hints: dict[str, Hint] = {}

    def add(name: str, confidence: float, why: str) -> None:
        if name not in hints or hints[name].confidence < confidence:
            hints[name] = Hint("device", name, round(min(confidence, 0.9), 2), why)

    for (kind, name), cues in found.items():
        if kind != "device":
            continue
        base, step, label = DEVICE_WEIGHTS[name]
        distinct = sorted(set(cues))
        add(name, base + step * (len(distinct) - 1), f"{label}: " + ", ".join(distinct[:4]))
    us = found.get(("side", "us"))
    them = found.get(("side", "them"))
    if us and them:
        sides = f"{'/'.join(sorted(set(us)))} against {'/'.join(sorted(set(them)))}"
        add("us versus them", 0.45 + 0.05 * min(4, len(us) + len(them)), sides)
    core = quote.strip(" \"'“”‘’«»„‚‹›,.")
    if "?" in core:
        opening = words[0] if words else ""
        strong = opening in _QUESTION_OPENERS
        add("rhetorical question", 0.65 if strong else 0.5, 'a question ("?") in a statement')
    _repetition(quote.lower().replace("’", "'"), words, add)
    return sorted(hints.values(), key=lambda h: (-h.confidence, h.name))


def _repetition(low: str, words: list[str], add: Callable[[str, float, str], None]) -> None:
    openings: dict[str, int] = {}
    for head in _CLAUSE_OPENING_RX.findall(low):
        if not head.startswith(("the ", "a ")):
            openings[head] = openings.get(head, 0) + 1
    for head, count in openings.items():
        if count >= 2:
            add("repetition", 0.6, f'anaphora: "{head}" opens {count} clauses')
            return
    if len(words) - len(set(words)) < 2:
        return  # no word can occur three times
    counts: dict[str, int] = {}
    for word in words:
        if len(word) > 3 and word not in _STOP:
            counts[word] = counts.get(word, 0) + 1
    word, count = max(counts.items(), key=lambda item: (item[1], item[0]), default=("", 0))
    if count >= 3:
        add("repetition", 0.45, f'"{word}" repeated {count} times')


def hints_for(quote: str) -> tuple[str | None, tuple[str, ...], tuple[Hint, ...]]:
    """Tone, devices (those with confidence >= 0.5) and all hints for a quote's text."""
    low = quote.lower().replace("’", "'")
    words = WORD_RX.findall(low)
    found = _matches(words)
    tones = tone_hints(quote, words, found)
    devices = device_hints(quote, words, found)
    names = tuple(h.name for h in devices if h.confidence >= 0.5)
    return (tones[0].name if tones else None), names, tuple(tones) + tuple(devices)
