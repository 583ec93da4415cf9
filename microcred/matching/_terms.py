"""The terms of a text: lemmas, the thesaurus's shared concepts and compound parts."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..lexicon import LANGUAGES, lexicon
from ..resources import load_yaml

if TYPE_CHECKING:

    pass

_COMPOUND_MIN = 3  # shortest part of a compound word
_PREFIX = 6  # letters an inflected word must share with a thesaurus form to count as it
_NUMBER = re.compile(r"^\d")


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
