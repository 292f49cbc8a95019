"""Cue lexicons for tone and rhetorical-device hints (lowercase, apostrophes as ').

Each tone or device lists single words, multi-word phrases and, for a few structures,
regexes with the word that must occur before the regex is tried.
"""

from __future__ import annotations

import re

TONE_WORDS: dict[str, str] = {
    "confrontational": "challenge refuse refuses demand demands desist defy unacceptable",
    "accusatory": "lie lies lied lying liar liars blame blamed accuse accused guilty betray "
    "betrayed betrayal deliberately threaten threatens threatened grandstanding ignored "
    "cover-up hypocrisy hypocrites",
    "conciliatory": "dialogue compromise respect partnership cooperation co-operation "
    "reconciliation de-escalation mutual together friendship",
    "defensive": "untrue deny denied misrepresented misrepresentation legitimate entitled",
    "warning": "consequences severe warn warning sanctions risk danger dangerous",
    "sarcastic": "apparently congratulations genius bravo so-called",
    "dismissive": "nonsense ridiculous absurd rubbish irrelevant pointless fake hysteria "
    "laughable baseless groundless",
    "optimistic": "hope hopeful confident optimistic progress bright opportunity succeed "
    "success positive encouraging breakthrough",
}
TONE_PHRASES: dict[str, str] = {
    "confrontational": "will not back down|will not tolerate|will not accept|won't back down|"
    "won't tolerate|won't accept|stand up to|enough is enough|we will fight|fight back|"
    "how dare|must stop|must end|must withdraw|need to remove",
    "accusatory": "responsible for|your fault|their fault|failed to|refused to|to threaten",
    "conciliatory": "work together|common ground|we agree|let us|hand of friendship|"
    "find a way|open to talks",
    "defensive": "not true|we have always|did nothing wrong|never said|out of context|"
    "entitled to|perfectly proper|perfectly legitimate|no one is|nobody is|simply not|"
    "we are not|i am not|i'm not",
    "warning": "will face|at risk|price to pay|there will be|would be|would put|would not",
    "sarcastic": "oh sure|oh great|yeah right|how convenient|what a surprise",
    "dismissive": "not worth|don't care|waste of time|not serious",
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
    "simile": "as if|as though",
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
# (trigger word, kind, name, regex over the padded lowercase words)
PATTERN_SOURCES: tuple[tuple[str, str, str, str], ...] = (
    ("like", "device", "simile", r"(?<!would )(?<!i'd )\blike (?:a|an|the) \w+"),
    ("as", "device", "simile", r"\bas \w+(?: \w+)? as\b"),
    ("not", "device", "antithesis", r"\bnot\b(?: \S+){1,10}? but\b"),
    ("not", "device", "understatement", r"\bnot un\w+"),
    ("either", "device", "black-and-white fallacy", r"\beither\b(?: \S+){1,10}? or\b"),
    ("course", "device", "irony", r"\bof course\b(?: \S+){0,6} not\b"),
    ("if", "tone", "warning", r"\bif\b(?: \S+){1,12}? (?:will|would)\b"),
)
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
SIDE_WORDS: dict[str, str] = {
    "us": "we our us ours ourselves",
    "them": "they them their theirs themselves",
}


CueKey = tuple[str, str]  # (kind, name): ("tone", "warning"), ("device", "simile")


def _index() -> dict[str, tuple[tuple[CueKey, ...], tuple[tuple[CueKey, str], ...]]]:
    """word -> (cues the word alone triggers, (cue, " padded phrase ") starting with it)."""
    alone: dict[str, list[CueKey]] = {}
    phrases: dict[str, list[tuple[CueKey, str]]] = {}
    tables: tuple[tuple[str, dict[str, str], dict[str, str]], ...] = (
        ("tone", TONE_WORDS, TONE_PHRASES),
        ("device", DEVICE_WORDS, DEVICE_PHRASES),
        ("side", SIDE_WORDS, {}),
    )
    for kind, word_table, phrase_table in tables:
        for name, listed in word_table.items():
            for word in listed.split():
                alone.setdefault(word, []).append((kind, name))
        for name, listed in phrase_table.items():
            for phrase in listed.split("|"):
                if " " not in phrase:
                    alone.setdefault(phrase, []).append((kind, name))
                else:
                    phrases.setdefault(phrase.split()[0], []).append(((kind, name), f" {phrase} "))
    return {
        word: (tuple(alone.get(word, ())), tuple(phrases.get(word, ())))
        for word in set(alone) | set(phrases)
    }


CUES_BY_WORD = _index()
PATTERNS: tuple[tuple[str, CueKey, re.Pattern[str]], ...] = tuple(
    (trigger, (kind, name), re.compile(source)) for trigger, kind, name, source in PATTERN_SOURCES
)
