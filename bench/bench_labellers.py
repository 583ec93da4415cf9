"""How far two labellers agree, and how the coach compares with each (issue 13, item 7).

Run with `make bench` (or `python bench/bench_labellers.py [--show]`). Prints figures; asserts nothing.

The coach is measured by its agreement with hand labels, and issue 13's target is 95 % on the
held-out half. That figure means something only if two careful labellers following the same
written rules agree at least that well. tests/data/outcomes_relabel_sample.yaml holds a second,
blind labelling of 200 outcomes drawn at random (seed 20261205) from the two fresh batches; this
script compares it with the first labeller's labels, read by key from the CURRENT fresh files
(tests/data/outcomes_real_fresh.yaml, outcomes_real_fresh2.yaml: a label fixed there later changes
these figures), and scores the coach against each labeller with `measure_real` of
microcred/evaluation.py, the scoring of bench/bench_outcomes.py, so the figures are comparable.

Labeller against labeller, per outcome: Bloom exact; Bloom with `unknown` on either side counted as
agreeing (as measure_real counts a label `unknown`); good; problem sets equal; Swedish form; and
"as the coach is scored" (Bloom with unknown agreeing, and problem sets equal). Cohen's kappa for
Bloom (the eight values, null and unknown included) and for good. `--show` prints every outcome the
labellers disagree on, with both labels.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = REPO / "tests" / "data"
SAMPLE = DATA / "outcomes_relabel_sample.yaml"
FRESH = (DATA / "outcomes_real_fresh.yaml", DATA / "outcomes_real_fresh2.yaml")
README = DATA / "outcomes_real_README.md"
UNKNOWN = "unknown"


@dataclass
class Outcome:
    """One sampled outcome: its statement (as the coach analyses it) and both labellers' labels."""

    key: str
    language: str
    statement: dict  # the fresh file's item (text, language, items)
    entry: dict | None  # the list entry labelled, None for a single statement
    first: dict  # labeller 1: bloom, good, problems, form (current fresh file)
    second: dict  # labeller 2: the frozen sample


def fresh_outcomes() -> dict[str, tuple[dict, dict | None]]:
    """Every labelled outcome of the fresh batches by key: `f0001#2` (entry 2, 1-based) or `g0123`."""
    found: dict[str, tuple[dict, dict | None]] = {}
    for path in FRESH:
        for item in yaml.safe_load(path.read_text("utf-8")):
            if "items" in item:
                for i, entry in enumerate(item["items"], start=1):
                    found[f"{item['id']}#{i}"] = (item, entry)
            else:
                found[item["id"]] = (item, None)
    return found


def labels(source: dict) -> dict:
    return {"bloom": source.get("bloom"), "good": bool(source.get("good")),
            "problems": sorted(source.get("problems") or []), "form": source.get("form")}


def load() -> list[Outcome]:
    fresh = fresh_outcomes()
    out = []
    for second in yaml.safe_load(SAMPLE.read_text("utf-8")):
        statement, entry = fresh[second["key"]]
        out.append(Outcome(second["key"], statement["language"], statement, entry,
                           labels(entry if entry is not None else statement), labels(second)))
    return out


def bloom_lenient(a: str | None, b: str | None) -> bool:
    """Bloom levels agree, `unknown` on either side agreeing with anything."""
    return a == b or UNKNOWN in (a, b)


def scored_alike(a: dict, b: dict) -> bool:
    """Agreement as measure_real scores the coach: level (unknown agrees) and problem codes."""
    return bloom_lenient(a["bloom"], b["bloom"]) and a["problems"] == b["problems"]


def has_form(o: Outcome) -> bool:
    return o.language == "sv" or o.first["form"] is not None or o.second["form"] is not None


