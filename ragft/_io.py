"""Atomic file output: a file is either written whole or not at all.

Every failure is a one-line :class:`~ragft.errors.OutputPathError` naming the path the caller
gave (or the file in its way) and what to do, or an :class:`~ragft.errors.OutputExistsError`;
no message names the temporary file, an errno or an exception class.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .errors import NotAFolderError, OutputExistsError, OutputPathError


def _umask() -> int:
    mask = os.umask(0)  # the only portable way to read it is to set it and put it back
    os.umask(mask)
    return mask


def _folder_of(path: Path) -> Path | None:
    """The nearest ancestor that exists, if it is not a folder (``a.txt/x.md``)."""
    for parent in path.parents:
        if parent.exists():
            return None if parent.is_dir() else parent
    return None


def check_target(path: str | Path, *, force: bool = False, example: str = "") -> Path:
    """Raise if ``path`` cannot be an output file, before any work is done.

    ``example`` is a file name to suggest when ``path`` is a folder (``decision.md``).

    Raises:
        OutputPathError: ``path`` is a folder.
        NotAFolderError: ``path`` sits under a file.
        OutputExistsError: ``path`` exists and ``force`` is false.
    """
    path = Path(path)
    if path.is_dir():
        hint = f", e.g. {path / example}" if example else ""
        raise OutputPathError(str(path), f"is a folder; give a file name{hint}")
    blocker = _folder_of(path)
    if blocker is not None:
        raise NotAFolderError(str(blocker), str(path))
    if path.exists() and not force:
        raise OutputExistsError(str(path))
    return path


def _unwritable(path: Path, exc: OSError) -> OutputPathError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        problem = "cannot be written here (permission denied); choose a folder you can write to"
    elif exc.errno == errno.ENOSPC:
        problem = "cannot be written: the disk is full"
    else:
        problem = "cannot be written here; choose a file in a folder you can write to"
    return OutputPathError(str(path), problem)


def write_atomic(path: str | Path, data: str | bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    A crash or an error leaves no partial file behind. Without ``force`` an existing file is
    never replaced. Missing parent folders are made.

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false.
        OutputPathError: ``path`` is a folder or cannot be written (permission, a file in the
            way, a read-only or pseudo file system).
    """
    path = check_target(path, force=force)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _unwritable(path, exc) from None
    try:
        # mkstemp makes the file private (0600); give it the mode an ordinary open() would, so a
        # web server or a colleague can read an exported site or a record.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        check_target(path, force=force)  # appeared while we wrote: still never overwrite
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _unwritable(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
