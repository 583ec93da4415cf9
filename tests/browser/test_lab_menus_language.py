"""JupyterLab's own menus in Finnish and in Swedish (lab-language/, set by a tool's language
menu through widgets/_jupyterlab.py): on a fi or sv screen no main-menu title and no item of a
main menu is one of JupyterLab's English messages. The menus are read from the page, as a
participant sees them, with a notebook open (so the items name what they act on)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from microcred.widgets import _jupyterlab
from tests.helpers.paths import REPO
from tests.helpers.scripts import load_script

pytestmark = pytest.mark.browser

build = load_script(REPO / "lab-language" / "build.py", "lab_language_build")

# nbgrader's lab extension writes its labels ("Assignment List", "Validate") into its code, not
# through JupyterLab's translator, so no language pack reaches them: participants do not get its
# menu (deploy/jupyterhub/participant/, which the test server uses; the course's assignment
# panel instead), and a trainer's server has it in English.
UNTRANSLATABLE_MENUS = {"Nbgrader"}
NOTEBOOK = "outcomes-coach.ipynb"


def english_messages() -> set[str]:
    """Every English message the installed JupyterLab passes through its translator."""
    return {text for _context, text in build.installed_strings() if any(c.isalpha() for c in text)}


def pack(locale: str) -> dict:
    return json.loads((build.pack_dir(locale) / "jupyterlab.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang, locale", [("fi", "fi_FI"), ("sv", "sv_SE")])
def test_no_main_menu_label_stays_english(page, lab, screenshot_dir, monkeypatch, lang, locale):
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(lab.settings))
    english = english_messages()
    try:
        assert _jupyterlab.follow(lang) == locale  # what a tool writes when lang is chosen
        page.goto(lab.notebook_url(f"{lang}/{NOTEBOOK}", workspace=f"menus-{lang}"))
        titles = page.locator(".lm-MenuBar-content > .lm-MenuBar-item")
        expect(titles.first).to_have_text(pack(locale)["menu\x04File"][0], timeout=60_000)
        expect(page.locator(".jp-NotebookPanel .jp-Cell").first).to_be_visible(timeout=60_000)
        shown: dict[str, list[str]] = {}
        for n in range(titles.count()):
            title = titles.nth(n).inner_text().strip()
            if title in UNTRANSLATABLE_MENUS:
                continue
            menu = page.locator(".lm-Menu").first
            titles.nth(n).click()
            if not _opens(menu):  # a click lost while JupyterLab was busy (a clean-clone run,
                titles.nth(n).click()  # after the Run menu, the kernel still connecting)
            expect(menu).to_be_visible()
            shown[title] = [x.strip() for x in
                            menu.locator(".lm-Menu-item:not(.lm-mod-hidden) .lm-Menu-itemLabel")
                            .all_inner_texts() if x.strip()]
            if n == 3:  # the Run menu: Run All Cells and its kin
                page.screenshot(path=str(screenshot_dir / f"jupyterlab-{lang}-run-menu.png"))
            page.keyboard.press("Escape")
            expect(page.locator(".lm-Menu")).to_have_count(0)
        assert len(shown) >= 8 and all(len(items) >= 3 for items in shown.values()), shown
        left = sorted({x for title, items in shown.items() for x in [title, *items]
                       if x in english})
        assert left == [], f"English in JupyterLab's {lang} menus: {left}"
        assert page.evaluate("document.documentElement.lang") == locale.replace("_", "-")
    finally:
        _jupyterlab.follow("en")  # the other tests find the menus by their English names


def _opens(menu) -> bool:
    """Whether ``menu`` is shown within 5 s of its title's click."""
    try:
        menu.wait_for(state="visible", timeout=5_000)
    except PlaywrightTimeout:
        return False
    return True


@pytest.mark.parametrize("lang, locale", [("fi", "fi_FI"), ("sv", "sv_SE")])
def test_a_launch_link_opens_jupyterlab_in_its_language_on_the_first_load(
        page, lab, screenshot_dir, lang, locale):
    """A participant's very first launch from the fi/sv book edition or `make start`: nothing has
    set JupyterLab's language, and the launch link (microcred/widgets/lab_link.py) sets it before
    the page loads: the menu bar is in that language without a reload."""
    setting = lab.settings.joinpath(*_jupyterlab.PLUGIN)
    setting.unlink(missing_ok=True)  # fresh: no language chosen yet (`lab` puts it back)
    loads: list[str] = []
    page.on("load", lambda: loads.append(page.url))
    page.goto(f"{lab.url}/microcred/lab/{lang}/notebooks/{lang}/welcome.ipynb"
              f"?token={lab.token}&reset")
    titles = page.locator(".lm-MenuBar-content > .lm-MenuBar-item")
    expect(titles.first).to_have_text(pack(locale)["menu\x04File"][0], timeout=60_000)
    expect(page.locator(".jp-NotebookPanel .jp-MarkdownOutput h1").first).to_be_visible(
        timeout=60_000)
    page.screenshot(path=str(screenshot_dir / f"jupyterlab-{lang}-first-load.png"))
    assert page.url.startswith(f"{lab.url}/lab/tree/notebooks/{lang}/welcome.ipynb")
    assert lab.token not in page.url
    assert len(loads) == 1, loads  # one page load: the link's redirect, no reload
    assert page.evaluate("document.documentElement.lang") == locale.replace("_", "-")
    assert json.loads(setting.read_text(encoding="utf-8"))["locale"] == locale
