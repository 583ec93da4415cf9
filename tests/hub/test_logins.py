"""University logins of the course hub (deploy/jupyterhub/logins.py): names, groups, set-up.

These check the mapping and the configuration each mode produces with the real authenticator
classes' traits, and real logins on a running JupyterHub: the oidc mode against the certified
`oidc-provider` from npm, through the provider's own login and consent pages, and the lti13
mode with launches signed as a platform signs them (an RS256 id_token, the key set served as
the platform's JWKS endpoint).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urljoin

import pytest
import requests
from traitlets.config import Config

from tests.helpers.paths import REPO
from tests.helpers.scripts import load_script
from tests.hub.hubctl import free_port

logins = load_script(REPO / "deploy" / "jupyterhub" / "logins.py", "logins")

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
    from microcred.trainer.roster import VALID_ID

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


CHP = NODE_MODULES / ".bin" / "configurable-http-proxy"


@contextlib.contextmanager
def running_hub(tmp_path, hub_port: int, env: dict):
    """JupyterHub on loopback with logins.py configured from ``env``; yields an admin token."""
    token = secrets.token_hex(16)
    hub = f"http://127.0.0.1:{hub_port}"
    api_port, int_port = free_port(), free_port()
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
c.ConfigurableHTTPProxy.command = [{str(CHP)!r}]
c.JupyterHub.db_url = "sqlite:///{tmp_path}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp_path}/cookie_secret"
c.JupyterHub.services = [{{"name": "test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "test", "services": ["test"],
                             "scopes": ["admin:users", "admin:groups"]}}]
""", encoding="utf-8")
    proc = subprocess.Popen(["jupyterhub", "-f", str(config)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if requests.get(f"{hub}/hub/api/", timeout=5).ok:
                    break
            except requests.RequestException:
                time.sleep(1)
        else:
            proc.kill()
            pytest.fail("the hub did not start:\n" + proc.communicate()[0][-3000:])
        yield token
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def hub_user(hub_port: int, token: str, name: str) -> requests.Response:
    return requests.get(f"http://127.0.0.1:{hub_port}/hub/api/users/{name}", timeout=30,
                        headers={"Authorization": f"token {token}"})


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
    node = shutil.which("node")
    if node is None or not (NODE_MODULES / "oidc-provider").is_dir() or not CHP.exists():
        pytest.skip("needs node with oidc-provider and configurable-http-proxy in .venv/node "
                    "(make proxy)")
    op_port, hub_port = free_port(), free_port()
    hub = f"http://127.0.0.1:{hub_port}"
    accounts = {"tiina": {"email": "Tiina.Trainer@uni.example", "groups": ["staff-microcred"]},
                "olli": {"email": "olli@uni.example", "groups": ["library"]}}
    provider = subprocess.Popen(
        [node, str(REPO / "tests" / "hub" / "oidc_provider.mjs"), str(op_port), "hub",
         "client-secret", f"{hub}/hub/oauth_callback"],
        env={**os.environ, "OIDC_ACCOUNTS": json.dumps(accounts),
             "NODE_MODULES": str(NODE_MODULES.resolve())},
        cwd=NODE_MODULES.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    env = {**os.environ, "MICROCRED_LOGIN": "oidc",
           "MICROCRED_OIDC_ISSUER": f"http://127.0.0.1:{op_port}",
           "MICROCRED_OIDC_CLIENT_ID": "hub", "MICROCRED_OIDC_CLIENT_SECRET": "client-secret",
           "MICROCRED_OIDC_TRAINER_GROUPS": "staff-microcred",
           "MICROCRED_OIDC_PARTICIPANT_GROUPS": "students-microcred"}
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
        with running_hub(tmp_path, hub_port, env) as token:

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
        provider.terminate()
        provider.wait(timeout=30)


@pytest.fixture
def platform_keys():
    """A platform's signing key and its key set, served on loopback as a JWKS endpoint."""
    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update(kid="platform-key-1", alg="RS256", use="sig")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = json.dumps({"keys": [jwk]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield key, f"http://127.0.0.1:{server.server_port}/jwks"
    server.shutdown()


@pytest.mark.slow
def test_an_lti_launch_signed_as_a_platform_signs_it_logs_the_learner_in(tmp_path, platform_keys):
    """JupyterHub with logins.py's lti13 mode: the login initiation, then an id_token signed with
    the platform's key (RS256, its kid in the header) and posted to the hub, as Moodle or
    Canvas do. A learner arrives as a participant; a launch without a course role is refused."""
    import jwt

    if not CHP.exists():
        pytest.skip("needs configurable-http-proxy in .venv/node (make proxy)")
    key, jwks = platform_keys
    hub_port = free_port()
    hub = f"http://127.0.0.1:{hub_port}"
    issuer, client = "https://moodle.uni.example", "tool-123"
    env = {**os.environ, "MICROCRED_LOGIN": "lti13", "MICROCRED_LTI_ISSUER": issuer,
           "MICROCRED_LTI_AUTHORIZE_URL": f"{issuer}/mod/lti/auth.php",
           "MICROCRED_LTI_JWKS": jwks, "MICROCRED_LTI_CLIENT_ID": client}

    def launch(email: str, roles: list[str]) -> requests.Response:
        s = requests.Session()
        start = s.get(f"{hub}/hub/lti13/oauth_login", allow_redirects=False, timeout=60,
                      params={"iss": issuer, "login_hint": "42", "client_id": client,
                              "target_link_uri": f"{hub}/hub/"})
        assert start.status_code == 302, start.text
        from urllib.parse import parse_qs, urlparse

        asked = {k: v[0] for k, v in parse_qs(urlparse(start.headers["Location"]).query).items()}
        now = int(time.time())
        claims = {
            "iss": issuer, "aud": client, "sub": "moodle-user-42", "iat": now,
            "exp": now + 300, "nonce": asked["nonce"], "email": email,
            "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
            "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
            "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "1",
            "https://purl.imsglobal.org/spec/lti/claim/target_link_uri": f"{hub}/hub/",
            "https://purl.imsglobal.org/spec/lti/claim/resource_link": {"id": "course-hub"},
            ROLES: roles,
        }
        token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": "platform-key-1"})
        return s.post(asked["redirect_uri"], data={"id_token": token, "state": asked["state"]},
                      allow_redirects=False, timeout=60)

    with running_hub(tmp_path, hub_port, env) as admin:
        done = launch("Liisa.Learner@uni.example",
                      ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"])
        assert done.status_code == 302, done.text[-2000:]
        user = hub_user(hub_port, admin, "liisa-learner")
        assert user.ok and user.json()["groups"] == ["nbgrader-microcred-coaching"]
        refused = launch("mona@uni.example",
                         ["http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"])
        assert refused.status_code >= 400
        assert hub_user(hub_port, admin, "mona").status_code == 404
