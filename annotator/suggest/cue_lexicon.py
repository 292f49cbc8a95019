"""Cue lexicons for tone and rhetorical-device hints (lowercase, apostrophes as ').

Each tone or device lists single words and multi-word phrases, matched as whole words in
the quote's words joined by single spaces, and, for a few structures (threats, similes,
accusations of intent), regexes run on the lowercased quote when their trigger occurs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A tone cue's weight: a single word is a weak sign, a phrase a clear one; structures
# carry their own weight. A tone needs a score of TONE_THRESHOLD to be suggested.
WORD_WEIGHT = 0.6
PHRASE_WEIGHT = 1.0
TONE_THRESHOLD = 0.55

TONE_WORDS: dict[str, str] = {
    "confrontational": "challenge refuse refuses demand demands desist defy defiant "
    "unacceptable intolerable",
    "accusatory": "lie lies lied lying liar liars blame blamed accuse accused guilty betray "
    "betrayed betrayal deliberately grandstanding cover-up hypocrisy hypocrites "
    "hypocritical provocation provocations provocative sabotage "
    "sabotaged deceit deceived deceiving aggressor cynical violated violation violations",
    "conciliatory": "dialogue compromise partnership cooperation co-operation reconciliation "
    "de-escalation mutual friendship goodwill",
    "defensive": "untrue misrepresented misrepresentation legitimate entitled self-defence "
    "self-defense",
    "warning": "consequences severe warn warning sanctions danger dangerous perilous "
    "ultimatum retaliation fuse tinderbox beware",
    "sarcastic": "apparently congratulations genius bravo",
    "dismissive": "nonsense ridiculous absurd rubbish irrelevant pointless fake hysteria "
    "laughable baseless groundless fantasy",
    "optimistic": "hope hopeful confident optimistic progress bright opportunity succeed "
    "success positive encouraging breakthrough",
}
TONE_PHRASES: dict[str, str] = {
    "confrontational": "will not back down|will not tolerate|will not accept|won't back down|"
    "won't tolerate|won't accept|stand up to|enough is enough|we will fight|fight back|"
    "how dare|must stop|must end|must withdraw|need to remove|not one inch|not an inch|"
    "deserve answers|demand answers|not excuses|how is that acceptable|"
    "how is this acceptable|how can that be acceptable|which is it|answer the question",
    "accusatory": "responsible for|your fault|their fault|failed to|refused to|to threaten|"
    "is to blame|are to blame|broke their promise|broken promises",
    "conciliatory": "work together|working together|common ground|we agree|let us|"
    "hand of friendship|open hands|open hand|outstretched hand|olive branch|good faith|"
    "find a way|open to talks|meet halfway|peaceful solution|diplomatic solution",
    "defensive": "not true|we have always|did nothing wrong|done nothing wrong|never said|"
    "out of context|entitled to|perfectly proper|perfectly legitimate|no one is|nobody is|"
    "simply not|we are not|i am not|i'm not|every right|right to defend|purely defensive|"
    "we stand by",
    "warning": "will face|at risk|price to pay|pay the price|pay a price|pay a heavy price|"
    "pay dearly|will pay|will regret|running out|last chance|too late|should be worried|"
    "should be concerned|should be afraid|be warned|make no mistake|mark my words|"
    "will not go unanswered|will be met with|point of no return|powder keg|time bomb",
    "sarcastic": "oh sure|oh great|yeah right|how convenient|what a surprise",
    "dismissive": "not worth|don't care|waste of time|not serious|fairy tale|fairy tales|"
    "hot air|empty words|empty promises|talking to a wall|nail jelly|herding cats",
    "optimistic": "look forward|better future|on track|way forward",
}

DEVICE_WORDS: dict[str, str] = {
    "hyperbole": "never always everyone everybody nobody nothing everything totally "
    "completely absolutely entirely forever biggest greatest worst best ever unprecedented "
    "catastrophic historic incredible unbelievable millions billions utterly",
    "loaded language": "disastrous catastrophic reckless shameful outrageous appalling "
    "disgraceful brutal barbaric evil monstrous heroic cowardly grandstanding propaganda "
    "hysteria aggression slaughter massacre terror chaos betrayal treachery hoax invade "
    "invasion onslaught shocking scandalous sinister ruthless bloodthirsty",
    "name calling": "puppet puppets clown clowns liar liars thug thugs dictator tyrant "
    "traitor traitors fascist fascists nazi nazis terrorists idiot idiots crook crooks "
    "warmonger warmongers extremists loser losers regime junta",
    "appeal to fear": "threat threats threaten danger dangerous destroy destruction "
    "catastrophe invasion incursion war collapse death deaths terror afraid fear bloodshed "
    "nuclear",
    "doubt": "so-called allegedly supposedly questionable dubious",
    "understatement": "somewhat slightly",
    "irony": "ironic ironically",
    "exaggeration/minimisation": "merely mere",
    "causal oversimplification": "solely",
}
DEVICE_PHRASES: dict[str, str] = {
    "antithesis": "rather than|ask not",
    "understatement": "not bad|not ideal|not exactly|not the best|not great|less than ideal|"
    "a bit|a little",
    "doubt": "claims to|claim to|is it really|can we trust|can we really trust",
    "whataboutism": "what about|but what of|look at what|they themselves",
    "straw man": "want you to believe|wants you to believe|would have you believe|"
    "so what you're saying",
    "appeal to authority": "experts say|experts agree|experts warn|scientists say|"
    "studies show|international law|the united nations|the constitution|doctors say",
    "causal oversimplification": "because of|the only reason|simply because|all because|"
    "no other reason|caused by|the reason is",
    "black-and-white fallacy": "with us or|no alternative|only option|only choice|"
    "only way|no middle ground",
    "exaggeration/minimisation": "just a|only a|nothing more than|a handful",
    "flag-waving": "our country|our nation|the british people|the american people|"
    "national interest|our values|our great|our children|our sovereignty|our allies|"
    "motherland|homeland|patriot|patriots",
    "metaphor": "red line|iron curtain|slippery slope|tip of the iceberg|on the table|"
    "cross the line|crossed the line|open door|wall of|wave of|storm of|"
    "seeds of|path to|fell on deaf ears|house of cards|ticking time bomb",
}
SIDE_WORDS: dict[str, str] = {
    "us": "we our us ours ourselves",
    "them": "they them their theirs themselves",
}

# Words before "like" that make it a verb or "such as", not a comparison.
_NOT_BEFORE_LIKE = (
    "would i we you they don't didn't doesn't do did people things countries others "
    "much more also really i'd we'd you'd they'd"
)
_NOT_ING_NOUNS = "nothing|something|anything|everything|thing|things|king|morning|evening|spring"
# "as long as", "as well as", "as soon as", "as much as" ... are conjunctions or amounts.
_NOT_AS_ADJECTIVE = (
    "long|well|soon|far|much|many|little|few|early|late|recently|often|good|same|such|if|"
    "though|of|to|for|in|a|an|the|we|i|you|they|it|he|she|is|was|part|usual"
)
_NOT_AS_TARGET = (
    "possible|ever|usual|before|expected|necessary|needed|planned|always|i|we|you|he|she|"
    "it|they|it's|i'm|we're|they're|you're|anyone|anybody|anything|any|that|this|those|"
    "these|one|soon|well|long|far|much|such|our|their|his|her|my|your|its|ours|theirs"
)
_FIGURE_NOUNS = (
    "wall|fuse|minefield|circus|farce|charade|smokescreen|tinderbox|powder keg|quagmire|"
    "trap|maze|labyrinth|storm|tsunami|earthquake|nightmare|wound|poison|cancer|virus|"
    "plague|prison|cage|jungle|battlefield|battleground|lifeline|rollercoaster|"
    "roller coaster|dead end|house of cards|time bomb|volcano|avalanche|sinking ship|"
    "train wreck|slap in the face|stab in the back|witch hunt|bargaining chip|pawn|"
    "puppet show|mirage|straitjacket|noose|bridge too far|red line|black hole|"
    "cliff edge|echo chamber|pipe dream|elephant in the room"
)
_FIGURE_TRIGGERS = " ".join(sorted({"+".join(n.split()) for n in _FIGURE_NOUNS.split("|")}))
_CLAUSE = r"[^.;!?]"
_HYPOCRISY_TRIGGERS = " ".join(
    f"{verb}+{about}+{turn}"
    for verb in ["talks", "talk", "talked", "talking", "speaks", "spoke", "preaches", "lectures"]
    for about in ("about", "of")
    for turn in ("while", "but")
)
_THREAT_VERBS = (
    "pay|regret|respond|answer|retaliate|suffer|strike|hit back|not hesitate|act|"
    "defend ourselves|face"
)
_INTENT_VERBS = (
    "plotting|staging|lying|planning an?|preparing an?|deceiving|stealing|hiding|"
    "spreading|inventing|fabricating|sabotaging|provoking|attacking|shelling|violating|"
    "undermining|occupying|massing|misleading|destabilising|destabilizing|bombing|"
    "exploiting|manipulating|inciting|trying to (?:provoke|destabilise|destabilize|"
    "intimidate|blackmail|divide|undermine)"
)
_INTENT_TRIGGERS = (
    " ".join(w for w in re.findall(r"[a-z]+", _INTENT_VERBS) if w.endswith("ing") and w != "trying")
    + " trying"
)
_DEFIANT_VERBS = (
    "bargain|surrender|bow|yield|retreat|back down|give in|give up|cave|capitulate|"
    "be intimidated|be bullied|be blackmailed|be lectured|be silenced|be threatened|"
    "be dictated|trade away|sell out|tolerate|stand by and|sign|go back|let|negotiate|"
    "accept|be anyone's|be anybody's|be pushed|be rushed|be cowed|be ignored|stay silent"
)
_WRONGDOING_VERBS = (
    "hid|lied|misled|deceived|covered up|ignored|abandoned|betrayed|wasted|squandered|"
    "cheated|stole|rigged|sold out|let down"
)
_WRONGDOING_TRIGGERS = " ".join(
    sorted(set(re.findall(r"[a-z]+", _WRONGDOING_VERBS)) - {"up", "out", "down"})
)


@dataclass(frozen=True)
class Structure:
    """A cue that needs word order: a regex over the lowercased quote, with its weight.

    `triggers` are words of which one must be in the quote before the regex is tried
    ("if+will": both words); a match must start a word, and not right after one of
    `not_after` ("would like a").
    Sources start with a literal where they can, which the regex engine finds fastest.
    """

    kind: str
    name: str
    weight: float
    label: str
    triggers: str
    source: str
    not_after: str = ""


_LIKE = r"like "
STRUCTURES: tuple[Structure, ...] = (
    # devices
    Structure(
        "device", "simile", 0.75, "comparison", "like",
        _LIKE + r"(?:(?:a|an|the|some) [\w'-]+(?: [\w'-]+){0,3}|"
        rf"(?!(?:{_NOT_ING_NOUNS})\b)[a-z'-]+ing\b(?: [\w'-]+){{0,5}})",
        _NOT_BEFORE_LIKE,
    ),
    Structure(
        "device", "simile", 0.6, "comparison", "as",
        rf"as (?!(?:{_NOT_AS_ADJECTIVE})\b)(?![a-z'-]+ly\b)[a-z'-]+ as "
        rf"(?!(?:{_NOT_AS_TARGET})\b)(?:a |an |the )?[a-z'-]+",
    ),
    Structure(
        "device", "simile", 0.5, "comparison", "if+as though+as",
        r"as (?:if|though)\b(?: [\w'-]+){1,4}",
    ),
    Structure(
        "device", "metaphor", 0.35, "figurative noun after a copula", _FIGURE_TRIGGERS,
        r"(?:is|was|are|were|remains|became|becomes|has become|have become) "
        rf"(?:a|an|the) (?:[a-z'-]+ ){{0,2}}?(?:{_FIGURE_NOUNS})\b",
    ),
    Structure("device", "antithesis", 0.55, "cue", "not+but", r"not\b(?: \S+){1,10}? but\b"),
    Structure("device", "understatement", 0.45, "cue", "not", r"not un\w+"),
    Structure(
        "device", "black-and-white fallacy", 0.5, "cue", "either",
        r"either\b(?: \S+){1,10}? or\b",
    ),
    Structure("device", "irony", 0.3, "cue", "course+not", r"of course\b(?: \S+){0,6} not\b"),
    # tones
    Structure(
        "tone", "warning", 2.0, "threat", "surprised",
        rf"(?:if|when|should)\b{_CLAUSE}{{1,80}}?\b(?:should not|shouldn't|must not|"
        r"mustn't|will not|won't) be surprised\b",
    ),
    Structure(
        "tone", "warning", 1.5, "threat", "if+will if+would if+shall",
        rf"if\b{_CLAUSE}{{1,80}}?\b(?:will|would|shall)(?: \w+)? (?:{_THREAT_VERBS})\b",
    ),
    Structure(
        "tone", "warning", 1.5, "ultimatum", "if+will",
        rf"if\b{_CLAUSE}{{1,60}}?\b(?:cannot|can't|does not|doesn't|do not|don't|fails?|"
        rf"refuses?|won't|will not)\b{_CLAUSE}{{1,60}}?\b(?:we|i) will\b",
    ),
    Structure(
        "tone", "warning", 0.4, "condition and consequence", "if+will if+would",
        rf"if\b{_CLAUSE}{{1,80}}? (?:will|would)\b",
    ),
    Structure(
        "tone", "conciliatory", 1.5, "an open door", "door",
        rf"door\b{_CLAUSE}{{0,20}}?\b(?:is open|remains open|is still open|stays open|"
        r"(?:is|has) not (?:been )?closed|is never closed|has never been closed)\b",
    ),
    Structure(
        "tone", "conciliatory", 1.5, "readiness to talk", "ready willing prepared happy eager",
        r"(?:ready|willing|prepared|happy|eager) to (?:talk|listen|return|resume|"
        r"negotiate|meet|compromise|engage|work with|sit down)\b",
    ),
    Structure(
        "tone", "conciliatory", 1.0, "back to talks", "table",
        r"(?:back|return|returning|come back|came back) to the (?:negotiating )?table\b",
    ),
    Structure(
        "tone", "conciliatory", 0.6, "good faith", "came",
        r"we came (?:here )?(?:with|in|to)\b",
    ),
    Structure(
        "tone", "accusatory", 1.5, "intent attributed", _INTENT_TRIGGERS,
        rf"(?:is|are|was|were|has been|have been|keeps?|kept) (?:\w+ )?(?:{_INTENT_VERBS})\b",
        "we i nobody one not",
    ),
    Structure(
        "tone", "accusatory", 2.0, "saying one thing, doing another", _HYPOCRISY_TRIGGERS,
        r"(?:talks?|talked|talking|speaks?|spoke|preaches|lectures) (?:about|of)\b"
        rf"{_CLAUSE}{{1,60}}?\b(?:while|but)\b",
    ),
    Structure(
        "tone", "accusatory", 1.5, "a broken promise",
        "promised+nothing promised+little pledged+nothing pledged+little vowed+nothing",
        rf"(?:promised|pledged|vowed)\b{_CLAUSE}{{1,40}}?\b(?:and|but) (?:delivered|did|gave|"
        r"achieved|brought) (?:nothing|little)\b",
    ),
    Structure(
        "tone", "accusatory", 1.2, "wrongdoing attributed",
        _WRONGDOING_TRIGGERS,
        rf"(?:he|she|they|you|the government|ministers|the minister) (?:\w+ )?"
        rf"(?:{_WRONGDOING_VERBS})\b",
    ),
    Structure(
        "tone", "accusatory", 1.5, "incompetence", "no",
        r"(?:they|he|she|you|the government|ministers) (?:have|has) no (?:plan|idea|"
        r"strategy|answer|answers|clue)\b",
    ),
    Structure(
        "tone", "accusatory", 1.0, "hostile aim", "pointed aimed targeted directed",
        r"(?:pointed|aimed|targeted|directed) at (?:our|us)\b",
    ),
    Structure(
        "tone", "confrontational", 1.5, "refusal", "not+we not+i never+we never+i won't",
        rf"(?:we|i) (?:(?:will|shall|must|would) (?:not|never)|won't) (?:\w+ )?"
        rf"(?:{_DEFIANT_VERBS})\b",
    ),
    Structure(
        "tone", "dismissive", 1.5, "disbelief", "believe believes believed",
        rf"(?:nobody|no one|no-one)\b{_CLAUSE}{{0,30}}?\b(?:believes?|believed)\b",
    ),
    Structure(
        "tone", "dismissive", 1.5, "not taken seriously", "seriously",
        rf"(?:nobody|no one|cannot|can't|don't|do not)\b{_CLAUSE}{{0,30}}?\bseriously\b",
    ),
    Structure(
        "tone", "dismissive", 1.0, "a futile task", "like+is",
        r"is like (?:trying|talking|arguing|negotiating|dealing|reasoning|pushing)\b",
    ),
    Structure(
        "tone", "defensive", 1.5, "denial", "true",
        r"(?:simply|just|absolutely|completely|is|was) not true\b",
    ),
    Structure(
        "tone", "defensive", 1.5, "denial", "never",
        r"(?:has|have|had) never (?:started|attacked|invaded|threatened|wanted|sought|"
        r"done|broken|lied|provoked)\b",
    ),
    Structure(
        "tone", "defensive", 1.5, "no apology", "apologise apologize",
        r"(?:won't|will not|do not|don't|did not|didn't|never|not going to) apologi[sz]e\b",
    ),
    Structure(
        "tone", "defensive", 1.0, "own ground", "soil territory land",
        r"on (?:our (?:own )?|[a-z'-]+ )(?:soil|territory|land)\b",
    ),
)  # fmt: skip

# (base confidence, extra per further cue, label in the reason)
DEVICE_WEIGHTS: dict[str, tuple[float, float, str]] = {
    "simile": (0.7, 0.05, "cue"),
    "hyperbole": (0.45, 0.1, "absolutes/superlatives"),
    "loaded language": (0.5, 0.1, "words"),
    "name calling": (0.5, 0.1, "labels"),
    "appeal to fear": (0.4, 0.1, "words"),
    "doubt": (0.5, 0.1, "cue"),
    "understatement": (0.45, 0.1, "cue"),
    "irony": (0.3, 0.05, "cue"),
    "antithesis": (0.55, 0.05, "cue"),
    "whataboutism": (0.55, 0.05, "cue"),
    "straw man": (0.35, 0.05, "cue"),
    "appeal to authority": (0.5, 0.05, "cue"),
    "causal oversimplification": (0.45, 0.05, "cue"),
    "black-and-white fallacy": (0.5, 0.05, "cue"),
    "exaggeration/minimisation": (0.45, 0.05, "cue"),
    "flag-waving": (0.5, 0.05, "phrases"),
    "metaphor": (0.3, 0.05, "figurative cue"),
}

CueKey = tuple[str, str]  # (kind, name): ("tone", "warning"), ("device", "simile")


def _cue_table() -> dict[str, dict[CueKey, float]]:
    """Every listed word or phrase -> the cues it gives, with their weights."""
    table: dict[str, dict[CueKey, float]] = {}
    sources: tuple[tuple[str, dict[str, str], str, float], ...] = (
        ("tone", TONE_WORDS, " ", WORD_WEIGHT),
        ("tone", TONE_PHRASES, "|", PHRASE_WEIGHT),
        ("device", DEVICE_WORDS, " ", WORD_WEIGHT),
        ("device", DEVICE_PHRASES, "|", PHRASE_WEIGHT),
        ("side", SIDE_WORDS, " ", WORD_WEIGHT),
    )
    for kind, listed, sep, weight in sources:
        for name, entries in listed.items():
            for entry in entries.split(sep):
                cues = table.setdefault(entry, {})
                cues[(kind, name)] = max(weight, cues.get((kind, name), 0.0))
    return table


_TABLE = _cue_table()
# One-word cues: a set look-up per distinct word of the quote.
WORD_CUES: dict[str, tuple[tuple[CueKey, float], ...]] = {
    entry: tuple(cues.items()) for entry, cues in _TABLE.items() if " " not in entry
}
# Phrases, looked up only where their first two words follow each other in the quote:
# (first word, second word) -> (" phrase ", cues) in listing order. Most quotes hold no
# such pair, so one set intersection with the quote's pairs of words skips them all.
PHRASE_CUES: dict[tuple[str, str], tuple[tuple[str, tuple[tuple[CueKey, float], ...]], ...]] = {}
for _entry, _cues in _TABLE.items():
    if " " in _entry:
        _first, _second = _entry.split()[:2]
        _phrase = (f" {_entry} ", tuple(_cues.items()))
        PHRASE_CUES[_first, _second] = (*PHRASE_CUES.get((_first, _second), ()), _phrase)
PHRASE_PAIRS = frozenset(PHRASE_CUES)

# (cue, weight, label, compiled regex, words it must not follow) for each structure; for
# each trigger word, the structures it calls for with any further words they also need.
PATTERNS: tuple[tuple[CueKey, float, str, re.Pattern[str], frozenset[str]], ...] = tuple(
    ((s.kind, s.name), s.weight, s.label, re.compile(s.source), frozenset(s.not_after.split()))
    for s in STRUCTURES
)
TRIGGERS: dict[str, tuple[tuple[int, frozenset[str]], ...]] = {}
for _i, _structure in enumerate(STRUCTURES):
    for _trigger in _structure.triggers.split():
        _word, *_also = _trigger.split("+")
        TRIGGERS[_word] = (*TRIGGERS.get(_word, ()), (_i, frozenset(_also)))
TRIGGER_WORDS = frozenset(TRIGGERS)
