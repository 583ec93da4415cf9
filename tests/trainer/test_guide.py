"""The trainer's guide, run as written: every command of book/trainers/guide.md, in order.

The commands come from the guide's ``bash`` blocks (not from a copy here), so a command the kit
no longer accepts, or a step in the wrong order, fails this test. A made-up cohort plays the
participants: the two people of the guide's own roster example, one handing in through the hub's
exchange and one through a Moodle zip. ``make trainer`` is started for real and asked, through
the formgrader's API, what the trainer would see.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shlex
import signal
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

import nbformat
import pytest

from tests.helpers.course import Course, fill_answers, participant_nbgrader
from tests.helpers.paths import REPO

GUIDE = REPO / "book" / "trainers" / "guide.md"
SETUP = {"source .venv/bin/activate", "cd assignments"}  # the terminal the test already is
ANSWERS = ["The participant can analyse the competence needs of a client organisation.",
           "Osallistuja osaa laatia pienen osaamiskokonaisuuden kuvauksen.",
           "Deltagaren kan jämföra två modeller för kvalitetssäkring."]


def guide_commands() -> list[str]:
    """Every command line of the guide's bash blocks, in order, without comments."""
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


def roster_example() -> str:
    """The roster CSV the guide shows (its first ``text`` block)."""
    return re.search(r"```text\n(id,.*?)```", GUIDE.read_text(encoding="utf-8"), re.S).group(1)


def test_the_guide_names_the_steps_in_nbgraders_words():
    text = GUIDE.read_text(encoding="utf-8")
    assert "**Manual Grading**" in text and "**Gradebook**" not in text
    assert "make trainer" in guide_commands()


@pytest.mark.slow
def test_every_command_of_the_guide_runs_in_order_on_a_made_up_cohort(tmp_path):
    course = Course.copy_of_repo(tmp_path)
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    with open(course.root / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write(f'\nc.Exchange.root = "{exchange}"\n')  # the hub's shared folder, here
    (course.root / "participants.csv").write_text(roster_example(), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
           "MICROCRED_UI": "en"}  # the guide shows the English output
    ran = []
    for command in guide_commands():
        if command in SETUP:
            continue
        before(command, course, tmp_path)
        if command == "make trainer":
            check_formgrader(course, env)
        else:
            proc = subprocess.run(shlex.split(command), cwd=course.root, env=env,
                                  capture_output=True, text=True, timeout=900, check=False)
            assert proc.returncode == 0, f"$ {command}\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
            assert "Traceback" not in proc.stderr, f"$ {command}\n{proc.stderr[-3000:]}"
            if command == "nbgrader release_assignment outcomes":
                hand_in_through_the_hub(course, exchange, tmp_path)
        ran.append(command)
    assert "python -m microcred grading autograde outcomes" in ran

    # What the guide promises at the end of it.
    report = (course.root / "report.html").read_text(encoding="utf-8")
    assert "Course microcred-coaching" in report
    assert (course.root / "grades.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    feedback = course.root / "feedback" / "avirtanen" / "outcomes" / "outcomes.html"
    assert feedback.is_file()
    moodle = (course.root / "grades-moodle.csv").read_text(encoding="utf-8")
    virtanen = next(line for line in moodle.splitlines() if "aino.virtanen@example.org" in line)
    assert re.search(r",\d+(\.\d+)?,", virtanen)  # a score went into her row
    assert not (course.root / "autograde-staging" / "avirtanen").exists()


def before(command: str, course: Course, tmp: Path) -> None:
    """What participants (or the trainer's platform) have done before the guide's command."""
    if command == "nbgrader zip_collect outcomes":  # Erik hands in through Moodle
        archive = course.root / "downloaded" / "outcomes" / "archive"
        archive.mkdir(parents=True)
        nb = fill_answers(course.released("outcomes", "outcomes"), ANSWERS[:2])
        with zipfile.ZipFile(archive / "moodle-outcomes.zip", "w") as z:
            z.writestr("Erik Lindqvist_1234567_assignsubmission_file_/outcomes.ipynb",
                       nbformat.writes(nb))
    elif "--lms-file moodle-export.csv" in command:  # exported from Moodle beforehand
        (course.root / "moodle-export.csv").write_text(
            "First name,Last name,ID number,Institution,Department,Email address,"
            "Assignment: outcomes (Real),Last downloaded from this course\n"
            "Aino,Virtanen,,,,aino.virtanen@example.org,-,1767225600\n"
            "Erik,Lindqvist,,,,erik.lindqvist@example.org,-,1767225600\n", encoding="utf-8")
    elif "--lms-file canvas-export.csv" in command:
        (course.root / "canvas-export.csv").write_text(
            "Student,ID,SIS User ID,SIS Login ID,Section,outcomes (880001)\n"
            "    Points Possible,,,,,8.00\n"
            "\"Virtanen, Aino\",55501,,avirtanen,A,\n", encoding="utf-8")


def hand_in_through_the_hub(course: Course, exchange: Path, tmp: Path) -> None:
    """Aino fetches the released assignment from the exchange, answers and submits."""
    home = tmp / "home-avirtanen"
    home.mkdir()
    participant_nbgrader(home, exchange, "fetch_assignment", "outcomes",
                         course_id="microcred-coaching")
    path = home / "outcomes" / "outcomes.ipynb"
    nbformat.write(fill_answers(nbformat.read(path, 4), ANSWERS), path)
    participant_nbgrader(home, exchange, "submit", "outcomes", course_id="microcred-coaching")
    # nbgrader names a hand-in after the Unix account that submits it: on a hub, Aino's own.
    # Here every command runs as one account, so her hand-in is renamed as hers would be.
    inbound = exchange / "microcred-coaching" / "inbound"
    for entry in inbound.iterdir():
        if entry.name.startswith(f"{pwd.getpwuid(os.getuid()).pw_name}+"):
            entry.rename(inbound / ("avirtanen+" + entry.name.split("+", 1)[1]))


def check_formgrader(course: Course, env: dict) -> None:
    """``make trainer``: the formgrader works there, lists both hand-ins and shows the due
    date in the course's time zone, with the zone."""
    port = free_port()
    token = "guide-test-token"
    proc = subprocess.Popen(
        ["make", "-s", "-C", str(REPO), "-o", ".venv/.installed", "trainer",
         f"TRAINER_DIR={course.root}"],
        env={**env, "TRAINER_PORT": str(port), "TRAINER_TOKEN": token},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        assignments = None
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                assignments = api(port, token, "formgrader/api/assignments")
                break
            except OSError:
                time.sleep(1)
        assert assignments is not None, "make trainer did not start the formgrader"
        outcomes = next(a for a in assignments if a["name"] == "outcomes")
        assert outcomes["num_submissions"] == 2
        assert outcomes["display_duedate"] == "2025-03-01 16:00 EET"
        page = api(port, token, "formgrader/gradebook", raw=True)
        assert "Manual Grading" in page
        lab = api(port, token, "lab", raw=True)
        assert "@jupyter/nbgrader:formgrader" not in lab.split("disabledExtensions", 1)[-1][:400]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def api(port: int, token: str, path: str, raw: bool = False):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/{path}",
                                 headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        body = resp.read().decode("utf-8")
    return body if raw else json.loads(body)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
