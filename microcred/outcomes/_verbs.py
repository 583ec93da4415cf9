"""The action verbs of an outcome: where they stand, what they act on, the vague phrases."""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import UNKNOWN, Entry, Lexicon, Token
from ._frames import (
    _ability_frame,
    _clause_spans,
    _finite_after_subject,
    _gerund_list,
    _in_verb_position,
    _listed_noun,
    _noun_conjunct,
    _participial_opening,
    _plural_subject,
    _slot_verbs,
    _verb_before,
)
from ._lists import _verb_follows
from ._model import Verb


def _first_word_index(text: str, tokens: list[Token], lex: Lexicon) -> int:
    """Index of the first token after the opening phrase ("The participant can ...")."""
    lowered, end = text.lower(), 0
    progressed = True
    while progressed:
        progressed = False
        rest = lowered[end:].lstrip(" ,:;\n")
        offset = len(lowered) - len(rest)
        for stem in lex.stems:
            m = stem.match(rest)
            if m and m.end() > 0:
                end, progressed = offset + m.end(), True
                break
    return next((i for i, tok in enumerate(tokens) if tok.start >= end and tok.is_word), 0)


def _with_joined(text: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """A teacher-centred phrase with the verb joined to its last one ("the aim of the course is
    to activate and develop ..."): both verbs are the course's."""
    if not lex.and_words:
        return span
    words = "|".join(sorted(lex.and_words))
    joined = re.match(rf"\s+(?:{words})\s+\w+", text[span[1]:])
    return (span[0], span[1] + joined.end()) if joined else span


def _followed_like_a_noun(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """English only: "the use of" - a single-word verb right before "of" is a noun."""
    return end < len(tokens) and tokens[end].text in lex.noun_if_followed_by


def _find_verbs(text: str, tokens: list[Token], lex: Lexicon) -> list[Verb]:
    """The learner's verbs: lexicon matches after the opening phrase, in verb position, not
    passive, not inside a phrase about the course ("the course introduces"); and the verb after
    the ability frame ("osaa hinnoitella") even when no list holds it."""
    course_spans = [_with_joined(text, m.span(), lex) for p in lex.teacher_centred
                    for m in p.finditer(text)]
    frame = _ability_frame(text, tokens, lex, course_spans)
    first = _first_word_index(text, tokens, lex)
    slots: dict[int, str | None] = {}
    if frame is not None:
        if not _verb_before(tokens, first, frame[0], lex, course_spans):
            first = max(first, frame[0])  # what comes before the frame is the preamble
        slots = _slot_verbs(tokens, frame[1], lex)
    elif 0 < first < len(tokens) and lex.match_at(tokens, first) is None:
        lemma = _finite_after_subject(tokens[first], lex)  # "The student adopts ..."
        if lemma:
            slots = {first: lemma}
    verbs: list[Verb] = []
    clauses = _clause_spans(tokens, first, lex)
    # "Värdera hur X kan påverka": a modal inside a clause is the clause's (Finnish frames,
    # "osaa", "pystyy", say what a person can do and open a new clause of the learner's)
    if frame is not None and first < frame[0] and lex.language != "fi":
        slots = {k: v for k, v in slots.items() if not any(a <= k < b for a, b in clauses)}
    i = first
    while i < len(tokens):
        if any(a <= i < b for a, b in clauses) and i not in slots:
            i += 1
            continue
        if lemma := slots.get(i):
            verbs.append(Verb(text[tokens[i].start : tokens[i].end],
                              lemma, UNKNOWN, tokens[i].start, tokens[i].end))
            i += 1
            continue
        entry = lex.match_at(tokens, i) if tokens[i].is_word else None
        if (
            entry is None
            or (frame and frame[0] <= i < frame[1] and entry.lemma not in lex.vague_alone)
            or (i not in slots and not _in_verb_position(tokens, i, first, lex))
            or (lex.uses_position and (frame is not None or _base_form(verbs))
                and _plural_noun(tokens, i, entry))
            or (lex.uses_position and len(entry.words) == 1 and _noun_conjunct(
                tokens, i, verbs[-1].end if verbs else tokens[first].start, lex,
                bool(verbs) and verbs[-1].vague))
            # English: a verb's object may be a bare noun ("apply group processes", "design test
            # cases"); two learner's verbs are never written side by side
            or (lex.uses_position and verbs and i > 0 and verbs[-1].end == tokens[i - 1].end)
            or (lex.uses_position and verbs and _listed_noun(tokens, i, verbs[-1].end, lex))
            or (lex.uses_position and tokens[i].text.endswith("ing") and i > first
                and tokens[i].text not in lex.index and i not in slots
                and not _gerund_list(tokens, i, first, verbs, lex))
            or (lex.uses_position and i == first and tokens[i].text.endswith("ing")
                and _participial_opening(tokens, i, lex))
            or (not lex.uses_position and i > 0 and tokens[i - 1].text in lex.object_openers)
            # "other students' reports": a word after a possessive is a noun
            or (lex.uses_position and i > 0 and text[tokens[i - 1].end:tokens[i - 1].end + 1]
                in ("'", "’"))
            or (lex.language == "sv" and _swedish_present(tokens[i], entry, lex)
                and not _present_allowed(tokens, i, first, verbs, lex))
            or (lex.language == "fi" and tokens[i].text.endswith(("vat", "vät"))
                and tokens[i].text not in lex.forms and not _plural_subject(tokens, i, lex))
            or (lex.language == "fi" and _finnish_finite_in_phrase(tokens, i, first, entry, lex))
            or lex.is_passive(tokens, i)
            or (len(entry.words) == 1 and _followed_like_a_noun(tokens, i + 1, lex))
            or any(a <= tokens[i].start < b for a, b in course_spans)
            or (entry.lemma in lex.vague_alone
                and (_verb_follows(tokens, i, lex) or (frame and frame[0] <= i < frame[1] and slots)))
        ):
            i += 1
            continue
        last = tokens[i + len(entry.words) - 1]
        if (entry.vague and entry.lemma in lex.vague_alone and frame is not None and verbs
                and i >= frame[1] and tokens[i].text == entry.words[0]
                and tokens[i - 1].text in (",", *lex.and_words)):
            # "osaa suunnitella X, seurata Y, hallita muutoksia": an infinitive in the frame's
            # list of verbs is an action (manage), not the vague "hallitsee" (masters)
            entry = replace(entry, vague=False)
        verbs.append(
            Verb(
                text=text[tokens[i].start : last.end],
                lemma=entry.lemma,
                level=None if entry.vague else _object_level(tokens, i + len(entry.words), entry,
                                                             lex),
                start=tokens[i].start,
                end=last.end,
                vague=entry.vague,
                levels=entry.levels,
            )
        )
        i += len(entry.words)
    if not verbs and frame is None and not course_spans:
        verbs = _opening_imperative(text, tokens, first, lex)
    return verbs + _coordinated_verbs(text, tokens, lex, verbs, clauses, course_spans)


_VERB_SUFFIX = re.compile(r"(ise|ize|ify|yse|yze)$")  # "operationalise", "exemplify"


def _opening_imperative(text: str, tokens: list[Token], first: int, lex: Lexicon) -> list[Verb]:
    """An outcome that opens with a verb in no list, as list entries quoted alone do. Finnish and
    Swedish: a word in the form of an infinitive ("precisera kvalitetskrav"). English
    ("Delineate the stages of ...", "Reconceptualise practice"): the first word is a verb when an
    article or a possessive follows it ("Storyboard the scenes"), or when it has a verb's suffix
    and no preposition or verb follows ("Expertise in", "Candidate is"); nouns and participles
    open noun phrases ("Knowledge of", "Basic skills in")."""
    if first + 1 >= len(tokens):
        return []
    tok, nxt = tokens[first], tokens[first + 1]
    if not lex.uses_position:  # "precisera kvalitetskrav", "tillgängliggöra handlingar"
        lemma = lex.infinitive_lemma(tok) if first == 0 and nxt.is_word else None
        return [Verb(text[tok.start:tok.end], lemma, UNKNOWN, tok.start, tok.end)] if lemma else []
    word = tok.text
    closed = (lex.function_words | lex.prepositions | lex.subjects | lex.course_nouns
              | lex.not_verbs | lex.clause_words | lex.object_openers | lex.markers)
    if (not tok.is_word or not nxt.is_word or len(word) < 4 or word in closed
            or word.endswith(("ing", "ed", "ly", "s")) or lex.participle_suffix and (
                word.endswith(lex.participle_suffix))):
        return []
    if nxt.text in _DETERMINERS or (_VERB_SUFFIX.search(word) and nxt.text not in (
            lex.prepositions | lex.and_words | lex.markers | lex.not_verbs | {"is", "are"})):
        return [Verb(text[tok.start:tok.end], word, UNKNOWN, tok.start, tok.end)]
    return []


_DETERMINERS = frozenset({"the", "a", "an", "their", "your", "its", "his", "her", "our"})


def _coordinated_verbs(text: str, tokens: list[Token], lex: Lexicon, verbs: list[Verb],
                       clauses: list[tuple[int, int]],
                       course_spans: list[tuple[int, int]]) -> list[Verb]:
    """Finnish and Swedish: an infinitive in no list joined by "ja"/"och" after a learner's verb
    ("kuvata prosessin ja antaa palautetta", "analysera bokslut och dra slutsatser") is a second
    verb of the learner; the infinitive's form tells it from a noun. English base forms are
    nouns as often as verbs: there the word must be followed by an article or a possessive
    ("and incorporate their key features", "and to close the books")."""
    if not verbs:
        return []
    taken = {v.start for v in verbs}
    found = []
    for i in range(1, len(tokens)):
        tok = tokens[i]
        joined = tokens[i - 1].text in lex.and_words or (
            lex.uses_position and i > 1 and tokens[i - 1].text == "to"
            and tokens[i - 2].text in lex.and_words)
        if lex.uses_position and (i + 1 >= len(tokens) or tokens[i + 1].text not in _DETERMINERS
                                  or tok.text.endswith(("ly", "ing", "ed", "s"))):
            continue
        if joined and i > 1 and text[tokens[i - 2].end:tokens[i - 2].end + 1] == "-":
            continue  # "individ-, grupp- och samhällsnivå": the end of a compound noun
        if (joined and i > 1 and not lex.uses_position and tokens[i - 2].is_word
                and tokens[i - 2].text[-3:] == tok.text[-3:]
                and lex.match_at(tokens, i - 2) is None):
            continue  # "homogena och inhomogena": adjectives of one noun, no infinitive
        if (not joined or tok.start in taken
                or tok.start < verbs[0].end or any(a <= i < b for a, b in clauses)
                or any(a <= tok.start < b for a, b in course_spans)
                or lex.match_at(tokens, i) is not None or lex.is_passive(tokens, i)
                or i + 1 >= len(tokens) or not tokens[i + 1].is_word
                or tokens[i + 1].text in lex.and_words):  # "hälsa och ohälsa samt": nouns
            continue
        lemma = lex.infinitive_lemma(tok)
        if lemma is not None:
            found.append(Verb(text[tok.start:tok.end], lemma, UNKNOWN, tok.start, tok.end))
    return found


OBJECT_WORDS = 4  # words after an ambiguous verb read as its object


def _object_level(tokens: list[Token], j: int, entry: Entry, lex: Lexicon) -> str | None:
    """The level of a verb, fixed by its object when the verb sits on several levels ("laatia
    budjetti" = apply, "laatia kehittämissuunnitelma" = create; the labelling rule judges the verb
    with its object): the first object word holding a cue of one of the verb's levels, the verb's
    own cues (data: `ambiguous`) before the shared ones (`object_levels`; inside a
    compound too in Finnish and Swedish), else the verb's main reading where the lexicon names
    one ("identify" = recognise), else "unknown": the participant chooses the reading (issue 13:
    an ambiguous verb is marked, not guessed)."""
    if len(entry.levels) < 2 or not lex.object_levels:
        return entry.level
    after = [tok.text for tok in tokens[j : j + 2]]
    if after and (after[0] in lex.clause_words or (
            after[0] == "," and after[1:] and after[1] in lex.clause_words)):
        # "identify when/why ...", "tunnistaa, miten ...": a question to analyse; "tell how ...",
        # "kertoa, miten ...": an explanation (understand)
        for level in ("analyse", "understand"):
            if level in entry.levels:
                return level
    own = lex.verb_cues.get(entry.lemma, {})
    for tok in tokens[j : j + OBJECT_WORDS]:
        if not tok.is_word or tok.text in lex.and_words:
            break
        for level, cues in own.items():  # the verb's own cues ("follow instructions" = apply)
            if any(tok.text.startswith(cue) or (not lex.uses_position and cue in tok.text)
                   for cue in cues):
                return level
        for level in entry.levels:
            if level in ("analyse", "evaluate") and entry.level != "apply":
                continue  # only a light verb ("perform", "genomföra") takes its noun's level
            for cue in lex.object_levels.get(level, ()):
                if tok.text.startswith(cue) or (not lex.uses_position and cue in tok.text):
                    return level
    return lex.main_readings.get(entry.lemma, UNKNOWN)


def _has_object(verb: Verb, tokens: list[Token], lex: Lexicon) -> bool:
    """Does anything follow the last verb ("analyse the data")? A listed verb-and-object phrase
    ("laatia suunnitelma", "johtaa (pientä) tiimiä") holds its object; a particle or a
    preposition ("redogöra för", "reflektera över", "carry out") does not; an intransitive verb
    ("samarbeta", "collaborate") needs none."""
    words = verb.lemma.split()
    if verb.lemma in lex.intransitive or verb.attitude:
        return True  # "samarbeta", "collaborate", an attitude: no object to name
    if len(words) > 1 and (len(words[-1]) > 6 or (
            len(words[-1]) > 4 and words[-1] not in lex.prepositions | lex.function_words)):
        return True
    return any(tok.is_word and tok.start >= verb.end for tok in tokens)


def _with_vague_phrases(text: str, lex: Lexicon, verbs: list[Verb]) -> list[Verb]:
    """The verbs with the phrases as vague as a vague verb ("has a comprehensive knowledge of",
    "har grundläggande färdigheter i") added. A phrase headed by a found verb replaces it: in
    "develop an understanding of" or "gain a deeper understanding of" the understanding is what
    is said, not the developing or the gaining. A phrase overlapping another verb is left out."""
    found: list[Verb] = []
    heads: set[int] = set()
    course = [m.span() for p in lex.teacher_centred for m in p.finditer(text)]
    for pattern, element in lex.vague_patterns.items():
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in course):
                continue  # "tavoitteena on kehittää opiskelijan taitoja": the course's aim
            overlapping = [v for v in verbs if v.start <= m.start() < v.end
                           or m.start() <= v.start < m.end()]
            if all(v.start == m.start() and not v.vague for v in overlapping):
                heads.update(v.start for v in overlapping)
                found.append(Verb(m.group(0), element, None, m.start(), m.end(), vague=True))
    return [v for v in verbs if v.start not in heads] + found


def _plural_noun(tokens: list[Token], i: int, entry: Entry) -> bool:
    """English after a frame ("can explain concepts, theories and models"): an -s form after
    "and", "or" or a comma is a plural noun; the learner's verbs there are infinitives."""
    word = tokens[i].text
    if i + 1 < len(tokens) and tokens[i + 1].text in _DETERMINERS and tokens[i - 1].text == "and":
        return False  # "identify X and knows the basics of ...": a noun is not followed by "the"
    return (i > 0 and tokens[i - 1].text in ("and", "or", ",") and word.endswith("s")
            and word != entry.words[0])


def _swedish_present(tok: Token, entry: Entry, lex: Lexicon) -> bool:
    """Swedish after "kan"/"ska kunna": the learner's verbs are infinitives, so a present-tense
    form further on belongs to a relative clause or is a plural noun ("dokumentera vården
    enligt gällande lagar": "lagar" is laws, not "laga")."""
    return tok.text != entry.words[0] and tok.text not in lex.forms


def _finnish_finite_in_phrase(tokens: list[Token], i: int, first: int, entry: Entry,
                              lex: Lexicon) -> bool:
    """Finnish: a finite form ("analysoi", "tilaa") is the learner's verb after the learner, at
    the opening or after "ja"/a comma; after an attribute ("yrityksen taloudellista tilaa") it is
    a noun that shares the form (tila = state, not tilata = order)."""
    word = tokens[i].text
    if i == first or word == entry.words[0] or word in lex.forms or lex.perfect(tokens, i):
        return False
    from ..morphology import finnish_verb

    form = finnish_verb(word)
    if form is not None and form.infinitive:
        return False
    prev = tokens[i - 1]
    return prev.is_word and prev.text not in lex.subjects | lex.and_words and not (
        lex.between is not None and lex.between.match(prev.text))


def _present_allowed(tokens: list[Token], i: int, first: int, verbs: list[Verb],
                     lex: Lexicon) -> bool:
    """Swedish: a present-tense verb is the learner's only right after the learner ("Studenten
    analyserar"), right before it when an adverbial opens the clause ("Som språkvetare förstår
    du"), or joined to such a verb ("analyserar och värderar"); elsewhere, after "ska",
    "kan" or a preposition, the learner's verbs are infinitives and a present form is a plural
    noun or sits in a clause ("ha kunskap om relevanta lagar")."""
    prev = tokens[i - 1].text if i else ""
    if i == first or prev in lex.subjects or prev in (":", "man"):  # "veta hur man analyserar"
        return True
    if i + 1 < len(tokens) and tokens[i + 1].text in lex.subjects and i > 0 and (
            prev not in lex.clause_words):
        return True  # "Som språkvetare förstår du", "Efter kursen kan studenten": verb-second
    return bool(verbs) and i >= 2 and verbs[-1].end == tokens[i - 2].end and (
        prev in lex.and_words or prev == ",") and verbs[-1].text != verbs[-1].lemma.split()[0]


def _base_form(verbs: list[Verb]) -> bool:
    """English: is the first verb written in its base form ("Interpret and present data in
    tables, charts and graphs")? Then the learner's verbs are base forms and an -s form later is
    a plural noun; after "analyses" (third person) "presents" is a verb."""
    return bool(verbs) and verbs[0].text.lower().split()[0] == verbs[0].lemma.split()[0]
