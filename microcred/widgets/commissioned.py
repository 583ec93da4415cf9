"""Widgets of the commissioned-education module: the price calculator (loaded from and saved to
the design file's ``commissioned:`` section) and the self-check."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..channels import BUYERS, channels
from ..charts import to_data_uri
from ..commissioned import (
    CostModel,
    Pricing,
    SelfCheckResult,
    check_items,
    form_from_model,
    model_from_dict,
    model_from_form,
    parts,
    plot_pricing,
    plot_self_check,
    price,
    scale_labels,
    self_check,
    source_note,
    unreadable_role_lines,
)
from ..design import DEFAULT_NAME
from ..i18n import t
from ..numbers import format_number
from ..settings import screen_language
from ._html import COLOURS, NAME_SHOWN_ELSEWHERE, chart_img, findings_list
from ._language import language_menu
from ._refresh import RefreshOnce
from .designfile import Adapter

_STYLE = {"description_width": "14em"}


class PriceCalculator(RefreshOnce, w.VBox):
    """Roles, costs and group size -> a price table, findings and a chart, as you type."""

    def __init__(self, roles: str | None = None, overhead_pct: float = 40,
                 fixed_costs: float = 600, per_participant_costs: float = 40,
                 participants: int = 20, margin_pct: float = 10, currency: str = "EUR",
                 channel: str = "", buyer: str = "", credits: float = 0,
                 ui: str = "en", design_file: str | None = None) -> None:
        self.ui = ui
        roles = t("commissioned.ui.example-roles", ui) if roles is None else roles
        self.currency = currency
        self.title = ""  # kept from a loaded section; the calculator has no field for it
        self.input_error = ""  # a price that is not a number; blocks saving

        def number(value: float, key: str) -> w.FloatText:
            return w.FloatText(value=value, description=t(f"commissioned.field.{key}", ui),
                               style=_STYLE)

        self.roles = w.Textarea(value=roles, rows=4, layout=w.Layout(width="100%"),
                                continuous_update=False,
                                description=t("commissioned.field.roles", ui),
                                style=NAME_SHOWN_ELSEWHERE)  # shown as the heading above
        self.overhead_pct = number(overhead_pct, "overhead_pct")
        self.fixed_costs = number(fixed_costs, "fixed_costs")
        self.per_participant_costs = number(per_participant_costs, "per_participant_costs")
        self.participants = w.IntText(value=participants,
                                      description=t("commissioned.field.participants", ui),
                                      style=_STYLE)
        self.margin_pct = number(margin_pct, "margin_pct")
        self.price_per_participant = w.Text(
            value="", description=t("commissioned.field.price_per_participant", ui), style=_STYLE)
        none = t("commissioned.field.no-channel", ui)
        self.channel = w.Dropdown(
            options=[(none, "")] + [(c.label(ui), code) for code, c in channels().items()],
            value=channel, description=t("commissioned.field.channel", ui), style=_STYLE)
        self.buyer = w.Dropdown(
            options=[(none, "")] + [(t(f"commissioned.buyer.{b}", ui), b) for b in BUYERS],
            value=buyer, description=t("commissioned.field.buyer", ui), style=_STYLE)
        self.credits = number(credits, "credits")
        self.table = w.HTML()
        self.feedback = w.HTML()
        self.chart = w.HTML()  # an <img> with alt text (see _html.chart_img)
        self.chart_caption = w.HTML(f"<small>{escape(t('commissioned.chart.alt', ui))}</small>")
        self.result: Pricing | None = None
        fields = [self.overhead_pct, self.fixed_costs, self.per_participant_costs,
                  self.participants, self.margin_pct, self.price_per_participant,
                  self.channel, self.buyer, self.credits]
        super().__init__([
            w.HTML(f"<strong>{escape(t('commissioned.field.roles', ui))}</strong>"), self.roles,
            *fields, self.table, self.feedback, self.chart, self.chart_caption,
        ])
        self.add_class("mc-price-calculator")
        for field in [self.roles, *fields]:
            field.observe(lambda _c: self.refresh(), names="value")
        language_menu(self, ui)
        self.refresh()
        from .designfile import attach_bar

        attach_bar(self, design_file)

    _FIELDS = ("roles", "overhead_pct", "fixed_costs", "per_participant_costs", "participants",
               "margin_pct", "price_per_participant", "channel", "buyer", "credits")

    def _form(self) -> dict[str, object]:
        """What the fields hold, as typed (the core reads it: ``model_from_form``)."""
        return {"currency": self.currency, "title": self.title,
                **{name: getattr(self, name).value for name in self._FIELDS}}

    @property
    def model(self) -> CostModel:
        return model_from_form(self._form(), self.ui)[0]

    def design_adapter(self) -> Adapter:
        """The design bar edits the ``commissioned:`` section."""
        return Adapter("commissioned", lambda: self.model.to_dict(), self.set_model)

    def set_model(self, section: object) -> None:
        """Show a ``commissioned:`` section (or a :class:`CostModel`) in the fields."""
        model = section if isinstance(section, CostModel) else model_from_dict(section)
        form = form_from_model(model)
        self.currency, self.title = model.currency, model.title
        with self.one_refresh():
            for name in self._FIELDS:
                field = getattr(self, name)
                if isinstance(field, w.Dropdown) and form[name] not in [v for _l, v in
                                                                         field.options]:
                    continue  # a code this list does not offer: the field keeps its choice
                field.value = form[name]

    def refresh(self) -> None:
        if self.holding:
            return
        model, self.input_error = model_from_form(self._form(), self.ui)
        self.result = price(model, self.ui)
        self.table.value = pricing_html(self.result, self.ui)
        unread = unreadable_role_lines(self.roles.value, self.ui)
        problem = (f'<p class="mc-error" style="color:{COLOURS["error"]}">✗ '
                   f"{escape(self.input_error)}</p>" if self.input_error else "")
        self.feedback.value = problem + findings_list(list(self.result.findings) + unread,
                                                      self.ui)
        self.chart.value = chart_img(to_data_uri(plot_pricing(self.result, self.ui)),
                                     alt=t("commissioned.chart.alt", self.ui), max_width="820px")


def pricing_html(p: Pricing, ui: str = "en") -> str:
    """The calculation as a two-column table."""
    na = t("commissioned.result.not-available", ui)
    cur = escape(p.model.currency)

    def money(x: float | None) -> str:
        return escape(na) if x is None else f"{format_number(x, ui, decimals=2, fixed=True)} {cur}"

    rows = [(role, money(cost)) for role, cost in p.staff_costs.items()]
    rows += [
        (t("commissioned.result.staff", ui), money(p.staff_total)),
        (t("commissioned.result.overheads", ui), money(p.overheads)),
        (t("commissioned.result.total", ui), money(p.total_cost)),
        (t("commissioned.result.contract", ui), money(p.contract_price)),
        (t("commissioned.result.cost-per", ui), money(p.cost_per_participant)),
        (t("commissioned.result.price-per", ui), money(p.price_per_participant)),
        (t("commissioned.result.break-even", ui),
         escape(na) if p.break_even is None
         else f"{p.break_even} {escape(t('commissioned.result.participants', ui))}"),
    ]
    body = "".join(f"<tr><td style='padding:1px 10px 1px 0'>{escape(k)}</td>"
                   f"<td style='text-align:right'>{v}</td></tr>" for k, v in rows)
    return f"<table class='mc-pricing'>{body}</table>"


class SelfCheck(w.VBox):
    """One answer (0-3) per statement, grouped by the three parts -> scores, chart, suggestions."""

    def __init__(self, answers: dict[str, int] | None = None, ui: str = "en") -> None:
        self.ui = ui
        answers = answers or {}
        options = [("–", None)] + [(f"{k} {v}", k) for k, v in scale_labels(ui).items()]
        self.answers: dict[str, w.Dropdown] = {}
        sections = []
        for pid, title in parts(ui):
            rows = []
            for item in (i for i in check_items(ui) if i.part == pid):
                # Named by the statement, which shows above it.
                dd = w.Dropdown(options=options, value=answers.get(item.id),
                                description=t("commissioned.check.item", ui,
                                              item=f"{item.id} {item.text}"),
                                style=NAME_SHOWN_ELSEWHERE, layout=w.Layout(width="22em"))
                dd.observe(lambda _c: self.refresh(), names="value")
                self.answers[item.id] = dd
                rows.append(w.VBox([w.HTML(f"<b>{escape(item.id)}</b> {escape(item.text)}"), dd]))
            sections.append(w.VBox([w.HTML(f"<h4>{escape(title)}</h4>"), *rows]))
        self.summary = w.HTML()
        self.chart = w.HTML()  # an <img> with alt text (see _html.chart_img)
        self.result: SelfCheckResult | None = None
        super().__init__([*sections, self.summary, self.chart,
                          w.HTML(f"<small>{escape(source_note(ui))}</small>")])
        self.add_class("mc-self-check")
        language_menu(self, ui)
        self.refresh()

    def refresh(self) -> None:
        values = {k: dd.value for k, dd in self.answers.items() if dd.value is not None}
        self.result = r = self_check(values, self.ui)
        lines = []
        if r.overall is not None:
            lines.append(escape(t("commissioned.check.overall", self.ui,
                                  percent=round(r.overall * 100))))
        if r.weakest is not None:
            lines.append(escape(t("commissioned.check.weakest", self.ui, part=r.weakest.title)))
        tips = "".join(f"<li><b>{escape(i)}</b> {escape(s)}</li>" for i, s in r.suggestions)
        if tips:
            lines.append(f"{escape(t('commissioned.check.suggestions', self.ui))}:<ul>{tips}</ul>")
        self.summary.value = "<br>".join(lines) + findings_list(
            [f for f in r.findings if f.code != "unanswered"], self.ui)
        scores = "; ".join(
            f"{p.title}: " + ("–" if p.score is None else f"{p.score * 100:.0f} %")
            for p in r.parts)
        self.chart.value = chart_img(to_data_uri(plot_self_check(r, self.ui)),
                                     alt=t("commissioned.check.chart-alt", self.ui,
                                           scores=scores),
                                     max_width="640px")


def price_calculator(ui: str | None = None, design_file: str | None = DEFAULT_NAME,
                     **values) -> PriceCalculator:
    """Show the cost and price calculator, pre-filled with an example you can edit, with the
    bar that loads and saves the ``commissioned:`` section of ``design_file``."""
    return PriceCalculator(ui=screen_language("price-calculator", ui), design_file=design_file,
                           **values)


def development_self_check(answers: dict[str, int] | None = None, ui: str | None = None
                           ) -> SelfCheck:
    """Show the self-check on the three-part development model of commissioned education."""
    return SelfCheck(answers, screen_language("development-self-check", ui))


__all__ = ["PriceCalculator", "SelfCheck", "development_self_check", "price_calculator",
           "pricing_html"]
