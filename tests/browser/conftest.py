"""Fixtures for the browser tests: Debian's chromium driven by Playwright, a real JupyterLab server
and the built book served on loopback.

Nothing here writes into the repository except screenshots under `test-output/` (git-ignored):
JupyterLab runs on a temporary copy of the notebooks, the book is built into a temporary folder,
and both servers listen on free loopback ports and are stopped at the end of the session.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from microcred.settings import SETTINGS_NAME
from microcred.widgets import _jupyterlab
from tests.helpers.ci import skip_unless_ci
from tests.helpers.paths import BIN, REPO, program

# Screenshots of the widgets in use (git-ignored; `make clean` removes them). The best ones are
# copied by hand into book/images/ and used as figures.
SCREENSHOTS = REPO / "test-output" / "screenshots"

# Flags that work on these machines (root, no GPU, no network but the package registries: without
# the background-networking flags chromium keeps trying to reach Google's hosts). Playwright adds
# --headless itself, and gives every launch a fresh temporary --user-data-dir that it deletes.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Requests that leave the machine (CDNs, Binder, GitHub): see `open_page`.
EXTERNAL = re.compile(r"^https?://(?!(127\.0\.0\.1|localhost)(:\d+)?/)")

# What the practice notebooks need beside them, copied into JupyterLab's temporary root (same
# layout as the repository, so URLs are lab/tree/notebooks/<name>.ipynb as on Binder). Add a
# folder here when a notebook starts reading files by a relative path outside notebooks/.
LAB_COPY = ("notebooks",)

# JupyterLab user settings for the test server.
LAB_SETTINGS = {
    # JupyterLab 4 leaves cells outside the viewport out of the page ("windowing"): attach them all.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # No news or update checks: they reach for the internet, and their toast covers the notebook.
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # English menus, set as a participant's own choice would be: a tool in a Finnish notebook
    # leaves it (widgets/_jupyterlab.py), so the tests find JupyterLab's menus by their names.
    "@jupyterlab/translation-extension/plugin": {"locale": "en"},
}

LAB_START_TIMEOUT = 90  # seconds


def chromium_executable() -> str | None:
    """Debian's chromium, or None when it is not installed."""
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def free_port() -> int:
    """A loopback port that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------------------------
# The browser


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright; skips (with the reason) only if it is not there."""
    executable = chromium_executable()
    if executable is None:
        skip_unless_ci(
            "chromium is not installed, so the browser tests cannot run: `make chromium` "
            "(apt-get install chromium) installs it; Playwright cannot download browsers here"
        )
    try:
        from playwright import sync_api
    except ImportError:
        skip_unless_ci("playwright is not installed: run `make install-test`")
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def blocked_requests() -> list[str]:
    """URLs of requests the page tried to send off the machine (answered as if offline)."""
    return []


@contextlib.contextmanager
def open_page(browser, blocked: list[str]):
    """A page in a fresh browser context; requests to hosts other than loopback are answered
    "internet disconnected" by the browser itself (and their URLs appended to `blocked`), so the
    tests behave the same on a machine with internet and on one without."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(30_000)

    def block(route):
        blocked.append(route.request.url)
        route.abort("internetdisconnected")

    context.route(EXTERNAL, block)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser, blocked_requests):
    """A fresh page (see `open_page`)."""
    with open_page(browser, blocked_requests) as fresh:
        yield fresh


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# --------------------------------------------------------------------------------------------
# JupyterLab


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab server."""

    url: str  # http://127.0.0.1:PORT
    token: str
    root: Path  # temporary copy of the repository's notebooks (and what they need)
    settings: Path  # its user-settings folder (also $JUPYTERLAB_SETTINGS_DIR of its kernels)

    def notebook_url(self, name: str, workspace: str) -> str:
        """Open notebooks/<name> in a workspace of its own (nothing left over from other tests)."""
        return f"{self.url}/lab/workspaces/{workspace}/tree/notebooks/{name}?reset&token={self.token}"

    def api(self, method: str, path: str):
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self) -> None:
        """End every kernel session (kernels outlive closed browser pages)."""
        for session in self.api("GET", "/api/sessions") or []:
            with contextlib.suppress(urllib.error.URLError, TimeoutError):
                self.api("DELETE", f"/api/sessions/{session['id']}")


