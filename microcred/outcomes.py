"""The learning-outcome coach: find the action verbs of an outcome, their Bloom level and problems.

``analyse(text)`` works in English, Finnish and Swedish (detected, or forced with ``language=``).
Verbs come from the lexicons in ``data/verbs``; inflected forms are matched through the simplemma
lemmatiser. The same function serves the widget, the command line and the assignment graders, so
a participant gets the same answer everywhere.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

from .findings import Finding, as_lines, has_errors, localised
from .i18n import t
from .lexicon import (
    LANGUAGES,
    LEVELS,
    UNKNOWN,
    Entry,
    Lexicon,
    Token,
    bloom_rank,
    is_known,
    lexicon,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "LEVELS",
    "OutcomeAnalysis",
    "Verb",
    "analyse",
    "analyse_lines",
    "bloom_profile",
    "detect_language",
    "outcome_statements",
    "plot_bloom",
]

MAX_WORDS = 40  # longer outcomes get a "too-long" warning
ANALYSE_LIMIT = 2000  # characters analysed at most; a 10,000-character paste stays instant
ERROR_CODES = frozenset({"empty", "no-action-verb", "vague-verb", "teacher-centred", "no-object"})
# Notes inform and cost nothing: an action verb that is in no list is still an action verb.
NOTE_CODES = frozenset({"unknown-verb", "list-items"})
FRAME_WITHIN = 25  # words: an ability frame further in is not the opening of the outcome

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]*>")
_SCRIPT = re.compile(r"<\s*(script|style)\b.*?(<\s*/\s*\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)]|[a-zA-Z][.)]|\((?:\d+|[a-zA-Z]|[ivx]+)\))\s+")


@dataclass(frozen=True)
class Verb:
    """An action verb found in an outcome."""

    text: str  # as written in the outcome
    lemma: str  # the lexicon's dictionary form (for an unknown verb, its base form)
    level: str | None  # Bloom level, "unknown" for a verb in no list; None for a vague verb
    start: int  # character offsets in ``OutcomeAnalysis.text``
    end: int
    vague: bool = False
    levels: tuple[str, ...] = ()  # all the levels an ambiguous verb can sit on


@dataclass(frozen=True)
class OutcomeAnalysis:
    """What the coach found in one outcome statement."""

    text: str  # the statement as analysed (markup removed, trimmed)
    language: str
    verbs: tuple[Verb, ...] = ()
    problems: tuple[Finding, ...] = ()
    bloom_level: str | None = field(default=None)  # a level of LEVELS, "unknown" or None
    items: tuple[OutcomeAnalysis, ...] = ()  # a list-form outcome: each item analysed alone
    form: str | None = None  # Swedish: "knowledge", "skills" or "judgement" (see outcome_form)

    @property
    def ok(self) -> bool:
        """True when no problem of error severity was found."""
        return not has_errors(list(self.problems))

    @property
    def costly(self) -> tuple[Finding, ...]:
        """The problems that are not notes: what a grader may take points for."""
        return tuple(p for p in self.problems if p.severity != "note")

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["ok"] = self.ok
        return data

    def __str__(self) -> str:
        """A short readable report, for ``print(analyse(...))`` in a notebook."""
        verbs = ", ".join(f"{v.text} ({v.level or 'vague'})" for v in self.verbs) or "none"
        form = f"   form: {self.form}" if self.form else ""
        lines = [self.text, f"  language: {self.language}   verbs: {verbs}   "
                 f"Bloom level: {self.bloom_level or 'none'}{form}"]
        lines += as_lines(self.problems)
        return "\n".join(lines)


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
    top = max(measurable, key=lambda v: bloom_rank(v.level), default=None)
    levels = ", ".join(t(f"outcomes.level.{level}", msg) for level in LEVELS)

    teacher = _teacher_centred(cleaned, tokens, lex, verbs)
    course_verb = _course_subject(tokens, lex)
    if course_verb is not None:  # "Kursen visar", "Kursen skall ge": the course's verbs
        span = _course_verb_span(tokens, course_verb, lex)
        verbs = [v for v in verbs if not span[0] <= v.start < span[1]]
        measurable = [v for v in verbs if not v.vague]
        top = max(measurable, key=lambda v: bloom_rank(v.level), default=None)
    if teacher:
        problems.append(_finding("teacher-centred", msg))
    if not verbs and not teacher:  # one error is enough: the course is the subject
        examples = lex.verbs_of_level("apply", 2) + lex.verbs_of_level("analyse", 2)
        problems.append(_finding("no-action-verb", msg, verbs=", ".join(examples)))
    if measurable and not teacher and not _has_object(measurable[-1], tokens, lex):
        # "Analyse." says what kind of thing is done, not to what: nothing to assess
        problems.append(_finding("no-object", msg, verb=measurable[-1].lemma))
    for verb in verbs:
        if verb.level == UNKNOWN:
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
    Cue words decide first (etiska, förhållningssätt -> judgement), then the level of the first
    verb ("redogöra för och reflektera över" is knowledge). A course description ("Kursen ger
    kunskaper om") gets the form of what it describes, when a cue says so."""
    forms = lex.outcome_forms
    if not forms:
        return None
    lowered = text.lower()
    first = verbs[0] if verbs else None
    for form in ("judgement", "skills", "knowledge"):
        listed = forms.get(form)
        cues = listed if isinstance(listed, list) else []
        if any(re.search(rf"\b{re.escape(str(cue))}", lowered) for cue in cues) and (
            form != "knowledge" or first is None or first.vague
            or first.level in ("remember", "understand")
        ):
            return form
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


