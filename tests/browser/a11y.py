"""axe-core (axe-playwright-python) findings that fail the browser tests: serious and critical.

Moderate and minor ones are left to review. No rule is switched off: what axe found in the HTML
that Jupyter Book and its theme write is fixed in book/_ext/book_html_fixes.py. A violation we
cannot fix (in a library's own markup) goes into ACCEPTED with the rule id, a CSS selector that
the element matches, and why; accepted findings still show, as warnings.
"""

from __future__ import annotations

import functools
import warnings

FAILING_IMPACTS = {"serious", "critical"}

# (axe rule id, CSS selector of the element) -> why it cannot be fixed in this repository.
# Accepted findings are still reported, as warnings.
ACCEPTED: dict[tuple[str, str], str] = {
    ("aria-input-field-name", ".widget-slider .noUi-handle"): (
        "ipywidgets 8.1 draws sliders with noUiSlider, whose handle (role=slider) gets no "
        "accessible name, not even from the widget's `description` (checked in JupyterLab 4.6). "
        "The label is visible next to it. Upstream (ipywidgets) must fix it; until then prefer "
        "a number box (BoundedFloatText with a description) where a slider is not needed."
    ),
}


@functools.lru_cache(maxsize=1)
def _axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def _accepted(page, rule: str, target: str) -> str | None:
    for (accepted_rule, selector), why in ACCEPTED.items():
        if accepted_rule == rule and page.locator(target).first.evaluate(
            "(element, selector) => element.matches(selector)", selector
        ):
            return why
    return None


# axe-core's run options. Without "preload": False, axe fetches every stylesheet of the page
# again (and the page's media) before each run, for the two rules that read them:
# css-orientation-lock (experimental, not run by default) and no-autoplay-audio (moderate at
# most). Neither can give a finding that fails here: on the 82 pages of the book the findings
# were the same either way, of every impact (5 Dec 2026, axe-core 4.12), and each run took a
# quarter less time. axe also resolved the theme's @import against the page instead of the
# stylesheet, asking the book server for files that do not exist.
RUN_OPTIONS = {"resultTypes": ["violations"], "preload": False}


# axe-core is put into a document once (a JupyterLab page that stays open for several notebooks
# keeps it), and only the violations come back to Python.
AXE_LOADED = "() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"
AXE_RUN = """([context, options]) =>
    axe.run(context === null ? document : context, options).then(results => results.violations)"""


def serious_violations(page, context=None) -> list[str]:
    """axe-core's serious and critical findings on the page (or within `context`), one each."""
    if not page.evaluate(AXE_LOADED):
        page.evaluate(_axe_script())
    found = []
    for violation in page.evaluate(AXE_RUN, [context, RUN_OPTIONS]):
        if violation["impact"] not in FAILING_IMPACTS:
            continue
        for node in violation["nodes"]:
            selector = " ".join(str(t) for t in node["target"])
            line = (
                f"{violation['impact']} {violation['id']} ({violation['help']}): {selector}\n"
                f"    {node['html'][:300]}"
            )
            why = _accepted(page, violation["id"], selector) if len(node["target"]) == 1 else None
            if why:
                warnings.warn(f"accepted accessibility finding: {line}\n    ({why})", stacklevel=2)
                continue
            found.append(line)
    return found
