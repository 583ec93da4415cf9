"""The learned second stage experiment (bench/outcome_stage.py, issue 13 session 5): deterministic
training, folds that never share an institution, and scoring identical to ``measure_real``."""

from __future__ import annotations

import pytest
import yaml

from microcred.evaluation import measure_real
from tests.helpers.paths import REPO
from tests.helpers.scripts import load_script

stage = load_script(REPO / "bench" / "outcome_stage.py", "outcome_stage")


@pytest.fixture(scope="module")
def tuning():
    """The tuning half's outcomes, analysed once for the whole file."""
    return stage.load_examples(sets=("tuning",))


def test_scoring_is_measure_reals(tuning):
    """Rules alone, scored by the experiment, give measure_real's own figures."""
    score = stage.Score()
    for ex in tuning:
        score.add(ex, ex.rules_level, ex.rules_codes)
    items = yaml.safe_load((REPO / "tests/data/outcomes_real_tuning.yaml").read_text("utf-8"))
    real = measure_real(items)
    assert (score.total, score.agreed, score.strict, score.good, score.good_error) == (
        real.total, real.agreed, real.strict_agreed, real.good, real.good_with_error)


def test_training_is_deterministic(tuning):
    first = stage.train_all(tuning[:120], epochs=2)
    again = stage.train_all(tuning[:120], epochs=2)
    assert first == again
    probs = stage.probabilities(first, tuning[130])
    assert set(probs) == {"level", *stage.CODES}
    assert all(abs(sum(p) - 1) < 1e-9 for p in probs.values())


def test_folds_never_share_an_institution(tuning):
    fold = stage.folds_of(tuning, 5)
    assert set(fold) == {ex.group for ex in tuning}
    sizes = [sum(fold[ex.group] == f for ex in tuning) for f in range(5)]
    assert min(sizes) > 0 and max(sizes) < 2 * len(tuning) / 5


def test_institution_names_group_without_their_parenthesis():
    assert stage.group_of("Åland University of Applied Sciences (Högskolan på Åland)") == \
        stage.group_of("Åland University of Applied Sciences")
    assert stage.group_of("") == "?"


def test_the_stage_changes_only_what_it_is_sure_of(tuning):
    ex = next(e for e in tuning if e.found is not None and e.rules_level == "apply"
              and not e.rules_codes)
    levels = [0.0] * len(stage.LEVEL_CLASSES)
    levels[stage.LEVEL_CLASSES.index("create")] = 0.85
    levels[stage.LEVEL_CLASSES.index("apply")] = 0.15
    probs = {"level": levels, **{c: [0.2, 0.8] if c == "vague-verb" else [0.99, 0.01]
                                 for c in stage.CODES}}
    assert stage.decide(probs, ex, 0.9) == ("apply", frozenset())
    assert stage.decide(probs, ex, 0.8) == ("create", frozenset({"vague-verb"}))
    assert stage.decide(probs, ex, 0.8, parts=("level",)) == ("create", frozenset())
    assert stage.decide(probs, ex, 0.8, unknown_only=True) == ("apply", frozenset({"vague-verb"}))
    assert stage.decide(probs, ex, 0) == ("create", frozenset({"vague-verb"}))


def test_the_held_out_half_is_refused():
    with pytest.raises(ValueError):
        stage.load_examples(sets=("heldout",))


def test_logistic_regression_learns_a_separable_rule():
    rows = [(["bias", "a"], 1), (["bias", "b"], 0)] * 20
    model = stage.train_softmax(rows, 2, epochs=10, l2=1e-4, seed=1)
    assert stage.predict(model, ["bias", "a"])[1] > 0.9
    assert stage.predict(model, ["bias", "b"])[1] < 0.1
    assert stage.predict(model, ["bias", "never seen"])[1] == pytest.approx(
        stage.predict(model, ["bias"])[1])


def test_a_share_of_the_training_data_keeps_whole_institutions(tuning):
    part = stage.share(tuning, 0.5, seed=3)
    assert 0.5 * len(tuning) <= len(part) < len(tuning)
    kept = {ex.group for ex in part}
    assert all(ex in part for ex in tuning if ex.group in kept)
    assert part == stage.share(tuning, 0.5, seed=3)
    assert stage.share(tuning, 1.0, seed=3) == tuning
