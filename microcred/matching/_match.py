"""Match skill needs written in free text with the learning outcomes of micro-credentials.

Each text becomes a set of *terms*: its words in dictionary form (the simplemma lemmatiser,
through ``microcred.lexicon``), with meaningless words dropped (``data/needs/stopwords.yaml``)
and words the shipped thesaurus knows replaced by a shared concept id (``data/needs/
thesaurus.yaml``: "customer", "asiakas" and "kund" are all ``@customer``). Finnish and Swedish
compounds are split into known parts ("asiakastarve" -> customer + need). Concepts make matching
work across English, Finnish and Swedish; words the thesaurus does not know still match when
they are spelled the same (GDPR, Excel).

The score of a need against an outcome is the share of the need's terms that the outcome also
has, each term weighted by how rare it is in the lists (rarer terms say more), so it lies in
[0, 1]: 1 means every term of the need appears in the outcome, 0 means none does. A need is
*covered* when its best outcome reaches the threshold (0.5 by default).

Scores are computed through an inverted index (term -> outcomes that have it), so only pairs
that share a term cost anything: 10,000 needs x 200 outcomes take a few seconds (see
``bench/bench_matching.py``), and the result stores only non-zero scores.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from .findings import Finding, localised
from .i18n import number, t
from .lexicon import LANGUAGES, lexicon
from .reading import parse_yaml
from .resources import load_yaml

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .needs import NeedsCanvas

__all__ = [
    "DEFAULT_THRESHOLD",
    "Item",
    "MatchResult",
    "apply_to_canvas",
    "concept_label",
    "match",
    "parse_grouped",
    "parse_items",
    "plot_heatmap",
    "terms",
]

DEFAULT_THRESHOLD = 0.5
PARTLY = 0.5  # a need whose best score is at least PARTLY * threshold is "partly covered"
_COMPOUND_MIN = 3  # shortest part of a compound word
_PREFIX = 6  # letters an inflected word must share with a thesaurus form to count as it
_NUMBER = re.compile(r"^\d")


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
    from .outcomes import detect_language

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


# --- terms -----------------------------------------------------------------------------------


@dataclass
class _Thesaurus:
    forms: dict[str, dict[str, tuple[str, ...]]]  # lang -> word -> concept ids
    phrases: dict[str, dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]]
    labels: dict[str, dict[str, str]]  # concept -> lang -> first word
    stop: dict[str, frozenset[str]]
    prefixes: dict[str, dict[str, list[tuple[str, tuple[str, ...]]]]]  # lang -> first letters


@cache
def _thesaurus() -> _Thesaurus:
    data = load_yaml("needs", "thesaurus.yaml")["concepts"]
    stops = load_yaml("needs", "stopwords.yaml")
    forms: dict[str, dict[str, set[str]]] = {lang: defaultdict(set) for lang in LANGUAGES}
    phrases: dict[str, dict[str, list]] = {lang: defaultdict(list) for lang in LANGUAGES}
    labels: dict[str, dict[str, str]] = {}
    for concept, entry in data.items():
        also = tuple(entry.get("also") or ())
        ids = (concept, *also)
        labels[concept] = {lang: str(entry[lang][0]) for lang in LANGUAGES if entry.get(lang)}
        for lang in LANGUAGES:
            lex = lexicon(lang)
            for word in entry.get(lang) or ():
                words = str(word).lower().split()
                if len(words) == 1:
                    for form in {words[0], lex.lemma(words[0])}:
                        forms[lang][form].update(ids)
                else:
                    lemmas = tuple(lex.lemma(w) for w in words)
                    phrases[lang][words[0]].append((tuple(words), ids))
                    if lemmas != tuple(words):
                        phrases[lang][lemmas[0]].append((lemmas, ids))
    for lang in LANGUAGES:
        for group in phrases[lang].values():
            group.sort(key=lambda p: -len(p[0]))
    stop = {}
    for lang in LANGUAGES:
        lex = lexicon(lang)
        kept = {str(w).lower() for w in stops.get(lang, []) if " " not in str(w)}
        kept |= {lex.lemma(w) for w in kept}
        kept |= {str(w).lower() for w in lex.function_words if isinstance(w, str)}
        stop[lang] = frozenset(kept)
    final = {lang: {k: tuple(sorted(v)) for k, v in forms[lang].items()} for lang in LANGUAGES}
    prefixes: dict[str, dict[str, list]] = {lang: defaultdict(list) for lang in LANGUAGES}
    for lang in LANGUAGES:
        for form, ids in final[lang].items():
            if len(form) >= _PREFIX:
                prefixes[lang][form[:_PREFIX]].append((form, ids))
    return _Thesaurus(
        forms=final,
        phrases={lang: dict(phrases[lang]) for lang in LANGUAGES},
        labels=labels,
        stop=stop,
        prefixes={lang: dict(prefixes[lang]) for lang in LANGUAGES},
    )


def concept_label(term: str, lang: str = "en") -> str:
    """A readable word for a term: the thesaurus label of a concept, or the word itself."""
    if term.startswith("@"):
        labels = _thesaurus().labels.get(term[1:], {})
        return labels.get(lang) or labels.get("en") or term[1:]
    return term


@lru_cache(maxsize=200_000)
def terms(text: str, lang: str) -> tuple[str, ...]:
    """The matching terms of a text in ``lang``, in order of appearance, without repeats."""
    th = _thesaurus()
    lex = lexicon(lang)
    toks = [tok for tok in lex.tokens(text) if tok.is_word]
    out: list[str] = []
    i = 0
    while i < len(toks):
        found = _phrase_at(toks, i, lang, th)
        if found:
            size, ids = found
            out += [f"@{c}" for c in ids]
            i += size
            continue
        out += _word_terms(toks[i].text, toks[i].lemma, lang)
        i += 1
    return tuple(dict.fromkeys(out))


def _phrase_at(toks, i: int, lang: str, th: _Thesaurus):
    for key in (toks[i].text, toks[i].lemma):
        for words, ids in th.phrases[lang].get(key, ()):
            n = len(words)
            if i + n <= len(toks) and all(
                w in (tok.text, tok.lemma) for w, tok in zip(words, toks[i : i + n])
            ):
                return n, ids
    return None


@lru_cache(maxsize=200_000)
def _word_terms(word: str, lemma: str, lang: str) -> tuple[str, ...]:
    """Terms of one word: its concepts, or its compound parts' concepts, or the lemma."""
    th = _thesaurus()
    if len(word) < 2 or _NUMBER.match(word):
        return ()
    if word in th.stop[lang] or lemma in th.stop[lang]:
        return ()
    ids = _known(word, lemma, lang)
    if ids:
        return tuple(f"@{c}" for c in ids)
    if "-" in word:  # "data-analyysi", "e-hälsa" when not in the thesaurus as a whole
        parts: list[str] = []
        for part in word.split("-"):
            parts += _word_terms(part, lexicon(lang).lemma(part), lang)
        return tuple(dict.fromkeys(parts))
    if lang in ("fi", "sv") and len(lemma) >= 2 * _COMPOUND_MIN:
        split = _split_compound(lemma, lang, 0) or (
            _split_compound(word, lang, 0) if word != lemma else None
        )
        if split:
            return tuple(dict.fromkeys(split))
    if lang in ("fi", "sv"):
        ids = _by_prefix(word, lang) or (_by_prefix(lemma, lang) if lemma != word else ())
        if ids:
            return tuple(f"@{c}" for c in ids)
    return (lemma,)


