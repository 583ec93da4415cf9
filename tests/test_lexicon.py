"""The verb lexicons are complete and consistent in all three languages."""

from __future__ import annotations

import pytest

from microcred.lexicon import LANGUAGES, LEVELS, bloom_rank, lexicon


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_level_has_verbs_for_suggestions(language):
    lex = lexicon(language)
    for level in LEVELS:
        assert len(lex.verbs_of_level(level)) >= 3, (language, level)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_verb_sits_on_one_level_unless_declared_ambiguous(language):
    lex = lexicon(language)
    seen: dict[str, str] = {}
    for entries in lex.index.values():
        for e in entries:
            if e.vague or e.base:
                continue
            if e.lemma in seen and seen[e.lemma] != e.level:
                assert len(e.levels) > 1, f"{e.lemma} is on two levels: declare it ambiguous"
            seen[e.lemma] = e.level


@pytest.mark.parametrize("language", LANGUAGES)
def test_vague_verbs_point_at_a_level(language):
    vague = [e for entries in lexicon(language).index.values() for e in entries if e.vague]
    assert len(vague) >= 4
    assert all(e.level in LEVELS for e in vague)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        lexicon("de")


def test_bloom_rank_orders_levels():
    assert [bloom_rank(level) for level in LEVELS] == list(range(6))
    assert bloom_rank(None) == -1


@pytest.mark.parametrize("language", LANGUAGES)
def test_word_lists_hold_only_words(language):
    """YAML reads bare on/yes/no as booleans: every listed word must stay a string."""
    lex = lexicon(language)
    for name in ("function_words", "markers", "subjects", "vague_alone"):
        assert all(isinstance(w, str) for w in getattr(lex, name)), name
    assert "on" in lexicon("fi").function_words


@pytest.mark.parametrize("language", LANGUAGES)
def test_suggested_verbs_are_measurable_and_not_vague(language):
    """Suggestions are the first verbs of each level: none may be vague or a near-synonym of one."""
    lex = lexicon(language)
    vague = {e.lemma for entries in lex.index.values() for e in entries if e.vague}
    near_vague = {"comprehend", "hahmottaa", "förstå"}
    for level in LEVELS:
        for verb in lex.verbs_of_level(level):
            assert verb not in vague | near_vague, (language, level, verb)
