"""The Jupyter Book built once per test session (as `make book` does, with warnings reported as
errors), shared by tests/test_book.py and the browser tests: building it takes a minute or more."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .paths import REPO, program

BOOK_BUILD_TIMEOUT = 900  # seconds


@dataclass(frozen=True)
class BookBuild:
    """One build of the book into a temporary folder."""

    html: Path  # the built site (index.html and the pages)
    returncode: int
    output: str  # stdout and stderr of `jupyter-book build`

    def tail(self) -> str:
        return self.output[-8000:]


def build_book(out: Path) -> BookBuild:
    """`jupyter-book build` with -W -n --keep-going: every page is built even when a warning
    makes the exit code non-zero, so the site is usable and the warnings are all reported."""
    proc = subprocess.run(
        [program("jupyter-book"), "build", str(REPO), "-W", "-n", "--keep-going",
         "--path-output", str(out)],
        capture_output=True, text=True, timeout=BOOK_BUILD_TIMEOUT, check=False,
    )
    return BookBuild(out / "_build" / "html", proc.returncode, proc.stdout + proc.stderr)
