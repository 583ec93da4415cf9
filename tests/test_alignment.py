"""Constructive alignment: coverage, unknown ids, levels of tasks against outcomes, spread."""

from __future__ import annotations

import pytest
import yaml

from microcred.alignment import (
    Alignment,
    AssessmentTask,
    LearningActivity,
    Outcome,
    alignment_from_texts,
    alignment_sections,
    alignment_texts,
    check_alignment,
    hours_from_workload,
    links_of,
    outcomes_from_list,
    outcomes_to_list,
    parse_lines,
    plot_alignment,
    split_hours,
    task_level,
)
from tests.helpers.paths import REPO

DESIGN = REPO / "tests" / "data" / "design" / "microcredential.yaml"
LO = (
    Outcome("LO1", "The participant can analyse the competence needs of a client organisation."),
    Outcome("LO2", "The participant can design a micro-credential that answers a need."),
)


def aligned(**kw) -> Alignment:
    base = {
        "outcomes": LO,
        "activities": (LearningActivity("A1", "Webinars", ("LO1", "LO2"), 10),),
        "assessments": (
            AssessmentTask("T1", "A report in which the participant analyses interviews.",
                           ("LO1",)),
            AssessmentTask("T2", "The participant designs a micro-credential.", ("LO2",)),
        ),
    }
    return Alignment(**{**base, **kw})


def test_a_well_aligned_design_has_no_findings():
    """Every outcome assessed at its level, every task serving one, time spread evenly."""
    r = check_alignment(aligned())
    assert r.findings == () and r.ok and r.coverage == 1
    assert r.outcome_levels == {"LO1": "analyse", "LO2": "create"}
    assert r.task_levels == {"T1": "analyse", "T2": "create"}


def test_an_outcome_nobody_assesses_is_an_error():
    """Coverage drops and the finding names the outcome."""
    r = check_alignment(aligned(assessments=aligned().assessments[:1]))
    f = next(f for f in r.findings if f.code == "not-assessed")
    assert f.element == "LO2" and f.severity == "error" and r.coverage == 0.5


def test_a_task_serving_no_outcome_and_unknown_ids_are_errors():
    """A task must assess something that exists."""
    tasks = (AssessmentTask("T1", "The participant analyses data.", ("LO1", "LO9")),
             AssessmentTask("T2", "The participant designs a course.", ("LO2",)),
             AssessmentTask("T3", "Peer review.", ()))
    r = check_alignment(aligned(assessments=tasks))
    assert {"unknown-outcome", "serves-nothing"} <= set(r.codes)
    unknown = next(f for f in r.findings if f.code == "unknown-outcome")
    assert '"LO9"' in unknown.message and "LO1, LO2" in unknown.suggestion


def test_a_task_below_the_outcomes_level_is_flagged():
    """Listing (remember) does not show designing (create)."""
    tasks = (AssessmentTask("T1", "The participant analyses interviews.", ("LO1",)),
             AssessmentTask("T2", "A quiz where the participant lists the standard elements.",
                            ("LO2",)))
    r = check_alignment(aligned(assessments=tasks))
    f = next(f for f in r.findings if f.code == "level-below-outcome")
    assert f.element == "T2" and "remember" in f.message and "create" in f.message
    assert f.severity == "warning"


def test_a_stated_level_overrides_detection():
    """The designer may say what a task asks for when the verbs do not show it."""
    tasks = (AssessmentTask("T1", "Interview analysis.", ("LO1",), level="analyse"),
             AssessmentTask("T2", "Portfolio.", ("LO2",), level="create"))
    r = check_alignment(aligned(assessments=tasks))
    assert r.findings == ()


def test_a_task_without_any_verb_gets_an_unknown_level_warning():
    """Without a verb there is nothing to compare; the check says so."""
    tasks = (AssessmentTask("T1", "Exam.", ("LO1", "LO2")),)
    r = check_alignment(aligned(assessments=tasks))
    assert r.codes == ["task-level-unknown"]


@pytest.mark.parametrize("text, level", [
    ("A written report analysing interview data.", "analyse"),
    ("The participant analyses a case.", "analyse"),
    ("Portfolio of evidence, assessed against criteria.", None),  # "assessed": not the learner
    ("Tentti, jossa luetellaan standardielementit.", "remember"),
    ("Deltagaren värderar två modeller i en essä.", "evaluate"),
    ("Osallistuja laatii kuvauksen ja esittelee sen.", "create"),
    ("", None),
])
def test_task_level_finds_verbs_in_any_position_and_language(text, level):
    """Task descriptions are not outcome sentences: verbs count wherever they stand."""
    assert task_level(text) == level


