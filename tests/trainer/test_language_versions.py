"""`outcomes`, `outcomes-fi` and `outcomes-sv` count as one assignment in the report, the grade
export and the course badge: the best version handed in, never twice. The gradebook is built
with nbgrader's own API, with each version as nbgrader generates it (a notebook named after the
version, the same cells)."""

from __future__ import annotations

import pytest

from microcred.trainer.badges import BadgeRule, course_results
from microcred.trainer.export import export_grades
from microcred.trainer.report import read_gradebook, render_html
from microcred.trainer.roster import default_db_url
from microcred.trainer.versions import base_name, base_names
from tests.helpers.gradebook import fill_gradebook
from tests.trainer.test_export import read_as

MAX = {"outcomes": (5, 3), "outcomes-fi": (5, 3), "outcomes-sv": (5, 3), "qa": (4, 4)}
# id: (first, last, email, {assignment: (auto, manual)}); manual None = waits for the trainer
COHORT = {
    "aino": ("Aino", "Virtanen", "aino@example.org", {"outcomes-fi": (5, 3), "qa": (4, 4)}),
    "bo": ("Bo", "Berg", "bo@example.org", {"outcomes": (1, 0), "outcomes-sv": (5, 2),
                                            "qa": (3, 2)}),
    "cai": ("Cai", "Chen", "cai@example.org", {"outcomes": (5, 3), "qa": (4, 4)}),
    "dora": ("Dora", "Dahl", "dora@example.org", {"outcomes-fi": (5, None), "qa": (4, 4)}),
    "eero": ("Eero", "Aho", "eero@example.org", None),
    "fia": ("Fia", "Ek", "fia@example.org", {"outcomes": (3, 1), "qa": (4, 4)}),
    "gun": ("Gun", "Lind", "gun@example.org", {"qa": (4, 4)}),
}
VETTING = [  # fia's Swedish hand-in and gun's Finnish one were refused by the vetting
    {"student": "fia", "assignment": "outcomes-sv", "status": "refused", "findings": []},
    {"student": "gun", "assignment": "outcomes-fi", "status": "refused", "findings": []},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return default_db_url(fill_gradebook(tmp_path_factory.mktemp("course"), MAX, COHORT))


@pytest.fixture(scope="module")
def data(db):
    return read_gradebook(db, VETTING)


def test_version_names():
    assert [base_name(a) for a in ("outcomes-fi", "outcomes-sv", "outcomes", "-fi", "qa-en")] \
        == ["outcomes", "outcomes", "outcomes", "-fi", "qa-en"]
    assert base_names(["outcomes-fi", "qa", "outcomes"]) == ["outcomes", "qa"]


def test_one_row_per_participant_and_assignment_the_best_version(data):
    assert data.assignments == ["outcomes", "qa"]
    assert data.max_scores == {"outcomes": 8, "qa": 8}
    rows = {r.student: r for r in data.rows if r.assignment == "outcomes"}
    assert len([r for r in data.rows if r.assignment == "outcomes"]) == len(COHORT)
    assert (rows["aino"].status, rows["aino"].score, rows["aino"].version) == (
        "graded", 8, "outcomes-fi")
    assert (rows["bo"].score, rows["bo"].version) == (7, "outcomes-sv")  # best of 1 and 7
    assert (rows["cai"].score, rows["cai"].version) == (8, "")
    assert (rows["dora"].status, rows["dora"].version) == ("pending", "outcomes-fi")
    assert rows["eero"].status == "not submitted" and rows["eero"].max_score == 8
    assert (rows["fia"].status, rows["fia"].score) == ("graded", 4)  # refused sv: graded en counts
    assert (rows["gun"].status, rows["gun"].version) == ("refused", "outcomes-fi")


def test_questions_count_the_version_that_counts(data):
    q = {x.name: x for x in data.questions if x.assignment == "outcomes"}
    assert set(q) == {"auto", "manual"}  # once each, not once per version
    assert q["auto"].graded == 5  # aino, bo (his Swedish hand-in only), cai, dora, fia
    assert (q["auto"].full, q["auto"].partial, q["auto"].zero) == (4, 1, 0)  # bo's 1/5 is not
    assert q["manual"].pending == 1 and q["manual"].zero == 0  # counted: his 0/3 either


def test_the_badge_counts_any_version_once(db):
    for required in (("outcomes", "qa"), ("outcomes-fi", "qa"), ("outcomes-sv", "outcomes", "qa")):
        results = {r.student: r for r in course_results(db, BadgeRule(required, 0.75), VETTING)}
        assert results["aino"].passed and results["aino"].max_score == 16  # not 32
        assert results["bo"].below == ("qa",) and results["bo"].score == 12
        assert results["dora"].waiting == ("outcomes",)
        assert results["gun"].waiting == ("outcomes",) and results["eero"].missing == (
            "outcomes", "qa")
        assert not results["fia"].passed and results["fia"].below == ("outcomes",)


def test_the_export_has_one_column_per_assignment(data):
    moodle = read_as(export_grades(data, "moodle").text)
    assert moodle[0][4:] == ["outcomes", "qa"]
    aino = next(r for r in moodle if r[2] == "aino")
    assert aino[4:] == ["8", "8"]
    only = read_as(export_grades(data, "moodle", ["outcomes-fi"]).text)
    assert only[0][4:] == ["outcomes"]
    excel = read_as(export_grades(data, "excel").text, ";")
    assert len(excel) == 1 + 2 * len(COHORT)


def test_the_report_shows_which_version_counts(data):
    page = render_html(data)
    assert page.count('<h2 id="a-') == 2
    assert "<td>outcomes (outcomes-sv)</td>" in page and "<td>outcomes (outcomes-fi)</td>" in page
    assert "<td>outcomes</td>" in page  # cai handed in the English version
