"""What the coach reports: Verb, OutcomeAnalysis, their findings and limits, for every part."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from ..findings import Finding, as_lines, has_errors, localised
from ..i18n import language_name, t
from ..lexicon import UNKNOWN
from ..settings import screen_language

MAX_WORDS = 40  # longer outcomes get a "too-long" warning
ANALYSE_LIMIT = 2000  # characters analysed at most; a 10,000-character paste stays instant
ERROR_CODES = frozenset({"empty", "no-action-verb", "vague-verb", "teacher-centred", "no-object"})
# Notes inform and cost nothing: an action verb that is in no list is still an action verb, and
# an attitude ("ett kritiskt förhållningssätt") has no Bloom level to find.
# An ambiguous verb whose object does not decide its level is marked, not guessed (issue 13).
NOTE_CODES = frozenset({"unknown-verb", "ambiguous-verb", "list-items", "attitude"})
FRAME_WITHIN = 25  # words: an ability frame further in is not the opening of the outcome


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
    attitude: bool = False  # an attitude stated ("ett kritiskt förhållningssätt"): no level

    @property
    def ambiguous(self) -> bool:
        """A verb on several levels whose object did not decide which: its level is "unknown"."""
        return self.level == UNKNOWN and len(self.levels) > 1


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
        return self.report()

    def report(self, lang: str | None = None) -> str:
        """The statement, its language, verbs and level, and the problems, in ``lang`` (None:
        the screen language), whatever language the outcome is written in."""
        lang = screen_language(ui=lang)

        def level(name: str | None) -> str:
            return t(f"outcomes.level.{name}", lang) if name else t("outcomes.coach.no-level", lang)

        verbs = ", ".join(f"{v.text} ({level(v.level) if v.level else t('outcomes.report.vague', lang)})"
                          for v in self.verbs) or t("outcomes.report.none", lang)
        form = f"   {t('outcomes.report.form', lang)}: {t(f'outcomes.form.{self.form}', lang)}" \
            if self.form else ""
        lines = [self.text, f"  {t('outcomes.report.language', lang)}: {language_name(self.language, lang)}   "
                 f"{t('outcomes.report.verbs', lang)}: {verbs}   "
                 f"{t('outcomes.coach.level', lang)}: {level(self.bloom_level)}{form}"]
        lines += as_lines(self._problems_in(lang), lang=lang)
        return "\n".join(lines)

    def _problems_in(self, lang: str) -> tuple[Finding, ...]:
        """The problems with their messages in ``lang`` (they are written in the language asked
        of ``analyse``): the statement analysed again, kept only when it finds the same codes."""
        from ._analyse import analyse  # _analyse builds on this module

        if not self.problems:
            return self.problems
        again = analyse(self.text, self.language, messages=lang).problems
        return again if [p.code for p in again] == self.codes else self.problems


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
