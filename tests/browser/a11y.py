"""axe-core (axe-playwright-python) findings that fail the browser tests: serious and critical.

Moderate and minor ones are left to review. No rule is switched off: what axe found in the HTML
that Jupyter Book and its theme write is fixed in book/_ext/book_html_fixes.py. If a theme upgrade
brings a violation we cannot fix, add it to ACCEPTED with the rule id, the CSS selector of the
theme's element (as axe reports it), and why.
"""

from __future__ import annotations

import functools

FAILING_IMPACTS = {"serious", "critical"}

# (rule id, CSS selector) -> why it cannot be fixed in this repository. Empty on purpose.
ACCEPTED: dict[tuple[str, str], str] = {}


@functools.lru_cache(maxsize=1)
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def serious_violations(page, context=None) -> list[str]:
    """axe-core's serious and critical findings on the page (or within `context`), one each."""
    results = _axe().run(page, context=context) if context else _axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] not in FAILING_IMPACTS:
            continue
        for node in violation["nodes"]:
            selector = " ".join(str(t) for t in node["target"])
            if (violation["id"], selector) in ACCEPTED:
                continue
            found.append(
                f"{violation['impact']} {violation['id']} ({violation['help']}): {selector}\n"
                f"    {node['html'][:300]}"
            )
    return found
