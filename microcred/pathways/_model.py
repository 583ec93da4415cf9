"""Credentials, targets and pathways read from a design file's ``pathway:`` section, their
checks (credits, prerequisites, cycles, shared outcomes) and a learner's plan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..findings import Finding, HasFindings, localised, quoted
from ..i18n import t
from ..lexicon import lexicon
from ..numbers import format_number, parse_number
from ..outcomes import detect_language
from ..reading import expect
from ..settings import screen_language

ERROR_CODES = frozenset(
    {"empty", "duplicate-id", "unknown-prerequisite", "cycle", "bad-credits", "unknown-required",
     "unknown-this"}
)
OVERLAP = 0.6  # outcomes sharing this share of their content words count as the same outcome


@dataclass(frozen=True)
class Credential:
    """One micro-credential in a pathway."""

    id: str
    title: str = ""
    credits: float = 0.0
    prerequisites: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title,
                                "credits": _plain(self.credits)}
        if self.prerequisites:
            data["prerequisites"] = list(self.prerequisites)
        if self.outcomes:
            data["outcomes"] = list(self.outcomes)
        return data


@dataclass(frozen=True)
class Target:
    """The larger whole the credentials stack into."""

    title: str = ""
    credits: float | None = None  # credits needed; None means all the credentials
    required: tuple[str, ...] = ()  # credentials every learner must complete

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"title": self.title}
        if self.credits is not None:
            data["credits"] = _plain(self.credits)
        if self.required:
            data["required"] = list(self.required)
        return data


@dataclass(frozen=True)
class Pathway:
    """The ``pathway:`` section: the credentials, the target, and optionally which credential
    this file describes and which ones a learner has completed."""

    credentials: tuple[Credential, ...] = ()
    target: Target | None = None
    this: str | None = None
    completed: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Pathway:
        """Read a ``pathway:`` section; a ValueError says what to fix if it is malformed."""
        if data is None:
            data = {}
        expect(isinstance(data, dict), "the pathway section must be a mapping with 'credentials:'")
        raw = data.get("credentials") or []
        expect(isinstance(raw, list), "'credentials' must be a list of {id, title, credits}")
        credentials = []
        for n, item in enumerate(raw, 1):
            expect(isinstance(item, dict),
                   f"credential {n} must be a mapping like {{id: ..., credits: ...}}")
            credits = item.get("credits")
            number = 0.0 if credits in (None, "") else parse_number(credits)
            if number is None:
                raise ValueError(f"credential {n}: credits must be a number, not {credits!r}")
            outcomes = item.get("outcomes") or []
            if isinstance(outcomes, str):
                outcomes = [outcomes]
            expect(isinstance(outcomes, list), f"credential {n}: 'outcomes' must be a list of texts")
            credentials.append(Credential(
                id=str(item.get("id") or f"MC{n}").strip(),
                title=str(item.get("title") or "").strip(),
                credits=number,
                prerequisites=_ids(item.get("prerequisites")),
                outcomes=tuple(_outcome_text(o) for o in outcomes if _outcome_text(o)),
            ))
        target = None
        goal = data.get("stacks_into")
        if isinstance(goal, str):
            target = Target(title=goal.strip())
        elif isinstance(goal, dict):
            credits = goal.get("credits")
            number = None if credits in (None, "") else parse_number(credits)
            if credits not in (None, "") and number is None:
                raise ValueError(f"stacks_into: credits must be a number, not {credits!r}")
            target = Target(str(goal.get("title") or "").strip(), number,
                            _ids(goal.get("required")))
        elif goal is not None:
            raise ValueError("'stacks_into' must be a title or {title, credits, required}")
        this = data.get("this")
        return cls(tuple(credentials), target, str(this).strip() if this else None,
                   _ids(data.get("completed")))

    @classmethod
    def from_design(cls, doc: dict[str, Any]) -> Pathway:
        """The pathway of a whole design file. The credential the file describes (``this``)
        takes the file's ``outcomes:`` when its own entry lists none."""
        doc = doc or {}
        pathway = cls.from_dict(doc.get("pathway"))
        texts = tuple(_outcome_text(o) for o in (doc.get("outcomes") or [])
                      if _outcome_text(o)) if isinstance(doc.get("outcomes"), list) else ()
        if not pathway.this or not texts:
            return pathway
        credentials = tuple(
            Credential(c.id, c.title, c.credits, c.prerequisites, texts)
            if c.id == pathway.this and not c.outcomes else c
            for c in pathway.credentials
        )
        return cls(credentials, pathway.target, pathway.this, pathway.completed)

    def to_dict(self) -> dict[str, Any]:
        """The ``pathway:`` section, ready for ``yaml.safe_dump``."""
        data: dict[str, Any] = {}
        if self.target is not None:
            data["stacks_into"] = self.target.to_dict()
        if self.this:
            data["this"] = self.this
        data["credentials"] = [c.to_dict() for c in self.credentials]
        if self.completed:
            data["completed"] = list(self.completed)
        return data

    def by_id(self) -> dict[str, Credential]:
        return {c.id: c for c in self.credentials}

    @property
    def total_credits(self) -> float:
        return sum(c.credits for c in self.credentials if c.credits > 0)


