"""The description of a micro-credential: its elements as dataclasses, written out as YAML, and
issued to a learner. Reading it, leniently, from YAML, JSON or a mapping is ``_reader.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from dataclasses import replace as _replace
from typing import Any

import yaml

from ..errors import UserError
from ..i18n import t

#: Every name a description may use at its top level, in the order they are written out.
FIELDS: tuple[str, ...] = (
    "language", "title", "summary", "awarding_body", "country", "region", "outcomes",
    "workload", "level", "assessment", "participation", "quality_assurance", "prerequisites",
    "supervision", "grading", "integration", "stackable_towards", "further_information",
    "url", "id", "code", "field_of_study", "keywords", "dates", "valid_until",
)
ISSUE_FIELDS = ("learner", "issued", "grade")  # belong to an issued credential

_FI_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")  # 1.9.2025


@dataclass(frozen=True)
class Problem:
    """A problem found while reading, turned into a finding by ``validate``."""

    code: str
    element: str
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Outcome:
    id: str
    text: str


@dataclass(frozen=True)
class Organisation:
    """An awarding body. ``id`` is a URI naming it (default: its ``url``)."""

    name: str = ""
    url: str = ""
    id: str = ""
    email: str = ""


@dataclass(frozen=True)
class Workload:
    """Notional workload: ECTS credits and hours, checked under a national ``convention``."""

    ects: float | None = None
    hours: float | None = None
    convention: str = "ects"  # fi | se | ects (microcred.credits)


@dataclass(frozen=True)
class Level:
    """EQF level (1-8), the national framework level and the QF-EHEA cycle, if they apply."""

    eqf: int | None = None
    national: str = ""
    cycle: str = ""  # short | first | second | third
    not_applicable: bool = False


@dataclass(frozen=True)
class QualityAssurance:
    type: str = ""
    url: str = ""


@dataclass(frozen=True)
class Description:
    """A micro-credential described with the European standard elements.

    Learner identification and the date of issuing are not here: they belong to each issued
    credential and are given when it is exported (``to_ob3(..., learner=, issued=)``).
    """

    title: str = ""
    language: str = "en"
    summary: str = ""
    awarding_body: tuple[Organisation, ...] = ()
    country: tuple[str, ...] = ()
    region: str = ""
    outcomes: tuple[Outcome, ...] = ()
    workload: Workload = Workload()
    level: Level = Level()
    assessment: tuple[str, ...] = ()
    participation: tuple[str, ...] = ()
    quality_assurance: QualityAssurance = QualityAssurance()
    prerequisites: str = ""
    supervision: str = ""
    grading: str = ""  # the grading scale; the grade itself is given at issue
    integration: str = ""
    stackable_towards: str = ""
    further_information: str = ""
    url: str = ""
    id: str = ""
    code: str = ""
    field_of_study: str = ""
    keywords: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    valid_until: dt.date | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """A plain mapping with only the parts that are filled in (``from_dict`` reads it back)."""
        d: dict[str, Any] = {"language": self.language, "title": self.title,
                             "summary": self.summary}
        bodies = [_drop_empty({"name": o.name, "url": o.url, "id": o.id, "email": o.email})
                  for o in self.awarding_body]
        d["awarding_body"] = bodies[0] if len(bodies) == 1 else bodies
        d["country"] = self.country[0] if len(self.country) == 1 else list(self.country)
        d["region"] = self.region
        d["outcomes"] = [{"id": o.id, "text": o.text} for o in self.outcomes]
        d["workload"] = _drop_empty({"ects": _plain(self.workload.ects),
                                     "hours": _plain(self.workload.hours),
                                     "convention": self.workload.convention})
        if self.level.not_applicable:
            d["level"] = "not applicable"
        else:
            d["level"] = _drop_empty({"eqf": self.level.eqf, "national": self.level.national,
                                      "cycle": self.level.cycle})
        d["assessment"] = list(self.assessment)
        d["participation"] = (self.participation[0] if len(self.participation) == 1
                              else list(self.participation))
        d["quality_assurance"] = (
            _drop_empty({"type": self.quality_assurance.type, "url": self.quality_assurance.url})
            if self.quality_assurance.url else self.quality_assurance.type
        )
        for name in ("prerequisites", "supervision", "grading", "integration",
                     "stackable_towards", "further_information", "url", "id", "code",
                     "field_of_study"):
            d[name] = getattr(self, name)
        d["keywords"] = list(self.keywords)
        d["dates"] = _drop_empty({"start": self.start, "end": self.end})
        d["valid_until"] = self.valid_until
        return _drop_empty(d)

    def to_yaml(self) -> str:
        """The description as a YAML file a person can read and edit."""
        header = ("# A micro-credential described with the European standard elements.\n"
                  "# Check it with: python -m microcred credential check FILE\n")
        return header + yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True,
                                       width=100, default_flow_style=False)

    def replace(self, **changes: Any) -> Description:
        """A copy with some parts changed (problems found while reading are kept)."""
        return _replace(self, **changes)


@dataclass(frozen=True)
class Issued:
    """A description issued to one learner on one date: the credential a learner owns.

    It adds the two mandatory elements a description cannot hold (identification of the
    learner, date of issuing) and the optional grade achieved.
    """

    description: Description
    learner: str = ""
    issued: dt.date | dt.datetime | None = None
    grade: str = ""

    @property
    def issued_date(self) -> dt.date | None:
        return self.issued.date() if isinstance(self.issued, dt.datetime) else self.issued


def issue(description: Description, learner: str = "", issued: Any = None, grade: str = ""
          ) -> Issued:
    """Issue ``description`` to ``learner`` on ``issued`` (a date, a datetime or "YYYY-MM-DD").

    Missing parts are allowed here (``validate`` reports them); a date that is not a date
    raises :class:`UserError`.
    """
    when: dt.date | dt.datetime | None
    if issued is None or (isinstance(issued, str) and not issued.strip()):
        when = None
    elif isinstance(issued, (dt.date, dt.datetime)):
        when = issued
    else:
        text = str(issued).strip()
        try:
            when = dt.datetime.fromisoformat(text.replace("Z", "+00:00")) if "T" in text else None
        except ValueError:
            when = None
        when = when or parse_date(text)
        if when is None:
            raise UserError(t("credential.issue.bad-date", description.language, value=text))
    return Issued(description, " ".join(str(learner or "").split()), when,
                  " ".join(str(grade or "").split()))


def parse_date(value: Any) -> dt.date | None:
    """A date from a date, a datetime, "YYYY-MM-DD" or "D.M.YYYY"; None if it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _FI_DATE.match(text)
    try:
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _plain(number: float | None) -> int | float | None:
    """3.0 -> 3 so that files and messages show numbers as people write them."""
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], {}, ())}

