"""Grades out to Moodle, Canvas and Excel, read back as each of them reads the file."""

from __future__ import annotations

import csv
import io

import pytest

from microcred.cli import main
from microcred.errors import UserError
from microcred.trainer.export import export_grades, spreadsheet
from microcred.trainer.report import read_gradebook
from microcred.trainer.roster import default_db_url
from tests.helpers.gradebook import fill_gradebook

# id: (first, last, email, {assignment: (auto, manual)}); None = not submitted;
# manual None = waits for the trainer
COHORT = {
    "12001": ("Aino", "Meikäläinen", "Aino.M@example.org", {"outcomes": (5, 2.5), "qa": (4, 4)}),
    "12002": ("Erik", "Lindqvist", "erik@example.org", {"outcomes": (2, None)}),
    "12003": ("Maria", "Korhonen", "maria@example.org", {"outcomes": (0, 0)}),
    "12004": ("Kaisa", "Järvinen", "kaisa@example.org", None),  # refused by the vetting
    "12005": ("Johan", "=cmd|' /C calc'!A0", "", None),  # nothing handed in, no e-mail
}
MAX = {"outcomes": (5, 3), "qa": (4, 4)}
VETTING = [{"student": "12004", "assignment": "outcomes", "status": "refused", "findings": []}]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course folder whose gradebook looks like nbgrader's after autograde and grading."""
    folder = tmp_path_factory.mktemp("course")
    return fill_gradebook(folder, MAX, COHORT)


@pytest.fixture(scope="module")
def data(course):
    return read_gradebook(default_db_url(course), VETTING)


def read_as(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


# A file shaped as Moodle's Grades > Export > Plain text file writes it (default profile fields).
MOODLE_EXPORT = (
    "First name,Last name,ID number,Institution,Department,Email address,"
    "Assignment: outcomes (Real),Assignment: Final essay (Real),Course total (Real),"
    "Last downloaded from this course\n"
    "Aino,Meikäläinen,,Uni,,aino.m@example.org,-,70.00,70.00,1767225600\n"
    "Erik,Lindqvist,,Uni,,erik@example.org,-,-,-,1767225600\n"
    "Maria,Korhonen,,Uni,,maria@example.org,-,-,-,1767225600\n"
    "Someone,Else,,Uni,,else@example.org,-,50.00,50.00,1767225600\n"
)

# A file shaped as Canvas's Gradebook > Export writes it (Points Possible as the second row).
CANVAS_EXPORT = (
    "Student,ID,SIS User ID,SIS Login ID,Section,outcomes (880001),Quiz 1 (880002),"
    "Current Points,Final Points,Current Score,Final Score\n"
    "    Points Possible,,,,,8.00,10.00,(read only),(read only),(read only),(read only)\n"
    "\"Meikäläinen, Aino\",12001,S-1,aino,Group A,,9.00,9.00,9.00,90.00,50.00\n"
    "\"Korhonen, Maria\",12003,S-3,maria,Group A,,,0.00,0.00,,\n"
    "\"Järvinen, Kaisa\",12004,S-4,kaisa,Group A,,7.00,7.00,7.00,70.00,38.00\n"
    "\"Student, Test\",99999,,,Group A,,,0.00,0.00,,\n"
)


def test_moodle_file_has_the_user_fields_and_one_column_per_assignment(data):
    result = export_grades(data, "moodle")
    rows = read_as(result.text)
    assert rows[0] == ["First name", "Last name", "ID number", "Email address", "outcomes", "qa"]
    people = {r[2]: r for r in rows[1:]}
    assert people["12001"][3:] == ["Aino.M@example.org", "7.5", "8"]  # a point, not a comma
    assert people["12002"][4] == ""  # manual grading to do: no number for Moodle yet
    assert people["12003"][4] == "0"
    assert people["12004"][4:] == ["", ""]  # refused; not handed in
    assert people["12005"][1] == "'=cmd|' /C calc'!A0"  # never a formula
    assert result.unmatched == ["12005"]  # no e-mail: Moodle could not match the row
    assert {(s, a, st) for s, a, st in result.blank} >= {("12002", "outcomes", "pending"),
                                                        ("12004", "outcomes", "refused")}


def test_moodle_export_is_filled_in_on_the_email_as_moodle_maps_it(data):
    result = export_grades(data, "moodle", ["outcomes"], lms_file=MOODLE_EXPORT)
    rows = read_as(result.text)
    assert rows[0] == read_as(MOODLE_EXPORT)[0]  # Moodle's own columns, unchanged
    by_email = {r[5]: r for r in rows[1:]}
    assert by_email["aino.m@example.org"][6] == "7.5"  # matched whatever the letter case
    assert by_email["aino.m@example.org"][7:] == ["70.00", "70.00", "1767225600"]
    assert by_email["erik@example.org"][6] == "-"  # pending: Moodle's value stays
    assert by_email["maria@example.org"][6] == "0"
    assert by_email["else@example.org"][6] == "-"
    assert result.unknown_rows == 1 and result.written == 2
    assert result.unmatched == ["12004", "12005"]


def test_moodle_can_match_on_the_id_number(data):
    export = MOODLE_EXPORT.replace("Uni,,aino.m", "Uni,,x").replace("Aino,Meikäläinen,,",
                                                                   "Aino,Meikäläinen,12001,")
    rows = read_as(export_grades(data, "moodle", ["outcomes"], lms_file=export,
                                 match="idnumber").text)
    assert rows[1][2] == "12001" and rows[1][6] == "7.5"


def test_a_moodle_file_without_the_matching_column_is_refused_plainly(data):
    with pytest.raises(UserError, match="no column 'Email address'"):
        export_grades(data, "moodle", lms_file="First name,Last name\nA,B\n")


def test_canvas_file_has_points_possible_and_matches_on_the_canvas_id(data):
    result = export_grades(data, "canvas")
    rows = read_as(result.text)
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "outcomes",
                       "qa"]
    assert rows[1][0].strip() == "Points Possible" and rows[1][5:] == ["8", "8"]
    people = {r[1]: r for r in rows[2:]}
    assert people["12001"][0] == "Meikäläinen, Aino"
    assert people["12001"][5:] == ["7.5", "8"]
    assert people["12002"][5] == "" and people["12003"][5] == "0"


