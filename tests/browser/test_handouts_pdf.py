"""`make pdf`: the book printed as one PDF by Debian's chromium, into a temporary folder."""

from __future__ import annotations

import re
import subprocess

import pytest

from microcred import course
from tests.helpers.book import locked, shared_folder
from tests.helpers.paths import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory, browser, book_build) -> bytes:
    """Run the Makefile's own recipe (without reinstalling anything) into the session book's
    folder, whose execution cache and read pages it reuses (tests/helpers/book.py)."""
    with locked(shared_folder(tmp_path_factory, "book")) as out:
        proc = subprocess.run(
            ["make", "-o", ".venv/.installed", "-o", "chromium", "pdf", f"PDF_OUT={out}"],
            cwd=REPO, capture_output=True, text=True, timeout=1200, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    # `make pdf` starts with a plain `jupyter-book build` (the one build of the session without
    # the editions' settings): Sphinx's warnings ("file:line: WARNING: ...") fail here, as the
    # English edition's fail tests/test_book.py (chromium's own log lines read ":WARNING:").
    warnings = [line for line in (proc.stdout + proc.stderr).splitlines()
                if re.search(r"(^|: )WARNING: ", line)]
    assert not warnings, "\n".join(warnings)
    single = (out / "_build" / "singlehtml" / "print.html").read_text(encoding="utf-8")
    assert 'href="_static/styles/' in single  # the styles resolve from the printed copy
    assert (out / "_build" / "singlehtml" / "_static" / "styles").is_dir()
    for m in course.modules():  # every module is in the page that was printed
        assert m.title() in single, m.id
    return (out / "_build" / "pdf" / "microcred-course.pdf").read_bytes()


def test_the_book_is_one_pdf_of_many_pages(pdf):
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages >= 100, pages  # the whole book, not a redirect page or a single module


def test_the_pdf_has_an_outline_to_find_the_modules(pdf):
    assert b"/Outlines" in pdf
