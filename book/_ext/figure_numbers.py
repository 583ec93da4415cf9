"""Sphinx numbers the figures from the doctrees it has just read and still holds, instead of
reading every page's doctree back from its pickle.

With `numfig` on (Jupyter Book's default), `TocTreeCollector.assign_figure_numbers` walks every
page after reading, through `env.get_doctree`, which unpickles each page's doctree from disk: about
3 s of CPU per edition (81 pages), a cost the build pays again for nothing, since the pages read in
this build are kept in memory for writing (`env._write_doc_doctree_cache`, the same objects that
were pickled). While the figures are numbered, `get_doctree` hands out those (the walk only reads
them); a page not read in this build still comes from its pickle. Any other use of `get_doctree`
(which may change what it gets) is left alone.
"""

from __future__ import annotations

from typing import Any

from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors.toctree import TocTreeCollector

_assign_figure_numbers = TocTreeCollector.assign_figure_numbers


def assign_figure_numbers(self: TocTreeCollector, env: BuildEnvironment) -> list[str]:
    """Sphinx's figure numbering, reading the doctrees of this build from memory."""
    held = env._write_doc_doctree_cache

    def get_doctree(docname: str) -> Any:
        """The doctree read in this build if it is still held, else the pickled one."""
        if docname in held:
            return held[docname]
        return BuildEnvironment.get_doctree(env, docname)

    env.get_doctree = get_doctree  # type: ignore[method-assign]
    try:
        return _assign_figure_numbers(self, env)
    finally:
        del env.get_doctree


def setup(app):
    TocTreeCollector.assign_figure_numbers = assign_figure_numbers
    return {"parallel_read_safe": True, "parallel_write_safe": True}
