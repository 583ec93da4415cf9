"""The alignment editor's text form: outcomes, activities (with their hours) and tasks one a
line, links as (outcome id, item id) pairs; and the sections the editor saves."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from ..numbers import format_number, parse_number
from ._model import Alignment, AssessmentTask, LearningActivity, Outcome

_LINE_ID = re.compile(r"^\s*([A-Za-z]{1,5}[-_]?\d{1,3}[a-z]?)\s*[:)]\s*(.*)$")
_HOURS = re.compile(r"[,;(]?\s*(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)\s*h\)?\s*$")


def parse_lines(text: str, prefix: str) -> list[tuple[str, str]]:
    """(id, text) for each non-empty line; "LO1: ..." keeps its id, others are numbered
    ``prefix`` + the line's place among the non-empty lines."""
    items = []
    for n, line in enumerate((ln for ln in text.splitlines() if ln.strip()), 1):
        m = _LINE_ID.match(line)
        items.append((m.group(1), m.group(2).strip()) if m else (f"{prefix}{n}", line.strip()))
    return items


def split_hours(text: str) -> tuple[str, float | None]:
    """ "Webinars, 6 h" -> ("Webinars", 6.0), "Project (1 200 h)" -> ("Project", 1200.0);
    no trailing hours -> (text, None)."""
    m = _HOURS.search(text)
    if not m:
        return text, None
    return text[: m.start()].strip(), parse_number(m.group(1))


def alignment_texts(alignment: Alignment) -> tuple[str, str, str]:
    """The editor's three texts (outcomes, activities with their hours, tasks) for an
    alignment; ``alignment_from_texts`` reads them back."""
    outcomes = "\n".join(f"{o.id}: {o.text}" for o in alignment.outcomes)
    activities = "\n".join(
        f"{a.id}: {a.name}"
        + (f", {format_number(a.hours, 'en', grouping=False)} h" if a.hours is not None else "")
        for a in alignment.activities
    )
    tasks = "\n".join(f"{a.id}: {a.task}" for a in alignment.assessments)
    return outcomes, activities, tasks


def links_of(alignment: Alignment) -> set[tuple[str, str]]:
    """(outcome id, activity or task id) for each outcome an item serves: the editor's ticks."""
    return {(oid, item.id) for item in alignment.activities + alignment.assessments
            for oid in item.outcomes}


def alignment_from_texts(outcomes: str, activities: str, tasks: str,
                         links: Collection[tuple[str, str]] = (),
                         levels: Mapping[str, str] | None = None) -> Alignment:
    """The alignment the editor holds: its three texts (``parse_lines``; an activity's hours
    by ``split_hours``), the ``links`` ticked (pairs naming an outcome that is not there are
    left out) and the levels tasks stated (kept by task id)."""
    levels = levels or {}
    read = tuple(Outcome(i, text) for i, text in parse_lines(outcomes, "LO"))

    def served(item_id: str) -> tuple[str, ...]:
        return tuple(o.id for o in read if (o.id, item_id) in links)

    acts = []
    for i, text in parse_lines(activities, "A"):
        name, hours = split_hours(text)
        acts.append(LearningActivity(i, name, served(i), hours))
    assessed = tuple(AssessmentTask(i, text, served(i), levels.get(i))
                     for i, text in parse_lines(tasks, "T"))
    return Alignment(read, tuple(acts), assessed)


def hours_from_workload(doc: Mapping[str, Any]) -> dict[str, float]:
    """The hours that activities without their own take from the ``workload:`` activity of
    the same name (``Alignment.from_design``), by lower-cased name: saving leaves them out
    again (``alignment_sections``), so that the hours are written once, in the workload."""
    own = Alignment.from_dict(doc.get("alignment"), doc.get("outcomes"))
    shown = Alignment.from_design(dict(doc))
    return {a.name.strip().lower(): a.hours for a, b in zip(shown.activities, own.activities)
            if a.hours is not None and b.hours is None}


def alignment_sections(alignment: Alignment, from_workload: Mapping[str, float] | None = None
                       ) -> dict[str, Any]:
    """The ``outcomes:`` and ``alignment:`` sections of an alignment, without the hours an
    activity still takes unchanged from the workload (``hours_from_workload``)."""
    taken = from_workload or {}
    section = alignment.to_dict()
    for activity in section["activities"]:
        hours = activity.get("hours")
        if hours is not None and hours == taken.get(str(activity.get("name", "")).strip().lower()):
            del activity["hours"]
    section.pop("outcomes", None)  # the outcomes have their own section
    return {"outcomes": [{"id": o.id, "text": o.text} for o in alignment.outcomes],
            "alignment": section}