def test_empty_matrix_is_one_clear_finding():
    """Nothing at all: one finding that says what to add, and a chart that says so too."""
    r = check_alignment(Alignment())
    assert r.codes == ["empty"] and not r.ok and r.coverage == 0
    fig = plot_alignment(Alignment())
    assert "Add outcomes" in fig.axes[0].texts[0].get_text()


def test_outcomes_without_tasks_or_activities():
    """Missing tasks are an error, missing activities a warning; no per-outcome noise."""
    r = check_alignment(Alignment(outcomes=LO))
    assert r.codes == ["no-assessments", "no-activities"]


def test_tasks_without_outcomes_section():
    """Tasks naming outcomes that were never written down."""
    r = check_alignment(Alignment(assessments=(AssessmentTask("T1", "Analyse.", ("LO1",)),)))
    assert "no-outcomes" in r.codes and "unknown-outcome" in r.codes


def test_duplicate_ids_are_errors():
    """Two outcomes called LO1 make every link ambiguous."""
    r = check_alignment(aligned(outcomes=(LO[0], Outcome("LO1", LO[1].text))))
    assert "duplicate-id" in r.codes


def test_workload_spread_flags_untaught_and_thin_outcomes():
    """An outcome no activity prepares for, and one with a sliver of the time."""
    acts = (LearningActivity("A1", "Design studio", ("LO2",), 30),
            LearningActivity("A2", "Reading", ("LO1", "LO2"), 4),
            LearningActivity("A3", "Icebreaker", (), 1))
    r = check_alignment(aligned(activities=acts))
    assert r.hours_per_outcome == {"LO1": 2, "LO2": 32}
    assert "thin-workload" in r.codes and "activity-serves-nothing" in r.codes
    r = check_alignment(aligned(activities=acts[:1]))
    assert "not-taught" in r.codes


def test_spread_counts_activities_when_no_hours_are_given():
    """Without hours, each activity weighs the same."""
    acts = (LearningActivity("A1", "x", ("LO1",)), LearningActivity("A2", "y", ("LO2",)))
    r = check_alignment(aligned(activities=acts))
    assert r.hours_per_outcome == {"LO1": 1, "LO2": 1} and r.findings == ()


def test_design_file_round_trip_and_hours_from_the_workload_section():
    """Activities without hours take them from the workload activity of the same name."""
    doc = yaml.safe_load(DESIGN.read_text(encoding="utf-8"))
    a = Alignment.from_design(doc)
    assert [x.hours for x in a.activities] == [10, 40, 24]
    assert check_alignment(a).findings == ()
    again = Alignment.from_dict(yaml.safe_load(yaml.safe_dump(a.to_dict())),
                                outcomes_to_list(a.outcomes))
    assert again == a


def test_outcome_ids_as_text_and_plain_outcome_lists():
    """"LO1, LO2" works as a list; outcomes without ids are numbered LO1, LO2, ..."""
    a = Alignment.from_dict({"assessments": [{"task": "Analyse.", "outcomes": "LO1, LO2"}]},
                            ["First outcome.", "Second outcome."])
    assert a.assessments[0].outcomes == ("LO1", "LO2") and a.assessments[0].id == "T1"
    assert outcomes_from_list(["x"])[0] == Outcome("LO1", "x")


@pytest.mark.parametrize("data, outcomes, match", [
    ([], None, "mapping"),
    ({"activities": "webinars"}, None, "activities"),
    ({"assessments": [{"task": "x", "level": "expert"}]}, None, "level must be one of"),
    ({"activities": [{"name": "x", "hours": "lots"}]}, None, "hours must be a number"),
    ({}, "LO1", "'outcomes' must be a list"),
])
def test_malformed_sections_raise_a_clear_value_error(data, outcomes, match):
    """Structural mistakes are refused with a message that says what to fix."""
    with pytest.raises(ValueError, match=match):
        Alignment.from_dict(data, outcomes)


def test_heatmap_has_a_block_for_activities_and_one_for_tasks():
    """Rows are outcomes with their level; task cells show the task's level."""
    fig = plot_alignment(aligned())
    acts, tasks = fig.axes
    assert [x.get_text() for x in acts.get_yticklabels()] == ["LO1 · analyse", "LO2 · create"]
    assert {x.get_text() for x in tasks.texts} == {"analyse", "create"}


