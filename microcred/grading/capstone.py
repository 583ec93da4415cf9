"""Scoring for the ``capstone`` assignment: the participant's whole design file, pasted as text.

The automatic part runs the design check (``microcred.design.check``: every module's check and
the checks across sections) and gives partial credit part by part, with the weights of
:data:`microcred.design.WEIGHTS` scaled to the cell's points: a part with no findings earns all
its points, warnings only three quarters, a part started but with errors a quarter, a part not
started nothing; the outcomes earn the outcome coach's mean quality, as in the outcomes
assignment. The feedback is the design check's, so it matches ``python -m microcred design
check`` and the practice notebooks.
"""

from __future__ import annotations

import textwrap
import warnings

from ..design import WEIGHTS, check, loads, section_name, status_label
from ..errors import UserError
from . import ANSWER_STUB, is_unanswered

MAX_FINDINGS = 6  # per part, in the feedback; the rest are counted


def read_answer(answer: object) -> str | None:
    """The design file's text from the answer cell's string (None when not answered): the
    released stub and its quotes count as unanswered; a paste indented as a whole is dedented."""
    if is_unanswered(answer):
        return None
    text = str(answer)
    if text.strip().strip("\"'").strip() == ANSWER_STUB:
        return None
    return textwrap.dedent(text).strip("\n") + "\n"


def score_design(answer: object, points: float = 12) -> float:
    """Partial credit for a pasted design file; prints the design check part by part."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _score(answer, points)
    except Exception as exc:  # noqa: BLE001 - a grader never fails on an odd answer
        print(f"The design file could not be checked ({type(exc).__name__}). "
              f"Score: 0 / {points:g}")
        return 0.0


def _score(answer: object, points: float) -> float:
    text = read_answer(answer)
    if text is None:
        print("No design file pasted yet: paste the whole content of your design file "
              "(my-microcredential.yaml) between the three quotes.")
        print(f"Score: 0 / {points:g}")
        return 0.0
    try:
        design = loads(text, source="your design file")
    except UserError as exc:
        print(str(exc))
        print("Paste the file exactly as it is, between the three quotes, and run the cell "
              "again.")
        print(f"Score: 0 / {points:g}")
        return 0.0
    report = check(design)
    lang = report.language
    scale = points / sum(WEIGHTS.values())
    total = 0.0
    print(f"Design check: {report.title or 'untitled'}\n")
    for part in report.parts:
        if part.name not in WEIGHTS:
            continue
        earned = round(WEIGHTS[part.name] * scale * part.score, 2)
        total += earned
        print(f"{section_name(part.name, lang)}: {status_label(part.status, lang)} - "
              f"{earned:g} of {WEIGHTS[part.name] * scale:g} point(s)")
        if part.summary:
            print(f"   {part.summary}")
        if part.note and part.status != "not started":
            print(f"   {part.note}")
        for f in part.findings[:MAX_FINDINGS]:
            print(f"   {f.severity}: {f.message}")
            if f.suggestion:
                print(f"      -> {f.suggestion}")
        if len(part.findings) > MAX_FINDINGS:
            print(f"   ... and {len(part.findings) - MAX_FINDINGS} more: run "
                  "python -m microcred design check on your file to see them all.")
    score = round(min(total, points), 2)
    print(f"\nScore: {score:g} / {points:g}")
    return score
