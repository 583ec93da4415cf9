"""microcred.charts: what every chart shares, above all labels made from a participant's text."""

from __future__ import annotations

import warnings

import pytest

from microcred.charts import LABEL_CHARS, new_figure, short_label, to_png


@pytest.mark.parametrize(("text", "label"), [
    ("Outcome 1", "Outcome 1"),
    ("two\nlines\tand  spaces", "two lines and spaces"),
    ("bell\x07 null\x00 escape\x1b[31m", "bell null escape[31m"),
    ("costs $5 and $6", r"costs \$5 and \$6"),
    ("x" * 1000, "x" * (LABEL_CHARS - 1) + "…"),
    ("Ä😀", "Ä😀"),
])
def test_a_label_is_one_line_of_visible_characters(text, label):
    assert short_label(text) == label


def test_a_chart_labelled_with_control_characters_draws_without_warnings():
    fig = new_figure()
    ax = fig.add_subplot()
    ax.bar([0, 1], [1, 2], tick_label=[short_label("a\x01b"), short_label("c\x7fd")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib's "Glyph ... missing from font" would raise
        assert to_png(fig).startswith(b"\x89PNG")
