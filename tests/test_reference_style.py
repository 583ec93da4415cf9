"""book/_ext/reference_style.py: the bibliography in the reader's language, review notes kept out,
titles as the bibliography gives them."""

from __future__ import annotations

import sys

import pytest
from pybtex.database import Entry, Person

from tests.helpers.paths import REPO

sys.path.insert(0, str(REPO / "book" / "_ext"))
import reference_style  # noqa: E402  (book/_ext is not a package: Sphinx loads it by path)


def _style(lang: str, messages: dict[str, str] | None = None):
    cls = type(f"test_{lang}", (reference_style._Style,), {"lang": lang, "messages": messages or {}})
    return cls()


def _entry() -> Entry:
    entry = Entry("misc", fields={
        "title": "Council Recommendation of 20 December 2012 on the validation of learning",
        "howpublished": "Press release, 4 October 2007",
        "year": "2012",
        "url": "https://example.org/x",
        "review": "Read 2026-12-04 on EUR-Lex (title and OJ reference); the annexes were not re-read",
    }, persons={"author": [Person("Biggs, John"), Person("Tang, Catherine"), Person("others")]})
    entry.key = "x2012"
    return entry


def _text(lang: str, messages: dict[str, str] | None = None) -> str:
    return _style(lang, messages).format_entry("X12", _entry()).text.render_as("text")


def test_the_review_note_is_not_shown_but_its_date_is_in_the_readers_language():
    assert "annexes" not in _text("en") and "Read 2026-12-04." in _text("en")
    assert "Luettu 4.12.2026." in _text("fi") and "Read" not in _text("fi")
    assert "Läst 4 dec. 2026." in _text("sv")
    unchecked = reference_style.status("Not checked in the source review of 2026-12-04", "fi")
    assert unchecked == "Ei tarkistettu 4.12.2026 tehdyssä lähdetarkistuksessa."
    assert reference_style.status("Not read in the check of 2026-12-04 (gone)", "sv").startswith(
        "Inte kontrollerad")
    assert reference_style.status("no date here", "en") == ""


def test_titles_keep_their_case_and_the_styles_words_follow_the_language():
    en, fi, sv = _text("en"), _text("fi"), _text("sv")
    assert "20 December 2012" in en  # pybtex's own style writes "20 december 2012"
    assert "John Biggs, Catherine Tang, and others" in en
    assert "John Biggs, Catherine Tang ym." in fi and "and" not in fi.split(".")[0]
    assert "John Biggs, Catherine Tang m.fl." in sv
    assert "URL: https://example.org/x" in en and "Saatavilla: https://example.org/x" in fi
    assert "Tillgänglig: https://example.org/x" in sv


def test_a_field_takes_its_form_from_the_editions_catalogue():
    text = _text("fi", {"Press release, 4 October 2007": "Tiedote 4.10.2007"})
    assert "Tiedote 4.10.2007" in text and "Press release" not in text


@pytest.mark.parametrize(("value", "lang", "expected"), [
    ("4th", "en", "4th edition"), ("4th", "fi", "4. painos"), ("4th", "sv", "4:e upplagan"),
    ("2nd", "sv", "2:a upplagan"), ("11th", "sv", "11:e upplagan"), ("Revised", "fi", "revised edition"),
])
def test_editions_are_written_as_the_language_writes_them(value, lang, expected):
    assert reference_style.edition(value, lang) == expected


def test_a_body_is_cited_by_its_name_in_the_editions_language(monkeypatch):
    """sphinxcontrib-bibtex's entries get the body's name from references.po, build after build
    (the entries stay with the edition's environment), and a changed translation is taken."""
    from types import SimpleNamespace

    assert reference_style.references_catalogue("fi")["Finland"] == "Suomi"
    entry = _entry()
    entry.persons["author"] = [Person("{Council of the European Union}"), Person("Tang, Catherine")]
    domain = SimpleNamespace(bibdata=SimpleNamespace(data=SimpleNamespace(entries={"x": entry})))
    app = SimpleNamespace(config=SimpleNamespace(language="fi"),
                          env=SimpleNamespace(get_domain=lambda name: domain))
    names = {"Council of the European Union": "Euroopan unionin neuvosto"}
    monkeypatch.setattr(reference_style, "references_catalogue", lambda lang: names)
    reference_style.localise_authors(app)
    reference_style.localise_authors(app)
    assert [str(p) for p in entry.persons["author"]] == ["{Euroopan unionin neuvosto}", "Tang, Catherine"]
    names["Council of the European Union"] = "EU:n neuvosto"
    reference_style.localise_authors(app)
    assert str(entry.persons["author"][0]) == "{EU:n neuvosto}"
    assert reference_style.organisation(Person("Tang, Catherine")) == ""
