"""Finnish verb forms: Voikko when installed, the pure-Python fallback otherwise; both never raise."""

from __future__ import annotations

import pytest

from microcred import morphology
from microcred.morphology import finnish_verb
from tests.helpers.morphology import each_backend


@pytest.fixture(params=["voikko", "fallback"])
def backend(request):
    """Run a test with each analyser (Voikko is skipped, saying why, when it is not installed)."""
    yield from each_backend(request.param)


@pytest.mark.parametrize("word, lemma", [("hinnoitella", "hinnoitella"), ("koodata", "koodata"),
                                         ("budjetoida", "budjetoida"), ("neuvotella", "neuvotella")])
def test_infinitives_not_in_any_list_are_read_as_verbs(backend, word, lemma):
    form = finnish_verb(word)
    assert form is not None and form.infinitive and form.lemma == lemma


@pytest.mark.parametrize("word", ["palveluja", "englantia", "perusteet", "laadun", "ja"])
def test_nouns_and_small_words_are_not_infinitives(backend, word):
    form = finnish_verb(word)
    assert form is None or not form.infinitive


def test_voikko_reads_inflected_verbs_and_the_third_infinitive():
    if morphology.backend() != "voikko":
        pytest.skip("Voikko is not installed: make voikko")
    assert finnish_verb("ymmärtävät").lemma == "ymmärtää"
    assert finnish_verb("hinnoittelemaan").lemma == "hinnoitella"
    assert finnish_verb("käsitellään").passive
    assert finnish_verb("laatimisessa") is None  # a verbal noun, not something the learner does


@pytest.mark.parametrize("word", ["", "x", "🎓", "a" * 5000, "123", "ääää", "-"])
def test_odd_words_never_raise(backend, word):
    finnish_verb(word)
