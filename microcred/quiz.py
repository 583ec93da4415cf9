"""Self-check quizzes at the end of each module: multiple-choice questions with feedback.

Not graded and nothing is saved: a participant checks their own understanding. The questions
are data (``data/course/quiz.yaml``); the widget and the book page both call these functions::

    from microcred import quiz

    qs = quiz.questions("outcomes")
    fb = quiz.check(qs[0], 2, lang="fi")       # Feedback(correct=True, text="...")
    quiz.summary([fb, ...], lang="sv")         # "2 of 3 right."
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .course import module
from .i18n import LANGUAGES, t
from .resources import load_yaml


@dataclass(frozen=True)
class Question:
    """One multiple-choice question; ``answer`` is the position of the right option from 1."""

    id: str
    module: str
    texts: dict[str, str]
    options: tuple[dict[str, str], ...]
    answer: int
    explains: dict[str, str]

    def text(self, lang: str = "en") -> str:
        return _pick(self.texts, lang)

    def option_texts(self, lang: str = "en") -> list[str]:
        return [_pick(o, lang) for o in self.options]

    def explain(self, lang: str = "en") -> str:
        return _pick(self.explains, lang)


@dataclass(frozen=True)
class Feedback:
    """What a participant sees after choosing an option."""

    correct: bool
    text: str


def questions(module_id: str) -> tuple[Question, ...]:
    """The self-check questions of a module (an unknown module raises a UserError)."""
    module(module_id)  # a clear message for a wrong name
    items = load_yaml("course", "quiz.yaml").get(module_id) or []
    return tuple(_question(module_id, item) for item in items)


def check(question: Question, choice: int | None, lang: str = "en") -> Feedback:
    """Feedback on ``choice`` (an option's position from 1; None when nothing is chosen yet)."""
    if choice is None or not 1 <= int(choice) <= len(question.options):
        return Feedback(False, t("quiz.choose", lang))
    if int(choice) == question.answer:
        return Feedback(True, f"{t('quiz.right', lang)} {question.explain(lang)}")
    right = question.option_texts(lang)[question.answer - 1]
    return Feedback(False, f"{t('quiz.not-right', lang, answer=right)} {question.explain(lang)}")


def summary(feedback: list[Feedback], lang: str = "en") -> str:
    """How many of the answered questions were right, in one sentence."""
    return t("quiz.summary", lang, right=sum(f.correct for f in feedback), total=len(feedback))


def quiz_markdown(module_id: str, lang: str = "en") -> str:
    """The quiz as MyST Markdown for a book page: each question, its options, and the answer
    with its explanation in a closed dropdown (readable on paper and without a kernel)."""
    lines: list[str] = []
    for n, q in enumerate(questions(module_id), 1):
        lines += [f"**{n}. {q.text(lang)}**", ""]
        lines += [f"- ({_letter(i)}) {o}" for i, o in enumerate(q.option_texts(lang), 1)]
        right = q.option_texts(lang)[q.answer - 1]
        lines += ["", f":::{{dropdown}} {t('quiz.show-answer', lang, n=n)}",
                  t("quiz.answer-is", lang, letter=_letter(q.answer), answer=right), "",
                  q.explain(lang), ":::", ""]
    return "\n".join(lines).rstrip() + "\n"


def _letter(position: int) -> str:
    return "abcdefghij"[position - 1]


def _pick(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts["en"]


def _texts(value: dict[str, Any]) -> dict[str, str]:
    return {lang: " ".join(str(value[lang]).split()) for lang in LANGUAGES if value.get(lang)}


def _question(module_id: str, item: dict[str, Any]) -> Question:
    return Question(
        id=str(item["id"]),
        module=module_id,
        texts=_texts(item["question"]),
        options=tuple(_texts(o) for o in item["options"]),
        answer=int(item["answer"]),
        explains=_texts(item["explain"]),
    )
