"""Webinar slides: every module's deck builds from the book, opens with a title slide, has the
module's outcomes, prompts and quiz, embeds its images and loads no script from the internet."""

from __future__ import annotations

import base64
import re

import pytest

from microcred import course, quiz, slides
from microcred.errors import UserError
from tests.helpers.paths import REPO

MODULES = [m.id for m in course.modules()]


@pytest.fixture(scope="module")
def decks() -> dict[str, str]:
    """Every deck rendered once (nbconvert's SlidesExporter, as `make slides` does)."""
    return {m: slides.render(slides.module_notebook(m, REPO), REPO) for m in MODULES}


@pytest.mark.parametrize("module_id", MODULES)
def test_deck_opens_with_a_title_slide_and_holds_the_module(module_id):
    nb = slides.module_notebook(module_id, REPO)
    m = course.module(module_id)
    first = nb.cells[0]
    assert first.metadata["slideshow"]["slide_type"] == "slide"
    assert first.source.startswith(f"# {m.title()}\n")
    text = "\n".join(c.source for c in nb.cells)
    for o in m.outcomes:
        assert o.text() in text
    assert "## Reflect and discuss" in text
    for q in quiz.questions(module_id):
        assert q.text() in text
    notes = [c for c in nb.cells if c.metadata["slideshow"]["slide_type"] == "notes"]
    assert len(notes) == len(quiz.questions(module_id))  # the answers, for the presenter only
    # nothing of MyST is left for reveal.js to show as raw text
    assert not re.search(r"\{(cite|doc|ref|numref)[^}]*\}`|^```\{|^:::\{", text, re.MULTILINE)


@pytest.mark.parametrize("module_id", MODULES)
def test_every_image_of_a_deck_exists_in_the_book(module_id):
    nb = slides.module_notebook(module_id, REPO)
    for cell in nb.cells:
        for path in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", cell.source):
            assert (REPO / path).is_file(), (module_id, path)


def test_decks_reuse_the_book_s_figures():
    """The module pages' figures appear in their decks (outcomes, workload, QA tool)."""
    sources = {m: "\n".join(c.source for c in slides.module_notebook(m, REPO).cells)
               for m in ("outcomes", "dimensioning", "qa")}
    assert "book/images/outcomes-coach.png" in sources["outcomes"]
    assert "book/images/workload-calculator.png" in sources["dimensioning"]
    assert "book/images/qa-self-assessment.png" in sources["qa"]


@pytest.mark.parametrize("module_id", MODULES)
def test_each_deck_builds_offline_with_embedded_images(decks, module_id):
    html = decks[module_id]
    assert '<section' in html and "Reveal.initialize" in html
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert external == [], external
    assert '"_static/reveal.js/dist/reveal.js"' in html and 'src="_static/require.js"' in html
    for src in re.findall(r'<img[^>]*\ssrc="([^"]+)"', html):
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


def test_assets_are_copied_beside_the_decks(tmp_path):
    nm = tmp_path / "node_modules"
    for source in slides.ASSET_FILES.values():
        src = nm / source
        if source.endswith(".js"):
            src.parent.mkdir(parents=True, exist_ok=True)
            src.write_text("// x", encoding="utf-8")
        else:  # a folder of scripts
            src.mkdir(parents=True)
            (src / "x.js").write_text("// x", encoding="utf-8")
    slides.copy_assets(nm, tmp_path / "out")
    assert (tmp_path / "out/_static/reveal.js/dist/x.js").exists()
    assert (tmp_path / "out/_static/require.js").exists()


def test_missing_scripts_are_a_sentence_naming_make_slides(tmp_path):
    with pytest.raises(UserError, match="make slides"):
        slides.copy_assets(tmp_path / "nowhere", tmp_path / "out")


def test_myst_roles_and_directives_become_plain_markdown():
    page = REPO / "book" / "outcomes" / "index.md"
    text = slides.plain_markdown(
        "See {doc}`structure` and {doc}`the coach </notebooks/outcomes-coach>` {cite}`ects2015`.\n"
        "```{admonition} Try it\n:class: tip\nWrite **one** outcome.\n```", page, REPO / "book")
    assert text.startswith("See The structure of a good outcome and the coach.")
    assert "> **Try it**" in text and "> Write **one** outcome." in text
