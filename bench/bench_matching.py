"""Benchmark of needs-outcomes matching: 10,000 needs x 200 outcomes, three languages.

Run with `make bench` (or `python bench/bench_matching.py`). Prints figures; asserts nothing.
Target (issue #6): a 10,000 x 200 matching finishes in seconds on a 2-core machine.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# Building blocks for made-up but realistic texts in the three languages.
SUBJECTS = {
    "en": ["data protection", "medication safety", "customer service", "risk assessment",
           "project management", "welfare technology", "information security", "budgeting",
           "mentoring", "conflict resolution", "digital marketing", "quality assurance",
           "machine learning", "occupational safety", "home care", "sustainability reporting"],
    "fi": ["tietosuoja", "lääkehoidon turvallisuus", "asiakaspalvelu", "riskinarviointi",
           "projektinhallinta", "hyvinvointiteknologia", "tietoturva", "budjetointi",
           "mentorointi", "ristiriitojen sovittelu", "digitaalinen markkinointi", "laadunvarmistus",
           "koneoppiminen", "työturvallisuus", "kotihoito", "kestävyysraportointi"],
    "sv": ["dataskydd", "läkemedelssäkerhet", "kundtjänst", "riskbedömning", "projektledning",
           "välfärdsteknik", "informationssäkerhet", "budgetering", "mentorskap",
           "konflikthantering", "digital marknadsföring", "kvalitetssäkring", "maskininlärning",
           "arbetsmiljö", "hemtjänst", "hållbarhetsrapportering"],
}
CONTEXTS = {
    "en": ["in home care", "for small companies", "in public services", "with clients",
           "in hospitals", "in industry", "for team leaders", "in social work"],
    "fi": ["kotihoidossa", "pienyrityksissä", "julkisissa palveluissa", "asiakastyössä",
           "sairaaloissa", "teollisuudessa", "esihenkilöille", "sosiaalityössä"],
    "sv": ["i hemtjänsten", "i små företag", "i offentliga tjänster", "med klienter",
           "på sjukhus", "inom industrin", "för chefer", "i socialt arbete"],
}
STEMS = {"en": "The participant can {verb} {subject} {context}.",
         "fi": "Osallistuja osaa {verb} {subject} {context}.",
         "sv": "Deltagaren kan {verb} {subject} {context}."}
VERBS = {"en": ["apply", "analyse", "plan", "evaluate", "explain"],
         "fi": ["soveltaa", "analysoida", "suunnitella", "arvioida", "selittää"],
         "sv": ["tillämpa", "analysera", "planera", "värdera", "förklara"]}


def make_lists(n_needs: int, n_outcomes: int, seed: int = 1):
    rng = random.Random(seed)
    langs = ["en", "fi", "sv"]
    needs = []
    for i in range(n_needs):
        lang = langs[i % 3]
        needs.append(f"{rng.choice(SUBJECTS[lang])} {rng.choice(CONTEXTS[lang])} {i % 997}")
    outcomes = {}
    for c in range(n_outcomes // 5):
        lang = langs[c % 3]
        outcomes[f"Credential {c + 1}"] = [
            STEMS[lang].format(verb=rng.choice(VERBS[lang]), subject=rng.choice(SUBJECTS[lang]),
                               context=rng.choice(CONTEXTS[lang]))
            for _ in range(5)
        ]
    return needs, outcomes


def timed(label: str, fn):
    t0 = time.perf_counter()
    value = fn()
    print(f"{label}: {time.perf_counter() - t0:.2f} s")
    return value


def main() -> None:
    from microcred import matching

    timed("cold start (thesaurus, lexicons, first match)",
          lambda: matching.match(["Data protection"], ["Apply data protection."]))
    needs, outcomes = make_lists(10_000, 200)
    n_out = sum(len(v) for v in outcomes.values())
    matching.terms.cache_clear()
    matching._terms._word_terms.cache_clear()
    matching._match._detect_cache.clear()
    result = timed(f"10,000 needs x {n_out} outcomes, languages detected, cold term cache",
                   lambda: matching.match(needs, outcomes))
    pairs = sum(len(row) for row in result.scores)
    print(f"  non-zero pairs stored: {pairs:,} of {len(result.needs) * n_out:,} "
          f"({100 * pairs / (len(result.needs) * n_out):.1f} %); coverage {result.coverage:.0%}")
    timed("same lists again (term cache warm)", lambda: matching.match(needs, outcomes))
    timed("same lists, language given (no detection)",
          lambda: matching.match(needs, outcomes, language="en"))
    timed("rows and findings for 10,000 needs", lambda: (result.rows(), result.findings()))
    timed("heatmap of the first 30 x 25", lambda: matching.plot_heatmap(result))


if __name__ == "__main__":
    main()
