"""What counts as work in a text answer: duplicates count once, copies of another answer earn
nothing, and filler (``a a a a a``) is not a sentence. Shared by the assignments' scorers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]{2,}")


def words(text: object) -> list[str]:
    """The words of ``text`` (letters only, two or more, case folded)."""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return _WORD.findall(folded)


def key(text: object) -> str:
    """The text as compared for duplicates: its words, in order."""
    return " ".join(words(text))


def is_filler(text: object, minimum: int = 2) -> bool:
    """True when ``text`` has fewer than ``minimum`` different words (``a a a a``, ``x``)."""
    return len(set(words(text))) < minimum


def distinct(texts: Iterable[str]) -> tuple[list[str], list[str]]:
    """(the texts with repeats left out, the repeats); a repeat is the same words again."""
    seen: set[str] = set()
    kept: list[str] = []
    repeats: list[str] = []
    for text in texts:
        k = key(text)
        (repeats if k in seen else kept).append(text)
        seen.add(k)
    return kept, repeats


def copy_of(text: str, others: Iterable[str]) -> str | None:
    """The answer among ``others`` that ``text`` copies (the same words in the same order,
    whatever the case, spacing and punctuation), else None."""
    mine = key(text)
    return next((other for other in others if mine and key(other) == mine), None)
