"""The working-life needs canvas: who needs what competence, how much, how soon and how we know.

A canvas records the organisation and its sector, the stakeholders, the competence needs (each
with a priority, an urgency and the evidence behind it), the target group and the constraints
(time, place, budget). It is saved as the ``needs:`` section of the participant's design file and
is self-contained: ``from_dict(to_dict(c)) == c``, and ``read_yaml``/``merge_into`` touch no other
section. ``check`` reports what is missing as findings; ``completeness`` gives a share per part
for graders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from .errors import UserError
from .findings import Finding, localised
from .i18n import t
from .numbers import parse_number
from .reading import parse_yaml
from .resources import data_file, load_yaml
from .settings import screen_language

__all__ = [
    "PRIORITIES",
    "URGENCIES",
    "CompetenceNeed",
    "Constraints",
    "NeedsCanvas",
    "Stakeholder",
    "TargetGroup",
    "check",
    "completeness",
    "dump_yaml",
    "from_dict",
    "merge_into",
    "need_lines",
    "needs_from_lines",
    "parse_need",
    "parse_needs",
    "read_yaml",
    "sample_canvas",
]

SECTION = "needs"
PRIORITIES: tuple[str, ...] = ("high", "medium", "low")
URGENCIES: tuple[str, ...] = ("now", "year", "later")
ERROR_CODES = frozenset(
    {"no-organisation", "no-stakeholders", "no-needs", "no-target-group", "negative-budget"}
)
PARTS: tuple[str, ...] = (
    "organisation", "stakeholders", "needs", "evidence", "target_group", "constraints"
)


@dataclass(frozen=True)
class Stakeholder:
    """Someone with a stake in the micro-credential: an employer, learners, a partner, a funder."""

    name: str
    role: str = ""  # e.g. customer, learners, partner, funder, staff
    interest: str = ""  # what they expect or need


@dataclass(frozen=True)
class CompetenceNeed:
    """One competence need of working life, in the words of the people who have it."""

    text: str
    priority: str = ""  # high | medium | low ("" = not set)
    urgency: str = ""  # now | year | later ("" = not set)
    evidence: str = ""  # how we know: interviews, job ads, a survey, statistics...
    id: str = ""
    covered_by: tuple[str, ...] = ()  # ids of outcomes that answer it (filled by matching)


@dataclass(frozen=True)
class TargetGroup:
    """Who would study: a description, an estimated size and what they already know."""

    description: str = ""
    size: int | None = None
    prior_learning: str = ""

    @property
    def empty(self) -> bool:
        return not self.description.strip()


@dataclass(frozen=True)
class Constraints:
    """When, where and for how much the learning can happen."""

    time: str = ""  # e.g. "evenings, 6 weeks, spring 2026"
    place: str = ""  # e.g. "online", "on the employer's premises"
    budget: float | None = None
    currency: str = "EUR"
    notes: str = ""

    def missing(self) -> list[str]:
        """Which of time, place and budget are not given."""
        gaps = [name for name in ("time", "place") if not getattr(self, name).strip()]
        return gaps + (["budget"] if self.budget is None else [])


@dataclass(frozen=True)
class NeedsCanvas:
    """The whole canvas: the ``needs:`` section of a design file."""

    organisation: str = ""
    sector: str = ""
    stakeholders: tuple[Stakeholder, ...] = ()
    needs: tuple[CompetenceNeed, ...] = ()
    target_group: TargetGroup = field(default_factory=TargetGroup)
    constraints: Constraints = field(default_factory=Constraints)
    language: str = "en"
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data for YAML/JSON, in a stable order; empty optional fields left out."""
        data: dict[str, Any] = {
            "organisation": self.organisation,
            "sector": self.sector,
            "language": self.language,
            "stakeholders": [_compact(asdict(s)) for s in self.stakeholders],
            "competence_needs": [
                _compact({**asdict(n), "covered_by": list(n.covered_by)}) for n in self.needs
            ],
            "target_group": _compact(asdict(self.target_group)),
            "constraints": _compact(asdict(self.constraints)),
        }
        if self.notes:
            data["notes"] = self.notes
        return data

    def with_ids(self) -> NeedsCanvas:
        """The canvas with every need given an id (N1, N2, ...) where it has none."""
        used = {n.id for n in self.needs if n.id}
        needs, k = [], 0
        for n in self.needs:
            if not n.id:
                k += 1
                while f"N{k}" in used:
                    k += 1
                n = replace(n, id=f"N{k}")
            needs.append(n)
        return replace(self, needs=tuple(needs))


