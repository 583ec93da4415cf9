"""The grading report reads nbgrader's gradebook: charts, failed questions, who is missing, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import re
import warnings

import pytest
from matplotlib.figure import Figure
from nbgrader.api import Gradebook

from microcred.trainer.report import (
    CSV_COLUMNS,
    late_text,
    plot_question_scores,
    plot_score_distribution,
    read_gradebook,
    render_html,
    write_csv,
)
from tests.helpers.gradebook import empty_gradebook

DUE = dt.datetime(2025, 3, 1, 12, 0)
# student: (first, last, {question: score} or None when not submitted, hours late)
COHORT = {
    "p1": ("Aino", "Virtanen", {"q_auto": 5, "q_text": 3}, 0),
    "p2": ("Erik", "Lindqvist", {"q_auto": 2, "q_text": None}, 0),
    "p3": ("Maria", "Korhonen", {"q_auto": 0, "q_text": 0}, 0),
    "p4": ("Johan", "Nyström", {"q_auto": 4, "q_text": 2}, 50),
    "p5": ("<script>alert(1)</script>", "Smith", None, 0),
    "p6": ("Kaisa", "Järvinen", None, 0),
    "p7": ("", "=HYPERLINK(\"http://x\")", None, 0),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """A gradebook shaped like nbgrader's after autograde, built through its own API."""
    url = empty_gradebook(tmp_path_factory.mktemp("course"))
    with Gradebook(url, "microcred-coaching") as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbgrader's own add_submission warns (SQLAlchemy)
        gb.add_assignment("outcomes", duedate=DUE)
        gb.add_notebook("outcomes", "outcomes")
        gb.add_grade_cell("q_auto", "outcomes", "outcomes", max_score=5, cell_type="code")
        gb.add_grade_cell("q_text", "outcomes", "outcomes", max_score=3, cell_type="markdown")
        for sid, (first, last, scores, hours_late) in COHORT.items():
            gb.add_student(sid, first_name=first, last_name=last)
            if scores is None:
                continue
            gb.add_submission("outcomes", sid,
                              timestamp=DUE + dt.timedelta(hours=hours_late or -1))
            for question, score in scores.items():
                grade = gb.find_grade(question, "outcomes", "outcomes", sid)
                grade.auto_score = score
                grade.needs_manual_grade = score is None
            gb.db.commit()
    return url


VETTING = [{"student": "p6", "assignment": "outcomes", "status": "refused",
            "findings": [{"code": "import", "element": "outcomes.ipynb: answer, line 1",
                          "message": "The cell imports code (os)."}]},
           {"student": "p3", "assignment": "outcomes", "status": "warnings",
            "findings": [{"code": "tampered-cell", "element": "outcomes.ipynb: q_auto",
                          "message": "The locked cell q_auto was changed."}]}]


@pytest.fixture(scope="module")
def data(db):
    return read_gradebook(db, VETTING)


def test_rows_hold_every_participant_with_status_score_and_lateness(data):
    rows = {r.student: r for r in data.rows}
    assert data.course_id == "microcred-coaching"
    assert (rows["p1"].status, rows["p1"].score, rows["p1"].max_score) == ("graded", 8, 8)
    assert rows["p2"].status == "pending"  # the written answer waits for the trainer
    assert rows["p4"].seconds_late == 50 * 3600
    assert (rows["p5"].status, rows["p5"].score) == ("not submitted", None)
    assert rows["p6"].status == "refused"


def test_passed_uses_the_pass_mark_and_waits_for_pending_work(data):
    rows = {r.student: r for r in data.rows}
    assert [rows[s].passed(0.5) for s in sorted(rows)] == [
        "yes", "pending", "no", "yes", "no", "refused", "no"]
    assert rows["p4"].passed(0.8) == "no"


def test_questions_count_full_partial_zero_and_pending(data):
    q = {q.name: q for q in data.questions}
    assert (q["q_auto"].full, q["q_auto"].partial, q["q_auto"].zero) == (1, 2, 1)
    assert q["q_auto"].failed == 2  # 2/5 and 0/5 are below half
    assert (q["q_text"].full, q["q_text"].partial, q["q_text"].zero, q["q_text"].pending) == (
        1, 1, 1, 1)
    assert [x.name for x in data.most_failed()] == ["q_auto", "q_text"]


def test_progress_is_reported_per_submission(db):
    calls = []
    read_gradebook(db, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_the_html_report_is_self_contained_accessible_and_escaped(data):
    html = render_html(data, pass_mark=0.5)
    assert html.count('src="data:image/png;base64,') == 2
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing fetched from elsewhere
    assert all(alt.strip() for alt in re.findall(r'alt="([^"]*)"', html))
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    for text in ("Not submitted", "Questions most often failed", "Refused by vetting",
                 "tampered-cell", "Järvinen", "2 d 2 h"):
        assert text in html


def test_the_register_csv_has_the_agreed_columns_and_opens_in_nordic_excel(data, tmp_path):
    path = tmp_path / "grades.csv"
    assert write_csv(data, path) == 7
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 that Excel recognises
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == CSV_COLUMNS == ["id", "name", "assignment", "score", "max", "passed"]
    assert rows[1] == ["p1", "Aino Virtanen", "outcomes", "8", "8", "yes"]
    assert rows[5][3:] == ["", "8", "no"]  # not submitted: no score
    assert rows[6][3:] == ["", "8", "refused"]  # refused by the vetting: not "pending"
    assert rows[7][1] == "'=HYPERLINK(\"http://x\")"  # a spreadsheet must not run it


def test_the_median_of_an_even_count_is_the_mean_of_the_middle_two(tmp_path):
    from microcred.trainer.report import GradingData, Row

    data = GradingData("c", ["a"], {"a": 100.0}, rows=[
        Row("x", "", "a", 100.0, "graded", 0.0), Row("y", "", "a", 100.0, "graded", 84.0)])
    html = render_html(data)
    assert "median <b>42\u00a0%</b>" in html and "median 84" not in html  # no-break space


def test_the_report_names_the_course_of_the_configuration_not_default_course(db, tmp_path):
    with Gradebook(db, "default_course"):  # as when nbgrader once ran without the config
        pass
    assert read_gradebook(db).course_id == "microcred-coaching"
    (tmp_path / "nbgrader_config.py").write_text('c.CourseDirectory.course_id = "default_course"')
    assert read_gradebook(db, course=tmp_path).course_id == "default_course"
    assert "Course microcred-coaching" in render_html(read_gradebook(db))


def test_charts_are_figures_even_without_submissions(data):
    from microcred.trainer.report import GradingData

    empty = GradingData("c", ["a"], {"a": 8.0})
    for fig in (plot_score_distribution(data, "outcomes"), plot_question_scores(data, "outcomes"),
                plot_score_distribution(empty, "a"), plot_question_scores(empty, "a")):
        assert isinstance(fig, Figure)


@pytest.mark.parametrize("seconds, text", [(0, ""), (30, "1 min"), (5400, "1 h 30 min"),
                                           (2 * 86400 + 7200, "2 d 2 h")])
def test_lateness_reads_plainly(seconds, text):
    assert late_text(seconds) == text
