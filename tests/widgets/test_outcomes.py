"""The outcome coach widget, driven headless by value changes as a participant would type."""

from __future__ import annotations

from microcred.widgets import outcome_coach
from microcred.widgets.outcomes import feedback_html


def test_feedback_follows_typing():
    coach = outcome_coach()
    assert "Write an outcome" in coach.feedback.value
    coach.text.value = "Understand the basics."
    assert "vague-verb" in coach.feedback.value
    coach.text.value = "The participant can explain the basics."
    assert "vague-verb" not in coach.feedback.value
    assert "<mark" in coach.feedback.value and ">explain</mark>" in coach.feedback.value


def test_one_feedback_block_per_nonempty_line():
    coach = outcome_coach("Define ECTS.\n\nOsallistuja osaa laatia suunnitelman.\n")
    assert coach.feedback.value.count('class="mc-outcome"') == 2
    assert len(coach.results) == 2


def test_language_selector_forces_the_analysis_language_not_the_screens():
    coach = outcome_coach("Understand the basics.", ui="en")
    coach.language.value = "fi"
    assert all(r.language == "fi" for r in coach.results)
    assert "Toimintaverbiä ei löytynyt" not in coach.feedback.value  # messages stay English
    fi = outcome_coach("Understand the basics.", ui="fi")
    fi.language.value = "fi"
    assert "Toimintaverbiä ei löytynyt" in fi.feedback.value  # Finnish screen, Finnish message


def test_chart_redraws_when_levels_change_only():
    coach = outcome_coach("Define ECTS.")
    first = coach.chart.value
    assert first.startswith('<img src="data:image/png;base64,')  # with alt text: see _html.py
    assert 'alt="Bar chart: ' in first
    coach.text.value = "Define ECTS!"  # same level profile: no redraw
    assert coach.chart.value is first
    coach.text.value = "Define ECTS.\nThe participant can design a pilot."
    assert coach.chart.value != first


def test_html_in_an_outcome_is_escaped_in_feedback():
    html = feedback_html(coach_results("Explain <img src=x onerror=alert(1)> &amp; more"))
    assert "<img" not in html and "onerror=alert(1)>" not in html


def coach_results(text: str):
    return outcome_coach(text).results


def test_a_list_form_outcome_shows_its_items_each_with_findings():
    coach = outcome_coach("Efter avslutad kurs ska studenten kunna:\nKunskap och förståelse\n"
                          "- redogöra för avtalsrätt\n- förstå upphandling\nAnalyse.")
    assert len(coach.results) == 2  # the list (one outcome with two items) and "Analyse."
    html = coach.feedback.value
    assert html.count('class="mc-outcome-item"') == 2
    assert ">redogöra för</mark>" in html and "vague-verb" in html and "no-object" in html
    assert "Items of the list" in html


def test_swedish_outcomes_show_their_form_next_to_the_level():
    html = feedback_html(coach_results("Deltagaren kan redogöra för GDPR.\n"
                                       "Deltagaren kan tillämpa GDPR i ett projekt.\n"
                                       "Deltagaren kan värdera etiska aspekter av bedömning.\n"
                                       "The participant can explain GDPR."))
    assert "kunskap och förståelse" in html
    assert "färdighet och förmåga" in html
    assert "värderingsförmåga och förhållningssätt" in html
    assert html.count("Form (Higher Education Ordinance)") == 3  # not for the English outcome


def test_unknown_verbs_are_notes_not_errors_in_the_widget():
    coach = outcome_coach("Opiskelija osaa fileerata kalaa.", ui="fi")
    assert coach.results[0].ok
    assert 'data-code="unknown-verb"' in coach.feedback.value
    assert "tuntematon" in coach.feedback.value  # level "unknown" in the screen's language


def test_ambiguous_verbs_are_notes_not_errors_in_the_widget():
    coach = outcome_coach("Deltagaren kan utveckla verksamheten.", ui="sv")
    assert coach.results[0].ok
    assert 'data-code="ambiguous-verb"' in coach.feedback.value
    assert "okänd" in coach.feedback.value and "beror på dess objekt" in coach.feedback.value
