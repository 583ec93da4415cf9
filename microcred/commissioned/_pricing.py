"""The cost and price calculator of commissioned education: staff hours by role, costs,
overheads and margin -> the contract price, the price per participant, break-even and the
fee rules of a national channel; and the calculator's fields read and shown."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ..channels import BUYERS, Channel, channels
from ..errors import UserError
from ..findings import Finding, localised, quoted
from ..i18n import t
from ..numbers import format_number, parse_number
from ..resources import data_file
from ..settings import screen_language

PRICE_ERRORS = frozenset({"no-participants", "negative-rate", "negative-hours", "no-staff",
                          "negative-cost", "negative-overhead", "negative-participants",
                          "unknown-channel", "buyer-not-allowed", "fee-above-cap",
                          "fee-not-allowed", "below-cost-not-allowed", "unknown-buyer"})


@dataclass(frozen=True)
class StaffRole:
    """Work of one role (planner, teacher, coordinator...): hours and an hourly rate."""

    role: str
    hours: float
    rate: float

    @property
    def cost(self) -> float:
        return self.hours * self.rate


@dataclass(frozen=True)
class CostModel:
    """Everything the calculator needs; amounts in ``currency``, percentages as numbers (25 = 25 %)."""

    roles: tuple[StaffRole, ...] = ()
    overhead_pct: float = 0.0  # on all direct costs (staff, fixed, per participant)
    fixed_costs: float = 0.0  # for the group: venue, travel, licences
    per_participant_costs: float = 0.0  # materials, catering, registration per participant
    participants: int = 0  # planned group size
    margin_pct: float = 0.0  # on top of the full cost
    price_per_participant: float | None = None  # a price you mean to charge, if set
    currency: str = "EUR"
    title: str = ""
    channel: str = ""  # a code of data/channels.yaml, or "" when the plan names none
    buyer: str = ""  # "organisation" | "individual" | "" (not said)
    credits: float | None = None  # size in credits, for a channel with a cap per credit

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["roles"] = [asdict(r) for r in self.roles]
        return data


@dataclass(frozen=True)
class Pricing:
    """What the calculator found. Amounts that cannot be computed (no participants) are None."""

    model: CostModel
    staff_costs: dict[str, float]
    staff_total: float
    direct_costs: float  # staff + fixed + per participant x participants
    overheads: float
    total_cost: float
    contract_price: float  # total cost + margin: what the commissioner pays for the group
    cost_per_participant: float | None
    price_per_participant: float | None  # the price charged (given) or the contract price / N
    break_even: int | None  # fewest participants at which price_per_participant covers costs
    findings: tuple[Finding, ...] = ()
    language: str = "en"  # of the findings, and of ``str(pricing)``

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def revenue(self, participants: int) -> float:
        """Income at ``participants`` if each pays ``price_per_participant``."""
        return (self.price_per_participant or 0.0) * participants

    def cost_at(self, participants: int) -> float:
        """Total cost with ``participants`` in the group (overheads included)."""
        m = self.model
        direct = self.staff_total + m.fixed_costs + m.per_participant_costs * participants
        return direct * (1 + m.overhead_pct / 100)

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k not in ("model", "findings", "language")}
        data["currency"] = self.model.currency
        data["findings"] = [f.to_dict() for f in self.findings]
        return {k: (round(v, 2) + 0.0 if isinstance(v, float) else v) for k, v in data.items()}


    def __str__(self) -> str:
        """The calculation as plain text, for ``print(price(...))``, in its language."""
        from ._text import format_pricing  # it imports this module

        return format_pricing(self)


def price(model: CostModel, lang: str | None = None) -> Pricing:
    """Cost, price and break-even of a commissioned course, with findings for odd input, in
    ``lang`` (None: the screen language)."""
    lang = screen_language(ui=lang)
    found: list[Finding] = []
    staff: dict[str, float] = {}
    for r in model.roles:
        name = r.role or "?"
        if r.rate < 0:
            found.append(_finding("negative-rate", lang, name, role=name, rate=_money(r.rate)))
        if r.hours < 0:
            found.append(_finding("negative-hours", lang, name, role=name, hours=_num(r.hours, lang)))
        if r.rate == 0 and r.hours > 0:
            found.append(_finding("zero-rate", lang, name, role=name))
        staff[name] = staff.get(name, 0.0) + r.cost
    if not model.roles or all(r.hours <= 0 for r in model.roles):
        found.append(_finding("no-staff", lang, "roles"))
    for name in ("fixed_costs", "per_participant_costs"):
        if getattr(model, name) < 0:
            found.append(_finding("negative-cost", lang, name, field=t(f"commissioned.field.{name}",
                                                                        lang)))
    if model.overhead_pct < 0:
        found.append(_finding("negative-overhead", lang, "overhead_pct"))
    elif model.overhead_pct > 100:
        found.append(_finding("high-overhead", lang, "overhead_pct",
                              pct=_num(model.overhead_pct, lang)))
    if model.margin_pct < 0:
        found.append(_finding("negative-margin", lang, "margin_pct"))
    n = model.participants
    if n < 0:
        found.append(_finding("negative-participants", lang, "participants"))
    elif n == 0:
        found.append(_finding("no-participants", lang, "participants"))

    staff_total = sum(staff.values())
    direct = staff_total + model.fixed_costs + model.per_participant_costs * max(n, 0)
    overheads = direct * model.overhead_pct / 100
    total = direct + overheads
    contract = total * (1 + model.margin_pct / 100)
    per_cost = total / n if n > 0 else None
    charged = model.price_per_participant
    if charged is None and n > 0:
        charged = contract / n
    if charged is not None and charged < 0:
        found.append(_finding("negative-price", lang, "price_per_participant"))
    break_even = _break_even(model, staff_total, charged)
    if charged is not None and charged > 0 and break_even is None and staff_total >= 0:
        found.append(_finding("no-break-even", lang, "price_per_participant",
                              price=_money(charged, model.currency)))
    if (model.price_per_participant is not None and per_cost is not None
            and model.price_per_participant < per_cost):
        found.append(_finding("price-below-cost", lang, "price_per_participant",
                              price=_money(model.price_per_participant, model.currency),
                              cost=_money(per_cost, model.currency)))
    if break_even is not None and n > 0 and break_even > n:
        found.append(_finding("break-even-above-plan", lang, "participants",
                              needed=break_even, planned=n))
    if model.channel:
        found = _channel_rules(model, found, per_cost, charged, lang)
    found.sort(key=lambda f: f.severity != "error")
    return Pricing(model, staff, staff_total, direct, overheads, total, contract, per_cost,
                   charged, break_even, tuple(found), lang)


def _channel_rules(model: CostModel, found: list[Finding], per_cost: float | None,
                   charged: float | None, lang: str) -> list[Finding]:
    """The findings of ``found`` plus those of the plan's channel: who may pay, the cap per
    credit, free education, and a price below full cost where the channel forbids it."""
    known = channels()
    ch: Channel | None = known.get(model.channel)
    if ch is None:
        return [*found, _finding("unknown-channel", lang, "channel", value=model.channel,
                                 values=", ".join(known))]
    name, cur = ch.label(lang), model.currency
    out = list(found)
    if model.buyer and model.buyer not in BUYERS:
        out.append(_finding("unknown-buyer", lang, "buyer", value=model.buyer,
                            values=", ".join(BUYERS)))
    elif model.buyer and model.buyer not in ch.buyers:
        out.append(_finding("buyer-not-allowed", lang, "buyer", channel=name,
                            buyer=t(f"commissioned.buyer.{model.buyer}", lang),
                            advice=t(f"commissioned.buyer-advice.{ch.code}", lang)))
    if ch.free_for_eea and charged is not None and charged > 0:
        out.append(_finding("fee-not-allowed", lang, "price_per_participant", channel=name,
                            price=_money(charged, cur)))
    if ch.cap_per_credit is not None:
        if not model.credits or model.credits <= 0:
            out.append(_finding("cap-needs-credits", lang, "credits", channel=name,
                                per_credit=_money(ch.cap_per_credit, "EUR")))
        elif charged is not None and charged > ch.cap_per_credit * model.credits + 0.005:
            cap = ch.cap_per_credit * model.credits
            out.append(_finding("fee-above-cap", lang, "price_per_participant", channel=name,
                                price=_money(charged, cur), cap=_money(cap, "EUR"),
                                per_credit=_money(ch.cap_per_credit, "EUR"),
                                credits=_num(model.credits, lang)))
    below = model.margin_pct < 0 or (charged is not None and per_cost is not None
                                     and charged < per_cost - 0.005)
    if below and ch.at_least_cost == "law":
        out = [f for f in out if f.code not in ("price-below-cost", "negative-margin")]
        out.append(_finding("below-cost-not-allowed", lang, "price_per_participant",
                            channel=name))
    elif below and ch.at_least_cost == "guideline":
        out.append(_finding("below-full-cost-guideline", lang, "price_per_participant",
                            channel=name))
    return out


def _break_even(model: CostModel, staff_total: float, charged: float | None) -> int | None:
    """Smallest N >= 1 with N x price >= cost(N); None when the price never covers the cost."""
    if charged is None or charged <= 0:
        return None
    k = 1 + model.overhead_pct / 100
    fixed = (staff_total + model.fixed_costs) * k
    variable = model.per_participant_costs * k
    if charged <= variable:
        return None if fixed > 0 or charged < variable else 1
    n = math.ceil(fixed / (charged - variable) - 1e-9)
    return max(n, 1)


def model_from_dict(data: Any) -> CostModel:
    """A cost model from plain data (a ``commissioned:`` section or the fields themselves).
    Raises UserError naming the field when a number is not a number."""
    if not isinstance(data, Mapping):
        raise UserError("the price file must be a mapping of fields (roles:, participants:, ...)")
    if isinstance(data.get("commissioned"), Mapping):
        data = data["commissioned"]
    if isinstance(data.get("price"), Mapping):
        data = data["price"]
    roles_data = data.get("roles") or data.get("staff") or []
    if isinstance(roles_data, Mapping):  # {teacher: {hours: 10, rate: 80}}
        roles_data = [{"role": k, **v} if isinstance(v, Mapping) else {"role": k, "hours": v}
                      for k, v in roles_data.items()]
    if not isinstance(roles_data, list):
        raise UserError("roles: must be a list of {role, hours, rate}")
    roles = []
    for i, r in enumerate(roles_data, 1):
        if not isinstance(r, Mapping):
            raise UserError(f"roles, item {i}: write it as {{role: ..., hours: ..., rate: ...}}")
        roles.append(StaffRole(
            role=str(r.get("role") or r.get("name") or f"role {i}"),
            hours=_number(r.get("hours"), f"roles, item {i}, hours"),
            rate=_number(r.get("rate"), f"roles, item {i}, rate"),
        ))
    ppp = data.get("price_per_participant")
    return CostModel(
        roles=tuple(roles),
        overhead_pct=_number(_first(data, "overhead_pct", "overheads", "overhead"), "overhead_pct"),
        fixed_costs=_number(data.get("fixed_costs"), "fixed_costs"),
        per_participant_costs=_number(data.get("per_participant_costs"), "per_participant_costs"),
        participants=int(_number(data.get("participants"), "participants")),
        margin_pct=_number(data.get("margin_pct"), "margin_pct"),
        price_per_participant=None if ppp in (None, "") else _number(ppp, "price_per_participant"),
        currency=str(data.get("currency") or "EUR"),
        title=str(data.get("title") or ""),
        channel=_code(data.get("channel"), "channel", channels()),
        buyer=_code(data.get("buyer"), "buyer", BUYERS),
        credits=None if data.get("credits") in (None, "") else _number(data["credits"],
                                                                         "credits"),
    )


def parse_roles(text: str) -> list[StaffRole]:
    """Roles written one a line as ``role; hours; rate`` (``|`` or tabs work too); lines that
    cannot be read are skipped (``unreadable_role_lines`` lists them)."""
    return [r for r in (_role_line(line) for line in str(text or "").splitlines()) if r]


def unreadable_role_lines(text: str, lang: str = "en") -> list[Finding]:
    """A finding for each non-empty line of a roles text that ``parse_roles`` could not read."""
    return [_finding("unreadable-role", lang, None, line=line.strip())
            for line in str(text or "").splitlines() if line.strip() and _role_line(line) is None]


def roles_text(roles: Iterable[StaffRole]) -> str:
    """The roles one ``role; hours; rate`` a line, as the calculator shows them
    (``parse_roles`` reads the text back)."""
    return "\n".join(f"{r.role}; {_plain(r.hours)}; {_plain(r.rate)}" for r in roles)


def model_from_form(form: Mapping[str, Any], lang: str = "en") -> tuple[CostModel, str]:
    """The cost model that the calculator's fields hold, and the input error it shows ("" or
    a sentence). ``form`` has :class:`CostModel`'s fields, with ``roles`` and
    ``price_per_participant`` as typed text; a price that is not a number is left out (the
    price is computed) and named in the error, as is a figure too large to be read back; a
    credits value of 0 means none."""
    price_text = str(form.get("price_per_participant") or "").strip()
    ppp = parse_number(price_text, lang)
    error = t("commissioned.field.not-a-number", lang, value=price_text) if (
        price_text and ppp is None) else ""
    model = CostModel(
        roles=tuple(parse_roles(str(form.get("roles") or ""))),
        overhead_pct=form.get("overhead_pct") or 0.0,
        fixed_costs=form.get("fixed_costs") or 0.0,
        per_participant_costs=form.get("per_participant_costs") or 0.0,
        participants=form.get("participants") or 0,
        margin_pct=form.get("margin_pct") or 0.0,
        price_per_participant=ppp,
        currency=str(form.get("currency") or "EUR"),
        channel=str(form.get("channel") or ""),
        buyer=str(form.get("buyer") or ""),
        credits=form.get("credits") or None,
        title=str(form.get("title") or ""),
    )
    return model, error or _too_large_in_form(model, lang)


_FORM_NUMBERS = ("overhead_pct", "fixed_costs", "per_participant_costs", "participants",
                 "margin_pct", "price_per_participant", "credits")


def _too_large_in_form(model: CostModel, lang: str) -> str:
    """The input error for the first figure beyond ``MAX_AMOUNT``: saved, it could not be
    read back (``model_from_dict`` refuses it)."""
    for name in _FORM_NUMBERS:
        value = getattr(model, name)
        if value is not None and abs(value) > MAX_AMOUNT:
            return t("commissioned.field.too-large", lang,
                     field=t(f"commissioned.field.{name}", lang),
                     value=format_number(value, lang, decimals=0),
                     limit=format_number(MAX_AMOUNT, lang, decimals=0))
    return ""


def form_from_model(model: CostModel) -> dict[str, Any]:
    """The calculator's field values for a cost model (``model_from_form`` reads them back)."""
    form = asdict(model)
    form["roles"] = roles_text(model.roles)
    ppp = model.price_per_participant
    form["price_per_participant"] = "" if ppp is None else _plain(ppp)
    form["credits"] = model.credits or 0
    return form


