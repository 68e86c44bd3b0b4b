"""Folders 0700 and files 0600: what the console writes is readable only by its owner.

Modes are POSIX; on Windows (``os.name == "nt"``) these functions create what
is asked and change no permissions, the user profile's ACLs protect the files.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "create_private_file",
    "private_folder",
    "tighten",
    "tighten_all",
]

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_POSIX = os.name == "posix"


def private_folder(path: Path, *, own: bool = True) -> Path:
    """Create ``path`` (and missing parents) as 0700 folders; return it.

    With ``own`` the folder is the console's own (data, logs, settings, cache)
    and an existing one with looser modes is tightened too. Without it only the
    folders this call creates get 0700: a folder the user chose for a database
    or an export keeps the modes the user gave it.
    """
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if _POSIX:
        # mkdir's mode is filtered by the umask and parents= ignores it for parents.
        for folder in missing:
            folder.chmod(FOLDER_MODE)
        if own:
            tighten(path)
    return path


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty with mode 0600 unless it exists; True when created."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(descriptor)
    if _POSIX:
        path.chmod(FILE_MODE)  # the umask may have taken more away, never less
    return True


def tighten(path: Path) -> str | None:
    """Take group and other permissions away from ``path``; say what changed.

    Returns ``"console.db 0644 -> 0600"`` when the mode was looser, ``None``
    when it was already private, missing, or not on POSIX. A symbolic link is
    left alone (its target may not be ours).
    """
    if not _POSIX:
        return None
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return None
    current = stat.S_IMODE(info.st_mode)
    if not current & 0o077:
        return None
    wanted = current & 0o700
    Path(path).chmod(wanted)
    return f"{path} {current:04o} -> {wanted:04o}"


def tighten_all(paths: Iterable[Path]) -> list[str]:
    """:func:`tighten` each path; the list of changes made."""
    return [change for change in (tighten(path) for path in paths) if change is not None]
