"""The course on a real JupyterHub, as a single-server deployment runs it.

A hub on loopback with configurable-http-proxy, the shared-password ("dummy") authenticator and
the local process spawner, with real Unix accounts created for the test (a grading account, a
trainer, two participants) and removed afterwards. The hub runs
``deploy/jupyterhub/jupyterhub_config.py``; the course is prepared by
``deploy/jupyterhub/setup-course.sh``. Everything goes through the hub: users, groups and tokens
through its REST API, the trainer's work through the formgrader service, the participants' work
through their own JupyterLab servers (the course's assignment panel, run in a kernel as their
notebooks/assignments.ipynb runs it, in Finnish; the contents API). Needs root; skips with the
reason otherwise.

The scenario runs once (module fixture) and records what happened; the tests check the record.
Measured figures (memory per participant server, autograde throughput) are printed.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
import requests

from tests.helpers.ci import skip_unless_ci
from tests.helpers.course import fill_answers, fill_text
from tests.hub.hubctl import (
    ASSIGNMENT,
    COURSE_ID,
    Cohort,
    HubUnavailable,
    course_hub,
    ensure_proxy,
    memory_of,
    why_not_runnable,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

NOTEBOOK = f"{COURSE_ID}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
GOOD = [
    "The participant can analyse the competence needs of a client organisation from interview data.",
    "Osallistuja osaa laatia pienen osaamiskokonaisuuden kuvauksen.",
    "Deltagaren kan jämföra två modeller för kvalitetssäkring.",
    "The participant can design an assessment task for a micro-credential.",
]
WEAK = ["Understand quality assurance.", "The course covers ECTS.", "Plan and run a pilot."]

# What participant B tries, in a kernel of B's own server (so as B's Unix account).
PROBE = r"""
import json, os
paths = json.loads(PATHS)
seen = {}
for key, path in paths.items():
    try:
        if os.path.isdir(path):
            os.listdir(path)
        else:
            open(path, "rb").read(1)
        seen[key] = "allowed"
    except PermissionError:
        seen[key] = "denied"
    except FileNotFoundError:
        seen[key] = "not found"
print(json.dumps(seen))
"""

# B puts a copy of B's own notebook in the inbound folder under A's name (inbound is writable by
# every account), with a newer time stamp than A's real submission.
FORGE = r"""
import datetime, os, shutil
stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
target = os.path.join(INBOUND, f"{VICTIM}+outcomes+{stamp}+forged")
shutil.copytree(os.path.expanduser("~/microcred-coaching/outcomes"), target)
with open(os.path.join(target, "timestamp.txt"), "w") as fh:
    fh.write(stamp)
print(target)
"""

ACTIVE = r"""
import microcred.widgets
from microcred.outcomes import analyse
for text in ["Osallistuja osaa analysoida asiakastarpeita.",
             "The participant can design an assessment task."] * 20:
    analyse(text)
print("ok")
"""


@dataclass
class Record:
    timings: dict[str, float] = field(default_factory=dict)
    login: dict[str, int] = field(default_factory=dict)
    extensions: dict[str, object] = field(default_factory=dict)
    lists: dict[str, list] = field(default_factory=dict)
    validate: dict[str, dict] = field(default_factory=dict)
    probe: dict[str, str] = field(default_factory=dict)
    cli_forgery: str = ""
    forged_path: str = ""
    collect_log: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    autograde: dict[str, float] = field(default_factory=dict)
    feedback: dict[str, str] = field(default_factory=dict)
    memory: dict[str, dict] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def login_status(cohort: Cohort, name: str, password: str) -> int:
    """Log in through the hub's login form (the shared-password authenticator)."""
    session = requests.Session()
    session.get(cohort.hub.url("/hub/login"), timeout=30)
    xsrf = session.cookies.get("_xsrf", "")
    r = session.post(cohort.hub.url("/hub/login"), timeout=30, allow_redirects=False,
                     data={"username": name, "password": password, "_xsrf": xsrf})
    return r.status_code


def page_config(server) -> dict:
    html = server.request("GET", "lab").text
    match = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                      html, re.DOTALL)
    return json.loads(match.group(1)) if match else {}


def names_of(disabled) -> set[str]:
    """JupyterLab's disabledExtensions, given as a list or as {name: true}."""
    if isinstance(disabled, dict):
        return {name for name, off in disabled.items() if off}
    return set(disabled or [])


