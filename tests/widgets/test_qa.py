"""The self-assessment widget, driven headless by value changes as a participant would click."""

from __future__ import annotations

import base64
import json
import re

from microcred import design, qa
from microcred.widgets import qa_self_assessment
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


def test_save_and_open_round_trip_beside_the_design_file(tmp_path):
    mine = tmp_path / "mine.yaml"
    tool = qa_self_assessment(design_file=str(mine))
    tool.credential.value = "Riskanalys"
    tool.rows["quality.review"].score.value = 2
    tool.rows["quality.review"].note.value = "Granskning i juni."
    tool.design_bar.save_button.click()
    assert "Saved to" in tool.design_bar.status.value
    path = tmp_path / "mine.qa.json"
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == {"quality.review": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.qa.json", "mine.yaml"]
    other = qa_self_assessment(design_file=str(mine))
    other.design_bar.load_button.click()
    assert "Loaded from" in other.design_bar.status.value
    assert other.rows["quality.review"].score.value == 2
    assert other.rows["quality.review"].note.value == "Granskning i juni."
    assert other.credential.value == "Riskanalys"
    assert qa_self_assessment(str(path)).assessment == other.assessment


def test_the_bar_belongs_to_the_tool_shown_even_after_running_the_cell_again(tmp_path):
    """Regression (issue 14): after ``qa_self_assessment(ui="fi")`` the bar below still
    belonged to the earlier, hidden tool and wrote an empty NAME.qa.json, while the answers
    went to qa-self-assessment.json. Each tool now carries its own bar."""
    mine = tmp_path / "my-microcredential.yaml"
    first = qa_self_assessment(design_file=str(mine))
    shown = qa_self_assessment(ui="fi", design_file=str(mine))
    assert shown.design_bar is not first.design_bar and shown.design_bar in shown.children
    for cid in list(shown.rows)[:3]:
        shown.rows[cid].score.value = 3
    assert shown.design_bar.save(), shown.design_bar.status.value
    saved = design.load_qa(mine)
    assert len(saved.scores()) == 3 and saved.language == "fi"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-microcredential.qa.json",
                                                          "my-microcredential.yaml"]
    report = design.check_file(mine)
    assert report.part("qa").summary.startswith("3/25 kriteeriä arvioitu")  # the file is in fi


def test_a_broken_file_is_reported_and_leaves_the_answers_as_they_were(tmp_path):
    mine = tmp_path / "mine.yaml"
    design.qa_path(mine).write_text('{"answers": ', encoding="utf-8")
    tool = qa_self_assessment(qa.example(), design_file=str(mine))
    before = tool.assessment
    assert not tool.design_bar.load()
    assert "not valid JSON" in tool.design_bar.status.value
    assert "✗" in tool.design_bar.status.value
    assert tool.assessment == before


def test_a_damaged_qa_file_is_kept_before_a_new_save_replaces_it(tmp_path):
    """Regression (issue 15, item 11): a damaged NAME.qa.json was overwritten with no backup."""
    mine = tmp_path / "mine.yaml"
    damaged = '{"answers": {"quality.review": 3}, "notes": {"quality.review": "half'
    design.qa_path(mine).write_text(damaged, encoding="utf-8")
    tool = qa_self_assessment(design_file=str(mine))
    tool.rows["quality.review"].score.value = 1
    assert tool.design_bar.save(), tool.design_bar.status.value
    kept = [p for p in tmp_path.iterdir() if "unreadable" in p.name]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == damaged
    assert kept[0].name in tool.design_bar.status.value
    assert design.load_qa(mine).answers == {"quality.review": 1}


def test_a_failed_save_is_reported_and_keeps_the_earlier_file(tmp_path, monkeypatch):
    import os

    mine = tmp_path / "mine.yaml"
    tool = qa_self_assessment(qa.example(), design_file=str(mine))
    tool.rows["portable.digital"].score.value = 1
    assert tool.design_bar.save()
    path = design.qa_path(mine)
    before = path.read_bytes()
    tool.rows["portable.digital"].score.value = 4
    monkeypatch.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(OSError(13, "Permission denied")))
    assert not tool.design_bar.save()
    assert "could not be saved (Permission denied)" in tool.design_bar.status.value
    assert path.read_bytes() == before


def test_odd_values_in_a_loaded_file_are_shown_as_findings(tmp_path):
    mine = tmp_path / "mine.yaml"
    design.qa_path(mine).write_text(
        json.dumps({"answers": {"quality.review": 9, "portable.data": 2}}), encoding="utf-8")
    tool = qa_self_assessment(design_file=str(mine))
    tool.design_bar.load()
    assert 'data-code="score-out-of-range"' in tool.findings.value
    assert tool.rows["quality.review"].score.value is None
    assert tool.rows["portable.data"].score.value == 2


def test_the_report_downloads_from_a_button(tmp_path):
    tool = qa_self_assessment(qa.example(), design_file=str(tmp_path / "mine.yaml"))
    assert tool.download.value == ""
    tool.report_button.click()
    name, data = re.findall(r'download="([^"]+)" href="data:text/html;charset=utf-8;base64,'
                            r'([^"]+)"', tool.download.value)[0]
    assert name == "mine.qa.html"
    assert qa.example().credential in base64.b64decode(data).decode("utf-8")
    assert not list(tmp_path.iterdir())


def test_user_text_is_escaped_and_the_interface_speaks_finnish():
    a = qa.example()
    a.credential = "<img src=x onerror=alert(1)>"
    tool = qa_self_assessment(a, ui="fi")
    assert tool.tabs.titles[0] == "1 Laatu"
    assert "Kehittämissuunnitelma" in tool.plan.value
    assert "<img" not in tool.findings.value + tool.plan.value + tool.design_bar.status.value
    assert tool.design_bar.save_button.description == "Tallenna suunnitelmaani"
