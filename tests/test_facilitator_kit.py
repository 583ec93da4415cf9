"""The facilitator kit: every live session has a plan with goals, a timing that covers the whole
session without gaps, materials and online/on-site advice; the kit's pages are in the book."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.helpers.paths import REPO
from tests.test_book import toc_files

TRAINERS = REPO / "book" / "trainers"
SESSIONS = sorted(TRAINERS.glob("session-*.md"))
DESIGN = yaml.safe_load((REPO / "microcred/examples/coaching-course.yaml").read_text("utf-8"))


def section(text: str, heading: str) -> str:
    parts = re.split(r"^## ", text, flags=re.MULTILINE)
    found = [p for p in parts if p.startswith(heading + "\n")]
    assert found, f"no '## {heading}' section"
    return found[0]


def test_the_sessions_fill_the_course_s_workshop_hours():
    """The plans add up to the 'Workshops with the trainer' hours of the course's own design."""
    workshop = next(a["hours"] for a in DESIGN["workload"]["activities"]
                    if a["name"] == "Workshops with the trainer")
    minutes = 0
    for page in SESSIONS:
        minutes += int(re.search(r"\*\*Week \d+, (\d+) minutes\.\*\*", page.read_text("utf-8"))[1])
    assert len(SESSIONS) >= 2 and minutes == workshop * 60


@pytest.mark.parametrize("page", SESSIONS, ids=lambda p: p.name)
def test_session_plan_has_goals_timing_materials_and_both_settings(page):
    text = page.read_text(encoding="utf-8")
    length = int(re.search(r"\*\*Week \d+, (\d+) minutes\.\*\*", text)[1])
    assert re.search(r"^- ", section(text, "Goals"), re.MULTILINE)
    assert re.search(r"^- ", section(text, "Materials"), re.MULTILINE)
    settings = section(text, "Online and on site")
    assert "| | Online | On site |" in settings
    # the timing: consecutive slots from 0 to the session's length, no gap, no overlap
    slots = [(int(a), int(b)) for a, b in
             re.findall(r"^\| (\d+)-(\d+) \|", section(text, "Timing"), re.MULTILINE)]
    assert slots and slots[0][0] == 0 and slots[-1][1] == length
    for (_a, end), (start, _b) in zip(slots, slots[1:]):
        assert start == end, f"{page.name}: gap or overlap at minute {end}"


def test_kit_pages_are_in_the_book_and_linked_from_the_kit():
    toc = toc_files()
    for name in ("facilitator-kit", "peer-review", "mixed-cohorts", *(p.stem for p in SESSIONS)):
        assert f"book/trainers/{name}" in toc
    kit = (TRAINERS / "facilitator-kit.md").read_text(encoding="utf-8")
    for page in SESSIONS:
        assert f"{{doc}}`{page.stem}`" in kit


def test_peer_review_starts_from_the_design_check_report():
    text = (TRAINERS / "peer-review.md").read_text(encoding="utf-8")
    assert "python -m microcred design check my-microcredential.yaml --html" in text
    slots = re.findall(r"^\| (\d+)-(\d+) \|", text, re.MULTILINE)
    assert slots[0][0] == "0" and slots[-1][1] == "20"
