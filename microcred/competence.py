"""Does the course work? A competence self-assessment before and after, and a cohort view.

Participants rate themselves on every module outcome of the course (``microcred.course``) on a
0-4 scale, once at the start ("before") and once at the end ("after"). Both rounds are kept in
one file beside the design file, ``NAME.competence.json``::

    from microcred import competence

    a = competence.rate(competence.Assessment(), "before", {"outcomes.parts": 1}, "2026-01-15")
    competence.save_beside("my-microcredential.yaml", a)   # -> my-microcredential.competence.json
    competence.load_beside("my-microcredential.yaml")      # the same Assessment, or None
    competence.changes(a)                                  # per outcome: before, after, change

For trainers, :func:`cohort_report` puts many files together: the change per outcome (only for
outcomes rated twice by at least ``threshold`` participants), where the cohort's own designed
outcomes sit on Bloom's levels, and which quality principles the cohort rates weakest. It says
what the figures are, self-ratings, and nothing more.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import course, design, outcomes, qa
from .errors import UserError
from .files import write_text_atomic
from .i18n import t
from .numbers import format_spec
from .reading import read_text

FORMAT = "microcred-competence"
FORMAT_VERSION = 1
SUFFIX = ".competence.json"
PHASES = ("before", "after")
SCALE = (0, 1, 2, 3, 4)
COHORT_THRESHOLD = qa.COHORT_THRESHOLD  # the same privacy rule as the QA cohort view
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Round:
    """One round of ratings: outcome id -> 0..4, and the day it was made."""

    ratings: dict[str, int] = field(default_factory=dict)
    date: str = ""


@dataclass(frozen=True)
class Assessment:
    """A participant's two rounds (either may be missing)."""

    before: Round | None = None
    after: Round | None = None

    def round(self, phase: str) -> Round | None:
        return self.before if phase == "before" else self.after

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION}
        for phase in PHASES:
            r = self.round(phase)
            if r is not None:
                data[phase] = {"date": r.date, "ratings": dict(r.ratings)}
        return data


@dataclass(frozen=True)
class Change:
    """One outcome of one participant: the two ratings and the change (None where missing)."""

    outcome: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class OutcomeChange:
    """One outcome over the cohort. Means and counts are None when too few rated it twice."""

    outcome: str
    paired: int  # participants who rated it in both rounds
    mean_before: float | None = None
    mean_after: float | None = None
    mean_change: float | None = None  # mean of each participant's after - before
    higher: int | None = None  # rated higher after than before
    same: int | None = None
    lower: int | None = None


@dataclass(frozen=True)
class CohortReport:
    """What the trainer's report shows; nothing in it names or singles out a participant."""

    threshold: int
    participants: int  # competence files read
    with_before: int
    with_after: int
    paired: int  # participants with both rounds
    outcomes: tuple[OutcomeChange, ...] = ()
    designs: int = 0  # design files whose outcomes were read
    bloom: dict[str, int] | None = None  # designed outcomes per Bloom level; None: too few designs
    qa_count: int = 0
    weakest: tuple[tuple[str, float], ...] | None = None  # (principle id, mean), weakest first
    skipped: tuple[tuple[str, str], ...] = ()  # (file, reason)
    extra_files: int = 0  # further self-assessments of a participant already counted

    @property
    def suppressed(self) -> bool:
        """True when too few participants answered both rounds to show any change."""
        return self.paired < self.threshold


# --- one participant ---------------------------------------------------------------------------


def items(lang: str = "en") -> list[tuple[str, str, str]]:
    """The items of the self-assessment: (outcome id, module title, outcome text)."""
    return [(o.id, m.title(lang), o.text(lang)) for m in course.modules() for o in m.outcomes]


def rate(assessment: Assessment, phase: str, ratings: Mapping[str, object], date: str = "",
         lang: str = "en") -> Assessment:
    """``assessment`` with the round ``phase`` replaced by ``ratings`` (blank answers left out).
    A UserError names an unknown phase or outcome, or a rating outside 0-4."""
    if phase not in PHASES:
        raise UserError(t("competence.bad-phase", lang, phase=phase))
    clean = _ratings(ratings, "", lang)
    day = date or dt.date.today().isoformat()
    return replace(assessment, **{phase: Round(clean, day)})


def changes(assessment: Assessment) -> list[Change]:
    """Per outcome of the course, the rating before, after, and the change."""
    before = assessment.before.ratings if assessment.before else {}
    after = assessment.after.ratings if assessment.after else {}
    return [Change(o.id, before.get(o.id), after.get(o.id)) for o in course.outcomes()]


def path_beside(design_file: str | os.PathLike[str]) -> Path:
    """Where the self-assessment of a design file is kept: ``NAME.competence.json`` beside it."""
    return design.design_path(design_file).with_suffix(SUFFIX)


