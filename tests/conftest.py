"""Shared fixtures: temporary nbgrader courses; nothing here writes into the repository.

In CI (``CI=true``) a skipped required test is a failure, so that a suite cannot pass by not
running: the browser tests (chromium missing), the JupyterHub test, and every test of the official
Open Badges 3.0 schema. Outside CI they skip with their reason.
"""

from __future__ import annotations

import os

import pytest

from tests.helpers import ob3
from tests.helpers.book import BookBuild, build_book
from tests.helpers.course import Course
from tests.helpers.paths import BIN

# nbgrader runs helper programs (alembic) by name: the environment's bin must come first on PATH.
os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"


def in_ci() -> bool:
    """True when the tests run in CI (``CI=true``, as .ci/run sets it)."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def is_required(item: pytest.Item) -> bool:
    """Suites that must not skip in CI: marked ``required``, browser tests, the hub test, and
    tests of the OB 3.0 schema (they use the ``ob3_validator`` fixture)."""
    return (
        item.get_closest_marker("required") is not None
        or item.get_closest_marker("browser") is not None
        or item.nodeid.startswith("tests/hub/")
        or "ob3_validator" in getattr(item, "fixturenames", ())
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI, turn the skip of a required test into a failure that gives the skip's reason."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and in_ci() and is_required(item):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = (f"required test skipped in CI (CI=true), which counts as a failure: "
                           f"{reason}")


@pytest.fixture(scope="session")
def book_build(tmp_path_factory) -> BookBuild:
    """The book built once per session into a temporary folder (tests/helpers/book.py)."""
    return build_book(tmp_path_factory.mktemp("book"))


@pytest.fixture
def course(tmp_path) -> Course:
    """A temporary copy of the repository's nbgrader course."""
    return Course.copy_of_repo(tmp_path)


@pytest.fixture(scope="session")
def ob3_validator():
    """A validator of the official OB 3.0 schema; skips (fails in CI) when it cannot be found."""
    pytest.importorskip("jsonschema", reason="jsonschema is not installed: make install-test")
    found = ob3.validator()
    if found is None:
        pytest.skip(f"the official OB 3.0 schema {ob3.SCHEMA_NAME} is in none of "
                    f"{[str(p / 'schemas') for p in ob3.shared_folders()]}; see "
                    "shared/schemas/README.md (set MICROCRED_SHARED to the shared folder)")
    return found
