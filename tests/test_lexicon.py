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


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicons_are_large_and_name_their_sources(language):
    """Issue 13: at least 400 single-word verbs with a level, from named public sources."""
    from microcred.resources import load_yaml

    lex = lexicon(language)
    single = {v for level in LEVELS for v in lex.levels[level] if " " not in v}
    assert len(single) >= 400, (language, len(single))
    sources = load_yaml("verbs", f"{language}.yaml")["sources"]
    assert len(sources) >= 3 and any("http" in s for s in sources)
    assert any("Anderson" in s for s in sources)


@pytest.mark.parametrize(
    "language, verbs",
    [
        ("fi", "hinnoitella neuvotella ohjelmoida koodata budjetoida markkinoida asentaa kouluttaa "
               "ehdottaa"),
        ("sv", "omvandla programmera prissätta förhandla installera utbilda övervaka"),
        ("en", "price program negotiate budget install configure troubleshoot supervise forecast"),
    ],
)
def test_the_verbs_issue_13_found_missing_have_a_level(language, verbs):
    lex = lexicon(language)
    listed = {v for level in LEVELS for v in lex.levels[level]}
    assert set(verbs.split()) <= listed, set(verbs.split()) - listed


@pytest.mark.parametrize("language, verb", [("fi", "seurata"), ("sv", "följa"), ("en", "test")])
def test_verbs_whose_level_depends_on_the_object_are_ambiguous(language, verb):
    from microcred.outcomes import analyse

    found = [v for v in analyse({"fi": "Opiskelija osaa seurata ohjeita.",
                                 "sv": "Studenten kan följa instruktioner.",
                                 "en": "The student can test the software."}[language]).verbs]
    assert found and found[0].lemma == verb and len(found[0].levels) > 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reading_of_an_ambiguous_verb_is_a_level(language):
    """A comma in an unquoted YAML example ("kertoa, miten ...") once made a reading of words."""
    lex = lexicon(language)
    for entries in lex.index.values():
        for e in entries:
            assert set(e.levels) <= set(LEVELS), (e.lemma, e.levels)
    for verb, main in lex.main_readings.items():
        entry = next(e for e in lex.index[verb.split()[0]] if e.lemma == verb)
        assert main in entry.levels and len(entry.levels) > 1, (verb, main)
