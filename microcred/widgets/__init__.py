"""Notebook widgets: each arranges core calls into a small UI and holds no rules of its own.

Importing this package needs ipywidgets; the core (``microcred.outcomes`` and friends) does not.

Names are imported on first use (PEP 562), so a notebook that needs one tool does not pay for
the others' imports (matplotlib, the pathway chart ...): an autograded submission that only
needs ``cell_errors`` starts about 0.8 s sooner.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "AlignmentEditor": "alignment",
    "alignment_editor": "alignment",
    "PriceCalculator": "commissioned",
    "SelfCheck": "commissioned",
    "development_self_check": "commissioned",
    "price_calculator": "commissioned",
    "AssignmentPanel": "assignments",
    "assignment_panel": "assignments",
    "CompetenceSelfAssessment": "competence",
    "competence_self_assessment": "competence",
    "CredentialBuilder": "credential",
    "credential_builder": "credential",
    "DesignBar": "designfile",
    "DesignDesk": "designfile",
    "HandIn": "designfile",
    "design_bar": "designfile",
    "design_desk": "designfile",
    "hand_in": "designfile",
    "NeedsCanvasWidget": "needs",
    "NeedsMatcher": "needs",
    "needs_canvas": "needs",
    "needs_matcher": "needs",
    "OutcomeCoach": "outcomes",
    "outcome_coach": "outcomes",
    "PathwayViewer": "pathways",
    "pathway_viewer": "pathways",
    "SelfAssessmentTool": "qa",
    "qa_self_assessment": "qa",
    "Quiz": "quiz",
    "self_check_quiz": "quiz",
    "WorkloadCalculator": "workload",
    "workload_calculator": "workload",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    """Import the tool ``name`` from its module when it is first asked for."""
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
