"""Verb lexicons per language, read from ``data/verbs/<lang>.yaml``, and the lookup of verbs in text.

Kept apart from ``outcomes`` so that other tools (alignment, needs matching) can ask for a verb's
Bloom level or a word's lemma without running the whole outcome analysis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from . import lemmas
from .morphology import finnish_non_finite, finnish_verb
from .resources import load_yaml

LANGUAGES: tuple[str, ...] = ("en", "fi", "sv")
LEVELS: tuple[str, ...] = ("remember", "understand", "apply", "analyse", "evaluate", "create")
UNKNOWN = "unknown"  # the level of an action verb that is in no list (the participant chooses it)

_ARTICLES = frozenset({"a", "an", "the", "en", "ett"})
# English adjectives by their form ("informed", "critical", "comprehensive", "sound") or common
# ones of outcome statements ("a good knowledge of", "a deeper understanding of").
_ADJECTIVE = re.compile(r"(ed|al|ive|ous|ful|ic|able|ible|ant|ent|ary|ory|less|ish|er|est)$|"
                        r"^(good|sound|basic|deep|broad|thorough|clear|valid|full|own|key|main|"
                        r"wide|firm|solid|new|wise|fair|just|safe|true|right|proper|apt)$")
# Particles of phrasal verbs: they follow their verb directly ("carry out", "ta fram").
_PARTICLES = frozenset({"out", "up", "off", "down", "back", "away", "fram", "upp", "ut", "ner",
                        "bort", "igen", "sig"})
_PERFECT = re.compile(r"(n|l|r|s)(ut|yt|eet)$")  # active past participle: -nut, -llut, -neet
_INNER_ADVERBS = frozenset({"väl", "bra", "också", "även", "ingående", "närmare"})  # "känna väl till"
_REFLEXIVES = frozenset({"sig", "dig", "mig", "oss", "er"})  # Swedish: "lära sig", "lär dig"
_OBJECT_PRONOUNS = frozenset({"it", "them", "this", "these", "det", "dem", "detta", "sig"})
MAX_MODIFIERS = 2  # words allowed between the words of a lexicon entry ("make informed decisions")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[,;:•*()]|(?<!\w)-(?!\w)")


@dataclass(frozen=True)
class Token:
    """A word or a punctuation mark that matters for finding verbs, with its place in the text."""

    text: str  # lower-cased as written
    lemma: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a verb (maybe several words) with its level, or a vague verb."""

    words: tuple[str, ...]
    level: str | None  # Bloom level; for a vague verb, the level whose verbs replace it
    vague: bool = False
    levels: tuple[str, ...] = ()  # every level an ambiguous verb can sit on
    base: str = ""  # for a spelling variant ("analyze"), the entry it stands for ("analyse")

    @property
    def lemma(self) -> str:
        return self.base or " ".join(self.words)


