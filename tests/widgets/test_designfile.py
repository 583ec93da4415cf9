"""The load/save bar under each practice tool, driven headless as a participant would click."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest

from microcred import design
from microcred.widgets import (
    alignment_editor,
    credential_builder,
    design_bar,
    design_desk,
    hand_in,
    needs_canvas,
    needs_matcher,
    outcome_coach,
    pathway_viewer,
    price_calculator,
    qa_self_assessment,
    workload_calculator,
)
from microcred.widgets.designfile import Adapter, on_binder
from microcred.widgets.outcomes import OutcomeCoach
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
                                  alignment_editor, pathway_viewer, needs_canvas,
                                  needs_matcher])
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
    calc.add_activity("Oma tehtävä", "independent", 5)
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
    bar = design_bar("pathway", get=lambda: shown[-1] if shown else {}, set=shown.append,
                     path=str(mine))
    assert bar.load() and shown[0]["this"] == "MC1"
    shown.append({**shown[0], "credentials": []})  # the participant's edit
    assert bar.save() and design.read_section(mine, "pathway")["credentials"] == []
    with pytest.raises(TypeError):
        design_bar(object())


def test_a_new_tool_without_an_adapter_is_told_what_to_add():
    """Each tool says which section it edits (``design_adapter``); a tool that does not gets
    a sentence naming it and both ways out, not a lookup by class name."""

    class CostSheet:
        ui = "en"

    with pytest.raises(TypeError, match=r"^CostSheet has no design_adapter\(\) method.*"
                                        r"designfile\.Adapter.*get= and set="):
        design_bar(CostSheet())
    with pytest.raises(TypeError, match="give get= and set="):
        design_bar("pathway")


def test_a_new_tool_declares_its_section_and_a_subclass_keeps_it(mine):
    class CostSheet:
        ui = "fi"
        input_error = ""

        def __init__(self):
            self.shown = None

        def design_adapter(self):
            return Adapter("commissioned", lambda: self.shown, self.show)

        def show(self, section):
            self.shown = section

    sheet = CostSheet()
    bar = design_bar(sheet, path=str(mine))
    assert bar.ui == "fi" and bar.sections == ("commissioned",)
    sheet.input_error = "Hinta ei ole luku."
    assert not bar.save() and "Hinta ei ole luku." in bar.status.value

    class MyCoach(OutcomeCoach):  # was unknown: the adapters were looked up by class name
        pass

    coach = MyCoach()
    assert design_bar(coach, path=str(mine)).load()
    assert coach.outcomes_section() == design.load(mine)["outcomes"]


# --- regression tests of issue 14 (and issue 15, item 11) ------------------------------------


def test_the_builder_saved_without_load_never_replaces_the_outcomes(mine):
    """Pressing Save in a builder opened on the example, without Load, replaced the design's
    outcomes with the example's. Now only what the participant changed is saved, and a
    section of the file the builder never loaded is not overwritten without asking."""
    before = design.load(mine)
    builder = credential_builder("machine-vision", design_file=str(mine))
    bar = builder.design_bar
    assert not bar.save()  # nothing typed: the example is not saved over anything
    assert design.load(mine) == before
    builder.title.value = "My own title"  # an edit of the credential only
    assert not bar.save()
    assert "has not loaded" in bar.status.value and "Replace" in bar.status.value
    assert bar.replace_button.layout.display != "none"
    assert design.load(mine) == before
    bar.replace_button.click()  # the participant decides: my form replaces the credential
    after = design.load(mine)
    assert after["credential"]["title"] == "My own title"
    assert after["outcomes"] == before["outcomes"]  # never touched in the builder: kept
    assert {k: v for k, v in after.items() if k != "credential"} == {
        k: v for k, v in before.items() if k != "credential"}


def test_alignment_edits_to_the_outcomes_are_saved(mine):
    """The alignment bar says it saves "Learning outcomes, Alignment": edits made in its
    outcomes box were dropped on save. Now they are saved, with their ids."""
    editor = alignment_editor(design_file=str(mine))
    assert editor.design_bar.load()
    lines = editor.outcomes.value.splitlines()
    lines[0] = "LO1: The participant can plan a safe home visit with a client."
    editor.outcomes.value = "\n".join(lines)
    editor.tick("LO1", "T1", True)
    assert editor.design_bar.save(), editor.design_bar.status.value
    saved = design.load(mine)
    assert saved["outcomes"][0] == {"id": "LO1", "text": lines[0][5:]}
    assert "LO1" in next(t for t in saved["alignment"]["assessments"] if t["id"] == "T1")[
        "outcomes"]


def test_a_save_from_another_notebook_in_between_is_not_overwritten(mine):
    """Two notebooks hold the same file: the coach saves new outcomes; the alignment editor,
    loaded before that, then saves its ticks. The coach's outcomes stay; and an edit of the
    outcomes in the editor asks before it overwrites them."""
    editor = alignment_editor(design_file=str(mine))
    editor.design_bar.load()
    coach = outcome_coach(design_file=str(mine))
    coach.design_bar.load()
    coach.text.value += "\nThe participant can evaluate a home-care app."
    assert coach.design_bar.save()
    editor.tick("LO2", "T1", True)  # the alignment only
    assert editor.design_bar.save(), editor.design_bar.status.value
    assert len(design.read_section(mine, "outcomes")) == 5  # the coach's work is there
    editor.outcomes.value += "\nLO9: The participant can explain the pathway."
    assert not editor.design_bar.save()
    assert "changed in the file after this tool loaded it" in editor.design_bar.status.value
    assert len(design.read_section(mine, "outcomes")) == 5
    assert editor.design_bar.load()  # see the file's version, then save again
    editor.outcomes.value += "\nLO9: The participant can explain the pathway."
    assert editor.design_bar.save()
    assert [o["id"] for o in design.read_section(mine, "outcomes")][-2:] == ["LO5", "LO9"]


def test_saved_is_shown_only_after_the_file_reads_back(mine, monkeypatch):
    """If the disk does not hold what was written, the bar says so instead of "Saved"."""
    from microcred.design import _file

    calc = workload_calculator(design_file=str(mine))
    calc.design_bar.load()
    calc.credits.value = 4
    real = _file.load
    monkeypatch.setattr(_file, "load", lambda p, lang="en": {**real(p, lang), "workload": {}})
    assert not calc.design_bar.save()
    assert "does not read back" in calc.design_bar.status.value
    assert "Saved" not in calc.design_bar.status.value


def test_the_needs_canvas_saves_into_the_design_file_not_a_file_of_its_own(mine):
    """Its own Save wrote my-needs.yaml, not the design file the notebook promises."""
    before = design.load(mine)
    canvas = needs_canvas(design_file=str(mine))
    assert canvas.design_bar.load()
    assert canvas.organisation.value.startswith("Northbay home care")
    canvas.sector.value = "home care"
    assert canvas.design_bar.save()
    after = design.load(mine)
    assert after["needs"]["sector"] == "home care"
    assert after["needs"]["stakeholders"][0]["interest"].startswith("fewer medication errors")
    assert {k: v for k, v in after.items() if k != "needs"} == {
        k: v for k, v in before.items() if k != "needs"}
    assert sorted(p.name for p in mine.parent.iterdir()) == ["mine.yaml"]


def test_the_needs_matcher_saves_its_needs_beside_outcomes_of_several_credentials(mine):
    """The matcher's example compares outcomes of two micro-credentials: saving the needs
    still works; such outcomes are not the design's and are not saved."""
    before = design.load(mine)
    matcher = needs_matcher("A need", "First:\nThe participant can a.\nSecond:\nThey can b.",
                            design_file=str(mine))
    matcher.needs.value += "\nMentoring"
    matcher.design_bar.file.value = str(mine.with_name("new.yaml"))
    assert matcher.design_bar.save(), matcher.design_bar.status.value
    saved = design.load(mine.with_name("new.yaml"))
    assert [n["text"] for n in saved["needs"]["competence_needs"]] == ["A need", "Mentoring"]
    assert design.is_blank(saved["outcomes"]) and design.load(mine) == before


