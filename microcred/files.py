"""Saving files so that a failure never leaves a half-written or empty file behind.

Every tool that writes a participant's work (the design file, the QA self-assessment, reports,
badges) goes through ``write_text_atomic``: the text goes to a temporary file beside the target,
is flushed to disk, and only then replaces the target in one step. Writers of one folder take
turns (``locked``), so two notebooks that read, change and write the same file at the same moment
never lose each other's change; the temporary files a killed writer left behind are removed by
the next save of the same file.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

try:  # POSIX; elsewhere saves still are atomic, only not serialised between processes
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

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
        with locked(p) as exclusive:
            _remove_stale_temps(p, any_age=exclusive)
            perms = _mode_for(p)
            fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=_TEMP_SUFFIX, dir=folder)
            text_args: dict[str, Any] = ({"encoding": "utf-8", "newline": "\n"} if mode == "w"
                                         else {})
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


STALE_SECONDS = 3600  # without the lock, a temporary file this old belongs to no live writer
_TEMP_SUFFIX = ".tmp"
_guard = threading.RLock()
_held: dict[str, bool] = {}  # folders this process has locked -> whether exclusively


@contextmanager
def locked(path: str | os.PathLike[str]) -> Iterator[bool]:
    """Hold the lock of ``path``'s folder while reading, changing and replacing ``path``.

    Another process (another notebook's kernel) waits until this one has finished, so a
    read-change-write of one cannot interleave with another's. Reentrant within a process.
    Yields True when the lock is held exclusively, False where the system cannot lock (the
    save still goes ahead, atomically).
    """
    folder = os.path.abspath(Path(path).parent if str(Path(path).parent) else ".")
    with _guard:
        if folder in _held:  # this process holds it already (a save within a save)
            yield _held[folder]
            return
        fd = _lock_folder(folder)
        _held[folder] = fd is not None
        try:
            yield _held[folder]
        finally:
            del _held[folder]
            if fd is not None:
                os.close(fd)  # closing releases the lock


def _lock_folder(folder: str) -> int | None:
    """An open descriptor of ``folder`` holding its exclusive lock, or None if none can be had."""
    if fcntl is None:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:
        os.close(fd)
        return None
    return fd


def temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """The temporary files of ``path`` in its folder (``.NAME.*.tmp``), e.g. left by a kill."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    prefix = f".{p.name}."
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / n for n in names if n.startswith(prefix) and n.endswith(_TEMP_SUFFIX)]


def _remove_stale_temps(path: Path, any_age: bool) -> None:
    """Remove the temporary files an interrupted save of ``path`` left behind. Under the lock
    no other writer of the folder is active, so all of them are stale; without it, only old
    ones are."""
    now = time.time()
    for tmp in temp_files(path):
        try:
            if any_age or now - tmp.stat().st_mtime > STALE_SECONDS:
                tmp.unlink()
        except OSError:
            pass
