"""book/_ext/fresh_outputs.py: a change in microcred makes the book's notebooks run again."""

from __future__ import annotations

import shutil
import sys

import pytest
from sphinx.application import ENV_PICKLE_FILENAME, Sphinx

from tests.helpers.paths import REPO

sys.path.insert(0, str(REPO / "book" / "_ext"))
import fresh_outputs  # noqa: E402  (book/_ext is not a package: Sphinx loads it by path)


@pytest.fixture
def book(tmp_path, monkeypatch):
    """A tiny Sphinx project with the extension, a copy of a package, and a build whose execution
    cache and saved environment hold something."""
    package = tmp_path / "microcred"
    shutil.copytree(REPO / "microcred" / "data" / "strings", package / "data" / "strings")
    monkeypatch.setattr(fresh_outputs, "PACKAGE", package)
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(f"import sys\nsys.path.insert(0, {str(REPO / 'book' / '_ext')!r})\n"
                                 "extensions = ['fresh_outputs']\n", encoding="utf-8")
    (src / "index.rst").write_text("Title\n=====\n", encoding="utf-8")
    cache = tmp_path / "_build" / ".jupyter_cache"
    return package, src, cache, tmp_path / "_build" / ".doctrees"


def start(src, doctrees, cache) -> None:
    """Sphinx as far as loading its environment (where the extension acts)."""
    Sphinx(str(src), str(src), str(cache.parent / "html"), str(doctrees), "html", status=None,
           warning=None)


def fill(cache, doctrees) -> None:
    (cache / "executed").mkdir(parents=True, exist_ok=True)
    doctrees.mkdir(parents=True, exist_ok=True)
    (doctrees / ENV_PICKLE_FILENAME).write_bytes(b"not read")


def test_the_cache_stays_while_the_package_is_unchanged_and_goes_when_it_changes(book):
    package, src, cache, doctrees = book
    fill(cache, doctrees)
    start(src, doctrees, cache)  # the first build with the extension: nothing to compare with
    assert (cache / "executed").exists() and (doctrees / fresh_outputs.STAMP).exists()
    start(src, doctrees, cache)  # the same package
    assert (cache / "executed").exists() and (doctrees / ENV_PICKLE_FILENAME).exists()
    (package / "data" / "strings" / "outcomes.yaml").write_text("changed: {en: x}\n", encoding="utf-8")
    start(src, doctrees, cache)
    assert not cache.exists(), "the notebooks' old outputs are kept"
    assert not (doctrees / ENV_PICKLE_FILENAME).exists(), "the pages would not be read again"
    assert (doctrees / fresh_outputs.STAMP).read_text().strip() == fresh_outputs.fingerprint()


def test_the_fingerprint_follows_content_and_names_not_byte_code(book):
    package = book[0]
    before = fresh_outputs.fingerprint()
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert fresh_outputs.fingerprint() == before
    (package / "data" / "strings" / "outcomes.yaml").rename(package / "data" / "strings" / "o.yaml")
    assert fresh_outputs.fingerprint() != before
