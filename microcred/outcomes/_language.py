"""Which of en/fi/sv a statement is in, and which others it borrows from or switches into."""

from __future__ import annotations

import re

from ..lexicon import LANGUAGES, is_known, lexicon


def detect_language(text: str) -> str:
    """The most likely of en/fi/sv for a statement; English when nothing is recognised."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    if not words:
        return "en"
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for lang in LANGUAGES:
        fw = lexicon(lang).function_words
        scores[lang] += 2.0 * sum(1 for w in words if w in fw)
    for lang in LANGUAGES:  # words the language's dictionary knows (as simplemma.langdetect)
        scores[lang] += sum(1 for w in words if is_known(w, lang))
    opening = " ".join(words[:6])
    for lang in LANGUAGES:  # the opening ("Osallistuja osaa ...") names the outcome's language
        if any(stem.match(opening) for stem in lexicon(lang).stems):
            scores[lang] += 5.0
    return max(LANGUAGES, key=lambda lang: scores[lang])


def _other_languages(text: str, lang: str) -> tuple[list[str], list[str]]:
    """Other languages with a clear share of their own words in the statement (their verbs are
    looked for too), and those of them the statement switches into (the mixed-language finding):
    a function word of the other language ("and", "ja") shows a switch, not a borrowed term."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)]
    if len(words) < 4:
        return [], []
    own = {
        code: {w for w in words if is_known(w, code)} for code in LANGUAGES
    }
    unique = {
        code: {w for w in own[code] if not any(w in own[o] for o in LANGUAGES if o != code)}
        for code in LANGUAGES
    }
    base = max(len(unique[lang]), 1)
    others = [code for code in LANGUAGES
              if code != lang and len(unique[code]) >= 2 and len(unique[code]) >= 0.3 * base]
    everywhere = set(re.findall(r"[^\W\d_]+", text.lower()))
    own_words = lexicon(lang).function_words | lexicon(lang).switch_words
    mixed = [code for code in LANGUAGES if code != lang and len(unique[code]) >= 2
             and everywhere & ((lexicon(code).function_words | lexicon(code).switch_words)
                               - own_words)]
    return others, mixed