def test_the_needs_matcher_loads_and_saves_its_lists(mine):
    before = design.load(mine)
    matcher = needs_matcher(design_file=str(mine))
    assert matcher.design_bar.load()
    assert matcher.needs.value.splitlines()[0] == before["needs"]["competence_needs"][0]["text"]
    assert len(matcher.outcomes.value.splitlines()) == len(before["outcomes"])
    matcher.outcomes.value += "\nThe participant can mentor a new colleague."
    assert matcher.design_bar.save(), matcher.design_bar.status.value
    after = design.load(mine)
    assert after["outcomes"][:4] == before["outcomes"]
    assert after["outcomes"][4] == {"id": "LO5",
                                    "text": "The participant can mentor a new colleague."}
    assert after["needs"] == before["needs"]  # not changed in the matcher: not written
    matcher.needs.value += "\nMentoring of new staff"
    assert matcher.design_bar.save()
    needs = design.read_section(mine, "needs")["competence_needs"]
    assert needs[:-1] == before["needs"]["competence_needs"]  # details kept
    assert needs[-1]["text"] == "Mentoring of new staff"


def test_the_price_calculator_loads_and_saves_the_commissioned_section(mine):
    before = design.load(mine)
    calc = price_calculator(design_file=str(mine))
    calc.participants.value = 16
    calc.price_per_participant.value = "700"
    assert calc.design_bar.save(), calc.design_bar.status.value
    saved = design.read_section(mine, "commissioned")
    assert saved["participants"] == 16 and saved["price_per_participant"] == 700
    assert {k: v for k, v in design.load(mine).items() if k != "commissioned"} == before
    other = price_calculator(design_file=str(mine))
    assert other.design_bar.load()
    assert other.participants.value == 16 and other.price_per_participant.value == "700"
    assert other.model == calc.model
    other.price_per_participant.value = "seven hundred"
    assert "not a number" in other.feedback.value and not other.design_bar.save()
    assert design.read_section(mine, "commissioned")["price_per_participant"] == 700


