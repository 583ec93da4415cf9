"""The lemmatiser with a cached dictionary index gives simplemma's own lemmas, cold and warm."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import simplemma

from microcred import lemmas

WORDS = {
    "en": ["analysed", "designing", "students", "evaluates", "better", "children", "zzqx"],
    "fi": ["opiskelijat", "hinnoitella", "analysoimaan", "ymmärtävät", "palveluja",
           "suunnittelee", "arvioinnissa", "taloissa", "zzqx"],
    "sv": ["studenterna", "analyserar", "förhandla", "kunskaper", "utvärderade", "zzqx"],
}


def _fresh_functions(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    """Point the cache at ``folder`` and forget the dictionaries already loaded."""
    monkeypatch.setenv(lemmas.CACHE_ENV, folder)
    lemmas._functions.cache_clear()


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_same_lemmas_as_simplemma_cold_and_warm(lang, tmp_path, monkeypatch):
    for _ in ("cold", "warm"):
        _fresh_functions(monkeypatch, str(tmp_path))
        for word in WORDS[lang]:
            assert lemmas.lemmatize(word, lang) == simplemma.lemmatize(
                word, lang=lang, low_memory=True), word
            assert lemmas.is_known(word, lang) == simplemma.is_known(
                word, lang=lang, low_memory=True), word
    assert [p.name for p in tmp_path.glob(f"*-{lang}-*.index")], "the index was not kept"


def test_damaged_index_is_rebuilt(tmp_path, monkeypatch):
    _fresh_functions(monkeypatch, str(tmp_path))
    lemmas.lemmatize("talo", "fi")
    (index,) = tmp_path.glob("*-fi-*.index")
    index.write_bytes(b"not an index")
    _fresh_functions(monkeypatch, str(tmp_path))
    assert lemmas.lemmatize("taloissa", "fi") == simplemma.lemmatize(
        "taloissa", lang="fi", low_memory=True)
    assert index.read_bytes() != b"not an index"


def test_index_of_another_stream_is_not_used(tmp_path, monkeypatch):
    """A valid index of one language saved under another's name is refused by the header check."""
    _fresh_functions(monkeypatch, str(tmp_path))
    lemmas.lemmatize("talo", "fi")
    lemmas.lemmatize("house", "en")
    (fi_index,) = tmp_path.glob("*-fi-*.index")
    (en_index,) = tmp_path.glob("*-en-*.index")
    en_index.write_bytes(fi_index.read_bytes())
    _fresh_functions(monkeypatch, str(tmp_path))
    assert lemmas.lemmatize("children", "en") == simplemma.lemmatize(
        "children", lang="en", low_memory=True)


def test_unwritable_cache_folder_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    _fresh_functions(monkeypatch, str(blocker / "cache"))
    assert lemmas.lemmatize("opiskelijat", "fi") == simplemma.lemmatize(
        "opiskelijat", lang="fi", low_memory=True)


def test_a_new_process_reads_the_kept_index(tmp_path):
    """The point of the cache: a second process finds the index the first one wrote."""
    code = ("from microcred import lemmas; print(lemmas.lemmatize('opiskelijat', 'fi'))")
    env = {**os.environ, lemmas.CACHE_ENV: str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, check=True)
    files = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.index")}
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, check=True)
    assert first.stdout == second.stdout == "opiskelija\n"
    assert files and files == {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.index")}