def to_json(assessment: Assessment) -> str:
    return json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2) + "\n"


def from_json(text: str, source: str = "the file", lang: str = "en") -> Assessment:
    """An Assessment from JSON text; a UserError says what is wrong with it."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(t("competence.not-json", lang, source=source, line=exc.lineno)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError(t("competence.not-ours", lang, source=source))
    if int(data.get("version") or 0) > FORMAT_VERSION:
        raise UserError(t("competence.newer", lang, source=source))
    rounds = {}
    for phase in PHASES:
        value = data.get(phase)
        if value is None:
            continue
        if not isinstance(value, dict) or not isinstance(value.get("ratings", {}), dict):
            raise UserError(t("competence.not-ours", lang, source=source))
        rounds[phase] = Round(_ratings(value.get("ratings") or {}, source, lang),
                              str(value.get("date") or ""))
    return Assessment(**rounds)


def load(path: str | os.PathLike[str], lang: str = "en") -> Assessment:
    """The self-assessment saved at ``path``."""
    p = Path(path)
    return from_json(read_text(p, lang, MAX_FILE_BYTES), str(p), lang)


def save(assessment: Assessment, path: str | os.PathLike[str], lang: str = "en") -> Path:
    """Save atomically: a failed save leaves the earlier file as it was."""
    return write_text_atomic(path, to_json(assessment), lang)


def load_beside(design_file: str | os.PathLike[str], lang: str = "en") -> Assessment | None:
    """The self-assessment beside a design file (None when there is none yet)."""
    p = path_beside(design_file)
    return load(p, lang) if p.exists() else None


def save_beside(design_file: str | os.PathLike[str], assessment: Assessment,
                lang: str = "en") -> Path:
    """Save beside a design file as ``NAME.competence.json``."""
    return save(assessment, path_beside(design_file), lang)


# --- the cohort ----------------------------------------------------------------------------------


def cohort_report(
    assessments: Iterable[Assessment],
    designs: Iterable[Mapping[str, Any]] = (),
    qa_assessments: Iterable[qa.SelfAssessment] = (),
    threshold: int = COHORT_THRESHOLD,
    skipped: Iterable[tuple[str, str]] = (),
    qa_accounts: Iterable[str] | None = None,
) -> CohortReport:
    """The change per outcome, the Bloom levels of the designed outcomes and the weakest QA
    principles of a cohort. Each part is shown only for a group of at least ``threshold``."""
    threshold = max(int(threshold), 1)
    items_ = list(assessments)
    paired = [a for a in items_ if a.before and a.after]
    rows = [_outcome_change(o.id, paired, threshold) for o in course.outcomes()]
    design_list = list(designs)
    bloom = _bloom(design_list) if len(design_list) >= threshold else None
    qa_list = list(qa_assessments)
    summary = qa.cohort_summary(qa_list, threshold=threshold, accounts=qa_accounts) \
        if qa_list else None
    weakest = None
    if summary is not None and not summary.suppressed:
        means = [(pid, m) for pid, m in summary.principle_means.items() if m is not None]
        weakest = tuple(sorted(means, key=lambda pair: pair[1])[:3])
    return CohortReport(
        threshold=threshold,
        participants=len(items_),
        with_before=sum(1 for a in items_ if a.before),
        with_after=sum(1 for a in items_ if a.after),
        paired=len(paired),
        outcomes=tuple(rows),
        designs=len(design_list),
        bloom=bloom,
        qa_count=_qa_people(summary),
        weakest=weakest,
        skipped=tuple(skipped),
    )


def load_cohort(folder: str | os.PathLike[str], threshold: int = COHORT_THRESHOLD,
                lang: str = "en") -> CohortReport:
    """Read a folder (and its subfolders) of participants' files: ``*.competence.json``, design
    files (``*.yaml``) and QA self-assessments (``*.qa.json``); files that cannot be used are
    listed in ``skipped`` with the reason.

    Each file belongs to the participant whose hand-in it is (``qa.account_of``: the folder
    under ``folder``, or the participant of a Moodle or Canvas export name), and each participant
    counts once: of several self-assessments or design files the last (by name) is used, so
    that extra files cannot make a small group look large enough to show."""
    root = Path(folder)
    if not root.is_dir():
        raise UserError(t("competence.no-folder", lang, source=str(root)))
    found: dict[str, Assessment] = {}
    designs: dict[str, dict[str, Any]] = {}
    qas: list[qa.SelfAssessment] = []
    qa_accounts: list[str] = []
    skipped: list[tuple[str, str]] = []
    extra = 0
    for p in sorted(x for x in root.rglob("*") if x.is_file()):
        name, who = p.name, qa.account_of(p, root)
        try:
            if name.endswith(SUFFIX):
                extra += who in found
                found[who] = load(p, lang)
            elif name.endswith(".qa.json"):
                qas.append(qa.load(p, lang))
                qa_accounts.append(who)
            elif p.suffix.lower() in (".yaml", ".yml") and design.is_design_file(p):
                designs[who] = design.load(p, lang)
        except UserError as exc:
            skipped.append((str(p), str(exc)))
    if not found:
        raise UserError(t("competence.none-found", lang, source=str(root)))
    report = cohort_report(found.values(), designs.values(), qas, threshold, skipped,
                           qa_accounts=qa_accounts)
    return replace(report, extra_files=extra)


def _qa_people(summary: qa.CohortSummary | None) -> int:
    """How many participants' QA self-assessments the summary counts (files, without accounts)."""
    if summary is None:
        return 0
    return summary.participants if summary.participants is not None else summary.count


