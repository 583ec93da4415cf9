"""Run the command line as a participant or trainer does: ``python -m microcred ...`` in a
separate process (exit code, stdout and stderr as a terminal would show them)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path


def microcred(*args: str, stdin: str | None = None, cwd: Path | str | None = None,
              timeout: float = 180) -> subprocess.CompletedProcess:
    """``python -m microcred ARGS`` with ``stdin`` as input; never raises on a non-zero exit.
    The screen language is not inherited ($MICROCRED_UI): a test says the language it expects."""
    env = {k: v for k, v in os.environ.items() if k != "MICROCRED_UI"}
    return subprocess.run(
        [sys.executable, "-m", "microcred", *args], input=stdin, cwd=cwd, env=env,
        capture_output=True, text=True, timeout=timeout, check=False,
    )


def command(name: str) -> Callable[..., subprocess.CompletedProcess]:
    """A runner of one command: ``command("qa")("report", ...)`` runs ``microcred qa report ...``."""

    def run(*args: str, stdin: str | None = None, cwd: Path | str | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
        return microcred(name, *args, stdin=stdin, cwd=cwd, timeout=timeout)

    return run
