"""An assignment in a real JupyterLab: a participant deletes a quote by mistake, runs the
notebook, reads what to do in plain words, undoes with Ctrl+Z and runs it again (issue 14)."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from microcred.i18n import t
from tests.browser.test_lab_widgets import UPDATE_TIMEOUT, Notebook, open_notebook
from tests.helpers.paths import REPO

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

ASSIGNMENT = REPO / "assignments" / "source" / "outcomes" / "outcomes.ipynb"
RUN_TIMEOUT = 120_000


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:visible", has_text="Run All Cells").first.click()


def test_a_deleted_quote_is_explained_and_undone(lab_page, lab, screenshot_dir):
    page = lab_page
    folder = lab.root / "notebooks" / "assignment"
    folder.mkdir(exist_ok=True)
    shutil.copy(ASSIGNMENT, folder / "outcomes.ipynb")
    open_notebook(page, lab, "assignment/outcomes.ipynb")
    nb = Notebook(page, "assignment-outcomes.ipynb", screenshot_dir)

    # The participant clicks at the end of the first outcome and deletes its closing quote.
    line = nb.panel.locator(".cm-line", has_text="The participant can analyse the competence")
    line.click()
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    expect(line).not_to_contain_text('data."')

    _run_all(page)
    message = nb.panel.locator(".jp-OutputArea-output", has_text=t("cells.title", "en", line=3))
    expect(message).to_be_visible(timeout=RUN_TIMEOUT)
    expect(message).to_contain_text(t("cells.quote-missing", "en"))
    expect(message).to_contain_text("Ctrl+Z")
    assert "SyntaxError" not in nb.panel.inner_text()
    assert "Traceback" not in nb.panel.inner_text()
    nb.screenshot(message, "deleted-quote")

    # As the message says: Ctrl+Z in the cell brings the quote back; Run All then scores.
    line.click()
    page.keyboard.press("Control+z")
    expect(line).to_contain_text('data."', timeout=UPDATE_TIMEOUT)
    _run_all(page)
    score = nb.panel.locator(".jp-OutputArea-output", has_text=re.compile(r"Score: \d+ / 5"))
    expect(score).to_be_visible(timeout=RUN_TIMEOUT)
    expect(message).to_have_count(0)
    nb.screenshot(score, "quote-restored")