def _write_lab_settings(settings_dir: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        package, name = plugin.rsplit("/", 1)
        path = settings_dir / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2), encoding="utf-8")


def _log_tail(log: Path, chars: int = 4000) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-chars:] if log.exists() else ""


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server (it shuts its kernels down); kill its process group if it hangs."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
    # The server ran in a process group of its own (start_new_session): end what is left of it.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait(timeout=10)


def _wait_until_up(proc: subprocess.Popen, lab: Lab, log: Path) -> bool:
    """True once the server answers; False if it exited (port taken, say)."""
    deadline = time.monotonic() + LAB_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            lab.api("GET", "/api/status")
            return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    _stop(proc)
    pytest.fail(f"JupyterLab did not start within {LAB_START_TIMEOUT} s:\n{_log_tail(log)}")


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, browser):
    """A real JupyterLab on a free loopback port with a random token, on a copy of the notebooks.

    Depends on `browser` so that it is not started at all when the browser tests are skipped.
    """
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    for folder in LAB_COPY:
        shutil.copytree(
            REPO / folder,
            root / folder,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        )
    settings, workspaces = base / "settings", base / "workspaces"
    _write_lab_settings(settings)
    workspaces.mkdir()
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        # Keep the user's own Jupyter and IPython configuration, runtime files and history out.
        "JUPYTER_CONFIG_DIR": str(base / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "IPYTHONDIR": str(base / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "MPLCONFIGDIR": str(base / "matplotlib"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),  # where a tool sets JupyterLab's language
        # The participants' JupyterLab, as `make start`, Binder and the hub give it: nbgrader's
        # tools (English only) and the news off.
        "JUPYTER_CONFIG_PATH": str(REPO / "deploy" / "jupyterhub" / "participant"),
    }
    log = base / "jupyterlab.log"
    for _attempt in range(3):  # a chosen port can be taken by someone else before the server binds
        port, token = free_port(), secrets.token_hex(16)
        lab = Lab(url=f"http://127.0.0.1:{port}", token=token, root=root, settings=settings)
        with log.open("w", encoding="utf-8") as out:
            proc = subprocess.Popen(
                [
                    program("jupyter-lab"),
                    "--no-browser",
                    "--ServerApp.ip=127.0.0.1",
                    f"--ServerApp.port={port}",
                    "--ServerApp.port_retries=0",
                    f"--IdentityProvider.token={token}",
                    f"--ServerApp.root_dir={root}",
                    f"--LabApp.user_settings_dir={settings}",
                    f"--LabApp.workspaces_dir={workspaces}",
                    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                    # window.jupyterapp, so that `lab_page` opens and closes notebooks in one
                    # loaded JupyterLab (the page shows nothing different)
                    "--LabApp.expose_app_in_browser=True",
                    # Containers and CI machines often run the tests as root.
                    *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
                ],
                cwd=root,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            if _wait_until_up(proc, lab, log):
                break
        except BaseException:
            _stop(proc)
            raise
        _stop(proc)
    else:
        pytest.fail(f"JupyterLab would not start:\n{_log_tail(log)}")
    try:
        yield lab
    finally:
        _stop(proc)


@pytest.fixture
def lab(lab_server):
    """The JupyterLab server; the kernels a test started are shut down after it, and its
    language setting is put back: a tool's language menu writes JupyterLab's locale
    (widgets/_jupyterlab.py), and a later test on this server finds the menus and the status
    bar ("| Idle") by their English names. The course's own language settings
    (microcred-settings.yaml, written by the same menus) are put back too: a Finnish notebook
    switched to Swedish in one test would otherwise open in Swedish in the next."""
    setting = lab_server.settings.joinpath(*_jupyterlab.PLUGIN)
    before = setting.read_bytes() if setting.exists() else None
    courses = {path: path.read_bytes() for path in lab_server.root.rglob(SETTINGS_NAME)}
    yield lab_server
    lab_server.shut_down_kernels()
    if before is None:
        setting.unlink(missing_ok=True)
    else:
        setting.write_bytes(before)
    for path in lab_server.root.rglob(SETTINGS_NAME):
        if path not in courses:
            path.unlink()
    for path, text in courses.items():
        path.write_bytes(text)


def load_lab(page, lab: Lab) -> None:
    """JupyterLab in ``page``, in a fresh workspace, once it has restored its layout."""
    page.goto(f"{lab.url}/lab/workspaces/tests?reset&token={lab.token}")
    page.wait_for_function("() => !!window.jupyterapp", timeout=LAB_START_TIMEOUT * 1000)
    page.evaluate("async () => { await window.jupyterapp.restored; }")


# Close every document of the main area without saving (as "Discard" does), so that the next test
# opens the notebooks as they are on disk.
CLOSE_DOCUMENTS = """() => {
    for (const widget of Array.from(window.jupyterapp.shell.widgets('main'))) {
        if (widget.context) widget.context.model.dirty = false;
        widget.close();
    }
}"""


@pytest.fixture(scope="session")
def lab_window(browser, lab_server):
    """One page with JupyterLab loaded, kept for the session (see `lab_page`)."""
    blocked: list[str] = []
    with open_page(browser, blocked) as page:
        load_lab(page, lab_server)
        yield page


@pytest.fixture
def lab_page(lab_window, lab):
    """The session's JupyterLab page, for tests that open notebooks in it one after another, as
    a participant does (`open_notebook` opens them there): loading JupyterLab into a fresh page
    costs chromium and the server about 2.5 s of CPU each time. After the test its documents
    are closed unsaved (then `lab` shuts their kernels down); if that fails, or a dialog is left
    open, JupyterLab is loaded again."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect

    yield lab_window
    try:
        lab_window.evaluate(CLOSE_DOCUMENTS)
        expect(lab_window.locator(".jp-Document")).to_have_count(0, timeout=10_000)
        expect(lab_window.locator(".jp-Dialog")).to_have_count(0, timeout=1_000)
    except (AssertionError, PlaywrightError):
        load_lab(lab_window, lab)


# --------------------------------------------------------------------------------------------
# The built book


@pytest.fixture(scope="session")
def book_html(book_build, browser) -> Path:
    """The session's book build (tests/conftest.py, shared with tests/test_book.py); its
    warnings fail tests/test_book.py, a missing site fails here."""
    if not (book_build.html / "index.html").exists():
        pytest.fail(f"book build failed:\n{book_build.tail()}")
    return book_build.html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path):
    """``folder`` served by a loopback http.server thread (port chosen by the system); yields
    its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="static-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def book_url(book_html) -> str:
    """The built book (the English edition), served on the loopback interface as `make book`
    lays it out: _build/html/ served, the book at en/. Its language switcher links to ../fi/ and
    ../sv/, outside the book's URL (tests/browser/test_book_editions.py builds and checks those)."""
    with serve_folder(book_html.parent) as url:
        yield f"{url}{book_html.name}/"


def is_redirect(html_file: Path) -> bool:
    """Sphinx's root index.html only redirects (meta refresh) to the book's first page."""
    return 'http-equiv="Refresh"' in html_file.read_text(encoding="utf-8", errors="replace")[:2000]


@pytest.fixture(scope="session")
def book_pages(book_html) -> list[str]:
    """Every HTML page of the built book (paths relative to its root), redirects left out."""
    pages = []
    for path in sorted(book_html.rglob("*.html")):
        rel = path.relative_to(book_html).as_posix()
        if rel.split("/", 1)[0] in {"_static", "_sources", "_images"} or is_redirect(path):
            continue
        pages.append(rel)
    assert pages, f"no pages in {book_html}"
    return pages
