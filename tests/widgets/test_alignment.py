"""The alignment matrix editor, driven headless by typing and ticking."""

from __future__ import annotations

import yaml

from microcred.widgets import alignment_editor
from tests.helpers.charts import chart_parts
from tests.helpers.paths import REPO

DESIGN = yaml.safe_load(
    (REPO / "tests" / "data" / "design" / "microcredential.yaml").read_text(encoding="utf-8")
)


def test_design_file_opens_aligned_with_ticks_and_a_heatmap():
    """The fixture: three outcomes, all assessed; the grid mirrors the file."""
    ed = alignment_editor(DESIGN)
    assert "3 of 3 outcome(s) assessed" in ed.summary.value
    assert "No problems found" in ed.feedback.value
    assert len(ed.matrix.children) == 3  # one row per outcome
    assert ed.alignment.assessments[0].outcomes == ("LO1",)
    src, alt = chart_parts(ed.chart)
    assert alt.startswith("Heatmap: outcomes as rows")


def test_unticking_the_only_task_of_an_outcome_reports_it():
    """Live check: the outcome is no longer assessed; the task serves nothing."""
    ed = alignment_editor(DESIGN)
    first, alt = chart_parts(ed.chart)
    ed.tick("LO3", "T3", False)
    assert 'data-code="not-assessed"' in ed.feedback.value
    assert 'data-code="serves-nothing"' in ed.feedback.value
    assert "2 of 3" in ed.summary.value
    assert chart_parts(ed.chart) != (first, alt)  # redrawn: a new picture, still with alt text


def test_adding_a_task_line_adds_a_column_and_keeps_ticks():
    """New text line -> new tick box in every row; earlier ticks survive the rebuild."""
    ed = alignment_editor(DESIGN)
    ed.tasks.value += "\nT4: The participant lists the accessibility criteria."
    assert len(ed.matrix.children[0].children) == 1 + 3 + 4
    assert 'data-code="serves-nothing"' in ed.feedback.value
    ed.tick("LO3", "T4")
    assert ed.alignment.assessments[3].outcomes == ("LO3",)
    assert ed.alignment.assessments[0].outcomes == ("LO1",)


def test_level_below_outcome_appears_when_the_task_is_reworded():
    """Rewording T1 to listing makes it too low for an 'analyse' outcome."""
    ed = alignment_editor(DESIGN)
    lines = ed.tasks.value.splitlines()
    lines[0] = "T1: A quiz in which the participant lists three learner types."
    ed.tasks.value = "\n".join(lines)
    assert 'data-code="level-below-outcome"' in ed.feedback.value


def test_empty_editor_says_what_to_add():
    """No outcomes, activities or tasks: one finding, no grid."""
    ed = alignment_editor()
    assert 'data-code="empty"' in ed.feedback.value and ed.matrix.children == ()


def test_outcome_text_is_escaped():
    """Markup typed into an outcome never reaches the page as markup."""
    ed = alignment_editor()
    ed.outcomes.value = "LO1: <script>alert(1)</script> analyse"
    html = "".join(row.children[0].value for row in ed.matrix.children) + ed.feedback.value
    assert "<script>" not in html