def _by_prefix(word: str, lang: str) -> tuple[str, ...]:
    """Concepts of a form that shares a long beginning with an inflected word the lemmatiser
    missed ("turvallista" -> "turvallisuus"): at least 6 letters, and all but the last 4 of the
    form."""
    best: tuple[str, ...] = ()
    best_len = 0
    for form, ids in _thesaurus().prefixes[lang].get(word[:_PREFIX], ()):
        common = len(_common_prefix(word, form))
        if common >= len(form) - 4 and common > best_len:
            best, best_len = ids, common
    return best


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a[:n]


def _known(word: str, lemma: str, lang: str) -> tuple[str, ...]:
    """Concept ids of a word in its own language first, then in the other two."""
    forms = _thesaurus().forms
    for code in (lang, *(c for c in LANGUAGES if c != lang)):
        ids = forms[code].get(word) or forms[code].get(lemma)
        if ids:
            return ids
    return ()


def _known_part(part: str, lang: str) -> tuple[str, ...]:
    """Concepts of a compound part: as written, lemmatised, or without a linking letter."""
    forms = _thesaurus().forms[lang]
    candidates = [part, lexicon(lang).lemma(part)]
    if lang == "sv" and part.endswith("s"):
        candidates.append(part[:-1])  # arbets|miljö, läkemedels|hantering
    if lang == "sv" and part.endswith(("a", "e")):
        candidates.append(part[:-1])  # skol|a, vård|e-
    if lang == "fi" and part.endswith("n"):
        candidates.append(lexicon(lang).lemma(part))  # laadun|hallinta (genitive)
    for c in candidates:
        if c in forms:
            return forms[c]
    return ()


