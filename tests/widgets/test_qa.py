"""The self-assessment widget, driven headless by value changes as a participant would click."""

from __future__ import annotations

import json

from microcred import qa
from microcred.widgets import SelfAssessmentTool, qa_self_assessment
from microcred.widgets.qa import plan_html
from tests.helpers.charts import chart_parts


def test_one_tab_per_principle_with_a_0_to_4_choice_per_criterion():
    tool = qa_self_assessment()
    assert len(tool.tabs.children) == 10
    assert tool.tabs.titles[0] == "1 Quality" and tool.tabs.titles[9].startswith("10 ")
    assert len(tool.rows) == len(qa.instrument().criteria)
    row = tool.rows["portable.digital"]
    assert [v for _, v in row.score.options] == [0, 1, 2, 3, 4]
    assert row.score.value is None and "Not answered yet" in row.anchor.value
    assert "Established and improved" in row.score.tooltips[4]


def test_choosing_a_score_shows_its_anchor_and_redraws_chart_and_plan():
    tool = qa_self_assessment()
    (chart, alt), plan = chart_parts(tool.chart), tool.plan.value
    assert alt.startswith("Radar chart of the mean score per principle: 1 Quality: –;")
    assert "No plan yet" in plan
    tool.rows["portable.digital"].score.value = 0
    assert "Not in place" in tool.rows["portable.digital"].anchor.value
    new_chart, new_alt = chart_parts(tool.chart)  # redrawn; the alt text gives the numbers
    assert new_chart != chart and new_alt != alt and ": 0.0" in new_alt
    assert 'data-criterion="portable.digital"' in tool.plan.value
    assert "1 of 25 criteria answered" in tool.progress.value
    chart = tool.chart.value
    tool.rows["portable.digital"].note.value = "only a PDF"  # a note does not change the profile
    assert tool.chart.value is chart
    tool.rows["portable.digital"].score.value = 4
    assert "portable.digital" not in tool.plan.value and tool.chart.value != chart
    assert ": 4.0" in chart_parts(tool.chart)[1]


def test_widget_state_is_the_core_assessment_and_gives_the_same_plan():
    tool = qa_self_assessment(qa.example())
    a = tool.assessment
    assert a.scores() == qa.example().scores() and a.credential == qa.example().credential
    assert plan_html(a) == tool.plan.value
    assert qa.development_plan(a)[0].criterion.id in tool.plan.value


def test_save_and_open_round_trip(tmp_path):
    path = tmp_path / "mine.json"
    tool = SelfAssessmentTool(path=str(path))
    tool.credential.value = "Riskanalys"
    tool.rows["quality.review"].score.value = 2
    tool.rows["quality.review"].note.value = "Granskning i juni."
    tool.save_button.click()
    assert "Saved to" in tool.status.value and path.exists()
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == {"quality.review": 2}
    other = SelfAssessmentTool(path=str(path))
    other.load_button.click()
    assert "Opened" in other.status.value
    assert other.rows["quality.review"].score.value == 2
    assert other.rows["quality.review"].note.value == "Granskning i juni."
    assert other.credential.value == "Riskanalys"
    assert qa_self_assessment(str(path)).assessment == other.assessment


def test_a_broken_file_is_reported_and_leaves_the_answers_as_they_were(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"answers": ', encoding="utf-8")
    tool = SelfAssessmentTool(qa.example(), path=str(bad))
    before = tool.assessment
    tool.load()
    assert "not valid JSON" in tool.status.value and "✗" in tool.status.value
    assert tool.assessment == before


def test_a_failed_save_is_reported_and_keeps_the_earlier_file(tmp_path, monkeypatch):
    import os

    path = tmp_path / "mine.json"
    tool = SelfAssessmentTool(qa.example(), path=str(path))
    tool.save()
    before = path.read_bytes()
    tool.rows["portable.digital"].score.value = 4
    monkeypatch.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(OSError(13, "Permission denied")))
    tool.save()
    assert "could not be saved (Permission denied)" in tool.status.value
    assert path.read_bytes() == before


def test_odd_values_in_a_loaded_file_are_shown_as_findings(tmp_path):
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"answers": {"quality.review": 9, "portable.data": 2}}),
                    encoding="utf-8")
    tool = SelfAssessmentTool(path=str(path))
    tool.load()
    assert 'data-code="score-out-of-range"' in tool.findings.value
    assert tool.rows["quality.review"].score.value is None
    assert tool.rows["portable.data"].score.value == 2


def test_user_text_is_escaped_and_the_interface_speaks_finnish():
    a = qa.example()
    a.credential = "<img src=x onerror=alert(1)>"
    tool = qa_self_assessment(a, ui="fi")
    assert tool.tabs.titles[0] == "1 Laatu"
    assert "Kehittämissuunnitelma" in tool.plan.value
    assert "<img" not in tool.findings.value + tool.plan.value + tool.status.value
    assert "Binderissä" in tool.children[-1].value