def _plain(x: float) -> str:
    """A number as figures a parser reads back in every language: no grouping, a decimal
    point, no exponent (12.5, 1500000)."""
    return format_number(x, "en", decimals=6, grouping=False)


def _role_line(line: str) -> StaffRole | None:
    for sep in ("|", ";", "\t"):
        if sep in line:
            parts = [p.strip() for p in line.split(sep)]
            break
    else:
        return None
    if len(parts) < 3:
        return None
    try:
        return StaffRole(parts[0], _number(parts[1], "hours"), _number(parts[2], "rate"))
    except UserError:
        return None


# --- helpers -----------------------------------------------------------------------------------


def _first(data: Mapping[str, Any], *keys: str) -> Any:
    return next((data[k] for k in keys if data.get(k) not in (None, "")), None)


def _shown(value: Any) -> str:
    """A value as quoted back in a message, cut short (it may be a megabyte)."""
    return quoted(repr(value), 60)


def _number(value: Any, name: str) -> float:
    if value is None or value == "":
        return 0.0
    if isinstance(value, (bool, list, dict, tuple)):  # "[1, 2]" must not read as 1
        raise UserError(f"{name}: expected a number, got {_shown(value)}")
    if isinstance(value, int) and abs(value) > MAX_AMOUNT:
        raise UserError(f"{name}: {_too_large(name)}")
    if isinstance(value, (int, float)):
        if math.isnan(value) or math.isinf(value):
            raise UserError(f"{name}: expected a finite number")
        if abs(value) > MAX_AMOUNT:
            raise UserError(f"{name}: {_too_large(name)}")
        return float(value)
    number = parse_number(str(value))
    if number is None:
        raise UserError(f"{name}: expected a number, got {value!r}")
    if math.isnan(number) or math.isinf(number):
        raise UserError(f"{name}: expected a finite number")
    if abs(number) > MAX_AMOUNT:
        raise UserError(f"{name}: {_too_large(name)}")
    return number


