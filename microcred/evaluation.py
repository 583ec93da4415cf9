"""Agreement of the outcome analyser with hand-labelled outcomes (``tests/data/outcomes_eval.yaml``).

Used by a test (which holds a floor) and by the benchmark (which prints the figures), so both
measure the same thing. An item agrees when the language, the Bloom level and the set of problem
codes all equal the labels.

Abstentions, the same rule for every set: when the coach answers Bloom level "unknown" where the
label has a level, it abstains (issue 13: a verb in no list, or an ambiguous verb whose object
does not decide its level, is marked, not guessed). Abstentions are counted apart, by kind
(``abstained_ambiguous``, ``abstained_unlisted``), and every tally has two agreement figures:
``rate`` counts an abstention as right (the participant is asked to choose), ``strict_rate``
counts it as wrong, so that abstaining is never mistaken for knowing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lexicon import UNKNOWN
from .outcomes import NOTE_CODES, analyse


@dataclass
class Tally:
    """What every agreement count holds: totals, codes, per-language counts and the misses."""

    total: int = 0
    agreed: int = 0
    codes: int = 0
    per_language: Counter = field(default_factory=Counter)
    per_language_total: Counter = field(default_factory=Counter)
    disagreements: list[dict] = field(default_factory=list)
    strict_agreed: int = 0  # agreed without abstaining
    abstained_ambiguous: int = 0  # "unknown" for an ambiguous verb no object cue decided
    abstained_unlisted: int = 0  # "unknown" for an action verb in no list

    @property
    def rate(self) -> float:
        """Agreement with abstentions counted right."""
        return self.agreed / self.total if self.total else 0.0

    @property
    def strict_rate(self) -> float:
        """Agreement with abstentions counted wrong."""
        return self.strict_agreed / self.total if self.total else 0.0

    @property
    def abstained(self) -> int:
        return self.abstained_ambiguous + self.abstained_unlisted

    def abstentions(self) -> str:
        """The strict figure and the abstentions, for a summary line."""
        return (f"strict agreement (abstentions counted wrong) {self.strict_rate:.1%} "
                f"({self.strict_agreed}/{self.total}); abstentions {self.abstained} (ambiguous "
                f"verb {self.abstained_ambiguous}, verb in no list {self.abstained_unlisted})")

    def _abstain(self, analysis, want: str | None) -> bool:
        """Count an abstention: "unknown" answered where the label has a level."""
        if analysis.bloom_level != UNKNOWN or want in (None, UNKNOWN):
            return False
        if any(v.ambiguous for v in analysis.verbs):
            self.abstained_ambiguous += 1
        else:
            self.abstained_unlisted += 1
        return True


@dataclass
class Agreement(Tally):
    """How well the analyser matched the labels, overall and per part."""

    language: int = 0
    bloom: int = 0

    def summary(self) -> str:
        langs = ", ".join(
            f"{lang} {self.per_language[lang]}/{n}" for lang, n in sorted(self.per_language_total.items())
        )
        return (
            f"agreement {self.rate:.1%} ({self.agreed}/{self.total}; {langs}); "
            f"{self.abstentions()}; "
            f"language {self.language}/{self.total}, Bloom level {self.bloom}/{self.total}, "
            f"problem codes {self.codes}/{self.total}"
        )


def _older_convention(codes: set[str]) -> set[str]:
    """The older set labelled a statement with no learner verb "no-action-verb" (with or without
    "teacher-centred"); the coach now says "teacher-centred" alone when the course is the subject
    or a passive says what the course covers, as the real set's labels do (issue 13). Both mean
    "no learner action here", so they are compared as one code."""
    if codes & {"no-action-verb", "teacher-centred"}:
        return (codes - {"no-action-verb", "teacher-centred"}) | {"no learner action"}
    return codes


def measure(items: list[dict]) -> Agreement:
    """Compare ``analyse(item['text'])`` with each item's labels."""
    result = Agreement()
    for item in items:
        r = analyse(item.get("text") or "")
        want_codes = _older_convention(set(item.get("problems") or []))
        lang_ok = r.language == item["language"] or "empty" in want_codes
        abstained = result._abstain(r, item.get("bloom"))
        bloom_ok = r.bloom_level == item.get("bloom") or abstained
        codes_ok = _older_convention({c for c in r.codes if c not in NOTE_CODES}) == want_codes
        result.total += 1
        result.per_language_total[item["language"]] += 1
        result.language += lang_ok
        result.bloom += bloom_ok
        result.codes += codes_ok
        if lang_ok and bloom_ok and codes_ok:
            result.agreed += 1
            result.strict_agreed += not abstained
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


