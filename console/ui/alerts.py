"""Alerts for what must not be missed: a new P1 request, a service level breached.

:class:`AlertDetector` is plain Python (no Qt): fed the rows of every sync and
the clock, it says which requests *newly* became P1 or crossed a deadline.
Rows already there when the console starts are taken as known, so a restart
does not replay old alerts; each request alerts at most once per kind.

:class:`AlertMonitor` wires the detector to the window: a red banner above the
queue (with "Show" to select the request), the taskbar attention request and
a short generated tone (:class:`TonePlayer`). "Mute alerts" silences the tone
only, and is remembered per workstation in the settings.
"""

from __future__ import annotations

import heapq
import io
import logging
import math
import struct
import tempfile
import wave
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolButton,
    QWidget,
)

from console.core.records import RequestRow
from console.core.vocab import Priority, RequestStatus
from console.ui.icons import colour, icon

__all__ = [
    "MUTE_KEY",
    "Alert",
    "AlertBanner",
    "AlertDetector",
    "AlertKind",
    "AlertMonitor",
    "SoundPlayer",
    "TonePlayer",
    "breach_deadline",
    "tone_wav",
]

logger = logging.getLogger(__name__)

MUTE_KEY = "alerts/muted"
"""Settings key: True when this workstation's alert sound is off."""

FLASH_TOGGLES = 6
"""How many times the banner swaps shades when an alert arrives."""


class AlertKind(Enum):
    """Why a request alerts."""

    NEW_P1 = "new_p1"
    ASSIGN_BREACH = "assign_breach"
    ARRIVE_BREACH = "arrive_breach"


@dataclass(frozen=True, slots=True)
class Alert:
    """One request that needs the dispatcher's eyes now."""

    kind: AlertKind
    request_id: int
    reference: str


def breach_deadline(row: RequestRow) -> tuple[AlertKind, datetime] | None:
    """The deadline that can be breached in the row's status, and its kind.

    The same rule as the queue's SLA column: assignment while queued, arrival
    while a crew is on the way.
    """
    if row.status is RequestStatus.QUEUED and row.assign_due_at is not None:
        return AlertKind.ASSIGN_BREACH, row.assign_due_at
    if row.status in (RequestStatus.ASSIGNED, RequestStatus.EN_ROUTE) and row.arrive_due_at:
        return AlertKind.ARRIVE_BREACH, row.arrive_due_at
    return None


class AlertDetector:
    """Decides which requests newly alert, from synced rows and the clock (no Qt)."""

    def __init__(self) -> None:
        self._primed = False
        self._rows: dict[int, RequestRow] = {}
        self._p1_seen: set[int] = set()
        self._breached: set[tuple[int, AlertKind]] = set()
        # Deadlines still ahead, soonest first; stale entries are skipped when popped.
        self._pending: list[tuple[datetime, int, str]] = []

    @property
    def primed(self) -> bool:
        """True once the start-up rows were taken (later rows may alert)."""
        return self._primed

    def acknowledge(self, request_id: int) -> None:
        """Never alert ``request_id`` as a new P1 (this console just created it)."""
        self._p1_seen.add(request_id)

    def take(
        self, rows: Iterable[RequestRow], now: datetime, *, snapshot: bool = False
    ) -> list[Alert]:
        """Take changed rows (all open rows if ``snapshot``); return the new alerts.

        The first call only learns what is there: nothing it holds alerts.
        """
        batch = list(rows)
        if snapshot:
            fresh = {row.id for row in batch}
            for gone in [key for key in self._rows if key not in fresh]:
                del self._rows[gone]
        alerts: list[Alert] = []
        breaches: list[Alert] = []
        for row in batch:
            if not row.is_open:
                self._rows.pop(row.id, None)
                continue
            self._rows[row.id] = row
            if row.priority is Priority.P1 and row.id not in self._p1_seen:
                self._p1_seen.add(row.id)
                if self._primed:
                    alerts.append(Alert(AlertKind.NEW_P1, row.id, row.reference))
            breach = self._check_breach(row, now)
            if breach is not None:
                breaches.append(breach)
        self._primed = True
        return alerts + breaches

    def tick(self, now: datetime) -> list[Alert]:
        """Requests whose deadline passed since the last call."""
        alerts: list[Alert] = []
        while self._pending and self._pending[0][0] < now:
            _due, request_id, _kind = heapq.heappop(self._pending)
            row = self._rows.get(request_id)
            if row is not None:
                breach = self._check_breach(row, now)
                if breach is not None:
                    alerts.append(breach)
        return alerts

    def _check_breach(self, row: RequestRow, now: datetime) -> Alert | None:
        deadline = breach_deadline(row)
        if deadline is None:
            return None
        kind, due = deadline
        key = (row.id, kind)
        if key in self._breached:
            return None
        if due >= now:
            heapq.heappush(self._pending, (due, row.id, kind.value))
            return None
        self._breached.add(key)
        # Deadlines already passed at start-up are known, not news.
        return Alert(kind, row.id, row.reference) if self._primed else None


