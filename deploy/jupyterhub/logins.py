"""How people log in to the course hub: the university's identity provider, an LTI 1.3 launch
from Moodle or Canvas, or (pilots only) a shared password.

``jupyterhub_config.py`` calls :func:`configure` with ``MICROCRED_LOGIN``:

- ``oidc``: OpenID Connect with OAuthenticator's ``GenericOAuthenticator`` (oauthenticator 17,
  https://oauthenticator.readthedocs.io/en/latest/reference/api/gen/oauthenticator.generic.html).
  The provider's endpoints come from its discovery document
  (``MICROCRED_OIDC_ISSUER/.well-known/openid-configuration``, OpenID Connect Discovery 1.0).
- ``lti13``: LTI 1.3 launches with ``jupyterhub-ltiauthenticator``'s ``LTI13Authenticator``
  (1.6, https://ltiauthenticator.readthedocs.io/): the platform (Moodle, Canvas) signs an id_token
  that the hub checks against the platform's key set (``MICROCRED_LTI_JWKS``).
- ``shared-password`` (the default): one password for everyone, fit only for a pilot on a
  private network; the hub prints a warning at every start.

Whatever the login, the identity becomes one name, used as the hub user, the Unix account and
the nbgrader student id (:func:`hub_username`), and one of the course's two groups
(:func:`course_groups`): ``formgrade-<course>`` for trainers, ``nbgrader-<course>`` for
participants. Someone who is neither is refused.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
import urllib.request

LTI_ROLES = "https://purl.imsglobal.org/spec/lti/claim/roles"
LTI_INSTRUCTOR_ROLES = (  # LTI 1.3 context roles of people who teach (IMS LIS vocabulary)
    "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
    "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
    "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
    "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
)
LTI_LEARNER_ROLES = ("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",)
PILOT_WARNING = (
    "WARNING: the course hub uses a SHARED PASSWORD (MICROCRED_LOGIN=shared-password). Anyone "
    "who knows it can log in as any participant. Use it only for a pilot on a private network; "
    "set MICROCRED_LOGIN=oidc (your identity provider) or lti13 (launches from Moodle or Canvas) "
    "for a real course (deploy/jupyterhub/README.md, 'Logins').")


def hub_username(value: str) -> str:
    """A login name that is a valid Unix account and nbgrader student id: the local part of an
    e-mail address or the given name, lower case, ASCII letters, digits, ``_`` and ``-``, starting
    with a letter, at most 32 characters. ``Äino.Meikäläinen@uni.fi`` -> ``aino-meikalainen``."""
    text = str(value or "").strip().split("@", 1)[0].casefold()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9_-]+", "-", text).strip("-_")
    if not text:
        raise ValueError(f"no usable login name in {value!r}")
    if not text[0].isalpha():
        text = "u" + text
    return text[:32].rstrip("-_")


def course_groups(course_id: str, trainer: bool, participant: bool) -> list[str]:
    """The hub groups of a person: nbgrader's ``formgrade-<course>`` or ``nbgrader-<course>``."""
    if trainer:
        return [f"formgrade-{course_id}"]
    if participant:
        return [f"nbgrader-{course_id}"]
    return []


def oidc_groups(user_info: dict, course_id: str, trainer_groups: set[str],
                participant_groups: set[str], groups_claim: str = "groups") -> list[str]:
    """Course groups from the identity provider's groups claim. With no participant groups
    configured, everyone the provider lets in who is not a trainer is a participant."""
    theirs = user_info.get(groups_claim) or []
    theirs = {theirs} if isinstance(theirs, str) else set(map(str, theirs))
    trainer = bool(theirs & trainer_groups)
    participant = bool(theirs & participant_groups) if participant_groups else True
    return course_groups(course_id, trainer, participant)


