"""The learning-outcome analyser: verbs, levels and findings in English, Finnish and Swedish."""

from __future__ import annotations

import pytest

from microcred.lexicon import lexicon
from microcred.outcomes import analyse, analyse_lines, bloom_profile, detect_language, plot_bloom


@pytest.mark.parametrize(
    "text, language, lemma, level",
    [
        ("The participant can analyse customer needs.", "en", "analyse", "analyse"),
        ("The participant analyses customer needs.", "en", "analyse", "analyse"),
        ("Participants will be able to analyze survey data.", "en", "analyse", "analyse"),
        ("Osallistuja osaa analysoida asiakastarpeita.", "fi", "analysoida", "analyse"),
        ("Osallistuja analysoi asiakastarpeita.", "fi", "analysoida", "analyse"),
        ("Deltagaren kan analysera kundernas behov.", "sv", "analysera", "analyse"),
        ("Deltagaren analyserar kundernas behov.", "sv", "analysera", "analyse"),
        ("Osallistuja osaa laatia koulutussuunnitelman.", "fi", "laatia", "create"),
        ("Deltagaren kan utforma en mikromeriter.", "sv", "utforma", "create"),
        ("Deltagaren värderar olika modeller.", "sv", "värdera", "evaluate"),
    ],
)
def test_finds_verb_lemma_and_level_in_each_language(text, language, lemma, level):
    """Inflected forms are matched through their lemma, in the detected language."""
    r = analyse(text)
    assert r.language == language
    assert [v.lemma for v in r.verbs] == [lemma]
    assert r.bloom_level == level
    assert r.ok and r.problems == ()


def test_swedish_particle_verb_differs_from_plain_verb():
    """'räkna upp' (list) is remembering; 'räkna' (calculate) is applying."""
    listed = analyse("Deltagaren kan räkna upp de viktigaste riskerna.")
    counted = analyse("Deltagaren kan räkna kostnaden för en kurs.")
    assert [v.lemma for v in listed.verbs] == ["räkna upp"]
    assert listed.bloom_level == "remember"
    assert [v.lemma for v in counted.verbs] == ["räkna"]
    assert counted.bloom_level == "apply"


def test_verb_offsets_point_at_the_verb_as_written():
    r = analyse("Deltagaren kan räkna upp risker.")
    v = r.verbs[0]
    assert r.text[v.start : v.end] == v.text == "räkna upp"


@pytest.mark.parametrize(
    "text, verb",
    [
        ("Understand the basics of project management.", "understand"),
        ("The participant is aware of data protection rules.", "be aware of"),
        ("Osallistuja ymmärtää laadunvarmistuksen merkityksen.", "ymmärtää"),
        ("Osallistuja tuntee tietosuojan perusteet.", "tuntea"),
        ("Osallistuja tutustuu laatujärjestelmiin.", "tutustua"),
        ("Deltagaren ska förstå kvalitetssäkring.", "förstå"),
        ("Deltagaren ska känna till reglerna.", "känna till"),
        ("Deltagaren ska kunna grunderna i GDPR.", "kunna"),
    ],
)
def test_vague_verbs_are_errors_with_measurable_suggestions(text, verb):
    r = analyse(text)
    assert "vague-verb" in r.codes
    assert not r.ok
    assert r.bloom_level is None
    finding = next(p for p in r.problems if p.code == "vague-verb")
    assert finding.element == verb
    suggested = lexicon(r.language).verbs_of_level("understand") + lexicon(
        r.language
    ).verbs_of_level("remember") + lexicon(r.language).verbs_of_level("apply")
    assert any(s in finding.suggestion for s in suggested)


def test_modal_followed_by_verb_is_not_vague():
    """'kunna'/'osaa' only count as vague when no verb follows."""
    assert analyse("Deltagaren ska kunna redogöra för GDPR.").ok
    assert analyse("Osallistuja osaa laatia suunnitelman.").ok


def test_multiple_verbs_is_a_warning_and_suggests_splitting():
    r = analyse("Participants will be able to design and evaluate a pilot.")
    assert r.codes == ["multiple-verbs"]
    assert r.ok  # a warning, not an error
    assert r.bloom_level == "create"
    assert "design" in r.problems[0].message and "evaluate" in r.problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The course introduces the principles of quality assurance.",
        "Participants will be introduced to the ECTS system.",
        "Opintojaksolla käsitellään laadunvarmistusta.",
        "Kursen behandlar uppdragsutbildning.",
    ],
)
def test_teacher_centred_statements_are_errors(text):
    r = analyse(text)
    assert "teacher-centred" in r.codes
    assert not r.ok