def detect_language(text: str) -> str:
    """The most likely of en/fi/sv for a statement; English when nothing is recognised."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    if not words:
        return "en"
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for lang in LANGUAGES:
        fw = lexicon(lang).function_words
        scores[lang] += 2.0 * sum(1 for w in words if w in fw)
    for lang in LANGUAGES:  # words the language's dictionary knows (as simplemma.langdetect)
        scores[lang] += sum(1 for w in words if is_known(w, lang))
    opening = " ".join(words[:6])
    for lang in LANGUAGES:  # the opening ("Osallistuja osaa ...") names the outcome's language
        if any(stem.match(opening) for stem in lexicon(lang).stems):
            scores[lang] += 5.0
    return max(LANGUAGES, key=lambda lang: scores[lang])


def bloom_profile(results: Iterable[OutcomeAnalysis]) -> dict[str, int]:
    """How many outcomes sit at each Bloom level (outcomes without a level are left out)."""
    counts = Counter(r.bloom_level for r in results if r.bloom_level)
    return {level: counts.get(level, 0) for level in LEVELS}


def plot_bloom(results: Iterable[OutcomeAnalysis], lang: str = "en") -> Figure:
    """A bar chart of the Bloom levels of a set of outcomes."""
    from matplotlib.ticker import MaxNLocator

    from .charts import PALETTE, new_figure

    profile = bloom_profile(results)
    fig = new_figure(6, 2.8)
    ax = fig.add_subplot()
    labels = [t(f"outcomes.level.{level}", lang) for level in LEVELS]
    counts = list(profile.values())
    ax.bar(labels, counts, color=PALETTE[: len(LEVELS)])
    ax.set_ylabel(t("outcomes.chart.count", lang))
    ax.set_title(t("outcomes.chart.title", lang))
    # Counts: from 0, whole numbers, and a scale up to 1 at least when there is no outcome yet.
    ax.set_ylim(0, max(1, max(counts, default=0)) * 1.1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    # Level names are long in every language ("rememberunderstand" ran together): tilt them.
    ax.tick_params(axis="x", labelsize=9)
    for label in ax.get_xticklabels():
        label.set(rotation=25, ha="right", rotation_mode="anchor")
    fig.tight_layout()
    return fig


# --- helpers ---------------------------------------------------------------------------------


def _clean(text: str) -> tuple[str, bool]:
    """Remove markup and list bullets; report whether there was markup."""
    stripped = _TAG.sub(" ", _SCRIPT.sub(" ", text))
    had_markup = stripped != text
    stripped = html.unescape(stripped) if had_markup else stripped
    if len([line for line in stripped.splitlines() if line.strip()]) < 2:
        stripped = _BULLET.sub("", stripped, count=1)  # a list keeps its bullets (items)
    lines = (" ".join(line.split()) for line in stripped.splitlines())
    return "\n".join(line for line in lines if line), had_markup  # lines kept: a list's items


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
    return prev in lex.markers or prev in lex.subjects or _opening_adverbial(tokens, first, i, lex)


_ADVERBIAL_HEADS = frozenset({"with", "under", "without", "together", "independently", "alone",
                              "jointly"})


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


def _followed_like_a_noun(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """English only: "the use of" - a single-word verb right before "of" is a noun."""
    return end < len(tokens) and tokens[end].text in lex.noun_if_followed_by


def _find_verbs(text: str, tokens: list[Token], lex: Lexicon) -> list[Verb]:
    """The learner's verbs: lexicon matches after the opening phrase, in verb position, not
    passive, not inside a phrase about the course ("the course introduces"); and the verb after
    the ability frame ("osaa hinnoitella") even when no list holds it."""
    course_spans = [m.span() for p in lex.teacher_centred for m in p.finditer(text)]
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
            or (lex.uses_position and verbs and _noun_conjunct(tokens, i, verbs[-1].end, lex))
            or (lex.uses_position and verbs and _listed_noun(tokens, i, verbs[-1].end, lex))
            or (lex.uses_position and tokens[i].text.endswith("ing") and i > first
                and tokens[i].text not in lex.index and i not in slots
                and not _gerund_list(tokens, i, first, verbs, lex))
            or (lex.uses_position and i == first and tokens[i].text.endswith("ing")
                and _participial_opening(tokens, i, lex))
            or (not lex.uses_position and i > 0 and tokens[i - 1].text in lex.object_openers)
            or (lex.language == "sv" and frame is not None and i >= frame[1]
                and _swedish_present(tokens[i], entry, lex))
            or (lex.language == "fi" and tokens[i].text.endswith(("vat", "vät"))
                and tokens[i].text not in lex.forms and not _plural_subject(tokens, i, lex))
            or lex.is_passive(tokens, i)
            or (len(entry.words) == 1 and _followed_like_a_noun(tokens, i + 1, lex))
            or any(a <= tokens[i].start < b for a, b in course_spans)
            or (entry.lemma in lex.vague_alone
                and (_verb_follows(tokens, i, lex) or (frame and frame[0] <= i < frame[1] and slots)))
        ):
            i += 1
            continue
        last = tokens[i + len(entry.words) - 1]
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
    return verbs + _coordinated_verbs(text, tokens, lex, verbs, clauses, course_spans)


def _coordinated_verbs(text: str, tokens: list[Token], lex: Lexicon, verbs: list[Verb],
                       clauses: list[tuple[int, int]],
                       course_spans: list[tuple[int, int]]) -> list[Verb]:
    """Finnish and Swedish: an infinitive in no list joined by "ja"/"och" after a learner's verb
    ("kuvata prosessin ja antaa palautetta", "analysera bokslut och dra slutsatser") is a second
    verb of the learner; the infinitive's form tells it from a noun. English base forms are
    nouns as often as verbs, so English is left to the lexicon."""
    if lex.uses_position or not verbs:
        return []
    taken = {v.start for v in verbs}
    found = []
    for i in range(1, len(tokens)):
        tok = tokens[i]
        if (tokens[i - 1].text not in lex.and_words or tok.start in taken
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
    with its object): the first object word holding a cue of one of the verb's levels (inside a
    compound too in Finnish and Swedish), else the verb's listed level."""
    if len(entry.levels) < 2 or not lex.object_levels:
        return entry.level
    after = [tok.text for tok in tokens[j : j + 2]]
    if "analyse" in entry.levels and after and (after[0] in lex.clause_words or (
            after[0] == "," and after[1:] and after[1] in lex.clause_words)):
        return "analyse"  # "identify when/why ...", "tunnistaa, miten ...": a question to analyse
    for tok in tokens[j : j + OBJECT_WORDS]:
        if not tok.is_word or tok.text in lex.and_words:
            break
        for level in entry.levels:
            for cue in lex.object_levels.get(level, ()):
                if tok.text.startswith(cue) or (not lex.uses_position and cue in tok.text):
                    return level
    return entry.level


