"""Benchmark of the outcome coach: throughput, cold start, widget latency, label agreement.

Run with `make bench` (or `python bench/bench_outcomes.py`). Prints figures; asserts nothing.
Target: feedback well under 50 ms per outcome after a keystroke on a 2-core machine.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    t0 = time.perf_counter()
    from microcred.outcomes import analyse

    for text in ("Osallistuja osaa analysoida.", "Deltagaren kan analysera.", "You can analyse."):
        analyse(text)  # loads the three lexicons and dictionaries
    cold = time.perf_counter() - t0
    print(f"cold start (import + first analysis, 3 lexicons): {cold * 1000:.0f} ms")
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory after analysing en, fi, sv: {peak:.0f} MB (simplemma low-memory backend)")

    items = yaml.safe_load((REPO / "tests/data/outcomes_eval.yaml").read_text("utf-8"))
    texts = [i.get("text") or "" for i in items]
    rounds = 20
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            analyse(text)
    elapsed = time.perf_counter() - t0
    n = rounds * len(texts)
    print(f"throughput: {n / elapsed:,.0f} outcomes/s ({elapsed / n * 1000:.2f} ms each, "
          f"{len(texts)} labelled outcomes x {rounds})")

    huge = "The participant can analyse data. " * 300
    t0 = time.perf_counter()
    analyse(huge)
    print(f"one 10,000-character paste: {(time.perf_counter() - t0) * 1000:.1f} ms")

    from microcred.widgets import outcome_coach

    coach = outcome_coach("\n".join(texts[:5]))
    typed, redraw = [], []
    base = coach.text.value
    for i in range(50):  # a keystroke: one more character on the last line, same levels
        t0 = time.perf_counter()
        coach.text.value = base + "x" * (i + 1)
        typed.append(time.perf_counter() - t0)
    for i in range(10):  # a new line with a new level: feedback and the chart redraw
        t0 = time.perf_counter()
        coach.text.value = base + "\nThe participant can design a pilot." * (i % 2 + 1)
        redraw.append(time.perf_counter() - t0)
    print(f"widget keystroke -> feedback (5 outcomes): median {statistics.median(typed) * 1000:.1f} ms, "
          f"max {max(typed) * 1000:.1f} ms")
    print(f"widget change with chart redraw: median {statistics.median(redraw) * 1000:.1f} ms")

    from microcred.evaluation import measure

    print("label " + measure(items).summary())


if __name__ == "__main__":
    main()
