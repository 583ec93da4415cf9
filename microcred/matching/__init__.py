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

from ._chart import plot_heatmap
from ._lists import parse_grouped, parse_items
from ._match import DEFAULT_THRESHOLD, PARTLY, Item, MatchResult, apply_to_canvas, match
from ._terms import concept_label, terms
from ._text import format_match

__all__ = [
    "format_match",
    "DEFAULT_THRESHOLD",
    "PARTLY",
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
