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
from microcred.widgets import _jupyterlab
from tests.browser.test_lab_menus_language import pack
from tests.browser.test_lab_widgets import Notebook
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


def open_in_finnish(page, lab, name: str, monkeypatch) -> None:
    """JupyterLab in Finnish (the setting a Finnish tool writes), the notebook open and its
    kernel idle: the menu bar shows the pack's *Tiedosto*, the kernel's name is in the status
    bar (the English helpers of test_lab_widgets look for "| Idle")."""
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(lab.settings))
    assert _jupyterlab.follow("fi") == "fi_FI"
    page.goto(lab.notebook_url(name, workspace="assignments-fi"))
    titles = page.locator(".lm-MenuBar-content > .lm-MenuBar-item")
    expect(titles.first).to_have_text(pack("fi_FI")["menu\x04File"][0], timeout=60_000)
    page.wait_for_function(
        """() => {
            const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
            const indicator = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
            const bar = document.querySelector('#jp-main-statusbar');
            return indicator && indicator.dataset.status === 'idle'
                && bar && /Python 3 \\(ipykernel\\) \\|/.test(bar.textContent);
        }""", timeout=ACTION_TIMEOUT)


def cut_off(panel: Locator) -> list[str]:
    """Labels, buttons and texts of the panel that do not fit their box (shown with "…")."""
    return panel.evaluate("""panel => [...panel.querySelectorAll(
            '.jupyter-widget-label, .widget-label, .jupyter-button, .widget-html-content')]
        .filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1)
        .map(e => e.textContent.trim())""")


def run_all_in_finnish(page) -> None:
    """*Suorita → Suorita kaikki solut*, then every code cell has run."""
    fi = pack("fi_FI")
    run = fi["menu\x04Run"][0]
    page.locator(".lm-MenuBar-item", has_text=re.compile(f"^{re.escape(run)}$")).click()
    page.locator(".lm-Menu-item:visible", has_text=fi["Run All Cells"][0]).first.click()
    page.wait_for_function(
        """() => {
            const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
            const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=ACTION_TIMEOUT)


def no_nbgrader_english(page) -> None:
    """None of nbgrader's English participant tools on the screen (the participant profile)."""
    titles = page.locator(".lm-MenuBar-content > .lm-MenuBar-item").all_inner_texts()
    assert "Nbgrader" not in [x.strip() for x in titles], titles
    toolbar = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar")
    expect(toolbar).to_be_visible()
    assert "Validate" not in toolbar.inner_text()


def test_fetch_check_and_hand_in_on_a_finnish_screen(page, lab, screenshot_dir, exchange,
                                                     tmp_path, monkeypatch):
    course, root, home = exchange
    name = "fi/assignments.ipynb"
    open_in_finnish(page, lab, name, monkeypatch)
    run_all_in_finnish(page)
    nb = Notebook(page, name, screenshot_dir)
    assert not nb.error_outputs(), nb.error_outputs()
    no_nbgrader_english(page)
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
    # Named by the heading above the answer (JupyterLab shows no cell numbers).
    expect(status).to_contain_text("Kohdan ”Perustelut” vastaus (7. solu ylhäältä) puuttuu vielä",
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
    assert english_left(panel_lines(panel)) == [] and cut_off(panel) == []
    nb.screenshot(panel, "fi-handed-in")
    page.screenshot(path=str(screenshot_dir / "assignments-fi-whole-screen.png"))

    # The same row in Swedish (longer words: Inlämnad …, Anteckningsbok, Lämna in): nothing cut.
    panel.get_by_label(t("common.screen-language", "fi")).select_option(label="svenska")
    expect(panel).to_contain_text(t("assignments.title", "sv"), timeout=ACTION_TIMEOUT)
    expect(panel.locator(".mc-assignment")).to_contain_text("Inlämnad")
    assert cut_off(panel) == []
    expect(panel.locator('[title="null"]')).to_have_count(0)  # no "null" on hover
    nb.screenshot(panel, "sv-handed-in")
    page.set_viewport_size({"width": 960, "height": 900})  # a laptop, the file browser open
    expect(panel.get_by_role("button", name=t("assignments.submit", "sv"), exact=True)).to_be_visible()
    assert cut_off(panel) == []
    nb.screenshot(panel, "sv-narrow")

    trainer = Course.copy_of(course, tmp_path / "trainer")
    trainer.collect_from_exchange(ASSIGNMENT, root)
    collected = list((trainer.root / "submitted").glob(f"*/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"))
    assert len(collected) == 1 and GOOD[0] in collected[0].read_text(encoding="utf-8")
