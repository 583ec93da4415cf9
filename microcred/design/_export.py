"""The design file's credential as an Open Badge 3.0, a printable card or a catalogue entry.

Only a thin layer over ``microcred.credential``: the ``credential:`` section with the file's
``outcomes:`` is a description, and the credential module exports it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..errors import UserError
from ..i18n import t
from ._check import is_blank
from ._file import language_of

FORMATS = ("ob3", "html", "md")


def description(design: Mapping[str, Any]) -> Any:
    """The ``microcred.credential.Description`` of a design (credential + outcomes sections)."""
    from ..credential import from_dict

    section: Any = design.get("credential")
    if is_blank(section):
        raise UserError(t("design.export.no-credential", language_of(design)))
    return from_dict(section, outcomes=design.get("outcomes"))


def export(design: Mapping[str, Any], fmt: str, learner: str = "", issued: Any = None,
           grade: str = "", hash_learner: bool = False) -> str:
    """The text of the export: ``ob3`` (JSON, issued to ``learner`` on ``issued``), ``html``
    (the card; issued when a learner or a date is given) or ``md`` (the catalogue entry)."""
    from ..credential import card_html, catalogue_md, issue, ob3_problems, to_ob3

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    desc = description(design)
    if fmt == "ob3":
        doc = to_ob3(desc, learner, issued, grade=grade or None, hash_learner=hash_learner)
        missing = ob3_problems(doc)
        if missing:  # cannot happen for a valid description; a safety net
            raise UserError("the Open Badge is incomplete: " + "; ".join(missing))
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        record = issue(desc, learner, issued or None, grade) if (learner or issued) else desc
        return card_html(record)
    return catalogue_md(desc)
