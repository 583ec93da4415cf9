"""The pathway viewer, driven headless by ticking completed credentials and editing YAML."""

from __future__ import annotations

import yaml

from microcred import design
from microcred.widgets import pathway_viewer
from tests.helpers.charts import chart_parts
from tests.helpers.paths import REPO

DESIGN = yaml.safe_load(
    (REPO / "tests" / "data" / "design" / "microcredential.yaml").read_text(encoding="utf-8")
)


def test_viewer_shows_plan_findings_and_diagram():
    """The fixture: MC1 done, 7 credits to go, no problems."""
    v = pathway_viewer(DESIGN)
    assert "3 of 10 credits done; 7 still needed." in v.plan.value
    assert "No problems found" in v.feedback.value
    assert [b.description for b in v.completed.children] == ["MC1", "MC2", "MC3", "MC4"]
    assert v.completed.children[0].value is True
    _src, alt = chart_parts(v.chart)
    assert alt.startswith("Diagram: micro-credentials from left to right")


def test_ticking_completed_credentials_updates_the_plan_and_diagram():
    """Completing MC2 and MC3 leaves MC4, now available."""
    v = pathway_viewer(DESIGN)
    first, _alt = chart_parts(v.chart)
    v.set_completed(["MC1", "MC2", "MC3"])
    assert "8 of 10 credits done; 2 still needed." in v.plan.value
    assert "Can be taken now: MC4." in v.plan.value
    assert chart_parts(v.chart)[0] != first  # redrawn
    v.set_completed(["MC1", "MC2", "MC3", "MC4"])
    assert "The target is reached." in v.plan.value


def test_editing_the_yaml_into_a_cycle_reports_it():
    """A circle of prerequisites typed into the text box is named."""
    v = pathway_viewer(DESIGN)
    v.text.value = ("credentials:\n- {id: A, credits: 2, prerequisites: [B]}\n"
                    "- {id: B, credits: 2, prerequisites: [A]}\n")
    assert "A → B → A" in v.feedback.value
    assert [b.description for b in v.completed.children] == ["A", "B"]


def test_a_yaml_typo_takes_away_the_old_results_and_blocks_saving(tmp_path):
    """Regression (issue 14): after a typo the old diagram and "No problems found" stayed, and
    Save wrote the old pathway. Now the error is all that shows, and nothing is saved."""
    mine = tmp_path / "mine.yaml"
    v = pathway_viewer(DESIGN, design_file=str(mine))
    v.text.value = "credentials: [{id: A, credits: 3}]"
    assert v.design_bar.save()
    assert saved_credentials(mine) == [{"id": "A", "credits": 3}]
    v.text.value = "credentials: [ {id: B"
    assert "could not be read as YAML" in v.error.value
    assert v.plan.value == v.feedback.value == v.chart.value == ""
    assert not v.design_bar.save()
    assert "Correct it first" in v.design_bar.status.value
    assert saved_credentials(mine) == [{"id": "A", "credits": 3}]
    v.text.value = "credentials: [{id: B, credits: 2}]"
    assert v.error.value == "" and "0 of 2 credits done" in v.plan.value
    assert v.design_bar.save()
    assert saved_credentials(mine) == [{"id": "B", "credits": 2}]


def saved_credentials(path) -> list:
    """The pathway's credentials in the design file, blanks left out."""
    return design.comparable(design.read_section(path, "pathway"))["credentials"]


def test_viewer_accepts_yaml_text_and_escapes_titles():
    """YAML text in; a title with markup is never markup in the page."""
    v = pathway_viewer("credentials: [{id: A, title: '<b>x</b>', credits: 0}]", ui="sv")
    assert "<b>x" not in v.feedback.value and 'data-code="bad-credits"' in v.feedback.value
    assert "poäng" in v.feedback.value


def test_a_yaml_typo_is_told_in_the_screen_language():
    """The frame was Finnish, the YAML problem inside it English."""
    v = pathway_viewer(DESIGN, ui="fi", design_file=None)
    v.text.value = "credentials: [ {id: B"
    assert "Tekstiä ei voitu lukea YAML-muodossa: YAML, rivi" in v.error.value
    assert "the YAML cannot be read" not in v.input_error
