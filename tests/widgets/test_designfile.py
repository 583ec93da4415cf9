"""The load/save bar under each practice tool, driven headless as a participant would click."""

from __future__ import annotations

import shutil

import pytest

from microcred import design
from microcred.widgets import (
    alignment_editor,
    credential_builder,
    design_bar,
    needs_canvas,
    outcome_coach,
    pathway_viewer,
    qa_self_assessment,
    workload_calculator,
)
from microcred.widgets.designfile import on_binder
from tests.helpers.paths import REPO

CAPSTONE = REPO / "microcred" / "examples" / "capstone-example.yaml"


@pytest.fixture
def mine(tmp_path):
    path = tmp_path / "mine.yaml"
    shutil.copy(CAPSTONE, path)
    return path


def test_binder_is_recognised_from_its_environment():
    assert on_binder({"BINDER_SERVICE_HOST": "10.0.0.1"})
    assert on_binder({"BINDER_REQUEST": "v2/gh/org/repo/main"})
    assert on_binder({"JUPYTERHUB_SERVICE_PREFIX": "/binder/jupyter/user/org-repo-abc/"})
    assert not on_binder({"JUPYTERHUB_SERVICE_PREFIX": "/user/aino/"})
    assert not on_binder({})


def test_the_binder_reminder_shows_only_on_binder(mine):
    coach = outcome_coach()
    here = design_bar(coach, path=str(mine), environ={})
    binder = design_bar(coach, path=str(mine), environ={"BINDER_SERVICE_HOST": "x"})
    assert here.children[-1] is here.status
    assert "download" in binder.reminder.value.lower() and mine.name in binder.reminder.value
    binder.file.value = "other"
    assert "other.yaml" in binder.reminder.value


@pytest.mark.parametrize("make", [outcome_coach, credential_builder, workload_calculator,
                                  alignment_editor, pathway_viewer, needs_canvas])
def test_each_tool_loads_its_section_and_saves_it_back_unchanged(mine, make):
    """Load then save through the tool: the file reads the same (only the credential's values
    come back as codes: "application of a skill" -> application-of-skill)."""
    before = design.load(mine)
    tool = make()
    bar = design_bar(tool, path=str(mine))
    assert bar.load(), bar.status.value
    assert "Loaded from" in bar.status.value
    assert bar.save(), bar.status.value
    after = design.load(mine)
    before["credential"]["assessment"] = ["application-of-skill", "portfolio"]
    after["credential"]["assessment"] = ["application-of-skill", "portfolio"]
    assert after == before


def test_the_outcome_coach_saves_edits_with_their_ids(mine):
    coach = outcome_coach(design_file=str(mine))
    assert coach.design_bar in coach.children
    coach.design_bar.load()
    assert len(coach.results) == 4
    lines = coach.text.value.splitlines()
    coach.text.value = "\n".join([lines[1], lines[0] + " Safely.", "Deltagaren kan planera."])
    coach.design_bar.save()
    saved = design.read_section(mine, "outcomes")
    assert [o["id"] for o in saved] == ["LO2", "LO1", "LO3"]
    assert design.load(mine)["alignment"] == design.load(CAPSTONE)["alignment"]


def test_saving_to_a_new_file_starts_it_from_the_template(tmp_path):
    calc = workload_calculator(ui="fi")
    bar = design_bar(calc, path=str(tmp_path / "uusi"))
    assert not bar.load() and "tiedostoa ei ole" in bar.status.value
    assert bar.save() and "Tallennettu" in bar.status.value
    doc = design.load(tmp_path / "uusi.yaml")
    assert doc["credential"]["language"] == "fi"
    assert doc["workload"]["activities"] == calc.workload.to_dict()["activities"]


def test_problems_show_in_the_status_and_leave_the_tool_as_it_was(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("outcomes: [a\n", encoding="utf-8")
    coach = outcome_coach("The participant can explain ECTS.")
    bar = design_bar(coach, path=str(broken))
    assert not bar.load() and not bar.save()
    assert "line" in bar.status.value and 'class="mc-error"' in bar.status.value
    assert coach.text.value == "The participant can explain ECTS."
    empty = design.new_design(tmp_path / "empty.yaml")
    bar.file.value = str(empty)
    assert not bar.load() and "nothing" in bar.status.value


def test_the_self_assessment_is_saved_beside_the_design_file(mine):
    tool = qa_self_assessment()
    bar = design_bar(tool, path=str(mine))
    assert not bar.load() and "mine.qa.json" in bar.status.value  # none saved yet
    shutil.copy(CAPSTONE.with_name("capstone-example.qa.json"), design.qa_path(mine))
    assert bar.load()
    assert tool.assessment.credential.startswith("Digital tools")
    tool.credential.value = "Mine"
    assert bar.save() and "mine.qa.json" in bar.status.value
    assert design.load_qa(mine).credential == "Mine"


def test_any_section_with_own_get_and_set(mine):
    shown = []
    bar = design_bar("pathway", get=lambda: {"credentials": []}, set=shown.append,
                     path=str(mine))
    assert bar.load() and shown[0]["this"] == "MC1"
    assert bar.save() and design.read_section(mine, "pathway")["credentials"] == []
    with pytest.raises(TypeError):
        design_bar(object())


def test_the_builders_own_save_writes_only_its_sections_into_a_design_file(mine):
    """The credential builder's "Save description" on the design file keeps the other sections
    (on a flat description file it still writes the flat description, as before)."""
    before = design.load(mine)
    builder = credential_builder("machine-vision", folder=mine.parent)
    builder.file_name.value = mine.stem
    assert builder.save("yaml") == mine
    after = design.load(mine)
    assert after["credential"]["title"] == "Machine vision for quality inspection"
    assert [o["id"] for o in after["outcomes"]] == ["LO1", "LO2", "LO3", "LO4"]
    for section in ("workload", "alignment", "pathway", "needs"):
        assert after[section] == before[section]


def test_the_needs_canvas_loads_a_design_and_its_own_save_keeps_the_other_sections(mine):
    before = design.load(mine)
    canvas = needs_canvas()
    design_bar(canvas, path=str(mine)).load()
    assert canvas.organisation.value.startswith("Northbay home care")
    canvas.sector.value = "home care"
    canvas.path.value = str(mine)
    canvas.save()
    after = design.load(mine)
    assert after["needs"]["sector"] == "home care"
    assert after["needs"]["stakeholders"][0]["interest"].startswith("fewer medication errors")
    assert {k: v for k, v in after.items() if k != "needs"} == {
        k: v for k, v in before.items() if k != "needs"}
