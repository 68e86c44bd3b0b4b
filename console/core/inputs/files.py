"""Bounded reads of regular files.

A path typed by a user may name a device (``/dev/zero`` never ends), a FIFO
(opening it blocks until a writer comes) or a folder. :func:`read_bytes` opens
without blocking, refuses anything but a regular file, and never reads more
than ``limit`` bytes, even when the file grows while it is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from console.core.errors import StorageError, ValidationError
from console.core.validation import printable

DEFAULT_LIMIT = 20_000_000
"""Bytes a configuration, guidance, pricing or import file may hold (20 MB)."""

_CHUNK = 1 << 20


def _megabytes(limit: int) -> str:
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    if limit >= 1_000:
        return f"{limit / 1_000:g} KB"
    return f"{limit} bytes"


def read_bytes(path: Path | str, *, limit: int = DEFAULT_LIMIT) -> bytes:
    """The whole content of the regular file ``path``, at most ``limit`` bytes.

    Raises :class:`ValidationError` ``file.not_regular`` for a device, FIFO or
    socket, ``file.too_large`` past ``limit``, and :class:`StorageError`
    ``file.unreadable`` when the file cannot be opened or read (a folder too).
    """
    shown = printable(str(path))
    # O_NONBLOCK: opening a FIFO without a writer would otherwise wait for ever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise StorageError("file.unreadable", path=shown, detail=exc.strerror or str(exc)) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise StorageError("file.unreadable", path=shown, detail="it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError("file.not_regular", path=shown)
        if info.st_size > limit:
            raise ValidationError("file.too_large", path=shown, limit=_megabytes(limit))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ValidationError("file.too_large", path=shown, limit=_megabytes(limit))
        return b"".join(chunks)
    except OSError as exc:
        raise StorageError("file.unreadable", path=shown, detail=exc.strerror or str(exc)) from None
    finally:
        os.close(descriptor)


def read_text(path: Path | str, *, limit: int = DEFAULT_LIMIT) -> str:
    """:func:`read_bytes` decoded as UTF-8 (a leading byte-order mark is dropped).

    Text that is not UTF-8 raises :class:`ValidationError` ``file.not_text``
    naming the line.
    """
    raw = read_bytes(path, limit=limit).removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ValidationError("file.not_text", path=printable(str(path)), line=line) from None
