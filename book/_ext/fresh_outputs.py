"""The notebooks run again when the package they call has changed.

The book's notebooks are executed at build time into a cache (jupyter-cache keys on their code
cells only), and Sphinx keeps each page's doctree until the page's source changes. Neither
notices a change in `microcred` itself (after a `git pull`, say): the book would go on showing
the old widgets, charts and feedback. So each build keeps a fingerprint of the package beside its
doctrees; when it differs, the execution cache is emptied and every page is read again. A build
with no fingerprint yet (the first, or one from before this extension) keeps what it has.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import ENV_PICKLE_FILENAME
from sphinx.util import logging

PACKAGE = Path(__file__).resolve().parents[2] / "microcred"
STAMP = "microcred.sha256"  # in the doctree folder
logger = logging.getLogger(__name__)


def fingerprint(package: Path | None = None) -> str:
    """A hash of every file of the package (code and data; not Python's byte-code)."""
    digest = hashlib.sha256()
    root = package or PACKAGE
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def execution_cache(app: Any, config: Any) -> Path:
    """The folder myst-nb caches notebook outputs in (its own default when none is set)."""
    path = getattr(config, "nb_execution_cache_path", "")
    return Path(path) if path else Path(app.outdir).parent / ".jupyter_cache"


def forget_old_outputs(app: Any, config: Any) -> None:
    """Before the environment is loaded: empty the cache and drop the saved environment when
    the package's fingerprint differs from the last build's."""
    stamp, now = Path(app.doctreedir) / STAMP, fingerprint()
    before = stamp.read_text(encoding="utf-8").strip() if stamp.exists() else None
    if before is not None and before != now:
        logger.info("microcred has changed since the last build: the notebooks run again")
        shutil.rmtree(execution_cache(app, config), ignore_errors=True)
        (Path(app.doctreedir) / ENV_PICKLE_FILENAME).unlink(missing_ok=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(now + "\n", encoding="utf-8")


def setup(app):
    # config-inited comes before Sphinx loads the saved environment (Sphinx.__init__).
    app.connect("config-inited", forget_old_outputs)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
