"""Run the command line as a participant or trainer does, ``python -m microcred ...``: the exit
code, stdout and stderr as a terminal would show them.

By default in this process (``microcred.cli.main``, as ``microcred/__main__.py`` calls it, with
stdin, stdout, stderr, the folder and ``$MICROCRED_UI`` as a new process would have them): a new
Python costs 0.2-1 s of CPU for its imports and data, and the CLI tests make about a hundred
runs. An exception that escapes ``main`` is printed as Python prints it, exit code 1, so a test
that looks for "Traceback" still finds it. ``process=True`` starts a real process, for what only
a process shows (the entry point itself, the encoding of its output: ``tests/cli/test_main.py``).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path


def microcred(*args: str, stdin: str | None = None, cwd: Path | str | None = None,
              timeout: float = 180, process: bool = False) -> subprocess.CompletedProcess:
    """``python -m microcred ARGS`` with ``stdin`` as input; never raises on a non-zero exit.
    The screen language is not inherited ($MICROCRED_UI): a test says the language it expects."""
    if not process:
        return _in_this_process([str(a) for a in args], stdin, cwd)
    env = {k: v for k, v in os.environ.items() if k != "MICROCRED_UI"}
    return subprocess.run(
        [sys.executable, "-m", "microcred", *args], input=stdin, cwd=cwd, env=env,
        capture_output=True, text=True, timeout=timeout, check=False,
    )


def _in_this_process(argv: list[str], stdin: str | None,
                     cwd: Path | str | None) -> subprocess.CompletedProcess:
    """``main(argv)`` with this process's stdin, stdout, stderr, folder and $MICROCRED_UI set as
    a new ``python -m microcred`` would have them, and put back afterwards."""
    from microcred.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_ui = os.environ.pop("MICROCRED_UI", None)
    saved_stdin, saved_cwd = sys.stdin, os.getcwd()
    sys.stdin = io.StringIO(stdin or "")
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's usage errors and --help
                if isinstance(exc.code, str):
                    print(exc.code, file=sys.stderr)
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:  # noqa: BLE001 - what Python would print, exit code 1
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(saved_cwd)
        sys.stdin = saved_stdin
        if saved_ui is not None:
            os.environ["MICROCRED_UI"] = saved_ui
    return subprocess.CompletedProcess([sys.executable, "-m", "microcred", *argv], code,
                                       out.getvalue(), err.getvalue())


def command(name: str) -> Callable[..., subprocess.CompletedProcess]:
    """A runner of one command: ``command("qa")("report", ...)`` runs ``microcred qa report ...``."""

    def run(*args: str, stdin: str | None = None, cwd: Path | str | None = None,
            timeout: float = 300, process: bool = False) -> subprocess.CompletedProcess:
        return microcred(name, *args, stdin=stdin, cwd=cwd, timeout=timeout, process=process)

    return run
