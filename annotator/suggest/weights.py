"""Every confidence the attribution strategies give, in one place.

A strategy's base confidence is how often the speaker it picks is right; the factors below
scale it by how the cue's subject was resolved and by what the quote looks like. The order
in which strategies are tried is `engine.STRATEGIES`.
"""

# Strategies: a speech cue next to the quote.
CUE_AFTER_COMMA = 0.95  # "“…,” she said": the quote ends in a comma and the cue follows
CUE_AFTER_CLAUSE = 0.85  # "“…,” Ellison shot back": any verb after a name, right after the quote
CUE_BEFORE = 0.9  # "She said: “…", "said Truss, “…"
CUE_AFTER = 0.8  # "“….” She said." (no comma inside the quote)
CUE_NEXT_SENTENCE = 0.6  # "“….” She added that …": the next sentence's cue
CUE_AFTER_COLON = 0.6  # the cue after the quote introduces something else with a colon
CUE_END_OF_SENTENCE = 0.7  # "… a “fair deal” for fishermen, she said."
CUE_IN_SENTENCE = 0.75  # "who said it was “…”": subject and verb earlier in the sentence
BARE_VERB = 0.85  # factor when a cue has no subject and the sentence's subject stands in
SENTENCE_SUBJECT = 0.6  # "Brandt declined to comment, but told investors that “…”"
NEXT_QUOTE = 0.9  # factor: "“…” — an aside — “…,” she said": the next quote's cue
COLON_INTRODUCTION = 0.5  # "More from Ruiz: “…": a colon without a speaking subject

# Strategies: the quote's neighbourhood, when it has no cue of its own.
EXCHANGE_TURN = 0.6  # a turn in an exchange of quote-only paragraphs: the other party
PREVIOUS_QUOTE = 0.8  # a second quote in the paragraph, by the same speaker
NAMED_BETWEEN = 0.55  # someone else named between the two quotes
SIGNATURE = 0.7  # an embedded post followed by "— Name (@handle)"
REPORTED_SPEECH_BEFORE = 0.7  # "She added that …. “…”"
SENTENCE_ABOUT_BEFORE = 0.55  # "Ruiz was blunt. “…”"
COLON_PARAGRAPH_CUE = 0.75  # a paragraph ending "…, he said:" then the quote
COLON_PARAGRAPH_NAME = 0.7  # a paragraph naming someone and ending in a colon
PARAGRAPH_AFTER_SPEAKER = 0.65  # a paragraph of quote only after one by its speaker
PARAGRAPH_AFTER_CUE = 0.6  # ... after a paragraph with a speech cue
PARAGRAPH_AFTER_NAME = 0.5  # ... after a paragraph about someone
TEXT_SUBJECT = 0.3  # no cue at all: whom the sentences before are about
PARTIAL_QUOTE = 0.35  # a short phrase quoted in a sentence about someone, no cue
DESCRIBED_PHRASE = 0.25  # a short phrase after a reporting or describing verb, no cue to it
QUOTE_IN_SENTENCE = 0.4  # a longer quote carrying on a sentence about someone, no cue
HEADING = 0.5  # a quote in a heading, from the name the heading opens with

# Factors by how the cue's subject became a person.
PRONOUN_GENDER = 0.88  # "she" resolved to a woman
PRONOUN = 0.8  # "he" resolved to someone of unknown gender
ROLE = 0.85  # "the minister" resolved to the person holding the title
ROLE_SALIENT = 0.7  # "the senator": whom the text before is about, never given the title
NAME_VARIANT = 0.95  # "Lavrov" resolved to "Sergey Lavrov"
APPOSITION = 0.95  # "the chancellor, Jo Bloggs, said"
INSTITUTION = 0.9  # "the Foreign Office said"
UNNAMED_SOURCE = 0.5  # "one diplomat said": a descriptive speaker

# Factors by what the quote looks like.
SHORT_PARTIAL = 0.6  # three words or fewer, not right next to its cue
UNCLOSED = 0.7  # no closing mark: taken to the paragraph end
NO_PERSON = 0.5  # a cue, but no one it names (capped at NO_PERSON_CAP)
NO_PERSON_CAP = 0.45
NO_SPEAKER = 0.4  # speech with no speaker found
NO_SPEAKER_UNCLOSED = 0.25
