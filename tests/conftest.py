"""Shared fixtures: temporary nbgrader courses, the book build, the OB 3.0 validator; nothing
here writes into the repository.

In CI (``CI=true``) a required suite cannot pass by not running: the browser tests (chromium
missing) and the JupyterHub test fail there when what they need is missing (tests/helpers/ci.py),
as does any test marked ``required`` that skips. Outside CI they skip with their reason.
The one exception is the official Open Badges 3.0 schema: it lives in the steering repository's
shared/schemas/, whose README asks that it is not copied into the project and that a test which
cannot find it skips and says so; a clean clone in CI may have no shared/ beside it.
"""

from __future__ import annotations

import os

import pytest

from tests.helpers import ob3
from tests.helpers.book import BookBuild, shared_book
from tests.helpers.ci import in_ci, skip_unless_ci
from tests.helpers.course import Course
from tests.helpers.paths import BIN

# nbgrader runs helper programs (alembic) by name: the environment's bin must come first on PATH.
os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
# Every process the tests start imports rfc3987_syntax lazily: 0.9 s of CPU less for each nbgrader,
# jupyter-book, JupyterLab or `python -m microcred` (tests/lazy_imports/rfc3987_syntax says why).
LAZY_IMPORTS = os.path.join(os.path.dirname(__file__), "lazy_imports")
os.environ["PYTHONPATH"] = os.pathsep.join(
    [LAZY_IMPORTS, *[p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]])


def is_required(item: pytest.Item) -> bool:
    """Tests marked ``required``: any skip of theirs fails in CI. (The browser, hub and OB 3.0
    schema fixtures fail in CI themselves when what they need is missing: helpers/ci.py.)"""
    return item.get_closest_marker("required") is not None


# The longest test files, longest first (by the CPU time of each file run alone, 5 Dec 2026:
# `/usr/bin/time` misses chromium's processes, so a cgroup's cpuacct counted them; an approximate
# order is enough). `make test` hands out one file at a time to each worker in collection order
# (--dist loadfile --no-loadscope-reorder), so starting with these keeps both workers busy to the
# end, instead of one worker running a long file alone at the end. The first one builds the book
# (tests/helpers/book.py) while the other worker runs long files that do not need it; the other
# files needing the book come after those.
LONGEST_FIRST = [
    "tests/browser/test_book_editions.py",  # 145 s of CPU, the book build included
    "tests/browser/test_book_pages.py",  # 94, axe-core on every page included (125 with the build)
    "tests/browser/test_lab_widgets.py",  # 71
    "tests/cli/test_fuzz.py",  # 69 (a fixed number of cases a command)
    "tests/cli/test_screen_language.py",
    "tests/trainer/test_autograde.py",  # 41
    "tests/test_assignment_languages.py",  # 41
    "tests/test_design_check.py",
    "tests/test_grading_cycle.py",  # 37
    "tests/trainer/test_guide.py",  # 32
    "tests/test_lemmas.py",  # 31
    "tests/hub/test_jupyterhub.py",  # 33
    "tests/test_notebook_editions.py",  # 27
    "tests/test_assignment_needs.py",
    "tests/test_assignment_credential.py",
    "tests/test_assignment_capstone.py",
    "tests/browser/test_handouts_pdf.py",
    "tests/trainer/test_badges.py",
    "tests/test_assignments.py",  # 19
    "tests/test_assignment_qa.py",  # 14
    "tests/trainer/test_attacks.py",  # 14
    "tests/test_assignment_design.py",
    "tests/test_assignment_outcomes.py",
]


def pytest_collection_modifyitems(config, items):
    """The files of LONGEST_FIRST first, in its order; the others after them, as collected."""
    rank = {path: n for n, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


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
    """The book built once per session, shared by every worker (tests/helpers/book.py)."""
    return shared_book(tmp_path_factory)


@pytest.fixture
def course(tmp_path) -> Course:
    """A temporary copy of the repository's nbgrader course."""
    return Course.copy_of_repo(tmp_path)


@pytest.fixture(scope="session")
def ob3_validator():
    """A validator of the official OB 3.0 schema; skips, saying why, when it cannot be found
    (also in CI: see the module docstring)."""
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        skip_unless_ci("jsonschema is not installed: make install-test")
    found = ob3.validator()
    if found is None:
        pytest.skip(f"the official OB 3.0 schema {ob3.SCHEMA_NAME} is in none of "
                    f"{[str(p / 'schemas') for p in ob3.shared_folders()]}; see "
                    "shared/schemas/README.md (set MICROCRED_SHARED to the shared folder)")
    return found
