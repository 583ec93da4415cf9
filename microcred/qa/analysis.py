"""What an assessment says: a profile per principle, a development plan, change over time, and a
cohort summary for trainers that never shows individuals in a small group.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..findings import Finding
from ..i18n import t
from ..settings import screen_language
from .assessment import SelfAssessment, load
from .instrument import SCALE_MAX, SCALE_MIN, Criterion, instrument, pick

PLAN_LENGTH = 5  # actions in a development plan
COHORT_THRESHOLD = 5  # smallest group whose distributions may be shown


@dataclass(frozen=True)
class PrincipleScore:
    """The mean of the answered criteria of one principle (None when none is answered)."""

    principle: str
    mean: float | None
    answered: int
    total: int


def profile(assessment: SelfAssessment) -> dict[str, PrincipleScore]:
    """Per principle, in the order of Annex II: mean score of its answered criteria."""
    scores = assessment.scores()
    result = {}
    for p in instrument().principles:
        found = [scores[c.id] for c in p.criteria if c.id in scores]
        mean = round(sum(found) / len(found), 2) if found else None
        result[p.id] = PrincipleScore(p.id, mean, len(found), len(p.criteria))
    return result


def overall(assessment: SelfAssessment) -> float | None:
    """Mean of the principle means (each principle weighs the same), None if nothing answered."""
    means = [s.mean for s in profile(assessment).values() if s.mean is not None]
    return round(sum(means) / len(means), 2) if means else None


@dataclass(frozen=True)
class PlanItem:
    """One step of a development plan: a weak criterion and what to do next."""

    rank: int
    criterion: Criterion
    score: int
    principle_mean: float | None

    def action(self, lang: str | None = None) -> str:
        """The next action, in ``lang`` (None: the screen language)."""
        return pick(self.criterion.action, screen_language(ui=lang))

    def text(self, lang: str | None = None) -> str:
        """The criterion, in ``lang`` (None: the screen language)."""
        return pick(self.criterion.text, screen_language(ui=lang))

    def principle_name(self, lang: str) -> str:
        return pick(instrument().principle(self.criterion.principle).name, lang)


def development_plan(assessment: SelfAssessment, limit: int = PLAN_LENGTH) -> list[PlanItem]:
    """The weakest answered criteria, weakest first, with their next actions.

    Ties are broken by the weaker principle first, then by the criterion serving more ESG
    standards (one action helps more), then by the order of the instrument. A criterion at the
    top of the scale needs no action; unanswered criteria are left to the assessor to answer.
    """
    scores = assessment.scores()
    means = {pid: s.mean for pid, s in profile(assessment).items()}
    order = {c.id: i for i, c in enumerate(instrument().criteria)}
    weak = [c for c in instrument().criteria if c.id in scores and scores[c.id] < SCALE_MAX]
    weak.sort(
        key=lambda c: (scores[c.id], means[c.principle] or 0.0, -len(c.esg), order[c.id])
    )
    return [
        PlanItem(n, c, scores[c.id], means[c.principle]) for n, c in enumerate(weak[:limit], 1)
    ]


@dataclass(frozen=True)
class Change:
    """A score before and after (None when not answered) and the difference."""

    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


@dataclass(frozen=True)
class Comparison:
    """Two assessments of the same micro-credential, earlier first."""

    earlier: SelfAssessment
    later: SelfAssessment
    principles: dict[str, Change]
    criteria: dict[str, Change]
    findings: tuple[Finding, ...] = ()

    def improved(self) -> list[str]:
        return [cid for cid, ch in self.criteria.items() if (ch.delta or 0) > 0]

    def declined(self) -> list[str]:
        return [cid for cid, ch in self.criteria.items() if (ch.delta or 0) < 0]


def compare(first: SelfAssessment, second: SelfAssessment, lang: str = "en") -> Comparison:
    """Change between two assessments; they are put in date order when both dates are known.
    A warning finding when they seem to be about different micro-credentials."""
    earlier, later = first, second
    if first.date and second.date and first.date > second.date:
        earlier, later = second, first
    findings = []
    a, b = earlier.credential.strip(), later.credential.strip()
    if a and b and a.casefold() != b.casefold():
        findings.append(
            Finding(
                "different-credential",
                "warning",
                t("qa.different-credential.message", lang, first=a, second=b),
                t("qa.different-credential.suggestion", lang, first=a, second=b),
            )
        )
    p1, p2 = profile(earlier), profile(later)
    s1, s2 = earlier.scores(), later.scores()
    return Comparison(
        earlier,
        later,
        {pid: Change(p1[pid].mean, p2[pid].mean) for pid in p1},
        {c.id: Change(s1.get(c.id), s2.get(c.id)) for c in instrument().criteria},
        tuple(findings),
    )


@dataclass(frozen=True)
class CohortSummary:
    """Many assessments seen together, for trainers. Nothing identifies a participant: no
    names, notes or file names, and no distributions at all when the group is smaller than
    ``threshold`` (nor for a criterion answered by fewer than ``threshold``)."""

    count: int  # assessments counted (one per participant and micro-credential)
    threshold: int
    older_versions: int = 0  # earlier saves of the same assessment, left out
    distribution: dict[str, tuple[int, ...]] = field(default_factory=dict)  # id -> counts 0..4
    unanswered: dict[str, int] = field(default_factory=dict)
    hidden_criteria: tuple[str, ...] = ()  # answered by too few to show
    principle_means: dict[str, float | None] = field(default_factory=dict)
    participants: int | None = None  # distinct accounts the files came from (None: unknown)

    @property
    def size(self) -> int:
        """The group's size as the threshold sees it: participants, never files."""
        return self.count if self.participants is None else min(self.count, self.participants)

    @property
    def suppressed(self) -> bool:
        """True when the group is too small to show anything but its size."""
        return self.size < self.threshold


