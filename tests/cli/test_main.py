"""The command line's entry: every command listed, a run imports only its own command."""

from __future__ import annotations

import json
import subprocess
import sys

from microcred.cli import build_parser, command_names
from tests.helpers.cli import microcred
from tests.helpers.paths import REPO


def test_help_lists_every_command_module():
    sub = next(a for a in build_parser([])._actions if a.dest == "command")
    assert sorted(sub.choices) == command_names() and "outcomes" in command_names()


def test_a_run_imports_only_the_command_it_names():
    probe = ("import sys;"
             "import microcred.cli as c; c.build_parser(['outcomes', '-']);"
             "print(sorted(m for m in sys.modules if m.startswith('microcred.cli.')))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout
    assert "microcred.cli.outcomes" in out and "microcred.cli.qa" not in out
    assert "microcred.cli.slides" not in out  # nbformat's schema checker alone takes over a second


def test_python_dash_m_microcred_runs_a_command_in_a_process_of_its_own(tmp_path):
    """The entry point itself (the CLI tests run ``main`` in their own process, see
    tests/helpers/cli.py): exit codes, UTF-8 output from stdin, a user error as one line."""
    proc = microcred("outcomes", "-", "--json", stdin="Deltagaren kan räkna upp risker.\n",
                     process=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["verbs"][0]["lemma"] == "räkna upp"
    missing = microcred("outcomes", str(tmp_path / "nope.txt"), process=True)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.startswith("error:") and len(missing.stderr.splitlines()) == 1
    assert microcred("outcomes", "-", "--language", "de", stdin="x", process=True).returncode == 2


def test_an_exception_escaping_main_shows_in_a_run_as_in_a_process(monkeypatch):
    """The in-process runner hides no bug: a traceback on stderr and exit code 1, as Python's."""
    import microcred.cli.outcomes as outcomes

    def broken(_args):
        raise ValueError("a bug in the kit")

    monkeypatch.setattr(outcomes, "run", broken)
    proc = microcred("outcomes", "-", stdin="x")
    assert proc.returncode == 1
    assert "Traceback (most recent call last)" in proc.stderr
    assert "ValueError: a bug in the kit" in proc.stderr