def _split_compound(word: str, lang: str, depth: int) -> list[str] | None:
    """Terms of a compound word whose last part (head) the thesaurus knows; the first part
    gives its concepts when known, is split again, or stays as a plain word."""
    if depth > 2 or len(word) < 2 * _COMPOUND_MIN:
        return None
    for k in range(_COMPOUND_MIN, len(word) - _COMPOUND_MIN + 1):  # longest head first
        head, first = word[k:], word[:k]
        head_ids = _known_part(head, lang)
        if not head_ids:
            continue
        first_ids = _known_part(first, lang)
        if first_ids:
            first_terms = [f"@{c}" for c in first_ids]
        elif first in _thesaurus().stop[lang]:
            first_terms = []
        else:
            first_terms = _split_compound(first, lang, depth + 1) or (
                [first] if len(first) >= 4 else []
            )
        return first_terms + [f"@{c}" for c in head_ids]
    return None


# --- reading lists ---------------------------------------------------------------------------

_TEXT_KEYS = ("text", "need", "skill", "requirement", "outcome", "preferredLabel", "label",
              "title", "name")


def parse_items(text: str, filename: str = "") -> list[Any] | dict[str, list[Any]]:
    """Needs or outcomes from the text of a file: one a line (.txt), a CSV with a text column,
    or YAML (a list; a canvas or design file with ``needs:``/``outcomes:``; or credential title
    -> list). Raises ``UserError`` with a plain message when the content cannot be read."""

    name = filename.lower()
    stripped = text.lstrip("\ufeff")
    if name.endswith((".csv", ".tsv")):
        return _parse_csv(stripped, "\t" if name.endswith(".tsv") else None)
    if name.endswith((".yaml", ".yml", ".json")):
        data = parse_yaml(stripped, filename)
        return _from_data(data, filename)
    return [line for line in stripped.splitlines() if line.strip()]


def parse_grouped(text: str) -> list[str] | dict[str, list[str]]:
    """Outcomes typed one a line, where a line ending in a colon starts a new micro-credential
    ("Data protection, 2 cr:"). Without such lines, a plain list."""
    groups: dict[str, list[str]] = {}
    current = ""
    for line in str(text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(":") and len(line) > 1:
            current = line[:-1].strip()
            groups.setdefault(current, [])
        else:
            groups.setdefault(current, []).append(line)
    if list(groups) in ([], [""]):
        return groups.get("", [])
    return groups


def _from_data(data: Any, filename: str) -> list[Any] | dict[str, list[Any]]:
    from .errors import UserError

    if data is None:
        return []
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("needs"), dict):  # a canvas or a whole design file
            from .needs import from_dict

            return [{"id": n.id, "text": n.text} for n in from_dict(data).needs]
        if isinstance(data.get("outcomes"), list):  # the outcomes: section of a design file
            return data["outcomes"]
        for key in ("needs", "competence_needs", "skills"):
            if isinstance(data.get(key), list):
                return data[key]
        if all(isinstance(v, list) for v in data.values()):
            return {str(k): v for k, v in data.items()}
    raise UserError(
        f"{filename}: expected a list, a design file with needs: or outcomes:, or "
        "credential title -> list of outcomes"
    )