def test_passive_forms_are_not_learner_verbs():
    assert analyse("Opintojaksolla käsitellään laatua.").verbs == ()
    r = analyse("The participant can explain how data is analysed.")
    assert [v.lemma for v in r.verbs] == ["explain"]


def test_nouns_that_look_like_verbs_are_ignored_in_english():
    r = analyse("The participant can explain the design and use of a survey.")
    assert [v.lemma for v in r.verbs] == ["explain"]


def test_opening_phrases_are_skipped():
    r = analyse("On completion of the course, the participant will be able to plan a pilot.")
    assert [v.lemma for v in r.verbs] == ["plan"]
    r = analyse("Efter avslutad kurs ska studenten kunna redogöra för GDPR.")
    assert [v.lemma for v in r.verbs] == ["redogöra för"]


def test_no_action_verb():
    r = analyse("Basics of project management and quality.")
    assert r.codes == ["no-action-verb"]
    assert not r.ok


def test_too_long_is_a_warning():
    r = analyse("The participant can analyse " + "the needs of clients and " * 12 + "staff.")
    assert "too-long" in r.codes


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "🎓🚀✨", "...", None])
def test_empty_like_input_is_an_error_not_an_exception(text):
    r = analyse(text)
    assert r.codes[0] == "empty"
    assert not r.ok


def test_huge_input_is_analysed_in_part_and_said_so():
    r = analyse("The participant can analyse data. " * 400)  # about 13,600 characters
    assert "truncated" in r.codes
    assert len(r.text) <= 2000


def test_html_is_removed_and_reported():
    r = analyse("<b>The participant can</b> <script>alert(1)</script> explain the ECTS system.")
    assert "<" not in r.text and "alert" not in r.text
    assert "markup" in r.codes
    assert [v.lemma for v in r.verbs] == ["explain"]


def test_emoji_inside_an_outcome_do_no_harm():
    r = analyse("🎓 The participant can compare two QA models 🚀")
    assert [v.lemma for v in r.verbs] == ["compare"]


def test_mixed_languages_are_reported_and_verbs_still_found():
    r = analyse("The participant osaa analysoida customer needs and kundernas behov.")
    assert "mixed-language" in r.codes
    assert "analysoida" in [v.lemma for v in r.verbs]


def test_forced_language_and_message_language():
    r = analyse("Understand the basics.", language="en", messages="fi")
    assert r.language == "en"
    assert "vaikea" in r.problems[0].message  # Finnish message
    with pytest.raises(ValueError):
        analyse("x", language="de")


def test_messages_default_to_the_statements_language():
    assert "svårt" in analyse("Deltagaren ska förstå GDPR.").problems[0].message
    assert "vaikea" in analyse("Osallistuja ymmärtää GDPR:n.").problems[0].message


@pytest.mark.parametrize(
    "text, language",
    [
        ("The participant can explain it.", "en"),
        ("Osallistuja osaa selittää sen.", "fi"),
        ("Deltagaren kan förklara det.", "sv"),
        ("", "en"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_analyse_lines_profile_and_chart():
    results = analyse_lines("Define ECTS.\n\nThe participant can design a pilot.\nUnderstand it.\n")
    assert len(results) == 3
    profile = bloom_profile(results)
    assert profile["remember"] == 1 and profile["create"] == 1 and sum(profile.values()) == 2
    fig = plot_bloom(results)
    assert len(fig.axes) == 1
    assert [round(p.get_height()) for p in fig.axes[0].patches] == list(profile.values())


def test_bloom_chart_without_outcomes_counts_from_zero_in_whole_numbers():
    ax = plot_bloom([]).axes[0]
    bottom, top = ax.get_ylim()
    assert bottom == 0 and top >= 1
    ticks = [tick for tick in ax.get_yticks() if bottom <= tick <= top]
    assert ticks and all(float(tick).is_integer() for tick in ticks)
    assert all(label.get_rotation() > 0 for label in ax.get_xticklabels())  # no run-together


def test_result_serialises_and_prints():
    r = analyse("Osallistuja osaa analysoida asiakastarpeita.")
    d = r.to_dict()
    assert d["ok"] is True and d["verbs"][0]["lemma"] == "analysoida"
    assert "analyse" in str(r)
