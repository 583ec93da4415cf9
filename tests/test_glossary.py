"""The glossary (data/glossary.yaml) is complete and the book and the strings use its words."""

from __future__ import annotations

import re

import pytest

from microcred.resources import load_yaml
from tests.helpers.paths import REPO

TERMS = load_yaml("glossary.yaml")["terms"]
STRINGS = sorted((REPO / "microcred" / "data" / "strings").glob("*.yaml"))
BOOK = sorted((REPO / "book").rglob("*.md"))
BIB_KEYS = set(re.findall(r"^@\w+\{([^,]+),", (REPO / "book" / "references.bib").read_text(
    encoding="utf-8"), flags=re.M))


def _messages():
    """Every message of the strings files as (file, key, {lang: text})."""
    for path in STRINGS:
        for key, texts in load_yaml("strings", path.name).items():
            if isinstance(texts, dict):
                yield path.name, key, {k: str(v) for k, v in texts.items()}


def _avoided(lang: str):
    for term in TERMS:
        for word in (term.get("avoid") or {}).get(lang, []):
            yield term["id"], word


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t["id"])
def test_every_term_has_three_languages_and_a_cited_source(term):
    assert all(term.get(lang) for lang in ("en", "fi", "sv")), term["id"]
    assert term["source"] in BIB_KEYS, f"{term['id']}: source {term['source']} not in references.bib"
    assert term.get("checked"), f"{term['id']}: say what was checked at the source"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_strings_use_no_avoided_variant(lang):
    """E.g. Swedish says mikromerit, never mikromeritering; Finnish says kerrytettävä."""
    found = [f"{name}:{key}: {word!r} ({term})"
             for name, key, texts in _messages()
             for term, word in _avoided(lang)
             if re.search(rf"\b{re.escape(word)}", texts.get(lang, ""), flags=re.I)]
    assert not found, "\n".join(found)


def test_the_book_uses_no_avoided_variant():
    """The book is in English but names Finnish and Swedish terms: none of the avoided ones."""
    found = []
    for path in BOOK:
        text = path.read_text(encoding="utf-8")
        for lang in ("en", "fi", "sv"):
            for term, word in _avoided(lang):
                for m in re.finditer(rf"\b{re.escape(word)}", text, flags=re.I):
                    line = text.count("\n", 0, m.start()) + 1
                    found.append(f"{path.relative_to(REPO)}:{line}: {word!r} ({term})")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("term", [t for t in TERMS if t.get("match")], ids=lambda t: t["id"])
def test_a_message_using_a_term_uses_it_in_every_language(term):
    """Where the English (or Finnish) text of a message uses the term, the others use it too."""
    match = term["match"]
    source = "en" if "en" in match else "fi"
    missing = []
    for name, key, texts in _messages():
        if not re.search(match[source], texts.get(source, ""), flags=re.I):
            continue
        for lang in ("en", "fi", "sv"):
            if lang != source and lang in match and not re.search(match[lang], texts.get(lang, ""),
                                                                  flags=re.I):
                missing.append(f"{name}:{key} [{lang}]: {texts.get(lang, '')!r}")
    assert not missing, f"{term['id']} ({term[source]}) not rendered as {term}:\n" + "\n".join(
        missing)


def test_the_book_glossary_page_lists_every_term():
    page = (REPO / "book" / "glossary.md").read_text(encoding="utf-8")
    for term in TERMS:
        for lang in ("en", "fi", "sv"):
            assert term[lang] in page, f"{term['id']} [{lang}] missing from book/glossary.md"


def test_jatkuva_oppiminen_in_the_book_comes_with_its_swedish_word():
    """Where the book gives the Finnish jatkuva oppiminen, the same paragraph gives the Swedish
    kontinuerligt lärande (not only Sweden's livslångt lärande)."""
    bad = []
    for path in BOOK:
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            if "jatkuva oppiminen" in para and "kontinuerligt lärande" not in para:
                bad.append(f"{path.relative_to(REPO)}: {para[:80]!r}")
    assert not bad, "\n".join(bad)
