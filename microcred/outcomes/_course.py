"""Statements about the course rather than the learner: teacher-centred phrasing, the course as
the subject, and aims whose clause has the learner as its subject."""

from __future__ import annotations

from ..lexicon import Lexicon, Token
from ._model import Verb


def _teacher_centred(text: str, tokens: list[Token], lex: Lexicon, verbs: list[Verb]) -> bool:
    """Does the statement say what the course does, or what is done on it, rather than what the
    learner does? A listed pattern ("the course introduces", "Kursen syftar till att ge"), a
    course noun as the subject of the opening verb ("Kursen ger", "Koulutus antaa"), or a
    passive opening verb with no learner verb ("Projektijohtamista tarkastellaan")."""
    for m in (m for p in lex.teacher_centred for m in p.finditer(text)):
        near = lex.tokens(text[m.start():m.end() + 40])
        last = max(k for k, tok in enumerate(near) if tok.start < m.end() - m.start())
        if not _learner_follows(near, last, lex):  # "the aim ... is that students ...": theirs
            return True
    if _course_subject(tokens, lex) is not None:
        return True
    words = [tok for tok in tokens if tok.is_word][:8]
    for n, tok in enumerate(words[:6] if not verbs else words[:2]):
        if tok.text in lex.not_verbs:
            continue
        if lex.passive_opening is not None and lex.passive_opening.search(tok.text) and (
            tok.text != tok.lemma or lex.language == "sv"
        ) and not any(w.text in lex.subjects for w in words[:n]) and not (
            n and (words[n - 1].text in lex.object_openers  # "En politices magister": a noun
                   or any(v.start == words[n - 1].start for v in verbs))):  # its object
            if lex.match_at(tokens, tokens.index(tok)) is not None or _is_verb(tok, lex):
                return True
    return False


def _course_subject(tokens: list[Token], lex: Lexicon) -> int | None:
    """Index of the verb whose subject is the course ("Kursen ger", "Koulutus antaa", "The
    course gives"), when the statement opens that way."""
    words = [i for i, tok in enumerate(tokens) if tok.is_word][:6]
    for n, i in enumerate(words[:5]):
        if not _course_noun(tokens[i].text, lex) or n + 1 >= len(words):
            continue
        if n and tokens[words[n - 1]].text in lex.prepositions:
            continue
        if lex.uses_position and any(tokens[w].text not in _OPENING for w in words[:n]):
            continue  # "Conduct a training needs analysis": a compound noun, not the subject
        if tokens[words[n + 1]].text in lex.prepositions and n + 3 < len(words):
            n += 2  # "Avsnitten om marknader ger ...": the course noun with its attribute
        if n + 2 < len(words) and tokens[words[n + 1]].text in _ALSO:
            n += 1  # "Subjects also include", "Kursen ger även"
        nxt = tokens[words[n + 1]]
        if nxt.text in lex.subjects or nxt.text in lex.function_words - lex.course_verbs:
            continue
        if nxt.text in lex.course_verbs or (lex.finite is not None and lex.finite.search(nxt.text)):
            return None if _learner_follows(tokens, words[n + 1], lex) else words[n + 1]
    return None


def _course_noun(word: str, lex: Lexicon) -> bool:
    """A course noun, or in Finnish and Swedish a compound ending in one
    ("Kriminologiprogrammet", "Civilingenjörsprogrammet")."""
    return word in lex.course_nouns or (not lex.uses_position and any(
        word.endswith(noun) and len(word) > len(noun) + 3 for noun in lex.course_nouns
        if len(noun) >= 7))


_THAT = frozenset({"that", "att", "että", "for", ",", "the", "den", "de"})


def _learner_follows(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Does a clause with the learner as its subject follow (from token j on) a course's aim
    ("Kursen syftar till att studenten ska kunna ...", "Tavoitteena on, että opiskelija osaa",
    "The aim is that students can ...")? Then the statement is the learner's outcome, not the
    course's (the labelling rule of tests/data/outcomes_real_README.md)."""
    saw_that = False
    for n, tok in enumerate(tokens[j:]):
        if tok.text in lex.subjects:
            return saw_that
        saw_that = saw_that or tok.text in ("that", "att", "että", "for")
        if n and tok.text not in _THAT and (saw_that or tok.text not in lex.course_verbs | {
                "till", "to", "is", "är", "on"}):
            return False
    return False


_OPENING = frozenset({"the", "this", "that", "these", "our", "a", "an", "each", "every", "and",
                      "or", "lectures", "seminars", "workshops",
                      "first", "second", "third", "final", "main", "overall"})
_ALSO = frozenset({"also", "further", "additionally", "också", "även", "dessutom", "myös",
                   "lisäksi"})


def _course_verb_span(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, int]:
    """Character span of the course's verb chain ("skall också ge", "avser att ge")."""
    j = i
    while j + 1 < len(tokens) and tokens[j].text not in lex.subjects and (
            tokens[j].text in lex.course_verbs or tokens[j + 1].text in (
        "att", "till", "to", "också", "även", "also"
    ) or tokens[j].text in ("att", "till", "to", "också", "även", "also") or (
        tokens[j].text in lex.and_words and tokens[j + 1].text in lex.course_verbs)):
        j += 1  # "opintojakso laajentaa ja syventää": both verbs are the course's
    return tokens[i].start, tokens[j].end


def _is_verb(tok: Token, lex: Lexicon) -> bool:
    """A passive form of a verb in no list (Finnish: the analyser says so)."""
    if lex.language == "fi":
        from ..morphology import finnish_verb

        form = finnish_verb(tok.text)
        return form is not None and form.passive
    if lex.language != "sv":
        return False
    # "behandlas", "analyseras"; "läggs", "görs" when the lemmatiser reads a verb ("lägga")
    return (tok.text.endswith(("as", "es")) and len(tok.text) > 5) or (
        tok.text.endswith("s") and tok.lemma != tok.text and tok.lemma.endswith("a"))
