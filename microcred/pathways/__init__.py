"""Learning pathways: micro-credentials that stack into a larger whole.

A pathway lists the micro-credentials that together make up something bigger (a module of a
degree, a specialisation, a further-education programme), with their credits, prerequisites
and outcomes. ``check_pathway`` adds the credits up against the target, finds unknown
prerequisites, prerequisite cycles (naming them) and outcomes that two credentials share (the
same learning credited twice). ``learner_plan`` tells a learner who has completed some of the
credentials what is still needed, and in which order. ``plot_pathway`` draws the credentials in
layers by prerequisite depth.

The ``pathway:`` section of a design file::

    pathway:
      stacks_into: {title: "Digital pedagogy module", credits: 15, required: [MC1]}
      this: MC2                       # the credential this design file describes
      credentials:
        - {id: MC1, title: Online teaching basics, credits: 5}
        - {id: MC2, title: Designing online courses, credits: 5, prerequisites: [MC1]}
      completed: [MC1]                # optional: a learner's completed credentials
"""

from ._chart import plot_pathway
from ._model import (
    ERROR_CODES,
    OVERLAP,
    Credential,
    LearnerPlan,
    Pathway,
    PathwayReport,
    Target,
    check_pathway,
    describe_plan,
    find_cycles,
    learner_plan,
)
from ._viewer import pathway_from, pathway_yaml, read_pathway, with_completed

__all__ = [
    "ERROR_CODES",
    "OVERLAP",
    "Credential",
    "LearnerPlan",
    "Pathway",
    "PathwayReport",
    "Target",
    "check_pathway",
    "describe_plan",
    "find_cycles",
    "learner_plan",
    "pathway_from",
    "pathway_yaml",
    "plot_pathway",
    "read_pathway",
    "with_completed",
]
