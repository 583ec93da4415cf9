"""Credit conventions: Finland 27 h, Sweden 40 h per 1.5 hp, ECTS 25-30 h."""

import pytest

from microcred.credits import convention, conventions


def test_known_conventions():
    assert set(conventions()) == {"fi", "se", "ects"}


def test_finland_27_hours_per_credit():
    fi = convention("fi")
    assert fi.credits_for(27 * 5) == 5
    assert fi.matches(5, 135) and not fi.matches(5, 100)


def test_sweden_one_and_a_half_hp_is_a_40_hour_week():
    assert round(convention("se").credits_for(40), 2) == 1.5


def test_ects_range_is_25_to_30_hours():
    assert convention("ects").hours_range(2) == (50, 60)


def test_unknown_convention_names_the_known_ones():
    with pytest.raises(ValueError, match="fi, se, ects"):
        convention("us")


def test_finnish_convention_names_the_uas_decree_and_the_university_decree():
    """UAS: Government Decree 1129/2014 s. 3 (1,600 h = 60 credits); universities: 794/2004."""
    fi = convention("fi")
    for lang in ("en", "fi", "sv"):
        assert "1129/2014" in fi.source[lang] and "794/2004" in fi.source[lang]
    assert round(1600 / 60, 1) == 26.7 and fi.min_hours_per_credit <= 1600 / 60