# -- sound -------------------------------------------------------------------------


class SoundPlayer(Protocol):
    """Something that makes the alert sound."""

    def play(self) -> None:
        """Make the sound once (without blocking)."""
        ...


def tone_wav(
    frequencies: tuple[float, ...] = (988.0, 1319.0),
    note_ms: int = 140,
    gap_ms: int = 40,
    rate: int = 22050,
    volume: float = 0.45,
) -> bytes:
    """A short mono 16-bit WAV chime: ``frequencies`` played one after another.

    Each note fades in and out over a few milliseconds so it does not click.
    """
    samples: list[int] = []
    fade = max(1, rate * 5 // 1000)
    per_note = rate * note_ms // 1000
    for frequency in frequencies:
        for n in range(per_note):
            envelope = min(1.0, n / fade, (per_note - n) / fade)
            value = volume * envelope * math.sin(2 * math.pi * frequency * n / rate)
            samples.append(int(value * 32767))
        samples.extend([0] * (rate * gap_ms // 1000))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return buffer.getvalue()


class TonePlayer:
    """Plays :func:`tone_wav` through QtMultimedia, or beeps where that is missing.

    QtMultimedia is loaded on the first alert only: it needs the system's audio
    libraries, and a console without them must still start (and beep).
    """

    def __init__(self) -> None:
        self._effect: QObject | None = None
        self._tried = False

    def play(self) -> None:
        """Play the chime once."""
        if not self._tried:
            self._tried = True
            self._effect = self._load()
        effect = self._effect
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
        else:
            QApplication.beep()

    @staticmethod
    def _load() -> QObject | None:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except (ImportError, OSError):  # missing audio libraries (e.g. libpulse)
            logger.info("QtMultimedia unavailable; alerts will beep")
            return None
        try:
            path = Path(tempfile.gettempdir()) / "roadside-console-alert.wav"
            path.write_bytes(tone_wav())
        except OSError:
            logger.warning("could not write the alert sound; alerts will beep", exc_info=True)
            return None
        effect = QSoundEffect()
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(0.8)
        return effect


# -- banner ------------------------------------------------------------------------


class AlertBanner(QFrame):
    """A red bar naming the newest alert, with Show, Mute and Dismiss."""

    sig_show_requested = Signal(int)
    """Emitted with the request id when the dispatcher presses Show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.alerts: list[Alert] = []
        """Alerts not yet shown or dismissed, newest last (read by tests)."""
        self._flash_left = 0
        self._bright = True

        self.mute_action = QAction(self)
        self.mute_action.setObjectName("muteAlertsAction")
        self.mute_action.setCheckable(True)

        self.icon_label = QLabel(self)
        self.text = QLabel(self)
        self.text.setObjectName("alertText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("alertShow")
        self.show_button.clicked.connect(self._show_newest)
        self.mute_button = QToolButton(self)
        self.mute_button.setDefaultAction(self.mute_action)
        self.dismiss_button = QToolButton(self)
        self.dismiss_button.setObjectName("alertDismiss")
        self.dismiss_button.clicked.connect(self.dismiss)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.mute_button)
        layout.addWidget(self.dismiss_button)

        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(250)
        self._flash_timer.timeout.connect(self._flash_step)
        self.setVisible(False)
        self.retranslate_ui()
        self.restyle()

    def push(self, alerts: Iterable[Alert]) -> None:
        """Show ``alerts`` (the newest named) and flash."""
        self.alerts.extend(alerts)
        if not self.alerts:
            return
        self._update_text()
        self.setVisible(True)
        self._flash_left = FLASH_TOGGLES
        self._bright = True
        self._flash_timer.start()
        self._paint()

    def dismiss(self) -> None:
        """Forget every alert and hide."""
        self.alerts.clear()
        self._flash_timer.stop()
        self.setVisible(False)

    def _show_newest(self) -> None:
        if not self.alerts:
            self.dismiss()
            return
        alert = self.alerts.pop()
        if self.alerts:
            self._update_text()
        else:
            self.dismiss()
        self.sig_show_requested.emit(alert.request_id)

    def describe(self, alert: Alert) -> str:
        """One line saying what happened to which request."""
        texts = {
            AlertKind.NEW_P1: self.tr("New P1 safety request {reference}"),
            AlertKind.ASSIGN_BREACH: self.tr("{reference}: assignment deadline passed"),
            AlertKind.ARRIVE_BREACH: self.tr("{reference}: arrival deadline passed"),
        }
        return texts[alert.kind].format(reference=alert.reference)

    def _update_text(self) -> None:
        if not self.alerts:
            self.text.clear()
            return
        text = self.describe(self.alerts[-1])
        more = len(self.alerts) - 1
        if more:
            text += "  " + self.tr("(+{count} more)").format(count=more)
        self.text.setText(text)

    def _flash_step(self) -> None:
        self._flash_left -= 1
        self._bright = not self._bright if self._flash_left > 0 else True
        if self._flash_left <= 0:
            self._flash_timer.stop()
        self._paint()

    def _paint(self) -> None:
        base = colour("danger_fill")
        shade = base if self._bright else base.darker(140)
        self.setStyleSheet(
            f"QFrame#alertBanner {{ background: {shade.name()}; border-radius: 4px; }}"
            f" QFrame#alertBanner QLabel {{ color: {colour('on_danger').name()};"
            " font-weight: bold; }"
        )

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.mute_action.setText(self.tr("&Mute alerts"))
        self.mute_action.setStatusTip(
            self.tr("Silence the alert sound on this workstation (the banner still shows)")
        )
        self.show_button.setText(self.tr("Show"))
        self.show_button.setToolTip(self.tr("Select this request"))
        self.dismiss_button.setToolTip(self.tr("Dismiss all alerts"))
        self._update_text()

    def restyle(self) -> None:
        """Pick up the icons and colours of a new theme."""
        size = self.text.fontMetrics().height()
        self.icon_label.setPixmap(icon("alert.banner").pixmap(size, size))
        self.mute_action.setIcon(icon("alert.mute"))
        self.dismiss_button.setIcon(icon("alert.dismiss"))
        self._paint()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# -- monitor -----------------------------------------------------------------------


class AlertMonitor(QObject):
    """Feeds the detector from the window's syncs and ticks, and raises the alarm."""

    sig_alert = Signal(object)
    """Emitted with each new :class:`Alert`."""

    sig_show_requested = Signal(int)
    """Emitted with the request id the dispatcher wants to see (banner's Show)."""

    def __init__(
        self,
        window: QMainWindow,
        clock: Callable[[], datetime],
        settings: QSettings,
        player: SoundPlayer | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._clock = clock
        self._settings = settings
        self.detector = AlertDetector()
        self.player: SoundPlayer = player if player is not None else TonePlayer()
        """What makes the sound; tests replace it."""
        self.banner = AlertBanner(window)
        self.mute_action = self.banner.mute_action
        self.mute_action.setChecked(_as_bool(settings.value(MUTE_KEY, False)))
        self.mute_action.toggled.connect(self._save_muted)
        self.banner.sig_show_requested.connect(self.sig_show_requested)

    @property
    def muted(self) -> bool:
        """True when alerts make no sound."""
        return self.mute_action.isChecked()

    def set_muted(self, muted: bool) -> None:
        """Silence (or restore) the alert sound and remember it."""
        self.mute_action.setChecked(muted)

    def _save_muted(self, muted: bool) -> None:
        self._settings.setValue(MUTE_KEY, muted)

    def acknowledge(self, request_id: int) -> None:
        """This console created ``request_id``: no new-P1 alert for it."""
        self.detector.acknowledge(request_id)

    def take_batch(self, batch: object) -> None:
        """Take a :class:`~console.ui.live_sync.SyncBatch` from the window."""
        rows = getattr(batch, "requests", ())
        snapshot = bool(getattr(batch, "snapshot", False))
        self._raise(self.detector.take(rows, self._clock(), snapshot=snapshot))

    def tick(self) -> None:
        """Check for deadlines passed (the window calls this every second)."""
        self._raise(self.detector.tick(self._clock()))

    def _raise(self, alerts: list[Alert]) -> None:
        if not alerts:
            return
        self._reveal_banner()
        self.banner.push(alerts)
        for alert in alerts:
            self.sig_alert.emit(alert)
        if not self.muted:
            try:
                self.player.play()
            except Exception:  # a broken sound device must not stop the alert
                logger.warning("alert sound failed", exc_info=True)
        # Flashes the taskbar entry until the window is activated.
        QApplication.alert(self._window, 0)

    def _reveal_banner(self) -> None:
        """Bring back the dock holding the banner if the dispatcher closed it."""
        parent = self.banner.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None and not parent.isVisible():
            parent.show()
            parent.raise_()


def _as_bool(value: object) -> bool:
    # QSettings' INI format reads booleans back as the strings "true"/"false".
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)