def cited(outcomes: list[Outcome]) -> set[str]:
    """Keys whose statement the labelling conventions of the README name (by id, or an id range
    such as g0163-g0166) or quote (the outcome's first 40 characters): there the second labeller
    read a decision of the first, so agreement is not independent."""
    readme = conventions()
    ids = set(re.findall(r"\b[fg]\d{4}\b", readme))
    for prefix, low, high in re.findall(r"\b([fg])(\d{4})\s*[-–]\s*[fg]?(\d{4})\b", readme):
        ids |= {f"{prefix}{n:04d}" for n in range(int(low), int(high) + 1)}
    flat = _flat(readme)
    return {o.key for o in outcomes
            if o.statement["id"] in ids or _flat((o.entry or o.statement)["text"])[:40] in flat}


def conventions() -> str:
    """The README's labelling conventions: the "Labelling" section and the paragraphs "Labels
    corrected after measuring" and "Labelling choices made in this batch" (tables left out)."""
    lines = README.read_text("utf-8").splitlines()
    starts = ("## Labelling", "**Labels corrected after measuring**",
              "**Labelling choices made in this batch**")
    keep, on = [], False
    for line in lines:
        if line.startswith(starts):
            on = True
        elif line.startswith(("## ", "### ", "**")):
            on = False
        if on and not line.startswith("|"):
            keep.append(line)
    return "\n".join(keep)


