"""Notebook widgets: each arranges core calls into a small UI and holds no rules of its own.

Importing this package needs ipywidgets; the core (``microcred.outcomes`` and friends) does not.
"""

from .alignment import AlignmentEditor, alignment_editor
from .commissioned import PriceCalculator, SelfCheck, development_self_check, price_calculator
from .competence import CompetenceSelfAssessment, competence_self_assessment
from .credential import CredentialBuilder, credential_builder
from .designfile import DesignBar, DesignDesk, HandIn, design_bar, design_desk, hand_in
from .needs import NeedsCanvasWidget, NeedsMatcher, needs_canvas, needs_matcher
from .outcomes import OutcomeCoach, outcome_coach
from .pathways import PathwayViewer, pathway_viewer
from .qa import SelfAssessmentTool, qa_self_assessment
from .quiz import Quiz, self_check_quiz
from .workload import WorkloadCalculator, workload_calculator

__all__ = [
    "AlignmentEditor",
    "CompetenceSelfAssessment",
    "CredentialBuilder",
    "DesignBar",
    "DesignDesk",
    "HandIn",
    "NeedsCanvasWidget",
    "NeedsMatcher",
    "OutcomeCoach",
    "PathwayViewer",
    "PriceCalculator",
    "Quiz",
    "SelfAssessmentTool",
    "SelfCheck",
    "WorkloadCalculator",
    "alignment_editor",
    "competence_self_assessment",
    "credential_builder",
    "design_bar",
    "design_desk",
    "development_self_check",
    "hand_in",
    "needs_canvas",
    "needs_matcher",
    "outcome_coach",
    "pathway_viewer",
    "price_calculator",
    "qa_self_assessment",
    "self_check_quiz",
    "workload_calculator",
]
