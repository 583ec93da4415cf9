"""The working-life dialogue kit: an interview and workshop guide generated from a needs canvas.

``build_guide(canvas, lang)`` picks questions by theme from the question bank
(``data/needs/questions.yaml``), adds questions about each need of the canvas and about the gaps
the canvas still has (a need without evidence, no budget...), plans a workshop agenda for the
time available and lists the headings of a summary. ``guide_markdown`` renders it as Markdown
(template ``templates/dialogue_guide.md``) to print, share or paste into a notebook.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import as_lines
from .i18n import LANGUAGES, t
from .needs import NeedsCanvas, check
from .render import render
from .resources import load_yaml
from .settings import screen_language

__all__ = ["AgendaItem", "Guide", "Theme", "build_guide", "canvas_text", "guide_markdown"]

MIN_MINUTES = 30
MAX_MINUTES = 480


@dataclass(frozen=True)
class Theme:
    """A theme of the interview with its questions."""

    id: str
    title: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class AgendaItem:
    start: str  # "0:00"
    minutes: int
    title: str
    purpose: str


@dataclass(frozen=True)
class Guide:
    """Everything the Markdown guide shows, already in one language."""

    language: str
    title: str
    intro: str
    canvas: NeedsCanvas
    themes: tuple[Theme, ...]
    need_questions: tuple[tuple[str, tuple[str, ...]], ...]  # (need text, questions)
    gaps: tuple[str, ...]
    agenda: tuple[AgendaItem, ...]
    minutes: int
    summary: tuple[str, ...]


def build_guide(canvas: NeedsCanvas, lang: str = "en", minutes: int = 120) -> Guide:
    """A dialogue guide for ``canvas`` in ``lang`` with a workshop of ``minutes`` (30-480)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    minutes = max(MIN_MINUTES, min(MAX_MINUTES, int(minutes))) // 5 * 5
    bank = load_yaml("needs", "questions.yaml")
    org = canvas.organisation.strip() or t("needs.guide.unnamed", lang)
    themes = tuple(
        Theme(th["id"], _pick(th["title"], lang),
              tuple(_pick(q, lang).format(organisation=org) for q in th["questions"]))
        for th in bank["themes"]
    )
    need_questions = tuple(
        (n.text, tuple(_pick(q, lang).format(need=n.text) for q in bank["per_need"]))
        for n in canvas.needs
    )
    return Guide(
        language=lang,
        title=t("needs.guide.title", lang, organisation=org),
        intro=t("needs.guide.intro", lang),
        canvas=canvas,
        themes=themes,
        need_questions=need_questions,
        gaps=tuple(_gap_questions(canvas, bank["gaps"], lang)),
        agenda=tuple(_agenda(bank["agenda"], minutes, lang)),
        minutes=minutes,
        summary=tuple(_pick(s, lang) for s in bank["summary"]),
    )


def guide_markdown(canvas: NeedsCanvas, lang: str | None = None, minutes: int = 120,
                   task_list: bool = True) -> str:
    """The guide as Markdown. The gaps to fill are a task list (``- [ ]``) to tick in a file or
    on paper; ``task_list=False`` makes them plain list items, for a notebook output, where a
    task list shows as disabled check boxes without a name (axe-core: label, critical)."""
    lang = screen_language(ui=lang)
    guide = build_guide(canvas, lang, minutes)
    return render("dialogue_guide.md", guide=guide, t=lambda key, **kw: t(key, lang, **kw),
                  md=_md_escape, task_list=task_list)


def canvas_text(canvas: NeedsCanvas, lang: str | None = None) -> str:
    """The canvas in plain lines for ``print()``: the organisation and sector, each need with
    its priority, urgency and evidence, then what to check, in ``lang`` (None: the screen
    language)."""
    lang = screen_language(ui=lang)
    lines = [" – ".join(x for x in (canvas.organisation, canvas.sector) if x)]
    for n in canvas.needs:
        facts = "; ".join(t(f"needs.{kind}.{value or 'none'}", lang)
                          for kind, value in (("priority", n.priority), ("urgency", n.urgency)))
        lines.append(f"  {n.id}  {n.text}  ({facts})" + (f"  [{n.evidence}]" if n.evidence else ""))
    return "\n".join(lines + as_lines(check(canvas, lang), lang=lang))


def _gap_questions(canvas: NeedsCanvas, gaps: dict, lang: str) -> list[str]:
    """Questions for what the canvas still lacks, in the order of its findings."""
    out: list[str] = []
    codes = [(f.code, f.element) for f in check(canvas, lang)]
    by_id = {n.id: n for n in canvas.needs}
    for code, element in codes:
        if code == "no-organisation":
            out.append(_pick(gaps["organisation"], lang))
        elif code in ("no-stakeholders", "one-stakeholder"):
            out.append(_pick(gaps["stakeholders"], lang))
        elif code == "need-without-evidence" and element in by_id:
            out.append(_pick(gaps["evidence"], lang).format(need=by_id[element].text))
        elif code in ("all-high", "need-without-priority"):
            question = _pick(gaps["priority"], lang)
            if question not in out:
                out.append(question)
        elif code == "no-target-group":
            out.append(_pick(gaps["target_group"], lang))
        elif code == "missing-constraints":
            out += [_pick(gaps[m], lang) for m in canvas.constraints.missing()]
    return out


def _agenda(items: list[dict], minutes: int, lang: str) -> list[AgendaItem]:
    """Share the minutes by weight, in steps of 5 minutes, so that the parts add up exactly."""
    total_weight = sum(i["weight"] for i in items)
    slots = max(minutes // 5, len(items))
    ideal = [slots * i["weight"] / total_weight for i in items]
    shares = [max(1, round(x)) for x in ideal]
    while sum(shares) > slots:  # rounding overshot: take from the part given most over its share
        k = max((j for j in range(len(items)) if shares[j] > 1),
                key=lambda j: shares[j] - ideal[j])
        shares[k] -= 1
    while sum(shares) < slots:  # undershot: give to the part most short of its share
        k = max(range(len(items)), key=lambda j: ideal[j] - shares[j])
        shares[k] += 1
    out, clock = [], 0
    for item, share in zip(items, shares):
        length = share * 5
        out.append(AgendaItem(f"{clock // 60}:{clock % 60:02d}", length,
                              _pick(item["title"], lang), _pick(item["purpose"], lang)))
        clock += length
    return out


def _pick(texts: dict, lang: str) -> str:
    return str(texts.get(lang) or texts["en"])


def _md_escape(text: object) -> str:
    """Text a participant typed, safe inside Markdown: no raw HTML, no table breaks."""
    s = str(text)
    for ch in ("\\", "<", ">", "|", "*", "_", "`", "#", "["):
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())