# --- reading and writing -------------------------------------------------------------------


def from_dict(data: Any) -> NeedsCanvas:
    """A canvas from plain data: the section itself or a whole design file with a ``needs:`` key.
    Lenient about shapes people write by hand (a stakeholder or a need as a plain string,
    priorities in Finnish or Swedish); raises UserError when the data is not a mapping."""
    if data is None:
        return NeedsCanvas()
    if not isinstance(data, dict):
        raise UserError("the needs canvas must be a mapping of fields (organisation: ..., ...)")
    if isinstance(data.get(SECTION), dict):
        data = data[SECTION]
    raw_needs = data.get("competence_needs", data.get("needs")) or []
    if isinstance(raw_needs, str):
        raw_needs = [line for line in raw_needs.splitlines() if line.strip()]
    tg = _part(data.get("target_group"), "target_group", "description")
    cons = _part(data.get("constraints"), "constraints", "notes")
    canvas = NeedsCanvas(
        organisation=_text(data.get("organisation")),
        sector=_text(data.get("sector")),
        stakeholders=tuple(_stakeholder(s) for s in _as_list(data.get("stakeholders"))),
        needs=tuple(n for n in (_need(x) for x in _as_list(raw_needs)) if n.text),
        target_group=TargetGroup(
            description=_text(tg.get("description")),
            size=_int_or_none(tg.get("size")),
            prior_learning=_text(tg.get("prior_learning")),
        ),
        constraints=Constraints(
            time=_text(cons.get("time")),
            place=_text(cons.get("place")),
            budget=_float_or_none(cons.get("budget")),
            currency=_text(cons.get("currency")) or "EUR",
            notes=_text(cons.get("notes")),
        ),
        language=_text(data.get("language")) or "en",
        notes=_text(data.get("notes")),
    )
    return canvas.with_ids()


def read_yaml(text: str, source: str = "YAML", lang: str = "en") -> NeedsCanvas:
    """The canvas in a YAML text (a design file or the section alone); UserError if it is not
    valid YAML."""
    return from_dict(parse_yaml(text, source, lang))


def dump_yaml(canvas: NeedsCanvas) -> str:
    """The canvas as a YAML document with one top-level key, ``needs:``."""
    import yaml

    return yaml.safe_dump(
        {SECTION: canvas.to_dict()}, allow_unicode=True, sort_keys=False, width=100
    )


def merge_into(design_text: str, canvas: NeedsCanvas) -> str:
    """A design file's text with its ``needs:`` section replaced by ``canvas`` (added if absent).
    Other sections, their order and comments are kept (the design file's own section writer)."""
    from .design import update_text  # the design file module imports this one

    return update_text(design_text, {SECTION: canvas.to_dict()})


def sample_canvas(lang: str = "en") -> NeedsCanvas:
    """The worked example shipped with the course (``data/needs/sample_canvas.yaml``), in
    ``lang`` where it is translated (``sample_canvas-<lang>.yaml``), so that a Finnish or
    Swedish screen opens on an example in its own language."""
    translated = f"sample_canvas-{lang}.yaml"
    if lang != "en" and data_file("needs", translated).is_file():
        return from_dict(load_yaml("needs", translated))
    return from_dict(load_yaml("needs", "sample_canvas.yaml"))


# --- needs written as one line ---------------------------------------------------------------


