"""A cell with a lost quote or bracket is explained in plain words, in the screen language."""

from __future__ import annotations

import pytest

from microcred.grading.cell_syntax import explain
from microcred.i18n import t

# What a participant's answer cell can look like after a slip, and the advice it should get.
SLIPS = {
    "closing quote deleted": ('outcome_1 = (\n    "The participant can analyse needs.\n)\n',
                              "quote-missing", 2),
    "opening quote deleted": ('outcome_1 = (\n    Opiskelija osaa hinnoitella palveluja."\n)\n',
                              "quote-missing", 2),
    "both quotes deleted": ('outcome_1 = (\n    The participant can analyse needs.\n)\n',
                            "quotes-missing", 2),
    "quotes inside the text": ('outcome_1 = (\n    "The participant can use "Excel" well."\n)\n',
                               "quote-inside", 2),
    "closing bracket deleted": ('outcome_1 = (\n    "The participant can analyse."\n\n'
                                'outcome_2 = (\n    "x y"\n)\n', "bracket", 1),
    "extra bracket": ('outcome_1 = (\n    "The participant can analyse."\n))\n', "bracket", 3),
    "closing triple quotes deleted": ('design = """\nname: x\n', "triple", 1),
}


def _error(source: str) -> SyntaxError:
    with pytest.raises(SyntaxError) as caught:
        compile(source, "<cell>", "exec")
    return caught.value


@pytest.mark.parametrize("slip", sorted(SLIPS))
@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_each_slip_gets_its_advice_in_the_screen_language(slip, lang):
    source, kind, line = SLIPS[slip]
    text = explain(source, _error(source), lang)
    assert t(f"cells.{kind}", lang) in text
    assert t("cells.title", lang, line=line) in text
    assert source.splitlines()[line - 1].strip() in text  # the line itself is shown
    assert "SyntaxError" not in text and "literal" not in text


def test_a_slip_no_rule_knows_still_gets_plain_words():
    source = "outcome_1 = (\n    'text' 'more' +\n)\n"
    text = explain(source, _error(source), "en")
    assert t("cells.other", "en") in text and t("cells.how", "en") in text


def test_shown_line_is_bounded_and_printable():
    source = 'outcome_1 = (\n    "' + "x\x1b[31m" * 500 + '\n)\n'
    text = explain(source, _error(source), "en")
    shown = text.splitlines()[1]
    assert len(shown) <= 130 and "\x1b" not in shown and shown.endswith("…")