def run_scenario(c: Cohort) -> Record:
    rec = Record()
    hub = c.hub
    a, b = c.participants
    rec.names = {"trainer": c.trainer, "a": a, "b": b, "grader": hub.grader}
    t0 = time.monotonic()

    # Log in with the password (and not without it).
    rec.login["right"] = login_status(c, a, hub.password)
    rec.login["wrong"] = login_status(c, a, hub.password + "x")

    # Servers started through the hub API; the formgrader service starts with the hub.
    hub.spawn([c.trainer, a, b])
    formgrader = hub.wait_formgrader(c.tokens[c.trainer])
    hub.wait_ready([c.trainer, a, b])
    rec.timings["servers ready"] = time.monotonic() - t0
    servers = {name: c.server(name) for name in (c.trainer, a, b)}

    # Who sees which tools.
    rec.extensions["participant -> formgrader service"] = (
        hub.formgrader(c.tokens[a]).request("GET", "formgrader/api/status").status_code)
    rec.extensions["participant -> own formgrader"] = (
        servers[a].request("GET", "formgrader/api/status").status_code)
    rec.extensions["participant -> nbgrader's assignment list"] = (
        servers[a].request("GET", f"assignments?course_id={COURSE_ID}").status_code)
    rec.extensions["participant disabled"] = page_config(servers[a]).get("disabledExtensions")
    rec.extensions["trainer disabled"] = page_config(servers[c.trainer]).get("disabledExtensions")
    rec.extensions["trainer course list"] = servers[c.trainer].json("GET", "formgraders")
    rec.extensions["trainer -> own formgrader"] = (
        servers[c.trainer].request("GET", "formgrader/api/status").status_code)
    rec.extensions["participant notebooks"] = [
        item["name"] for item in servers[a].json("GET", "api/contents/microcred-notebooks")["content"]
    ]
    # The Finnish book's JupyterHub button gives nbgitpuller urlpath=microcred/lab/fi/<path>
    # (microcred/widgets/lab_link.py): JupyterLab's language set in the user's own settings.
    for who in (a, c.trainer):
        link = servers[who].request("GET", "microcred/lab/fi/microcred-notebooks/fi/welcome.ipynb")
        rec.extensions[f"{who} fi link"] = [link.status_code, link.headers.get("Location", ""),
                                            urlsplit(servers[who].base_url).path]
        rec.extensions[f"{who} lab locale"] = servers[who].json(
            "GET", "lab/api/settings/@jupyterlab/translation-extension:plugin")["settings"]["locale"]

    # The trainer releases the assignment through the formgrader service.
    assert formgrader.json("POST", f"formgrader/api/assignment/{ASSIGNMENT}/assign")["success"]
    assert formgrader.json("POST", f"formgrader/api/assignment/{ASSIGNMENT}/release")["success"]
    rec.timings["released"] = time.monotonic() - t0

    # Each participant fetches, answers, checks and hands in with the course's panel (in
    # Finnish), at the same time.
    def participant(name: str, answers: list[str], rationale: str | None) -> None:
        server = servers[name]
        rec.lists[f"{name} before"] = server.panel()["listing"]
        fetched = server.panel("fetch")
        assert fetched["success"], fetched
        nb = fill_answers(server.read_notebook(NOTEBOOK), answers)
        if rationale:
            fill_text(nb, "rationale", rationale)
        server.write_notebook(NOTEBOOK, nb)
        rec.validate[name] = server.panel("validate", NOTEBOOK)
        handed = server.panel("submit")
        assert handed["success"], handed
        rec.lists[f"{name} submitted"] = handed["listing"]

    with ThreadPoolExecutor(2) as pool:
        jobs = [pool.submit(participant, a, GOOD, "These outcomes follow our needs analysis."),
                pool.submit(participant, b, WEAK, None)]
        for job in jobs:
            job.result()
    rec.timings["submitted"] = time.monotonic() - t0

    # B tries to read A's work, as B's own Unix account (a kernel of B's server).
    submissions = sorted(os.listdir(hub.inbound))  # root may list; B may not
    a_submission = next(s for s in submissions if s.startswith(f"{a}+"))
    a_home = pwd.getpwnam(a).pw_dir
    grader_home = pwd.getpwnam(hub.grader).pw_dir
    paths = {
        "list inbound": str(hub.inbound),
        "A's submission, name without its random part": str(
            hub.inbound / a_submission.rsplit("+", 1)[0]),
        "A's submission, exact name": str(hub.inbound / a_submission / "outcomes.ipynb"),
        "A's working copy in A's home": f"{a_home}/{NOTEBOOK}",
        "A's nbgrader cache (submission secret)": f"{a_home}/.local/share/jupyter",
        "list feedback": str(hub.exchange / COURSE_ID / "feedback"),
        "model answers in the course folder": f"{grader_home}/course/source/outcomes/outcomes.ipynb",
        "gradebook": f"{grader_home}/course/gradebook.db",
        "released assignment": str(hub.exchange / COURSE_ID / "outbound/outcomes/outcomes.ipynb"),
    }
    rec.probe = json.loads(servers[b].run(f"PATHS = {json.dumps(paths)!r}\n{PROBE}").strip())

    # B tries to submit in A's name: with nbgrader's own command, and by copying files directly.
    rec.cli_forgery = servers[b].run(
        "import subprocess\n"
        f"p = subprocess.run(['nbgrader', 'submit', '{ASSIGNMENT}', '--course', '{COURSE_ID}',"
        f" '--student', '{a}'], capture_output=True, text=True)\n"
        "print(p.returncode, p.stdout[-400:], p.stderr[-400:])"
    )
    rec.forged_path = servers[b].run(
        f"INBOUND = {str(hub.inbound)!r}\nVICTIM = {a!r}\n{FORGE}").strip()

    # The trainer collects, autogrades, generates and releases feedback (formgrader service).
    collected = formgrader.json("POST", f"formgrader/api/assignment/{ASSIGNMENT}/collect")
    assert collected["success"], collected
    rec.collect_log = collected["log"]
    start = time.monotonic()
    for name in (a, b):
        result = formgrader.json("POST", f"formgrader/api/submission/{ASSIGNMENT}/{name}/autograde")
        assert result["success"], result
    elapsed = time.monotonic() - start
    rec.autograde = {"submissions": 2, "seconds": elapsed, "per_second": 2 / elapsed}
    for item in formgrader.json("GET", f"formgrader/api/submissions/{ASSIGNMENT}"):
        rec.scores[item["student"]] = item["score"]
    for action in ("generate_feedback", "release_feedback"):
        result = formgrader.json("POST", f"formgrader/api/assignment/{ASSIGNMENT}/{action}")
        assert result["success"], result
    rec.timings["graded"] = time.monotonic() - t0

    # Each participant fetches the feedback.
    for name in (a, b):
        got = servers[name].panel("feedback")
        assert got["success"], got
        folder = f"{COURSE_ID}/{ASSIGNMENT}/feedback"
        stamps = servers[name].json("GET", f"api/contents/{folder}")["content"]
        stamp = stamps[0]["name"]
        rec.feedback[name] = servers[name].read_file(f"{folder}/{stamp}/{ASSIGNMENT}.html")
        servers[name].close_panel()
    rec.timings["feedback fetched"] = time.monotonic() - t0

    # Memory of a participant's server: idle (JupyterLab server only), then active (a kernel that
    # has used the course's tools, as in the practice notebooks).
    for name in (a, b):
        uid = pwd.getpwnam(name).pw_uid
        rec.memory[f"{name} idle"] = memory_of(uid)
        kernel = servers[name].start_kernel()
        assert servers[name].run(ACTIVE, kernel_id=kernel).strip() == "ok"
        rec.memory[f"{name} active"] = memory_of(uid)
        servers[name].stop_kernel(kernel)
    rec.memory["grader service"] = memory_of(pwd.getpwnam(hub.grader).pw_uid)
    return rec


