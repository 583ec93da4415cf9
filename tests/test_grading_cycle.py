"""The trainer's whole cycle with nbgrader's own commands, bad hand-ins included.

One synthetic cohort (``microcred.trainer.demo``) goes through release, roster, vetting,
autograde, feedback and report once per module; the tests then check that nothing crashed,
every bad case is named, the gradebook is sound and a second autograde changes nothing. Copies
of that course then go through the other two ways in: a hub's exchange (release, fetch, submit,
collect) and a learning platform's zip (``nbgrader zip_collect``), and through the per-cell
time limit with the vetting skipped.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import time
import zipfile

import nbformat
import pytest
from nbgrader.api import Gradebook

from microcred.trainer.demo import GOOD, run_demo
from microcred.trainer.vet import vet_path
from tests.helpers.cli import microcred
from tests.helpers.course import Course, cell_of, fill_answers, participant_nbgrader

pytestmark = pytest.mark.slow

COURSE_ID = "microcred-coaching"
REFUSED = {"malformed": "malformed-notebook", "loop": "statement", "code": "import"}
GRADED = {"good", "partial", "empty", "late", "tampered"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    lines: list[str] = []
    result = run_demo(out, echo=lines.append)
    result.output = "\n".join(lines)
    return result


@pytest.fixture(scope="module")
def course(demo) -> Course:
    return Course(demo.course)


def gradebook_scores(course: Course) -> dict:
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}", COURSE_ID) as gb:
        return {(s.student.id, g.name): (g.auto_score, g.needs_manual_grade)
                for s in gb.find_assignment("outcomes").submissions
                for nb in s.notebooks for g in nb.grades}


def test_every_bad_case_is_named_and_every_good_one_graded(demo):
    summary = demo.summary
    for sid, code in REFUSED.items():
        assert summary[sid].startswith("REFUSED") and code in summary[sid]
        assert f"refused   {sid}/outcomes" in demo.output
    for sid in GRADED:
        assert summary[sid].startswith("graded"), summary[sid]
    assert summary["good"].startswith("graded 5/8") and "by hand" in summary["good"]
    assert "LATE" in summary["late"]
    assert "tampered-cell" in summary["tampered"]
    assert summary["absent"] == "not submitted"
    assert "malformed-notebook" in demo.output and "tampered-cell" in demo.output


def test_the_tampered_test_cell_was_put_back_and_scored_honestly(course):
    assert course.score("outcomes", "tampered") == course.score("outcomes", "partial") < 2
    autograded = nbformat.read(course.root / "autograded" / "tampered" / "outcomes" /
                               "outcomes.ipynb", as_version=4)
    assert any("score_outcomes" in c.source for c in autograded.cells)
    assert "Score: 5 / 5" not in course.feedback_html("outcomes", "tampered", "outcomes")


def test_refused_hand_ins_never_reached_nbgrader(course, demo):
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}", COURSE_ID) as gb:
        submitted = {s.student.id for s in gb.find_assignment("outcomes").submissions}
    assert submitted == GRADED
    for sid in REFUSED:
        assert (course.root / "quarantine" / sid / "outcomes" / "outcomes.ipynb").exists()
        assert not (course.root / "autograded" / sid).exists()
        assert f"/{sid}/outcomes" not in demo.autograde_log


def test_report_and_register_csv(demo):
    html = demo.report.read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2
    for text in ("absent", "Refused by vetting", "malformed-notebook", "Questions most often"):
        assert text in html
    rows = {line.split(";")[0]: line
            for line in demo.csv.read_text("utf-8-sig").splitlines()[1:]}
    assert set(rows) == set(demo.summary)
    assert rows["good"].endswith(";5;8;pending") and rows["absent"].endswith(";;8;no")


def test_gradebook_sound_and_a_second_autograde_changes_nothing(course):
    before = gradebook_scores(course)
    course.autograde("outcomes")
    assert gradebook_scores(course) == before
    with sqlite3.connect(course.root / "gradebook.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone()[0] == 5
        assert db.execute("SELECT COUNT(*) FROM grade").fetchone()[0] == 5 * 2
    proc = microcred("grading", "vet", cwd=course.root)
    assert proc.returncode == 0 and "0 refused" in proc.stdout  # the refused ones are gone


def test_an_endless_answer_is_stopped_when_vetting_is_skipped(course, tmp_path):
    copy = Course.copy_of(course, tmp_path)
    shutil.move(copy.root / "quarantine" / "loop", copy.root / "submitted" / "loop")
    start = time.monotonic()
    proc = copy.autograde("outcomes", "--Execute.timeout=5", "--CourseDirectory.student_id=loop")
    assert time.monotonic() - start < 120
    assert "Timeout" in proc.stdout + proc.stderr
    assert copy.score("outcomes", "loop") == 0
    graded = nbformat.read(copy.root / "autograded" / "loop" / "outcomes" / "outcomes.ipynb", 4)
    answer = next(c for c in graded.cells if c.source.startswith("while True"))
    assert any(o.output_type == "error" for o in answer.outputs)  # stopped, and it shows


def test_with_a_hub_release_fetch_submit_collect_through_the_exchange(course, tmp_path):
    copy = Course.copy_of(course, tmp_path)
    shutil.rmtree(copy.root / "submitted")
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    copy.release_to_exchange("outcomes", exchange)
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    alice.mkdir()
    participant_nbgrader(alice, exchange, "fetch_assignment", "outcomes", course_id=COURSE_ID)
    shutil.copytree(alice / "outcomes", bob / "outcomes")  # the same release, fetched once
    for student, answers in (("alice", GOOD), ("bob", None)):
        home = tmp_path / student
        path = home / "outcomes" / "outcomes.ipynb"
        nb = nbformat.read(path, as_version=4)
        if answers:
            fill_answers(nb, answers)
        else:  # bob tries code in his answer
            cell_of(nb, "answer_outcomes").source = "import os\noutcome_1 = os.getcwd()"
        nbformat.write(nb, path)
        participant_nbgrader(home, exchange, "submit", "outcomes", f"--student={student}",
                             course_id=COURSE_ID)
    copy.collect_from_exchange("outcomes", exchange)
    for student in ("alice", "bob"):
        assert (copy.root / "submitted" / student / "outcomes" / "timestamp.txt").exists()
    verdicts = {r.submission.student: r for r in vet_path(copy.root / "submitted", copy.root)}
    assert verdicts["alice"].status == "ok"  # nbgrader's own files are expected
    assert verdicts["bob"].refused
    copy.autograde("outcomes", "--CourseDirectory.student_id=alice")
    assert copy.score("outcomes", "alice") == 5


def test_without_a_hub_zip_collect_reads_moodle_and_canvas_exports(course, tmp_path):
    copy = Course.copy_of(course, tmp_path)
    shutil.rmtree(copy.root / "submitted")
    released = (copy.root / "release" / "outcomes" / "outcomes.ipynb").read_bytes()
    archive = copy.root / "downloaded" / "outcomes" / "archive"
    archive.mkdir(parents=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        # Moodle: full name + participant number; the roster gives the real id
        z.writestr("Aino Virtanen_881_assignsubmission_file_/outcomes.ipynb", released)
        z.writestr("Erik Lindqvist_882_assignsubmission_file_/outcomes (1).ipynb", released)
        z.writestr("Not Onroster_883_assignsubmission_file_/outcomes.ipynb", released)
        # Canvas: user id in the name, a late upload, a browser's copy suffix
        z.writestr("bergoskar_LATE_4242_99001_outcomes-1.ipynb", released)
        z.writestr("whatever.ipynb", released)
    (archive / "moodle-and-canvas.zip").write_bytes(buf.getvalue())
    proc = copy.zip_collect("outcomes")
    log = proc.stdout + proc.stderr
    for student in ("good", "partial", "883", "4242"):
        assert (copy.root / "submitted" / student / "outcomes" / "outcomes.ipynb").exists()
    assert "Not a Moodle or Canvas export name" in log and "whatever.ipynb" in log
    assert "Canvas marked the upload of 4242 late" in log
    assert "'Not Onroster' is not on the roster" in log
    assert all(r.status == "ok" for r in vet_path(copy.root / "submitted", copy.root))
