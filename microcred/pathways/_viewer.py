"""The pathway viewer's text form: the section as YAML, completed credentials as ticks."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import Any

import yaml

from ..errors import UserError
from ..reading import expect, parse_yaml
from ._model import Pathway


def pathway_from(data: Any) -> Pathway:
    """The pathway of a whole design file's data (it has ``pathway:``) or of the section's
    body alone; a ValueError says what is wrong."""
    expect(isinstance(data, dict), "expected a mapping with 'credentials:'")
    return Pathway.from_design(data) if "pathway" in data else Pathway.from_dict(data)


def read_pathway(text: str, lang: str = "en") -> Pathway:
    """The pathway in YAML text: a whole design file or the ``pathway:`` section's body.
    A ValueError says what is wrong (where the YAML is broken in ``lang``)."""
    try:
        data = parse_yaml(text, "YAML", lang) or {}
    except UserError as exc:
        raise ValueError(str(exc)) from None
    return pathway_from(data)


def pathway_yaml(pathway: Pathway) -> str:
    """The ``pathway:`` section's body as YAML text, without ``completed`` (which the viewer
    shows as tick boxes); ``read_pathway`` reads it back."""
    data = replace(pathway, completed=()).to_dict()
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def with_completed(pathway: Pathway, done: Collection[str]) -> Pathway:
    """The pathway with exactly those of its credentials completed that ``done`` names, in the
    pathway's order (ids it does not have are left out)."""
    return replace(pathway, completed=tuple(c.id for c in pathway.credentials if c.id in done))