@pytest.fixture(scope="module")
def record():
    reason = why_not_runnable()
    if reason:
        skip_unless_ci(f"real JupyterHub test skipped: {reason}")
    try:
        ensure_proxy()
    except HubUnavailable as error:
        skip_unless_ci(f"real JupyterHub test skipped: {error}")
    start = time.monotonic()
    with course_hub(participants=2) as cohort:
        try:
            rec = run_scenario(cohort)
        except Exception as error:
            raise AssertionError(f"{error}\n--- hub log ---\n{cohort.hub.log_tail()}") from error
    rec.timings["total with cleanup"] = time.monotonic() - start
    return rec


def test_password_login_through_the_hub(record):
    assert record.login["right"] == 302  # to the user's server
    assert record.login["wrong"] == 403


def test_trainers_get_the_formgrader_participants_the_assignment_list(record):
    ext = record.extensions
    assert ext["participant -> formgrader service"] == 403
    assert ext["participant -> own formgrader"] == 404  # server extension off for participants
    # nbgrader's own participant panels are English only: off, the course's panel instead.
    assert ext["participant -> nbgrader's assignment list"] == 404
    disabled = names_of(ext["participant disabled"])
    for plugin in ("formgrader", "course-list", "create-assignment", "assignment-list",
                   "validate-assignment", "menu"):
        assert f"@jupyter/nbgrader:{plugin}" in disabled, disabled
    # Trainers grade in the shared formgrader service, which their course list links to; their
    # own servers have no formgrader (it would grade a private copy of the course).
    assert ext["trainer -> own formgrader"] == 404
    assert "@jupyter/nbgrader:course-list" not in names_of(ext["trainer disabled"])
    courses = ext["trainer course list"]["value"]
    assert [(c["course_id"], c["kind"]) for c in courses] == [(COURSE_ID, "jupyterhub")]
    assert f"/services/{COURSE_ID}/" in courses[0]["url"]
    assert "welcome.ipynb" in ext["participant notebooks"]