def _flat(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def kappa(pairs: list[tuple[object, object]]) -> float:
    """Cohen's kappa: agreement beyond what the two labellers' own frequencies give by chance."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[c] * second[c] for c in first) / (n * n)
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def pct(k: int, n: int) -> str:
    return f"{k / n:.1%} ({k}/{n})" if n else "n/a (0)"


def wilson(k: int, n: int, z: float = 1.96) -> str:
    """95 % Wilson interval of a proportion: how far a figure on 200 outcomes can be trusted."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return f"{k / n:.1%} ({k}/{n}; 95 % interval {centre - half:.1%}-{centre + half:.1%})"


def labellers(outcomes: list[Outcome]) -> None:
    """Labeller 1 against labeller 2, overall and per language."""
    print("-- labeller 1 (current fresh files) against labeller 2 (blind sample)")
    named = cited(outcomes)
    groups = [("all", outcomes)] + [
        (lang, [o for o in outcomes if o.language == lang]) for lang in ("en", "fi", "sv")] + [
        ("statements the README's conventions name or quote", [o for o in outcomes if o.key in named]),
        ("statements they do not", [o for o in outcomes if o.key not in named])]
    for name, group in groups:
        n = len(group)
        formed = [o for o in group if has_form(o)]
        print(
            f"{name}: {n} outcomes; as the coach is scored (level, unknown agreeing, and problem "
            f"codes) {pct(sum(scored_alike(o.first, o.second) for o in group), n)}; Bloom exact "
            f"{pct(sum(o.first['bloom'] == o.second['bloom'] for o in group), n)}; Bloom, unknown "
            f"agreeing {pct(sum(bloom_lenient(o.first['bloom'], o.second['bloom']) for o in group), n)}; "
            f"good {pct(sum(o.first['good'] == o.second['good'] for o in group), n)}; problem sets "
            f"equal {pct(sum(o.first['problems'] == o.second['problems'] for o in group), n)}; "
            f"Swedish form {pct(sum(o.first['form'] == o.second['form'] for o in formed), len(formed))}")
    alike = sum(scored_alike(o.first, o.second) for o in outcomes)
    print(f"labellers scored alike, with its interval: {wilson(alike, len(outcomes))}")
    bloom_pairs = [(o.first["bloom"], o.second["bloom"]) for o in outcomes]
    good_pairs = [(o.first["good"], o.second["good"]) for o in outcomes]
    print(f"Cohen's kappa: Bloom {kappa(bloom_pairs):.2f} (8 values, null and unknown included), "
          f"good {kappa(good_pairs):.2f}")
    print(f"good outcomes: labeller 1 {sum(o.first['good'] for o in outcomes)}, labeller 2 "
          f"{sum(o.second['good'] for o in outcomes)}; labeller 1 good and 2 not "
          f"{sum(o.first['good'] and not o.second['good'] for o in outcomes)}, the reverse "
          f"{sum(o.second['good'] and not o.first['good'] for o in outcomes)}")
    codes = Counter()
    for o in outcomes:
        for code in set(o.first["problems"]) ^ set(o.second["problems"]):
            codes[(code, "1 only" if code in o.first["problems"] else "2 only")] += 1
    print("problem codes given by one labeller only: " + ", ".join(
        f"{code} ({who}) {k}" for (code, who), k in sorted(codes.items())))


def coach(outcomes: list[Outcome]) -> None:
    """The coach against labeller 1, labeller 2 and either, scored by measure_real."""
    from microcred import morphology
    from microcred.evaluation import measure_real

    print(f"\n-- the coach on the same sample (measure_real; Finnish morphology: "
          f"{morphology.backend()})")
    rows: dict[str, list[tuple[bool, bool, bool, bool, bool]]] = {"1": [], "2": []}
    for o in outcomes:
        for who, lab in (("1", o.first), ("2", o.second)):
            entry = {"text": (o.entry or o.statement)["text"], **lab}
            if lab["form"] is None and o.language != "sv":
                del entry["form"]
            item = {"id": o.key, "text": o.statement["text"], "language": o.language}
            if o.entry is not None:
                item["items"] = [entry]
            else:
                item.update(entry, text=o.statement["text"])
            r = measure_real([item])
            rows[who].append((bool(r.agreed), bool(r.strict_agreed), bool(r.good_with_error),
                              bool(r.forms), bool(r.forms_agreed)))
    n = len(outcomes)
    for who in ("1", "2"):
        good = sum(o.first["good"] if who == "1" else o.second["good"] for o in outcomes)
        row = rows[who]
        print(f"coach against labeller {who}: agreement {wilson(sum(r[0] for r in row), n)}, strict "
              f"{pct(sum(r[1] for r in row), n)}; good outcomes given an error "
              f"{pct(sum(r[2] for r in row), good)}; Swedish form "
              f"{pct(sum(r[4] for r in row), sum(r[3] for r in row))}; per language " + ", ".join(
                  f"{lang} {pct(sum(r[0] for r, o in zip(row, outcomes) if o.language == lang), sum(o.language == lang for o in outcomes))}"
                  for lang in ("en", "fi", "sv")))
    either = [a[0] or b[0] for a, b in zip(rows["1"], rows["2"])]
    either_strict = [a[1] or b[1] for a, b in zip(rows["1"], rows["2"])]
    both = [a[0] and b[0] for a, b in zip(rows["1"], rows["2"])]
    print(f"coach against either labeller: agreement {wilson(sum(either), n)}, strict "
          f"{pct(sum(either_strict), n)}; against both {pct(sum(both), n)}")
    alike = [o for o in outcomes if scored_alike(o.first, o.second)]
    split = [o for o in outcomes if not scored_alike(o.first, o.second)]
    on_alike = sum(r[0] for r, o in zip(rows["1"], outcomes) if scored_alike(o.first, o.second))
    print(f"coach on the {len(alike)} outcomes the labellers score alike: {pct(on_alike, len(alike))}; "
          f"on the {len(split)} they do not: agrees with labeller 1 "
          f"{pct(sum(r[0] for r, o in zip(rows['1'], outcomes) if o in split), len(split))}, with "
          f"labeller 2 {pct(sum(r[0] for r, o in zip(rows['2'], outcomes) if o in split), len(split))}")


def show(outcomes: list[Outcome]) -> None:
    print("\n-- outcomes the labellers disagree on (level, problems, good or form)")
    for o in outcomes:
        a, b = o.first, o.second
        if a == b:
            continue
        text = " ".join((o.entry or o.statement)["text"].split())
        print(f"{o.key} [{o.language}] {text[:160]}\n    1: {a}\n    2: {b}")


def main() -> None:
    outcomes = load()
    labellers(outcomes)
    coach(outcomes)
    if "--show" in sys.argv:
        show(outcomes)


if __name__ == "__main__":
    main()
