"""The search index stems each word once per build, not once per page it is on.

Sphinx's `IndexBuilder.feed` remembers stems only within one page, so a word on 50 pages is
stemmed 50 times: ~33,000 calls to the pure-Python Snowball stemmer in the Finnish edition
(about 1 s of CPU per edition). A stemmer gives a word the same stem every time, so remembering
it for the whole build gives the same index.
"""

from __future__ import annotations

import functools
from typing import Any

from sphinx.search import IndexBuilder

_init = IndexBuilder.__init__


def __init__(self: IndexBuilder, *args: Any, **kwargs: Any) -> None:
    """Sphinx's index builder, with its language's stemmer remembering every word's stem."""
    _init(self, *args, **kwargs)
    self.lang.stem = functools.cache(self.lang.stem)  # type: ignore[method-assign]


def setup(app):
    IndexBuilder.__init__ = __init__  # type: ignore[method-assign]
    return {"parallel_read_safe": True, "parallel_write_safe": True}
