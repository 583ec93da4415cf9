"""Accessibility of the built book: axe-core (axe-playwright-python) on every page; serious and
critical violations fail (tests/browser/a11y.py says which and how exceptions are recorded).

The widgets are checked the same way where participants use them, in JupyterLab
(test_lab_widgets.py); in the static book they are previews drawn by the book's own copy of the
widget manager (test_book_pages.py), and the book also shows screenshots of them, with alt text.

The timeout covers the session's book build too when this is the first test to need the book.
"""

from __future__ import annotations

import pytest

from tests.browser.a11y import serious_violations
from tests.helpers.book import BOOK_BUILD_TIMEOUT

pytestmark = [pytest.mark.browser, pytest.mark.timeout(BOOK_BUILD_TIMEOUT + 600)]


def test_book_pages_have_no_serious_accessibility_violations(page, book_url, book_pages):
    problems = []
    for rel in book_pages:
        page.goto(book_url + rel, wait_until="load")
        problems += [f"{rel}: {v}" for v in serious_violations(page)]
    assert not problems, "axe-core:\n" + "\n".join(problems)