def _has_object(verb: Verb, tokens: list[Token], lex: Lexicon) -> bool:
    """Does anything follow the last verb ("analyse the data")? A listed verb-and-object phrase
    ("laatia suunnitelma", "johtaa (pientä) tiimiä") holds its object; a particle or a
    preposition ("redogöra för", "reflektera över", "carry out") does not."""
    words = verb.lemma.split()
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
    for pattern, element in lex.vague_patterns.items():
        for m in pattern.finditer(text):
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
    return (i > 0 and tokens[i - 1].text in ("and", "or", ",") and word.endswith("s")
            and word != entry.words[0])


def _swedish_present(tok: Token, entry: Entry, lex: Lexicon) -> bool:
    """Swedish after "kan"/"ska kunna": the learner's verbs are infinitives, so a present-tense
    form further on belongs to a relative clause or is a plural noun ("dokumentera vården
    enligt gällande lagar": "lagar" is laws, not "laga")."""
    return tok.text != entry.words[0] and tok.text not in lex.forms


def _base_form(verbs: list[Verb]) -> bool:
    """English: is the first verb written in its base form ("Interpret and present data in
    tables, charts and graphs")? Then the learner's verbs are base forms and an -s form later is
    a plural noun; after "analyses" (third person) "presents" is a verb."""
    return bool(verbs) and verbs[0].text.lower().split()[0] == verbs[0].lemma.split()[0]


