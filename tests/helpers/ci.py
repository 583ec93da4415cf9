"""What must not skip in CI: there (``CI=true``, set by .ci/run) a missing requirement of a
required suite is a failure; elsewhere the suite skips and says why."""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    """True when the tests run in CI (``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def skip_unless_ci(reason: str) -> None:
    """Skip with ``reason``; in CI fail with it instead (the suite is required there)."""
    if in_ci():
        pytest.fail(f"required in CI (CI=true), so this is a failure, not a skip: {reason}",
                    pytrace=False)
    pytest.skip(reason)
