"""The course's own modules: every module page opens with outcomes, time and what to bring, and
closes with reflection prompts and a self-check; the outcomes pass the course's own coach."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from microcred import course, design, outcomes
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


# --- the worked example in the screen language ------------------------------------------------

EXAMPLES = REPO / "microcred" / "examples"
# Values that are codes, ids, numbers or addresses: the same in every language of the example.
SAME = {"id", "kind", "role", "priority", "urgency", "convention", "cycle", "eqf", "country",
        "supervision", "integration", "code", "url", "further_information", "currency", "this",
        "outcomes", "required", "prerequisites", "ects", "hours", "credits", "weeks", "size",
        "budget", "start", "end", "schema_version", "format", "format_version", "answers",
        "assessed_on"}


@pytest.mark.parametrize(("lang", "name"), [("fi", "capstone-example-fi.yaml"),
                                            ("sv", "capstone-example-sv.yaml"),
                                            ("en", "capstone-example.yaml"),
                                            ("de", "capstone-example.yaml")])
def test_example_path_gives_the_example_in_the_language_else_english(lang, name):
    assert course.example_path("capstone", lang) == EXAMPLES / name


@pytest.mark.parametrize("ui", ["fi", "sv", "en"])
def test_example_path_follows_the_screen_language(ui, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", ui)
    suffix = "" if ui == "en" else f"-{ui}"
    assert course.example_path("capstone") == EXAMPLES / f"capstone-example{suffix}.yaml"


def test_an_unknown_example_is_a_sentence_naming_the_known_ones():
    with pytest.raises(UserError, match="no worked example called nonsense.*capstone"):
        course.example_path("nonsense", "en")


def _differences(en: object, other: object, where: str = "", same: bool = False) -> list[str]:
    """Where two versions of the example differ in structure or in a code, id or number (a
    string under a ``SAME`` key, unless it is a text of several words)."""
    if isinstance(en, dict) and isinstance(other, dict):
        if set(en) != set(other):
            return [f"{where}: keys {sorted(set(en) ^ set(other))}"]
        return [d for k in en for d in _differences(en[k], other[k], f"{where}/{k}", k in SAME)]
    if isinstance(en, list) and isinstance(other, list):
        if len(en) != len(other):
            return [f"{where}: {len(en)} items, {len(other)}"]
        return [d for i, (a, b) in enumerate(zip(en, other))
                for d in _differences(a, b, f"{where}/{i}", same)]
    if isinstance(en, str) and isinstance(other, str) and (not same or " " in en):
        return []  # a text: translated
    return [] if en == other else [f"{where}: {en!r} != {other!r}"]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_translated_capstone_example_is_the_same_design(lang):
    """Same structure, ids, codes and numbers as the English example, every section in the
    language, and the same self-assessment scores."""
    en = yaml.safe_load((EXAMPLES / "capstone-example.yaml").read_text(encoding="utf-8"))
    other = yaml.safe_load((EXAMPLES / f"capstone-example-{lang}.yaml").read_text(encoding="utf-8"))
    assert _differences(en, other) == []
    assert other["credential"]["language"] == other["needs"]["language"] == lang
    assert other["credential"]["title"] != en["credential"]["title"]
    en_qa = json.loads((EXAMPLES / "capstone-example.qa.json").read_text(encoding="utf-8"))
    qa = json.loads((EXAMPLES / f"capstone-example-{lang}.qa.json").read_text(encoding="utf-8"))
    assert _differences(en_qa, qa) == [] and qa["language"] == lang
    assert set(qa["notes"]) == set(en_qa["notes"]) and qa["notes"] != en_qa["notes"]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_translated_outcomes_read_like_the_english_ones(lang):
    """Each outcome in the form "Opiskelija osaa ..." / "Studenten kan ...", read by the coach in
    its language, at the English outcome's level and without a problem."""
    subject = {"fi": "Opiskelija osaa ", "sv": "Studenten kan "}[lang]
    en = yaml.safe_load((EXAMPLES / "capstone-example.yaml").read_text(encoding="utf-8"))
    other = yaml.safe_load((EXAMPLES / f"capstone-example-{lang}.yaml").read_text(encoding="utf-8"))
    for a, b in zip(en["outcomes"], other["outcomes"]):
        english, translated = outcomes.analyse(a["text"]), outcomes.analyse(b["text"])
        assert b["text"].startswith(subject)
        assert translated.language == lang
        assert translated.bloom_level == english.bloom_level
        assert translated.problems == english.problems == ()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_translated_capstone_example_has_the_english_findings(lang):
    """The design check finds the same in each part (codes and status), with the QA beside it."""
    def found(path):
        report = design.check_file(path)
        return {p.name: (p.status, sorted(f.code for f in p.findings)) for p in report.parts}

    english = found(EXAMPLES / "capstone-example.yaml")
    assert english["consistency"] == ("warnings", ["uncovered"])  # the check can tell them apart
    assert found(EXAMPLES / f"capstone-example-{lang}.yaml") == english
