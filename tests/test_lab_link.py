"""The launch link ``<base_url>microcred/lab/<lang>/<path>`` (microcred/widgets/lab_link.py) on
one real JupyterLab server with the participants' profile, a hub-like base URL and a fresh, empty
user-settings folder given to its LabApp (not through $JUPYTERLAB_SETTINGS_DIR, so the folder
must come from the running server): the language setting written where that JupyterLab reads it,
then a redirect into lab/tree/; bad links get a page in en/fi/sv or a redirect that stays inside
lab/tree/. The browser test tests/browser/test_lab_link_language.py checks that JupyterLab opens
in that language on its first load."""

from __future__ import annotations

import html
import http.client
import json
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from microcred.i18n import LANGUAGES, t
from microcred.widgets import _jupyterlab
from tests.helpers.paths import BIN, REPO
from tests.helpers.scripts import stop_process

sys.path.insert(0, str(REPO / "book" / "_ext"))
import notebook_editions as ne  # noqa: E402  (book/_ext is not a package)

PROFILES = REPO / "deploy" / "jupyterhub"
BASE = "/user/anna/"  # as a hub's single-user server


class Server:
    """A JupyterLab with the participant profile on a free port; ``get`` never follows redirects."""

    def __init__(self, base: Path) -> None:
        self.root, self.settings = base / "root", base / "lab-settings"
        for lang in ("", "fi", "sv"):
            (self.root / "notebooks" / lang).mkdir(parents=True, exist_ok=True)
            (self.root / "notebooks" / lang / "welcome.ipynb").write_bytes(
                (REPO / "notebooks" / lang / "welcome.ipynb").read_bytes())
        self.token = secrets.token_hex(8)
        self.config_dir = base / "user-config"  # where a guess without LabApp would look
        env = {k: v for k, v in os.environ.items() if k != "JUPYTERLAB_SETTINGS_DIR"}
        env.update(JUPYTER_CONFIG_PATH=str(PROFILES / "participant"),
                   JUPYTER_CONFIG_DIR=str(self.config_dir),
                   JUPYTER_RUNTIME_DIR=str(base / "runtime"))
        self.log = base / "server.log"
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(
                [str(BIN / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", "--port=0",
                 f"--ServerApp.base_url={BASE}", f"--IdentityProvider.token={self.token}",
                 "--allow-root", f"--ServerApp.root_dir={self.root}",
                 f"--LabApp.user_settings_dir={self.settings}"],
                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.port = self._wait_for_port()

    def _wait_for_port(self) -> int:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", self.log.read_text())
            if found:
                return int(found.group(1))
            if self.proc.poll() is not None:
                break
            time.sleep(0.3)
        self.stop()
        pytest.fail(f"JupyterLab did not start:\n{self.log.read_text()[-3000:]}")

    def get(self, path: str, token: bool = True) -> tuple[int, str, str]:
        """Status, Location header and body of ``GET <base_url><path>`` (path sent as given)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", BASE + path,
                         headers={"Authorization": f"token {self.token}"} if token else {})
            response = conn.getresponse()
            return (response.status, response.getheader("Location", ""),
                    response.read().decode("utf-8", "replace"))
        finally:
            conn.close()

    @property
    def setting(self) -> Path:
        return _jupyterlab.settings_file(self.settings)

    def locale(self) -> str | None:
        return json.loads(self.setting.read_text())["locale"] if self.setting.exists() else None

    def stop(self) -> None:
        stop_process(self.proc)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    lab = Server(tmp_path_factory.mktemp("lab-link"))
    yield lab
    lab.stop()


@pytest.fixture
def fresh(server):
    """The server with no language setting written, as on a participant's first launch."""
    server.setting.unlink(missing_ok=True)
    return server


def lab_tree(location: str) -> str:
    """The path a redirect opens, checked to be on the same server, under lab/tree/ (or lab)."""
    url = urljoin(f"http://127.0.0.1:1{BASE}microcred/lab/fi/x", location)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("http", "127.0.0.1:1"), location
    assert parts.path == f"{BASE}lab" or parts.path.startswith(f"{BASE}lab/tree/"), location
    assert ".." not in parts.path.split("/"), location
    return parts.path.removeprefix(f"{BASE}lab").removeprefix("/tree/")


@pytest.mark.parametrize("lang, locale", [("fi", "fi_FI"), ("sv", "sv_SE")])
def test_a_link_sets_the_language_where_the_running_jupyterlab_reads_it(fresh, lang, locale):
    assert fresh.locale() is None
    status, location, _ = fresh.get(f"microcred/lab/{lang}/notebooks/{lang}/welcome.ipynb")
    assert status == 302
    assert location == f"{BASE}lab/tree/notebooks/{lang}/welcome.ipynb"
    assert fresh.locale() == locale
    assert not (fresh.config_dir / "lab").exists()  # not where a guess from the environment looks
    # What the page reads when it loads: the same settings through JupyterLab's own API.
    status, _, body = fresh.get("lab/api/settings/@jupyterlab/translation-extension:plugin")
    assert status == 200 and json.loads(body)["settings"]["locale"] == locale


def test_a_link_replaces_a_language_chosen_earlier_and_keeps_other_settings(fresh):
    fresh.setting.parent.mkdir(parents=True, exist_ok=True)
    fresh.setting.write_text('{\n  // chosen in JupyterLab\n  "locale": "sv_SE",\n'
                             '  "displayStringsPrefix": false\n}')
    assert fresh.get("microcred/lab/fi/notebooks/fi/welcome.ipynb")[0] == 302
    assert json.loads(fresh.setting.read_text()) == {"locale": "fi_FI",
                                                     "displayStringsPrefix": False}
    assert fresh.get("microcred/lab/en/notebooks/welcome.ipynb")[:2] == (
        302, f"{BASE}lab/tree/notebooks/welcome.ipynb")
    assert fresh.locale() == "en"


def test_an_unreadable_settings_file_is_kept_and_the_link_still_opens(fresh):
    fresh.setting.parent.mkdir(parents=True, exist_ok=True)
    fresh.setting.write_text("{ locale: 'sv_SE', this is not JSON5 either")
    status, location, _ = fresh.get("microcred/lab/fi/notebooks/fi/welcome.ipynb")
    assert (status, location) == (302, f"{BASE}lab/tree/notebooks/fi/welcome.ipynb")
    assert fresh.setting.read_text() == "{ locale: 'sv_SE', this is not JSON5 either"


def test_the_query_is_kept_but_the_token(fresh):
    status, location, _ = fresh.get(f"microcred/lab/sv/notebooks/sv/welcome.ipynb"
                                    f"?token={fresh.token}&reset")
    assert status == 302 and fresh.token not in location
    assert lab_tree(location) == "notebooks/sv/welcome.ipynb"
    assert parse_qs(urlsplit(location).query, keep_blank_values=True) == {"reset": [""]}


def test_without_login_nothing_is_written(fresh):
    status, location, _ = fresh.get("microcred/lab/fi/notebooks/fi/welcome.ipynb", token=False)
    assert status == 302 and urlsplit(location).path == f"{BASE}login"
    assert fresh.locale() is None


@pytest.mark.parametrize("link, opens", [
    ("fi//evil.example/x", "evil.example/x"),
    ("fi/%2F%2Fevil.example", "evil.example"),
    ("fi/%5C%5Cevil.example", "evil.example"),
    ("fi/\\\\evil.example", "evil.example"),
    ("fi/https:%2F%2Fevil.example", "https%3A/evil.example"),
    ("fi/%252e%252e/x", "%252e%252e/x"),  # a file named %2e%2e: no way up
    ("fi/./notebooks/fi/welcome.ipynb", "notebooks/fi/welcome.ipynb"),
    ("fi/notebooks/fi/tervetuloa%20ä.ipynb", "notebooks/fi/tervetuloa%20%C3%A4.ipynb"),
    ("fi", ""),
])
def test_a_redirect_never_leaves_lab_tree(fresh, link, opens):
    status, location, _ = fresh.get(f"microcred/lab/{link}".replace("ä", "%C3%A4"))
    assert status == 302
    assert lab_tree(location) == opens


@pytest.mark.parametrize("link", ["fi/../../../etc/passwd", "fi/%2e%2e/%2e%2e/x",
                                  "fi/notebooks/%2E%2E/..", "fi/a%2F..%2F..%2Fb",
                                  "fi/a%5C..%5C..%5Cb", "fi/a%0d%0aSet-Cookie:x=1"])
def test_a_path_out_of_the_folder_gets_a_page_in_three_languages(fresh, link):
    status, location, body = fresh.get(f"microcred/lab/{link}")
    assert (status, location) == (400, "")
    for lang in LANGUAGES:
        assert t("lab_link.outside", lang) in body
    assert "Traceback" not in body and fresh.locale() is None


@pytest.mark.parametrize("sent, lang", [
    ("de", "de"), ("FI", "FI"), ("fi_FI", "fi_FI"), ("", ""),
    ("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "<script>alert(1)</script>"),
])
def test_an_unknown_language_gets_a_page_in_three_languages(fresh, sent, lang):
    status, location, body = fresh.get(f"microcred/lab/{sent}/notebooks/welcome.ipynb")
    assert (status, location) == (404, "")
    for ui in LANGUAGES:
        assert html.escape(t("lab_link.unknown-language", ui, language=lang,
                             languages=", ".join(LANGUAGES))) in body
    assert "<script>" not in body and "Traceback" not in body
    assert f'href="{BASE}lab/tree/notebooks/welcome.ipynb"' in body  # open it unchanged
    assert fresh.locale() is None


@pytest.mark.parametrize("lang", ne.LANGS)
def test_the_books_launch_buttons_open_their_notebook_through_the_link(fresh, lang):
    """The fi/sv editions' Binder and JupyterHub buttons (book/_ext/notebook_editions.py): the
    ``urlpath`` they give Binder or nbgitpuller, opened under the server's base URL."""
    from tests.test_notebook_editions import launch_urls

    binder, hub = launch_urls("notebooks/outcomes-coach", lang)
    for url, folder in ((binder, ""), (hub, "microcred-coach/")):
        urlpath = parse_qs(urlsplit(url).query)["urlpath"][0]
        status, location, _ = fresh.get(urlpath)
        assert status == 302
        assert lab_tree(location) == f"{folder}notebooks/{lang}/outcomes-coach.ipynb"
        assert fresh.locale() == _jupyterlab.lab_locale(lang)
        fresh.setting.unlink()


def test_every_profile_enables_the_link():
    """Participants (make start, Binder's postBuild, the hub) and trainers (hub, make trainer)."""
    for profile in ("participant", "trainer", "local-trainer"):
        config = json.loads((PROFILES / profile / "jupyter_server_config.json").read_text())
        assert config["ServerApp"]["jpserver_extensions"]["microcred.widgets.lab_link"] is True


def test_make_start_prints_a_link_in_each_language_to_existing_notebooks():
    # English goes through the link too: after a Finnish link, the English one sets English back.
    start = (REPO / "Makefile").read_text(encoding="utf-8").split("\nstart:")[1].split("\n\n")[0]
    links = dict(re.findall(r"/microcred/lab/(\w+)/(\S+?)\?token=", start))
    assert sorted(links) == ["en", "fi", "sv"]
    for lang, path in links.items():
        folder = "notebooks/" if lang == "en" else f"notebooks/{lang}/"
        assert path.startswith(folder) and "/" not in path[len(folder):], path
        assert (REPO / path).is_file(), path
