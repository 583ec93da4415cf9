"""The official Open Badges 3.0 JSON schema, used from the steering repository's shared/schemas/
(its README asks that it is not copied into the project)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .paths import REPO

SCHEMA_NAME = "ob3-achievementcredential.schema.json"


def shared_folders() -> list[Path]:
    """Where shared/ can be: $MICROCRED_SHARED, beside this checkout, or beside the main checkout
    when this one is a git worktree (its .git is a file naming the main repository's .git)."""
    found = [Path(os.environ["MICROCRED_SHARED"])] if os.environ.get("MICROCRED_SHARED") else []
    found.append(REPO.parent / "shared")
    dot_git = REPO / ".git"
    if dot_git.is_file():
        text = dot_git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            gitdir = Path(text.removeprefix("gitdir:").strip())
            if gitdir.parent.name == "worktrees":  # <main>/.git/worktrees/<name>
                found.append(gitdir.parents[2].parent / "shared")
    return found


def schema_path() -> Path | None:
    """The OB 3.0 AchievementCredential schema file, or None when shared/ is nowhere near."""
    for folder in shared_folders():
        path = folder / "schemas" / SCHEMA_NAME
        if path.is_file():
            return path
    return None


def validator():
    """A draft 2019-09 validator (with format checks) of the official schema; None if absent."""
    import jsonschema

    path = schema_path()
    if path is None:
        return None
    cls = jsonschema.Draft201909Validator
    return cls(json.loads(path.read_text(encoding="utf-8")), format_checker=cls.FORMAT_CHECKER)
