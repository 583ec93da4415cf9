"""A participant's assignments on the course hub: list, fetch, check, hand in and fetch feedback,
in words of our own.

nbgrader's JupyterLab panel (*Assignments*, *Fetch*, *Validate*, *Submit*) writes its labels and
messages into its code in English, so no language pack reaches it. This module makes the calls
its server extensions make (``nbgrader/server_extensions/assignment_list`` and
``validate_assignment``: the exchange's ``List``, ``FetchAssignment``, ``Submit`` and
``FetchFeedback``, the ``Validator``) with the same configuration (``nbgrader_config.py`` on the Jupyter config path and
in the participant's folder), and reports what happened as findings in the screen language,
worded from nbgrader's structured results, never from its English text. What could go wrong is
checked before nbgrader runs (a hand-in also against what the trainer's vetting, ``trainer.vet``,
would refuse), so a refused action leaves the participant's files and the exchange as they were. ``microcred.widgets.assignments`` shows it as a panel.
"""

from ._exchange import (
    ERROR_CODES,
    Assignment,
    Listing,
    Result,
    as_shown,
    fetch,
    fetch_feedback,
    hand_in_time,
    list_assignments,
    submit,
)
from ._validate import validate

__all__ = ["ERROR_CODES", "Assignment", "Listing", "Result", "as_shown", "fetch", "fetch_feedback",
           "hand_in_time", "list_assignments", "submit", "validate"]
