"""A learned second stage on top of the outcome coach's rules, decided by grouped cross-validation.

Issue 13, session 5: the rules and word lists reached a long tail (each unseen part of the second
fresh batch 66-79 % at first sight, rule fixes rarely moved the next part). This experiment asks
whether a small linear model that reads the rules' own analysis (verbs found, their levels,
ambiguity and vagueness, the codes the rules gave, language, list entry or not) and the words
(lemmas, word pairs, 5-letter prefixes, the opening words, length) can correct the rules' Bloom
level and problem codes on institutions it never saw.

`python bench/outcome_stage.py [--folds 10] [--epochs 12] [--l2 X] [--features all|rules|words]
[--fraction F] [--show N]` (`--train tuning,fresh --test fresh2 --src DIR`: train on some sets
and score on another, with the coach imported from DIR, e.g. an older commit's `git archive`):
- every labelled outcome of the tuning half, the fresh batch and the second fresh batch
  (tests/data/outcomes_real_{tuning,fresh,fresh2}.yaml; NEVER the held-out half) is analysed once
  by the rules (`microcred.outcomes.analyse`, found as `evaluation.measure_real` finds it);
- institutions (their name without a parenthesis) are dealt into folds, largest first into the
  smallest fold, so every fold's figures are on outcomes whose institution the model never saw;
- per fold, a multinomial logistic regression (Bloom level: the six levels or none) and one
  binary logistic regression per problem code the labels use are trained on the other folds
  (pure Python, AdaGrad, L2, fixed epochs, a seeded order: deterministic);
- the stage changes the rules' answer only where the model's probability for another answer is at
  least a threshold (declared in THRESHOLDS before measuring, every one reported), and never
  answers "unknown" itself (the rules' abstentions stay, unless the model is that sure of a level);
- the rules alone and the rules + stage are scored exactly as `measure_real` scores (abstentions
  right and strict, good outcomes given an error), per set, per language and in total, with a 95 %
  interval for the difference from a bootstrap over institutions (seeded).

The rules were tuned on all three sets (the fresh2 parts after their first sight), so "rules alone"
here is an in-sample figure for the rules; the stage's figure is out-of-sample for the stage only.
Result (2026-12-05, DEVELOPERS.md "Finnish morphology (outcome coach)"): the stage lowered the
agreement in every variant, fold and language, also with an older coach on data neither had seen;
it was not integrated.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = REPO / "tests" / "data"
SETS = ("tuning", "fresh", "fresh2")  # never the held-out half
CODES = ("vague-verb", "multiple-verbs", "teacher-centred", "no-action-verb")  # what the labels use
LEVEL_CLASSES = ("remember", "understand", "apply", "analyse", "evaluate", "create", "none")
THRESHOLDS = (0.5, 0.7, 0.8, 0.9)  # declared before the first run; all are printed
_WORDS = re.compile(r"\w+")


@dataclass
class Example:
    """One labelled outcome with the rules' analysis of it (None: the rules did not split it)."""

    id: str
    set: str
    group: str
    language: str
    want_level: str | None
    want_codes: frozenset[str]
    good: bool
    lang_ok: bool
    found: object | None
    features: list[str] = field(default_factory=list)

    @property
    def rules_level(self) -> str | None:
        return self.found.bloom_level if self.found is not None else None

    @property
    def rules_codes(self) -> frozenset[str]:
        if self.found is None:
            return frozenset()
        return frozenset(p.code for p in self.found.problems if p.severity != "note")


def group_of(institution: str) -> str:
    """An institution's name without its parenthesis ("Åland UAS (Högskolan på Åland)")."""
    return re.sub(r"\s*\(.*?\)", "", institution or "?").strip().lower()