@dataclass(frozen=True)
class PathwayReport(HasFindings):
    """What the pathway check found."""

    total_credits: float
    target_credits: float | None
    depth: dict[str, int]  # prerequisite depth: 0 for a credential without prerequisites
    order: tuple[str, ...]  # an order that respects prerequisites (cycles broken)
    cycles: tuple[tuple[str, ...], ...]  # each cycle as ids, the first repeated at the end
    overlaps: tuple[tuple[str, str, str, str], ...]  # (id, id, outcome, outcome)
    findings: tuple[Finding, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "total_credits": self.total_credits,
            "target_credits": self.target_credits,
            "depth": dict(self.depth),
            "order": list(self.order),
            "cycles": [list(c) for c in self.cycles],
            "overlaps": [list(o) for o in self.overlaps],
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class LearnerPlan:
    """What a learner who has completed some credentials still needs for the target."""

    completed: tuple[str, ...]
    completed_credits: float
    target_credits: float
    needed_credits: float
    missing_required: tuple[str, ...]
    available_now: tuple[str, ...]  # not completed, every prerequisite completed
    suggested: tuple[str, ...]  # a set that reaches the target, prerequisites first
    reachable: bool

    @property
    def done(self) -> bool:
        return self.needed_credits <= 0 and not self.missing_required

    def to_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items()}


def check_pathway(pathway: Pathway, lang: str | None = None) -> PathwayReport:
    """Check a pathway: credits, prerequisites, cycles, overlapping outcomes."""
    lang = screen_language(ui=lang)
    findings: list[Finding] = []
    creds = pathway.credentials
    known = pathway.by_id()
    target_credits = pathway.target.credits if pathway.target else None
    if not creds:
        findings.append(_finding("empty", lang))
        return PathwayReport(0.0, target_credits, {}, (), (), (), tuple(findings))

    ids = [c.id for c in creds]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        findings.append(_finding("duplicate-id", lang, element=dup, id=dup))
    for c in creds:
        if c.credits <= 0:
            findings.append(_finding("bad-credits", lang, element=c.id, id=c.id,
                                     credits=_fmt(c.credits, lang)))
        for pre in c.prerequisites:
            if pre not in known:
                findings.append(_finding("unknown-prerequisite", lang, element=c.id, id=c.id,
                                         prerequisite=pre, known=", ".join(known)))
    cycles = find_cycles(pathway)
    for cycle in cycles:
        findings.append(_finding("cycle", lang, element=cycle[0], cycle=" → ".join(cycle)))
    if pathway.target:
        for req in pathway.target.required:
            if req not in known:
                findings.append(_finding("unknown-required", lang, element=req, id=req,
                                         known=", ".join(known)))
    if pathway.this and pathway.this not in known:
        findings.append(_finding("unknown-this", lang, element=pathway.this, id=pathway.this,
                                 known=", ".join(known)))
    for done in pathway.completed:
        if done not in known:
            findings.append(_finding("unknown-completed", lang, element=done, id=done))

    total = pathway.total_credits
    if target_credits is not None and total < target_credits:
        findings.append(_finding("short-of-target", lang, element="stacks_into",
                                 total=_fmt(total, lang), target=_fmt(target_credits, lang),
                                 missing=_fmt(target_credits - total, lang)))
    overlaps = _overlaps(creds)
    for a, b, text_a, _text_b in overlaps:
        findings.append(_finding("outcome-overlap", lang, element=f"{a}/{b}", a=a, b=b,
                                 text=quoted(text_a, 60)))
    depth, order = _layers(pathway)
    return PathwayReport(total, target_credits, depth, order, tuple(cycles), tuple(overlaps),
                         tuple(findings))


def find_cycles(pathway: Pathway) -> list[tuple[str, ...]]:
    """Every prerequisite cycle found by a depth-first walk, as ids with the first repeated at
    the end ("MC1", "MC2", "MC1"): MC1 needs MC2, which needs MC1. Each cycle appears once."""
    known = pathway.by_id()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    cycles: list[tuple[str, ...]] = []
    seen: set[frozenset[str]] = set()
    for start in known:
        if state.get(start):
            continue
        path: list[str] = [start]
        stack = [iter(_prereqs(known, start))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            if state.get(nxt) == 1:  # back to a credential on the current path: a cycle
                ring = path[path.index(nxt):]
                key = frozenset(ring)
                if key not in seen:
                    seen.add(key)
                    cycles.append((*ring, nxt))
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(_prereqs(known, nxt)))
    return cycles


