"""Every scorer fails the same way: one line in the screen language, 0 points, no traceback."""

from __future__ import annotations

import importlib
import inspect
import warnings

import pytest

from microcred.grading import ASSIGNMENT_SCORERS
from microcred.grading._guard import scorer
from tests.helpers.paths import REPO

SCORERS = [(module, name, func)
           for module in (importlib.import_module(f"microcred.grading.{m}")
                          for m in sorted(ASSIGNMENT_SCORERS.values()))
           for name, func in vars(module).items()
           if name.startswith("score_") and inspect.isfunction(func)
           and func.__module__ == module.__name__]


def test_every_scorer_is_guarded():
    assert len(SCORERS) >= 10
    unguarded = [f"{m.__name__}.{name}" for m, name, func in SCORERS
                 if not hasattr(func, "__wrapped__")]
    assert not unguarded, f"decorate with @scorer(): {unguarded}"


def test_no_scorer_catches_everything_itself():
    """The catch-all is the decorator's alone (a hand-made copy would fail differently)."""
    for path in (REPO / "microcred" / "grading").glob("*_scorer.py"):
        assert "except Exception" not in path.read_text(encoding="utf-8"), path.name


@scorer()
def _broken(answer: object, points: float = 5, lang: str | None = None) -> float:
    warnings.warn("noise on stderr", stacklevel=1)
    raise ZeroDivisionError("kit trouble")


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Your answers could not be read (ZeroDivisionError); check their format. "
           "Score: 0 / 2.5"),
    ("fi", "Vastauksiasi ei voitu lukea (ZeroDivisionError); tarkista niiden muoto. "
           "Pisteet: 0 / 2,5"),
])
def test_a_failure_is_one_line_and_zero(capsys, lang, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning that escaped would raise here
        assert _broken("x", points=2.5, lang=lang) == 0.0
    out, err = capsys.readouterr()
    assert out.strip() == expected
    assert err == ""


def test_defaults_and_positional_points_are_used(capsys):
    assert _broken("x") == 0.0
    assert capsys.readouterr().out.strip().endswith("Score: 0 / 5")
    assert _broken("x", 7, "sv") == 0.0
    assert capsys.readouterr().out.strip().endswith("Poäng: 0 / 7")


def test_a_call_that_does_not_bind_still_scores_zero(capsys):
    assert _broken() == 0.0  # the answer missing: TypeError from the call itself
    out, err = capsys.readouterr()
    assert "(TypeError)" in out and out.strip().endswith("0 / 5") and err == ""


def test_the_message_can_be_the_scorers_own(capsys):
    @scorer("grading.design.failed")
    def design(points: float = 12, lang: str | None = None) -> float:
        raise OSError("disk")

    assert design(lang="en") == 0.0
    assert capsys.readouterr().out.strip() == (
        "The design file could not be checked (OSError). Score: 0 / 12")


def test_a_good_call_passes_through(capsys):
    @scorer()
    def fine(points: float = 3, lang: str | None = None) -> float:
        print("feedback")
        return points / 2

    assert fine(points=4) == 2.0
    assert capsys.readouterr().out == "feedback\n"
    assert fine.__name__ == "fine" and "points" in str(inspect.signature(fine))


def test_outcomes_given_no_list_scores_zero_instead_of_a_traceback(capsys):
    from microcred.grading.outcomes_scorer import score_outcomes

    assert score_outcomes(None, points=5, lang="en") == 0.0  # type: ignore[arg-type]
    out, err = capsys.readouterr()
    assert "Score: 0 / 5" in out and err == ""
