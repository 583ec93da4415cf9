"""Agreement of the outcome analyser with hand-labelled outcomes (``tests/data/outcomes_eval.yaml``).

Used by a test (which holds a floor) and by the benchmark (which prints the figures), so both
measure the same thing. An item agrees when the language, the Bloom level and the set of problem
codes all equal the labels.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .outcomes import analyse


@dataclass
class Agreement:
    """How well the analyser matched the labels, overall and per part."""

    total: int = 0
    agreed: int = 0
    language: int = 0
    bloom: int = 0
    codes: int = 0
    per_language: Counter = field(default_factory=Counter)
    per_language_total: Counter = field(default_factory=Counter)
    disagreements: list[dict] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.agreed / self.total if self.total else 0.0

    def summary(self) -> str:
        langs = ", ".join(
            f"{lang} {self.per_language[lang]}/{n}" for lang, n in sorted(self.per_language_total.items())
        )
        return (
            f"agreement {self.rate:.1%} ({self.agreed}/{self.total}; {langs}); "
            f"language {self.language}/{self.total}, Bloom level {self.bloom}/{self.total}, "
            f"problem codes {self.codes}/{self.total}"
        )


def measure(items: list[dict]) -> Agreement:
    """Compare ``analyse(item['text'])`` with each item's labels."""
    result = Agreement()
    for item in items:
        r = analyse(item.get("text") or "")
        want_codes = set(item.get("problems") or [])
        lang_ok = r.language == item["language"] or "empty" in want_codes
        bloom_ok = r.bloom_level == item.get("bloom")
        codes_ok = set(r.codes) == want_codes
        result.total += 1
        result.per_language_total[item["language"]] += 1
        result.language += lang_ok
        result.bloom += bloom_ok
        result.codes += codes_ok
        if lang_ok and bloom_ok and codes_ok:
            result.agreed += 1
            result.per_language[item["language"]] += 1
        else:
            result.disagreements.append(
                {
                    "text": item.get("text"),
                    "want": (item["language"], item.get("bloom"), sorted(want_codes)),
                    "got": (r.language, r.bloom_level, sorted(r.codes)),
                    "verbs": [v.lemma for v in r.verbs],
                }
            )
    return result
