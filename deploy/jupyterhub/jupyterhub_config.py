"""JupyterHub configuration of a course hub for the microcred coaching course.

Install as /etc/jupyterhub/jupyterhub_config.py and start the hub as root with
``jupyterhub -f /etc/jupyterhub/jupyterhub_config.py``. README.md in this folder explains every
setting and what an organisation must change (authenticator, spawner, storage).

One hub, one course:

- trainers are in the hub group ``formgrade-<course id>``: they reach the formgrader, which runs
  as a hub-managed service under a grading account that owns the course folder (their course
  list links to it; their own servers have no formgrader of their own);
- participants are in ``nbgrader-<course id>``: they fetch, check and hand in with the course's
  assignment panel (``microcred-notebooks/assignments.ipynb``, in their language); none of
  nbgrader's JupyterLab tools (English only) is on for them;
- every single-user server runs the course environment (the ``microcred`` package, nbgrader,
  JupyterLab) as the participant's own Unix account, and finds the course notebooks in
  ``~/microcred-notebooks``.

Settings come from environment variables with the defaults of a single server, so the kit's test
hub can run this very file on loopback with temporary folders.
"""

import os
import pwd
import shutil
import sys

c = get_config()  # noqa: F821  (provided by JupyterHub when it reads this file)

COURSE_ID = os.environ.get("MICROCRED_COURSE_ID", "microcred-coaching")
# The course environment: a Python environment every account can read and run.
COURSE_ENV = os.environ.get("MICROCRED_ENV", "/opt/microcred/venv")
# Where the global nbgrader_config.py and the participant settings are installed.
ETC = os.environ.get("MICROCRED_ETC", "/etc/jupyter")
EXCHANGE_ROOT = os.environ.get("MICROCRED_EXCHANGE_ROOT", "/srv/nbgrader/exchange")
NOTEBOOKS = os.environ.get("MICROCRED_NOTEBOOKS", "/opt/microcred/notebooks")
GRADER = os.environ.get("MICROCRED_GRADER_USER", f"grader-{COURSE_ID}")
FORMGRADER_PORT = int(os.environ.get("MICROCRED_FORMGRADER_PORT", "9999"))

TRAINERS = f"formgrade-{COURSE_ID}"  # nbgrader's naming: formgrade-<course id>
PARTICIPANTS = f"nbgrader-{COURSE_ID}"  # nbgrader's naming: nbgrader-<course id>
PARTICIPANT_ETC = os.path.join(ETC, "microcred-participant")
TRAINER_ETC = os.path.join(ETC, "microcred-trainer")

# ---------------------------------------------------------------------------------------------
# Network. Put a TLS-terminating reverse proxy (nginx, Caddy, TLJH's Traefik) in front, or set
# c.JupyterHub.ssl_cert / ssl_key. configurable-http-proxy (npm) routes /user/<name>/ to servers.
c.JupyterHub.bind_url = os.environ.get("MICROCRED_HUB_URL", "http://127.0.0.1:8000")

# ---------------------------------------------------------------------------------------------
# Logins (logins.py, installed next to this file): MICROCRED_LOGIN=oidc (the organisation's
# identity provider, OpenID Connect), lti13 (launches from Moodle or Canvas) or shared-password
# (the default: a pilot on a private network only; the hub warns at every start). Each maps the
# identity to one name (hub user = Unix account = nbgrader student id) and to the trainer or
# participant group below.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import logins  # noqa: E402  (next to this file)

LOGIN = logins.configure(c, COURSE_ID, os.environ.get("MICROCRED_PUBLIC_URL")
                         or os.environ.get("MICROCRED_HUB_URL", "http://127.0.0.1:8000"))
# With the shared password, only accounts the hub knows may log in: added by an admin, the REST
# API or the groups below. With oidc and lti13 the provider's identity and groups decide.
if LOGIN == "shared-password":
    c.Authenticator.allow_all = False
c.Authenticator.allow_existing_users = True

# The two groups. Add members in the admin page, with the REST API
# (POST /hub/api/groups/<group>/users) or here, e.g. {"users": ["trainer1", "trainer2"]}.
# With oidc and lti13 the login sets each person's group (logins.py); JupyterHub then refuses
# load_groups, and the roles below create the two groups.
if LOGIN == "shared-password":
    c.JupyterHub.load_groups = {
        TRAINERS: {"users": []},
        PARTICIPANTS: {"users": []},
    }