def _noun_conjunct(tokens: list[Token], i: int, after: int, lex: Lexicon) -> bool:
    """English: "evaluate a range of literature and research": after a preposition, "and" joins
    nouns; the word after it is a verb only when an object follows it ("and evaluate it")."""
    if i == 0 or tokens[i - 1].text not in ("and", "or") or (
        i + 1 < len(tokens) and tokens[i + 1].text in lex.object_openers
    ):
        return False
    return any(tok.text in lex.prepositions for tok in tokens[:i - 1] if tok.start >= after)


def _listed_noun(tokens: list[Token], i: int, after: int, lex: Lexicon) -> bool:
    """English: "Describe the aims, design and results of a study": after a verb that already
    has its object, a word between commas or before "and" is one more noun of the object's list,
    unless a verb follows it there too ("collect data, analyse and interpret it")."""
    if i == 0 or i + 2 >= len(tokens) or tokens[i - 1].text not in (",", *lex.and_words):
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
        purpose = i > first and tokens[i].text in ("att", "to") and (
            f"{tokens[i - 1].text} {tokens[i].text}" in lex.purpose) and not _means(
            tokens, first, i, lex)
        if purpose or tokens[i].text in lex.clause_words and i > first and not (
            i + 1 < len(tokens) and tokens[i + 1].text in ("to", "att")  # "explain how to ..."
        ):
            j = i + 1
            while j < len(tokens) and tokens[j].text not in (",", ";", ":") and not (
                purpose and any(p.fullmatch(tokens[j].text) for p in lex.frames)
            ):  # "för att ... kunna planera": the learner again
                if tokens[j].text in ("att", "to") and f"{tokens[j - 1].text} {tokens[j].text}" in (
                    lex.purpose
                ):
                    purpose = True  # "hur X kan användas för att strukturera och resonera"
                if not purpose and tokens[j].text in lex.and_words and j + 1 < len(tokens) and (
                    any(p.match(tokens[j + 1].text) for p in lex.frames)
                    or (not lex.uses_position and _infinitive_entry(tokens, j + 1, lex))
                ):
                    break  # "... tarkoittaa ja osaa muuntaa", "som X och reflektera": the learner
                j += 1
            spans.append((i, j))
            i = j
        i += 1
    return spans


