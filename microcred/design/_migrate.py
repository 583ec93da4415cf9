"""Versions of the design file format and how an older file is brought up to date.

A design file states its format in ``schema_version``. When the format changes, the version goes
up by one and a function ``migrate_N_to_N+1`` joins :data:`MIGRATIONS`; :func:`migrate` applies
them in order, so a file of any earlier version can still be read. Migrations work on any
mutable mapping: a plain ``dict`` (reading) or ruamel.yaml's ``CommentedMap`` (writing, where
comments and key order are kept).

Version history:

- **0** (no ``schema_version``): either a micro-credential *description* with the European
  standard elements at the top level (as ``python -m microcred credential`` reads it, and as the
  course's first examples are written), or the sections without a version.
- **1**: ``schema_version: 1`` and the sections ``credential``, ``outcomes``, ``workload``,
  ``alignment``, ``pathway``, ``needs``; the outcomes live in their own section, not inside
  ``credential``. The optional ``commissioned`` section (the price calculator's cost model)
  came later without a new version: a file without it reads as before.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any, TypeVar, cast

from ..errors import UserError
from ..i18n import t

SCHEMA_VERSION = 1
SECTIONS: tuple[str, ...] = ("credential", "outcomes", "workload", "alignment", "pathway", "needs",
                             "commissioned")
VERSION_KEY = "schema_version"
# A design as a plain dict or as ruamel.yaml's CommentedMap: migration keeps its kind.
Doc = TypeVar("Doc", bound=MutableMapping)

# Names a flat description (version 0) uses at its top level, besides outcomes and workload:
# the credential module's fields (``microcred.credential.FIELDS``), written out here so that
# reading an old file never depends on another module's internals.
_DESCRIPTION_FIELDS = (
    "language", "title", "summary", "awarding_body", "country", "region", "level",
    "assessment", "participation", "quality_assurance", "prerequisites", "supervision",
    "grading", "integration", "stackable_towards", "further_information", "url", "id", "code",
    "field_of_study", "keywords", "dates", "valid_until",
)

Migration = Callable[[MutableMapping], MutableMapping]


def migrate_0_to_1(doc: MutableMapping) -> MutableMapping:
    """Version 0 -> 1: a flat description moves into ``credential:`` (its outcomes become the
    ``outcomes:`` section, its credits and hours stay with the credential); a file that already
    has sections only gains the version."""
    flat = [k for k in doc if k in _DESCRIPTION_FIELDS]
    if flat and "credential" not in doc:
        credential = _empty_like(doc)
        workload = doc.get("workload")
        moves = [k for k in doc if k in _DESCRIPTION_FIELDS or (
            k == "workload" and not (isinstance(workload, MutableMapping)
                                     and "activities" in workload))]
        for key in moves:
            _move(doc, credential, key)
        _insert(doc, 0, "credential", credential)
    return doc


#: ``MIGRATIONS[n]`` turns a version-n file into a version-(n+1) file.
MIGRATIONS: dict[int, Migration] = {0: migrate_0_to_1}


def version_of(doc: MutableMapping, source: str = "the file", lang: str = "en") -> int:
    """The file's ``schema_version`` (0 when absent); a UserError for a value that is not one."""
    value = doc.get(VERSION_KEY, 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UserError(t("design.load.bad-version", lang, source=source, value=value))
    return value


def migrate(doc: Doc, source: str = "the file", lang: str = "en",
            target: int | None = None) -> tuple[Doc, list[int]]:
    """Bring ``doc`` to version ``target`` (default: the current one) in place.

    Returns the document and the versions it was migrated from (empty when it was current).
    A file from a newer version of the kit is a UserError: reading it could lose data.
    """
    target = SCHEMA_VERSION if target is None else target
    version = version_of(doc, source, lang)
    if version > target:
        raise UserError(t("design.load.newer", lang, source=source, version=version,
                          supported=target))
    applied = []
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:  # a gap in the registry is a bug in the kit, not the user's doing
            raise RuntimeError(f"no migration from design file version {version}")
        doc = cast(Doc, step(doc))  # each step changes the mapping it is given and returns it
        applied.append(version)
        version += 1
        _set_version(doc, version)
    return doc, applied


# --- helpers that keep ruamel.yaml's comments and order -------------------------------------


def _set_version(doc: MutableMapping, version: int) -> None:
    if VERSION_KEY in doc:
        doc[VERSION_KEY] = version
    else:
        _insert(doc, 0, VERSION_KEY, version)


def _empty_like(doc: MutableMapping) -> MutableMapping:
    return type(doc)() if hasattr(doc, "insert") else {}


def _insert(doc: MutableMapping, pos: int, key: str, value: Any) -> None:
    """Put ``key`` at position ``pos`` (ruamel's ``insert`` keeps comments; a dict is rebuilt)."""
    if hasattr(doc, "insert"):
        doc.insert(pos, key, value)
        return
    items = list(doc.items())
    items.insert(pos, (key, value))
    doc.clear()
    doc.update(items)


def _move(source: MutableMapping, target: MutableMapping, key: str) -> None:
    """Move ``key`` from one mapping to another, with its comment when there is one."""
    target[key] = source.pop(key) if not hasattr(source, "ca") else _pop_with_comment(
        source, target, key)


def _pop_with_comment(source: Any, target: Any, key: str) -> Any:
    comment = source.ca.items.pop(key, None)
    value = source.pop(key)
    if comment is not None and hasattr(target, "ca"):
        target.ca.items[key] = comment
    return value
