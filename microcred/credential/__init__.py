"""Describing a micro-credential with the European standard elements, and issuing it.

The front door of the credential tools::

    from microcred.credential import load, validate, to_ob3, card_html, catalogue_md

    desc = load("my-microcredential.yaml")      # YAML or JSON; UserError if it cannot be read
    for finding in validate(desc):              # missing elements, workload, outcomes, dates...
        print(finding.severity, finding.message)
    badge = to_ob3(desc, learner="Maija Meikäläinen", issued="2025-12-15")  # Open Badges 3.0
    page = card_html(desc)                      # printable one-page card (HTML)
    entry = catalogue_md(desc)                  # catalogue entry (Markdown)

A *description* holds the elements written once for the micro-credential. Identification of the
learner and the date of issuing, two of the eleven mandatory elements, belong to each issued
credential: :func:`issue` (or the ``learner``/``issued`` arguments of :func:`to_ob3`) adds them.
"""

from __future__ import annotations

from importlib.resources import files

from ..errors import UserError
from ..i18n import t
from ._documents import Row, card_html, catalogue_md, element_rows
from ._elements import Element, countries, cycles, element, elements, mandatory
from ._form import FORM_FIELDS, Form
from ._model import (
    FIELDS,
    Description,
    Issued,
    Level,
    Organisation,
    Outcome,
    QualityAssurance,
    Workload,
    issue,
)
from ._ob3 import CONTEXT, achievement_id, ob3_problems, to_ob3
from ._reader import from_dict, load, loads
from ._validate import ERROR_CODES, element_name, present, validate

__all__ = [
    "CONTEXT",
    "ERROR_CODES",
    "FIELDS",
    "FORM_FIELDS",
    "Description",
    "Element",
    "Form",
    "Issued",
    "Level",
    "Organisation",
    "Outcome",
    "QualityAssurance",
    "Row",
    "Workload",
    "achievement_id",
    "card_html",
    "catalogue_md",
    "countries",
    "cycles",
    "element",
    "element_name",
    "element_rows",
    "elements",
    "example",
    "example_text",
    "examples",
    "from_dict",
    "issue",
    "load",
    "loads",
    "mandatory",
    "ob3_problems",
    "present",
    "to_ob3",
    "validate",
]


def examples() -> list[str]:
    """Names of the example descriptions shipped in ``microcred/examples``."""
    folder = files("microcred").joinpath("examples")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def example(name: str) -> Description:
    """One of the example descriptions, by name (see :func:`examples`)."""
    if name not in examples():
        raise UserError(t("credential.unknown-example", "en", name=name,
                          names=", ".join(examples())))
    text = files("microcred").joinpath("examples", f"{name}.yaml").read_text(encoding="utf-8")
    return loads(text, source=f"examples/{name}.yaml", fmt="yaml")


def example_text(name: str) -> str:
    """The YAML text of an example, as a participant would start from it."""
    example(name)  # a clear error for an unknown name
    return files("microcred").joinpath("examples", f"{name}.yaml").read_text(encoding="utf-8")

