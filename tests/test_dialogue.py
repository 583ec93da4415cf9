"""The dialogue kit: a guide built from the canvas, in three languages, as safe Markdown."""

from __future__ import annotations

import re

import pytest

from microcred.dialogue import build_guide, guide_markdown
from microcred.needs import CompetenceNeed, NeedsCanvas, sample_canvas


def test_guide_has_themes_need_questions_agenda_and_summary():
    """Every part of the kit is there, and each need of the canvas gets its own questions."""
    text = guide_markdown(sample_canvas(), "en")
    for heading in ("## Interview questions by theme", "## Questions about each need",
                    "## Workshop agenda (120 minutes)", "## Summary template"):
        assert heading in text
    for need in sample_canvas().needs:
        assert f"**{need.text}**" in text
    assert "Northbay home care services" in text
    assert "## Gaps to fill" not in text  # the sample canvas is complete


@pytest.mark.parametrize(("lang", "heading"), [("fi", "## Haastattelukysymykset teemoittain"),
                                               ("sv", "## Intervjufrågor per tema")])
def test_guide_speaks_finnish_and_swedish(lang, heading):
    """The whole guide follows the chosen language."""
    assert heading in guide_markdown(sample_canvas(), lang)


def test_gaps_in_the_canvas_become_questions():
    """A need without evidence, no budget, no target group: the guide asks about each."""
    canvas = NeedsCanvas(organisation="Org", needs=(CompetenceNeed("Data protection", id="N1"),))
    guide = build_guide(canvas, "en")
    gaps = " ".join(guide.gaps)
    assert "How do we know about \"Data protection\"" in gaps
    assert "What budget is there" in gaps
    assert "Who exactly would study" in gaps
    assert "- [ ] " in guide_markdown(canvas)
    # In a notebook: plain list items (a task list there is nameless disabled check boxes).
    plain = guide_markdown(canvas, task_list=False)
    assert "[ ]" not in plain and "- What budget is there" in plain


@pytest.mark.parametrize("minutes", [1, 30, 45, 90, 120, 187, 480, 10_000])
def test_agenda_adds_up_to_the_workshop_length(minutes):
    """Steps of five minutes that add up exactly, within 30-480 minutes."""
    guide = build_guide(NeedsCanvas(), "en", minutes)
    assert 30 <= guide.minutes <= 480
    assert sum(a.minutes for a in guide.agenda) == guide.minutes
    assert all(a.minutes >= 5 and a.minutes % 5 == 0 for a in guide.agenda)
    assert guide.agenda[0].start == "0:00"


def test_typed_markup_cannot_break_the_markdown():
    """HTML and table pipes typed into the canvas are escaped."""
    canvas = NeedsCanvas(organisation="<script>x</script>",
                         needs=(CompetenceNeed("a | b <img src=x>", evidence="#1", id="N1"),))
    text = guide_markdown(canvas)
    assert not re.search(r"(?<!\\)<", text)  # every "<" is escaped
    assert "a \\| b" in text


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        build_guide(NeedsCanvas(), "de")
