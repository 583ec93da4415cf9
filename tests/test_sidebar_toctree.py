"""book/_ext/sidebar_toctree.py gives Sphinx's own titles-only toctree entries, from skeletons."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest
import sphinx.environment.adapters.toctree as toctree
from docutils import nodes
from sphinx import addnodes
from sphinx.util.matching import Matcher
from sphinx.util.tags import Tags

from tests.helpers.paths import REPO

sys.path.insert(0, str(REPO / "book" / "_ext"))
import sidebar_toctree  # noqa: E402  (book/_ext is not a package: Sphinx loads it by path)


def item(ref: str, anchor: str, title: str, *sub: nodes.Node) -> nodes.list_item:
    link = nodes.reference("", "", nodes.Text(title), internal=True, refuri=ref,
                           anchorname=anchor)
    li = nodes.list_item("", addnodes.compact_paragraph("", "", link))
    if sub:
        li += nodes.bullet_list("", *sub)
    return li


def sub_toctree(*refs: str) -> addnodes.toctree:
    return addnodes.toctree(entries=[(None, ref) for ref in refs], includefiles=list(refs))


def page_tocs() -> dict[str, nodes.bullet_list]:
    """A chapter whose headings hold its sub-toctree two levels down, and its two pages."""
    chapter = nodes.bullet_list("", item(
        "chapter", "", "Chapter",
        item("chapter", "#one", "One", item("chapter", "#deep", "Deep")),
        item("chapter", "#two", "Two", sub_toctree("a", "b")),
    ))
    return {
        "chapter": chapter,
        "a": nodes.bullet_list("", item("a", "", "Page A", item("a", "#s", "Section"))),
        "b": nodes.bullet_list("", item("b", "", "Page B")),
    }


def entries(titles_only: bool, ancestors: set[str]) -> str:
    """Sphinx's entries for a root toctree of the chapter, as text."""
    tocs = page_tocs()
    env = SimpleNamespace(tocs=tocs, metadata={name: {} for name in tocs}, titles={})
    root = sub_toctree("chapter")
    found = toctree._entries_from_toctree(
        env, True, titles_only, False, True, Tags(), ancestors, Matcher([]), Matcher([]), root,
        [])
    return "".join(node.pformat() for node in found)


@pytest.mark.parametrize("ancestors", [set(), {"chapter", "a"}])
@pytest.mark.parametrize("titles_only", [True, False])
def test_entries_are_sphinxs_own(monkeypatch, titles_only, ancestors):
    expected = entries(titles_only, ancestors)
    assert ("Section" in expected) is not titles_only  # the case tried is the one meant
    monkeypatch.setattr(toctree, "_entries_from_toctree", sidebar_toctree.entries_from_toctree)
    monkeypatch.setattr(toctree, "_toctree_standard_entry",
                        sidebar_toctree.toctree_standard_entry)
    assert entries(titles_only, ancestors) == expected


def test_the_skeleton_keeps_titles_and_sub_toctrees_only():
    cut = sidebar_toctree.skeleton(page_tocs()["chapter"])
    assert cut is not None
    text = cut.pformat()
    assert "Chapter" in text and "One" not in text and "Deep" not in text
    assert [len(t["entries"]) for t in cut.findall(addnodes.toctree)] == [2]


def test_no_skeleton_where_it_might_differ():
    tocs = page_tocs()
    tocs["a"][0] += nodes.paragraph("", "a third child")
    assert sidebar_toctree.skeleton(tocs["a"]) is None
    only = addnodes.only(expr="html")
    only += item("b", "#x", "Only in HTML")
    tocs["b"] += only
    assert sidebar_toctree.skeleton(tocs["b"]) is None
