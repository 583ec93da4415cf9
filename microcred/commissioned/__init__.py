"""Commissioned (contract) education: a self-check on the three-part development model, and a
cost and price calculator.

The self-check follows the three parts of the development model of the Swedish LUPP project
(organisation and processes; customer dialogue, requirements and competence-development models;
incentives and collaboration skills); its statements are in ``data/needs/development_model.yaml``.

The calculator adds up staff hours by role at their rates, fixed costs for the group and costs
per participant, puts the overhead percentage on all of these, and adds a margin. It gives the
contract price, the price per participant, and the *break-even* number of participants: the
fewest participants at which a price per participant covers the costs. Odd input (no
participants, negative rates) gives findings and ``None`` for what cannot be computed; it never
raises. When the plan names a national channel (``data/channels.yaml``: Finnish continuing
education, degree-leading *tilauskoulutus*, open studies...; Swedish *uppdragsutbildning*,
freestanding courses), the fee rules of that channel are checked too: who may pay, the cap per
credit, and whether the price must cover the full cost.

The calculator is in ``_pricing``, the self-check in ``_self_check``, their charts in ``_charts``.
"""

from ._charts import plot_pricing, plot_self_check
from ._pricing import (
    MAX_AMOUNT,
    PRICE_ERRORS,
    CostModel,
    Pricing,
    StaffRole,
    form_from_model,
    model_from_dict,
    model_from_form,
    parse_roles,
    price,
    price_template,
    roles_text,
    unreadable_role_lines,
)
from ._self_check import (
    SCALE,
    CheckItem,
    PartScore,
    SelfCheckResult,
    answers_template,
    check_items,
    parts,
    scale_labels,
    self_check,
    source_note,
)
from ._text import format_pricing

__all__ = [
    "format_pricing",
    "MAX_AMOUNT",
    "PRICE_ERRORS",
    "SCALE",
    "CheckItem",
    "CostModel",
    "PartScore",
    "Pricing",
    "SelfCheckResult",
    "StaffRole",
    "answers_template",
    "check_items",
    "form_from_model",
    "model_from_dict",
    "model_from_form",
    "parse_roles",
    "parts",
    "plot_pricing",
    "plot_self_check",
    "price",
    "price_template",
    "roles_text",
    "scale_labels",
    "self_check",
    "source_note",
    "unreadable_role_lines",
]
