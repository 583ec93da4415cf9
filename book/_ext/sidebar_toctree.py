"""The sidebar's table of contents made from each page's title, not from a copy of all its
headings that is then thrown away.

The theme's sidebar on every page (`generate_toctree_html`, `titles_only=True`) resolves the
whole book's toctree; for each entry Sphinx copies that page's complete table of contents
(`_toctree_standard_entry`: every section heading, ~80 pages for each of ~80 pages) and then
keeps only the page's title and its sub-toctrees (`_entries_from_toctree`). Here, when only
titles are wanted, Sphinx copies a skeleton of the page's table of contents instead: each
top-level item's title and, in its sub-list, the toctree nodes of that item in document order,
which is what the pruning keeps; the result is the same tree. The skeleton is made once per
page's table of contents. It is used only where that holds for certain: the page sets no
`tocdepth`, the sidebar does not collapse, and its table of contents has no `only` nodes, a
top-level item has at most a title and one sub-list, and no toctree node has children or sits
in a title; otherwise Sphinx's own copy is made.
"""

from __future__ import annotations

from typing import Any

import sphinx.environment.adapters.toctree as toctree
from docutils import nodes
from sphinx import addnodes

_entries_from_toctree = toctree._entries_from_toctree
_toctree_standard_entry = toctree._toctree_standard_entry
_titles_only = [False]  # whether the toctree being resolved wants only the pages' titles
_skeletons: dict[int, tuple[nodes.Element, nodes.Element | None]] = {}


def skeleton(toc: nodes.Element) -> nodes.Element | None:
    """A page's table of contents cut to what `titles_only` keeps, or None where that is not
    certain to give the same tree."""
    if any(True for _ in toc.findall(addnodes.only)):
        return None
    if any(len(node) for node in toc.findall(addnodes.toctree)):
        return None
    cut = toc.copy()
    for item in toc.children:
        if not isinstance(item, nodes.list_item) or len(item) > 2:
            return None
        if any(True for _ in item[0].findall(addnodes.toctree)):
            return None
        kept = item.copy()
        kept += item[0].deepcopy()
        if len(item) == 2:
            sub = item[1].copy()
            sub += [node.copy() for node in item.findall(addnodes.toctree)]
            kept += sub
        cut += kept
    return cut


def entries_from_toctree(env: Any, prune: bool, titles_only: bool, *args: Any,
                         **kwargs: Any) -> list:
    """Sphinx's entries of a toctree, noting whether only titles are wanted."""
    outer = _titles_only[0]
    _titles_only[0] = titles_only
    try:
        return _entries_from_toctree(env, prune, titles_only, *args, **kwargs)
    finally:
        _titles_only[0] = outer


def toctree_standard_entry(title: str, ref: str, maxdepth: int, toc: nodes.Element,
                           toctree_ancestors: Any, prune: bool, collapse: bool,
                           tags: Any) -> tuple[nodes.Element, str]:
    """Sphinx's entry for one page, copied from the skeleton when only titles are kept."""
    if _titles_only[0] and maxdepth <= 0 and not collapse:
        held = _skeletons.get(id(toc))
        if held is None or held[0] is not toc:
            held = _skeletons[id(toc)] = (toc, skeleton(toc))
        if held[1] is not None:
            toc = held[1]
    return _toctree_standard_entry(title, ref, maxdepth, toc, toctree_ancestors, prune,
                                   collapse, tags)


def setup(app):
    toctree._entries_from_toctree = entries_from_toctree
    toctree._toctree_standard_entry = toctree_standard_entry
    return {"parallel_read_safe": True, "parallel_write_safe": True}
