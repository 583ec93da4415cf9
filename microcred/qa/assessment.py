"""One self-assessment of one micro-credential: answers 0-4 per criterion, notes, who and when.

Saved as a small JSON file beside the participant's design (answers change over time: keep the
versions). Loading never trusts the file: a broken or foreign file is a ``UserError`` with a
message that says what to do, and odd values inside a well-formed file are reported by
``validate`` as findings. Saving is atomic, so a failed save never spoils the earlier file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..files import write_text_atomic
from ..findings import Finding
from ..i18n import LANGUAGES, t
from ..reading import read_text
from ..resources import data_file
from ..settings import screen_language
from .instrument import SCALE_MAX, SCALE_MIN, instrument

FORMAT = "microcred-qa-self-assessment"
FORMAT_VERSION = 1
_WHOLE = re.compile(r"[+-]?[0-9]+")  # ASCII digits only ("٣" is not a score)


@dataclass
class SelfAssessment:
    """Answers (criterion id -> score 0-4) and notes (criterion id -> text) of one assessment.

    Answers are kept as found in the file, so that ``validate`` can say what is wrong with a
    value; ``score()`` and ``scores()`` give only the valid ones.
    """

    credential: str = ""  # name of the micro-credential assessed
    assessor: str = ""  # who assessed (a person or a team)
    assessed_on: str = ""  # ISO date, YYYY-MM-DD
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    language: str = "en"
    format_version: int = FORMAT_VERSION

    def score(self, criterion_id: str) -> int | None:
        """The valid score of a criterion, or None when unanswered or invalid."""
        return parse_score(self.answers.get(criterion_id))

    def scores(self) -> dict[str, int]:
        """Valid scores of the instrument's criteria, in instrument order."""
        found = {c.id: self.score(c.id) for c in instrument().criteria}
        return {cid: s for cid, s in found.items() if s is not None}

    @property
    def date(self) -> dt.date | None:
        """``assessed_on`` as a date, when it is a valid ISO date."""
        try:
            return dt.date.fromisoformat(self.assessed_on.strip())
        except (ValueError, AttributeError):
            return None

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "credential": self.credential,
            "assessor": self.assessor,
            "assessed_on": self.assessed_on,
            "language": self.language,
            "answers": dict(self.answers),
            "notes": {k: v for k, v in self.notes.items() if str(v).strip()},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: object, source: str = "the file",
                  lang: str | None = None) -> SelfAssessment:
        """Build from parsed JSON; a UserError in ``lang`` (None: the screen language) when it
        is not a self-assessment of this kit."""

        def problem(code: str, **fields: object) -> UserError:
            return UserError(t(f"qa.load.{code}", screen_language(ui=lang), source=source,
                               **fields))

        if not isinstance(data, dict):
            raise problem("not-object")
        if data.get("format") not in (None, FORMAT):
            raise problem("not-format", format=repr(data.get("format")))
        version = data.get("format_version", FORMAT_VERSION)
        if not isinstance(version, int) or isinstance(version, bool):
            raise problem("bad-version")
        if version > FORMAT_VERSION:
            raise problem("newer", version=version)
        answers, notes = data.get("answers", {}), data.get("notes", {})
        if not isinstance(answers, dict) or not isinstance(notes, dict):
            raise problem("not-objects")
        language = data.get("language", "en")
        return cls(
            credential=_text(data.get("credential")),
            assessor=_text(data.get("assessor")),
            assessed_on=_text(data.get("assessed_on")),
            answers={str(k): v for k, v in answers.items()},
            notes={str(k): _text(v) for k, v in notes.items()},
            language=language if language in LANGUAGES else "en",
            format_version=version,
        )

    @classmethod
    def from_json(cls, text: str, source: str = "the file",
                  lang: str | None = None) -> SelfAssessment:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UserError(t("qa.load.not-json", screen_language(ui=lang), source=source,
                              line=exc.lineno, column=exc.colno, problem=exc.msg)) from None
        return cls.from_dict(data, source, lang)


def parse_score(value: object) -> int | None:
    """A score 0-4 from a saved or typed value (3, 3.0, "3", " 3 "); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        if not _WHOLE.fullmatch(value.strip()):
            return None
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and SCALE_MIN <= value <= SCALE_MAX:
        return value
    return None


def validate(assessment: SelfAssessment, lang: str | None = None) -> list[Finding]:
    """Problems in an assessment: invalid or out-of-range scores, unknown criteria, missing
    answers, no name, a bad date. Errors make a score unusable; warnings are to-dos."""
    msg = lang or assessment.language
    known = instrument().by_id
    findings: list[Finding] = []
    if not assessment.credential.strip():
        findings.append(_finding("no-credential", "warning", msg))
    if assessment.assessed_on.strip() and assessment.date is None:
        findings.append(_finding("bad-date", "warning", msg, value=assessment.assessed_on))
    for cid in sorted((set(assessment.answers) | set(assessment.notes)) - set(known)):
        findings.append(_finding("unknown-criterion", "warning", msg, element=cid, id=cid))
    missing = []
    for criterion in instrument().criteria:
        value = assessment.answers.get(criterion.id)
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(criterion.code)
        elif parse_score(value) is None:
            code = "score-out-of-range" if _is_whole_number(value) else "score-invalid"
            findings.append(
                _finding(code, "error", msg, element=criterion.id, criterion=criterion.code,
                         value=str(value)[:40], low=SCALE_MIN, high=SCALE_MAX)
            )
    if missing:
        findings.append(
            _finding("missing-answers", "warning", msg, count=len(missing),
                     total=len(known), codes=", ".join(missing))
        )
    return findings


def load(path: str | os.PathLike, lang: str | None = None) -> SelfAssessment:
    """Read a saved self-assessment; a UserError in ``lang`` (None: the screen language) that
    says what to do if it cannot be used."""
    p = Path(path)
    lang = screen_language(ui=lang)
    return SelfAssessment.from_json(read_text(p, lang), source=str(p), lang=lang)


def save(assessment: SelfAssessment, path: str | os.PathLike) -> Path:
    """Write the assessment as JSON, atomically: the earlier file stays intact if anything fails."""
    return write_text_atomic(path, assessment.to_json())


def example(earlier: bool = False) -> SelfAssessment:
    """The worked example shipped with the kit (an invented micro-credential), now or earlier."""
    name = "example-earlier.json" if earlier else "example.json"
    return SelfAssessment.from_json(data_file("qa", name).read_text(encoding="utf-8"), name)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _is_whole_number(value: object) -> bool:
    """A whole number of any size (so that 7 or -1 is "out of range", 2.5 or "x" "invalid")."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, str) and bool(_WHOLE.fullmatch(value.strip()))


def _finding(code: str, severity: str, lang: str, element: str | None = None, **fields) -> Finding:
    return Finding(
        code=code,
        severity=severity,  # type: ignore[arg-type]
        message=t(f"qa.{code}.message", lang, **fields),
        suggestion=t(f"qa.{code}.suggestion", lang, **fields),
        element=element,
    )