def load_examples(kind: str = "all", sets: tuple[str, ...] = SETS) -> list[Example]:
    """Every labelled outcome of the tuning sets, analysed once by the rules."""
    from microcred.evaluation import _item_for
    from microcred.outcomes import analyse

    examples = []
    for name in sets:
        if name not in SETS:
            raise ValueError(f"{name!r} is not a tuning set (never the held-out half)")
        items = yaml.safe_load((DATA / f"outcomes_real_{name}.yaml").read_text("utf-8"))
        for item in items:
            r = analyse(item.get("text") or "")
            entries = item.get("items") or [item]
            for n, entry in enumerate(entries):
                found = _item_for(r, entry["text"]) if "items" in item else r
                ex = Example(f"{item.get('id')}.{n}", name, group_of(item.get("institution", "")),
                             item["language"], entry.get("bloom"),
                             frozenset(entry.get("problems") or []), bool(entry.get("good")),
                             r.language == item["language"], found)
                if found is not None:
                    ex.features = features(found, "items" in item, n, len(entries), kind)
                examples.append(ex)
    return examples


def features(found, in_list: bool, position: int, count: int, kind: str = "all") -> list[str]:
    """What the stage reads of one outcome: the rules' analysis and the words (``kind``: all,
    rules or words)."""
    from microcred.lexicon import lexicon

    lex = lexicon(found.language)
    f = ["bias", f"lang={found.language}", f"inlist={in_list}", f"first={position == 0}",
         f"last={position == count - 1}"]
    n = len(found.text.split())
    f.append(f"len={'<5' if n < 5 else '<10' if n < 10 else '<20' if n < 20 else '<40' if n < 40 else '40+'}")
    f.append(f"colon={':' in found.text}")
    if kind != "words":
        f += _rules_features(found)
    if kind != "rules":
        f += _word_features(found, lex)
    return list(dict.fromkeys(f))


def _rules_features(found) -> list[str]:
    """The rules' analysis: their level, codes, verbs and the verbs' levels."""
    f = [f"r.level={found.bloom_level}"]
    costly = [p.code for p in found.problems if p.severity != "note"]
    f += [f"r.code={c}" for c in sorted({p.code for p in found.problems})] or ["r.nocode"]
    f.append(f"r.ok={not costly}")
    verbs = list(found.verbs)
    lemmas = list(dict.fromkeys(v.lemma for v in verbs))
    vague = [v for v in verbs if v.vague]
    measurable = [v for v in verbs if not v.vague]
    f += [f"r.nverbs={min(len(verbs), 3)}", f"r.nlemmas={min(len(lemmas), 3)}",
          f"r.nvague={min(len(vague), 2)}", f"r.nmeasurable={min(len(measurable), 3)}"]
    for v in verbs:
        f += [f"v={v.lemma}", f"v.level={v.level}", f"v.vague={v.vague}", f"v.amb={v.ambiguous}"]
    if verbs:
        f += [f"v1={verbs[0].lemma}", f"v1.level={verbs[0].level}", f"vn.level={verbs[-1].level}"]
    return f


def _word_features(found, lex) -> list[str]:
    """Lemmas, lemma pairs, 5-letter prefixes (Finnish endings) and the opening words."""
    tokens = [t for t in lex.tokens(found.text) if t.is_word]
    words = [t.text for t in tokens]
    lemma_seq = [t.lemma for t in tokens]
    f = [f"l={w}" for w in dict.fromkeys(lemma_seq)]
    f += [f"b={a}_{b}" for a, b in dict.fromkeys(zip(lemma_seq, lemma_seq[1:]))]
    f += [f"p5={w[:5]}" for w in dict.fromkeys(words) if len(w) > 5]
    f += [f"w0={w}" for w in words[:2]]
    return f


# --- logistic regression (pure Python, sparse, deterministic) ---

