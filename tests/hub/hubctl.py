"""A real course hub on loopback, for the hub test and the load benchmark.

``course_hub(n)`` creates real Unix accounts with unique names (a grading account, a trainer and
``n`` participants), prepares the course with ``deploy/jupyterhub/setup-course.sh`` in a
temporary folder, and starts JupyterHub with ``deploy/jupyterhub/jupyterhub_config.py``
(configurable-http-proxy in front, the shared-password "dummy" authenticator, the local process
spawner). Everything the hub started, and the accounts, are removed afterwards, also on failure.

Needs root (useradd) and configurable-http-proxy from npm (installed into ``.venv/node`` when
missing); ``HubUnavailable`` says why not otherwise.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import sysconfig
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import psutil
import requests

from tests.helpers.paths import BIN, REPO

DEPLOY = REPO / "deploy" / "jupyterhub"
COURSE_ID = "microcred-coaching"
ASSIGNMENT = "outcomes"
TRAINERS = f"formgrade-{COURSE_ID}"
PARTICIPANTS = f"nbgrader-{COURSE_ID}"
PROXY_PREFIX = Path(sys.prefix) / "node"
PROXY = PROXY_PREFIX / "node_modules" / ".bin" / "configurable-http-proxy"


class HubUnavailable(Exception):
    """This machine cannot run the real hub (the message says why)."""


# ---------------------------------------------------------------------------------------------
# Preconditions


def why_not_runnable() -> str | None:
    if os.name != "posix" or os.geteuid() != 0:
        return "needs root: the test creates real Unix accounts (useradd) as a hub server has them"
    for tool in ("useradd", "userdel"):
        if shutil.which(tool) is None:
            return f"{tool} is missing"
    if not (BIN / "jupyterhub").exists():
        return "jupyterhub is not installed (make install-test installs requirements-hub.txt)"
    # The hub runs every server as a real account, which imports microcred from the repository
    # and the packages from its venv: both must be in folders other accounts can enter.
    for place in (REPO, Path(sysconfig.get_paths()["purelib"])):
        if not _runnable_by_all(place):
            return (f"{place} is inside a folder other accounts cannot enter (mode 700, as "
                    f"mktemp -d makes), and the hub's real accounts must read it: clone the "
                    f"repository into a folder they can enter (e.g. /tmp/fresh or /srv)")
    return None


def ensure_proxy() -> str:
    """configurable-http-proxy: from .venv/node (make install-test), else installed there now."""
    if PROXY.exists():
        return str(PROXY)
    found = shutil.which("configurable-http-proxy")
    if found:
        return found
    npm = shutil.which("npm")
    if npm is None:
        raise HubUnavailable("configurable-http-proxy is not installed and npm is missing")
    proc = subprocess.run(
        [npm, "install", "--prefix", str(PROXY_PREFIX), "--no-fund", "--no-audit",
         "configurable-http-proxy@5"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    if proc.returncode != 0 or not PROXY.exists():
        raise HubUnavailable(
            f"configurable-http-proxy could not be installed from npm: {proc.stderr[-500:]}"
        )
    return str(PROXY)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# Unix accounts


@dataclass
class Accounts:
    names: list[str] = field(default_factory=list)

    def create(self, name: str) -> None:
        # Home directories private (Debian's default would be 0755: readable by every account).
        proc = subprocess.run(
            ["useradd", "--create-home", "-K", "HOME_MODE=0700", "--shell", "/bin/bash", name],
            capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"useradd {name} failed: {proc.stderr}")
        self.names.append(name)

    def uid(self, name: str) -> int:
        import pwd

        return pwd.getpwnam(name).pw_uid

    def kill_processes(self) -> None:
        """Stop anything still running under these accounts (by process id)."""
        uids = set()
        for name in self.names:
            try:
                uids.add(self.uid(name))
            except KeyError:
                pass
        for _ in range(3):
            left = [p for p in psutil.process_iter(["uids"])
                    if p.info["uids"] and p.info["uids"].real in uids]
            if not left:
                return
            for p in left:
                try:
                    p.kill()
                except psutil.Error:
                    pass
            psutil.wait_procs(left, timeout=5)

    def remove(self) -> list[str]:
        self.kill_processes()
        problems = []
        for name in self.names:
            proc = subprocess.run(["userdel", "--remove", name], capture_output=True, text=True,
                                  check=False)
            if proc.returncode not in (0, 12):  # 12: home or mail spool not found
                problems.append(f"userdel {name}: {proc.stderr.strip()}")
        self.names.clear()
        return problems


def memory_of(uid: int) -> dict[str, float]:
    """RSS and USS (memory that is the process's alone) of all processes of one account, in MiB."""
    rss = uss = 0
    count = 0
    for p in psutil.process_iter(["uids"]):
        if not p.info["uids"] or p.info["uids"].real != uid:
            continue
        try:
            info = p.memory_full_info()
        except psutil.Error:
            continue
        rss += info.rss
        uss += info.uss
        count += 1
    return {"rss_mib": rss / 2**20, "uss_mib": uss / 2**20, "processes": count}


# ---------------------------------------------------------------------------------------------
# The course environment every account runs


def _runnable_by_all(path: Path) -> bool:
    path = Path(os.path.realpath(path))
    for part in [path, *path.parents]:
        if not part.stat().st_mode & stat.S_IXOTH:
            return False
    return True


def _link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _readable_interpreter(base: Path) -> tuple[Path, dict[str, str]]:
    """The running interpreter, linked (or copied) where every account can reach it.

    Only the interpreter and its standard library: the packages come from the venv.
    Returns the interpreter and the environment it needs (its shared libpython).
    """
    home = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    target = base / "python"
    (target / "bin").mkdir(parents=True)
    _link_or_copy(os.path.realpath(sys._base_executable), target / "bin" / version)
    (target / "lib").mkdir()
    for lib in (home / "lib").glob("libpython*.so*"):
        _link_or_copy(lib, target / "lib" / lib.name)
    shutil.copytree(
        home / "lib" / version, target / "lib" / version, copy_function=_link_or_copy,
        ignore=shutil.ignore_patterns("site-packages", "test", "idlelib", "config-*"),
    )
    (target / "lib" / version / "site-packages").mkdir()
    extra = {"LD_LIBRARY_PATH": str(target / "lib")} if list((target / "lib").glob("*.so*")) else {}
    return target / "bin" / version, extra


def course_env(base: Path) -> tuple[Path, dict[str, str]]:
    """A Python environment every account can run, with the packages of the running venv.

    On a server this is /opt/microcred/venv, readable by all. Here the venv may be built on an
    interpreter under a private folder (pyenv under /root, mode 700): then the same interpreter
    is linked into the test's folder, and a thin environment on it reads the venv's
    site-packages and links its share/ and etc/ (JupyterLab extensions, server extension
    settings). Returns the environment and the variables its programs need.
    """
    venv = Path(sys.prefix)
    if _runnable_by_all(Path(sys.executable)):
        return venv, {}
    interpreter, extra = _readable_interpreter(base)
    version = interpreter.name
    env = base / "course-env"
    subprocess.run([str(interpreter), "-m", "venv", "--without-pip", str(env)], check=True,
                   capture_output=True, env={**os.environ, **extra})
    site = env / "lib" / version / "site-packages"
    packages = Path(sysconfig.get_paths()["purelib"])
    (site / "zz_course_env.pth").write_text(
        f"import site; site.addsitedir({str(packages)!r})\n", encoding="utf-8"
    )
    for sub in ("share", "etc"):
        if (venv / sub).exists() and not (env / sub).exists():
            (env / sub).symlink_to(venv / sub)
    # Console scripts (jupyterhub-singleuser, nbgrader, alembic, jupyter...) on this interpreter.
    for script in (venv / "bin").iterdir():
        target = env / "bin" / script.name
        if script.is_symlink() or not script.is_file() or target.exists():
            continue
        try:
            text = script.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        first, _, rest = text.partition("\n")
        if first.startswith(f"#!{venv}/bin/python"):
            target.write_text(f"#!{env}/bin/python\n{rest}", encoding="utf-8")
            target.chmod(0o755)
    return env, extra


# ---------------------------------------------------------------------------------------------
# Talking to a Jupyter server (a user's, or the formgrader service) through the hub's proxy


# What the participant's panel does on a button press, and what it shows afterwards.
PANEL = """
import json
from microcred.widgets.assignments import assignment_panel
panel = assignment_panel(ui={ui!r})
action, target = {action!r}, {target!r}
row = next((a for a in panel.listing.assignments if a.name == target), None) or target
run = {{"fetch": panel.fetch, "submit": panel.submit, "feedback": panel.fetch_feedback,
       "validate": panel.validate}}.get(action)
result = run(row if action != "validate" else target) if run else None
print(json.dumps({{
    "success": result.ok if result else panel.listing.ok,
    "done": result.done if result else "",
    "codes": result.codes if result else panel.listing.codes,
    "messages": [f.message for f in (result or panel.listing).findings],
    "listing": [{{"course_id": a.course_id, "assignment_id": a.name, "status": a.status,
                 "submitted": len(a.submitted), "feedback": [str(p) for p in a.feedback]}}
                for a in panel.listing.assignments]}}))
"""


@dataclass
class Server:
    base_url: str  # ends with "/"
    token: str
    panel_kernel: str | None = None  # the kernel the assignment panel runs in (`panel`)

    def request(self, method: str, path: str, timeout: float = 120, **kw) -> requests.Response:
        headers = {"Authorization": f"token {self.token}", **kw.pop("headers", {})}
        return requests.request(method, self.base_url + path.lstrip("/"), headers=headers,
                                timeout=timeout, allow_redirects=False, **kw)

    def json(self, method: str, path: str, **kw):
        r = self.request(method, path, **kw)
        if not r.ok:
            raise AssertionError(f"{method} {self.base_url}{path}: {r.status_code} {r.text[:2000]}")
        return r.json() if r.content else None

    # The course's assignment panel (notebooks/assignments.ipynb, microcred.widgets.assignments):
    # participants have no nbgrader panel of their own (deploy/jupyterhub/participant/), so the
    # panel runs, as their notebook runs it, in a kernel of their server (as their Unix account),
    # one kernel for all the actions, as the notebook keeps its kernel between button presses
    # (a new kernel for each cost ~1.5 s of CPU).
    def panel(self, action: str = "", target: str = ASSIGNMENT, ui: str = "fi") -> dict:
        """``action`` (fetch, validate, submit, feedback; "" lists) on ``target`` (an assignment,
        or a notebook's path for validate); the result and the list after it, as JSON."""
        if self.panel_kernel is None:
            self.panel_kernel = self.start_kernel()
        code = PANEL.format(action=action, target=target, ui=ui)
        out = self.run(code, kernel_id=self.panel_kernel, timeout=300)
        return json.loads(out.strip().splitlines()[-1])

    def close_panel(self) -> None:
        """Shut the panel's kernel down (the server is idle again)."""
        if self.panel_kernel is not None:
            self.stop_kernel(self.panel_kernel)
            self.panel_kernel = None

    def read_notebook(self, path: str) -> nbformat.NotebookNode:
        model = self.json("GET", f"api/contents/{path}?content=1")
        return nbformat.from_dict(model["content"])

    def write_notebook(self, path: str, nb: nbformat.NotebookNode) -> None:
        self.json("PUT", f"api/contents/{path}",
                  json={"type": "notebook", "format": "json", "content": nb})

    def read_file(self, path: str) -> str:
        return self.json("GET", f"api/contents/{path}?content=1&type=file&format=text")["content"]

    # kernels: run code as the server's own account
    def start_kernel(self) -> str:
        return self.json("POST", "api/kernels", json={"name": "python3"})["id"]

    def stop_kernel(self, kernel_id: str) -> None:
        self.request("DELETE", f"api/kernels/{kernel_id}")

    def run(self, code: str, kernel_id: str | None = None, timeout: float = 120) -> str:
        """Execute code in a kernel of this server; return its stdout (raise on an error)."""
        import websocket

        own = kernel_id is None
        kernel_id = kernel_id or self.start_kernel()
        url = self.base_url.replace("http://", "ws://", 1) + f"api/kernels/{kernel_id}/channels"
        ws = websocket.create_connection(url, header=[f"Authorization: token {self.token}"],
                                         timeout=timeout)
        try:
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test",
                           "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": False,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
            }))
            out, error = [], None
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = msg["msg_type"]
                if kind == "stream" and msg["content"]["name"] == "stdout":
                    out.append(msg["content"]["text"])
                elif kind == "error":
                    error = "\n".join(msg["content"]["traceback"])
                elif kind == "status" and msg["content"]["execution_state"] == "idle":
                    break
            else:
                raise TimeoutError(f"kernel did not finish in {timeout} s")
        finally:
            ws.close()
            if own:
                self.stop_kernel(kernel_id)
        if error:
            raise AssertionError(f"kernel error:\n{error}")
        return "".join(out)


