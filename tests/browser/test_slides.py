"""A webinar deck in chromium, offline: reveal.js starts from the copy beside the deck, the title
slide shows, every image loads, the arrow keys move on, and nothing is asked of the internet."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from microcred import course, slides
from tests.browser.conftest import open_page
from tests.helpers.paths import REPO

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

NODE_MODULES = REPO / ".venv" / "slides" / "node_modules"


@pytest.fixture(scope="module")
def decks(tmp_path_factory, browser) -> Path:
    """Every deck built as `make slides` builds them, into a temporary folder."""
    if not (NODE_MODULES / "reveal.js" / "dist" / "reveal.js").exists():
        pytest.skip("reveal.js is not installed in .venv/slides: `make install-test` or `make slides`"
                    " installs it (npm)")
    out = tmp_path_factory.mktemp("slides")
    slides.build(REPO, out, NODE_MODULES)
    return out


@pytest.mark.parametrize("module_id", ["outcomes", "qa"])
def test_deck_runs_offline_with_title_slide_and_images(browser, decks, screenshot_dir, module_id):
    blocked: list[str] = []
    errors: list[str] = []
    with open_page(browser, blocked) as page:
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((decks / f"{module_id}.html").as_uri())
        expect(page.locator(".reveal.ready")).to_be_attached(timeout=30_000)
        title = course.module(module_id).title()
        expect(page.locator("section.present h1")).to_have_text(f"{title}¶")
        assert page.locator(".reveal .slides section").count() >= 6
        page.screenshot(path=str(screenshot_dir / f"slides-{module_id}-title.png"))
        page.keyboard.press("ArrowRight")
        expect(page.locator("section.present h2").first).to_contain_text(
            "What you will be able to do")
        # every image has loaded (embedded, so a broken one has no width)
        broken = page.evaluate("""() => [...document.images]
            .filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt.slice(0, 60))""")
        assert broken == []
    assert blocked == [], blocked
    assert errors == [], errors