def _outcome_change(outcome_id: str, paired: list[Assessment], threshold: int) -> OutcomeChange:
    pairs = []
    for a in paired:
        before = a.before.ratings if a.before else {}
        after = a.after.ratings if a.after else {}
        if outcome_id in before and outcome_id in after:
            pairs.append((before[outcome_id], after[outcome_id]))
    if len(pairs) < threshold:
        return OutcomeChange(outcome_id, len(pairs))
    n = len(pairs)
    return OutcomeChange(
        outcome_id, n,
        mean_before=round(sum(b for b, _ in pairs) / n, 2),
        mean_after=round(sum(a for _, a in pairs) / n, 2),
        mean_change=round(sum(a - b for b, a in pairs) / n, 2),
        higher=sum(1 for b, a in pairs if a > b),
        same=sum(1 for b, a in pairs if a == b),
        lower=sum(1 for b, a in pairs if a < b),
    )


def _bloom(designs: list[Mapping[str, Any]]) -> dict[str, int]:
    """How many of the outcomes the participants designed sit at each Bloom level."""
    results = []
    for d in designs:
        try:
            listed = design.outcome_list(d.get("outcomes") or [])
        except ValueError:
            continue
        results += [outcomes.analyse(text) for _id, text in listed if text]
    return outcomes.bloom_profile(results)


def _ratings(ratings: Mapping[str, object], source: str, lang: str) -> dict[str, int]:
    known = {o.id for o in course.outcomes()}
    clean: dict[str, int] = {}
    for key, value in ratings.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key not in known:
            raise UserError(t("competence.unknown-outcome", lang, source=source or "-",
                              outcome=key))
        if isinstance(value, bool) or not isinstance(value, (int, str)) \
                or str(value).strip() not in {str(s) for s in SCALE}:
            raise UserError(t("competence.bad-rating", lang, source=source or "-", outcome=key,
                              value=value))
        clean[key] = int(str(value).strip())
    return clean


# --- output ------------------------------------------------------------------------------------


def cohort_html(report: CohortReport, lang: str = "en") -> str:
    """The trainer's cohort report as one self-contained HTML page."""
    from . import __version__
    from .qa.instrument import instrument, pick
    from .render import render

    texts = {o.id: (m.title(lang), o.text(lang)) for m in course.modules() for o in m.outcomes}
    rows = [{"id": c.outcome, "module": texts[c.outcome][0], "text": texts[c.outcome][1], "c": c}
            for c in report.outcomes]
    names = {p.id: f"{p.number} {pick(p.name, lang)}" for p in instrument().principles}
    return render(
        "competence_cohort.html",
        tr=lambda key, **fields: t(f"competence.{key}", lang, **fields),
        lang=lang,
        r=report,
        version=__version__,
        rows=rows,
        bloom=[(t(f"outcomes.level.{lv}", lang), n) for lv, n in (report.bloom or {}).items()],
        weakest=[(names.get(pid, pid), mean) for pid, mean in (report.weakest or ())],
    )


def cohort_text(report: CohortReport, lang: str = "en") -> str:
    """A short plain-text summary of the cohort report, for the command line."""
    lines = [t("competence.report.counts", lang, participants=report.participants,
               before=report.with_before, after=report.with_after, paired=report.paired)]
    if report.suppressed:
        lines.append(t("competence.report.suppressed", lang, paired=report.paired,
                       threshold=report.threshold))
    else:
        for c in report.outcomes:
            if c.mean_before is None or c.mean_after is None or c.mean_change is None:
                lines.append(f"  {c.outcome:<34} {t('competence.report.too-few', lang, threshold=report.threshold)}")
            else:
                lines.append(f"  {c.outcome:<34} {format_spec(c.mean_before, '.2f', lang)} -> "
                             f"{format_spec(c.mean_after, '.2f', lang)} "
                             f"({format_spec(c.mean_change, '+.2f', lang)}; n={c.paired})")
    return "\n".join(lines)
