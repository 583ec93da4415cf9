"""Needs against outcomes: the scores, the result and its findings."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..findings import Finding, localised, quoted
from ..lexicon import LANGUAGES
from ._lists import _TEXT_KEYS
from ._terms import concept_label, terms

if TYPE_CHECKING:

    from ..needs import NeedsCanvas

DEFAULT_THRESHOLD = 0.5
PARTLY = 0.5  # a need whose best score is at least PARTLY * threshold is "partly covered"


@dataclass(frozen=True)
class Item:
    """A need or an outcome as matched: its text, language and terms."""

    id: str
    text: str
    language: str
    group: str = ""  # for outcomes: the micro-credential they belong to
    count: int = 1  # how often the same text appeared in the input (duplicates are merged)
    terms: tuple[str, ...] = ()  # "@concept" for thesaurus concepts, else the lemma


@dataclass
class MatchResult:
    """Scores of every need against every outcome (sparse), and what they mean."""

    needs: list[Item]
    outcomes: list[Item]
    scores: list[dict[int, float]]  # per need: {outcome index: score > 0}
    weights: dict[str, float]
    threshold: float = DEFAULT_THRESHOLD
    duplicates: int = 0  # needs merged because their text was the same
    skipped: int = 0  # empty entries left out
    _best: list[tuple[int | None, float]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._best = [
            max(row.items(), key=lambda kv: (kv[1], -kv[0])) if row else (None, 0.0)
            for row in self.scores
        ]

    # --- reading the scores ---
    def score(self, need: int, outcome: int) -> float:
        """The score of need ``need`` against outcome ``outcome`` (indices), 0 if unrelated."""
        return self.scores[need].get(outcome, 0.0)

    def matrix(self) -> list[list[float]]:
        """The coverage matrix, one row per need and one column per outcome (dense: keep it for
        lists of a few hundred at most)."""
        n = len(self.outcomes)
        return [[row.get(j, 0.0) for j in range(n)] for row in self.scores]

    def best(self, need: int) -> tuple[int | None, float]:
        """The best outcome for a need (index or None) and its score."""
        return self._best[need]

    def status(self, need: int) -> str:
        """"covered", "partly" or "uncovered"."""
        score = self._best[need][1]
        if score >= self.threshold:
            return "covered"
        return "partly" if score >= PARTLY * self.threshold and score > 0 else "uncovered"

    def covering(self, need: int) -> list[int]:
        """Outcomes that reach the threshold for a need, best first."""
        row = self.scores[need]
        return sorted((j for j, s in row.items() if s >= self.threshold), key=lambda j: -row[j])

    @property
    def uncovered_needs(self) -> list[Item]:
        """Needs no outcome covers (best score below the threshold)."""
        return [n for i, n in enumerate(self.needs) if self._best[i][1] < self.threshold]

    @property
    def unrequested_outcomes(self) -> list[Item]:
        """Outcomes that no need asks for (no need reaches the threshold with them)."""
        used = {j for row in self.scores for j, s in row.items() if s >= self.threshold}
        return [o for j, o in enumerate(self.outcomes) if j not in used]

    @property
    def coverage(self) -> float:
        """Share of the needs that are covered (0 when there are no needs)."""
        if not self.needs:
            return 0.0
        return sum(1 for b in self._best if b[1] >= self.threshold) / len(self.needs)

    def shared_terms(self, need: int, outcome: int, lang: str = "en") -> list[str]:
        """The terms a need and an outcome share, as readable words (why they match)."""
        common = set(self.needs[need].terms) & set(self.outcomes[outcome].terms)
        ordered = sorted(common, key=lambda term: -self.weights.get(term, 0.0))
        return [concept_label(term, lang) for term in ordered]

    def rows(self, lang: str = "en") -> list[dict[str, Any]]:
        """One plain row per need: id, text, best outcome, score, status, shared words."""
        out = []
        for i, need in enumerate(self.needs):
            j, score = self._best[i]
            out.append({
                "need": need.id,
                "text": need.text,
                "count": need.count,
                "best": self.outcomes[j].id if j is not None else None,
                "score": round(score, 3),
                "status": self.status(i),
                "covered_by": [self.outcomes[k].id for k in self.covering(i)],
                "shared": self.shared_terms(i, j, lang) if j is not None else [],
            })
        return out

    def findings(self, lang: str = "en") -> list[Finding]:
        """What the matching found, as findings (uncovered needs and unasked outcomes first)."""
        found: list[Finding] = []
        if not self.needs:
            found.append(_finding("no-needs", lang))
        if not self.outcomes:
            found.append(_finding("no-outcomes", lang))
        if not self.needs or not self.outcomes:
            return found
        uncovered = self.uncovered_needs
        if uncovered:
            found.append(_finding("uncovered", lang, count=len(uncovered), total=len(self.needs),
                                  examples=_examples(uncovered)))
        unasked = self.unrequested_outcomes
        if unasked:
            found.append(_finding("unrequested", lang, count=len(unasked),
                                  total=len(self.outcomes), examples=_examples(unasked)))
        blank = [n for n in self.needs if not n.terms]
        if blank:
            found.append(_finding("no-terms", lang, count=len(blank), examples=_examples(blank)))
        if self.duplicates:
            found.append(_finding("duplicates", lang, count=self.duplicates))
        if self.skipped:
            found.append(_finding("skipped", lang, count=self.skipped))
        return found

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Plain data for JSON: settings, the per-need rows and the two lists of gaps."""
        return {
            "threshold": self.threshold,
            "coverage": round(self.coverage, 3),
            "needs": len(self.needs),
            "outcomes": len(self.outcomes),
            "rows": self.rows(lang),
            "uncovered_needs": [n.id for n in self.uncovered_needs],
            "unrequested_outcomes": [o.id for o in self.unrequested_outcomes],
            "findings": [f.to_dict() for f in self.findings(lang)],
        }


