"""Messages in English, Finnish and Swedish, kept in ``data/strings/<module>.yaml``.

A key is ``<module>.<name>``; each entry has ``en``, ``fi`` and ``sv`` texts with ``{fields}``.
English is the fallback, so a missing translation shows English rather than nothing.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

from .numbers import format_spec
from .resources import data_file, data_names, load_yaml

LANGUAGES: tuple[str, ...] = ("en", "fi", "sv")
LANGUAGE_NAMES = {"en": "English", "fi": "suomi", "sv": "svenska"}


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    """Every message by key (for the language menu and tests; ``t`` reads one module's file)."""
    merged: dict[str, dict[str, str]] = {}
    for module in data_names("strings"):
        merged.update(_module_strings(module))
    return merged


@cache
def _module_strings(module: str) -> dict[str, dict[str, str]]:
    """The messages of ``data/strings/<module>.yaml`` by key: a notebook's kernel that needs
    one module's messages reads that file, not all 300 kB of them (about 30 ms less CPU)."""
    if not data_file("strings", f"{module}.yaml").is_file():
        return {}
    return {f"{module}.{name}": texts
            for name, texts in load_yaml("strings", f"{module}.yaml").items()}


def t(key: str, lang: str = "en", **fields: object) -> str:
    """The message ``key`` in ``lang`` (English if missing), with ``fields`` filled in."""
    texts = _module_strings(key.split(".", 1)[0])[key]
    text = texts.get(lang) or texts["en"]
    return text.format(**fields) if fields else text


def number(value: float, lang: str = "en", spec: str = "g") -> str:
    """A number as a reader of ``lang`` writes it: ``2.5`` in English, ``2,5`` in Finnish and
    Swedish (``spec`` is a format spec such as ``.1f`` or ``+.1f``)."""
    return format_spec(value, spec, lang)


def language_name(code: str, lang: str = "en") -> str:
    """The name of the language ``code`` as ``lang`` writes it ("englanti" in Finnish), from
    the CLDR locale data (Babel), so that no catalogue message says "English" on its own;
    an unknown code is returned as it is."""
    try:
        return str(Locale.parse(lang).languages.get(code) or code)
    except (ValueError, TypeError, UnknownLocaleError):
        return code


def keys() -> list[str]:
    """Every message key, for tests that check all three languages are present."""
    return sorted(_catalogue())
