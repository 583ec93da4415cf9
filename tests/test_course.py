"""The course's own modules: every module page opens with outcomes, time and what to bring, and
closes with reflection prompts and a self-check; the outcomes pass the course's own coach."""

from __future__ import annotations

import re

import pytest
import yaml

from microcred import course, outcomes
from microcred.errors import UserError
from microcred.i18n import LANGUAGES
from tests.helpers.paths import REPO

INTRO = re.compile(r"^```\{module-intro\} (?P<module>[\w-]+)\n```$", re.MULTILINE)
SELF_CHECK = re.compile(r"^```\{self-check\} (?P<module>[\w-]+)\n```$", re.MULTILINE)


def module_pages() -> list[str]:
    """The chapters of the toc's "Modules" part that are book pages (module folders)."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["caption"] == "Modules")
    return [c["file"].split("/")[1] for c in part["chapters"] if c["file"].startswith("book/")]


def page(module_id: str) -> str:
    return (REPO / "book" / module_id / "index.md").read_text(encoding="utf-8")


def test_the_data_describes_exactly_the_modules_of_the_book():
    """Each module page in the toc has its entry in modules.yaml, in the same order."""
    assert [m.id for m in course.modules()] == module_pages()


@pytest.mark.parametrize("module_id", module_pages())
def test_module_page_opens_with_outcomes_time_and_what_to_bring(module_id):
    """Right after the title: the intro directive naming this very module."""
    lines = page(module_id).splitlines()
    assert lines[0].startswith("# ")
    opening = "\n".join(lines[1:4])
    found = INTRO.search(opening)
    assert found, f"book/{module_id}/index.md does not open with the module-intro block"
    assert found["module"] == module_id
    m = course.module(module_id)
    assert 2 <= len(m.outcomes) <= 5
    assert m.hours.total > 0
    assert all(m.brings.get(lang) for lang in LANGUAGES), "what to bring, in en, fi and sv"


@pytest.mark.parametrize("module_id", module_pages())
def test_module_page_closes_with_prompts_and_a_self_check(module_id):
    """At the end: two or three numbered reflection prompts, then the module's self-check."""
    text = page(module_id)
    assert "\n## Reflect and discuss\n" in text and "\n## Self-check\n" in text
    reflect = text.split("\n## Reflect and discuss\n", 1)[1].split("\n## ", 1)[0]
    prompts = re.findall(r"^\d+\. \S.*\?$", reflect, re.MULTILINE)
    assert 2 <= len(prompts) <= 3, prompts
    tail = text.rstrip().rsplit("\n## Self-check\n", 1)[1]
    found = SELF_CHECK.search(tail)
    assert found and found["module"] == module_id
    assert tail.rstrip().endswith("```"), "the self-check is the last thing on the page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_module_outcome_passes_the_outcome_coach(lang):
    """The course practises what it teaches: no error and no warning from the coach, in every
    language, and the coach reads each text in the language it is written in."""
    for o in course.outcomes():
        result = outcomes.analyse(o.text(lang), language=None)
        assert result.language == lang, (o.id, lang, result.language)
        assert result.problems == (), (o.id, lang, [p.code for p in result.problems])
        assert result.bloom_level is not None


def test_outcome_ids_are_unique_and_named_after_their_module():
    ids = [o.id for o in course.outcomes()]
    assert len(ids) == len(set(ids))
    for m in course.modules():
        assert all(o.id.startswith(f"{m.id}.") for o in m.outcomes)
        assert course.module_of(m.outcomes[0].id) is m
    assert course.module_of("nowhere.none") is None


def test_module_hours_add_up_to_the_course_s_own_workload():
    """The modules' hours plus the workshops equal the workload of the course's own design file
    (microcred/examples/coaching-course.yaml), activity by activity."""
    design = yaml.safe_load((REPO / "microcred/examples/coaching-course.yaml").read_text("utf-8"))
    hours = {a["name"]: a["hours"] for a in design["workload"]["activities"]}
    mods = course.modules()
    assert sum(m.hours.reading for m in mods) == hours["Reading the course book"]
    assert sum(m.hours.practice for m in mods) == hours["Practice notebooks"]
    assert sum(m.hours.assignment for m in mods) == (
        hours["Designing one's own micro-credential"] + hours["Assignments and capstone"])
    workshops = hours["Workshops with the trainer"]
    assert sum(m.hours.total for m in mods) + workshops == design["credential"]["workload"]["hours"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_intro_markdown_lists_the_outcomes_and_the_hours(lang):
    m = course.module("dimensioning")
    text = course.intro_markdown("dimensioning", lang)
    for o in m.outcomes:
        assert f"- {o.text(lang)}" in text
    assert f"{m.hours.total:g}" in text and f"{m.hours.reading:g} h" in text


def test_an_unknown_module_is_a_sentence_naming_the_known_ones():
    with pytest.raises(UserError, match="no module called nonsense.*outcomes, credential"):
        course.module("nonsense")
