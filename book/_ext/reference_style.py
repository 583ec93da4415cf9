"""The reference list and citations in the edition's language, titles as published.

Each entry of book/references.bib carries a `review` field: what the source review of 2026-12-04
read of the source, or that it did not check it (tests/test_citations.py holds every entry to
one). pybtex renders no `review` field; readers see, in their language, when the source was read
("Read 2026-12-04.", "Luettu 4.12.2026.", "Läst 4 dec. 2026.") or that it was not checked in that
review, after the source's address. book/references.md tells them where the notes are.

The style is sphinxcontrib-bibtex's default (pybtex's alpha) with the words pybtex writes itself
in the edition's language (between authors, "and others", "4th edition", "URL:") and titles left
as the bibliography gives them (pybtex's unsrt lower-cases every title of an article or a web
page but its first letter: "Council recommendation of 20 december 2012"). A `howpublished` or
`title` that adds English words for the English reader has its Finnish and Swedish form in
locales/<lang>/LC_MESSAGES/references.po (`editions.py catalogues` extracts them), as has a body
that is an author ("Council of the European Union" = "Euroopan unionin neuvosto"), in the list and
in the text. Citations in the text ("Biggs and Tang, 2011") use the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.database import Entry
from pybtex.richtext import Text
from pybtex.style.formatting.alpha import Style as AlphaStyle
from pybtex.style.template import field, href, join, node, optional, sentence, words
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

# The fields whose value the editions may give in their language (references.po).
TRANSLATED_FIELDS = ("title", "howpublished")

# What the style writes itself, per language.
WORDS = {
    "en": {"and": " and ", "last": ", and ", "others": "", "cite_others": " et al.",
           "read": "Read {date}.", "unchecked": "Not checked in the source review of {date}.",
           "url": "URL:"},
    "fi": {"and": " ja ", "last": " ja ", "others": " ym.", "cite_others": " ym.",
           "read": "Luettu {date}.", "unchecked": "Ei tarkistettu {date} tehdyssä lähdetarkistuksessa.",
           "url": "Saatavilla:"},
    "sv": {"and": " och ", "last": " och ", "others": " m.fl.", "cite_others": " m.fl.",
           "read": "Läst {date}.", "unchecked": "Inte kontrollerad i källgranskningen {date}.",
           "url": "Tillgänglig:"},
}
_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_UNCHECKED = re.compile(r"^\s*Not (?:checked|read)\b")


@dataclass(frozen=True)
class Reading:
    """What the source review says of an entry: read or not, and the review's date."""

    read: bool
    date: str  # ISO, 2026-12-04


def reading(review: str) -> Reading | None:
    """The review field's status: "Not checked ..." / "Not read ..." is unchecked, any other
    note with a date says the source was read that day; None without a date."""
    found = _DATE.search(review)
    if not found:
        return None
    return Reading(not _UNCHECKED.match(review), found.group(0))


def written_date(iso: str, lang: str) -> str:
    """A date as the reader writes it (``microcred.dates``: 4.12.2026, 4 dec. 2026); ISO in
    English, as reference lists in English often give the day a source was read."""
    from microcred.dates import format_date

    return iso if lang == "en" else format_date(iso, lang)


def status(review: str, lang: str) -> str:
    """The sentence readers see for an entry's review field ("" when it gives no date)."""
    found = reading(review)
    if found is None:
        return ""
    return WORDS[lang]["read" if found.read else "unchecked"].format(
        date=written_date(found.date, lang))


def edition(value: str, lang: str) -> str:
    """'4th' as the language writes an edition: 4th edition, 4. painos, 4:e upplagan."""
    number = re.match(r"\d+", value)
    if lang == "en" or not number:
        return f"{value.lower()} edition"
    n = int(number.group(0))
    if lang == "fi":
        return f"{n}. painos"
    return f"{n}:{'a' if n % 10 in (1, 2) and n % 100 not in (11, 12) else 'e'} upplagan"


@node
def _names(children, context, role, lang):
    """The persons of ``role`` joined in ``lang``; a trailing "and others" as the language
    says it."""
    persons = list(context["entry"].persons[role])
    # English keeps pybtex's "A, B, and others"; Finnish and Swedish say "A, B ym." / "m.fl.".
    others = lang != "en" and bool(persons) and str(persons[-1]) == "others"
    if others:
        persons = persons[:-1]
    style = context["style"]
    formatted = [style.format_name(person, style.abbreviate_names) for person in persons]
    # "A, B ym.": with others to follow, no "and" between the names given.
    sep2, last = (", ", ", ") if others else (WORDS[lang]["and"], WORDS[lang]["last"])
    text = join(sep=", ", sep2=sep2, last_sep=last)[formatted].format_data(context)
    return Text(text, WORDS[lang]["others"]) if others else text


