"""The outcome coach's misses on the tuning half, and the agreement totals of all three sets.

For working on the coach (issue 13): `python bench/outcome_misses.py [--fallback] [--totals]`
prints every disagreement on the older set and on the real set's TUNING half, with what was
wanted and what the coach said, then the totals. The held-out half is only counted: its figures
are printed as totals, never its statements (tests/data/outcomes_real_README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = REPO / "tests" / "data"


def main() -> None:
    from microcred import morphology
    from microcred.evaluation import measure, measure_real

    morphology.use_fallback("--fallback" in sys.argv)
    print(f"Finnish morphology: {morphology.backend()}")
    older = measure(yaml.safe_load((DATA / "outcomes_eval.yaml").read_text("utf-8")))
    tuning = yaml.safe_load((DATA / "outcomes_real_tuning.yaml").read_text("utf-8"))
    tuned = measure_real(tuning)
    if "--totals" not in sys.argv:
        for d in older.disagreements:
            print(f"older: want {d['want']} got {d['got']} verbs {d['verbs']}: {d['text']}")
        for d in tuned.disagreements:
            print(f"tuning {d.get('id')}: want {d.get('want')} got {d.get('got')} "
                  f"verbs {d.get('verbs')}: {d.get('text')}")
    held = measure_real(yaml.safe_load((DATA / "outcomes_real_heldout.yaml").read_text("utf-8")))
    print(f"older set: {older.summary()}")
    print(f"tuning half: {tuned.summary()}")
    print(f"HELD-OUT half (totals only): {held.summary()}")


if __name__ == "__main__":
    main()
