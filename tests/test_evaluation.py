"""The analyser agrees with hand-labelled outcomes (tests/data/outcomes_eval.yaml) above a floor.

The set holds real statements from public course descriptions (source named per item) and
constructed ones for the problem cases. `make bench` prints the same figures.
"""

from __future__ import annotations

from collections import Counter

import yaml

from microcred.evaluation import measure, measure_real
from tests.helpers.paths import REPO

FLOOR = 0.93  # measured 97.1 % when the set was labelled; the aim is 95 %
LANGUAGE_FLOOR = 0.85


def load_items() -> list[dict]:
    return yaml.safe_load((REPO / "tests" / "data" / "outcomes_eval.yaml").read_text("utf-8"))


def test_set_is_large_varied_and_sourced():
    items = load_items()
    per_language = Counter(item["language"] for item in items)
    assert all(per_language[lang] >= 20 for lang in ("en", "fi", "sv")), per_language
    real = [i for i in items if i.get("source") and i["source"] != "constructed"]
    assert len(real) >= len(items) / 3
    codes = Counter(code for item in items for code in item.get("problems") or [])
    for code in ("empty", "no-action-verb", "vague-verb", "multiple-verbs", "teacher-centred",
                 "too-long"):
        assert codes[code] >= 3, code


def test_agreement_with_labels_is_above_the_floor():
    agreement = measure(load_items())
    report = "\n".join(f"  want {d['want']} got {d['got']}: {d['text']}" for d in
                       agreement.disagreements)
    assert agreement.rate >= FLOOR, f"{agreement.summary()}\n{report}"
    for lang, total in agreement.per_language_total.items():
        assert agreement.per_language[lang] / total >= LANGUAGE_FLOOR, agreement.summary()


REAL_FLOOR = 0.88  # tuning half, measured 91.4 % with Voikko and with the fallback (2026-12-04)
REAL_FALSE_ERRORS = 0.03  # issue 13: at most 3 % of good outcomes given an error


def load_real(half: str) -> list[dict]:
    return yaml.safe_load((REPO / "tests" / "data" / f"outcomes_real_{half}.yaml").read_text("utf-8"))


def test_tuning_half_of_the_real_set_is_above_the_floor():
    """The real catalogue set's tuning half (the held-out half is only run by `make bench`)."""
    agreement = measure_real(load_real("tuning"))
    report = "\n".join(f"  {d.get('id')}: want {d.get('want')} got {d.get('got')}: {d.get('text')}"
                       for d in agreement.disagreements)
    assert agreement.exceptions == 0
    assert agreement.false_error_rate <= REAL_FALSE_ERRORS, f"{agreement.summary()}\n{report}"
    assert agreement.rate >= REAL_FLOOR, f"{agreement.summary()}\n{report}"


def test_heldout_half_never_raises():
    """Only that no statement raises is checked here; its figures are printed by `make bench`."""
    assert measure_real(load_real("heldout")).exceptions == 0