def lti_groups(claims: dict, course_id: str) -> list[str]:
    """Course groups from an LTI 1.3 launch's roles claim (instructors train, learners take)."""
    roles = set(claims.get(LTI_ROLES) or [])
    return course_groups(course_id, bool(roles & set(LTI_INSTRUCTOR_ROLES)),
                         bool(roles & set(LTI_LEARNER_ROLES)))


def discover(issuer: str, timeout: float = 10) -> dict:
    """The provider's OpenID Connect discovery document."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return json.loads(resp.read().decode("utf-8"))


def _set(env: dict, name: str) -> set[str]:
    return {g.strip() for g in env.get(name, "").split(",") if g.strip()}


def configure(c, course_id: str, hub_url: str, env: dict | None = None) -> str:
    """Configure the hub's login from ``MICROCRED_LOGIN`` in ``env``; returns the mode."""
    env = dict(os.environ if env is None else env)
    mode = env.get("MICROCRED_LOGIN", "shared-password")
    c.Authenticator.manage_groups = mode != "shared-password"
    if mode == "oidc":
        issuer = env["MICROCRED_OIDC_ISSUER"]
        meta = discover(issuer)
        claim = env.get("MICROCRED_OIDC_USERNAME_CLAIM", "email")
        trainers = _set(env, "MICROCRED_OIDC_TRAINER_GROUPS")
        participants = _set(env, "MICROCRED_OIDC_PARTICIPANT_GROUPS")
        groups_claim = env.get("MICROCRED_OIDC_GROUPS_CLAIM", "groups")
        c.JupyterHub.authenticator_class = "generic-oauth"
        g = c.GenericOAuthenticator
        g.login_service = env.get("MICROCRED_OIDC_NAME", "your organisation")
        g.client_id = env["MICROCRED_OIDC_CLIENT_ID"]
        g.client_secret = env["MICROCRED_OIDC_CLIENT_SECRET"]
        g.oauth_callback_url = hub_url.rstrip("/") + "/hub/oauth_callback"
        g.authorize_url = meta["authorization_endpoint"]
        g.token_url = meta["token_endpoint"]
        g.userdata_url = meta["userinfo_endpoint"]
        g.scope = ["openid", "profile", "email", *(["groups"] if trainers | participants else [])]
        g.username_claim = lambda info: hub_username(info.get(claim) or info.get("sub", ""))
        g.auth_state_groups_key = lambda state: oidc_groups(
            state.get("oauth_user") or {}, course_id, trainers, participants, groups_claim)
        g.allowed_groups = {f"formgrade-{course_id}", f"nbgrader-{course_id}"}
        g.admin_groups = set()
    elif mode == "lti13":
        c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
        lti = c.LTI13Authenticator
        lti.issuer = env["MICROCRED_LTI_ISSUER"]
        lti.authorize_url = env["MICROCRED_LTI_AUTHORIZE_URL"]
        lti.jwks_endpoint = env["MICROCRED_LTI_JWKS"]
        lti.client_id = _set(env, "MICROCRED_LTI_CLIENT_ID")
        lti.username_key = env.get("MICROCRED_LTI_USERNAME_KEY", "email")
        c.Authenticator.allow_all = True  # whom the platform launches; the groups decide below

        def lti_hook(authenticator, handler, authentication):
            """The course's name and groups from the launch's claims; no role, no entry."""
            claims = authentication.get("auth_state") or {}
            groups = lti_groups(claims, course_id)
            if not groups:
                return None
            return {**authentication, "name": hub_username(authentication["name"]),
                    "groups": groups}

        c.Authenticator.post_auth_hook = lti_hook
    elif mode == "shared-password":
        c.JupyterHub.authenticator_class = "shared-password"
        c.SharedPasswordAuthenticator.user_password = env.get("MICROCRED_HUB_PASSWORD") or None
        print(PILOT_WARNING, file=sys.stderr, flush=True)
    else:
        raise ValueError(f"MICROCRED_LOGIN={mode!r}: use oidc, lti13 or shared-password")
    return mode
