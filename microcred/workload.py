"""The workload calculator: learning activities with hours -> notional workload -> credits.

A micro-credential's workload is the time a typical learner needs for every activity that leads
to the outcomes: contact teaching, independent study, work-based learning and the assessment
itself. ``check_workload`` adds the hours up by kind, turns them into credits under a named
convention (Finland 27 h, Sweden 40 h per 1.5 hp, ECTS 25-30 h; see ``microcred.credits``),
checks the credits the designer claims against the hours, and spreads the hours over the
duration to show the weekly load.

The ``workload:`` section of a design file::

    workload:
      convention: fi        # fi | se | ects
      credits: 3            # the credits you claim (optional)
      weeks: 6              # how long the micro-credential runs (optional)
      activities:
        - {name: Webinars, kind: contact, hours: 12}
        - {name: Reading and exercises, kind: independent, hours: 50}
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .credits import Convention, conventions
from .findings import Finding, HasFindings, as_lines, localised
from .i18n import number, t
from .numbers import format_number, format_spec, parse_number
from .reading import expect
from .settings import screen_language

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "KINDS",
    "Activity",
    "Workload",
    "WorkloadReport",
    "check_workload",
    "plot_workload",
]

KINDS: tuple[str, ...] = ("contact", "independent", "assessment", "work-based")
ERROR_CODES = frozenset(
    {"no-activities", "negative-hours", "unknown-kind", "unknown-convention", "credits-mismatch",
     "bad-credits", "bad-weeks"}
)


@dataclass(frozen=True)
class Activity:
    """One learning activity and the hours a typical learner spends on it."""

    name: str
    kind: str = "independent"
    hours: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "hours": _plain(self.hours)}


@dataclass(frozen=True)
class Workload:
    """The ``workload:`` section: activities, the convention, claimed credits and duration."""

    activities: tuple[Activity, ...] = ()
    convention: str = "ects"
    credits: float | None = None  # what the designer claims; None when not stated
    weeks: float | None = None  # duration; None when not stated

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Workload:
        """Read the ``workload:`` section; a ValueError that says what to fix if it is malformed.

        Numbers may be written as text ("12", "12,5", "12 h"). Odd values the checks can explain
        (negative hours, an unknown kind or convention) are kept and reported by
        ``check_workload`` rather than refused here.
        """
        if data is None:
            data = {}
        expect(isinstance(data, dict), "the workload section must be a mapping with 'activities:'")
        raw = data.get("activities") or []
        expect(isinstance(raw, list), "'activities' must be a list of {name, kind, hours}")
        activities = []
        for n, item in enumerate(raw, 1):
            expect(isinstance(item, dict),
                   f"activity {n} must be a mapping like {{name: ..., hours: ...}}")
            name = str(item.get("name") or f"activity {n}").strip()
            hours = parse_number(item.get("hours", 0))
            if hours is None:
                raise ValueError(f"activity {n} ({name}): hours must be a number, "
                                 f"not {item.get('hours')!r}")
            kind = str(item.get("kind") or "independent").strip().lower()
            activities.append(Activity(name, kind, hours))
        return cls(
            activities=tuple(activities),
            convention=str(data.get("convention") or "ects").strip().lower(),
            credits=_optional_number(data, "credits"),
            weeks=_optional_number(data, "weeks"),
        )

    @classmethod
    def from_design(cls, doc: dict[str, Any]) -> Workload:
        """The workload of a whole design file (its ``workload:`` section)."""
        return cls.from_dict((doc or {}).get("workload"))

    def to_dict(self) -> dict[str, Any]:
        """The ``workload:`` section, ready for ``yaml.safe_dump``."""
        data: dict[str, Any] = {"convention": self.convention}
        if self.credits is not None:
            data["credits"] = _plain(self.credits)
        if self.weeks is not None:
            data["weeks"] = _plain(self.weeks)
        data["activities"] = [a.to_dict() for a in self.activities]
        return data

    @property
    def total_hours(self) -> float:
        """Hours of all activities with a positive number of hours."""
        return sum(a.hours for a in self.activities if a.hours > 0)

    def hours_by_kind(self) -> dict[str, float]:
        """Positive hours per kind, in the order of ``KINDS`` (unknown kinds left out)."""
        out = dict.fromkeys(KINDS, 0.0)
        for a in self.activities:
            if a.kind in out and a.hours > 0:
                out[a.kind] += a.hours
        return out


@dataclass(frozen=True)
class WorkloadReport(HasFindings):
    """What the calculator found: totals, credits, weekly load and findings."""

    total_hours: float
    hours_by_kind: dict[str, float]
    convention: str
    credits: float | None  # credits for the hours at the convention's usual rate
    claimed_credits: float | None
    claimed_hours: tuple[float, float] | None  # hours the claimed credits stand for
    weekly_hours: float | None
    full_time_week_hours: float | None
    findings: tuple[Finding, ...] = field(default=())
    language: str = "en"  # of the messages, and of ``str(report)``

    def to_dict(self) -> dict[str, Any]:
        return {
            "total_hours": self.total_hours,
            "hours_by_kind": dict(self.hours_by_kind),
            "convention": self.convention,
            "credits": None if self.credits is None else round(self.credits, 2),
            "claimed_credits": self.claimed_credits,
            "claimed_hours": list(self.claimed_hours) if self.claimed_hours else None,
            "weekly_hours": None if self.weekly_hours is None else round(self.weekly_hours, 1),
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
        }

    def __str__(self) -> str:
        """A short plain-text report, for ``print(check_workload(...))``, in its language."""
        lang = self.language
        kinds = ", ".join(f"{t(f'workload.kind.{k}', lang)} {_fmt(h, lang)} h"
                          for k, h in self.hours_by_kind.items() if h)
        conv = conventions().get(self.convention)
        lines = [t("workload.report.total", lang, hours=_fmt(self.total_hours, lang),
                   kinds=kinds or t("workload.report.no-hours", lang),
                   credits="?" if self.credits is None else format_spec(self.credits, ".1f", lang),
                   unit=conv.unit.get(lang, conv.unit["en"]) if conv else t("workload.chart.credits", lang),
                   convention=conv.name.get(lang, conv.name["en"]) if conv else self.convention)]
        if self.weekly_hours is not None:
            lines.append("  " + t("workload.report.weekly", lang,
                                  weekly=format_spec(self.weekly_hours, ".1f", lang)))
        lines += as_lines(self.findings, lang=lang)
        return "\n".join(lines)


def check_workload(workload: Workload, lang: str | None = None) -> WorkloadReport:
    """Add up, convert and check a workload; messages in ``lang`` (en, fi or sv; None: the
    screen language)."""
    lang = screen_language(ui=lang)
    findings: list[Finding] = []
    known = conventions()
    conv: Convention | None = known.get(workload.convention)
    if conv is None:
        findings.append(_finding("unknown-convention", lang, element="convention",
                                 convention=workload.convention, known=", ".join(known)))
    if not workload.activities:
        findings.append(_finding("no-activities", lang, element="activities"))
    for a in workload.activities:
        if a.hours < 0:
            findings.append(_finding("negative-hours", lang, element=a.name, name=a.name,
                                     hours=_fmt(a.hours, lang)))
        elif a.hours == 0:
            findings.append(_finding("zero-hours", lang, element=a.name, name=a.name))
        if a.kind not in KINDS:
            findings.append(_finding("unknown-kind", lang, element=a.name, name=a.name,
                                     kind=a.kind, kinds=", ".join(KINDS)))
    by_kind = workload.hours_by_kind()
    total = workload.total_hours
    if workload.activities and total > 0 and by_kind["assessment"] == 0:
        findings.append(_finding("no-assessment", lang, element="assessment"))

    credits = conv.credits_for(total) if conv else None
    claimed_hours = None
    if workload.credits is not None and workload.credits <= 0:
        findings.append(_finding("bad-credits", lang, element="credits",
                                 credits=_fmt(workload.credits, lang)))
    elif workload.credits is not None and conv is not None:
        claimed_hours = conv.hours_range(workload.credits)
        if total > 0 and not conv.matches(workload.credits, total):
            low, high = claimed_hours
            findings.append(_finding(
                "credits-mismatch", lang, element="credits",
                claimed=_fmt(workload.credits, lang), unit=conv.unit.get(lang, conv.unit["en"]),
                low=_fmt(low, lang), high=_fmt(high, lang), hours=_fmt(total, lang),
                credits=f"{credits:.1f}", convention=conv.name.get(lang, conv.name["en"]),
            ))

    weekly = None
    full_time = conv.full_time_week_hours if conv else 40.0
    if workload.weeks is not None and workload.weeks <= 0:
        findings.append(_finding("bad-weeks", lang, element="weeks", weeks=_fmt(workload.weeks, lang)))
    elif workload.weeks is not None and total > 0:
        weekly = total / workload.weeks
        if weekly > full_time:
            findings.append(_finding("over-full-time", lang, element="weeks",
                                     weekly=format_spec(weekly, ".1f", lang), full=_fmt(full_time, lang),
                                     weeks=_fmt(math.ceil(total / full_time), lang)))
    return WorkloadReport(
        total_hours=total,
        hours_by_kind=by_kind,
        convention=workload.convention,
        credits=credits,
        claimed_credits=workload.credits,
        claimed_hours=claimed_hours,
        weekly_hours=weekly,
        full_time_week_hours=full_time,
        findings=tuple(findings),
        language=lang,
    )


def plot_workload(workload: Workload, lang: str | None = None) -> Figure:
    """A horizontal bar of the hours stacked by kind, with the band of hours that the claimed
    credits stand for under the convention (when both are known); None: the screen language."""
    from .charts import PALETTE, new_figure

    lang = screen_language(ui=lang)
    report = check_workload(workload, lang)
    fig = new_figure(7.5, 2.0)
    ax = fig.add_subplot()
    left = 0.0
    for n, (kind, hours) in enumerate(report.hours_by_kind.items()):
        if hours <= 0:
            continue
        ax.barh([0], [hours], left=left, color=PALETTE[n], edgecolor="white",
                label=f"{t(f'workload.kind.{kind}', lang)} ({_fmt(hours, lang)} h)")
        left += hours
    other = report.total_hours - left  # activities of an unknown kind still take time
    if other > 1e-9:
        ax.barh([0], [other], left=left, color="#BBBBBB", edgecolor="white", hatch="//",
                label=f"? ({_fmt(other, lang)} h)")
        left += other
    if report.claimed_hours:
        low, high = report.claimed_hours
        ax.axvspan(low, high, color="#777777", alpha=0.25, zorder=0,
                   label=t("workload.chart.claimed", lang, credits=_fmt(report.claimed_credits, lang)))
        ax.axvline(low, color="#444444", lw=0.8)
        ax.axvline(high, color="#444444", lw=0.8)
    ax.set_yticks([])
    ax.set_xlabel(t("workload.chart.hours", lang))
    top = max(left, report.claimed_hours[1] if report.claimed_hours else 0.0, 1.0)
    ax.set_xlim(0, top * 1.05)
    title = t("workload.chart.title", lang, hours=_fmt(report.total_hours, lang))
    if report.credits is not None:
        title += f" ≈ {number(report.credits, lang, '.1f')} " + t("workload.chart.credits", lang)
    ax.set_title(title, fontsize=10)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


# --- helpers ---------------------------------------------------------------------------------


def _optional_number(data: dict[str, Any], key: str) -> float | None:
    if data.get(key) in (None, ""):
        return None
    number = parse_number(data[key])
    if number is None:
        raise ValueError(f"'{key}' must be a number, not {data[key]!r}")
    return number


def _plain(x: float) -> float | int:
    """3.0 -> 3 for tidy YAML; other numbers unchanged."""
    return int(x) if float(x).is_integer() else x


def _fmt(x: float | None, lang: str = "en") -> str:
    """Hours and credits in a message: one decimal at most, in ``lang``'s convention."""
    return "?" if x is None else format_number(x, lang, decimals=1, grouping=False)


def _finding(code: str, lang: str, element: str | None = None, **fields: object) -> Finding:
    return localised("workload", code, lang, ERROR_CODES, element, **fields)
