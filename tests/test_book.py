"""The book's English edition as `make book` builds it (book/_ext/editions.py, through Jupyter
Book 1.x's own configuration), with warnings as errors, into a temporary folder. A plain
`jupyter-book build` is checked for warnings by tests/browser/test_handouts_pdf.py (`make pdf`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from tests.helpers.paths import REPO, program

pytestmark = pytest.mark.slow


def toc_files() -> list[str]:
    """Every file named in _toc.yml (root, chapters and sections)."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    found = [toc["root"]]

    def walk(items):
        for item in items or []:
            if "file" in item:
                found.append(item["file"])
            walk(item.get("sections"))
            walk(item.get("chapters"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    return found


@pytest.fixture
def built_book(book_build) -> Path:
    """The session's book build (tests/conftest.py), which must have had no warning."""
    assert book_build.returncode == 0, f"book build failed:\n{book_build.tail()}"
    assert "WARNING:" not in book_build.output, book_build.tail()
    return book_build.html


def test_jupyter_book_is_1x():
    out = subprocess.run([program("jupyter-book"), "--version"], capture_output=True, text=True)
    assert "Jupyter Book      : 1." in out.stdout or "Jupyter Book: 1." in out.stdout, out.stdout


def test_every_toc_page_is_built(built_book):
    for name in toc_files():
        assert (built_book / f"{name}.html").exists(), name


def test_notebook_pages_have_binder_buttons_opening_jupyterlab(built_book):
    for name in toc_files():
        if not (REPO / f"{name}.ipynb").exists():
            continue
        html = (built_book / f"{name}.html").read_text(encoding="utf-8")
        assert f"urlpath=lab/tree/{name}.ipynb" in html, name


def test_notebooks_were_executed_at_build_time(built_book):
    html = (built_book / "notebooks" / "welcome.html").read_text(encoding="utf-8")
    assert "The course tools are ready, version" in html