def test_the_finnish_launch_link_opens_jupyterlab_in_finnish(record):
    """On the hub, for a participant and a trainer (both profiles enable the link)."""
    for who in (record.names["a"], record.names["trainer"]):
        status, location, base = record.extensions[f"{who} fi link"]
        assert (status, location) == (302, f"{base}lab/tree/microcred-notebooks/fi/welcome.ipynb")
        assert record.extensions[f"{who} lab locale"] == "fi_FI"


def test_participants_fetch_validate_and_submit(record):
    a, b = record.names["a"], record.names["b"]
    for name in (a, b):
        before = record.lists[f"{name} before"]
        assert [(x["course_id"], x["assignment_id"], x["status"]) for x in before] == [
            (COURSE_ID, ASSIGNMENT, "released")]
        (row,) = record.lists[f"{name} submitted"]
        assert row["submitted"] == 1 and row["status"] == "fetched"
    # The check in Finnish: A's answers pass, B's weak ones are named by cell.
    assert record.validate[a]["success"] and "läpäisee" in record.validate[a]["done"]
    assert not record.validate[b]["success"]
    assert record.validate[b]["codes"] and set(record.validate[b]["codes"]) <= {
        "partial", "no-points", "no-answer"}
    assert all(m.startswith("Kohdan ”") and ". solu ylhäältä)" in m  # by the heading above
               for m in record.validate[b]["messages"])


def test_trainer_grades_and_participants_get_their_own_feedback(record):
    a, b = record.names["a"], record.names["b"]
    assert record.scores[a] == 5  # automatic part; the rationale is graded by hand
    assert 0 < record.scores[b] < 2
    assert "Score" in record.feedback[a] and "Score" in record.feedback[b]
    assert "hard to observe or assess" in record.feedback[b]
    assert "analyse the competence needs" in record.feedback[a]
    assert "analyse the competence needs" not in record.feedback[b]


def test_participants_cannot_list_or_read_each_others_work(record):
    probe = record.probe
    assert probe["list inbound"] == "denied"
    assert probe["A's submission, name without its random part"] == "not found"
    assert probe["A's working copy in A's home"] == "denied"
    assert probe["A's nbgrader cache (submission secret)"] == "denied"
    assert probe["list feedback"] == "denied"
    assert probe["model answers in the course folder"] == "denied"
    assert probe["gradebook"] == "denied"
    assert probe["released assignment"] == "allowed"
    # What nbgrader does NOT protect: a submission is readable by anyone who knows its folder
    # name. The name ends in 12 random characters and the folder cannot be listed, so the name
    # cannot be guessed; but the protection is the secret name, not a file permission.
    assert probe["A's submission, exact name"] == "allowed"


def test_a_submission_in_someone_elses_name_is_not_collected(record):
    a = record.names["a"]
    # nbgrader's own command refuses: the hub will not tell B's server A's groups.
    assert not record.cli_forgery.startswith("0 "), record.cli_forgery
    # Copying files into the inbound folder works (it is writable by all), but the course's
    # collect step checks the owner and keeps A's own submission.
    assert f"/{a}+outcomes+" in record.forged_path
    assert "Ignoring" in record.collect_log and "forged" in record.collect_log
    assert record.scores[a] == 5


def test_measurements_cover_every_step_and_each_kernel(record, capsys):
    """Prints the figures (goals for them are in bench/bench_hub_load.py) and checks that they
    are consistent: every step timed in order, and a participant's running
    kernel shows as one more process and more memory than the idle server."""
    lines = ["", "== course hub measurements (this machine) =="]
    for key, seconds in record.timings.items():
        lines.append(f"  {key:<28} {seconds:6.1f} s")
    for key, mem in record.memory.items():
        lines.append(f"  memory {key:<24} RSS {mem['rss_mib']:6.0f} MiB   "
                     f"USS {mem['uss_mib']:6.0f} MiB   ({mem['processes']} processes)")
    ag = record.autograde
    lines.append(f"  autograde: {ag['submissions']} submissions in {ag['seconds']:.1f} s "
                 f"= {ag['per_second']:.2f} submissions/s")
    with capsys.disabled():
        print("\n".join(lines))
    steps = ["servers ready", "released", "submitted", "graded", "feedback fetched"]
    assert list(record.timings) == [*steps, "total with cleanup"]
    elapsed = list(record.timings.values())  # seconds since the start, so never decreasing
    assert elapsed[0] > 0 and elapsed == sorted(elapsed)
    for name in (record.names["a"], record.names["b"]):
        idle, active = record.memory[f"{name} idle"], record.memory[f"{name} active"]
        assert idle["processes"] >= 1 and active["processes"] > idle["processes"]
        assert active["rss_mib"] > idle["rss_mib"] > 0
    assert record.memory["grader service"]["processes"] >= 1
    assert ag["submissions"] == 2 and ag["per_second"] == pytest.approx(2 / ag["seconds"])
