"""The command line's entry: every command listed, a run imports only its own command."""

from __future__ import annotations

import subprocess
import sys

from microcred.cli import build_parser, command_names
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
