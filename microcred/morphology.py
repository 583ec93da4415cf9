"""Finnish verb forms from Voikko, a real morphological analyser, with a pure-Python fallback.

The outcome coach must tell a verb from a noun after "osaa"/"pystyy" even when the verb is in
no list ("osaa hinnoitella palveluja") and must read inflected verbs ("ymmärtävät" = ymmärtää).
Voikko (Debian ``libvoikko1`` + ``voikko-fi``, Python binding ``libvoikko``) knows Finnish
morphology; when it is not installed the fallback guesses from the word's ending and from
simplemma (a word that is its own dictionary form and ends like an infinitive). The fallback never
raises; ``BACKEND`` says which one is in use (DEVELOPERS.md: "Finnish morphology").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from . import lemmas

__all__ = ["VerbForm", "backend", "finnish_non_finite", "finnish_verb", "use_fallback"]

# First infinitive (analysoida, koodata, hinnoitella, mennä, juosta, tarvita, antaa) or the third
# infinitive in illative (analysoimaan), the forms that follow "osaa", "kykenee", "pystyy".
_INFINITIVE = re.compile(
    r"(?:[aeiouyäöh]d[aä]|[aeiouyäö]t[aä]|[eiaä]ll[aä]|nn[aä]|rr[aä]|[ks]st[aä]|[aeiouyäö]st[aä]"
    r"|(?<=\w{3})[aeiouyäö][aä]|m[aä][aä]n)$"
)
_MA_INFINITIVE = re.compile(r"m[aä][aä]n$")
# Verbal nouns, participles and the E-infinitive ("käyttäen", "laatiessaan", "suorittaneelle"):
# they describe a noun or the manner, not what the learner does.
_NON_FINITE = re.compile(r"(?:[aeiouyäö]en|iden|ess[aä](?:an|än|ni|si)?|ne(?:e|i)\w*|"
                         r"mi(?:nen|sen|s[eta]\w*)|"
                         # agent and present participles in a case ("ohjaajan tukemana",
                         # "verkostoituvalla"), plural case endings of nouns ("taulukoina")
                         r"[aeiouyäö]m[aä](?:n[aä]|ll[aä]|lt[aä]|ksi|t|ns[aä]|ni|si)?|"
                         r"v[aä](?:ll[aä]|lt[aä]|ss[aä]|st[aä]|ksi)|"
                         r"i(?:n[aä]|ss[aä]|st[aä]|ll[aä]|lt[aä]|ksi|hin))$")
_VERB_MOODS = ("indicative", "conditional", "potential", "imperative", "A-infinitive",
               "MA-infinitive")
_forced_fallback = False


@dataclass(frozen=True)
class VerbForm:
    """What a Finnish word is as a verb: its base form and whether it is an infinitive."""

    lemma: str
    infinitive: bool  # A-infinitive or MA-infinitive: the form after an ability frame
    passive: bool = False  # passive person ("käsitellään") or a participle ("suunniteltu")


@cache
def _voikko() -> Any:  # libvoikko.Voikko (untyped) or None
    """The Voikko analyser, or None when the library or the Finnish dictionary is missing."""
    if _forced_fallback:
        return None
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception:  # ImportError, OSError (no libvoikko.so), VoikkoException (no dictionary)
        return None


def backend() -> str:
    """"voikko" or "fallback": which analyser reads Finnish words."""
    return "voikko" if _voikko() is not None else "fallback"


def use_fallback(on: bool = True) -> None:
    """Force the pure-Python fallback (tests and benchmarks measure both)."""
    global _forced_fallback
    _forced_fallback = on
    _voikko.cache_clear()
    finnish_verb.cache_clear()
    finnish_non_finite.cache_clear()


@lru_cache(maxsize=65536)
def finnish_verb(word: str) -> VerbForm | None:
    """The verb reading of a lower-cased Finnish word, or None when it is not a verb form."""
    word = word.lower()
    analyser = _voikko()
    if analyser is None:
        return _fallback(word)
    try:
        analyses = analyser.analyze(word)
    except Exception:  # a broken library must not break the coach
        return _fallback(word)
    # Verb forms that say what someone does: finite forms and the infinitives after a frame, not
    # verbal nouns ("laatimisessa", MINEN-infinitive) or the E-infinitive ("laatiessa").
    verbs = [a for a in analyses if a.get("CLASS") == "teonsana"
             and a.get("MOOD") in _VERB_MOODS
             # "-man" is the MA-infinitive's archaic instructive in form only; in outcomes it is
             # the agent participle ("rahavirtojen muodostaman kokonaisuuden")
             and not (a.get("MOOD") == "MA-infinitive" and word.endswith(("man", "män")))]
    if not verbs:
        return None
    infinitives = [a for a in verbs if a.get("MOOD") in ("A-infinitive", "MA-infinitive")]
    chosen = (infinitives or verbs)[0]
    others = [a for a in analyses if a.get("CLASS") != "teonsana"]
    passive = all(a.get("PERSON") == "4" for a in verbs) and not infinitives
    if others and not infinitives and not passive:
        # "osaavat" is a verb but also the adjective "osaava"; a finite verb wins (it is what the
        # subject does) only when the word reads as a verb first.
        if analyses[0].get("CLASS") != "teonsana":
            return None
    return VerbForm(str(chosen.get("BASEFORM", word)).lower(), bool(infinitives), passive)


@lru_cache(maxsize=65536)
def finnish_non_finite(word: str) -> bool:
    """Is a lower-cased Finnish word a verbal noun, a participle or an E-infinitive rather than a
    finite verb or an infinitive? (Voikko: a known word with no such verb reading.)"""
    analyser = _voikko()
    if analyser is None:
        return bool(_NON_FINITE.search(word))
    try:
        analyses = analyser.analyze(word)
    except Exception:
        return bool(_NON_FINITE.search(word))
    if not analyses:
        return bool(_NON_FINITE.search(word))
    return not any(a.get("CLASS") == "teonsana" and a.get("MOOD") in _VERB_MOODS
                   for a in analyses)


def _fallback(word: str) -> VerbForm | None:
    """Guess without Voikko: an infinitive ending, and simplemma agrees it is a base form."""
    if not _INFINITIVE.search(word) or len(word) < 4:
        return None
    if _MA_INFINITIVE.search(word):
        return VerbForm(lemmas.lemmatize(word, "fi").lower(), True)
    lemma = lemmas.lemmatize(word, "fi").lower()
    if lemma != word:  # "palveluja" -> "palvelu": an inflected noun, not an infinitive
        return None
    return VerbForm(word, True)
