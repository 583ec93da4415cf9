"""The learning-outcome coach: find the action verbs of an outcome, their Bloom level and problems.

``analyse(text)`` works in English, Finnish and Swedish (detected, or forced with ``language=``).
Verbs come from the lexicons in ``data/verbs``; inflected forms are matched through the simplemma
lemmatiser. The same function serves the widget, the command line and the assignment graders, so
a participant gets the same answer everywhere.

The parts: ``_model`` (what is reported), ``_language`` (language detection), ``_verbs`` and
``_frames`` (the phrasing rules of each language), ``_lists`` (list-form outcomes), ``_analyse``
(the analysis that puts them together) and ``_chart`` (the Bloom profile and its chart).
"""

from __future__ import annotations

from ..lexicon import LEVELS
from ._analyse import FORMS, analyse, analyse_lines, outcome_form, outcome_statements
from ._chart import bloom_profile, plot_bloom
from ._language import detect_language
from ._model import ANALYSE_LIMIT, ERROR_CODES, MAX_WORDS, NOTE_CODES, OutcomeAnalysis, Verb

__all__ = [
    "ANALYSE_LIMIT",
    "ERROR_CODES",
    "FORMS",
    "LEVELS",
    "MAX_WORDS",
    "NOTE_CODES",
    "OutcomeAnalysis",
    "Verb",
    "analyse",
    "analyse_lines",
    "bloom_profile",
    "detect_language",
    "outcome_form",
    "outcome_statements",
    "plot_bloom",
]
