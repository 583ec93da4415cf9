"""Serve the scripts that draw widgets in the book from the book itself, not from CDNs.

Notebook pages of the book carry the widgets' saved state; myst-nb draws it with require.js and
the @jupyter-widgets/html-manager bundle, by default from cdnjs and jsdelivr. Offline, behind a
strict network, or where a university forbids third-party loading (GDPR), the widget area would
then stay empty. This extension:

1. fetches the two scripts once from the npm registry (pinned versions, checked against the
   integrity hashes in `vendor.json`) into a cache outside the repository, and adds that cache to
   the book's static files, so `_static/vendor/` holds them in every build;
2. adds `widgets-fallback.js` to every page: where widget output should be but none was drawn, it
   shows a note with the ways to practise instead of an empty area;
3. adds `widgets-contrast.css`: the widget manager's default colours fail WCAG AA contrast.

`_config.yml` points myst-nb's `nb_ipywidgets_js` at `vendor/...`, after
`widgets-require-config.js`, which tells require.js where the bundle's modules and fonts are. Without npm and without a
cache the build warns (and `-W` fails), so a broken fetch cannot go unnoticed.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from sphinx.util import logging

HERE = Path(__file__).parent
PINS = json.loads((HERE / "vendor.json").read_text(encoding="utf-8"))
logger = logging.getLogger(__name__)


def cache_dir() -> Path:
    """Where fetched scripts are kept between builds (never inside the repository)."""
    default = Path.home() / ".cache" / "microcred-book"
    return Path(os.environ.get("MICROCRED_VENDOR_CACHE", default))


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _fetch(spec: str, pin: dict, vendor: Path) -> None:
    """Download one npm tarball, check its hash against the pin, and copy out the pinned files."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", spec, "--pack-destination", tmp, "--silent"],
            check=True, capture_output=True, timeout=300,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        found = _integrity(tarball.read_bytes())
        if found != pin["integrity"]:
            raise RuntimeError(f"{spec}: integrity {found} differs from the pinned one")
        with tarfile.open(tarball) as archive:
            for member in archive.getmembers():
                folders = next(
                    (dests for pattern, dests in pin["extract"].items()
                     if fnmatch.fnmatch(member.name, pattern)),
                    None,
                )
                data = archive.extractfile(member) if folders and member.isfile() else None
                if data is None:
                    continue
                content = data.read()
                for folder in folders:
                    target = vendor / folder / PurePosixPath(member.name).name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    partial = target.with_name(target.name + ".part")
                    partial.write_bytes(content)
                    partial.replace(target)


def ensure_vendored() -> Path | None:
    """Return the static folder holding `vendor/`, fetching what is missing; None if it failed."""
    root = cache_dir()
    vendor = root / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    for spec, pin in PINS.items():
        stamp = root / (spec.replace("/", "+") + ".pin")
        if stamp.exists() and stamp.read_text() == pin["integrity"]:
            continue
        if shutil.which("npm") is None:
            logger.warning(
                "offline_widgets: npm is not installed, so %s cannot be fetched; pages with "
                "widgets will show a note instead of the widgets.", spec,
            )
            return None
        try:
            _fetch(spec, pin, vendor)
        except (OSError, RuntimeError, ValueError, subprocess.SubprocessError) as error:
            logger.warning("offline_widgets: could not fetch %s: %s", spec, error)
            return None
        stamp.write_text(pin["integrity"])
    return root


def add_static(app, config) -> None:
    root = ensure_vendored()
    if root is not None:
        config.html_static_path.append(str(root))
    config.html_static_path.append(str(HERE / "static"))


def setup(app):
    app.connect("config-inited", add_static)
    app.add_js_file("widgets-fallback.js", defer="defer")
    app.add_css_file("widgets-contrast.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
