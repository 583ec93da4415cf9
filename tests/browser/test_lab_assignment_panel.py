"""The assignment panel on a Finnish screen in a real JupyterLab, on a real nbgrader exchange: the
participant opens the Finnish practice notebook (notebooks/fi/assignments.ipynb), fetches the
Finnish assignment, checks it before and after answering, and hands it in; the trainer's
``nbgrader collect`` finds the hand-in. No English label on the panel at any step (issue 19:
nbgrader's own panel is English only)."""

from __future__ import annotations

import re

import nbformat
import pytest
from playwright.sync_api import Locator, expect

from microcred.i18n import t
from microcred.trainer.demo import GOOD, RATIONALE
from tests.browser.test_lab_widgets import Notebook, open_notebook, run_all_cells
from tests.helpers.course import Course, cell_of, fill_answers
from tests.helpers.screen_text import english_left

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

COURSE_ID = "microcred-coaching"
ASSIGNMENT = "outcomes-fi"
ACTION_TIMEOUT = 120_000  # ms: a check runs the whole notebook in a kernel of its own


@pytest.fixture
def exchange(lab, tmp_path):
    """``outcomes-fi`` released to an exchange; the lab's Jupyter config folder holds the hub's
    nbgrader settings (as /etc/jupyter/nbgrader_config.py does) with the participant's folder
    inside the lab's root. Removed after the test."""
    course = Course.copy_of_repo(tmp_path)
    root = tmp_path / "exchange"
    root.mkdir()
    course.release(ASSIGNMENT)
    course.release_to_exchange(ASSIGNMENT, root)
    home = lab.root / "hub-home"
    config = lab.root.parent / "jupyter-config" / "nbgrader_config.py"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("\n".join([
        "c = get_config()",
        f"c.CourseDirectory.course_id = {COURSE_ID!r}",
        f"c.Exchange.root = {str(root)!r}",
        "c.Exchange.path_includes_course = True",
        f"c.Exchange.assignment_dir = {str(home)!r}",
        f"c.Exchange.cache = {str(tmp_path / 'cache')!r}",
    ]) + "\n", encoding="utf-8")
    try:
        yield course, root, home
    finally:
        config.unlink(missing_ok=True)


def panel_lines(panel: Locator) -> list[str]:
    """The panel's text as a participant reads it, line by line (assignment names left out)."""
    return [line.strip() for line in panel.inner_text().splitlines()
            if line.strip() and line.strip() != ASSIGNMENT]


def test_fetch_check_and_hand_in_on_a_finnish_screen(page, lab, screenshot_dir, exchange,
                                                     tmp_path):
    course, root, home = exchange
    name = "fi/assignments.ipynb"
    open_notebook(page, lab, name)
    run_all_cells(page)
    nb = Notebook(page, name, screenshot_dir)
    assert not nb.error_outputs(), nb.error_outputs()
    panel = nb.widget("mc-assignment-panel")
    expect(panel).to_contain_text(t("assignments.title", "fi"))
    expect(panel.locator(".mc-assignment")).to_contain_text(t("assignments.status.released", "fi"))
    assert english_left(panel_lines(panel)) == []
    nb.screenshot(panel, "fi-released")

    panel.get_by_role("button", name=t("assignments.fetch", "fi"), exact=True).click()
    status = panel.locator(".mc-assignment-status")
    expect(status).to_contain_text(f"Tehtävä {ASSIGNMENT} on haettu", timeout=ACTION_TIMEOUT)
    expect(panel.locator(".mc-assignment")).to_contain_text(t("assignments.status.fetched", "fi"))
    notebook = home / COURSE_ID / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert notebook.is_file()

    # Checked as fetched: the answers are missing, named by cell in Finnish.
    check = panel.get_by_role("button", name=t("assignments.validate", "fi"), exact=True)
    check.click()
    expect(status).to_contain_text(re.compile(r"Solussa \d+ ei ole vielä vastausta"),
                                   timeout=ACTION_TIMEOUT)
    assert english_left(panel_lines(panel)) == []
    nb.screenshot(panel, "fi-checked-unanswered")

    # The participant writes the answers and saves (here: into the saved file), then checks.
    nb_fi = fill_answers(nbformat.read(notebook, as_version=4), GOOD,
                         released_stub=t("grading.answer-stub", "fi"))
    cell_of(nb_fi, "rationale").source = RATIONALE
    nbformat.write(nb_fi, notebook)
    check.click()
    expect(status).to_contain_text(t("assignments.validated", "fi", name=notebook.name),
                                   timeout=ACTION_TIMEOUT)

    panel.get_by_role("button", name=t("assignments.submit", "fi"), exact=True).click()
    expect(status).to_contain_text(f"Tehtävä {ASSIGNMENT} on palautettu", timeout=ACTION_TIMEOUT)
    handed_in = re.compile(r"Palautettu \d{1,2}\.\d{1,2}\.\d{4}")  # 5.12.2026 8.42 EET
    expect(panel.locator(".mc-assignment")).to_contain_text(handed_in)
    assert english_left(panel_lines(panel)) == []
    nb.screenshot(panel, "fi-handed-in")

    trainer = Course.copy_of(course, tmp_path / "trainer")
    trainer.collect_from_exchange(ASSIGNMENT, root)
    collected = list((trainer.root / "submitted").glob(f"*/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"))
    assert len(collected) == 1 and GOOD[0] in collected[0].read_text(encoding="utf-8")
