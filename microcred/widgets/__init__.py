"""Notebook widgets: each arranges core calls into a small UI and holds no rules of its own.

Importing this package needs ipywidgets; the core (``microcred.outcomes`` and friends) does not.
"""

from .outcomes import OutcomeCoach, outcome_coach

__all__ = ["OutcomeCoach", "outcome_coach"]