def parse_need(line: str) -> CompetenceNeed:
    """A need from one line: ``text | priority | urgency | evidence`` (or ``;`` between parts).
    Parts after the text may come in any order and any of the three languages: a part that
    names a priority or an urgency is taken as one, the rest is evidence."""
    line = _BULLET.sub("", str(line or "")).strip()
    sep = "|" if "|" in line else ";"
    parts = [p.strip() for p in line.split(sep)]
    text, rest = parts[0], [p for p in parts[1:] if p]
    priority = urgency = ""
    evidence: list[str] = []
    for part in rest:
        if not priority and (code := _lookup("priority", part)):
            priority = code
        elif not urgency and (code := _lookup("urgency", part)):
            urgency = code
        else:
            evidence.append(part)
    return CompetenceNeed(text=text, priority=priority, urgency=urgency,
                          evidence=f" {sep} ".join(evidence).strip())


def parse_needs(text: str) -> list[CompetenceNeed]:
    """Needs written one a line (blank lines skipped), each as in ``parse_need``."""
    return [parse_need(line) for line in str(text or "").splitlines() if line.strip()]


def parse_list(text: str) -> list[str]:
    """Items written one a line or separated by semicolons or commas ("HR, team leaders")."""
    text = str(text or "")
    lines = [x for x in text.splitlines() if x.strip()]
    if len(lines) == 1:
        sep = ";" if ";" in lines[0] else ","
        lines = lines[0].split(sep)
    return [_BULLET.sub("", x).strip() for x in lines if x.strip(" -•*")]


def need_lines(section: Any) -> str:
    """The competence needs of a ``needs:`` section as text, one a line, as the needs matcher
    shows them (``needs_from_lines`` reads them back)."""
    needs = section.get("competence_needs") if isinstance(section, Mapping) else None
    return "\n".join(str(n.get("text", "")) if isinstance(n, Mapping) else str(n)
                     for n in needs or [])


def needs_from_lines(text: str, section: Any = None) -> dict[str, Any]:
    """The ``needs:`` section with the competence needs written one a line in ``text``; the
    rest of ``section`` is kept, and a need whose text stays keeps its priority, urgency and
    evidence (texts compared with spaces evened out)."""
    base = section if isinstance(section, Mapping) else {}
    earlier = {" ".join(str(n.get("text", "")).split()): n
               for n in base.get("competence_needs") or [] if isinstance(n, Mapping)}
    lines = [" ".join(x.split()) for x in str(text or "").splitlines() if x.strip()]
    return {**base, "competence_needs": [dict(earlier.get(x) or {"text": x}) for x in lines]}


# --- checks ----------------------------------------------------------------------------------


def check(canvas: NeedsCanvas, lang: str | None = None) -> list[Finding]:
    """What is missing or doubtful in the canvas, as findings (errors first)."""
    lang = screen_language(ui=lang)
    found: list[Finding] = []
    if not canvas.organisation.strip():
        found.append(_finding("no-organisation", lang, "organisation"))
    if not canvas.sector.strip():
        found.append(_finding("no-sector", lang, "sector"))
    if not canvas.stakeholders:
        found.append(_finding("no-stakeholders", lang, "stakeholders"))
    elif len(canvas.stakeholders) == 1:
        found.append(_finding("one-stakeholder", lang, "stakeholders"))
    if not canvas.needs:
        found.append(_finding("no-needs", lang, "competence_needs"))
    seen: dict[str, str] = {}
    for n in canvas.needs:
        key = " ".join(n.text.lower().split())
        if key in seen:
            found.append(_finding("duplicate-need", lang, n.id, need=n.text, other=seen[key]))
            continue
        seen[key] = n.id
        if not n.evidence.strip():
            found.append(_finding("need-without-evidence", lang, n.id, need=n.text))
        if not n.priority:
            found.append(_finding("need-without-priority", lang, n.id, need=n.text))
    if len(canvas.needs) >= 3 and all(n.priority == "high" for n in canvas.needs):
        found.append(_finding("all-high", lang, "competence_needs"))
    limit = int(load_yaml("needs", "canvas.yaml")["max_needs"])
    if len(canvas.needs) > limit:
        found.append(_finding("too-many-needs", lang, "competence_needs",
                              count=len(canvas.needs), limit=limit))
    if canvas.target_group.empty:
        found.append(_finding("no-target-group", lang, "target_group"))
    missing = canvas.constraints.missing()
    if missing:
        names = ", ".join(t(f"needs.field.{m}", lang) for m in missing)
        found.append(_finding("missing-constraints", lang, "constraints", fields=names))
    if canvas.constraints.budget is not None and canvas.constraints.budget < 0:
        found.append(_finding("negative-budget", lang, "constraints.budget"))
    return sorted(found, key=lambda f: f.severity != "error")


