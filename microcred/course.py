"""The course's own modules: their learning outcomes, the time each takes and what to bring.

One source (``data/course/modules.yaml``) for the book pages (which show a module's outcomes and
time at the top), the competence self-assessment (which asks about the outcomes) and the
facilitator kit::

    from microcred import course

    m = course.module("outcomes")
    m.outcomes[0].text("fi")          # an outcome in Finnish
    m.hours.total                     # reading + practice + assignment
    course.intro_markdown("outcomes") # the MyST block at the top of book/outcomes/index.md
    course.example_path("capstone")   # the worked example in the screen language
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from . import __version__
from .errors import UserError
from .i18n import LANGUAGES, t
from .resources import load_yaml
from .settings import screen_language


@dataclass(frozen=True)
class Outcome:
    """One learning outcome of a module, in the three course languages."""

    id: str
    texts: dict[str, str]

    def text(self, lang: str = "en") -> str:
        return self.texts.get(lang) or self.texts["en"]


@dataclass(frozen=True)
class Hours:
    """Estimated hours of a module: reading, practice with the notebooks, assignment work."""

    reading: float
    practice: float
    assignment: float

    @property
    def total(self) -> float:
        return self.reading + self.practice + self.assignment


@dataclass(frozen=True)
class Module:
    """One module of the course, named like its folder under ``book/``."""

    id: str
    titles: dict[str, str]
    hours: Hours
    brings: dict[str, str]
    outcomes: tuple[Outcome, ...]

    def title(self, lang: str = "en") -> str:
        return self.titles.get(lang) or self.titles["en"]

    def bring(self, lang: str = "en") -> str:
        """What to bring to the module (English where a translation is missing)."""
        return self.brings.get(lang) or self.brings["en"]


@cache
def modules() -> tuple[Module, ...]:
    """Every module, in the order of the course."""
    data = load_yaml("course", "modules.yaml")
    return tuple(_module(key, value) for key, value in data.items())


def module(module_id: str) -> Module:
    """The module ``module_id``; a UserError names the known modules when there is no such one."""
    for m in modules():
        if m.id == module_id:
            return m
    known = ", ".join(m.id for m in modules())
    raise UserError(t("course.unknown-module", screen_language(), module=module_id, known=known))


def outcomes() -> tuple[Outcome, ...]:
    """Every module's outcomes, in course order (the items of the competence self-assessment)."""
    return tuple(o for m in modules() for o in m.outcomes)


def module_of(outcome_id: str) -> Module | None:
    """The module an outcome belongs to (None for an unknown id)."""
    for m in modules():
        if any(o.id == outcome_id for o in m.outcomes):
            return m
    return None


def intro_markdown(module_id: str, lang: str = "en") -> str:
    """The opening of a module page in MyST Markdown: outcomes, time and what to bring."""
    m = module(module_id)
    h = m.hours
    lines = [f"**{t('course.outcomes-heading', lang)}**", ""]
    lines += [f"- {o.text(lang)}" for o in m.outcomes]
    lines += [
        "",
        f"**{t('course.time-heading', lang)}** "
        + t("course.time", lang, total=_h(h.total), reading=_h(h.reading),
            practice=_h(h.practice), assignment=_h(h.assignment)),
        "",
        f"**{t('course.bring-heading', lang)}** {m.bring(lang)}",
    ]
    return "\n".join(lines)


def _h(value: float) -> str:
    return f"{value:g}"


def _module(key: str, value: dict[str, Any]) -> Module:
    hours = value["hours"]
    outs = tuple(
        Outcome(str(o["id"]), _texts(o))
        for o in value["outcomes"]
    )
    return Module(
        id=key,
        titles=_texts(value["title"]),
        hours=Hours(float(hours["reading"]), float(hours["practice"]), float(hours["assignment"])),
        brings=_texts(value["bring"]),
        outcomes=outs,
    )


def _texts(value: object) -> dict[str, str]:
    """``{en, fi, sv}`` texts with their whitespace tidied; a plain string is English."""
    if not isinstance(value, dict):
        value = {"en": value}
    return {lang: " ".join(str(value[lang]).split()) for lang in LANGUAGES if value.get(lang)}


def example_path(name: str, lang: str | None = None) -> Path:
    """The course's worked example ``name`` (``examples/<name>-example.yaml``) in ``lang`` (None:
    the screen language), so that a notebook's code is the same in every edition; the English
    original where the example has no translation into that language."""
    folder = Path(str(files("microcred").joinpath("examples")))
    english = folder / f"{name}-example.yaml"
    if not english.is_file():
        known = sorted(p.name[: -len("-example.yaml")] for p in folder.glob("*-example.yaml"))
        raise UserError(t("course.unknown-example", screen_language(), name=name,
                          known=", ".join(known)))
    code = screen_language() if lang is None else lang
    translated = folder / f"{name}-example-{code}.yaml"
    return translated if code != "en" and translated.is_file() else english


def ready(lang: str | None = None) -> str:
    """The line the welcome notebook prints when the course tools import: their version, in
    ``lang`` (None: the screen language)."""
    return t("course.ready", screen_language(ui=lang), version=__version__)
