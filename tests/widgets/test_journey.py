"""The journey: a scripted participant goes through every practice notebook's tool in course
order, with one design file, typing known values as a participant does (headless: widget values
and button clicks). Another notebook saves in between. At the end the design file holds exactly
what was entered, and the capstone check reads every section."""

from __future__ import annotations

import datetime as dt

from microcred import design
from microcred.widgets import (
    alignment_editor,
    credential_builder,
    needs_canvas,
    needs_matcher,
    outcome_coach,
    pathway_viewer,
    price_calculator,
    qa_self_assessment,
    workload_calculator,
)

OUTCOMES = ["The participant can plan a safe medication round in a client's home.",
            "The participant can document medication events in the client information system."]
LATER = "The participant can apply data protection rules when recording client information."


def saved(bar) -> None:
    """Press Save as a participant does; the bar must say Saved (after reading back)."""
    bar.save_button.click()
    assert 'class="mc-ok"' in bar.status.value and "Saved to" in bar.status.value, \
        bar.status.value


def loaded(bar) -> None:
    bar.load_button.click()
    assert "Loaded from" in bar.status.value, bar.status.value


def test_a_participant_goes_through_every_tool_and_the_design_file_holds_it_all(tmp_path):
    path = str(tmp_path / "my-microcredential.yaml")

    # Module 1: the outcome coach (its notebook gives the design file).
    coach = outcome_coach("\n".join(["Understand medication."]), design_file=path)
    coach.text.value = "\n".join(OUTCOMES)
    saved(coach.design_bar)

    # Module 2: the credential builder, opened on its example, loads the file first.
    builder = credential_builder("machine-vision", design_file=path)
    loaded(builder.design_bar)
    assert builder.outcomes.value.splitlines() == OUTCOMES
    builder.title.value = "Safe medication in home care"
    builder.awarding_name.value = "Northbay UAS"
    builder.country.value = "FI"
    builder.credits.value = "3"
    builder.hours.value = "81"
    builder.convention.value = "fi"
    builder.eqf.value = "5"
    builder.assessment.value = ("portfolio",)
    builder.participation.value = "blended"
    builder.quality_assurance.value = "Degree programme board"
    builder.start.value = dt.date(2027, 1, 11)
    # ... meanwhile the coach, still open in its own notebook, adds an outcome and saves.
    coach.text.value = "\n".join([*OUTCOMES, LATER])
    saved(coach.design_bar)
    saved(builder.design_bar)  # the credential only: the coach's outcome stays

    # Module 3: workload, alignment, pathway.
    calc = workload_calculator(design_file=path)
    for row in list(calc.rows):
        calc.remove_activity(row)
    calc.convention.value = "fi"
    calc.credits.value = 3
    calc.weeks.value = 10
    calc.add_activity("Online sessions", "contact", 8)
    calc.add_activity("Practice at work", "work-based", 60)
    calc.add_activity("Portfolio", "assessment", 13)
    saved(calc.design_bar)

    editor = alignment_editor(design_file=path)
    loaded(editor.design_bar)
    assert editor.outcomes.value.splitlines() == [
        f"LO{n}: {text}" for n, text in enumerate([*OUTCOMES, LATER], 1)]
    editor.activities.value = "A1: Online sessions\nA2: Practice at work"
    editor.tasks.value = ("T1: The participant plans a medication round, checked by a mentor.\n"
                          "T2: The participant documents three events in the system.")
    for oid, item in [("LO1", "A2"), ("LO1", "T1"), ("LO2", "A2"), ("LO2", "T2"),
                      ("LO3", "A1"), ("LO3", "T2")]:
        editor.tick(oid, item, True)
    saved(editor.design_bar)

    viewer = pathway_viewer(design_file=path)
    viewer.text.value = ("stacks_into: {title: Home care specialisation, credits: 6}\n"
                         "this: MC1\ncredentials:\n- {id: MC1, title: Safe medication, credits: 3}"
                         "\n- {id: MC2, title: Remote care, credits: 3, prerequisites: [MC1]}\n")
    saved(viewer.design_bar)

    # Module 4: the quality self-assessment, shown again in Finnish before it is filled in.
    qa_self_assessment(design_file=path)
    tool = qa_self_assessment(ui="fi", design_file=path)
    scores = dict(zip(list(tool.rows)[:4], [3, 2, 4, 1]))
    for cid, score in scores.items():
        tool.rows[cid].score.value = score
    tool.credential.value = "Safe medication in home care"
    saved_fi(tool.design_bar)

    # Module 6: the needs canvas and the matcher.
    canvas = needs_canvas(design_file=path)
    canvas.organisation.value = "Northbay home care"
    canvas.sector.value = "home care"
    canvas.stakeholders.value = "Head of home care (customer)\nPractical nurses (learners)"
    canvas.needs.value = ("Safe medication in client homes | high | 6 kk | incident reports\n"
                          "Documentation of medication | medium | year | audit")
    canvas.target_group.value = "Practical nurses in home care"
    canvas.time.value = "spring 2027"
    canvas.place.value = "at work and online"
    canvas.budget.value = "12 000"
    saved(canvas.design_bar)

    matcher = needs_matcher("Some need", "Some outcome", design_file=path)
    loaded(matcher.design_bar)
    matcher.needs.value += "\nData protection in client records"
    saved(matcher.design_bar)

    # Module 7: commissioned pricing.
    price = price_calculator(design_file=path)
    price.roles.value = "teacher; 40; 85\nmentor; 20; 60"
    price.participants.value = 16
    price.price_per_participant.value = "650"
    saved(price.design_bar)

    # The file holds exactly what was entered, section by section.
    doc = design.load(path)
    assert doc["outcomes"] == [{"id": f"LO{n}", "text": text}
                               for n, text in enumerate([*OUTCOMES, LATER], 1)]
    credential = doc["credential"]
    assert credential["title"] == "Safe medication in home care"
    assert credential["awarding_body"]["name"] == "Northbay UAS"
    assert credential["workload"] == {"ects": 3, "hours": 81, "convention": "fi"}
    assert credential["level"]["eqf"] == 5 and credential["assessment"] == ["portfolio"]
    assert credential["dates"]["start"] == dt.date(2027, 1, 11)
    assert design.comparable(doc["workload"]) == {
        "convention": "fi", "credits": 3, "weeks": 10,
        "activities": [{"name": "Online sessions", "kind": "contact", "hours": 8},
                       {"name": "Practice at work", "kind": "work-based", "hours": 60},
                       {"name": "Portfolio", "kind": "assessment", "hours": 13}]}
    tasks = {t["id"]: t["outcomes"] for t in doc["alignment"]["assessments"]}
    assert tasks == {"T1": ["LO1"], "T2": ["LO2", "LO3"]}
    acts = {a["id"]: a["outcomes"] for a in doc["alignment"]["activities"]}
    assert acts == {"A1": ["LO3"], "A2": ["LO1", "LO2"]}
    assert [c["id"] for c in doc["pathway"]["credentials"]] == ["MC1", "MC2"]
    needs = doc["needs"]
    assert needs["organisation"] == "Northbay home care"
    assert [(n["text"], n.get("priority"), n.get("urgency")) for n in needs["competence_needs"]
            ] == [("Safe medication in client homes", "high", "now"),
                  ("Documentation of medication", "medium", "year"),
                  ("Data protection in client records", None, None)]
    assert needs["constraints"]["budget"] == 12000
    assert doc["commissioned"]["participants"] == 16
    assert doc["commissioned"]["price_per_participant"] == 650
    assert [r["role"] for r in doc["commissioned"]["roles"]] == ["teacher", "mentor"]
    assessment = design.load_qa(path)
    assert assessment.answers == scores and assessment.language == "fi"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-microcredential.qa.json",
                                                          "my-microcredential.yaml"]

    # The capstone check reads every section.
    report = design.check_file(path)
    assert {p.name: p.status for p in report.parts if p.status == "not started"} == {}
    assert report.part("qa").summary.startswith("4 of 25 criteria rated")


def saved_fi(bar) -> None:
    bar.save_button.click()
    assert 'class="mc-ok"' in bar.status.value and "Tallennettu" in bar.status.value, \
        bar.status.value
