"""Saving files so that a failure never leaves a half-written or empty file behind.

Every tool that writes a participant's work (the design file, the QA self-assessment, reports,
badges) goes through ``write_text_atomic``: the text goes to a temporary file beside the target,
is flushed to disk, and only then replaces the target in one step.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import UserError
from .i18n import t


def write_text_atomic(path: str | os.PathLike[str], text: str, lang: str = "en") -> Path:
    """Write ``text`` to ``path`` atomically. On any failure the earlier file (or its absence) is
    left as it was, the temporary file is removed, and a UserError says why."""
    return _replace(path, lang, lambda fh: _write(fh, text), "w")


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, lang: str = "en") -> Path:
    """Write ``data`` (a PNG chart, say) to ``path`` atomically, as `write_text_atomic` does."""
    return _replace(path, lang, lambda fh: fh.write(data), "wb")


def _replace(path: str | os.PathLike[str], lang: str, fill: Callable[[Any], object], mode: str) -> Path:
    """Fill a temporary file beside ``path`` with ``fill``, flush it to disk, then put it in
    place in one step; on failure remove it and raise a UserError that says why."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    tmp: str | None = None
    try:
        perms = _mode_for(p)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
        text_args: dict[str, Any] = {"encoding": "utf-8", "newline": "\n"} if mode == "w" else {}
        with os.fdopen(fd, mode, **text_args) as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, perms)  # mkstemp makes 0600; give the file its usual permissions
        os.replace(tmp, p)
        tmp = None
        _fsync_folder(folder)
    except (OSError, ValueError) as exc:  # ValueError: text that cannot be encoded
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UserError(t("common.save-failed", lang, path=str(p), problem=reason)) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return p


def _write(fh: io.TextIOBase, text: str) -> None:
    """Write the text (a separate function so that tests can make it fail half-way)."""
    fh.write(text)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, else the default for a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