# ---------------------------------------------------------------------------------------------
# The hub


@dataclass
class Hub:
    base: Path
    env: Path
    proxy: str
    grader: str
    env_extra: dict[str, str] = field(default_factory=dict)
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    admin_token: str = field(default_factory=lambda: secrets.token_hex(32))
    port: int = field(default_factory=free_port)
    hub_port: int = field(default_factory=free_port)
    api_port: int = field(default_factory=free_port)
    formgrader_port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None
    log: object = None

    @property
    def exchange(self) -> Path:
        return self.base / "exchange"

    @property
    def inbound(self) -> Path:
        return self.exchange / COURSE_ID / "inbound"

    def settings(self) -> dict[str, str]:
        return {
            "MICROCRED_COURSE_ID": COURSE_ID,
            "MICROCRED_ENV": str(self.env),
            "MICROCRED_ETC": str(self.base / "etc-jupyter"),
            "MICROCRED_EXCHANGE_ROOT": str(self.exchange),
            "MICROCRED_NOTEBOOKS": str(self.base / "notebooks"),
            "MICROCRED_GRADER_USER": self.grader,
            "MICROCRED_FORMGRADER_PORT": str(self.formgrader_port),
            "MICROCRED_HUB_URL": f"http://127.0.0.1:{self.port}",
            "MICROCRED_HUB_PASSWORD": self.password,
        }

    def setup_course(self) -> None:
        proc = subprocess.run(["bash", str(DEPLOY / "setup-course.sh")],
                              env={**os.environ, **self.settings()},
                              capture_output=True, text=True, timeout=120, check=False)
        if proc.returncode != 0:
            raise AssertionError(f"setup-course.sh failed:\n{proc.stdout}\n{proc.stderr}")

    def write_config(self) -> Path:
        """The deployment's config, plus what a test on loopback needs (ports, an admin token)."""
        path = self.base / "jupyterhub_config.py"
        path.write_text(f"""\
c = get_config()  # noqa
load_subconfig({str(DEPLOY / 'jupyterhub_config.py')!r})
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{self.hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{self.api_port}"
c.ConfigurableHTTPProxy.command = [{self.proxy!r}]
c.JupyterHub.db_url = "sqlite:///{self.base}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{self.base}/jupyterhub_cookie_secret"
c.JupyterHub.services.append({{"name": "microcred-test", "api_token": {self.admin_token!r}}})
c.JupyterHub.load_roles.append({{
    "name": "microcred-test",
    "services": ["microcred-test"],
    "scopes": ["admin:users", "admin:groups", "admin:servers", "tokens", "list:services",
               "read:services", "access:servers"],
}})
# What the course environment needs on this machine (see hubctl.course_env).
EXTRA = {self.env_extra!r}
c.Spawner.environment.update(EXTRA)
for service in c.JupyterHub.services:
    if "environment" in service:
        service["environment"].update(EXTRA)
# A participant's server on a port below Linux's ephemeral range (32768-60999), where the kernels
# of tests running beside this one take theirs: once a kernel took the port the hub had chosen
# before the server bound it, and the hub's poll met ZMQ ("Bad status line: ...\\x7f").
_deployment_hook = c.Spawner.pre_spawn_hook
def _port_and_deployment_hook(spawner):
    import random, socket
    while True:
        port = random.randint(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                break
            except OSError:
                continue
    spawner.port = port
    return _deployment_hook(spawner)
c.Spawner.pre_spawn_hook = _port_and_deployment_hook
""", encoding="utf-8")
        return path

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, timeout: float = 120) -> None:
        config = self.write_config()
        self.log = log = open(self.base / "hub.log", "wb")  # noqa: SIM115  (closed in stop)
        env = {**os.environ, **self.settings(),
               "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
        self.proc = subprocess.Popen(
            [str(BIN / "jupyterhub"), "-f", str(config)], cwd=self.base, env=env,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the hub stopped at start:\n{self.log_tail()}")
            try:
                if requests.get(self.url("/hub/api/"), timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise AssertionError(f"the hub did not answer in {timeout} s:\n{self.log_tail()}")

    def log_tail(self, chars: int = 6000) -> str:
        try:
            return (self.base / "hub.log").read_text(errors="replace")[-chars:]
        except OSError:
            return "(no hub log)"

    def stop(self) -> None:
        """Stop the hub (it stops the proxy, the servers and the service), then what is left."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        if self.log is not None:
            self.log.close()
        pid_file = self.base / "jupyterhub-proxy.pid"
        if pid_file.exists():
            try:
                proxy = psutil.Process(int(pid_file.read_text().strip()))
                if "node" in " ".join(proxy.cmdline()):
                    proxy.kill()
            except (ValueError, psutil.Error):
                pass

    # REST API with the admin token (a hub-managed service token with admin scopes)
    def api(self, method: str, path: str, **kw):
        r = requests.request(method, self.url(f"/hub/api{path}"),
                             headers={"Authorization": f"token {self.admin_token}"},
                             timeout=60, **kw)
        if not r.ok:
            raise AssertionError(f"hub API {method} {path}: {r.status_code} {r.text[:1000]}")
        return r.json() if r.content else None

    def add_users(self, names: list[str], group: str) -> None:
        self.api("POST", "/users", json={"usernames": names})
        self.api("POST", f"/groups/{group}/users", json={"users": names})

    def token_for(self, name: str) -> str:
        return self.api("POST", f"/users/{name}/tokens",
                        json={"note": "microcred hub test", "expires_in": 3600})["token"]

    def spawn(self, names: list[str]) -> None:
        """Ask the hub to start these users' servers, all at once (as a cohort logging in)."""
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max(1, min(len(names), 32))) as pool:
            list(pool.map(lambda name: self.api("POST", f"/users/{name}/server"), names))

    def wait_ready(self, names: list[str], timeout: float = 180) -> None:
        pending = set(names)
        deadline = time.monotonic() + timeout
        while pending and time.monotonic() < deadline:
            for name in sorted(pending):
                server = self.api("GET", f"/users/{name}")["servers"].get("", {})
                if server.get("ready"):
                    pending.discard(name)
            if pending:
                time.sleep(1)
        if pending:
            raise AssertionError(f"servers not ready in {timeout} s: {sorted(pending)}\n"
                                 f"{self.log_tail()}")

    def server(self, name: str, token: str) -> Server:
        return Server(self.url(f"/user/{name}/"), token)

    def formgrader(self, token: str) -> Server:
        return Server(self.url(f"/services/{COURSE_ID}/"), token)

    def wait_formgrader(self, token: str, timeout: float = 120) -> Server:
        service = self.formgrader(token)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if service.request("GET", "formgrader/api/status", timeout=10).ok:
                    return service
            except requests.RequestException:
                pass
            time.sleep(1)
        raise AssertionError(f"formgrader service not up in {timeout} s:\n{self.log_tail()}")


@dataclass
class Cohort:
    hub: Hub
    accounts: Accounts
    trainer: str
    participants: list[str]
    tokens: dict[str, str] = field(default_factory=dict)

    def server(self, name: str) -> Server:
        return self.hub.server(name, self.tokens[name])

    def formgrader(self, name: str | None = None) -> Server:
        return self.hub.formgrader(self.tokens[name or self.trainer])


@contextmanager
def course_hub(participants: int = 2) -> Iterator[Cohort]:
    """A running course hub with a trainer and ``participants`` participants (users, groups and
    tokens created through the hub's REST API; servers not started yet)."""
    reason = why_not_runnable()
    if reason:
        raise HubUnavailable(reason)
    proxy = ensure_proxy()
    tag = "mc" + secrets.token_hex(3)
    base = Path(tempfile.mkdtemp(prefix="microcred-hub-", dir="/tmp"))
    base.chmod(0o755)
    accounts = Accounts()
    hub = None
    try:
        grader, trainer = f"{tag}-grader", f"{tag}-trainer"
        people = [f"{tag}-p{i + 1}" for i in range(participants)]
        for name in (grader, trainer, *people):
            accounts.create(name)
        env, env_extra = course_env(base)
        hub = Hub(base=base, env=env, proxy=proxy, grader=grader, env_extra=env_extra)
        hub.setup_course()
        hub.start()
        hub.add_users([trainer], TRAINERS)
        hub.add_users(people, PARTICIPANTS)
        cohort = Cohort(hub, accounts, trainer, people)
        for name in (trainer, *people):
            cohort.tokens[name] = hub.token_for(name)
        yield cohort
    finally:
        if hub is not None:
            hub.stop()
        problems = accounts.remove()
        shutil.rmtree(base, ignore_errors=True)
        if problems:
            print("cleanup:", *problems, sep="\n  ")
