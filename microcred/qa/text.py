"""A self-assessment as plain text, for ``print(...)`` in a notebook: the mean and the
development plan, and the change between two assessments, in the screen language."""

from __future__ import annotations

from textwrap import fill

from ..i18n import t
from ..numbers import format_spec
from ..settings import screen_language
from .analysis import PLAN_LENGTH, Comparison, development_plan, overall
from .assessment import SelfAssessment
from .instrument import instrument, pick


def plan_text(assessment: SelfAssessment, limit: int = PLAN_LENGTH, lang: str | None = None,
              width: int = 88) -> str:
    """The mean on the 0-4 scale, then the weakest criteria first, each with its next action,
    in ``lang`` (None: the screen language), lines wrapped at ``width``."""
    lang = screen_language(ui=lang)
    mean = overall(assessment)
    lines = [t("qa.text.mean", lang, mean=t("qa.text.no-mean", lang) if mean is None
               else format_spec(mean, ".1f", lang))]
    for item in development_plan(assessment, limit):
        lines.append(fill(f"{item.rank}. [{item.criterion.code}] {item.text(lang)}", width))
        lines.append(fill(t("qa.text.action", lang, score=item.score, action=item.action(lang)),
                          width, initial_indent="   ", subsequent_indent="   "))
    return "\n".join(lines)


def change_text(comparison: Comparison, lang: str | None = None) -> str:
    """The mean of each principle before and after, and the change, in ``lang`` (None: the
    screen language); a principle not answered in one of them shows a dash."""
    lang = screen_language(ui=lang)

    def figure(x: float | None, spec: str = ".2f") -> str:
        return "–" if x is None else format_spec(x, spec, lang)

    names = {p.id: f"{p.number} {pick(p.name, lang)}" for p in instrument().principles}
    width = max(len(n) for n in names.values())
    return "\n".join(f"{names[pid]:{width}}  {figure(c.before)} -> {figure(c.after)}  "
                     f"({figure(c.delta, '+.2f')})" for pid, c in comparison.principles.items())
