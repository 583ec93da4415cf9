"""Constructive alignment: outcomes x learning activities x assessment tasks.

Each learning activity and each assessment task names the outcome ids it serves.
``check_alignment`` then asks the questions of constructive alignment (Biggs): is every outcome
assessed? does every assessment task serve an outcome? does the task ask for at least the
cognitive level the outcome promises? and how is the learning time spread over the outcomes?
Bloom levels come from the outcome analyser (``microcred.outcomes.analyse``) for outcomes and
from the verb lexicons for task descriptions, where verbs appear in any position ("a report
analysing ..."); a task may also state its level outright (``level: evaluate``).

The ``outcomes:`` and ``alignment:`` sections of a design file::

    outcomes:
      - {id: LO1, text: "The participant can analyse the competence needs of a client."}
    alignment:
      activities:
        - {id: A1, name: "Webinar on needs analysis", outcomes: [LO1], hours: 6}
      assessments:
        - {id: T1, task: "The participant analyses interview data in a report.", outcomes: [LO1]}
"""

from ._chart import plot_alignment
from ._editor import (
    alignment_from_texts,
    alignment_sections,
    alignment_texts,
    hours_from_workload,
    links_of,
    parse_lines,
    split_hours,
)
from ._model import (
    ERROR_CODES,
    THIN_SHARE,
    Alignment,
    AlignmentReport,
    AssessmentTask,
    LearningActivity,
    Outcome,
    check_alignment,
    outcomes_from_list,
    outcomes_to_list,
    task_level,
)

__all__ = [
    "ERROR_CODES",
    "THIN_SHARE",
    "Alignment",
    "AlignmentReport",
    "AssessmentTask",
    "LearningActivity",
    "Outcome",
    "alignment_from_texts",
    "alignment_sections",
    "alignment_texts",
    "check_alignment",
    "hours_from_workload",
    "links_of",
    "outcomes_from_list",
    "outcomes_to_list",
    "parse_lines",
    "plot_alignment",
    "split_hours",
    "task_level",
]
