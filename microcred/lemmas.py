"""simplemma's lemmas and word lists, with the low-memory dictionaries' index kept on disk.

The coach lemmatises with simplemma's low-memory backend (about 70 MB for en+fi+sv instead of
480 MB). That backend reads each language's front-coded word stream once and builds an index of
its blocks in pure Python: about 2 s for Finnish, in every new kernel. Every notebook, every
autograded submission and every CLI call paid it. Here the index is built once and kept in the
user's cache folder (``$XDG_CACHE_HOME/microcred`` or ``~/.cache/microcred``), so a new process
only decompresses the stream (0.1 s). Lemmas are the same as ``simplemma.lemmatize(...,
low_memory=True)`` (tests/test_lemmas.py compares them).

The index reuses simplemma's stream classes, which are not a public API: if they change, or the
cache folder cannot be written, the module falls back to simplemma's own functions (slower, same
results).
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

import simplemma

from .errors import UserError
from .files import write_bytes_atomic

try:  # simplemma's low-memory stream backend (simplemma >= 2.0)
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import frontcode
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DATA_FOLDER,
        _read_decompressed,
    )
    from simplemma.strategies.dictionaries.stream_dictionary_factory import (
        StreamDictionaryFactory,
        StreamMap,
    )
    from simplemma.utils import normalize_token
except ImportError:  # pragma: no cover - depends on the installed simplemma
    StreamDictionaryFactory = None  # type: ignore[assignment,misc]

CACHE_ENV = "MICROCRED_CACHE"  # a folder for the index files (tests point it at a temporary one)
_FORMAT = 1  # bump when the file layout below changes


def cache_folder() -> Path:
    """Where the dictionary indexes are kept: $MICROCRED_CACHE, else the user's cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "microcred"


def _index_file(lang: str) -> Path:
    """The index file of ``lang``, named after simplemma's version and the stream's size, so that
    an upgraded simplemma never meets an old index."""
    size = (DATA_FOLDER / f"{lang}.plzma").stat().st_size
    return cache_folder() / f"simplemma-{simplemma.__version__}-{lang}-{size}.index"


def _save_index(path: Path, index: tuple) -> None:
    """Write the index atomically; a read-only or full disk only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, marshal.dumps(index))
    except (OSError, UserError):
        return


def _load_index(path: Path) -> tuple | None:
    """The saved index, or None when there is none or it is not one of ours."""
    try:
        index = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(index, tuple) and len(index) == 6 and index[0] == _FORMAT):
        return None
    return index


if StreamDictionaryFactory is not None:

    class _IndexedStreamMap(StreamMap):
        """simplemma's StreamMap whose block index comes from the cache when it is there."""

        __slots__ = ()

        def __init__(self, lang: str) -> None:  # noqa: D107 - see the class docstring
            path = _index_file(lang)
            index = _load_index(path)
            data = _read_decompressed(lang)
            if index is not None:
                _, rev, count, pos, firsts, blocks = index
                header = frontcode._read_header(data)
                if header == (rev, count, pos):
                    self._data, self._rev, self._count, self._pos = data, rev, count, pos
                    self._firsts, self._blocks = firsts, blocks
                    return
            super().__init__(lang)
            _save_index(path, (_FORMAT, self._rev, self._count, self._pos,
                               self._firsts, self._blocks))

    class _IndexedFactory(StreamDictionaryFactory):
        """The low-memory factory, building maps with a cached index."""

        __slots__ = ()

        def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
            return _IndexedStreamMap(lang)


@cache
def _functions() -> tuple[Callable[[str, str], str], Callable[[str, str], bool]]:
    """lemmatize and is_known over the indexed factory, or simplemma's own when it is missing."""
    if StreamDictionaryFactory is None:  # pragma: no cover - depends on the installed simplemma
        return (lambda word, lang: simplemma.lemmatize(word, lang=lang, low_memory=True),
                lambda word, lang: simplemma.is_known(word, lang=lang, low_memory=True))
    factory = _IndexedFactory()
    lemmatizer = simplemma.Lemmatizer(
        lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    lookup = DictionaryLookupStrategy(factory)

    def known(word: str, lang: str) -> bool:
        return lookup.get_lemma(normalize_token(word), lang) is not None

    return (lambda word, lang: lemmatizer.lemmatize(word, lang), known)


def lemmatize(word: str, lang: str) -> str:
    """The dictionary form of ``word`` in ``lang`` (simplemma, low-memory dictionaries)."""
    return _functions()[0](word, lang)


def is_known(word: str, lang: str) -> bool:
    """Is ``word`` a form in the ``lang`` dictionary?"""
    return _functions()[1](word, lang)