# ---------------------------------------------------------------------------------------------
# Roles: who may reach what.
c.JupyterHub.load_roles = [
    {
        # Trainers open the formgrader service and may find it through the hub API (the course
        # list extension of their own JupyterLab does that).
        "name": "microcred-trainer",
        "groups": [TRAINERS],
        "scopes": [
            f"access:services!service={COURSE_ID}",
            "list:services",
            f"read:services!service={COURSE_ID}",
        ],
    },
    {
        # The token of each single-user server. Besides the defaults it may read its owner's
        # groups (nbgrader's JupyterHubAuthPlugin checks course membership) and list services
        # (the course list); a token never exceeds what its owner may do.
        "name": "server",
        "scopes": [
            "users:activity!user",
            "access:servers!server",
            "read:users:name!user",
            "read:users:groups!user",
            "list:services",
            "read:services",
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Spawner: each user's JupyterLab is a process under their own Unix account on this machine.
# CHANGE THIS when the cohort outgrows one machine: KubeSpawner with Zero to JupyterHub (see the
# deployment guide in the course book). The Unix account must exist before the first start
# (TLJH and PAM setups create them; a real directory service provides them).
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [os.path.join(COURSE_ENV, "bin", "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
# A server that does not answer in time under load is reported, not silently retried.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
# Measured: an idle server about 170 MB, an active one (a kernel using the outcome coach) about
# 350 MB since the lemmatiser's low-memory backend (720 MB before); see the book's deployment
# guide. LocalProcessSpawner does not enforce these; KubeSpawner does.
c.Spawner.mem_guarantee = "512M"
c.Spawner.mem_limit = "1536M"

COMMON_ENV = {
    # JupyterHub passes almost nothing of its own environment on: nbgrader runs alembic and
    # the kernel by name, so the course environment comes first on PATH.
    "PATH": f"{COURSE_ENV}/bin:/usr/local/bin:/usr/bin:/bin",
    "MICROCRED_COURSE_ID": COURSE_ID,
    "MICROCRED_EXCHANGE_ROOT": EXCHANGE_ROOT,
    "LANG": "C.UTF-8",
}
c.Spawner.environment = dict(COMMON_ENV, JUPYTER_CONFIG_PATH=ETC)


def _groups(spawner):
    return {group.name for group in spawner.user.groups}


def _copy_course_notebooks(username):
    """Put the practice notebooks in the user's home on first start (never overwrite)."""
    if not os.path.isdir(NOTEBOOKS):
        return
    account = pwd.getpwnam(username)
    target = os.path.join(account.pw_dir, "microcred-notebooks")
    if os.path.exists(target):
        return
    shutil.copytree(NOTEBOOKS, target, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    for folder, dirs, files in os.walk(target):
        os.chown(folder, account.pw_uid, account.pw_gid)
        for name in files:
            os.chown(os.path.join(folder, name), account.pw_uid, account.pw_gid)


def pre_spawn_hook(spawner):
    """Settings by group: trainers reach the formgrader service from their course list (their
    own server has no formgrader, so nobody grades in a private copy of the course); everyone
    else gets the participant settings (no formgrader, course list or create-assignment). These
    trim the interface; they are not a security boundary (README.md)."""
    role_etc = TRAINER_ETC if TRAINERS in _groups(spawner) else PARTICIPANT_ETC
    # A new dict: the configured one may be shared by all spawners.
    spawner.environment = dict(spawner.environment,
                               JUPYTER_CONFIG_PATH=os.pathsep.join([role_etc, ETC]))
    _copy_course_notebooks(spawner.user.name)


c.Spawner.pre_spawn_hook = pre_spawn_hook

# ---------------------------------------------------------------------------------------------
# The formgrader as a hub-managed service: a JupyterLab server running as the grading account
# in the course folder (~GRADER/course, created by setup-course.sh), reachable at
# /services/<course id>/ by members of the trainer group only. Several trainers share it, so
# there is one gradebook and one copy of the course.
try:
    _grader_home = pwd.getpwnam(GRADER).pw_dir
except KeyError:  # create the account first (README.md); until then the service cannot start
    _grader_home = f"/home/{GRADER}"

c.JupyterHub.services = [
    {
        "name": COURSE_ID,
        "url": f"http://127.0.0.1:{FORMGRADER_PORT}",
        "command": [os.path.join(COURSE_ENV, "bin", "jupyterhub-singleuser")],
        "user": GRADER,
        "cwd": os.path.join(_grader_home, "course"),
        "environment": dict(
            COMMON_ENV,
            JUPYTER_CONFIG_PATH=ETC,
            JUPYTERHUB_DEFAULT_URL="/lab",
        ),
        "oauth_no_confirm": True,
    }
]

# ---------------------------------------------------------------------------------------------
# Housekeeping. The hub's own database holds users, groups and tokens (not grades); SQLite in
# the working folder is fine for one hub. Servers and services stop with the hub.
c.JupyterHub.cleanup_servers = True
# Idle servers hold memory: install jupyterhub-idle-culler and add it as a service (README.md).
