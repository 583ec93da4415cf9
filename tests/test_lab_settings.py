"""A participant's JupyterLab (``make start``, Binder's postBuild, the hub's participant profile)
hides nbgrader's trainer tools and JupyterLab's news pop-up; a trainer's keeps the trainer tools.

Each profile is tried on a real JupyterLab server: the page it serves names the plugins it
switches off, and the formgrader's address answers only where the trainer tools are on."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers.paths import REPO
from tests.helpers.scripts import stop_process

PROFILES = REPO / "deploy" / "jupyterhub"
TRAINER_TOOLS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                 "@jupyter/nbgrader:course-list")
NEWS = "@jupyterlab/apputils-extension:announcements"
# nbgrader's participant panels, English only: participants use microcred's assignment panel.
ENGLISH_PANELS = ("@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:validate-assignment",
                  "@jupyter/nbgrader:menu")
BIN = Path(sys.executable).parent


def installed_plugin_ids() -> set[str]:
    """The JupyterLab plugin ids the installed front end and extensions define."""
    share = Path(sys.prefix) / "share" / "jupyter"
    ids: set[str] = set()
    for js in [*(share / "lab" / "static").glob("*.js"),
               *(share / "labextensions").rglob("*.js")]:
        ids.update(re.findall(r'"(@jupyter(?:lab)?/[\w-]+:[\w-]+)"',
                              js.read_text(encoding="utf-8", errors="replace")))
    return ids


def test_the_plugins_switched_off_exist_under_these_names():
    """A renamed plugin would silently show again: every id we switch off is a real one."""
    ids = installed_plugin_ids()
    for name in (*TRAINER_TOOLS, NEWS, *ENGLISH_PANELS):
        assert name in ids, name


class Lab:
    def __init__(self, config_path: Path, root: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.token = secrets.token_hex(8)
        env = {**os.environ, "JUPYTER_CONFIG_PATH": str(config_path),
               "JUPYTER_CONFIG_DIR": str(root / "user-config"),
               "JUPYTER_RUNTIME_DIR": str(root / "runtime")}
        self.proc = subprocess.Popen(
            [str(BIN / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1",
             f"--port={self.port}", f"--ServerApp.token={self.token}", "--allow-root",
             f"--ServerApp.root_dir={root}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def get(self, path: str) -> tuple[int, str]:
        url = f"http://127.0.0.1:{self.port}{path}?token={self.token}"
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, ""

    def page_config(self) -> dict:
        deadline = time.monotonic() + 90
        while True:
            try:
                status, html = self.get("/lab")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise
                time.sleep(0.5)
        assert status == 200
        found = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)'
                          r"</script>", html, re.S)
        assert found
        return json.loads(found.group(1))

    def stop(self) -> None:
        stop_process(self.proc)


@pytest.fixture
def lab(tmp_path):
    started: list[Lab] = []

    def start(profile: Path) -> Lab:
        started.append(Lab(profile, tmp_path / profile.name))
        (tmp_path / profile.name).mkdir(exist_ok=True)
        return started[-1]

    yield start
    for one in started:
        one.stop()


def test_a_participants_lab_hides_the_trainer_tools_and_the_news(lab):
    participant = lab(PROFILES / "participant")
    disabled = participant.page_config()["disabledExtensions"]
    for name in (*TRAINER_TOOLS, NEWS):
        assert name in disabled, name
    assert participant.get("/formgrader")[0] == 404


def test_a_participants_lab_has_no_english_assignment_panel(lab):
    """Participants fetch, check and hand in with the course's panel (notebooks/assignments.ipynb,
    in their language): nbgrader's English panels and their server handlers are off."""
    participant = lab(PROFILES / "participant")
    disabled = participant.page_config()["disabledExtensions"]
    for name in ENGLISH_PANELS:
        assert name in disabled, name
    assert participant.get("/assignments")[0] == 404
    assert participant.get("/assignments/validate")[0] == 404
    trainer = lab(PROFILES / "trainer")
    assert not set(ENGLISH_PANELS) & set(trainer.page_config()["disabledExtensions"])
    assert trainer.get("/assignments")[0] != 404


def test_a_trainers_lab_keeps_create_assignment_and_the_course_list(lab):
    trainer = lab(PROFILES / "trainer")
    disabled = trainer.page_config()["disabledExtensions"]
    assert "@jupyter/nbgrader:create-assignment" not in disabled
    assert "@jupyter/nbgrader:course-list" not in disabled


def test_make_start_and_binder_use_the_participant_profile(tmp_path):
    """`make start` puts the profile first on JUPYTER_CONFIG_PATH; Binder's postBuild copies it
    into the user's Jupyter folder (run here into a temporary one)."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    start = makefile.split("\nstart:")[1].split("\n\n")[0]
    assert 'JUPYTER_CONFIG_PATH="$(CURDIR)/deploy/jupyterhub/participant' in start
    if shutil.which("bash") is None:
        pytest.skip("postBuild is a bash script")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter")}
    subprocess.run(["bash", str(REPO / "binder" / "postBuild")], env=env, check=True)
    copied = json.loads((tmp_path / "jupyter" / "labconfig" / "page_config.json").read_text())
    assert copied == json.loads(
        (PROFILES / "participant" / "labconfig" / "page_config.json").read_text())
    assert (tmp_path / "jupyter" / "jupyter_server_config.json").exists()