def learner_plan(pathway: Pathway, completed: list[str] | tuple[str, ...] | None = None
                 ) -> LearnerPlan:
    """What a learner still needs: credits, required credentials not yet done, what can be
    taken now, and a suggested set in an order that respects prerequisites. ``completed``
    defaults to the pathway's own ``completed`` list; unknown ids are ignored."""
    known = pathway.by_id()
    done = tuple(dict.fromkeys(i for i in (completed if completed is not None
                                           else pathway.completed) if i in known))
    done_credits = sum(max(known[i].credits, 0) for i in done)
    target = pathway.target.credits if pathway.target and pathway.target.credits is not None \
        else pathway.total_credits
    required = [r for r in (pathway.target.required if pathway.target else ()) if r in known]
    chosen: list[str] = []

    def add(cid: str, visiting: frozenset[str] = frozenset()) -> None:
        if cid in done or cid in chosen or cid in visiting:
            return
        for pre in _prereqs(known, cid):
            add(pre, visiting | {cid})
        chosen.append(cid)

    for req in required:
        add(req)
    _, order = _layers(pathway)
    for cid in order:
        if done_credits + sum(known[c].credits for c in chosen) >= target:
            break
        add(cid)
    planned = done_credits + sum(max(known[c].credits, 0) for c in chosen)
    available = tuple(c.id for c in pathway.credentials
                      if c.id not in done and all(p in done for p in c.prerequisites))
    missing = tuple(r for r in required if r not in done)
    return LearnerPlan(
        completed=done,
        completed_credits=done_credits,
        target_credits=target,
        needed_credits=max(target - done_credits, 0.0),
        missing_required=missing,
        available_now=available,
        suggested=tuple(chosen),
        reachable=planned >= target and not find_cycles(pathway),
    )


def describe_plan(plan: LearnerPlan, lang: str | None = None) -> list[str]:
    """The plan in plain sentences, one a line, in ``lang``."""
    lang = screen_language(ui=lang)
    if plan.done:
        return [t("pathways.plan.done", lang)]
    lines = [t("pathways.plan.needed", lang, completed=_fmt(plan.completed_credits, lang),
               target=_fmt(plan.target_credits, lang), needed=_fmt(plan.needed_credits, lang))]
    if plan.missing_required:
        lines.append(t("pathways.plan.required", lang, ids=", ".join(plan.missing_required)))
    if plan.available_now:
        lines.append(t("pathways.plan.available", lang, ids=", ".join(plan.available_now)))
    if not plan.reachable:
        lines.append(t("pathways.plan.unreachable", lang))
    elif plan.suggested:
        lines.append(t("pathways.plan.suggested", lang, ids=" → ".join(plan.suggested)))
    return lines


# --- helpers ---------------------------------------------------------------------------------


def _prereqs(known: dict[str, Credential], cid: str) -> list[str]:
    """Known prerequisites of a credential (unknown ones are reported, not followed)."""
    return [p for p in known[cid].prerequisites if p in known]


def _layers(pathway: Pathway) -> tuple[dict[str, int], tuple[str, ...]]:
    """Prerequisite depth of each credential and an order that respects prerequisites, with
    the edges that close a cycle left out (so a cycle still gets a drawing)."""
    known = pathway.by_id()
    closing = {(c[-2], c[-1]) for c in find_cycles(pathway)}
    needs = {cid: [p for p in _prereqs(known, cid) if (cid, p) not in closing] for cid in known}
    depth: dict[str, int] = {}
    order: list[str] = []
    remaining = list(known)
    while remaining:
        ready = [c for c in remaining if all(p in depth for p in needs[c])]
        if not ready:  # only possible with overlapping cycles: place the rest as they come
            ready = remaining[:1]
        for cid in ready:
            depth[cid] = 1 + max((depth.get(p, -1) for p in needs[cid]), default=-1)
            order.append(cid)
            remaining.remove(cid)
    return depth, tuple(order)


def _overlaps(creds: tuple[Credential, ...]) -> list[tuple[str, str, str, str]]:
    """Pairs of outcomes in two different credentials that say the same thing."""
    found = []
    for i, a in enumerate(creds):
        for b in creds[i + 1:]:
            if a.id == b.id:
                continue
            for text_a in a.outcomes:
                match = next((text_b for text_b in b.outcomes
                              if _similar(text_a, text_b) >= OVERLAP), None)
                if match is not None:
                    found.append((a.id, b.id, text_a, match))
    return found


def _similar(a: str, b: str) -> float:
    """Share of content words (lemmas) two outcomes have in common (Jaccard)."""
    if a.strip().lower() == b.strip().lower():
        return 1.0
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    lang = detect_language(text)
    lex = lexicon(lang)
    skip = lex.function_words | lex.subjects
    return frozenset(tok.lemma for tok in lex.tokens(text)
                     if tok.is_word and len(tok.text) > 2 and tok.text not in skip
                     and tok.lemma not in skip)


def _outcome_text(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("text") or item.get("id") or "").strip()
    return "" if item is None else str(item).strip()


def _ids(value: Any) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(re.findall(r"[^\s,;]+", str(value)))


def _plain(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def _fmt(x: float | None, lang: str = "en") -> str:
    """Credits in a message, in ``lang``'s convention (2,5 in Finnish and Swedish)."""
    return "?" if x is None else format_number(x, lang, grouping=False)


def _finding(code: str, lang: str, element: str | None = None, **fields: object) -> Finding:
    return localised("pathways", code, lang, ERROR_CODES, element, **fields)