@dataclass
class RealAgreement(Tally):
    """Agreement on the real catalogue set (``tests/data/outcomes_real_*.yaml``), counted per
    labelled outcome (a list's entries one by one), with false errors on good outcomes apart."""

    level_right: int = 0
    good: int = 0
    good_with_error: int = 0  # a good outcome given an error: what costs a participant points
    not_split: int = 0  # list entries the coach did not find as items
    forms: int = 0  # Swedish outcomes whose Higher Education Ordinance form was labelled
    forms_agreed: int = 0
    exceptions: int = 0

    @property
    def false_error_rate(self) -> float:
        return self.good_with_error / self.good if self.good else 0.0

    def summary(self) -> str:
        langs = ", ".join(f"{lang} {self.per_language[lang]}/{n}"
                          for lang, n in sorted(self.per_language_total.items()))
        return (
            f"agreement {self.rate:.1%} ({self.agreed}/{self.total} outcomes; {langs}); "
            f"{self.abstentions()}; "
            f"Bloom level {self.level_right}/{self.total}, problem codes "
            f"{self.codes}/{self.total}; good outcomes "
            f"given an error {self.good_with_error}/{self.good} ({self.false_error_rate:.1%}); "
            f"list entries not split {self.not_split}; exceptions {self.exceptions}; Swedish "
            f"outcome form {self.forms_agreed}/{self.forms}"
        )


# The real set labels forms by their Swedish names; the coach's codes are English words.
FORM_NAMES = {"kunskap och förståelse": "knowledge", "färdighet och förmåga": "skills",
              "värderingsförmåga och förhållningssätt": "judgement"}


def measure_real(items: list[dict]) -> RealAgreement:
    """Compare the coach with each labelled outcome of the real set; a list-form statement is
    analysed whole and each labelled entry compared with the item the coach split off for it."""
    result = RealAgreement()
    for item in items:
        lang = item["language"]
        entries = item.get("items") or [item]
        try:
            r = analyse(item.get("text") or "")
        except Exception as exc:  # counted, never hidden: the target is 0
            result.exceptions += 1
            result.total += len(entries)
            result.per_language_total[lang] += len(entries)
            result.disagreements.append({"id": item.get("id"), "exception": repr(exc)})
            continue
        for entry in entries:
            found = _item_for(r, entry["text"]) if "items" in item else r
            result.total += 1
            result.per_language_total[lang] += 1
            if entry.get("good"):
                result.good += 1
            if found is None:
                result.not_split += 1
                result.good_with_error += bool(entry.get("good"))
                result.disagreements.append({"id": item.get("id"), "text": entry["text"],
                                             "want": "an item of its own", "got": "not split"})
                continue
            if "form" in entry:
                result.forms += 1
                result.forms_agreed += found.form == FORM_NAMES.get(entry["form"])
            want_codes = set(entry.get("problems") or [])
            got_codes = {p.code for p in found.problems if p.severity != "note"}
            want, got = entry.get("bloom"), found.bloom_level
            abstained = result._abstain(found, want)
            level_ok = want == UNKNOWN or got == want or abstained
            codes_ok = got_codes == want_codes
            lang_ok = r.language == lang
            result.level_right += level_ok
            result.codes += codes_ok
            if entry.get("good") and not found.ok:
                result.good_with_error += 1
            if level_ok and codes_ok and lang_ok:
                result.agreed += 1
                result.strict_agreed += not abstained
                result.per_language[lang] += 1
            else:
                result.disagreements.append({
                    "id": item.get("id"), "text": entry["text"],
                    "want": (lang, want, sorted(want_codes)),
                    "got": (r.language, got, sorted(got_codes)),
                    "verbs": [v.lemma for v in found.verbs],
                })
    return result


def _item_for(r, text: str):
    """The item of a split list whose text ends with the labelled entry (None if not split)."""
    key = _normal(text)[:50]
    return next((it for it in r.items if key and key in _normal(it.text)), None)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