MAX_AMOUNT = 1e12  # hours, rates, costs and counts beyond this are typing mistakes


def _too_large(name: str) -> str:
    return f"the number is larger than {MAX_AMOUNT:,.0f}; check the figure for {name}"


def _code(value: Any, name: str, known: Any) -> str:
    """A code from a closed list, or "" when blank; UserError naming the known codes."""
    text = str(value or "").strip().lower()
    if text and text not in known:
        raise UserError(f"{name}: {value!r} is not known; use one of {', '.join(known)}")
    return text


def _num(x: float, lang: str = "en") -> str:
    """A figure in a message, in ``lang``'s convention (2,5 in Finnish and Swedish)."""
    return format_number(x, lang, grouping=False)


def _money(x: float, currency: str = "") -> str:
    text = f"{x:,.0f}".replace(",", "\u202f")
    return f"{text} {currency}".strip()


def _finding(code: str, lang: str, element: str | None, **fields: object) -> Finding:
    return localised("commissioned", code, lang, PRICE_ERRORS, element, **fields)


def price_template(lang: str = "en") -> str:
    """A cost plan to fill in (a worked example), with its notes in the reader's language."""
    name = f"price_template.{lang}.yaml"
    if not data_file("commissioned", name).is_file():
        name = "price_template.en.yaml"
    return data_file("commissioned", name).read_text(encoding="utf-8")
