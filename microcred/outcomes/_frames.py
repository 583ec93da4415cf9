"""The phrasing rules around the verbs: openings, ability frames, clauses, adverbials."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, Token
from ._model import FRAME_WITHIN, Verb


def _in_verb_position(tokens: list[Token], i: int, first: int, lex: Lexicon) -> bool:
    """English only: is token i placed where a verb goes, not a noun ("the design of")?"""
    if not lex.uses_position or i <= first:
        return True
    j = i - 1
    while j >= 0 and tokens[j].text.endswith("ly") and tokens[j].is_word:  # "critically assess"
        j -= 1
    if j < first:
        return True
    prev = tokens[j].text
    if prev == "to" and j > 0 and tokens[j - 1].text.endswith("ed"):  # "methods used to classify"
        return False
    if prev == "as" and j > 1 and tokens[j - 1].text == "well" and tokens[j - 2].text == "as":
        return True  # "configure a server as well as design a network": "as well as" = "and"
    if prev in ("further", "also", "then", "both", "either") and j > first and (
            tokens[j - 1].text in lex.prepositions | lex.object_openers):
        return False  # "for further studies": an adjective, not "can further develop"
    return prev in lex.markers or prev in lex.subjects or _opening_adverbial(tokens, first, i, lex)


_ADVERBIAL_HEADS = frozenset({"with", "under", "without", "together", "independently", "alone",
                              "jointly", "based", "utgående", "baserat", "beroende"})


def _gerund_list(tokens: list[Token], i: int, first: int, verbs: list[Verb], lex: Lexicon) -> bool:
    """English: an outcome written with gerunds ("Planning, implementing and evaluating
    projects"): after a first verb in "-ing" at the opening, an "-ing" form joined by a comma or
    "and" is a verb of the list too."""
    return (bool(verbs) and verbs[0].start == tokens[first].start
            and verbs[0].text.lower().endswith("ing")
            and tokens[i - 1].text in (",", *lex.and_words))


def _participial_opening(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """English: is the "-ing" word at token i the head of an opening phrase of manner ("Using
    appropriate software, analyse survey data")? Then the verb after the comma is the outcome's."""
    comma = next((j for j in range(i + 1, len(tokens)) if tokens[j].text == ","), None)
    if comma is None or comma + 1 >= len(tokens):
        return False
    entry = lex.match_at(tokens, comma + 1)
    return entry is not None and tokens[comma + 1].text == entry.words[0]


def _opening_adverbial(tokens: list[Token], first: int, i: int, lex: Lexicon) -> bool:
    """English: does only an adverbial stand between the opening and token i ("In teams design
    a product", "With guidance plan a project", "Independently and in groups solve problems")?
    Prepositions open a phrase of at most three words; adverbs and "and"/"or" join them. The verb
    must be followed by its object, not by a learner or a modal ("For your business plan you
    are able to ...": "plan" ends the phrase)."""
    phrase = -1  # words left in the current prepositional phrase; -1: none open
    for tok in tokens[first:i]:
        word = tok.text
        if word in lex.prepositions or word in _ADVERBIAL_HEADS:
            phrase = 3
        elif word.endswith("ly") or word in lex.and_words:
            phrase = -1
        elif phrase > 0 and tok.is_word and lex.match_at(tokens, tokens.index(tok)) is None:
            phrase -= 1
        else:
            return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    later = tokens[i + 1 :]
    if any(tok.text in lex.subjects or any(p.fullmatch(tok.text) for p in lex.frames)
           for tok in later):
        return False  # "For a passing grade the student must ...": the learner comes later
    return i > first and tokens[i - 1].text not in lex.prepositions and nxt is not None and (
        nxt.is_word and nxt.text not in lex.markers)


def _noun_conjunct(tokens: list[Token], i: int, after: int, lex: Lexicon,
                   vague: bool = False) -> bool:
    """English: "evaluate a range of literature and research": after a preposition, "and" joins
    nouns; the word after it is a verb only when an object follows it ("and evaluate it"), or
    when the nouns already had their "and" ("the principles of group and team work and
    cooperate in teams": a list of nouns has one), or when it is a listed verb that is no common
    noun, in its base form before its object ("of the elderly and identify risk factors")."""
    if i == 0 or tokens[i - 1].text not in ("and", "or") or (
        i + 1 < len(tokens) and tokens[i + 1].text in lex.object_openers
    ):
        return False
    entry = lex.match_at(tokens, i)
    if (entry is not None and tokens[i].text == entry.words[0] and tokens[i].text not in lex.noun_too
            and i + 1 < len(tokens) and tokens[i + 1].is_word
            and tokens[i + 1].text not in lex.prepositions | lex.and_words):
        return False  # "... of the elderly and identify risk factors": no noun, a verb
    preps = [k for k, tok in enumerate(tokens[:i - 1]) if tok.text in lex.prepositions
             and (tok.start >= after or (vague and tok.end == after))]
    if preps and any(tok.text in ("and", "or") for tok in tokens[preps[-1]:i - 1]):
        return False
    return any(tok.text in lex.prepositions for tok in tokens[:i - 1] if tok.start >= after
               or (vague and tok.end == after))  # "become familiar with X and Y"


_PARTICLES = frozenset({"as", "to", "up", "out", "on", "off", "in", "into", "with", "together"})


def _listed_noun(tokens: list[Token], i: int, after: int, lex: Lexicon) -> bool:
    """English: "Describe the aims, design and results of a study": after a verb that already
    has its object, a word between commas or before "and" is one more noun of the object's list,
    unless a verb follows it there too ("collect data, analyse and interpret it"); a verb that is
    a common noun too, after a noun and before a word of its own, is a noun ("work orientations
    and work practices"), after a verb a verb ("collect data, analyse and report results")."""
    if i == 0 or tokens[i - 1].text not in (",", *lex.and_words):
        return False
    last = all(not tok.is_word for tok in tokens[i + 1:])  # only punctuation after it
    if last and tokens[i].text.endswith("s"):  # "forms and processes."
        return any(tok.is_word for tok in tokens if after <= tok.start < tokens[i - 1].start)
    before = tokens[i - 2] if i > 1 else None
    if (tokens[i].text in lex.noun_too and before is not None and before.is_word
            and before.start >= after and (lex.match_at(tokens, i - 2) is None
                                           or before.text.endswith("ing"))
            and i + 1 < len(tokens) and tokens[i + 1].is_word
            and tokens[i + 1].text not in lex.object_openers | lex.prepositions | _PARTICLES):
        return True  # "work orientations and work practices": a noun after a noun
    if i + 2 >= len(tokens):
        return False
    if tokens[i + 1].text not in (",", *lex.and_words):
        return False
    if not any(tok.is_word for tok in tokens if after <= tok.start < tokens[i - 1].start):
        return False  # "Plan, implement and evaluate": no object yet, a list of verbs
    nxt = lex.match_at(tokens, i + 2) if tokens[i + 2].is_word else None
    return nxt is None or tokens[i + 2].text != nxt.words[0]


def _plural_subject(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Finnish: a plural verb ("analysoivat") is the learner's only after a plural learner
    ("opiskelijat"); otherwise it is a participle ("vaikuttavat tekijät")."""
    return any(tok.text in lex.subjects and tok.text.endswith("t") for tok in tokens[:i])


# "the opportunity to practise": what the chance is for is the learner's action, no purpose
_CHANCES = frozenset({"opportunity", "opportunities", "chance", "chances", "possibility",
                      "possibilities"})


def _bare_purpose(tokens: list[Token], first: int, i: int, lex: Lexicon) -> bool:
    """English "analyse data to answer a question", "exemplify approaches to interpret ...":
    "to" after the object's noun opens a purpose, whose verb is no second outcome (as after
    "för att"), unless the verb before names the tool ("use software to analyse data")."""
    if not lex.uses_position or i <= first + 1 or i + 1 >= len(tokens):
        return False
    prev = tokens[i - 1]
    if (not prev.is_word or prev.text in _CHANCES or prev.text in lex.markers | lex.prepositions
            | lex.clause_words
            | lex.function_words | lex.subjects or lex.match_at(tokens, i - 1) is not None
            or any(p.search(f"{prev.text} to") for p in lex.frames)):
        return False
    verb = lex.match_at(tokens, i + 1)
    if verb is None or tokens[i + 1].text != verb.words[0]:
        return False
    for tok in reversed(tokens[first:i - 1]):
        if tok.text in (",", ";", ":") or tok.text in lex.clause_words:
            break
        if tok.lemma in lex.means_verbs or tok.text in lex.means_verbs:
            return False
    return True


def _means(tokens: list[Token], first: int, i: int, lex: Lexicon) -> bool:
    """Does a purpose clause at token i say what the learner does with a tool ("use software in
    order to analyse data", "använda modeller för att beräkna lönsamhet")? Then its verb is the
    learner's real action, and the tool verb ("use") only says how."""
    if f"{tokens[i - 1].text} {tokens[i].text}" not in lex.intent:  # "genom att": the means
        return False
    for tok in reversed(tokens[first:i - 1]):  # before "order to", "för att"
        if tok.text in (",", ";", ":") or tok.text in lex.clause_words:
            return False
        if tok.lemma in lex.means_verbs or tok.text in lex.means_verbs:
            return True
    return False


def _clause_spans(tokens: list[Token], first: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of clauses whose verbs are not the learner's: after "how", "why", "in order
    to", "för att", "miten" up to the next comma or the end ("explain why companies use ...")."""
    spans, i = [], first
    while i < len(tokens):
        as_well = i > 2 and tokens[i - 2].text == "well"  # "as well as to understand": no purpose
        purpose = i > first and tokens[i].text in ("att", "to") and ((
            f"{tokens[i - 1].text} {tokens[i].text}" in lex.purpose) and not as_well
            and not _means(tokens, first, i, lex) or _bare_purpose(tokens, first, i, lex))
        opens = tokens[i].text in lex.clause_words and i > first and not (
            i + 1 < len(tokens) and tokens[i + 1].text in ("to", "att", *lex.subjects)
            and tokens[i + 1].text not in ("they", "he", "she", "it")  # "how they apply": theirs
        )  # "explain how to ...", "där du lär dig att reflektera": the learner's own clause
        if purpose or opens or _as_clause(tokens, i) or _contact_clause(tokens, i, first, lex):
            j = i + 1
            while j < len(tokens) and tokens[j].text not in (",", ";", ":") and not (
                purpose and any(p.fullmatch(tokens[j].text) for p in lex.frames)
            ):  # "för att ... kunna planera": the learner again
                if tokens[j].text in ("att", "to") and f"{tokens[j - 1].text} {tokens[j].text}" in (
                    lex.purpose
                ):
                    purpose = True  # "hur X kan användas för att strukturera och resonera"
                if tokens[j].text in ("samt", "sekä") and j + 1 < len(tokens) and (
                        _infinitive_entry(tokens, j + 1, lex)):
                    break  # "för att lösa problem samt planera sin tid": "samt" joins outcomes
                if not purpose and tokens[j].text in lex.and_words and j + 1 < len(tokens) and (
                    any(p.match(tokens[j + 1].text) for p in lex.frames)
                    or " ".join(t.text for t in tokens[j + 1:j + 4]) in ("be able to", "are able to")
                    or (not lex.uses_position and _infinitive_entry(tokens, j + 1, lex))
                    or (lex.uses_position and j + 2 < len(tokens)  # "... does and identify what"
                        and _infinitive_entry(tokens, j + 1, lex)
                        and tokens[j + 2].text in lex.clause_words | lex.object_openers)
                ):
                    break  # "... tarkoittaa ja osaa muuntaa", "som X och reflektera": the learner
                j += 1
            spans.append((i, j))
            i = j
        i += 1
    return spans


_PRONOUNS = frozenset({"they", "it", "he", "she", "we", "you"})


def _as_clause(tokens: list[Token], i: int) -> bool:
    """English "as they apply to practice", "as it relates to ...": "as" with a pronoun as its
    subject opens a clause whose verbs are not the learner's outcome ("as well as", "act as a
    leader" do not)."""
    return (i > 0 and tokens[i].text == "as" and i + 1 < len(tokens)
            and tokens[i + 1].text in _PRONOUNS)


def _contact_clause(tokens: list[Token], i: int, first: int, lex: Lexicon) -> bool:
    """English "justify the decisions you make": a pronoun right after a noun opens a relative
    clause without "that", whose verb is not a second outcome."""
    if not lex.uses_position or i <= first or tokens[i].text not in _PRONOUNS - {"it"}:
        return False
    prev = tokens[i - 1]
    if prev.text in ("that", "which", "whom") and i > first + 1 and tokens[i - 2].is_word and (
            lex.match_at(tokens, i - 2) is None) and tokens[i - 2].text not in (
            lex.and_words | lex.function_words | lex.markers | lex.not_verbs):
        return True  # "the perspectives that you chose to compare"
    return prev.is_word and prev.text not in (
        lex.and_words | lex.function_words | lex.markers | lex.clause_words | lex.prepositions
        | lex.subjects | lex.object_openers) and lex.match_at(tokens, i - 1) is None


def _infinitive_entry(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Is token j a listed verb written as its infinitive (the learner's form in a list)?"""
    if j >= len(tokens) or not tokens[j].is_word:
        return False
    entry = lex.match_at(tokens, j)
    return entry is not None and tokens[j].text == entry.words[0]


def _verb_before(tokens: list[Token], first: int, frame: int, lex: Lexicon,
                 course_spans: list[tuple[int, int]]) -> bool:
    """Is there a learner's verb between the opening and the frame ("understands X and can
    apply it")? Then the frame is not the opening and what precedes it counts."""
    for i in range(first, frame):
        if not tokens[i].is_word or any(a <= tokens[i].start < b for a, b in course_spans):
            continue
        entry = lex.match_at(tokens, i)
        if entry is not None and not lex.is_passive(tokens, i) and _in_verb_position(
            tokens, i, first, lex
        ):
            return True
    return False


def _ability_frame(text: str, tokens: list[Token], lex: Lexicon,
                   course_spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Token indices (start, end) of the outcome's ability frame ("osaa", "ska kunna", "will be
    able to"): the first one within the opening words, joined with frames right after it."""
    limit = tokens[min(FRAME_WITHIN, len(tokens)) - 1].end if tokens else 0
    spans = sorted(
        m.span() for p in lex.frames for m in p.finditer(text)
        if m.start() < limit and not any(a <= m.start() < b for a, b in course_spans)
        and not _relative(tokens, m.start(), lex)
    )
    if not spans:
        return None
    start, end = spans[0]
    for a, b in spans[1:]:
        # a parenthetical between commas does not part them ("should, at a basic level, be able to")
        gap = lex.tokens(re.sub(r",[^,;]{1,60},", " ", text[end:a])) if a >= end else []
        # "should the student be able to": the learner may stand between two frames
        if a < end or all(g.text in ("be", "to", "ska", "och", "the", "a", "an", "also", "have")
                          or g.text in lex.subjects for g in gap):
            end = max(end, b)
    first = next(i for i, tok in enumerate(tokens) if tok.end > start)
    after = next((i for i, tok in enumerate(tokens) if tok.start >= end), len(tokens))
    return first, after


_RELATIVES = frozenset({"that", "which", "som", "joka", "jotka", "mikä", "mitkä"})


def _relative(tokens: list[Token], start: int, lex: Lexicon) -> bool:
    """Is the frame at character ``start`` inside a relative clause about something else
    ("the dangers that electricity can bring", "metoder som kan användas")? A relative pronoun
    within the three words before it, with no learner between, says so."""
    k = next((n for n, tok in enumerate(tokens) if tok.start >= start), len(tokens))
    before = tokens[max(k - 3, 0):k]
    rel = [n for n, tok in enumerate(before) if tok.text in _RELATIVES]
    return bool(rel) and not any(tok.text in lex.subjects for tok in before[rel[-1]:])


def _finite_after_subject(tok: Token, lex: Lexicon) -> str | None:
    """The base form of a finite verb in no list right after the learner ("The student adopts",
    "Opiskelija hinnoittelee", "Studenten programmerar"); None when it is no such verb."""
    word = tok.text
    if not tok.is_word or word in lex.not_verbs or word in lex.function_words or len(word) < 4:
        return None
    if lex.language == "fi":
        from ..morphology import finnish_verb

        form = finnish_verb(word)
        return form.lemma if form is not None and not form.passive else None
    if lex.language == "sv":
        if word.endswith("ar"):
            return word[:-1]
        return word[:-2] + "a" if word.endswith("er") else None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) else None


def _slot_verbs(tokens: list[Token], j: int, lex: Lexicon) -> dict[int, str | None]:
    """The verbs where the frame's verb goes (token index -> base form of a verb in no list, or
    None for a listed one): the first infinitive after the frame, and those joined to it
    ("osaa hinnoitella ja markkinoida"). After an English frame ending in a preposition
    ("skill in", "capable of") the verb is a gerund ("skill in conducting ..."), and a word
    without "-ing" there is a noun ("skills in communication")."""
    found: dict[int, str | None] = {}
    skipped = 0
    gerund = lex.uses_position and j > 0 and tokens[j - 1].text in lex.prepositions
    while j < len(tokens) and len(found) < 3 and (tokens[j].is_word or (
            not found and tokens[j].text == "," and skipped < 5)):
        if not tokens[j].is_word:
            j, skipped = j + 1, skipped + 1
            continue
        if not found and skipped < 5 and (tokens[j].text in lex.subjects or (
                tokens[j].text in ("den", "de") and j + 1 < len(tokens)
                and tokens[j + 1].text in lex.subjects)):
            j, skipped = j + 1, skipped + 1  # "Efter kursen kan studenten analysera": verb-second
            continue
        if gerund and not tokens[j].text.endswith("ing") and not (
            lex.between is not None and lex.between.match(tokens[j].text)
        ):
            break
        if not found and (tokens[j].text in lex.prepositions or tokens[j].text in _ADVERBIAL_HEADS):
            verb = _after_adverbial(tokens, j, lex)  # "kunna i grupp planera", "in teams plan"
            if verb is None:
                break  # a preposition is never the verb
            j = verb
            continue
        entry = lex.match_at(tokens, j)
        if entry is not None and not lex.is_passive(tokens, j):
            if entry.vague:
                break
            found[j] = None
            j += len(entry.words)
        elif lex.between is not None and lex.between.match(tokens[j].text) and skipped < 5:
            j, skipped = j + 1, skipped + 1
            continue
        else:
            lemma = tokens[j].lemma if gerund else lex.infinitive_lemma(tokens[j])
            if lemma is None or lex.is_passive(tokens, j):  # "can be used": not the learner's
                break
            found[j] = lemma
            j += 1
        if j < len(tokens) and (tokens[j].text in lex.and_words or (
            tokens[j].text == "," and j + 1 < len(tokens)
            and (lex.match_at(tokens, j + 1) or lex.infinitive_lemma(tokens[j + 1]))
        )):
            j += 1
            continue
        break
    return found


ADVERBIAL_WORDS = 12  # a prepositional phrase between a frame and its verb, at most


def _after_adverbial(tokens: list[Token], j: int, lex: Lexicon) -> int | None:
    """A short adverbial between a frame and its verb ("be able to in a team plan", "kunna under
    handledning genomföra", "i samråd med patienten och utifrån en helhetssyn ... tillämpa"): the
    index of the listed verb, in its base form, that ends it within ADVERBIAL_WORDS words with no
    punctuation; None when none does (then the phrase is not an adverbial before a verb)."""
    for k in range(j + 1, min(j + ADVERBIAL_WORDS + 1, len(tokens))):
        tok = tokens[k]
        if tok.text == ",":
            continue  # "kunna, med hjälp av relevanta teorier, analysera"
        if not tok.is_word:
            return None
        entry = lex.match_at(tokens, k)
        if (entry is not None and not entry.vague and tok.text == entry.words[0]
                and tokens[k - 1].text not in lex.prepositions | lex.object_openers):
            return k
    return None
