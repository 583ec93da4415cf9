"""Every message exists in English, Finnish and Swedish, with the same fields."""

from __future__ import annotations

import string

import pytest

from microcred.i18n import LANGUAGES, _catalogue, keys, t


def _fields(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


@pytest.mark.parametrize("key", keys())
def test_message_has_all_languages_and_same_fields(key):
    entry = _catalogue()[key]
    assert set(LANGUAGES) <= set(entry), f"{key} lacks {set(LANGUAGES) - set(entry)}"
    assert all(str(entry[lang]).strip() for lang in LANGUAGES)
    assert len({_fields(entry[lang]) for lang in LANGUAGES}) == 1, f"{key}: fields differ"


def test_missing_translation_falls_back_to_english():
    assert t("common.ok", "de") == t("common.ok", "en")


def test_fields_are_filled():
    assert "7" in t("outcomes.too-long.message", "sv", words=7)