@dataclass
class Lexicon:
    """Everything the analyser knows about one language, built from its data file."""

    language: str
    index: dict[str, list[Entry]]  # first word -> entries starting with it, longest first
    levels: dict[str, list[str]]
    markers: frozenset[str]
    subjects: frozenset[str]
    function_words: frozenset[str]
    vague_alone: frozenset[str]
    forms: dict[str, str]
    teacher_centred: list[re.Pattern[str]]
    stems: list[re.Pattern[str]]
    passive: re.Pattern[str] | None = None  # a verb form that is passive ("käsitellään")
    participle_suffix: str = ""  # English: "-ed" forms are participles, not the learner's verb
    noun_if_followed_by: frozenset[str] = frozenset()  # English: "use of" is a noun
    noun_too: frozenset[str] = frozenset()  # English listed verbs that are common nouns too
    intransitive: frozenset[str] = frozenset()  # verbs that take no object ("collaborate")
    attitudes: list[re.Pattern[str]] = field(default_factory=list)  # "ett kritiskt förhållningssätt"
    uses_position: bool = field(default=False)  # English: nouns and verbs share forms
    frames: list[re.Pattern[str]] = field(default_factory=list)  # "osaa", "ska kunna", "can"
    between: re.Pattern[str] | None = None  # words allowed between a frame and its verb
    infinitive: re.Pattern[str] | None = None  # the form of an infinitive (without an analyser)
    not_infinitive: re.Pattern[str] | None = None  # nouns, adjectives of that form ("förmåga")
    not_verbs: frozenset[str] = frozenset()  # words after a frame that are never its verb
    participle: re.Pattern[str] | None = None  # Swedish "strukturerat", "avslutad"
    and_words: frozenset[str] = frozenset()  # "ja", "och", "and": a second verb may follow
    clause_words: frozenset[str] = frozenset()  # "how", "hur", "miten": not the learner's verbs
    course_nouns: frozenset[str] = frozenset()  # "kursen", "koulutus": a course as the subject
    course_verbs: frozenset[str] = frozenset()  # what a course does ("ger", "antaa", "gives")
    prepositions: frozenset[str] = frozenset()  # "på kursen": then the course is not the subject
    purpose: frozenset[str] = frozenset()  # "för att", "in order to": a clause of purpose or means
    means_verbs: frozenset[str] = frozenset()  # "use", "använda": a purpose after them is the action
    intent: frozenset[str] = frozenset()  # "för att", "in order to" (not "genom att"): an aim
    switch_words: frozenset[str] = frozenset()  # "and", "och", "ja": a switch into the language
    object_openers: frozenset[str] = frozenset()  # "the", "en", "sin": a noun phrase follows
    finite: re.Pattern[str] | None = None  # the ending of a finite verb after a course noun
    passive_opening: re.Pattern[str] | None = None  # "tarkastellaan", "behandlas"
    vague_patterns: dict[re.Pattern[str], str] = field(default_factory=dict)  # "has knowledge"
    outcome_forms: dict[str, object] = field(default_factory=dict)  # Swedish: the three forms
    object_levels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # object stem cues
    # an ambiguous verb's readings: level -> an example with an object ("follow instructions")
    readings: dict[str, dict[str, str]] = field(default_factory=dict)
    verb_cues: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # its own cues
    # an ambiguous verb's main reading, taken when no object cue decides ("identify" = remember)
    main_readings: dict[str, str] = field(default_factory=dict)

    def lemma(self, word: str) -> str:
        """Dictionary form of a lower-cased word (the lexicon's own forms win)."""
        if word in self.forms:
            return self.forms[word]
        return lemmas.lemmatize(word, self.language).lower()

    def tokens(self, text: str) -> list[Token]:
        """Words and punctuation of ``text`` with their lemmas."""
        out = []
        for m in _WORD.finditer(text):
            word = m.group(0).lower()
            lemma = self.lemma(word) if word[0].isalpha() else word
            out.append(Token(word, lemma, m.start(), m.end()))
        return out

    def match_at(self, tokens: list[Token], i: int) -> Entry | None:
        """The longest lexicon entry starting at token ``i``, if any. An entry that took words
        between its own ("make informed decisions") comes back with the words it covers, so
        that ``len(entry.words)`` is always the number of tokens it spans."""
        token = tokens[i]
        if token.text in self.prepositions and token.text not in self.index:
            return None  # "över" is no form of "öva", "for" none of a verb
        perfect = self.perfect(tokens, i)
        for key in self._keys(token):
            for entry in self.index.get(key, ()):
                span = self._span(entry, tokens, i)
                if span and (perfect or self._verb_form(token, key, entry)):
                    if span == len(entry.words):
                        return entry
                    covered = (entry.words[0],) + tuple(t.text for t in tokens[i + 1 : i + span])
                    return replace(entry, words=covered, base=entry.lemma)
        return None

    def _keys(self, token: Token) -> list[str]:
        keys = [token.text, token.lemma]
        keys += _VARIANTS.get(self.language, _no_variants)(token.text)
        return list(dict.fromkeys(keys))

    def _verb_form(self, token: Token, key: str, entry: Entry) -> bool:
        """Is the token a form of the verb, not a noun that shares its lemma? Finnish: the
        analyser's verb reading of an inflected form is taken for vague verbs ("ymmärtävät") and
        for infinitives ("pystyy suunnittelemaan") only, and verbal nouns and participles
        ("käyttäen", "laatiessaan") are not verbs. Swedish: a verb form is the infinitive or the
        present tense ("listor" is a noun)."""
        word = token.text
        if word in self.forms or word == key == entry.words[0] and self.language != "fi":
            return True
        if self.language == "fi":
            if key not in (token.text, token.lemma):  # the analyser's base form
                form = finnish_verb(word)  # an infinitive ("suunnittelemaan") is the verb itself
                return entry.vague or (form is not None and form.infinitive)
            return word == entry.words[0] or not finnish_non_finite(word)
        if self.language == "sv" and len(entry.words) == 1:
            head = entry.words[0]
            forms = {head, head + "r", head[:-1] + "er", head[:-1] + "r", head + "s"}
            if word not in forms:
                return False
            lemma = token.lemma
            return not (lemma != head and word in (lemma + "er", lemma + "ar", lemma[:-1] + "or"))
        return True

    def infinitive_lemma(self, token: Token) -> str | None:
        """The base form when ``token`` has the form of an infinitive (the verb that follows an
        ability frame), known to the lexicon or not; None for nouns, adverbs and the like."""
        word = token.text
        if not token.is_word or word in self.not_verbs or word in self.function_words:
            return None
        if self.language == "fi":
            form = finnish_verb(word)
            return form.lemma if form is not None and form.infinitive else None
        if self.infinitive is None or not self.infinitive.search(word) or (
                self.not_infinitive is not None and self.not_infinitive.search(word)):
            return None
        return word if token.lemma == word or self.language == "en" else None

    def _span(self, entry: Entry, tokens: list[Token], i: int) -> int:
        """How many tokens from ``i`` the entry covers (0: no match). Before a noun of the entry
        up to two modifiers may stand ("draw valid conclusions", "dra självständiga
        slutsatser", "tehdä perusteltuja päätöksiä"), and an English article may differ or be
        left out ("gain understanding of"); particles and prepositions must follow directly."""
        j, skipped = i + 1, 0
        for word in entry.words[1:]:
            while True:
                if j >= len(tokens):
                    return 0
                tok = tokens[j]
                if word in (tok.text, tok.lemma) or (word in _ARTICLES and tok.text in _ARTICLES) or (
                        word == "sig" and tok.text in _REFLEXIVES):  # "lär dig", "fördjupar mig i"
                    j += 1
                    break
                if word in _ARTICLES:
                    break  # the entry's article is not written: match the next word
                if skipped == 0 and j == i + 1 and tok.text in _OBJECT_PRONOUNS | _INNER_ADVERBS:
                    j, skipped = j + 1, 1  # "take it into account", "känner väl till"
                    continue
                if (skipped >= MAX_MODIFIERS or len(word) < 3 or word in _PARTICLES
                        or word in self.prepositions or not self._modifier(tok)):
                    return 0
                j, skipped = j + 1, skipped + 1
        return j - i

    def _modifier(self, tok: Token) -> bool:
        """Can the token stand between a verb and its noun as a modifier (an adjective, an
        article)? Not punctuation, "and", a preposition or a learner. English nouns also stand
        before nouns ("troubleshoot network faults"), so there a modifier must have the form of
        an adjective; Finnish and Swedish write such nouns as one compound word."""
        word = tok.text
        if word in _ARTICLES:
            return True
        if not tok.is_word or word in self.and_words or word in self.prepositions or (
                word in self.subjects or word in self.function_words):
            return False
        return not self.uses_position or bool(_ADJECTIVE.search(word)) or word.endswith("ly")

    def perfect(self, tokens: list[Token], i: int) -> bool:
        """Finnish perfect tense: an active past participle after a form of "olla" ("on
        suunnitellut", "olet kokeillut"), or joined to one ("on suunnitellut ja toteuttanut"),
        is what the learner has done, not a participle describing a noun."""
        if self.language != "fi" or not _PERFECT.search(tokens[i].text):
            return False
        if i and tokens[i - 1].text in self.not_verbs:
            return True
        if not i or not (tokens[i - 1].text in self.and_words or tokens[i - 1].text == ","):
            return False
        back = tokens[max(i - 9, 0):i - 1]  # "on laatinut suunnitelman ja esitellyt sen"
        return any(tok.text in self.not_verbs and n + 1 < len(back)
                   and _PERFECT.search(back[n + 1].text) for n, tok in enumerate(back))

    def is_passive(self, tokens: list[Token], i: int) -> bool:
        """Is token i a passive form, which says what is done rather than what the learner does?"""
        tok = tokens[i]
        if tok.text in self.forms or self.perfect(tokens, i):  # the lexicon's own forms say
            return False  # which verb ("perehtynyt"); "on suunnitellut": the learner has done it
        if self.passive is not None and tok.text != tok.lemma and self.passive.search(tok.text):
            return True
        if self.participle is not None and self.participle.search(tok.text) and (
            tok.text not in self.index
        ):
            return True
        suffix = self.participle_suffix
        return bool(suffix) and tok.text.endswith(suffix) and tok.text not in self.index

    def verbs_of_level(self, level: str, n: int = 4) -> list[str]:
        """The first ``n`` measurable verbs of a level, for suggestions."""
        return self.levels[level][:n]