def test_canvas_export_is_filled_in_and_read_only_columns_left_alone(data):
    result = export_grades(data, "canvas", ["outcomes", "qa"], lms_file=CANVAS_EXPORT)
    rows = read_as(result.text)
    original = read_as(CANVAS_EXPORT)
    assert rows[0] == [*original[0], "qa"]  # a new assignment column Canvas will create
    assert result.new_columns == ["qa"]
    assert rows[1][:11] == original[1] and rows[1][11] == "8"  # its points possible
    by_id = {r[1]: r for r in rows[2:]}
    assert by_id["12001"][5] == "7.5" and by_id["12001"][6:11] == original[2][6:]
    assert by_id["12001"][11] == "8"
    assert by_id["12003"][5] == "0"
    assert by_id["12004"][5] == ""  # refused: not a grade yet
    assert by_id["99999"][5] == ""  # Canvas's test student, nobody in the gradebook
    assert result.unknown_rows == 1 and result.unmatched == ["12002", "12005"]


def test_canvas_matches_a_roster_id_that_is_the_sis_login_id(data):
    export = CANVAS_EXPORT.replace(",12001,S-1,aino,", ",5550001,S-1,12001,")
    rows = read_as(export_grades(data, "canvas", ["outcomes"], lms_file=export).text)
    assert rows[2][5] == "7.5"


def test_excel_file_opens_in_finnish_and_swedish_settings(data, tmp_path):
    path = spreadsheet(data).save(tmp_path / "grades.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark: Excel then reads UTF-8
    text = raw.decode("utf-8-sig")
    rows = read_as(text, ";")
    assert rows[0] == ["id", "name", "assignment", "score", "max", "passed"]
    aino = [r for r in rows if r[0] == "12001" and r[2] == "outcomes"][0]
    assert aino == ["12001", "Aino Meikäläinen", "outcomes", "7,5", "8", "yes"]
    kaisa = [r for r in rows if r[0] == "12004" and r[2] == "outcomes"][0]
    assert kaisa[3:] == ["", "8", "refused"]


def test_cli_writes_each_format_and_says_what_was_left_empty(course, tmp_path, capsys):
    (tmp_path / "canvas-export.csv").write_text(CANVAS_EXPORT, encoding="utf-8")
    for fmt, extra in (("moodle", []), ("canvas", ["--lms-file", str(tmp_path / "canvas-export.csv")]),
                       ("excel", [])):
        out = tmp_path / f"{fmt}.csv"
        assert main(["grading", "--lang", "en", "export", "--format", fmt, "--course", str(course), "-o",
                     str(out), *extra]) == 0
        assert out.is_file()
    printed = capsys.readouterr().out
    assert "left empty, pending: 12002 (outcomes)" in printed
    assert "Canvas: Grades → Import" in printed
    assert read_as((tmp_path / "canvas-export.csv").read_text("utf-8"))[2][5] == ""  # input untouched
    assert main(["grading", "--lang", "en", "export", "--format", "excel", "--course", str(course),
                 "--assignment", "nosuch"]) == 2
    assert "no assignment nosuch" in capsys.readouterr().err
