"""Source checks as part of the build: every statement of a law, a fee, a credit rule, a date or a
named national system in the book has a {cite} in the same paragraph (or table row), and every
entry of book/references.bib says where it is (address or statute number) and when it was read."""

from __future__ import annotations

import re
import sys

import pytest

from tests.helpers.paths import REPO

sys.path.insert(0, str(REPO / "book" / "_ext"))
import reference_style  # noqa: E402  (book/_ext is not a package: Sphinx loads it by path)

BOOK = REPO / "book"
# Pages that are about the course itself (how to use it, deploying it, trainers' rubrics) state no
# facts about law or national systems; the glossary cites in its table.
NOT_FACTUAL = {"how-to-use.md", "course-map.md", "index.md", "references.md"}
SKIP_DIRS = {"trainers"}

# What counts as a statement that needs a source.
PATTERNS = {
    "section sign or section of an act": r"§|\bsection \d+ of\b|\b(?:Act|Decree|Ordinance)\b[^.\n]{0,40}\bsection \d+",
    "statute number": r"\b\d{3,4}/(?:19|20)\d{2}\b|\b(?:19|20)\d{2}:\d{2,4}\b|\bHE \d+/\d{4}\b",
    "euro figure": r"\d\s?(?:euros?|EUR)\b|€\s?\d|\d\s?€",
    "credit rule": r"\b\d[\d,.]*\s?(?:hours?|h)\b[^.\n]{0,30}\b(?:credits?|hp|op|ECTS)\b"
                   r"|\b\d+\s?(?:credits?|hp|ECTS)\b[^.\n]{0,25}\b(?:hours?|year|week)\b"
                   r"|\b\d+-\d+ credits\b",
    "year": r"(?<!ESG )\b(?:19[5-9]\d|20[0-4]\d)\b",
    "named national system": r"\b(?:VIRTA|KOSKI|Ladok|JOTPA|Opin\.fi|FINEEC|UKÄ|UHR|CSN)\b",
}
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`")


def _pages():
    for path in sorted(BOOK.rglob("*.md")):
        rel = path.relative_to(BOOK)
        if rel.parts[0] in SKIP_DIRS or (len(rel.parts) == 1 and rel.name in NOT_FACTUAL):
            continue
        if rel.name == "index.md" and len(rel.parts) == 1:
            continue
        yield path


def _units(text: str):
    """Paragraphs and table rows, without code blocks, inline code, headings, admonitions,
    links' targets and MyST roles' targets (a {doc} path is not a statement)."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"`[^`\n]*`", lambda m: m.group(0) if m.start() > 0 and text[m.start() - 1]
                  == "}" else "", text)
    text = re.sub(r"\{(?:doc|ref|numref)\}`[^`]*`", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.splitlines() if not ln.lstrip().startswith("#")]
        if not lines:
            continue
        if all(ln.lstrip().startswith("|") for ln in lines):
            yield from lines  # a table: each row stands alone
        else:
            yield "\n".join(lines)


def _uncited(path):
    for unit in _units(path.read_text(encoding="utf-8")):
        if CITE.search(unit):
            continue
        for name, pattern in PATTERNS.items():
            m = re.search(pattern, unit)
            if m:
                yield name, m.group(0), " ".join(unit.split())[:140]
                break


@pytest.mark.parametrize("path", list(_pages()), ids=lambda p: str(p.relative_to(BOOK)))
def test_statements_of_law_numbers_and_dates_cite_a_source(path):
    found = [f"{kind} {match!r}: {unit}" for kind, match, unit in _uncited(path)]
    assert not found, (f"{path.relative_to(REPO)}: statements without a {{cite}} in the same "
                       "paragraph or table row:\n" + "\n".join(found))


def test_the_detector_finds_an_uncited_statement_and_accepts_a_cited_one(tmp_path):
    """The check itself can fail: a fee without a source is found; the same with {cite} is not."""
    page = tmp_path / "p.md"
    page.write_text("Open studies cost at most 45 euros per credit.\n\n"
                    "Open studies cost at most 45 euros per credit {cite}`okm2024fees`.\n\n"
                    "```\nfee: 45 EUR\n```\n", encoding="utf-8")
    assert [k for k, _, _ in _uncited(page)] == ["euro figure"]


ENTRY = re.compile(r"@(\w+)\{([^,]+),(.*?)\n\}", re.S)
BIB = (BOOK / "references.bib").read_text(encoding="utf-8")


@pytest.mark.parametrize("key,body", [(m.group(2), m.group(3)) for m in ENTRY.finditer(BIB)],
                         ids=lambda x: x if isinstance(x, str) and len(x) < 40 else "")
def test_every_reference_says_where_it_is_and_when_it_was_read(key, body):
    """An address (url/doi/isbn, a publisher for a book), a statute number or a stored project
    description (an unchecked entry may name only where it was published); and a note that says
    when it was read, or honestly that it was not checked, in a `review` field (readers see
    its date in their language: book/_ext/reference_style.py)."""
    unchecked = re.search(r"review\s*=\s*\{[Nn]ot (?:checked|read)", body)
    where = re.search(r"\b(?:url|doi|isbn|publisher)\s*=", body) or re.search(
        r"\d{3,4}/(?:19|20)\d{2}|\(\d{4}:\d+\)|\bSFS\b|HE \d+/\d{4}|seed \d{3}|Vinnova", body) or (
        unchecked and re.search(r"howpublished\s*=", body))
    assert where, f"{key}: give the url, doi, isbn, or the Finlex/SFS number"
    note = re.search(r"review\s*=\s*\{(.*?)\}\s*$", body, flags=re.S | re.M)
    assert note, f"{key}: add a review note saying when it was read (or that it was not checked)"
    assert re.search(r"\b(?:Read|read) (?:\S+ ){0,6}?\d{4}-\d{2}-\d{2}|[Nn]ot (?:checked|read)",
                     note.group(1)), f"{key}: the note must give the date read, e.g. Read 2026-12-04"
    assert reference_style.reading(note.group(1)), f"{key}: readers are shown the review's date"
