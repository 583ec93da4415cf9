"""The calculation as plain text, for ``print(pricing)`` in a notebook and for the command line."""

from __future__ import annotations

from ..findings import as_lines
from ..i18n import t
from ..numbers import format_number
from ._pricing import Pricing


def format_pricing(p: Pricing, lang: str | None = None) -> str:
    """The calculation as aligned plain-text lines, then the findings, in ``lang`` (None: the
    language the pricing was made in)."""
    lang = lang or p.language
    cur = p.model.currency
    na = t("commissioned.result.not-available", lang)

    def money(x: float | None) -> str:
        return na if x is None else f"{format_number(x, lang, decimals=2, fixed=True):>12} {cur}"

    lines = [p.model.title] if p.model.title else []
    for role, cost in p.staff_costs.items():
        lines.append(f"  {role[:30]:30} {money(cost)}")
    rows = [
        ("result.staff", money(p.staff_total)),
        ("result.direct", money(p.direct_costs)),
        ("result.overheads", money(p.overheads)),
        ("result.total", money(p.total_cost)),
        ("result.contract", money(p.contract_price)),
        ("result.cost-per", money(p.cost_per_participant)),
        ("result.price-per", money(p.price_per_participant)),
        ("result.break-even", na if p.break_even is None
         else f"{p.break_even:>12} {t('commissioned.result.participants', lang)}"),
    ]
    for key, value in rows:
        lines.append(f"{t('commissioned.' + key, lang)[:32]:32} {value}")
    return "\n".join(lines + as_lines(p.findings, indent="", lang=lang))