# --- the design desk: no commands for participants ---------------------------------------------


def test_the_desk_creates_checks_and_exports_the_design_file_without_code(tmp_path):
    desk = design_desk(str(tmp_path / "oma"), ui="fi")
    desk.language.value = "sv"
    desk.check_button.click()
    assert "mc-error" in desk.status.value and "oma.yaml" in desk.status.value  # no file yet
    desk.create_button.click()
    assert "mc-ok" in desk.status.value
    assert design.language_of(design.load(tmp_path / "oma.yaml")) == "sv"
    desk.create_button.click()  # never over the participant's file
    assert "säilyy" in desk.status.value
    shutil.copy(CAPSTONE, tmp_path / "oma.yaml")
    shutil.copy(CAPSTONE.with_name("capstone-example.qa.json"), tmp_path / "oma.qa.json")
    desk.check_button.click()
    assert "mc-ok" in desk.status.value and "Design check" in desk.report.value
    desk.export_button.click()
    names = re.findall(r'download="([^"]+)"', desk.downloads.value)
    assert names == ["oma.card.html", "oma.catalogue.md", "oma.qa.html"]
    assert "Traceback" not in desk.downloads.value and "learner" in desk.downloads.value
    desk.learner.value = "Maija"
    desk.issued.value = dt.date(2026, 6, 1)
    desk.export_button.click()
    assert "oma.badge.json" in re.findall(r'download="([^"]+)"', desk.downloads.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oma.qa.json", "oma.yaml"]


def test_the_desk_says_what_is_wrong_in_a_sentence(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("credential: [a\n", encoding="utf-8")
    desk = design_desk(str(broken))
    for button in (desk.check_button, desk.export_button):
        button.click()
        assert "mc-error" in desk.status.value and "line" in desk.status.value
        assert "Traceback" not in desk.status.value and "Error(" not in desk.status.value


def test_the_hand_in_button_puts_the_design_file_into_the_assignment_folder(tmp_path):
    """The capstone's upload: the file lands beside the notebook under its own name and is
    checked at once; other files are refused with a sentence."""
    widget = hand_in(str(tmp_path))
    widget.upload.value = (
        {"name": "my-microcredential.yaml", "content": memoryview(CAPSTONE.read_bytes()),
         "type": "", "size": 1, "last_modified": dt.datetime(2026, 12, 4)},
        {"name": "../../evil.sh", "content": memoryview(b"rm -rf ~"), "type": "", "size": 1,
         "last_modified": dt.datetime(2026, 12, 4)},
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-microcredential.yaml"]
    assert (tmp_path / "my-microcredential.yaml").read_bytes() == CAPSTONE.read_bytes()
    assert "my-microcredential.yaml" in widget.status.value
    assert "evil.sh was not saved" in widget.status.value
    assert "Design check" in widget.report.value


def test_the_hand_in_button_follows_the_folders_screen_language(tmp_path):
    """In a Finnish assignment's folder (its microcred-settings.yaml says ui: fi) the upload
    button and the check of the uploaded file are Finnish."""
    from microcred.i18n import t
    from microcred.settings import save_screen_language

    save_screen_language("fi", folder=tmp_path)
    widget = hand_in(str(tmp_path))
    assert widget.upload.description == t("design.handin.upload", "fi")
    widget.upload.value = ({"name": "my-microcredential.yaml",
                            "content": memoryview(CAPSTONE.read_bytes()), "type": "", "size": 1,
                            "last_modified": dt.datetime(2026, 12, 4)},)
    assert t("design.report.title", "fi") in widget.report.value
    assert t("design.report.title", "en") not in widget.report.value
    assert hand_in(str(tmp_path), ui="sv").upload.description == t("design.handin.upload", "sv")
