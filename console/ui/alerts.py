"""Alerts for what must not be missed: a new P1 request, a service level breached.

:class:`AlertDetector` is plain Python (no Qt): fed the rows of every sync and
the clock, it says which requests *newly* became P1 or crossed a deadline
(triage, assignment, arrival: the targets of ``[sla]``). Rows already there
when the console starts are taken as known, so a restart does not replay old
alerts; each request alerts at most once per kind.

:class:`AlertMonitor` wires the detector to the window: the alert strip above
the queue (:class:`~console.ui.alert_banner.AlertBanner`, alerts grouped by
kind with a list), the taskbar attention request and a short generated tone
(:class:`TonePlayer`). The tone sounds at most once per :data:`CHIME_INTERVAL`
for each kind, so a burst of breaches is one chime, not a siren. "Mute alerts"
silences the tone only, and is remembered per workstation in the settings.
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
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, QUrl, Signal
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

from console.core.files import write_bytes
from console.core.records import RequestRow
from console.core.sla import DeadlineKind, SlaTargets
from console.core.vocab import Priority
from console.ui.alert_banner import Alert, AlertBanner, AlertKind

__all__ = [
    "CHIME_INTERVAL",
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

CHIME_INTERVAL = timedelta(seconds=30)
"""The least time between two chimes for alerts of one kind (a new P1 has its own)."""


_BREACH_KINDS = {
    DeadlineKind.TRIAGE: AlertKind.TRIAGE_BREACH,
    DeadlineKind.ASSIGN: AlertKind.ASSIGN_BREACH,
    DeadlineKind.ARRIVE: AlertKind.ARRIVE_BREACH,
}


def breach_deadline(
    row: RequestRow, targets: SlaTargets | None = None
) -> tuple[AlertKind, datetime] | None:
    """The deadline that can be breached in the row's status, and its kind.

    The same rule as the queue's SLA column: triage while on the phone,
    assignment while queued, arrival while a crew is on the way.
    """
    deadline = (targets or SlaTargets()).deadline(row)
    if deadline is None:
        return None
    return _BREACH_KINDS[deadline.kind], deadline.due


class AlertDetector:
    """Decides which requests newly alert, from synced rows and the clock (no Qt)."""

    def __init__(self, targets: SlaTargets | None = None) -> None:
        self._targets = targets or SlaTargets()
        self._primed = False
        self._rows: dict[int, RequestRow] = {}
        self._p1_seen: set[int] = set()
        self._breached: set[tuple[int, AlertKind]] = set()
        # Deadlines still ahead, soonest first; stale entries are skipped when popped.
        self._pending: list[tuple[datetime, int, str]] = []

    @property
    def targets(self) -> SlaTargets:
        """The service-level targets deadlines are taken from."""
        return self._targets

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
        deadline = breach_deadline(row, self._targets)
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
            write_bytes(path, tone_wav())  # 0600, and never through a link planted there
        except OSError:
            logger.warning("could not write the alert sound; alerts will beep", exc_info=True)
            return None
        effect = QSoundEffect()
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(0.8)
        return effect


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
        *,
        targets: SlaTargets | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._clock = clock
        self._settings = settings
        self._last_chime: dict[AlertKind, datetime] = {}
        self.detector = AlertDetector(targets)
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
        rows = list(getattr(batch, "requests", ()))
        snapshot = bool(getattr(batch, "snapshot", False))
        for row in rows:
            if isinstance(row, RequestRow):
                self._settle(row)
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
        if self._chime_due({alert.kind for alert in alerts}) and not self.muted:
            try:
                self.player.play()
            except Exception:  # a broken sound device must not stop the alert
                logger.warning("alert sound failed", exc_info=True)
        # Flashes the taskbar entry until the window is activated.
        QApplication.alert(self._window, 0)

    def _settle(self, row: RequestRow) -> None:
        """Drop the banner's breach alerts that ``row`` no longer has (assigned, arrived, closed)."""
        if not row.is_open:
            self.banner.forget(row.id)
            return
        current = breach_deadline(row, self.detector.targets)
        stale = [
            kind for kind in _BREACH_KINDS.values() if current is None or kind is not current[0]
        ]
        self.banner.forget(row.id, stale)

    def _chime_due(self, kinds: set[AlertKind]) -> bool:
        """Whether any of ``kinds`` has been quiet for :data:`CHIME_INTERVAL` (and note it)."""
        now = self._clock()
        due = [
            kind
            for kind in kinds
            if (last := self._last_chime.get(kind)) is None or now - last >= CHIME_INTERVAL
        ]
        for kind in due:
            self._last_chime[kind] = now
        return bool(due)

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
