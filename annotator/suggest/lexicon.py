"""Word lists used to find speakers: speech verbs, titles, roles, name filters, genders.

All entries are lowercase. The lists are deliberately small and general: they describe how
news English reports speech, not any particular story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, as a set."""
    return frozenset(text.split())


def trie_pattern(items: Iterable[str]) -> str:
    """A regex alternation of `items` factored by common prefixes (much faster to match)."""
    trie: dict[str, dict] = {}
    for item in items:
        node = trie
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) or "(?!)"


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + ("?" if optional else "")


def inflections(base: str) -> frozenset[str]:
    """A regular English verb's forms: "praise" gives praises, praised, praising."""
    if base.endswith("e"):
        return frozenset((base, base + "s", base + "d", base[:-1] + "ing"))
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return frozenset((base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"))
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return frozenset((base, third, base + "ed", base + "ing"))


# Reporting verbs, every inflection listed so the regexes stay simple alternations.
SPEECH_VERBS: frozenset[str] = words(
    """
    say says said saying tell tells told add adds added warn warns warned continue continues
    continued charge charges charged insist insists insisted argue argues argued stress
    stresses stressed note notes noted claim claims claimed declare declares declared reply
    replies replied write writes wrote tweet tweets tweeted post posts posted ask asks asked
    explain explains explained state states stated announce announces announced remark
    remarks remarked observe observes observed respond responds responded answer answers
    answered suggest suggests suggested admit admits admitted acknowledge acknowledges
    acknowledged concede concedes conceded counter counters countered retort retorts retorted
    quip quips quipped joke jokes joked recall recalls recalled urge urges urged plead pleads
    pleaded demand demands demanded vow vows vowed promise promises promised pledge pledges
    pledged predict predicts predicted conclude concludes concluded emphasise emphasises
    emphasised emphasize emphasizes emphasized maintain maintains maintained contend contends
    contended complain complains complained lament laments lamented caution cautions
    cautioned threaten threatens threatened boast boasts boasted muse muses mused shout
    shouts shouted yell yells yelled whisper whispers whispered cry cries cried exclaim
    exclaims exclaimed snap snaps snapped fume fumes fumed blast blasts blasted slam slams
    slammed accuse accuses accused allege alleges alleged confirm confirms confirmed deny
    denies denied reiterate reiterates reiterated repeat repeats repeated assure assures
    assured thunder thunders thundered agree agrees agreed protest protests protested
    testify testifies testified insist recount recounts recounted begin begins began
    explain reflect reflects reflected interject interjects interjected mutter mutters
    muttered scoff scoffs scoffed sneer sneers sneered wonder wonders wondered
    adding telling warning insisting noting arguing writing asking explaining claiming
    declaring stressing urging accusing disagree disagrees disagreed responding replying
    reads
    """
).union(
    *map(
        inflections,
        words("reveal react exhort chant scream grumble gush rave opine posit email report rail"),
    )
)


# Verbs that introduce a partial quote without reporting speech as such ("called it ...",
# "blamed the “fog of talks”", "defended him as a “fair negotiator”").
_LABELLING = words(
    """describe dub label brand criticize criticise defend mock ridicule deride dismiss
    denounce decry condemn hail applaud laud commend proclaim pronounce liken compare
    characterize characterise portray depict reject thank congratulate apologize apologise
    lambaste chide scold rebuke cite trumpet"""
)
# Also nouns ("a call", "the attack"): only their forms that are verbs alone.
_LABELLING_NOUNS = words(
    "call term praise blame attack comment question challenge welcome mention tout insult"
)
LABEL_VERBS: frozenset[str] = (
    words(
        "calls called calling dubs dubbed dubbing labels labelled labeled labelling labeling "
        "brands branded branding terms termed terming refers referred referring"
    )
    .union(*map(inflections, _LABELLING))
    .union(f for base in _LABELLING_NOUNS for f in inflections(base) if f.endswith(("ed", "ing")))
)

# Verbs that judge something in a word or two of someone's, missing from the lists above
# ("rated the claim “misleading”", "heralded the pact as a “turning point”"): only the
# forms that are never nouns ("rating" and "rates" are).
DESCRIBING_VERBS: frozenset[str] = words("rated heralded heralds heralding deemed deems")

# Nouns for what someone said, which after their owner make a short phrase theirs
# ("Varga’s call for a “fresh start”", "the mayor’s claim that it was “sound”").
SPEECH_NOUNS: frozenset[str] = words(
    """words call calls claim claims admission dictum pledge promise vow warning warnings
    assertion insistence boast charge argument mantra refrain plea demand complaint
    accusation description"""
)

# Verbs after which "he"/"she" most likely continues the previous speaker.
CONTINUATION_VERBS: frozenset[str] = words(
    "continue continues continued add adds added went go goes repeat repeats repeated "
    "reiterate reiterates reiterated conclude concludes concluded"
)

# Words opening a leading clause before a sentence's subject ("In Port Ellery, Roque said ...").
CLAUSE_OPENERS: frozenset[str] = words(
    "after before in at on during despite unlike like with following since while when as "
    "for under earlier later meanwhile elsewhere separately asked pressed speaking"
)

# What an abbreviated title stands for, as a role a later mention may use ("Sen. Jo
# Marsh" ... "the senator said").
TITLE_ROLES: dict[str, frozenset[str]] = {
    "sen": words("senator lawmaker"),
    "rep": words("representative congressman congresswoman lawmaker"),
    "gov": words("governor"),
    "gen": words("general"),
    "lt": words("lieutenant"),
    "col": words("colonel"),
    "maj": words("major"),
    "capt": words("captain"),
    "cmdr": words("commander"),
    "adm": words("admiral"),
    "sgt": words("sergeant"),
    "prof": words("professor"),
    "senator": words("lawmaker"),
    "congressman": words("lawmaker"),
    "congresswoman": words("lawmaker"),
    "representative": words("lawmaker"),
}

# Capitalised words that precede a name as a title or role ("Foreign Secretary Liz Truss").
TITLE_WORDS: frozenset[str] = words(
    """
    mr mrs ms miss mx dr sir dame lord lady king queen prince princess pope sheikh emir
    president vice prime minister secretary foreign home defence defense interior finance
    health justice economy trade education energy environment culture transport treasury
    chancellor senator sen rep representative congressman congresswoman governor gov mayor
    general gen lt col colonel major maj captain capt commander cmdr admiral adm sergeant
    sgt lieutenant officer detective inspector superintendent chief deputy acting former
    spokesman spokeswoman spokesperson ambassador envoy commissioner chairman chairwoman
    chair leader opposition shadow speaker premier judge justice attorney professor prof
    rev reverend archbishop bishop father sister brother coach mp mep ceo cfo director
    minority majority whip state labour conservative democrat democratic republican
    liberal state-run secretary-general
    """
)

# Lowercase role nouns that can stand for a person ("the minister said").
ROLE_NOUNS: frozenset[str] = words(
    """
    minister secretary president chancellor premier spokesman spokeswoman spokesperson
    ambassador envoy senator governor mayor leader chief general official diplomat adviser
    advisor director chairman chairwoman chair commissioner king queen prince princess
    lawmaker congressman congresswoman representative judge prosecutor lawyer attorney ceo
    founder professor analyst expert economist coach captain officer commander colonel
    negotiator candidate nominee head deputy mp pm source sources activist campaigner
    witness resident survivor doctor nurse scientist researcher historian strategist
    aide secretary-general protester demonstrator voter worker owner member supporter
    critic colleague neighbour neighbor farmer teacher student parent councillor
    councilor fisherman driver commentator insider observer
    """
)

# Words that never begin a person's name when they open a sentence.
SENTENCE_STARTERS: frozenset[str] = words(
    """
    the a an in on at but and or so if when while after before although though as for
    with without this that these those it he she they we i you his her their our my its
    read more looks given speaking asked meanwhile however still yet also then now today
    yesterday earlier later last next some many most few several all both each every no
    not only even just despite during under over since until because why what who how
    where which here there following according there's it's that's click watch see
    photo image video getty afp reuters ap update updated breaking live exclusive
    analysis opinion comment share follow subscribe sign log advertisement
    whenever wherever whatever whoever once nobody somebody someone anyone anybody everyone
    everybody another others
    """
)

# Words that mark a capitalised run as a place, an organisation or a thing, not a person.
NON_PERSON_WORDS: frozenset[str] = words(
    """
    states kingdom nations union street house office ministry department party council
    commission committee bank group images news times post press agency university
    college school court parliament senate congress assembly army navy force forces
    stream airport city county republic federation kremlin government administration
    organisation organization institute foundation association corporation company inc
    ltd llc club league cup games olympics centre center hospital church square avenue
    road river sea ocean mountains island islands east west north south middle european
    african asian gulf bay valley daily herald journal tribune telegraph guardian reuters
    bloomberg twitter facebook instagram youtube tiktok google microsoft apple amazon
    war treaty act bill agreement convention caucus caucuses primary primaries debate rally
    summit conference security programme program project fund service services network
    channel radio television tv museum gallery station bridge hall palace capitol
    downing whitehall pentagon brexit covid christmas easter ramadan eid
    """
)

# Pronouns and conjunctions, which no name contains even where a headline capitalises them.
FUNCTION_WORDS: frozenset[str] = words(
    "he she it i we they you his her its our their my your him them us me when while if but "
    "and or so because although though whether where what who whom how why which this that "
    "these those there here not to for from with by at in on into about than"
)

# Countries and demonyms that may precede a title ("Russian Foreign Minister ...").
PLACE_PREFIXES: frozenset[str] = words(
    """
    british russian ukrainian american french german chinese italian spanish polish
    israeli palestinian iranian turkish indian japanese korean canadian australian irish
    scottish welsh english european dutch belgian swedish finnish norwegian danish greek
    hungarian austrian swiss brazilian mexican saudi egyptian syrian iraqi afghan pakistani
    nigerian african western eastern
    britain russia ukraine america france germany china italy spain poland israel iran
    turkey india japan korea canada australia ireland scotland wales england europe
    """
)

PRONOUNS: dict[str, str | None] = {"he": "m", "she": "f", "they": None}

# Family words, which name someone in an apposition ("her father, Cormac, said").
KIN_NOUNS: frozenset[str] = words(
    "wife husband father mother son daughter brother sister uncle aunt nephew niece "
    "grandfather grandmother grandson granddaughter stepfather stepmother widow widower"
)

MALE_TITLES: frozenset[str] = words(
    "mr sir lord king prince father brother sheikh emir spokesman chairman congressman pope "
    "husband son uncle nephew grandfather grandson stepfather widower"
)
FEMALE_TITLES: frozenset[str] = words(
    "mrs ms miss dame lady queen princess sister spokeswoman chairwoman congresswoman "
    "wife mother daughter aunt niece grandmother granddaughter stepmother widow"
)

# Common first names across the languages news reports most often quote.
MALE_NAMES: frozenset[str] = words(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis
    jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy
    harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny boris rishi keir nigel
    tony gordon jeremy dominic liam ed ben sajid kwasi grant oliver rory emmanuel olaf
    angela vladimir sergey sergei dmitry dmitri alexei alexey mikhail nikolai ivan igor
    yuri oleg andrei andriy volodymyr vitali vitaliy dmytro oleksiy petro viktor yevgeny
    ramzan xi wang li zhang narendra recep benjamin naftali yair mahmoud ali mohammed
    muhammad ahmed hassan hussein abdullah omar khalid jens josep charles antonio pedro
    mario matteo giuseppe francois emmanuel jean pierre jacques nicolas francois-xavier
    friedrich karl hans klaus wolfgang joachim heiko markus christoph jair luiz lula
    justin shinzo fumio yoshihide kim moon yoon mateusz andrzej donald jaroslaw viktor
    mike chris tom jim bill bob rob dave nick joe sam matt dan steve pete hunter barack
    tomas tomasz jan lars anders henrik mats pavel jiri lukas jonas felix max ray
    """
)
FEMALE_NAMES: frozenset[str] = words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla liz liza lizzie theresa priti suella nicola kemi penny
    yvette rachel angela ursula annalena christine kaja kamala hillary nancy alexandria
    ilhan jacinda giorgia marine segolene anne-marie maria irina olga natalia natalya
    tatiana tatyana svetlana elena yelena yulia iryna oksana olena maria valentina
    ekaterina yekaterina anastasia marina ludmila lyudmila daria dasha greta malala
    meghan kate camilla sanna mette magdalena michelle melania jill ivanka
    nikki marjorie lauren kristi sarah-jane keira sally jane dianne liz
    helena claire sofia sophie ingrid astrid birgit petra eva ewa agnieszka lucia carmen
    """
)

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = words(
    "mr mrs ms dr st gen sen rep gov lt col sgt prof rev capt cmdr adm maj jr sr no vs "
    "etc inc ltd co corp jan feb mar apr aug sep sept oct nov dec u.s u.k e.g i.e approx "
    "dept est fig mt ft"
)

NAME_PARTICLES: tuple[str, ...] = (
    "von",
    "van",
    "der",
    "den",
    "de",
    "del",
    "della",
    "da",
    "di",
    "du",
    "la",
    "le",
    "bin",
    "ibn",
    "al",
    "el",
    "dos",
    "das",
)

# Speech verbs as a headline capitalises them ("Marsh Says She ..."): never part of a name.
HEADLINE_VERBS: frozenset[str] = frozenset(
    v
    for v in SPEECH_VERBS | LABEL_VERBS
    if v.endswith("s") and v not in ("states", "posts", "notes")
)