def _infinitive_entry(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Is token j a listed verb written as its infinitive (the learner's form in a list)?"""
    entry = lex.match_at(tokens, j)
    return entry is not None and tokens[j].text == entry.words[0]


def _teacher_centred(text: str, tokens: list[Token], lex: Lexicon, verbs: list[Verb]) -> bool:
    """Does the statement say what the course does, or what is done on it, rather than what the
    learner does? A listed pattern ("the course introduces", "Kursen syftar till att ge"), a
    course noun as the subject of the opening verb ("Kursen ger", "Koulutus antaa"), or a
    passive opening verb with no learner verb ("Projektijohtamista tarkastellaan")."""
    if any(p.search(text) for p in lex.teacher_centred):
        return True
    if _course_subject(tokens, lex) is not None:
        return True
    words = [tok for tok in tokens if tok.is_word][:8]
    for n, tok in enumerate(words[:6] if not verbs else words[:2]):
        if lex.passive_opening is not None and lex.passive_opening.search(tok.text) and (
            tok.text != tok.lemma or lex.language == "sv"
        ) and not any(w.text in lex.subjects for w in words[:n]):
            if lex.match_at(tokens, tokens.index(tok)) is not None or _is_verb(tok, lex):
                return True
    return False


def _course_subject(tokens: list[Token], lex: Lexicon) -> int | None:
    """Index of the verb whose subject is the course ("Kursen ger", "Koulutus antaa", "The
    course gives"), when the statement opens that way."""
    words = [i for i, tok in enumerate(tokens) if tok.is_word][:6]
    for n, i in enumerate(words[:5]):
        if tokens[i].text not in lex.course_nouns or n + 1 >= len(words):
            continue
        if n and tokens[words[n - 1]].text in lex.prepositions:
            continue
        if tokens[words[n + 1]].text in lex.prepositions and n + 3 < len(words):
            n += 2  # "Avsnitten om marknader ger ...": the course noun with its attribute
        nxt = tokens[words[n + 1]]
        if nxt.text in lex.subjects or nxt.text in lex.function_words - lex.course_verbs:
            continue
        if nxt.text in lex.course_verbs or (lex.finite is not None and lex.finite.search(nxt.text)):
            return words[n + 1]
    return None


def _course_verb_span(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, int]:
    """Character span of the course's verb chain ("skall också ge", "avser att ge")."""
    j = i
    while j + 1 < len(tokens) and (tokens[j].text in lex.course_verbs or tokens[j + 1].text in (
        "att", "till", "to", "också", "även", "also"
    ) or tokens[j].text in ("att", "till", "to", "också", "även", "also")):
        j += 1
    return tokens[i].start, tokens[j].end


def _is_verb(tok: Token, lex: Lexicon) -> bool:
    """A passive form of a verb in no list (Finnish: the analyser says so)."""
    if lex.language == "fi":
        from .morphology import finnish_verb

        form = finnish_verb(tok.text)
        return form is not None and form.passive
    if lex.language != "sv":
        return False
    # "behandlas", "analyseras"; "läggs", "görs" when the lemmatiser reads a verb ("lägga")
    return (tok.text.endswith(("as", "es")) and len(tok.text) > 5) or (
        tok.text.endswith("s") and tok.lemma != tok.text and tok.lemma.endswith("a"))


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
    )
    if not spans:
        return None
    start, end = spans[0]
    for a, b in spans[1:]:
        gap = lex.tokens(text[end:a]) if a >= end else []
        if a < end or all(g.text in ("be", "to", "ska", "och") for g in gap):
            end = max(end, b)
    first = next(i for i, tok in enumerate(tokens) if tok.end > start)
    after = next((i for i, tok in enumerate(tokens) if tok.start >= end), len(tokens))
    return first, after


def _finite_after_subject(tok: Token, lex: Lexicon) -> str | None:
    """The base form of a finite verb in no list right after the learner ("The student adopts",
    "Opiskelija hinnoittelee", "Studenten programmerar"); None when it is no such verb."""
    word = tok.text
    if not tok.is_word or word in lex.not_verbs or word in lex.function_words or len(word) < 4:
        return None
    if lex.language == "fi":
        from .morphology import finnish_verb

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
    while j < len(tokens) and tokens[j].is_word and len(found) < 3:
        if gerund and not tokens[j].text.endswith("ing") and not (
            lex.between is not None and lex.between.match(tokens[j].text)
        ):
            break
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


# Bullets, "1." "1)" "a)" and "(a)" "(1)" "(iv)" as catalogues number their items.
_ITEM_START = re.compile(r"^\s*(?:[-•*–·▪]|\d+[.)]?(?=\s)|[a-z][.)]|\((?:\d+|[a-z]|[ivx]+)\))\s*")
_INLINE_CUT = re.compile(r";|•|\s[-–]\s|\s\d+[.)]\s|\s\((?:\d+|[a-z]|[ivx]+)\)\s")


def _list_items(text: str, lex: Lexicon) -> list[tuple[int, str, int]]:
    """The items of a list-form outcome, each as (length of the shared opening, opening + item,
    where the item starts in ``text``); [] for an outcome that is not a list. A list is either
    lines (bulleted, numbered, or each starting with a verb) under an opening line ("Opiskelija
    osaa:", "Efter avslutad kurs ska studenten kunna"), or one line "be able to: assess X,
    analyse Y" (a comma or "and" starts an item only before a verb)."""
    if "\n" in text:
        return _line_items(text, lex)
    colon = text.find(":")
    if colon < 0:
        return []
    head = text[:colon].rstrip()
    tokens = lex.tokens(head)
    frame = _ability_frame(head, tokens, lex, [])
    if frame is None or frame[1] != len(tokens):
        return []
    rest = text[colon + 1 :]
    pieces, begin = [], 0
    for m in _cuts(rest, lex):
        pieces.append((begin, m.start()))
        begin = m.end()
    pieces.append((begin, len(rest)))
    items = [_item(head, rest, a, b, colon + 1) for a, b in pieces]
    found = [item for item in items if item is not None]
    return found if len(found) >= 2 else []


def _cuts(rest: str, lex: Lexicon) -> list[re.Match[str]]:
    """Where the items of a one-line list part: ";", bullets, numbers; commas and "and" only
    before a verb."""
    pattern = _INLINE_CUT.pattern + "|,"
    if lex.and_words:
        pattern += r"|\s(?:" + "|".join(map(re.escape, sorted(lex.and_words))) + r")\s"
    marked = list(_INLINE_CUT.finditer(rest))
    if marked:  # "1. ...; 2. ...": the author's own separators, and only those
        return marked
    return [m for m in re.finditer(pattern, rest)
            if _starts_with_verb(lex.tokens(rest[m.end():][:80]), lex)]


def _line_items(text: str, lex: Lexicon) -> list[tuple[int, str, int]]:
    """Items of a list written one a line (see ``_list_items``); headings such as "Kunskap och
    förståelse" between them are not outcomes and are left out."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    marked = [bool(_ITEM_START.match(line)) and len(_ITEM_START.sub("", line)) > 0
              for _p, line in lines]
    if any(marked):
        first = marked.index(True)
        candidates = [i for i in range(first, len(lines)) if marked[i]]
    else:
        first = 0 if _starts_with_verb(lex.tokens(lines[0][1]), lex, True) else 1
        candidates = list(range(first, len(lines)))
        if not all(_starts_with_verb(lex.tokens(lines[i][1]), lex, True) for i in candidates):
            return []
    head = _opening(lines[:first], lex)
    items = [_item(head, text, p, p + len(line), 0) for p, line in
             (lines[i] for i in candidates)]
    found = [item for item in items if item is not None]
    return found if len(found) >= 2 else []


def _opening(lines: list[tuple[int, str]], lex: Lexicon) -> str:
    """The shared opening of a list: the last line before the items that ends in ":" or holds a
    frame or a subject ("Opiskelija osaa", "The student:"), else the first; headings are not."""
    texts = [line.rstrip(" :;") for _p, line in lines]
    for line in reversed(texts):
        tokens = lex.tokens(line)
        if _ability_frame(line, tokens, lex, []) is not None or any(
            stem.match(line.lower()) for stem in lex.stems
        ):
            return line
    return texts[0] if texts and not _is_heading(texts[0]) else ""


def _is_heading(line: str) -> bool:
    """A heading inside a list ("Kunskap och förståelse", "Skills"): short, no verb sought."""
    return len(line.split()) <= 4


def _item(head: str, text: str, a: int, b: int, offset: int) -> tuple[int, str, int] | None:
    """One list item as (opening length, opening + item, start of the item in the whole text)."""
    piece = text[a:b]
    stripped = piece.strip()
    body = _ITEM_START.sub("", stripped).rstrip(" .,;")
    if not any(ch.isalpha() for ch in body):
        return None
    start = offset + a + (len(piece) - len(piece.lstrip())) + (len(stripped) - len(
        _ITEM_START.sub("", stripped)))
    prefix = f"{head} " if head else ""
    return len(prefix), prefix + body, start


def _starts_with_verb(tokens: list[Token], lex: Lexicon, vague: bool = False) -> bool:
    """Does a list item start with a verb (a listed one, or for fi/sv an infinitive)? With
    ``vague``, "osaa"/"kan" + noun counts too (a line of its own is an item)."""
    words = [tok for tok in tokens if tok.is_word]
    if not words:
        return False
    if any(p.match(words[0].text) for p in lex.frames):
        return True
    entry = lex.match_at(words, 0)
    if entry is not None:
        return vague or not entry.vague or entry.lemma not in lex.vague_alone
    return lex.language != "en" and lex.infinitive_lemma(words[0]) is not None


def _verb_follows(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Does a verb come within two words after a modal ("osaa analysoida", "kunna redogöra")?
    Only then is "osaa"/"kunna" a modal; before a noun it is the vague verb itself."""
    for j in range(i + 1, min(i + 3, len(tokens))):
        entry = lex.match_at(tokens, j) if tokens[j].is_word else None
        if entry is not None and entry.lemma not in lex.vague_alone:
            return True
    return False


def _other_languages(text: str, lang: str) -> tuple[list[str], list[str]]:
    """Other languages with a clear share of their own words in the statement (their verbs are
    looked for too), and those of them the statement switches into (the mixed-language finding):
    a function word of the other language ("and", "ja") shows a switch, not a borrowed term."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)]
    if len(words) < 4:
        return [], []
    own = {
        code: {w for w in words if is_known(w, code)} for code in LANGUAGES
    }
    unique = {
        code: {w for w in own[code] if not any(w in own[o] for o in LANGUAGES if o != code)}
        for code in LANGUAGES
    }
    base = max(len(unique[lang]), 1)
    others = [code for code in LANGUAGES
              if code != lang and len(unique[code]) >= 2 and len(unique[code]) >= 0.3 * base]
    everywhere = set(re.findall(r"[^\W\d_]+", text.lower()))
    own_words = lexicon(lang).function_words | lexicon(lang).switch_words
    mixed = [code for code in LANGUAGES if code != lang and len(unique[code]) >= 2
             and everywhere & ((lexicon(code).function_words | lexicon(code).switch_words)
                               - own_words)]
    return others, mixed


def _notes(had_markup: bool, truncated: bool, lang: str) -> list[Finding]:
    notes = []
    if truncated:
        notes.append(_finding("truncated", lang, limit=ANALYSE_LIMIT))
    if had_markup:
        notes.append(_finding("markup", lang))
    return notes


def _finding(code: str, lang: str, element: str | None = None, **fields: object) -> Finding:
    found = localised("outcomes", code, lang, ERROR_CODES, element, **fields)
    return replace(found, severity="note") if code in NOTE_CODES else found
