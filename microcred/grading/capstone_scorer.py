"""Scoring for the ``capstone`` assignment: the participant's whole design file, handed in as the
file itself in the assignment's folder (``score_design_file``; nbgrader collects it with the
notebook), or, in earlier releases, pasted as text (``score_design``).

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
from pathlib import Path

from ..design import (
    DEFAULT_NAME,
    WEIGHTS,
    check,
    is_design_file,
    language_of,
    load_qa,
    loads,
    read_text,
    section_name,
    status_label,
)
from ..errors import UserError
from ..i18n import t
from ..settings import course_language
from ..spreadsheet import number
from . import ANSWER_STUBS, is_unanswered
from ._guard import scorer

MAX_FINDINGS = 6  # per part, in the feedback; the rest are counted


def read_answer(answer: object) -> str | None:
    """The design file's text from the answer cell's string (None when not answered): the
    released stub and its quotes count as unanswered; a paste indented as a whole is dedented."""
    if is_unanswered(answer):
        return None
    text = str(answer)
    if text.strip().strip("\"'").strip() in ANSWER_STUBS:
        return None
    return textwrap.dedent(text).strip("\n") + "\n"


@scorer("grading.design.failed")
def score_design(answer: object, points: float = 12, lang: str | None = None) -> float:
    """Partial credit for a pasted design file; prints the design check part by part, in
    ``lang`` (else the screen-language setting, else the design's language)."""
    return _score(answer, points, lang)


def _score(answer: object, points: float, chosen: str | None) -> float:
    text = read_answer(answer)
    lang = chosen or course_language() or "en"
    if text is None:
        print(t("grading.design.empty", lang))
        print(t("grading.score", lang, score=0, points=number(points, lang)))
        return 0.0
    return _score_text(text, points, chosen, "your design file", "grading.design.paste-again")


def find_design_file(folder: str | Path = ".", lang: str = "en") -> tuple[Path | None, str]:
    """The design file handed in with the notebook: ``my-microcredential.yaml``, else the only
    design file in ``folder``; or None and a sentence saying what to do."""
    folder = Path(folder)
    if (folder / DEFAULT_NAME).is_file():
        return folder / DEFAULT_NAME, ""
    found = sorted(p for p in [*folder.glob("*.yaml"), *folder.glob("*.yml")]
                   if p.is_file() and not p.name.startswith(".") and is_design_file(p))
    if len(found) == 1:
        return found[0], ""
    if found:
        return None, t("grading.design.several-files", lang,
                       names=", ".join(p.name for p in found), name=DEFAULT_NAME)
    return None, t("grading.design.no-file", lang, name=DEFAULT_NAME,
                   qa=DEFAULT_NAME[: -len(".yaml")] + ".qa.json")


@scorer("grading.design.failed")
def score_design_file(points: float = 12, folder: str | Path = ".",
                      lang: str | None = None) -> float:
    """Partial credit for the design file handed in beside the notebook (see
    ``find_design_file``) with its self-assessment; prints the design check part by part."""
    return _score_file(points, folder, lang)


def _score_file(points: float, folder: str | Path, chosen: str | None) -> float:
    lang = chosen or course_language() or "en"
    path, problem = find_design_file(folder, lang)
    if path is None:
        print(problem)
        print(t("grading.score", lang, score=0, points=number(points, lang)))
        return 0.0
    print(t("grading.design.checked-file", lang, name=path.name) + "\n")
    try:
        text = read_text(path, lang)
        qa = load_qa(path)
    except UserError as exc:
        print(str(exc))
        print(t("grading.score", lang, score=0, points=number(points, lang)))
        return 0.0
    return _score_text(text, points, chosen, path.name, "grading.design.fix-file", qa=qa)


def _score_text(text: str, points: float, chosen: str | None, source: str, advice: str,
                qa: object = None) -> float:
    lang = chosen or course_language() or "en"
    try:
        design = loads(text, source=source)
    except UserError as exc:
        print(str(exc))
        print(t(advice, lang))
        print(t("grading.score", lang, score=0, points=number(points, lang)))
        return 0.0
    lang = chosen or course_language() or language_of(design)
    report = check(design, lang, qa=qa)
    scale = points / sum(WEIGHTS.values())
    total = 0.0
    print(t("grading.design.title", lang, title=report.title or t("grading.design.untitled", lang))
          + "\n")
    for part in report.parts:
        if part.name not in WEIGHTS:
            continue
        earned = round(WEIGHTS[part.name] * scale * part.score, 2)
        total += earned
        print(t("grading.design.part", lang, section=section_name(part.name, lang),
                status=status_label(part.status, lang), earned=number(earned, lang),
                available=number(WEIGHTS[part.name] * scale, lang)))
        if part.summary:
            print(f"   {part.summary}")
        if part.note and part.status != "not started":
            print(f"   {part.note}")
        for f in part.findings[:MAX_FINDINGS]:
            print("   " + t("grading.finding", lang, severity=t(f"common.{f.severity}", lang),
                            message=f.message))
            if f.suggestion:
                print(f"      -> {f.suggestion}")
        if len(part.findings) > MAX_FINDINGS:
            print("   " + t("grading.design.more", lang, n=len(part.findings) - MAX_FINDINGS))
    score = round(min(total, points), 2)
    print("\n" + t("grading.score", lang, score=number(score, lang), points=number(points, lang)))
    return score