def _english_variants(word: str) -> list[str]:
    """Regular verb forms the lemmatiser reads as nouns ("analyses" -> "analysis"), hyphenated
    spellings ("co-ordinate", "co-operates") and American -ize/-yze spellings."""
    if "-" in word:
        joined = word.replace("-", "")
        return [joined, *_english_variants(joined)]
    if "iz" in word or "yz" in word:  # American spelling: "synthesizes" -> "synthesise"
        british = word.replace("iz", "is").replace("yz", "ys")
        return [british, *_english_variants(british)]
    variants = []
    if word.endswith("ies"):
        variants.append(word[:-3] + "y")
    if word.endswith("es"):
        variants += [word[:-2], word[:-1]]
    elif word.endswith("s"):
        variants.append(word[:-1])
    if word.endswith("ed"):
        variants += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        variants += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:  # "programming", "planning"
            variants.append(word[:-4])
    return variants


def _swedish_variants(word: str) -> list[str]:
    """Present tense back to the infinitive when the lemmatiser reads a noun ("värderar" is
    taken for "värderare"): -ar -> -a, -er -> -a; a stem in -r is its own present ("lär" = lära,
    "kör" = köra)."""
    if word.endswith("ar"):
        return [word[:-1]]
    if word.endswith("er"):
        return [word[:-2] + "a"]
    if word.endswith("r") and len(word) > 2:
        return [word + "a"]
    return []