def _parse_csv(text: str, delimiter: str | None) -> list[dict[str, str]]:
    from .errors import UserError

    if not text.strip():
        return []
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=delimiter or ",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    lowered = [h.lower() for h in header]
    col = next((lowered.index(k.lower()) for k in _TEXT_KEYS if k.lower() in lowered), None)
    id_col = lowered.index("id") if "id" in lowered else None
    if col is None:  # no header we know: the first column, and the first row is data
        col, body = 0, rows
    else:
        body = rows[1:]
    if not body and col is None:
        raise UserError("the CSV file has no rows")
    out = []
    for row in body:
        if len(row) > col and row[col].strip():
            ident = row[id_col].strip() if id_col is not None and len(row) > id_col else ""
            out.append({"id": ident, "text": row[col].strip()})
    return out


# --- chart -----------------------------------------------------------------------------------


def plot_heatmap(
    result: MatchResult, lang: str = "en", max_needs: int = 30, max_outcomes: int = 25
) -> Figure:
    """A heatmap of the coverage matrix: needs down, outcomes across, darker = better match.
    Long lists show their first ``max_needs`` x ``max_outcomes`` cells and say so in the title."""
    from .charts import new_figure

    needs = result.needs[:max_needs]
    outcomes = result.outcomes[:max_outcomes]
    rows = [[result.score(i, j) for j in range(len(outcomes))] for i in range(len(needs))]
    width = 2.8 + 0.42 * max(len(outcomes), 1)
    height = 1.4 + 0.32 * max(len(needs), 1)
    fig = new_figure(min(width, 14), min(height, 14))
    ax = fig.add_subplot()
    title = t("matching.chart.title", lang)
    if len(result.needs) > len(needs) or len(result.outcomes) > len(outcomes):
        title += " " + t("matching.chart.partial", lang, needs=len(needs),
                         all_needs=len(result.needs), outcomes=len(outcomes),
                         all_outcomes=len(result.outcomes))
    ax.set_title(title, fontsize=10)
    if not needs or not outcomes:
        ax.text(0.5, 0.5, t("matching.chart.empty", lang), ha="center", va="center")
        ax.set_axis_off()
        return fig
    image = ax.imshow(rows, cmap="Blues", vmin=0.0, vmax=1.0, aspect="auto")
    ax.set_xticks(range(len(outcomes)), [o.id for o in outcomes], rotation=60, ha="right",
                  fontsize=8)
    ax.set_yticks(range(len(needs)), [_short(n.text) for n in needs], fontsize=8)
    if len(needs) * len(outcomes) <= 400:
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value > 0:
                    colour = "white" if value >= 0.6 else "black"
                    ax.text(j, i, number(value, lang, ".2f").lstrip("0"), ha="center", va="center",
                            fontsize=7, color=colour)
    for i in range(len(needs)):  # a marker, not only colour, for needs nobody covers
        if result.status(i) == "uncovered":
            ax.text(len(outcomes) - 0.5, i, " ✗", va="center", ha="left", fontsize=8,
                    color="#9b1c1c")
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.06)
    from matplotlib.ticker import FuncFormatter

    bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v, lang, ".1f")))
    bar.set_label(t("matching.chart.score", lang), fontsize=8)
    ax.set_xlabel(t("matching.chart.outcomes", lang), fontsize=9)
    fig.tight_layout()
    return fig


def _short(text: str, n: int = 42) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _examples(items: list[Item], n: int = 3) -> str:
    shown = "; ".join(f"{it.id} \"{_short(it.text, 50)}\"" for it in items[:n])
    return shown + (" …" if len(items) > n else "")


def _finding(code: str, lang: str, **fields: object) -> Finding:
    return localised("matching", code, lang, ("no-needs", "no-outcomes"), None, **fields)
