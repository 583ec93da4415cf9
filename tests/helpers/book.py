"""The book's English edition built once per test session, as `make book` builds it (with
warnings reported as errors), shared by tests/test_book.py and the browser tests: building it
takes a minute or more.

The build goes to one folder shared by every pytest-xdist worker (`shared_folder`), under a file
lock (`locked`): the first worker to need it builds it, the others wait and reuse it. The other
builds of the session (the fi/sv editions, the printable single page of `make pdf`, which is a
plain `jupyter-book build`) point at its notebook execution cache or build into the same folder,
so the notebooks run once per session, not four times; the fi/sv editions' test serves this
English edition beside them rather than building it again.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

from .paths import REPO

BOOK_BUILD_TIMEOUT = 900  # seconds
EDITIONS = REPO / "book" / "_ext" / "editions.py"


@dataclass(frozen=True)
class BookBuild:
    """One build of the book into a temporary folder."""

    html: Path  # the built site (index.html and the pages)
    returncode: int
    output: str  # stdout and stderr of `jupyter-book build`

    def tail(self) -> str:
        return self.output[-8000:]


def build_book(out: Path) -> BookBuild:
    """The English edition, as `make book` builds it (book/_ext/editions.py: Jupyter Book's own
    configuration, the language switcher, -W -n --keep-going), into out/_build/html/en: every page
    is built even when a warning makes the exit code non-zero, so the site is usable and the
    warnings are all reported. Its execution cache is out/_build/.jupyter_cache, where a
    `jupyter-book build --path-output out` (`make pdf`) finds it too."""
    proc = subprocess.run(
        [sys.executable, str(EDITIONS), "build", "en", "--strict", "--out", str(out / "_build")],
        capture_output=True, text=True, timeout=BOOK_BUILD_TIMEOUT, check=False, cwd=REPO,
    )
    return BookBuild(out / "_build" / "html" / "en", proc.returncode, proc.stdout + proc.stderr)


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
    """The notebook execution cache of the build (_build/.jupyter_cache beside html/en)."""
    return build.html.parent.parent / ".jupyter_cache"