def _finnish_variants(word: str) -> list[str]:
    """The verb's base form from the morphological analyser ("ymmärtävät" -> "ymmärtää"), for
    inflected verbs the lemmatiser reads as adjectives or nouns; for an active past participle
    (perfect tense, "suunnitellut", "esitellyt", "analysoinut") the infinitives it can come from,
    which the analyser does not give (``Lexicon.perfect`` decides whether it is one)."""
    form = finnish_verb(word)
    found = [form.lemma] if form is not None and not form.passive else []
    if _PERFECT.search(word) and not word.endswith(("eet", "neet")):
        stem = word[:-3]  # suunnitel(lut), rakenta(nut), analysoi(nut), esitel(lyt)
        a = "a" if word.endswith("ut") else "ä"
        found += [stem + stem[-1:], stem + stem[-1:] + a, stem + a, stem + "d" + a, stem + "t" + a]
    return found


def _no_variants(word: str) -> list[str]:
    return []


# Fallbacks tried only after the word and its lemma, for forms the lemmatiser gets wrong.
_VARIANTS = {"en": _english_variants, "sv": _swedish_variants, "fi": _finnish_variants}


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` ("en", "fi" or "sv"), loaded once."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    data = load_yaml("verbs", f"{language}.yaml")
    # an ambiguous verb lists its levels, or maps each level to its reading: an example with an
    # object ("follow instructions") and, optionally, object cues of that verb alone; "main"
    # names the reading taken when no cue decides
    ambiguous = {str(k): tuple(level for level in v if level != "main")
                 for k, v in (data.get("ambiguous") or {}).items()}
    for verb, levels in ambiguous.items():
        if not set(levels) <= set(LEVELS):  # "understand: kertoa, miten": an unquoted comma
            raise ValueError(f"{language}.yaml: ambiguous {verb!r} has a reading that is no "
                             f"level: {levels}")
    readings: dict[str, dict[str, str]] = {}
    verb_cues: dict[str, dict[str, tuple[str, ...]]] = {}
    main_readings: dict[str, str] = {}
    for verb, levels in (data.get("ambiguous") or {}).items():
        if isinstance(levels, dict) and levels.get("main") in levels:
            main_readings[str(verb)] = str(levels["main"])
        elif isinstance(levels, dict) and "main" in levels:
            raise ValueError(f"{language}.yaml: the main reading of {verb!r} is none of its levels")
        for level, reading in (levels.items() if isinstance(levels, dict) else ()):
            if level == "main":
                continue
            reading = reading if isinstance(reading, dict) else {"example": reading}
            if reading.get("example"):
                readings.setdefault(str(verb), {})[str(level)] = str(reading["example"])
            if reading.get("cues"):
                verb_cues.setdefault(str(verb), {})[str(level)] = tuple(map(str, reading["cues"]))
    entries: list[Entry] = []
    for level in LEVELS:
        for verb in data["levels"][level]:
            words = tuple(str(verb).split())
            entries.append(Entry(words, level, False, ambiguous.get(str(verb), (level,))))
    for verb, level in data["vague"].items():
        entries.append(Entry(tuple(verb.split()), level, True, (level,)))
    by_lemma = {e.lemma: e for e in entries}
    for variant, lemma in (data.get("variants") or {}).items():
        base = by_lemma[lemma]  # a variant of an unknown verb is a data error: fail loudly
        entries.append(Entry(tuple(variant.split()), base.level, base.vague, base.levels, lemma))
    index: dict[str, list[Entry]] = {}
    for entry in entries:
        index.setdefault(entry.words[0], []).append(entry)
    for group in index.values():
        group.sort(key=lambda e: -len(e.words))
    return Lexicon(
        language=language,
        index=index,
        levels={level: [str(v) for v in data["levels"][level]] for level in LEVELS},
        markers=frozenset(str(w) for w in data.get("verb_markers", [])),
        subjects=frozenset(data.get("subjects", [])),
        function_words=frozenset(data["function_words"]),
        vague_alone=frozenset(data.get("vague_alone", [])),
        forms=dict(data.get("forms") or {}),
        teacher_centred=[re.compile(p, re.IGNORECASE) for p in data["teacher_centred"]],
        stems=[re.compile(p, re.IGNORECASE) for p in data["stems"]],
        passive=re.compile(data["passive"]) if data.get("passive") else None,
        participle_suffix=data.get("participle_suffix", ""),
        noun_if_followed_by=frozenset(data.get("noun_if_followed_by", [])),
        noun_too=frozenset(str(w) for w in data.get("noun_too", [])),
        intransitive=frozenset(str(w) for w in data.get("intransitive", [])),
        attitudes=[re.compile(p, re.IGNORECASE) for p in data.get("attitudes", [])],
        uses_position=bool(data.get("verb_markers")),
        frames=[re.compile(p, re.IGNORECASE) for p in data.get("frames", [])],
        between=re.compile(data["between"]) if data.get("between") else None,
        infinitive=re.compile(data["infinitive"]) if data.get("infinitive") else None,
        not_infinitive=re.compile(data["not_infinitive"]) if data.get("not_infinitive") else None,
        not_verbs=frozenset(str(w) for w in data.get("not_verbs", [])),
        participle=re.compile(data["participle"]) if data.get("participle") else None,
        and_words=frozenset(str(w) for w in data.get("and_words", [])),
        clause_words=frozenset(str(w) for w in data.get("clause_words", [])),
        course_nouns=frozenset(str(w) for w in data.get("course_nouns", [])),
        course_verbs=frozenset(str(w) for w in data.get("course_verbs", [])),
        prepositions=frozenset(str(w) for w in data.get("prepositions", [])),
        purpose=frozenset(str(w) for w in data.get("purpose", [])),
        means_verbs=frozenset(str(w) for w in data.get("means_verbs", [])),
        intent=frozenset(str(w) for w in data.get("intent", [])),
        switch_words=frozenset(str(w) for w in data.get("switch_words", [])),
        object_openers=frozenset(str(w) for w in data.get("object_openers", [])),
        finite=re.compile(data["finite"]) if data.get("finite") else None,
        passive_opening=re.compile(data["passive_opening"]) if data.get("passive_opening")
        else None,
        vague_patterns={re.compile(k, re.IGNORECASE): str(v)
                        for k, v in (data.get("vague_patterns") or {}).items()},
        outcome_forms=dict(data.get("outcome_forms") or {}),
        object_levels={str(k): tuple(str(w) for w in v)
                       for k, v in (data.get("object_levels") or {}).items()},
        readings=readings,
        verb_cues=verb_cues,
        main_readings=main_readings,
    )


@lru_cache(maxsize=65536)
def is_known(word: str, language: str) -> bool:
    """Is ``word`` in simplemma's dictionary of ``language``? (cached: the low-memory backend
    decodes a block per lookup)."""
    return lemmas.is_known(word, language)


def bloom_rank(level: str | None) -> int:
    """Position of a level in the taxonomy (remember = 0); -1 for None."""
    return LEVELS.index(level) if level in LEVELS else -1
