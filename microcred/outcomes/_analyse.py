"""analyse() and its kin: one statement (or a text of several) turned into an OutcomeAnalysis."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from ..findings import Finding
from ..i18n import t
from ..lexicon import LANGUAGES, LEVELS, UNKNOWN, Lexicon, Token, bloom_rank, lexicon
from ._course import _course_subject, _course_verb_span, _teacher_centred
from ._language import _other_languages, detect_language
from ._lists import _list_items
from ._model import ANALYSE_LIMIT, MAX_WORDS, OutcomeAnalysis, Verb, _finding, _notes
from ._verbs import _find_verbs, _has_object, _with_vague_phrases

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]*>")
_SCRIPT = re.compile(r"<\s*(script|style)\b.*?(<\s*/\s*\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)]|[a-zA-Z][.)]|\((?:\d+|[a-zA-Z]|[ivx]+)\))\s+")


def analyse(text: str, language: str | None = None, messages: str | None = None) -> OutcomeAnalysis:
    """Analyse one outcome. ``language`` forces en/fi/sv; ``messages`` picks the message language
    (default: the statement's language)."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    text = "" if text is None else str(text)
    cleaned, had_markup = _clean(text)
    truncated = len(cleaned) > ANALYSE_LIMIT
    if truncated:
        cleaned = cleaned[:ANALYSE_LIMIT]
    lang = language or detect_language(cleaned)
    msg = messages or lang
    lex = lexicon(lang)
    problems: list[Finding] = []
    if not any(ch.isalnum() for ch in cleaned):
        problems.append(_finding("empty", msg, example=t("outcomes.example", msg)))
        return OutcomeAnalysis(cleaned, lang, (), tuple(problems + _notes(had_markup, False, msg)))

    items = _list_items(cleaned, lex)
    if items:
        return _analyse_list(cleaned, items, lang, msg, _notes(had_markup, truncated, msg))
    tokens = lex.tokens(cleaned)
    verbs = _find_verbs(cleaned, tokens, lex)
    verbs = _with_vague_phrases(cleaned, lex, verbs)
    others, mixed = _other_languages(cleaned, lang)
    for other in others:  # "The participant osaa analysoida ...": find the Finnish verb too
        seen = {v.start for v in verbs}
        verbs += [v for v in _find_verbs(cleaned, lexicon(other).tokens(cleaned), lexicon(other))
                  if v.start not in seen]
    verbs.sort(key=lambda v: v.start)
    measurable = [v for v in verbs if not v.vague]
    top = _top(measurable)
    levels = ", ".join(t(f"outcomes.level.{level}", msg) for level in LEVELS)

    teacher = _teacher_centred(cleaned, tokens, lex, verbs)
    course_verb = _course_subject(tokens, lex)
    if course_verb is not None:  # "Kursen visar", "Kursen skall ge": the course's verbs
        span = _course_verb_span(tokens, course_verb, lex)
        verbs = [v for v in verbs if not span[0] <= v.start < span[1]]
        verbs = _learners_after_course(verbs, tokens, lex)
        measurable = [v for v in verbs if not v.vague]
        top = _top(measurable)
    if teacher:
        problems.append(_finding("teacher-centred", msg))
    elif all(v.level == UNKNOWN and not v.ambiguous for v in verbs) and (
            attitude := _attitude(cleaned, lex)):  # "inta ett kritiskt förhållningssätt"
        verbs = attitude
        measurable, top = verbs, _top(verbs)
    if not verbs and not teacher:  # one error is enough: the course is the subject
        examples = lex.verbs_of_level("apply", 2) + lex.verbs_of_level("analyse", 2)
        problems.append(_finding("no-action-verb", msg, verbs=", ".join(examples)))
    if measurable and not teacher and not _has_object(measurable[-1], tokens, lex):
        # "Analyse." says what kind of thing is done, not to what: nothing to assess
        problems.append(_finding("no-object", msg, verb=measurable[-1].lemma))
    for verb in verbs:
        if verb.attitude:
            problems.append(_finding("attitude", msg, element=verb.lemma, verb=verb.text))
        elif verb.ambiguous:
            problems.append(_finding("ambiguous-verb", msg, element=verb.lemma, verb=verb.text,
                                     readings=_readings(verb, lex, msg)))
        elif verb.level == UNKNOWN:
            problems.append(_finding("unknown-verb", msg, element=verb.lemma, verb=verb.text,
                                     levels=levels))
        if verb.vague:
            replacements = ", ".join(lex.verbs_of_level(verb.level or "understand"))
            problems.append(
                _finding("vague-verb", msg, element=verb.lemma, verb=verb.text, verbs=replacements)
            )
    lemmas = list(dict.fromkeys(v.lemma for v in verbs))
    if len(lemmas) > 1:
        problems.append(
            _finding(
                "multiple-verbs",
                msg,
                verbs=", ".join(lemmas),
                top=(top.text if top else lemmas[0]),
            )
        )
    words = len(cleaned.split())  # whitespace-separated, as the labelling rule counts
    if words > MAX_WORDS:
        problems.append(_finding("too-long", msg, words=words))
    problems += _notes(had_markup, truncated, msg)
    if mixed:
        names = ", ".join([lang, *mixed])
        problems.append(_finding("mixed-language", msg, languages=names))
    level = top.level if top else None
    return OutcomeAnalysis(cleaned, lang, tuple(verbs), tuple(problems), level,
                           form=outcome_form(cleaned, verbs, level, lex))


def _attitude(text: str, lex: Lexicon) -> list[Verb]:
    """An outcome that states an attitude and no action ("inta ett kritiskt förhållningssätt",
    "adopts an approach to ..."; data: `attitudes`): a note, level "unknown", no error, as the
    labelling rules have it (the cognitive levels do not describe attitudes)."""
    for pattern in lex.attitudes:
        m = pattern.search(text)
        if m:
            return [Verb(m.group(0), "attitude", UNKNOWN, m.start(), m.end(), attitude=True)]
    return []


def _top(measurable: list[Verb]) -> Verb | None:
    """The verb that gives the outcome its level: the highest one. An ambiguous verb whose
    object did not decide ("unknown") wins when one of its readings is higher than every known
    level, since then the outcome's level depends on the reading the participant chooses."""
    top = max(measurable, key=lambda v: bloom_rank(v.level), default=None)
    highest = bloom_rank(top.level) if top else -1
    return next((v for v in measurable
                 if v.ambiguous and max(map(bloom_rank, v.levels)) > highest), top)


def _readings(verb: Verb, lex: Lexicon, msg: str) -> str:
    """The levels an ambiguous verb can have, each with its example reading when the lexicon
    gives one ("follow instructions = apply, monitor progress = evaluate"), in ``msg``."""
    examples = lex.readings.get(verb.lemma, {})
    return ", ".join(f"{examples[level]} = {t(f'outcomes.level.{level}', msg)}"
                     if level in examples else t(f"outcomes.level.{level}", msg)
                     for level in verb.levels)


def _learners_after_course(verbs: list[Verb], tokens: list[Token], lex: Lexicon) -> list[Verb]:
    """English and Swedish, when the course is the subject: only verbs brought in for the learner
    ("ger studenten möjlighet att analysera", "färdighet i att använda", "aims to get learners to
    reflect") or joined to one are the learner's; "will focus on", "practices" in a list of
    topics are the course's words."""
    if lex.language == "fi":
        return verbs
    kept: list[Verb] = []
    for v in verbs:
        k = next((n for n, tok in enumerate(tokens) if tok.start == v.start), 0)
        prev = tokens[k - 1].text if k else ""
        if (prev in ("to", "att") or prev in lex.subjects or v.vague
                or (kept and prev in (",", *lex.and_words)
                    and tokens[k - 2].end == kept[-1].end)):
            kept.append(v)
    return kept


def _analyse_list(text: str, items: list[tuple[int, str, int]], lang: str, msg: str,
                  notes: list[Finding]) -> OutcomeAnalysis:
    """A list-form outcome ("ska studenten kunna: beskriva ..., analysera ..."): every item is
    analysed as an outcome of its own (with the shared opening, which its length does not count);
    the whole carries their verbs (offsets in the whole text), their findings once each and the
    highest level."""
    results, verbs = [], []
    for prefix_len, item, start in items:
        r = analyse(item, lang, msg)
        words = len(item[prefix_len:].split())  # the item as written: the opening is shared
        r = replace(r, problems=tuple(
            p if p.code != "too-long" else _finding("too-long", msg, words=words)
            for p in r.problems if p.code != "too-long" or words > MAX_WORDS))
        results.append(r)
        verbs += [replace(v, start=v.start - prefix_len + start, end=v.end - prefix_len + start)
                  for v in r.verbs if v.start >= prefix_len]
    problems = list(dict.fromkeys(p for r in results for p in r.problems))
    problems.append(_finding("list-items", msg, count=len(results)))
    levels = [r.bloom_level for r in results if r.bloom_level]
    known = [level for level in levels if level in LEVELS]
    top = max(known, key=bloom_rank) if known else (levels[0] if levels else None)
    return OutcomeAnalysis(text, lang, tuple(verbs), tuple(problems + notes), top, tuple(results))


FORMS: tuple[str, ...] = ("knowledge", "skills", "judgement")


def outcome_form(text: str, verbs: list[Verb], level: str | None, lex: Lexicon) -> str | None:
    """Which of the Higher Education Ordinance's three forms a Swedish outcome expresses:
    "knowledge" (kunskap och förståelse), "skills" (färdighet och förmåga) or "judgement"
    (värderingsförmåga och förhållningssätt); None for other languages or with no learner verb.
    Cue words decide first: the verb's own object ("visa kunskap och förståelse" is knowledge),
    a judgement cue (etiska, förhållningssätt) unless the verb only recalls or explains
    ("förklara etiska teorier" is knowledge), a skills cue; then the level of the first verb
    ("redogöra för och reflektera över" is knowledge). A course description ("Kursen ger
    kunskaper om") gets the form of what it describes, when a cue says so."""
    forms = lex.outcome_forms
    if not forms:
        return None
    lowered = text.lower()
    first = verbs[0] if verbs else None
    if first is not None and first.level == "remember" and len(verbs) > 1:
        first = verbs[1]  # "identifiera och analysera": recognising is the first step of the skill
    knows = first is None or first.vague or first.level in ("remember", "understand")
    for form in ("judgement", "skills", "knowledge"):
        listed = forms.get(form)
        cues = listed if isinstance(listed, list) else []
        found_cues = [m for cue in cues for m in re.finditer(rf"\b{re.escape(str(cue))}", lowered)]
        # the verb's own object says it: "visa kunskap och förståelse" (demonstrate knowledge)
        object_cue = first is not None and form != "judgement" and any(
            0 <= m.start() - first.end <= 15 for m in found_cues)
        acted = any(v.start <= m.start() < v.end for m in found_cues for v in verbs)
        if found_cues and (object_cue or (form == "judgement" and (not knows or acted))
                           or form == "skills" or (form == "knowledge" and knows)):
            return form  # a judgement cue that is a verb ("värdera", "bemöta") or its object
    if first is None:
        return None
    by_level = forms.get("by_level") or {}
    if first.vague or not isinstance(by_level, dict):
        return "knowledge"  # "känna till", "förstå": what is meant is knowledge
    found = by_level.get(first.level)
    return str(found) if found else None


def analyse_lines(text: str, language: str | None = None) -> list[OutcomeAnalysis]:
    """Analyse several outcomes written one a line; blank lines are skipped, and a list written
    under an opening line ("Opiskelija osaa:" then "- kuvata ...") is one outcome with items."""
    return [analyse(statement, language) for statement in outcome_statements(text)]


_OPENS_LIST = re.compile(r":\s*$")
_MARKED = re.compile(r"^\s*(?:[-•*–·▪]|\d+[.)]|\((?:\d+|[a-z]|[ivx]+)\))\s*\S")


def outcome_statements(text: str) -> list[str]:
    """The outcomes of a text written one a line, where a line ending in ":" and the bulleted or
    numbered lines under it (headings between them included) make one list-form outcome."""
    statements: list[str] = []
    group: list[str] | None = None
    lines = [line for line in text.splitlines() if line.strip()]
    for n, line in enumerate(lines):
        heading = len(line.split()) <= 4 and n + 1 < len(lines) and _MARKED.match(lines[n + 1])
        if group is not None and (_MARKED.match(line) or heading):
            group.append(line)
            continue
        if group is not None:
            statements.append("\n".join(group))
            group = None
        if _OPENS_LIST.search(line):
            group = [line]
        else:
            statements.append(line)
    if group is not None:
        statements.append("\n".join(group))
    return statements


def _clean(text: str) -> tuple[str, bool]:
    """Remove markup and list bullets; report whether there was markup."""
    stripped = _TAG.sub(" ", _SCRIPT.sub(" ", text))
    had_markup = stripped != text
    stripped = html.unescape(stripped) if had_markup else stripped
    if len([line for line in stripped.splitlines() if line.strip()]) < 2:
        stripped = _BULLET.sub("", stripped, count=1)  # a list keeps its bullets (items)
    lines = (" ".join(line.split()) for line in stripped.splitlines())
    return "\n".join(line for line in lines if line), had_markup  # lines kept: a list's items