def cohort_summary(
    assessments: Iterable[SelfAssessment],
    threshold: int = COHORT_THRESHOLD,
    latest_only: bool = True,
    accounts: Iterable[str] | None = None,
) -> CohortSummary:
    """Per-criterion distributions of scores and per-principle means over a group.

    ``accounts`` (one per assessment, from :func:`load_folder`) says whose hand-in each file
    was. The threshold then counts distinct accounts, which a participant cannot multiply by
    handing in extra files; without it every assessment counts as one participant. With
    ``latest_only`` earlier saves of the same micro-credential by the same account (or, without
    accounts, the same assessor's name) are left out (the latest date counts).
    """
    threshold = max(int(threshold), 1)
    items = list(assessments)
    owners = list(accounts) if accounts is not None else None
    if owners is not None and len(owners) != len(items):
        raise ValueError("one account per assessment")
    pairs: list[tuple[SelfAssessment, str | None]] = list(
        zip(items, owners if owners is not None else [None] * len(items)))
    kept = _latest_versions(pairs) if latest_only else pairs
    older = len(items) - len(kept)
    participants = len({o for _, o in kept}) if owners is not None else None
    summary = CohortSummary(len(kept), threshold, older, participants=participants)
    if summary.suppressed:
        return summary

    def people(group: list[tuple[dict[str, int], str | None]]) -> int:
        return len({o for _, o in group}) if owners is not None else len(group)

    scored = [(a.scores(), o) for a, o in kept]
    distribution, unanswered, hidden = {}, {}, []
    for c in instrument().criteria:
        counts = [0] * (SCALE_MAX - SCALE_MIN + 1)
        answering = [(sc, o) for sc, o in scored if c.id in sc]
        for sc, _ in answering:
            counts[sc[c.id] - SCALE_MIN] += 1
        unanswered[c.id] = len(kept) - len(answering)
        if people(answering) < threshold:
            hidden.append(c.id)
        else:
            distribution[c.id] = tuple(counts)
    profiles = [(profile(a), o) for a, o in kept]
    means: dict[str, float | None] = {}
    for p in instrument().principles:
        values = [(m, o) for pr, o in profiles if (m := pr[p.id].mean) is not None]
        enough = (len({o for _, o in values}) if owners is not None else len(values)) >= threshold
        means[p.id] = round(sum(m for m, _ in values) / len(values), 2) if enough else None
    return CohortSummary(len(kept), threshold, older, distribution, unanswered, tuple(hidden),
                         means, participants)


def account_of(path: str | os.PathLike, root: str | os.PathLike) -> str:
    """Whose hand-in a file under ``root`` is: the participant of a Moodle or Canvas export name,
    else the first folder under ``root`` (``submitted/<id>/...``), else the file itself."""
    from ..trainer.export_names import parse_export_path

    rel = Path(path).relative_to(root)
    info = parse_export_path(str(Path(path)), str(root))
    if info is not None:
        return f"{info.platform}:{info.participant}"
    return rel.parts[0] if len(rel.parts) > 1 else str(rel)


@dataclass
class Loaded:
    """Assessments read from many files, and the files that could not be used."""

    assessments: list[SelfAssessment] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    accounts: list[str] = field(default_factory=list)  # whose hand-in each assessment is


def load_folder(
    folder: str | os.PathLike,
    progress: Callable[[int, int], None] | None = None,
    lang: str | None = None,
) -> Loaded:
    """Read every ``*.json`` under ``folder`` (sorted, subfolders too). Unusable files are
    listed in ``skipped`` with the reason instead of stopping the run; ``progress(done, total)``
    is called after each file when given."""
    root = Path(folder)
    if not root.exists():
        raise UserError(f"{root}: no such folder")
    if not root.is_dir():
        raise UserError(f"{root}: is a file, not a folder")
    files = sorted(p for p in root.rglob("*.json") if p.is_file())
    loaded = Loaded()
    for n, path in enumerate(files, 1):
        try:
            loaded.assessments.append(load(path, lang))
            loaded.accounts.append(account_of(path, root))
        except UserError as exc:
            loaded.skipped.append((str(path), str(exc)))
        if progress is not None:
            progress(n, len(files))
    return loaded


def _latest_versions(pairs: list[tuple[SelfAssessment, str | None]],
                     ) -> list[tuple[SelfAssessment, str | None]]:
    """One assessment per (account, micro-credential): the latest by date. Without accounts the
    assessor's name stands in; assessments without either are all kept."""
    latest: dict[tuple[str, str], tuple[int, tuple]] = {}
    anonymous = []
    for i, (a, owner) in enumerate(pairs):
        who = owner if owner is not None else a.assessor.strip().casefold()
        if not who:
            anonymous.append((i, (a, owner)))
            continue
        key = (who, a.credential.strip().casefold())
        if key not in latest or _when(a) >= _when(latest[key][1][0]):
            latest[key] = (i, (a, owner))
    kept = sorted([*latest.values(), *anonymous], key=lambda pair: pair[0])
    return [pair for _, pair in kept]


def _when(a: SelfAssessment) -> str:
    return a.date.isoformat() if a.date else ""