# --- matching --------------------------------------------------------------------------------


def match(
    needs: Iterable[Any],
    outcomes: Iterable[Any] | Mapping[str, Iterable[Any]],
    *,
    language: str | None = None,
    needs_language: str | None = None,
    outcomes_language: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> MatchResult:
    """Match ``needs`` (strings, ``{id, text}`` dicts or canvas needs) against ``outcomes`` (a
    list, or a mapping of micro-credential title -> list). Languages are detected per text
    unless given (``language`` for both sides, or one per side)."""
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be above 0 and at most 1")
    for code in (language, needs_language, outcomes_language):
        if code is not None and code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}; use one of {', '.join(LANGUAGES)}")
    need_items, dups, skipped_n = _items(
        [("", x) for x in needs], needs_language or language, "N"
    )
    if isinstance(outcomes, Mapping):
        pairs = [(str(g), x) for g, xs in outcomes.items() for x in (xs or [])]
    else:
        pairs = [("", x) for x in outcomes]
    outcome_items, _, skipped_o = _items(pairs, outcomes_language or language, "O")

    # weights: rarer terms say more (smoothed inverse document frequency over both lists)
    df: dict[str, int] = defaultdict(int)
    for item in (*need_items, *outcome_items):
        for term in item.terms:
            df[term] += 1
    total = max(len(need_items) + len(outcome_items), 1)
    weights = {term: math.log(1.0 + total / n) for term, n in df.items()}

    postings: dict[str, list[int]] = defaultdict(list)
    for j, o in enumerate(outcome_items):
        for term in o.terms:
            postings[term].append(j)
    scores: list[dict[int, float]] = []
    for need in need_items:
        norm = sum(weights[term] for term in need.terms)
        acc: dict[int, float] = defaultdict(float)
        for term in need.terms:
            w = weights[term]
            for j in postings.get(term, ()):
                acc[j] += w
        scores.append({j: min(s / norm, 1.0) for j, s in acc.items()} if norm else {})
    return MatchResult(need_items, outcome_items, scores, weights, threshold, dups,
                       skipped_n + skipped_o)


def _items(
    pairs: list[tuple[str, Any]], language: str | None, prefix: str
) -> tuple[list[Item], int, int]:
    """Items from (group, entry) pairs: ids given or made, duplicates merged, empties skipped."""
    from ..outcomes import detect_language

    out: list[Item] = []
    by_key: dict[tuple[str, str], int] = {}
    dups = skipped = 0
    used_ids: set[str] = set()
    for group, entry in pairs:
        ident, text = _entry(entry)
        text = " ".join(text.split())
        if not any(ch.isalnum() for ch in text):
            skipped += 1
            continue
        key = (group, text.casefold().rstrip(".!"))
        if key in by_key:
            k = by_key[key]
            prev = out[k]
            out[k] = Item(prev.id, prev.text, prev.language, prev.group, prev.count + 1, prev.terms)
            dups += 1
            continue
        lang = language or _detect(text, detect_language)
        if not ident or ident in used_ids:
            n = len(out) + 1
            while f"{prefix}{n}" in used_ids:
                n += 1
            ident = f"{prefix}{n}"
        used_ids.add(ident)
        by_key[key] = len(out)
        out.append(Item(ident, text, lang, group, 1, terms(text, lang)))
    return out, dups, skipped


def _entry(entry: Any) -> tuple[str, str]:
    """(id, text) of a string, a dict or an object with ``id`` and ``text``."""
    if entry is None:
        return "", ""
    if isinstance(entry, str):
        return "", entry
    if isinstance(entry, Mapping):
        text = next((entry[k] for k in _TEXT_KEYS if entry.get(k)), "")
        return str(entry.get("id") or ""), str(text or "")
    if hasattr(entry, "text"):
        return str(getattr(entry, "id", "") or ""), str(entry.text or "")
    return "", str(entry)


_detect_cache: dict[str, str] = {}


def _detect(text: str, detect) -> str:
    if text not in _detect_cache:
        if len(_detect_cache) > 50_000:
            _detect_cache.clear()
        _detect_cache[text] = detect(text)
    return _detect_cache[text]


def apply_to_canvas(canvas: NeedsCanvas, result: MatchResult) -> NeedsCanvas:
    """The canvas with each need's ``covered_by`` set from a matching of its needs (by text)."""
    from dataclasses import replace

    covering = {" ".join(n.text.split()).casefold().rstrip(".!"): [result.outcomes[j].id
                for j in result.covering(i)] for i, n in enumerate(result.needs)}
    needs = tuple(
        replace(n, covered_by=tuple(covering.get(" ".join(n.text.split()).casefold().rstrip(".!"),
                                                 [])))
        for n in canvas.needs
    )
    return replace(canvas, needs=needs)



def _examples(items: list[Item], n: int = 3) -> str:
    shown = "; ".join(f"{it.id} \"{quoted(it.text, 50)}\"" for it in items[:n])
    return shown + (" …" if len(items) > n else "")


def _finding(code: str, lang: str, **fields: object) -> Finding:
    return localised("matching", code, lang, ("no-needs", "no-outcomes"), None, **fields)
