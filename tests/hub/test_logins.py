"""University logins of the course hub (deploy/jupyterhub/logins.py): names, groups, set-up.

These check the mapping and the configuration each mode produces with the real authenticator
classes' traits. A login through a running identity provider or a signed LTI launch is not
tested yet (see deploy/jupyterhub/README.md, "Logins").
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
