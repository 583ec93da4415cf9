"""The labels JupyterLab 4.6 draws without its translator, in the screen's language: the course's
lab extension (lab-language/extension/) puts them in Finnish or Swedish, and on an English screen
they stay English. Read from the page as a participant's browser (or screen reader) gets them:
the skip link, the landmarks' labels, the side panels' section labels, the status bar's kernel
status and mode, No Kernel, the debugger button's tooltip. The expected text is the language pack's own translation."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from microcred.widgets import _jupyterlab
from tests.helpers.paths import REPO
from tests.helpers.scripts import load_script

pytestmark = pytest.mark.browser

build = load_script(REPO / "lab-language" / "build.py", "lab_language_build")

NOTEBOOK = "outcomes-coach.ipynb"
SKIP_LINK = "Skip to main panel"  # no message of JupyterLab's: our domain microcred_lab_language
OWN = ["Common Tools", "Advanced Tools"]  # the property inspector's headings, in our domain too
# The labels the extension puts in place (JupyterLab's messages, the 'jupyterlab' domain).
LABELS = ["Cell toolbar", "Markdown Cell Content", "main area content", "main area toolbar",
          "side panel content", "No Kernel", "Enable Debugger",
          "Select a kernel that supports debugging to enable debugger", "More commands"]
# Every label, title and text on the page (hidden ones too: a screen reader reads them).
COLLECT = """() => {
  const out = [];
  for (const el of document.querySelectorAll('[aria-label], [title]')) {
    out.push(el.getAttribute('aria-label') || '', el.getAttribute('title') || '');
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) out.push(walker.currentNode.data.trim());
  return out;
}"""


class Screen:
    """What a message reads as on a screen in ``locale`` (en: the message itself)."""

    def __init__(self, locale: str):
        self.catalogue: dict[str, list[str]] = {}
        if locale != "en":
            for domain in ("jupyterlab", "microcred_lab_language"):
                path = build.pack_dir(locale) / f"{domain}.json"
                self.catalogue.update(json.loads(path.read_text(encoding="utf-8")))

    def __call__(self, message: str, *args: str) -> str:
        text = self.catalogue.get(message, [message])[0]
        for n, arg in enumerate(args, start=1):
            text = text.replace(f"%{n}", arg)
        return text


def aria(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('aria-label'))")


@pytest.mark.parametrize("lang, locale", [("fi", "fi_FI"), ("sv", "sv_SE"), ("en", "en")])
def test_labels_drawn_without_the_translator_read_in_the_screen_language(
        page, lab, screenshot_dir, monkeypatch, lang, locale):
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(lab.settings))
    tr = Screen(locale)
    if locale != "en":  # the pack translates every one of them (else the test would prove nothing)
        assert all(tr(m) != m for m in [SKIP_LINK, "%1 Section", *OWN, *LABELS]), locale
    try:
        _jupyterlab.follow(lang)  # what a tool writes when lang is chosen (en: already set)
        page.goto(lab.notebook_url(NOTEBOOK if lang == "en" else f"{lang}/{NOTEBOOK}",
                                   workspace=f"labels-{lang}"))
        status = page.locator("#jp-main-statusbar")
        kernel_status = status.locator(".jp-StatusBar-TextItem", has_text=" | ")
        expect(kernel_status).to_have_text(f"Python 3 (ipykernel) | {tr('Idle')}",
                                           timeout=90_000)
        assert page.evaluate("document.documentElement.lang") == locale.replace("_", "-")
        expect(page.locator("a.skip-link")).to_have_text(tr(SKIP_LINK))
        expect(status).to_contain_text(tr("Mode: %1", tr("Command")))
        panel = page.locator(".jp-NotebookPanel")
        indicator = panel.locator(".jp-Notebook-ExecutionIndicator")
        expect(indicator.locator("[role=progressbar]")).to_have_attribute(
            "aria-label", tr("Kernel status"))
        expect(indicator).to_contain_text(tr("Kernel status: %1", tr("Idle")))
        expect(panel.locator(".jp-NotebookPanel-notebook")).to_have_attribute(
            "aria-label", tr("main area content"))
        expect(panel.locator(".jp-NotebookPanel-toolbar")).to_have_attribute(
            "aria-label", tr("main area toolbar"))
        expect(panel.locator(".jp-cell-toolbar").first).to_have_attribute(
            "aria-label", tr("Cell toolbar"))
        expect(panel.locator(".jp-MarkdownCell").first).to_have_attribute(
            "aria-label", tr("Markdown Cell Content"))
        debugger = panel.locator(".jp-DebuggerBugButton")
        expect(debugger).to_have_attribute("title", tr("Enable Debugger"))
        expect(debugger).to_have_attribute("aria-label", tr("Enable Debugger"))
        sides = aria(page, ".jp-SidePanel-content")
        assert len(sides) >= 3 and set(sides) == {tr("side panel content")}, sides
        assert set(aria(page, ".jp-MarkdownCell")) == {tr("Markdown Cell Content")}
        opener = panel.locator(".jp-Toolbar-responsive-opener > .jp-ToolbarButtonComponent")
        expect(opener).to_have_attribute("title", tr("More commands"))
        expect(opener).to_have_attribute("aria-label", tr("More commands"))
        headings = page.locator("#jp-property-inspector .jp-Collapser-title")
        expect(headings).to_have_text([tr("Common Tools"), tr("Advanced Tools")])
        page.evaluate("() => window.jupyterapp.shell.activateById('jp-property-inspector')")
        expect(headings.first).to_be_visible()  # in the screenshots
        sections = page.eval_on_selector_all(".lm-AccordionPanel-title", """els => els.map(
            e => [e.getAttribute('aria-label'), e.querySelector('.lm-AccordionPanel-titleLabel')
                                                  .textContent])""")
        assert len(sections) >= 5, sections  # the running sessions', the debugger's sections
        assert [a for a, title in sections if a != tr("%1 Section", title)] == []
        # The file browser's tooltip: "Writable: true" is JavaScript's true, Yes in the language.
        writable = page.locator(".jp-DirListing-item[title]").first
        writable_line = tr("\nWritable: %1", "true" if locale == "en" else tr("Yes")).strip()
        expect(writable).to_have_attribute("title", re.compile(re.escape(writable_line) + "$",
                                                               re.M))
        page.locator("a.skip-link").focus()  # shown while it has the focus
        page.screenshot(path=str(screenshot_dir / f"jupyterlab-{lang}-labels.png"))

        # The kernel shut down: No Kernel on the toolbar, in the status bar and on the Select
        # Kernel dialog's button, and the debugger button, disabled, says why.
        page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        kernel_name = panel.locator(".jp-Toolbar-kernelName")
        expect(kernel_name).to_have_text(tr("No Kernel"))
        expect(kernel_name).to_have_attribute("aria-label", tr("No Kernel"))
        expect(kernel_status).to_have_text(f"{tr('No Kernel')} | {tr('Unknown')}")
        disabled = tr("Select a kernel that supports debugging to enable debugger")
        expect(debugger).to_have_attribute("title", disabled)
        page.screenshot(path=str(screenshot_dir / f"jupyterlab-{lang}-no-kernel.png"))
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:change-kernel'); }")
        dialog = page.locator(".jp-Dialog")
        expect(dialog.locator(".jp-Dialog-buttonLabel").first).to_have_text(tr("No Kernel"))
        page.screenshot(path=str(screenshot_dir / f"jupyterlab-{lang}-select-kernel.png"))
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)

        shown = set(page.evaluate(COLLECT))
        english = {m for m in [SKIP_LINK, *OWN, *LABELS, "Kernel status", "Idle", "Unknown"]}
        if locale == "en":
            assert {SKIP_LINK, "No Kernel", "side panel content"} <= shown
        else:
            assert shown & english == set(), f"English left on the {lang} screen"
    finally:
        _jupyterlab.follow("en")  # the other tests find the menus by their English names
