"""The trainer's tools around nbgrader: roster, vetting, collecting, autograding, report, grade
export, badges and a demonstration cohort (``python -m microcred grading ...``).

They never run inside a participant's notebook, so they may print progress to stderr; what the
notebooks' test cells call is ``microcred.grading``.
"""
