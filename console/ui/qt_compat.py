"""Work-arounds for defects of the Qt binding, applied once when ``console.ui`` loads.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without taking a
reference to it. Every ``.emit()`` from Python therefore lowers the reference
count of the ``True`` singleton by one; on CPython before 3.12 (where ``True``
is not immortal) a console that runs for hours - ticking models every second -
eventually frees ``True`` and the interpreter aborts ("bool_dealloc").

:func:`repair_signal_emit` measures whether the installed binding has the
defect and, only then, wraps ``emit`` to give back the missing reference. With
a fixed binding (or CPython 3.12+) it changes nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

__all__ = ["emit_loses_references", "repair_signal_emit"]

logger = logging.getLogger(__name__)

_PROBES = 8


class _Probe(QObject):
    sig_probe = Signal()


def _incref(obj: object) -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def emit_loses_references() -> bool:
    """True when ``emit()`` drops a reference to the bool it returns."""
    if sys.implementation.name != "cpython":
        return False
    probe = _Probe()
    before = sys.getrefcount(True) + sys.getrefcount(False)
    for _ in range(_PROBES):
        probe.sig_probe.emit()
    lost = before - (sys.getrefcount(True) + sys.getrefcount(False))
    # Give back what the probe itself took.
    for _ in range(max(0, lost)):
        _incref(True)
    return lost >= _PROBES


def repair_signal_emit() -> bool:
    """Wrap ``SignalInstance.emit`` if the binding loses references; True if it did."""
    original: Callable[..., Any] = SignalInstance.emit
    if getattr(original, "_console_repaired", False) or not emit_loses_references():
        return False

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            _incref(result)
        return result

    emit._console_repaired = True  # type: ignore[attr-defined]
    emit.__doc__ = original.__doc__
    SignalInstance.emit = emit  # type: ignore[method-assign]
    logger.info("PySide6 SignalInstance.emit loses references to bool; repaired")
    return True
