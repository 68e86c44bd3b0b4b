"""The Qt user interface: windows, models, views and dialogs (no SQL, no business rules)."""

from console.ui.qt_compat import repair_signal_emit

# Before any widget emits a signal: see console.ui.qt_compat.
repair_signal_emit()
