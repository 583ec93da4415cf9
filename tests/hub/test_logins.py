"""University logins of the course hub (deploy/jupyterhub/logins.py): names, groups, set-up.

These check the mapping and the configuration each mode produces with the real authenticator
classes' traits, and a real login: JupyterHub with the oidc mode against the certified
`oidc-provider` from npm, through the provider's own login and consent pages. An LTI 1.3
launch is checked through its post-login hook, not yet with a signed launch end to end.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from traitlets.config import Config

from tests.helpers.paths import REPO

spec = importlib.util.spec_from_file_location("logins",
                                              REPO / "deploy" / "jupyterhub" / "logins.py")
logins = importlib.util.module_from_spec(spec)
spec.loader.exec_module(logins)

COURSE = "microcred-coaching"
ROLES = logins.LTI_ROLES


@pytest.mark.parametrize("value, name", [
    ("Aino.Meikäläinen@uni.fi", "aino-meikalainen"),
    ("erik_lindqvist", "erik_lindqvist"),
    ("12345@canvas.example", "u12345"),
    ("Åsa Öberg", "asa-oberg"),
    ("x" * 40, "x" * 32),
])
def test_an_identity_becomes_a_unix_account_and_nbgrader_id(value, name):
    from microcred.grading.roster import VALID_ID

    assert logins.hub_username(value) == name
    assert VALID_ID.match(name)


def test_an_identity_without_letters_is_refused():
    with pytest.raises(ValueError, match="no usable login name"):
        logins.hub_username("@@@")


def test_groups_from_the_identity_providers_claim():
    trainers, participants = {"staff-microcred"}, {"students-microcred"}
    assert logins.oidc_groups({"groups": ["staff-microcred"]}, COURSE, trainers,
                              participants) == [f"formgrade-{COURSE}"]
    assert logins.oidc_groups({"groups": "students-microcred"}, COURSE, trainers,
                              participants) == [f"nbgrader-{COURSE}"]
    assert logins.oidc_groups({"groups": ["library"]}, COURSE, trainers, participants) == []
    assert logins.oidc_groups({}, COURSE, trainers, set()) == [f"nbgrader-{COURSE}"]


def test_groups_from_an_lti_launch_roles():
    instructor = {ROLES: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]}
    learner = {ROLES: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]}
    assert logins.lti_groups(instructor, COURSE) == [f"formgrade-{COURSE}"]
    assert logins.lti_groups(learner, COURSE) == [f"nbgrader-{COURSE}"]
    assert logins.lti_groups({ROLES: []}, COURSE) == []


def test_the_shared_password_warns_at_every_start(capsys):
    c = Config()
    assert logins.configure(c, COURSE, "http://127.0.0.1:8000",
                            {"MICROCRED_HUB_PASSWORD": "pilot-password-1234"}) == "shared-password"
    assert "SHARED PASSWORD" in capsys.readouterr().err
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.Authenticator.manage_groups is False


@pytest.fixture
def discovery():
    """An identity provider's discovery document, served on loopback."""
    doc = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = json.dumps(doc).encode()
            self.send_response(200 if self.path == "/.well-known/openid-configuration" else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    issuer = f"http://127.0.0.1:{server.server_port}"
    doc.update(issuer=issuer, authorization_endpoint=f"{issuer}/auth",
               token_endpoint=f"{issuer}/token", userinfo_endpoint=f"{issuer}/me")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield issuer
    server.shutdown()


def test_oidc_configures_the_generic_oauthenticator_from_discovery(discovery):
    from oauthenticator.generic import GenericOAuthenticator

    c = Config()
    env = {"MICROCRED_LOGIN": "oidc", "MICROCRED_OIDC_ISSUER": discovery,
           "MICROCRED_OIDC_CLIENT_ID": "hub", "MICROCRED_OIDC_CLIENT_SECRET": "s3cret",
           "MICROCRED_OIDC_TRAINER_GROUPS": "staff-microcred"}
    assert logins.configure(c, COURSE, "https://hub.example.fi", env) == "oidc"
    auth = GenericOAuthenticator(config=c)
    assert auth.token_url == f"{discovery}/token" and auth.manage_groups
    assert auth.oauth_callback_url == "https://hub.example.fi/hub/oauth_callback"
    assert auth.username_claim({"email": "Aino.M@uni.fi"}) == "aino-m"
    state = {"oauth_user": {"email": "t@uni.fi", "groups": ["staff-microcred"]}}
    assert auth.auth_state_groups_key(state) == [f"formgrade-{COURSE}"]


def test_lti13_maps_the_launch_to_a_name_and_a_group():
    from ltiauthenticator.lti13.auth import LTI13Authenticator

    c = Config()
    env = {"MICROCRED_LOGIN": "lti13", "MICROCRED_LTI_ISSUER": "https://moodle.uni.fi",
           "MICROCRED_LTI_AUTHORIZE_URL": "https://moodle.uni.fi/mod/lti/auth.php",
           "MICROCRED_LTI_JWKS": "https://moodle.uni.fi/mod/lti/certs.php",
           "MICROCRED_LTI_CLIENT_ID": "abc123"}
    assert logins.configure(c, COURSE, "https://hub.example.fi", env) == "lti13"
    auth = LTI13Authenticator(config=c)
    assert auth.client_id == {"abc123"} and auth.issuer == "https://moodle.uni.fi"
    hook = c.Authenticator.post_auth_hook
    learner = {"name": "Aino.M@uni.fi", "auth_state": {
        ROLES: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]}}
    assert hook(auth, None, learner)["name"] == "aino-m"
    assert hook(auth, None, learner)["groups"] == [f"nbgrader-{COURSE}"]
    assert hook(auth, None, {"name": "x@uni.fi", "auth_state": {ROLES: []}}) is None


