"""The Python object the map page talks to over the QWebChannel."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

__all__ = ["MapBridge"]


class MapBridge(QObject):
    """Turns page events (ready, clicks, picks) into Qt signals.

    Coordinates arrive in the tiles' datum; the view converts them back to WGS-84.
    """

    sig_ready = Signal()
    sig_request_clicked = Signal(int)
    sig_crew_clicked = Signal(int)
    sig_intake_at = Signal(float, float)
    sig_location_picked = Signal(float, float)

    @Slot()
    def pageReady(self) -> None:
        """The page has built its layers and connected the channel."""
        self.sig_ready.emit()

    @Slot(int)
    def requestClicked(self, request_id: int) -> None:
        """A request marker was clicked."""
        self.sig_request_clicked.emit(request_id)

    @Slot(int)
    def crewClicked(self, crew_id: int) -> None:
        """A crew marker was clicked."""
        self.sig_crew_clicked.emit(crew_id)

    @Slot(float, float)
    def intakeAt(self, lat: float, lon: float) -> None:
        """The user chose "new call here" from the map's context menu."""
        self.sig_intake_at.emit(lat, lon)

    @Slot(float, float)
    def locationPicked(self, lat: float, lon: float) -> None:
        """The user clicked the map while it was picking a location for the intake."""
        self.sig_location_picked.emit(lat, lon)
