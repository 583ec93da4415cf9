"""The outcome coach's misses on the tuning data, and the agreement totals of all the sets.

For working on the coach (issue 13): `python bench/outcome_misses.py [--fallback] [--totals]
[--set tuning|fresh|fresh2|all]` prints every disagreement on the older set and on the real set's
TUNING half (the default, `--set tuning`), on the FRESH batch (`--set fresh`, only its misses), on the
second fresh batch (`--set fresh2`) or on all of them (`--set all`), with what was wanted and what
the coach said, then the totals. The held-out
half is only counted: its figures are printed as totals, never its statements
(tests/data/outcomes_real_README.md). Each total prints the agreement with abstentions ("unknown"
for an ambiguous verb or a verb in no list) counted right, the strict agreement (counted wrong) and
the abstentions (microcred/evaluation.py).
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

    which = _chosen_set()
    morphology.use_fallback("--fallback" in sys.argv)
    print(f"Finnish morphology: {morphology.backend()}")
    older = measure(yaml.safe_load((DATA / "outcomes_eval.yaml").read_text("utf-8")))
    tuning = yaml.safe_load((DATA / "outcomes_real_tuning.yaml").read_text("utf-8"))
    tuned = measure_real(tuning)
    fresh = measure_real(yaml.safe_load((DATA / "outcomes_real_fresh.yaml").read_text("utf-8")))
    fresh2 = measure_real(yaml.safe_load((DATA / "outcomes_real_fresh2.yaml").read_text("utf-8")))
    if "--totals" not in sys.argv:
        if which in ("tuning", "all"):
            for d in older.disagreements:
                print(f"older: want {d['want']} got {d['got']} verbs {d['verbs']}: {d['text']}")
            for d in tuned.disagreements:
                print(f"tuning {d.get('id')}: want {d.get('want')} got {d.get('got')} "
                      f"verbs {d.get('verbs')}: {d.get('text')}")
        if which in ("fresh", "all"):
            for d in fresh.disagreements:
                print(f"fresh {d.get('id')}: want {d.get('want')} got {d.get('got')} "
                      f"verbs {d.get('verbs')}: {d.get('text')}")
        if which in ("fresh2", "all"):
            for d in fresh2.disagreements:
                print(f"fresh2 {d.get('id')}: want {d.get('want')} got {d.get('got')} "
                      f"verbs {d.get('verbs')}: {d.get('text')}")
    held = measure_real(yaml.safe_load((DATA / "outcomes_real_heldout.yaml").read_text("utf-8")))
    print(f"older set: {older.summary()}")
    print(f"tuning half: {tuned.summary()}")
    print(f"fresh batch: {fresh.summary()}")
    print(f"second fresh batch: {fresh2.summary()}")
    print(f"HELD-OUT half (totals only): {held.summary()}")


def _chosen_set() -> str:
    """The set whose misses are printed: `--set tuning` (default), `--set fresh`, `--set fresh2` or
    `--set all`."""
    args = sys.argv[1:]
    which = args[args.index("--set") + 1] if "--set" in args[:-1] else "tuning"
    if which not in ("tuning", "fresh", "fresh2", "all"):
        sys.exit(f"--set takes tuning, fresh, fresh2 or all, not {which!r}")
    return which


if __name__ == "__main__":
    main()
