"""Launch links that open JupyterLab in a language on the very first load: a Jupyter server
extension.

``<base_url>microcred/lab/<lang>/<path>`` writes JupyterLab's language setting for ``lang`` into
the user-settings folder of the running JupyterLab (its LabApp's ``user_settings_dir``) and
redirects to ``<base_url>lab/tree/<path>``; JupyterLab reads the setting when that page loads, so
no reload is needed. The fi/sv book editions' launch buttons and `make start` use it. A link is an
explicit choice: it replaces a language chosen earlier (an ``en`` link sets English). The target is
always under ``base_url`` (``..`` is refused, ``//host`` and ``\\`` are folded into the path); an
unknown language or a refused path gets a short page in en, fi and sv, not a traceback; a settings
file that cannot be read is left alone (``_jupyterlab.follow``) and the link still opens.

It lives in the widget layer, beside ``_jupyterlab`` whose helpers it reuses, because it is the
Jupyter-facing side of the same setting; it is the only module that imports jupyter_server.
Enabled for participants and trainers by ``deploy/jupyterhub/*/jupyter_server_config.json``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import urlencode

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_escape, url_path_join
from tornado import web

from ..i18n import LANGUAGES, t
from ._jupyterlab import LINK, follow

_QUERY_DROPPED = {"token"}  # the login cookie is set by then: no token in the page's address


def lab_path(path: str) -> str | None:
    """``path`` as a quoted path under ``lab/tree/``, empty and ``.`` segments (``//host``,
    a backslash) folded away; None when it would leave that folder (``..``) or holds a control
    character."""
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        return None
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    if ".." in parts:
        return None
    return "/".join(url_escape(part) for part in parts)


def settings_folder(apps: dict[str, Iterable[object]]) -> str | None:
    """The user-settings folder of the running JupyterLab (or of Jupyter Notebook, whose pages
    read the same settings), from the server's extension apps; None when neither runs."""
    for name in ("jupyterlab", "notebook", *sorted(apps)):
        for app in apps.get(name, ()):
            folder = getattr(app, "user_settings_dir", None)
            if isinstance(folder, str) and folder:
                return folder
    return None


class LanguageLink(JupyterHandler):
    """``GET <base_url>microcred/lab/<lang>/<path>``: set JupyterLab's language, open the path."""

    auth_resource = "contents"

    @web.authenticated
    @authorized("write")
    def get(self, lang: str, path: str) -> None:
        target = lab_path(path or "")
        if lang not in LANGUAGES:
            self._refuse(404, "lab_link.unknown-language", target,
                         language=lang, languages=", ".join(LANGUAGES))
            return
        if target is None:
            self._refuse(400, "lab_link.outside", None)
            return
        server = self.serverapp
        folder = settings_folder(dict(server.extension_manager.extension_apps) if server else {})
        if follow(lang, folder=folder) is None:
            self.log.debug("microcred: JupyterLab's language left as it was (%s)", lang)
        self.redirect(self._lab_url(target) + self._query())

    def _lab_url(self, target: str) -> str:
        return url_path_join(self.base_url, "lab", "tree", target) if target else \
            url_path_join(self.base_url, "lab")

    def _query(self) -> str:
        """The link's query (``reset``, say) without the token."""
        kept = [(k, v.decode("utf-8", "replace")) for k, values in
                self.request.query_arguments.items() if k not in _QUERY_DROPPED for v in values]
        return f"?{urlencode(kept)}" if kept else ""

    def _refuse(self, status: int, key: str, target: str | None, **fields: object) -> None:
        """A short page in the three languages (the link's own language is what is wrong)."""
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        lab = html.escape(self._lab_url(target or ""), quote=True)
        body = "".join(
            f'<p lang="{lang}">{html.escape(t(key, lang, **fields))} '
            f'<a href="{lab}">{html.escape(t("lab_link.open-lab", lang))}</a></p>\n'
            for lang in LANGUAGES)
        self.finish(f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                    f"<title>JupyterLab</title></head><body>\n{body}</body></html>\n")


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    """What jupyter_server loads for ``jpserver_extensions: {"microcred.widgets.lab_link": true}``."""
    return [{"module": "microcred.widgets.lab_link"}]


def _load_jupyter_server_extension(serverapp) -> None:
    """Route ``<base_url>microcred/lab/<lang>/<path>`` to ``LanguageLink``."""
    base = serverapp.web_app.settings["base_url"]
    pattern = url_path_join(base, LINK, r"([^/]*)/?(.*)")
    serverapp.web_app.add_handlers(".*$", [(pattern, LanguageLink)])
