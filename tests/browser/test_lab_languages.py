"""A generated Finnish and Swedish practice notebook (notebooks/fi/, notebooks/sv/) in a real
JupyterLab: Run All Cells shows no error, the text is the translation, and the coach's screen
shows no English label (its folder's microcred-settings.yaml sets the screen language); the tool
sets JupyterLab's own language, and JupyterLab shows its menus in Finnish from that setting
(widgets/_jupyterlab.py; tests/browser/test_lab_menus_language.py reads every main menu in fi and
sv)."""

from __future__ import annotations

import json
import re
import sys

import pytest
from playwright.sync_api import expect

from microcred.i18n import t
from microcred.widgets import _jupyterlab
from tests.browser.test_lab_widgets import Notebook, open_notebook, run_all_cells
from tests.helpers.paths import REPO
from tests.helpers.screen_text import english_left

sys.path.insert(0, str(REPO / "book" / "_ext"))
import notebook_editions as ne  # noqa: E402  (book/_ext is not a package: Sphinx loads it by path)

pytestmark = pytest.mark.browser

NOTEBOOK = "outcomes-coach.ipynb"


def example_outcomes() -> list[str]:
    """The example outcomes the notebook's code gives the coach (in all three languages)."""
    nb = json.loads((REPO / "notebooks" / NOTEBOOK).read_text(encoding="utf-8"))
    code = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    return [line.strip().strip('"').strip() for block in re.findall(r'"""(.*?)"""', code, re.S)
            for line in block.splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ne.LANGS)
def test_generated_notebook_runs_in_its_language(lab_page, lab, screenshot_dir, lang):
    page, name = lab_page, f"{lang}/{NOTEBOOK}"
    # A participant who has not chosen JupyterLab's language: the Finnish tool sets it.
    lab_setting = lab.settings.joinpath(*_jupyterlab.PLUGIN)
    explicit = lab_setting.read_text(encoding="utf-8")
    lab_setting.unlink()
    try:
        open_notebook(page, lab, name)
        run_all_cells(page)
        nb = Notebook(page, name, screenshot_dir)
        assert not nb.error_outputs(), nb.error_outputs()

        table = ne.read_catalogue(REPO / "locales" / lang / "LC_MESSAGES" / "notebooks" /
                                  "outcomes-coach.po")
        heading = nb.panel.locator(".jp-MarkdownCell h1").first
        expect(heading).to_contain_text(table["Practice: the learning-outcome coach"])

        coach = nb.widget("mc-outcome-coach")
        expect(coach).to_contain_text(re.compile(r"\S"))
        examples = example_outcomes()
        lines = [line.strip() for line in coach.inner_text().splitlines() if line.strip()]
        shown = [line for line in lines if not any(example in line for example in examples)]
        assert not english_left(shown), f"English on the {lang} coach: {english_left(shown)}"
        # JupyterLab's own menus follow after a reload (lab-language/ has fi_FI and sv_SE); the
        # tool says so
        expect(coach.locator(".mc-lab-language")).to_have_text(t("common.lab-reload", lang))
        assert json.loads(lab_setting.read_text(encoding="utf-8"))["locale"] == \
            _jupyterlab.lab_locale(lang)
        nb.screenshot(coach, lang)
        nb.screenshot(nb.panel.locator(".jp-MarkdownCell").first, f"{lang}-text")
    finally:
        lab_setting.write_text(explicit, encoding="utf-8")  # the other tests' English menus


# JupyterLab's main menu (File, Edit, View, Run, Kernel, Tabs, Settings, Help) in English.
MAIN_MENU = ("File", "Edit", "View", "Run", "Kernel", "Tabs", "Settings", "Help")


def test_jupyterlab_menus_in_finnish_from_the_tools_setting(page, lab, screenshot_dir,
                                                            monkeypatch):
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(lab.settings))
    try:
        assert _jupyterlab.follow("fi") == "fi_FI"  # what a tool writes when fi is chosen
        page.goto(f"{lab.url}/lab/workspaces/finnish-menus?reset&token={lab.token}")
        items = page.locator(".lm-MenuBar-content > .lm-MenuBar-item")
        expect(items.first).to_have_text("Tiedosto", timeout=60_000)
        shown = [x.strip() for x in items.all_inner_texts()]
        assert len(shown) >= len(MAIN_MENU) and not set(shown) & set(MAIN_MENU), shown
        assert page.evaluate("document.documentElement.lang") == "fi-FI"
        page.screenshot(path=str(screenshot_dir / "jupyterlab-fi.png"))
    finally:
        _jupyterlab.follow("en")  # the other tests find the menus by their English names
