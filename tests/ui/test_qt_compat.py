"""Emitting signals for a whole shift must not wear out the ``True`` singleton."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QStringListModel, Signal

from console.ui.qt_compat import emit_loses_references


class Emitter(QObject):
    """A custom signal, as every panel has."""

    sig_value = Signal(object)


def test_emitting_keeps_the_bool_singletons_alive() -> None:
    emitter = Emitter()
    model = QStringListModel(["a", "b"])
    before = sys.getrefcount(True), sys.getrefcount(False)
    for n in range(5000):
        emitter.sig_value.emit(n)
        model.dataChanged.emit(model.index(0, 0), model.index(1, 0))
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
    assert not emit_loses_references()