def train_softmax(rows: list[tuple[list[str], int]], n_classes: int, epochs: int, l2: float,
                  seed: int, min_count: int = 2) -> dict:
    """Multinomial logistic regression by AdaGrad on sparse binary features."""
    counts = Counter(f for feats, _ in rows for f in feats)
    keep = {f for f, c in counts.items() if c >= min_count}
    weights: dict[str, list[float]] = {}
    sq: dict[str, list[float]] = {}
    order = list(range(len(rows)))
    rng = random.Random(seed)
    rate = 0.5
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = rows[i]
            feats = [f for f in feats if f in keep]
            probs = _softmax(weights, feats, n_classes)
            for k in range(n_classes):
                g = probs[k] - (1.0 if k == y else 0.0)
                for fname in feats:
                    w = weights.setdefault(fname, [0.0] * n_classes)
                    s = sq.setdefault(fname, [1e-6] * n_classes)
                    grad = g + l2 * w[k]
                    s[k] += grad * grad
                    w[k] -= rate * grad / math.sqrt(s[k])
    return {"classes": n_classes, "weights": {f: [round(x, 5) for x in w]
                                              for f, w in sorted(weights.items())
                                              if max(abs(x) for x in w) >= 1e-4}}


def _softmax(weights: dict[str, list[float]], feats: list[str], n: int) -> list[float]:
    z = [0.0] * n
    for fname in feats:
        w = weights.get(fname)
        if w is not None:
            for k in range(n):
                z[k] += w[k]
    top = max(z)
    e = [math.exp(x - top) for x in z]
    total = sum(e)
    return [x / total for x in e]


def predict(model: dict, feats: list[str]) -> list[float]:
    return _softmax(model["weights"], feats, model["classes"])


def train_all(train: list[Example], epochs: int, l2: float = 1e-4, seed: int = 20261205) -> dict:
    """The level model and one model per code, trained on ``train``."""
    level_rows = [(ex.features, LEVEL_CLASSES.index(ex.want_level or "none")) for ex in train
                  if ex.found is not None and ex.want_level != "unknown"]
    models = {"level": train_softmax(level_rows, len(LEVEL_CLASSES), epochs, l2, seed)}
    for code in CODES:
        rows = [(ex.features, int(code in ex.want_codes)) for ex in train if ex.found is not None]
        models[code] = train_softmax(rows, 2, epochs, l2, seed)
    return models


def probabilities(models: dict, ex: Example) -> dict[str, list[float]]:
    """The model's probabilities for one outcome: level classes, and each code's [absent, present]."""
    return {name: predict(model, ex.features) for name, model in models.items()}


PARTS = ("level", *CODES)  # what the stage may change


def decide(probs: dict[str, list[float]], ex: Example, threshold: float,
           parts: tuple[str, ...] = PARTS, unknown_only: bool = False) -> tuple[str | None, frozenset[str]]:
    """The rules' level and codes, changed in ``parts`` where the model is at least ``threshold``
    sure of another answer (``unknown_only``: the level only where the rules abstained);
    threshold 0: the model's own answer alone (most likely level, codes at least even odds)."""
    if threshold == 0:
        p = probs["level"]
        best = LEVEL_CLASSES[max(range(len(p)), key=p.__getitem__)]
        return (None if best == "none" else best), frozenset(c for c in CODES if probs[c][1] >= 0.5)
    level, codes = ex.rules_level, set(ex.rules_codes)
    if "level" in parts and (not unknown_only or level == "unknown"):
        p = probs["level"]
        best = max(range(len(p)), key=p.__getitem__)
        answer = None if LEVEL_CLASSES[best] == "none" else LEVEL_CLASSES[best]
        if answer != level and p[best] >= threshold:
            level = answer
    for code in CODES:
        if code not in parts:
            continue
        present = probs[code][1]
        if code in codes and 1 - present >= threshold:
            codes.discard(code)
        elif code not in codes and present >= threshold:
            codes.add(code)
    return level, frozenset(codes)


# --- scoring, as evaluation.measure_real scores ---

