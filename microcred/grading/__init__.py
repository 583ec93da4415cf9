"""What nbgrader test cells call: functions that print plain feedback and return a score.

Rules of the house for these functions: return a number (nbgrader gives partial credit for a
numeric result), print feedback to stdout only (anything on stderr zeroes the cell), never raise
on a participant's answer, however odd.
"""

from __future__ import annotations

from ..i18n import LANGUAGES, t

# The text nbgrader puts between the quotes of a released answer cell (see
# assignments/nbgrader_config.py, which releases it in the notebook's language), and how a grader
# recognises "not answered" in any of the three languages.
ANSWER_STUB = t("grading.answer-stub", "en")
ANSWER_STUBS = frozenset(t("grading.answer-stub", lang) for lang in LANGUAGES)


def is_unanswered(answer: object) -> bool:
    """True for an answer left as released: the stub, an empty string, or not a string at all."""
    return not isinstance(answer, str) or not answer.strip() or answer.strip() in ANSWER_STUBS
