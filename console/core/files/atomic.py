"""Write a file whole or not at all: a 0600 temporary file beside it, fsync, rename.

A full disk, a killed process or a failing writer leaves the target as it was
(absent or the previous version) and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from console.core.files.private import FILE_MODE

__all__ = ["atomic_path", "write_bytes", "write_text"]


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename still happened
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes ``target``.

    The temporary file exists (empty, mode 0600) when the block starts, in the
    target's folder so the rename is atomic. On any exception it is removed and
    the exception propagates; ``target`` is untouched.
    """
    target = Path(target)
    folder = target.parent
    descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=folder)
    os.close(descriptor)
    temporary = Path(name)
    try:
        if os.name == "posix":
            temporary.chmod(FILE_MODE)
        yield temporary
        # Writers such as QPdfWriter may have replaced the file: keep it private.
        if os.name == "posix":
            temporary.chmod(FILE_MODE)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(folder)


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically with mode 0600."""
    with atomic_path(target) as temporary, temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()


def write_text(target: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``target`` atomically with mode 0600 (no newline translation)."""
    write_bytes(target, text.encode(encoding))