@dataclass
class Score:
    total: int = 0
    agreed: int = 0
    strict: int = 0
    good: int = 0
    good_error: int = 0

    def add(self, ex: Example, level: str | None, codes: frozenset[str]) -> bool:
        from microcred.lexicon import UNKNOWN
        from microcred.outcomes import ERROR_CODES

        self.total += 1
        self.good += ex.good
        if ex.found is None:
            self.good_error += ex.good
            return False
        abstained = level == UNKNOWN and ex.want_level not in (None, UNKNOWN)
        level_ok = ex.want_level == UNKNOWN or level == ex.want_level or abstained
        ok = level_ok and codes == ex.want_codes and ex.lang_ok
        self.good_error += ex.good and bool(codes & ERROR_CODES)
        self.agreed += ok
        self.strict += ok and not abstained
        return ok

    def line(self) -> str:
        return (f"{pct(self.agreed, self.total)} ({self.agreed}/{self.total}), strict "
                f"{pct(self.strict, self.total)}, good given an error {self.good_error}/{self.good}")


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "-"


def wilson(a: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if not n:
        return 0.0, 0.0
    p = a / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def folds_of(examples: list[Example], k: int) -> dict[str, int]:
    """Institutions dealt into k folds: the largest first, each into the fold with fewest outcomes."""
    size = Counter(ex.group for ex in examples)
    load = [0] * k
    fold = {}
    for group, n in sorted(size.items(), key=lambda gn: (-gn[1], gn[0])):
        f = min(range(k), key=lambda i: (load[i], i))
        fold[group] = f
        load[f] += n
    return fold


def share(train: list[Example], fraction: float, seed: int) -> list[Example]:
    """Whole institutions of ``train``, in a seeded order, until ``fraction`` of its outcomes."""
    if fraction >= 1:
        return train
    groups = sorted({ex.group for ex in train})
    random.Random(seed).shuffle(groups)
    size = Counter(ex.group for ex in train)
    kept, n = set(), 0
    for g in groups:
        if n >= fraction * len(train):
            break
        kept.add(g)
        n += size[g]
    return [ex for ex in train if ex.group in kept]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--l2", type=float, default=1e-4, help="L2 penalty per update")
    ap.add_argument("--features", choices=("all", "rules", "words"), default="all",
                    help="what the model reads: the rules' analysis and words (all), one of them")
    ap.add_argument("--train", help="train on these sets (comma-separated) instead of folds")
    ap.add_argument("--test", help="with --train: score on these sets")
    ap.add_argument("--src", help="import microcred from this directory (an older coach)")
    ap.add_argument("--fraction", type=float, default=1.0,
                    help="train on this share of each fold's training institutions (learning curve)")
    ap.add_argument("--show", type=int, default=0, help="print N changes the stage made (t=0.9)")
    args = ap.parse_args()
    if args.src:
        sys.path.insert(0, str(Path(args.src).resolve()))
    import microcred

    print(f"microcred from {Path(microcred.__file__).parent}")
    examples = load_examples(args.features)
    print(f"epochs {args.epochs}, l2 {args.l2}, features: {args.features}")
    probs: dict[str, dict] = {}
    if args.train:
        train_sets, test_sets = args.train.split(","), (args.test or "").split(",")
        train = [ex for ex in examples if ex.set in train_sets]
        examples = [ex for ex in examples if ex.set in test_sets]
        models = train_all(train, args.epochs, args.l2)
        probs = {ex.id: probabilities(models, ex) for ex in examples if ex.found is not None}
        seen = {ex.group for ex in train}
        print(f"trained on {len(train)} outcomes of {','.join(train_sets)}; scored on "
              f"{len(examples)} of {','.join(test_sets)} "
              f"({sum(ex.group not in seen for ex in examples)} of institutions not in training)")
        fold = {ex.group: int(ex.group in seen) for ex in examples}
        k = 2
    else:
        fold = folds_of(examples, args.folds)
        k = args.folds
        print(f"{len(examples)} outcomes, {len(fold)} institutions, {k} folds by institution; "
              f"not split by the rules: {sum(ex.found is None for ex in examples)}; training on "
              f"{args.fraction:.0%} of the other folds' outcomes (whole institutions)")
        for f in range(k):
            train = share([ex for ex in examples if fold[ex.group] != f], args.fraction, f)
            models = train_all(train, args.epochs, args.l2)
            probs.update({ex.id: probabilities(models, ex) for ex in examples
                          if fold[ex.group] == f and ex.found is not None})
            print(f"  fold {f} done", flush=True)
    report(examples, fold, probs, k)
    shown = 0
    for ex in examples:
        if ex.found is None or shown >= args.show:
            continue
        d = decide(probs[ex.id], ex, 0.9)
        if d != (ex.rules_level, ex.rules_codes):
            shown += 1
            before, after = Score().add(ex, ex.rules_level, ex.rules_codes), Score().add(ex, *d)
            verdict = "fixed" if after > before else "broke" if before > after else "still wrong"
            print(f"{verdict} {ex.id}: want {ex.want_level} {sorted(ex.want_codes)}; rules "
                  f"{ex.rules_level} {sorted(ex.rules_codes)}; stage {d[0]} {sorted(d[1])}: "
                  f"{ex.found.text[:120]!r}")


def report(examples: list[Example], fold: dict[str, int], probs: dict, k: int) -> None:
    """Rules alone against rules + stage, per set, language, fold and part of the stage; a
    bootstrap over institutions for the difference."""
    def score(subset, t, parts=PARTS, unknown_only=False):
        s = Score()
        for ex in subset:
            if t is None or ex.found is None:
                s.add(ex, ex.rules_level, ex.rules_codes)
            else:
                s.add(ex, *decide(probs[ex.id], ex, t, parts, unknown_only))
        return s

    rows = [("all", examples)]
    rows += [(f"set {name}", [ex for ex in examples if ex.set == name]) for name in SETS]
    rows += [(f"lang {lang}", [ex for ex in examples if ex.language == lang]) for lang in ("en", "fi", "sv")]
    for name, subset in rows:
        if not subset:
            continue
        print(f"{name}: rules {score(subset, None).line()}")
        for t in THRESHOLDS:
            print(f"    + stage t={t}: {score(subset, t).line()}")
        print(f"    the model alone (no rules' answer kept): {score(subset, 0).line()}")
    print("one part of the stage at a time (all outcomes):")
    for t in THRESHOLDS:
        for label, parts, only in [("level where the rules abstained", ("level",), True),
                                   ("level", ("level",), False)] + [(c, (c,), False) for c in CODES]:
            print(f"    t={t} {label}: {score(examples, t, parts, only).line()}")
    for t in THRESHOLDS:
        per_fold = []
        for f in range(k):
            subset = [ex for ex in examples if fold[ex.group] == f]
            a, b = score(subset, None), score(subset, t)
            per_fold.append(f"{100 * (b.agreed - a.agreed) / a.total:+.1f}" if a.total else "-")
        print(f"t={t}: gain per fold (points): {' '.join(per_fold)}")
    groups = sorted({ex.group for ex in examples})
    by_group = defaultdict(list)
    for ex in examples:
        by_group[ex.group].append(ex)
    rng = random.Random(20261205)
    for t in THRESHOLDS:
        per = {g: (score(by_group[g], None), score(by_group[g], t)) for g in groups}
        diffs, strict_diffs = [], []
        for _ in range(2000):
            draw = [rng.choice(groups) for _ in groups]
            n = sum(per[g][0].total for g in draw)
            diffs.append(sum(per[g][1].agreed - per[g][0].agreed for g in draw) / n)
            strict_diffs.append(sum(per[g][1].strict - per[g][0].strict for g in draw) / n)
        diffs.sort()
        strict_diffs.sort()
        print(f"t={t}: difference stage - rules, 95 % bootstrap over institutions: agreement "
              f"{100 * diffs[50]:+.1f} .. {100 * diffs[1949]:+.1f} points, strict "
              f"{100 * strict_diffs[50]:+.1f} .. {100 * strict_diffs[1949]:+.1f}")
    a = score(examples, None)
    lo, hi = wilson(a.agreed, a.total)
    print(f"rules alone, all: Wilson 95 % {100 * lo:.1f}-{100 * hi:.1f} %")


if __name__ == "__main__":
    main()