class _Style(AlphaStyle):
    """pybtex's alpha style in ``lang``, with titles as given and the review as a status."""

    lang = "en"
    messages: dict[str, str] = {}

    def format_names(self, role, as_sentence=True):
        formatted = _names(role=role, lang=self.lang)
        return sentence[formatted] if as_sentence else formatted

    def format_title(self, e, which_field, as_sentence=True):
        title = field(which_field)  # no change of case
        return sentence[title] if as_sentence else title

    def format_edition(self, e):
        return optional[field("edition", apply_func=lambda value: Text(edition(str(value), self.lang)))]

    def format_url(self, e):
        url = field("url", raw=True)
        return words[WORDS[self.lang]["url"], href(url)[url]]

    def format_entry(self, label, entry, bib_data=None):
        return super().format_entry(label, self.localised(entry), bib_data=bib_data)

    def localised(self, entry: Entry) -> Entry:
        """The entry with its review as the reader's status note and its descriptive fields
        in the reader's language."""
        fields = dict(entry.fields)
        fields.pop("note", None)
        review = fields.pop("review", "")
        note = status(review, self.lang)
        if note:
            fields["note"] = note.removesuffix(".")
        for name in TRANSLATED_FIELDS:
            if name in fields and self.messages.get(fields[name]):
                fields[name] = self.messages[fields[name]]
        localised = Entry(entry.type, fields=fields, persons=entry.persons)
        localised.key = entry.key
        return localised


BIB = Path(__file__).resolve().parents[1] / "references.bib"


def field_messages(bib: Path = BIB) -> list[str]:
    """The values of TRANSLATED_FIELDS in the bibliography, once each, in its order: the
    messages of references.po (`editions.py catalogues` writes them to references.pot)."""
    from pybtex.database import parse_file

    found: dict[str, None] = {}
    for entry in parse_file(str(bib), "bibtex").entries.values():
        for person in entry.persons.get("author", []):
            if organisation(person):
                found.setdefault(organisation(person), None)
        for name in TRANSLATED_FIELDS:
            if name in entry.fields:
                found.setdefault(str(entry.fields[name]), None)
    return list(found)


def organisation(person) -> str:
    """An author that is a body ("{Council of the European Union}" in the .bib), by its name;
    "" for a person."""
    text = str(person)
    return text[1:-1] if text.startswith("{") and text.endswith("}") and text.count("{") == 1 else ""


def localise_authors(app) -> None:
    """Bodies that have a name in the edition's language (references.po: "Euroopan unionin
    neuvosto") are cited by it, in the text as in the list: the entries sphinxcontrib-bibtex
    read get the name. It keeps them with the edition's environment between builds, so each
    renamed author remembers its English name for the next build."""
    from pybtex.database import Person

    messages = references_catalogue(app.config.language or "en")
    domain = app.env.get_domain("cite")
    if not messages or not hasattr(domain, "bibdata"):
        return
    for entry in domain.bibdata.data.entries.values():
        for role, persons in entry.persons.items():
            renamed = []
            for person in persons:
                english = getattr(person, "english", "") or organisation(person)
                if english and messages.get(english, english) != english:
                    person = Person("{" + messages[english] + "}")
                    person.english = english
                renamed.append(person)
            entry.persons[role] = renamed


def write_pot(path: Path) -> Path:
    """references.pot: every message of field_messages, for sphinx-intl to merge."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalogue = Catalog(project="microcred book references", fuzzy=False)
    for message in field_messages():
        catalogue.add(message)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalogue, width=0, omit_header=False)
    return path


def references_catalogue(lang: str) -> dict[str, str]:
    """English field value -> its form in ``lang`` (locales/<lang>/LC_MESSAGES/references.po)."""
    from editions import LOCALES

    path = LOCALES / lang / "LC_MESSAGES" / "references.po"
    if lang == "en" or not path.exists():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id and m.string}


def _reference_style(lang: str):
    """author_year citations ("Biggs and Tang, 2011") with ``lang``'s words."""

    @dataclass
    class Style(AuthorYearReferenceStyle):
        person: PersonStyle = dataclass_field(default_factory=lambda: PersonStyle(
            sep2=WORDS[lang]["and"], last_sep=WORDS[lang]["last"],
            other=WORDS[lang]["cite_others"]))

    return Style


def choose_styles(app, config) -> None:
    """The bibliography and citation styles of this edition's language."""
    lang = config.language if config.language in WORDS else "en"
    name = f"microcred_{lang}"
    style = type(name, (_Style,), {"lang": lang, "messages": references_catalogue(lang)})
    pybtex.plugin.register_plugin("pybtex.style.formatting", name, style, force=True)
    config.bibtex_default_style = name
    if config.bibtex_reference_style == "author_year" and lang != "en":
        sphinxcontrib.bibtex.plugin.register_plugin(
            "sphinxcontrib.bibtex.style.referencing", f"author_year_{lang}",
            _reference_style(lang), force=True)
        config.bibtex_reference_style = f"author_year_{lang}"


def setup(app):
    app.connect("config-inited", choose_styles)
    # After sphinxcontrib-bibtex has read the bibliography (its builder-inited, priority 500).
    app.connect("builder-inited", localise_authors, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
