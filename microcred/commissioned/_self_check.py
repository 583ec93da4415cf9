"""The self-check on the three-part development model of commissioned education (the
statements are in ``data/needs/development_model.yaml``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding
from ..resources import load_yaml
from ._pricing import _finding

SCALE: tuple[int, ...] = (0, 1, 2, 3)


@dataclass(frozen=True)
class CheckItem:
    """One statement of the self-check, in one language."""

    id: str
    part: str
    text: str
    suggestion: str


@dataclass(frozen=True)
class PartScore:
    id: str
    title: str
    score: float | None  # 0..1 over the answered items; None when none is answered
    answered: int
    total: int


@dataclass(frozen=True)
class SelfCheckResult:
    parts: tuple[PartScore, ...]
    overall: float | None
    suggestions: tuple[tuple[str, str], ...]  # (item id, suggestion) for answers 0 or 1
    findings: tuple[Finding, ...] = field(default=())

    @property
    def weakest(self) -> PartScore | None:
        scored = [p for p in self.parts if p.score is not None]
        return min(scored, key=lambda p: p.score or 0.0) if scored else None


def _model_data() -> dict[str, Any]:
    return load_yaml("needs", "development_model.yaml")


def parts(lang: str = "en") -> list[tuple[str, str]]:
    """The three parts of the model as (id, title)."""
    return [(p["id"], _pick(p["title"], lang)) for p in _model_data()["parts"]]


def check_items(lang: str = "en") -> list[CheckItem]:
    """Every statement of the self-check, in order."""
    return [
        CheckItem(item["id"], p["id"], _pick(item, lang), _pick(item["suggestion"], lang))
        for p in _model_data()["parts"]
        for item in p["items"]
    ]


def scale_labels(lang: str = "en") -> dict[int, str]:
    """The answer scale 0-3 with its words."""
    return {int(k): _pick(v, lang) for k, v in _model_data()["scale"].items()}


def source_note(lang: str = "en") -> str:
    """Where the model comes from (shown with the results)."""
    return _pick(_model_data()["source"], lang)


def self_check(answers: Mapping[str, Any] | None, lang: str = "en") -> SelfCheckResult:
    """Scores per part (share of the maximum over the answered statements), the weakest part
    and suggestions for statements answered 0 or 1. Unknown ids and odd values are findings."""
    answers = dict(answers or {})
    items = check_items(lang)
    known = {i.id for i in items}
    found: list[Finding] = []
    values: dict[str, int] = {}
    for key, value in answers.items():
        if str(key) not in known:
            found.append(_finding("unknown-item", lang, str(key), item=key))
            continue
        if value is None or value == "":
            continue
        try:
            number = int(value)
            if number != float(value) or number not in SCALE:
                raise ValueError
        except (TypeError, ValueError, OverflowError):
            found.append(_finding("invalid-answer", lang, str(key), item=key,
                                  value=str(value)[:40]))
            continue
        values[str(key)] = number
    missing = [i.id for i in items if i.id not in values]
    if missing:
        found.append(_finding("unanswered", lang, None, count=len(missing),
                              items=", ".join(missing)))
    scores = []
    for pid, title in parts(lang):
        mine = [values[i.id] for i in items if i.part == pid and i.id in values]
        total = sum(1 for i in items if i.part == pid)
        score = sum(mine) / (3 * len(mine)) if mine else None
        scores.append(PartScore(pid, title, score, len(mine), total))
    answered = list(values.values())
    overall = sum(answered) / (3 * len(answered)) if answered else None
    tips = tuple((i.id, i.suggestion) for i in items if i.id in values and values[i.id] <= 1)
    return SelfCheckResult(tuple(scores), overall, tips, tuple(found))


def answers_template(lang: str = "en") -> str:
    """A YAML file to fill in: every statement as a comment above its id."""
    scale = ", ".join(f"{k} = {v}" for k, v in scale_labels(lang).items())
    lines = [f"# {source_note(lang)}", f"# {scale}", "answers:"]
    for pid, title in parts(lang):
        lines.append(f"  # --- {title} ---")
        for item in (i for i in check_items(lang) if i.part == pid):
            lines.append(f"  # {item.text}")
            lines.append(f"  {item.id}:")
    return "\n".join(lines) + "\n"


def _pick(texts: Mapping[str, Any], lang: str) -> str:
    return str(texts.get(lang) or texts["en"])
