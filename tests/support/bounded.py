"""Run a piece of code in a child process that cannot hang or exhaust the machine.

A test of a hostile input must fail, not freeze the suite or swap the machine, when
the code under test is unguarded: the child gets a wall-clock timeout and a cap on
its address space, and the test sees how long it took and what it printed.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY_CAP = 3 * 1024**3
"""Bytes of address space the child may map (Qt-free Python with numpy needs well under 1 GB)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a bounded child ended."""

    returncode: int | None
    """``None`` when the child was killed at the timeout."""
    stdout: str
    stderr: str
    seconds: float


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_bounded(argv: list[str], *, timeout: float) -> Outcome:
    """``python argv...`` from the checkout's root, killed after ``timeout`` seconds."""
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, *argv], capture_output=True, text=True, timeout=timeout,
            check=False, cwd=ROOT, preexec_fn=_cap_memory,
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        return Outcome(None, _text(exc.stdout), _text(exc.stderr), time.monotonic() - started)
    return Outcome(done.returncode, done.stdout, done.stderr, time.monotonic() - started)


def _text(raw: bytes | str | None) -> str:
    if isinstance(raw, bytes):
        return raw.decode("utf-8", "replace")
    return raw or ""
