"""Roster CSVs as trainers have them (Excel, three languages) and clear errors by line."""

from __future__ import annotations

import pytest
from nbgrader.api import Gradebook

from microcred.trainer.roster import (
    Participant,
    course_id_of,
    default_db_url,
    import_roster,
    parse_roster,
)
from tests.helpers.gradebook import empty_gradebook


def test_a_plain_roster_is_read():
    people, problems = parse_roster(
        "id,first name,last name,email\n"
        "p1,Aino,Virtanen,aino@example.org\n"
        "\n"
        "p2,Johan,Nyström,\n")
    assert problems == []
    assert people == [Participant("p1", "Aino", "Virtanen", "aino@example.org"),
                      Participant("p2", "Johan", "Nyström", "")]


@pytest.mark.parametrize("text", [
    "\ufeffTunnus;Etunimi;Sukunimi;Sähköposti\np1;Aino;Virtanen;aino@example.org\n",
    "Användarnamn;Förnamn;Efternamn;E-post\np1;Aino;Virtanen;aino@example.org\n",
    "email,Last_Name,First-Name,Student ID\naino@example.org,Virtanen,Aino,p1\n",
])
def test_excel_semicolons_finnish_swedish_headers_and_any_column_order(text):
    people, problems = parse_roster(text)
    assert problems == []
    assert people == [Participant("p1", "Aino", "Virtanen", "aino@example.org")]


def test_every_problem_is_reported_with_its_line():
    _, problems = parse_roster(
        "id,first name,last name,email\n"
        "p1,Aino,Virtanen,aino@example.org\n"
        ",No,Id,\n"
        "p 2,Bad,Id,\n"
        "../x,Bad,Id,\n"
        "p1,Again,Twice,\n"
        "p3,Bad,Mail,not-an-address\n")
    assert [p.split(":")[0] for p in problems] == ["line 3", "line 4", "line 5", "line 6",
                                                    "line 7"]
    assert "empty" in problems[0]
    assert "folder name" in problems[1]
    assert "already on line 2" in problems[3]
    assert "email" in problems[4]


@pytest.mark.parametrize("text, expect", [
    ("", "empty"),
    ("first name,last name\nAino,Virtanen\n", "no id column"),
    ("id,first name\n", "no participants"),
])
def test_files_that_are_not_rosters_say_what_is_missing(text, expect):
    people, problems = parse_roster(text)
    assert people == [] and expect in problems[0]


def test_import_adds_then_updates_and_keeps_what_a_row_leaves_empty(tmp_path):
    db = empty_gradebook(tmp_path)  # the course's gradebook as nbgrader made it
    people, _ = parse_roster("id,first name,last name,email\np1,Aino,Virtanen,a@example.org\n")
    assert import_roster(people, db, "microcred-coaching") == (1, 0)
    people, _ = parse_roster("id,first name,last name\np1,Aino,Virtanen-Berg\np2,Erik,Lind\n")
    assert import_roster(people, db, "microcred-coaching") == (1, 1)
    with Gradebook(db, "microcred-coaching") as gb:
        p1 = gb.find_student("p1")
        assert (p1.last_name, p1.email) == ("Virtanen-Berg", "a@example.org")
        assert sorted(s.id for s in gb.students) == ["p1", "p2"]


def test_the_gradebook_is_opened_with_the_courses_own_id(tmp_path):
    db = default_db_url(tmp_path)
    assert course_id_of(db, tmp_path) == "default_course"
    (tmp_path / "nbgrader_config.py").write_text('c.CourseDirectory.course_id = "my-course"\n')
    assert course_id_of(db, tmp_path) == "my-course"
    with Gradebook(db, "from-the-gradebook"):
        pass
    assert course_id_of(db, tmp_path) == "from-the-gradebook"


def test_a_gradebook_with_two_course_rows_opens_with_the_course_not_default_course(tmp_path):
    db = default_db_url(tmp_path)
    for course_id in ("microcred-coaching", "default_course"):  # nbgrader once ran without config
        with Gradebook(db, course_id):
            pass
    assert course_id_of(db) == "microcred-coaching"
    (tmp_path / "nbgrader_config.py").write_text('c.CourseDirectory.course_id = "default_course"')
    assert course_id_of(db, tmp_path) == "default_course"  # the configuration names it