def test_heatmap_marks_unassessed_outcomes_and_low_tasks():
    """✗ for an outcome nobody assesses; ! for a task below its outcome's level."""
    tasks = (AssessmentTask("T1", "The participant lists risks.", ("LO1",)),)
    fig = plot_alignment(aligned(assessments=tasks), "fi")
    labels = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert labels[1].endswith("✗")
    assert "muistaa !" in {x.get_text() for x in fig.axes[1].texts}


# --- the editor's text form ----------------------------------------------------------------


def test_the_editors_texts_give_back_the_alignment_they_show():
    alignment = Alignment.from_design(yaml.safe_load(DESIGN.read_text(encoding="utf-8")))
    alignment = Alignment(alignment.outcomes, alignment.activities + (
        LearningActivity("A9", "Projekti 🛠️ <b>", ("LO1",), 1_234_567.5),
        LearningActivity("A10", "Webbinaari, 1,5 h tauko", (), 1.5)), alignment.assessments)
    texts = alignment_texts(alignment)
    assert texts[1].splitlines()[-2] == "A9: Projekti 🛠️ <b>, 1234567.5 h"  # not 1.23457e+06
    levels = {a.id: a.level for a in alignment.assessments if a.level}
    assert alignment_from_texts(*texts, links_of(alignment), levels) == alignment


@pytest.mark.parametrize(("line", "expected"), [
    ("Webinars, 6 h", ("Webinars", 6)), ("Webinar 2 (1,5 h)", ("Webinar 2", 1.5)),
    ("Verkkokurssi; 2.5 h", ("Verkkokurssi", 2.5)), ("Projekt (1 200 h)", ("Projekt", 1200)),
    ("Projekti, 1\u00a0200 h", ("Projekti", 1200)), ("Webinar 2", ("Webinar 2", None)),
    ("", ("", None)), ("🙂 h", ("🙂 h", None)), ("<i>6 h</i>", ("<i>6 h</i>", None)),
])
def test_hours_at_the_end_of_an_activity_line(line, expected):
    assert split_hours(line) == expected


def test_lines_keep_their_ids_or_are_numbered():
    assert parse_lines("LO7: First\n\nSecond", "LO") == [("LO7", "First"), ("LO2", "Second")]
    assert parse_lines("", "LO") == parse_lines(" \n\t\n", "LO") == []
    assert parse_lines("T1) <script>alert(1)</script>\nОценка 😀 bedömning", "T") == [
        ("T1", "<script>alert(1)</script>"), ("T2", "Оценка 😀 bedömning")]


def test_links_to_missing_outcomes_are_left_out_and_a_huge_text_is_read_whole():
    outcomes = "\n".join(f"LO{i}: Osaa analysoida {i}" for i in range(1, 1000))
    activities = "A1: Webinar, 6 h\n" + "harjoitus, 1 h\n" * 20_000
    alignment = alignment_from_texts(outcomes, activities, "T1: Report",
                                     {("LO1", "A1"), ("LO1000", "A1"), ("LO2", "T1")})
    assert len(alignment.outcomes) == 999 and len(alignment.activities) == 20_001
    assert alignment.activities[0].outcomes == ("LO1",) and alignment.activities[0].hours == 6
    assert alignment.assessments[0].outcomes == ("LO2",)
    assert alignment.assessments[0].level is None


def test_hours_taken_from_the_workload_are_not_written_twice():
    """The fixture's activities have no hours of their own: they show the workload's and the
    sections saved leave them out again, unless the participant changed them."""
    doc = yaml.safe_load(DESIGN.read_text(encoding="utf-8"))
    taken = hours_from_workload(doc)
    assert taken == {"webinars": 10, "reading and exercises": 40, "course design in own work": 24}
    shown = Alignment.from_design(doc)
    sections = alignment_sections(shown, taken)
    assert sections["alignment"] == doc["alignment"]
    assert sections["outcomes"] == [{"id": o["id"], "text": o["text"]} for o in doc["outcomes"]]
    webinars = LearningActivity("A1", "  WEBINARS ", ("LO1",), 12)  # changed: written here
    assert alignment_sections(Alignment(shown.outcomes, (webinars,)), taken)["alignment"][
        "activities"] == [{"id": "A1", "name": "  WEBINARS ", "outcomes": ["LO1"], "hours": 12}]


@pytest.mark.parametrize("doc", [{}, {"workload": "x"}, {"workload": {"activities": "x"}},
                                 {"alignment": None, "workload": {"activities": [None, 3]}}])
def test_no_workload_takes_no_hours(doc):
    assert hours_from_workload(doc) == {}
    assert alignment_sections(Alignment()) == {"outcomes": [], "alignment": {
        "activities": [], "assessments": []}}
