"""The Jupyter Book built once per test session (as `make book` does, with warnings reported as
errors), shared by tests/test_book.py and the browser tests: building it takes a minute or more.

The build goes to one folder shared by every pytest-xdist worker (`shared_folder`), under a file
lock (`locked`): the first worker to need it builds it, the others wait and reuse it. The other
builds of the session (the fi/sv editions, the printable single page) build into the same folder
or point at its notebook execution cache, so the notebooks run once per session, not four times.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

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


def shared_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A folder of this test session that every xdist worker sees (each worker's own temporary
    folder is one level below the session's)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    return root / name


@contextmanager
def locked(folder: Path) -> Iterator[Path]:
    """Hold the session-wide lock of ``folder`` (created if needed) while the block runs."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder.with_name(folder.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield folder
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def shared_book(tmp_path_factory: pytest.TempPathFactory) -> BookBuild:
    """The session's book: built by the first worker that asks, read back by the others."""
    with locked(shared_folder(tmp_path_factory, "book")) as out:
        record = out / "build.json"
        if record.exists():
            data = json.loads(record.read_text(encoding="utf-8"))
            return BookBuild(Path(data["html"]), data["returncode"], data["output"])
        build = build_book(out)
        record.write_text(json.dumps({**asdict(build), "html": str(build.html)}), "utf-8")
        return build


def execution_cache(build: BookBuild) -> Path:
    """The notebook execution cache of a build (jupyter-book keeps it beside the html)."""
    return build.html.parent / ".jupyter_cache"
