"""Tone and rhetorical-device hints for one quote, each with a confidence and a reason.

Tone blends a polarity score from the VADER lexicon with small cue lexicons; devices come
from surface cues only, so every hint says which words triggered it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from annotator.suggest.lexicon import words
from annotator.suggest.model import Hint

AddHint = Callable[[str, float, str], None]
WORD_RX = re.compile(r"[a-z][a-z’'\-]*")

# Phrase cues for each tone: one combined regex, the group name says which tone matched.
TONE_CUES: dict[str, str] = {
    "confrontational": r"will not (?:back down|tolerate|accept|stand)|"
    r"won[’']t (?:back down|tolerate|accept)|stand up to|enough is enough|we will fight|"
    r"fight back|challenge|refuse|demand"
    r"|must (?:stop|end|withdraw|remove)|need to remove|desist|how dare",
    "accusatory": r"\b(?:lie[sd]?|lying|liars?|blame[sd]?|accuse[sd]?|responsible for|guilty|"
    r"betray(?:ed|al)?|deliberately|threaten(?:s|ed|ing)?|to threaten|cover[- ]up|your fault|"
    r"their fault|grandstanding|failed to|refused to|ignored)\b",
    "conciliatory": r"\b(?:work together|dialogue|common ground|compromise|respect|partners?hip|"
    r"cooperation|co-operation|reconcil\w+|de-escalat\w+|we agree|let us|hand of friendship|"
    r"find a way|mutual|together)\b",
    "defensive": r"\b(?:not true|untrue|we have always|did nothing wrong|never said|deny|denied|"
    r"misrepresent\w*|out of context|entitled to|perfectly (?:proper|legitimate|normal)|"
    r"no one is|nobody is|simply not|we are not|i am not|i’m not|legitimate)\b",
    "warning": r"\b(?:will face|consequences|severe|warn\w*|at risk|danger\w*|sanctions|would "
    r"(?:be|put|not)|there will be|cost|price to pay|if (?:there|they|you|russia|we)\b[^.]{0,60}"
    r"\b(?:will|would))\b",
    "sarcastic": r"\b(?:oh (?:sure|great|wonderful)|yeah,? right|how convenient|congratulations|"
    r"what a surprise|apparently|so-called|genius|bravo)\b",
    "dismissive": r"\b(?:nonsense|ridiculous|absurd|rubbish|irrelevant|not worth|whatever|"
    r"pointless|fake|hysteria|laughable|baseless|groundless|fell on|bounced off|don[’']t care)\b",
    "optimistic": r"\b(?:hope\w*|confident|optimis\w+|progress|bright\w*|opportunit\w+|better "
    r"future|succeed|success|look forward|positive|encourag\w+|breakthrough)\b",
}
_TONE_RX = re.compile("|".join(f"(?P<{t}>{cue})" for t, cue in TONE_CUES.items()))

# Phrase cues for devices (group names are device names with "_" for spaces and dashes).
DEVICE_CUES: dict[str, str] = {
    "simile": r"(?<!would )(?<!i[’']d )\blike (?:a|an|the)\b|\bas (?:\w+ ){1,2}as\b|\bas if\b|"
    r"\bas though\b",
    "antithesis": r"\bnot\b[^.;?!]{1,60}?,? but\b|\brather than\b|\bask not\b",
    "understatement": r"\bnot (?:un\w+|bad|ideal|exactly|the best|great)\b|\bless than ideal\b|"
    r"\ba (?:bit|little) (?:of )?\w+|\bsomewhat\b|\bslightly\b",
    "irony": r"\bironic(?:ally)?\b|\bof course\b[^.]{0,40}\bnot\b",
    "doubt": r"\bso-called\b|\ballegedly\b|\bsupposedly\b|\bclaims? to\b|\bis it really\b|"
    r"\bcan we (?:really )?trust\b|\bquestionable\b",
    "whataboutism": r"\bwhat about\b|\bbut what of\b|\blook at what\b|\bthey themselves\b|"
    r"\bthe same (?:people|countries) who\b",
    "straw_man": r"\bwant(?:s)? you to believe\b|\bwould have you believe\b|\bthey (?:say|claim|"
    r"pretend)\b|\bso what you[’']re saying\b",
    "appeal_to_authority": r"\bexperts? (?:say|agree|warn)|\bscientists\b|\bstudies show\b|"
    r"\binternational law\b|\bthe (?:un|united nations|constitution)\b|\bdoctors say\b",
    "causal_oversimplification": r"\bbecause of\b|\bthe (?:only )?reason\b|\bsimply because\b|"
    r"\ball because\b|\bno other reason\b|\bcaused by\b|\bsolely\b",
    "black_and_white_fallacy": r"\beither\b[^.]{1,60}\bor\b|\bwith us or\b|\bno alternative\b|"
    r"\bonly (?:option|choice|way)\b|\bno middle ground\b",
    "exaggeration_minimisation": r"\bmerely\b|\bjust a\b|\bonly a\b|\bnothing more than\b|"
    r"\bmere\b|\ba handful\b",
    "metaphor": r"\bfell on (?:\w+ )?(?:soil|ears|ground)\b|\bred line\b|\biron curtain\b|"
    r"\bslippery slope\b|\btip of the iceberg\b|\bon the table\b|\bbounced off\b|\bcross(?:ed)? "
    r"the line\b|\bopen door\b|\bwall of\b|\bwave of\b|\bstorm of\b|\bseeds? of\b|\bpath to\b",
}
_DEVICE_RX = re.compile("|".join(f"(?P<{d}>{cue})" for d, cue in DEVICE_CUES.items()))

ABSOLUTES = words(
    "never always everyone everybody nobody nothing everything totally completely absolutely "
    "entirely forever biggest greatest worst best ever unprecedented catastrophic historic "
    "incredible unbelievable millions billions all none utterly"
)
LOADED = words(
    "disastrous catastrophic reckless shameful outrageous appalling disgraceful brutal "
    "barbaric evil monstrous heroic cowardly grandstanding propaganda hysteria aggression "
    "slaughter massacre terror chaos betrayal treachery hoax invade invasion onslaught "
    "shocking scandalous sinister ruthless criminal bloodthirsty puppet regime"
)
NAME_CALLING = words(
    "puppet puppets clown clowns liar liars thug thugs dictator tyrant traitor traitors "
    "fascist fascists nazi nazis terrorist terrorists idiot idiots crook crooks warmonger "
    "warmongers extremist extremists loser losers criminals regime junta mute deaf "
    "dumb"
)
FEAR = words(
    "threat threats threaten danger dangerous destroy destruction catastrophe invasion "
    "incursion war collapse die death deaths terror afraid fear attack attacks bloodshed "
    "conflict nuclear"
)
FLAG = (
    "our country",
    "our nation",
    "the british people",
    "the american people",
    "patriot",
    "national interest",
    "our values",
    "our great",
    "our children",
    "our sovereignty",
    "motherland",
    "homeland",
    "our allies",
)
_NOT_SUPERLATIVE = words(
    "honest interest interests protest protests request suggest "
    "invest arrest contest forest modest digest harvest manifest "
    "conquest"
)
US_WORDS = words("we our us ours ourselves")
THEM_WORDS = words("they them their theirs themselves")
_STOP = words(
    "the a an and or but of to in on at for with is are was were be been that this it its "
    "as by from we our they their i you he she not have has had will would there what which "
    "who"
)


@lru_cache(maxsize=1)
def _vader() -> tuple[dict[str, float], frozenset[str]]:
    """The VADER lexicon and negations, loaded once on first use."""
    from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon), frozenset(NEGATE)


def polarity(words: list[str]) -> float:
    """A VADER-style compound score in [-1, 1]: lexicon valences, negation flips, normalised."""
    lexicon, negations = _vader()
    total = 0.0
    for i, word in enumerate(words):
        valence = lexicon.get(word)
        if valence is None:
            continue
        if any(w in negations or w.endswith("n’t") for w in words[max(0, i - 3) : i]):
            valence *= -0.74
        total += valence
    return total / math.sqrt(total * total + 15)


def tone_hints(quote: str, words: list[str]) -> list[Hint]:
    """The likeliest tone (and a close runner-up), from cue phrases plus polarity."""
    low = quote.lower()
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    for m in _TONE_RX.finditer(low):
        tone = m.lastgroup or "neutral"
        scores[tone] = scores.get(tone, 0.0) + 1.0
        reasons.setdefault(tone, []).append(f'"{m.group().strip()}"')
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
        cues = ", ".join(reasons.get(tone, [])[:3])
        why = (f"{cues}; " if cues else "") + f"polarity {compound:+.2f}"
        hints.append(Hint("tone", tone, round(min(0.85, 0.35 + 0.2 * score), 2), why))
    return hints


def device_hints(quote: str, words: list[str]) -> list[Hint]:
    """Rhetorical devices with surface cues in the quote, each with its trigger words."""
    low = quote.lower()
    hints: dict[str, Hint] = {}

    def add(name: str, confidence: float, why: str) -> None:
        if name not in hints or hints[name].confidence < confidence:
            hints[name] = Hint("device", name, round(min(confidence, 0.9), 2), why)

    for m in _DEVICE_RX.finditer(low):
        group = m.lastgroup or ""
        name = _device_name(group)
        confidence = 0.3 if name in ("metaphor", "irony", "straw man") else 0.55
        if name == "simile":
            confidence = 0.7
        add(name, confidence, f'cue "{m.group().strip()}"')
    _question(quote, add)
    word_set = set(words)
    _lexical(words, word_set, low, add)
    _repetition(quote, words, add)
    return sorted(hints.values(), key=lambda h: (-h.confidence, h.name))


def _device_name(group: str) -> str:
    special = {"exaggeration_minimisation": "exaggeration/minimisation"}
    if group in special:
        return special[group]
    name = group.replace("_", " ")
    return "black-and-white fallacy" if name == "black and white fallacy" else name


def _question(quote: str, add: AddHint) -> None:
    core = quote.strip(" \"'“”‘’«»„‚‹›,.")
    if "?" in core:
        opening = core.split()[0].lower() if core.split() else ""
        strong = opening in {"why", "how", "who", "what", "isn’t", "isn't", "don’t", "don't"}
        add("rhetorical question", 0.65 if strong else 0.5, 'a question ("?") in a statement')


def _lexical(words: list[str], word_set: set[str], low: str, add: AddHint) -> None:
    found = sorted(word_set & ABSOLUTES) + sorted(
        w for w in word_set if w.endswith("est") and len(w) > 5 and w not in _NOT_SUPERLATIVE
    )
    if found:
        add("hyperbole", 0.4 + 0.1 * len(found), "absolute/superlative: " + ", ".join(found[:4]))
    for name, lexicon, base in (
        ("loaded language", LOADED, 0.45),
        ("name calling", NAME_CALLING, 0.45),
        ("appeal to fear", FEAR, 0.35),
    ):
        hits = sorted(word_set & lexicon)
        if hits:
            add(name, base + 0.1 * len(hits), "words: " + ", ".join(hits[:4]))
    flags = [f for f in FLAG if f in low]
    if flags:
        add("flag-waving", 0.5, "phrases: " + ", ".join(flags[:3]))
    us = sorted(word_set & US_WORDS)
    them = sorted(word_set & THEM_WORDS)
    if us and them:
        add(
            "us versus them",
            0.45 + 0.05 * min(4, len(us) + len(them)),
            f"{'/'.join(us)} against {'/'.join(them)}",
        )


def _repetition(quote: str, words: list[str], add: AddHint) -> None:
    openings = [s.split()[:2] for s in re.split(r"[.;!?]\s+|,\s+", quote.lower()) if s.split()]
    firsts = Counter(" ".join(o) for o in openings if len(o) == 2)
    repeated = [o for o, n in firsts.items() if n >= 2 and o.split()[0] not in ("the", "a")]
    if repeated:
        add("repetition", 0.6, f'anaphora: "{repeated[0]}" opens {firsts[repeated[0]]} clauses')
        return
    content = Counter(w for w in words if len(w) > 3 and w not in _STOP)
    if content:
        word, count = content.most_common(1)[0]
        if count >= 3:
            add("repetition", 0.45, f'"{word}" repeated {count} times')


def hints_for(quote: str) -> tuple[str | None, tuple[str, ...], tuple[Hint, ...]]:
    """Tone, devices and all hints for a quote's text (marks included or not)."""
    words = WORD_RX.findall(quote.lower())
    tones = tone_hints(quote, words)
    devices = device_hints(quote, words)
    names = tuple(h.name for h in devices if h.confidence >= 0.5)
    return (tones[0].name if tones else None), names, tuple(tones) + tuple(devices)