def completeness(canvas: NeedsCanvas) -> dict[str, float]:
    """How complete each part of the canvas is, from 0 to 1 (for graders and progress bars):
    organisation and sector, stakeholders (two or more), needs (three or more), evidence for
    each need, target group, and constraints (time, place, budget)."""
    needs = canvas.needs
    return {
        "organisation": (bool(canvas.organisation.strip()) + bool(canvas.sector.strip())) / 2,
        "stakeholders": min(len(canvas.stakeholders), 2) / 2,
        "needs": min(len(needs), 3) / 3,
        "evidence": (sum(1 for n in needs if n.evidence.strip()) / len(needs)) if needs else 0.0,
        "target_group": 0.0 if canvas.target_group.empty else 1.0,
        "constraints": (3 - len(canvas.constraints.missing())) / 3,
    }


# --- helpers ---------------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")


def _aliases(kind: str) -> dict[str, str]:
    table = load_yaml("needs", "canvas.yaml")[kind]
    return {str(alias).lower(): code for code, aliases in table.items() for alias in [code, *aliases]}


def _lookup(kind: str, value: object) -> str:
    """The code (high/now/...) that ``value`` names, in any language; "" if none."""
    key = " ".join(str(value if value is not None else "").lower().replace(":", " ").split())
    if not key:
        return ""
    table = _aliases(kind)
    if key in table:
        return table[key]
    for prefix in ("priority", "prioriteetti", "prioritet", "urgency", "kiireellisyys", "brådska"):
        if key.startswith(prefix + " ") and key[len(prefix) + 1:] in table:
            return table[key[len(prefix) + 1:]]
    return ""


def _need(x: object) -> CompetenceNeed:
    if isinstance(x, CompetenceNeed):
        return x
    if isinstance(x, dict):
        covered = x.get("covered_by") or []
        return CompetenceNeed(
            text=_text(x.get("text") or x.get("need")),
            priority=_lookup("priority", x.get("priority")),
            urgency=_lookup("urgency", x.get("urgency")),
            evidence=_text(x.get("evidence")),
            id=_text(x.get("id")),
            covered_by=tuple(str(c) for c in _as_list(covered)),
        )
    return parse_need(_text(x))


def _stakeholder(x: object) -> Stakeholder:
    if isinstance(x, Stakeholder):
        return x
    if isinstance(x, dict):
        return Stakeholder(_text(x.get("name")), _text(x.get("role")), _text(x.get("interest")))
    return Stakeholder(_text(x))


def _as_list(x: object) -> list:
    if x is None:
        return []
    if isinstance(x, (list, tuple)):
        return list(x)
    if isinstance(x, str):
        return parse_list(x)
    return [x]


def _text(x: object) -> str:
    return "" if x is None else str(x).strip()


def _part(value: object, name: str, text_field: str) -> dict[str, Any]:
    """A part of the canvas written as a mapping, or as one text (its ``text_field``)."""
    if value is None or value == "":
        return {}
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        return {text_field: value}
    raise UserError(f"{name}: write a text or the fields under it, not {str(value)[:40]!r}")


def _int_or_none(x: object) -> int | None:
    number = parse_number(x)
    return None if number is None else int(number)


def _float_or_none(x: object) -> float | None:
    return parse_number(x)


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty optional values so the YAML stays short; keep the text of a need."""
    return {k: v for k, v in d.items() if k == "text" or v not in ("", None, [], ())}


def _finding(code: str, lang: str, element: str | None = None, **fields: object) -> Finding:
    return localised("needs", code, lang, ERROR_CODES, element, **fields)

def iter_texts(needs: Iterable[CompetenceNeed]) -> list[str]:
    """The texts of the needs, for matching."""
    return [n.text for n in needs]