# --- a real login through a real OpenID Connect provider ----------------------------------

NODE_MODULES = REPO / ".venv" / "node" / "node_modules"


def _form(html: str) -> tuple[str, dict]:
    """The first form of a page: its action and its hidden fields."""
    import re

    action = re.search(r'<form[^>]*action="([^"]+)"', html).group(1)
    fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"',
                             html))
    return action, fields


@pytest.mark.slow
def test_a_login_through_a_real_oidc_provider_gives_the_name_and_the_group(tmp_path):
    """JupyterHub with logins.py's oidc mode against `oidc-provider` (npm): the trainer logs in
    with the provider's own login and consent pages and arrives with the course name and group."""
    import os
    import secrets
    import shutil
    import subprocess
    import time
    from urllib.parse import urljoin

    import requests

    from tests.hub.hubctl import free_port

    node = shutil.which("node")
    chp = NODE_MODULES / ".bin" / "configurable-http-proxy"
    if node is None or not (NODE_MODULES / "oidc-provider").is_dir() or not chp.exists():
        pytest.skip("needs node with oidc-provider and configurable-http-proxy in .venv/node "
                    "(make proxy)")
    op_port, hub_port, api_port, int_port = (free_port() for _ in range(4))
    hub = f"http://127.0.0.1:{hub_port}"
    token = secrets.token_hex(16)
    accounts = {"tiina": {"email": "Tiina.Trainer@uni.example", "groups": ["staff-microcred"]},
                "olli": {"email": "olli@uni.example", "groups": ["library"]}}
    provider = subprocess.Popen(
        [node, str(REPO / "tests" / "hub" / "oidc_provider.mjs"), str(op_port), "hub",
         "client-secret", f"{hub}/hub/oauth_callback"],
        env={**os.environ, "OIDC_ACCOUNTS": json.dumps(accounts),
             "NODE_MODULES": str(NODE_MODULES.resolve())},
        cwd=NODE_MODULES.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    config = tmp_path / "jupyterhub_config.py"
    config.write_text(f"""\
import sys
sys.path.insert(0, {str(REPO / 'deploy' / 'jupyterhub')!r})
import logins
c = get_config()  # noqa
logins.configure(c, "microcred-coaching", {hub!r})
c.JupyterHub.bind_url = {hub!r}
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{int_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{str(chp)!r}]
c.JupyterHub.db_url = "sqlite:///{tmp_path}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp_path}/cookie_secret"
c.JupyterHub.services = [{{"name": "test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "test", "services": ["test"],
                             "scopes": ["admin:users", "admin:groups"]}}]
""", encoding="utf-8")
    env = {**os.environ, "MICROCRED_LOGIN": "oidc",
           "MICROCRED_OIDC_ISSUER": f"http://127.0.0.1:{op_port}",
           "MICROCRED_OIDC_CLIENT_ID": "hub", "MICROCRED_OIDC_CLIENT_SECRET": "client-secret",
           "MICROCRED_OIDC_TRAINER_GROUPS": "staff-microcred",
           "MICROCRED_OIDC_PARTICIPANT_GROUPS": "students-microcred"}
    hub_proc = None
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and provider.poll() is None:
            try:
                requests.get(f"http://127.0.0.1:{op_port}/.well-known/openid-configuration",
                             timeout=5).raise_for_status()
                break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            provider.kill()
            pytest.fail("oidc-provider did not start:\n" + provider.communicate()[0][-3000:])
        hub_proc = subprocess.Popen(["jupyterhub", "-f", str(config)], cwd=tmp_path, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                    start_new_session=True)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and hub_proc.poll() is None:
            try:
                if requests.get(f"{hub}/hub/api/", timeout=5).ok:
                    break
            except requests.RequestException:
                time.sleep(1)
        else:
            hub_proc.kill()
            pytest.fail("the hub did not start:\n" + hub_proc.communicate()[0][-3000:])

        def login(account: str) -> requests.Response:
            s = requests.Session()
            page = s.get(f"{hub}/hub/oauth_login", timeout=60)  # to the provider's login
            action, fields = _form(page.text)
            page = s.post(urljoin(page.url, action),
                          data={**fields, "login": account, "password": "any"}, timeout=60)
            action, fields = _form(page.text)  # the consent page
            return s.post(urljoin(page.url, action), data=fields, timeout=60)

        login("tiina")
        user = requests.get(f"{hub}/hub/api/users/tiina-trainer", timeout=30,
                            headers={"Authorization": f"token {token}"})
        assert user.ok, user.text
        assert user.json()["groups"] == ["formgrade-microcred-coaching"]
        login("olli")  # neither trainer nor participant: not let in
        other = requests.get(f"{hub}/hub/api/users/olli", timeout=30,
                             headers={"Authorization": f"token {token}"})
        assert other.status_code == 404
    finally:
        if hub_proc is not None and hub_proc.poll() is None:
            os.killpg(hub_proc.pid, 15)
            try:
                hub_proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(hub_proc.pid, 9)
        provider.terminate()
        provider.wait(timeout=30)
