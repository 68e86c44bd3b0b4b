"""The alert strip above the queue: grouped alerts, a list of them, Show, Mute, Dismiss.

The strip is always there and always the same height, calm ("No alerts") or
red: an alert arriving never moves the queue's rows under the dispatcher's
pointer. Alerts of one kind are counted in one phrase ("12 requests past the
assignment deadline") and listed in the strip's menu, where choosing one
selects that request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from console.ui.icons import colour, icon
from console.ui.plain_text import plain_tooltip

__all__ = ["FLASH_TOGGLES", "LIST_LIMIT", "Alert", "AlertBanner", "AlertKind"]

FLASH_TOGGLES = 6
"""How many times the strip swaps shades when an alert arrives."""

LIST_LIMIT = 100
"""Requests listed per kind in the strip's menu (the newest; the count says the rest)."""


class AlertKind(Enum):
    """Why a request alerts, most urgent first."""

    NEW_P1 = "new_p1"
    ARRIVE_BREACH = "arrive_breach"
    ASSIGN_BREACH = "assign_breach"
    TRIAGE_BREACH = "triage_breach"


@dataclass(frozen=True, slots=True)
class Alert:
    """One request that needs the dispatcher's eyes now."""

    kind: AlertKind
    request_id: int
    reference: str


class AlertBanner(QFrame):
    """A fixed-height strip naming the alerts by kind, with a list, Show, Mute and Dismiss."""

    sig_show_requested = Signal(int)
    """Emitted with the request id the dispatcher chose (Show, or a listed request)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.alerts: list[Alert] = []
        """Alerts not yet shown or dismissed, oldest first (one per request and kind)."""
        self._flash_left = 0
        self._bright = True
        self._full_text = ""

        self.mute_action = QAction(self)
        self.mute_action.setObjectName("muteAlertsAction")
        self.mute_action.setCheckable(True)

        self.icon_label = QLabel(self)
        self.text = QLabel(self)
        self.text.setObjectName("alertText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        # A long summary is elided (the list has it all); it never widens the queue.
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.list_menu = QMenu(self)
        self.list_menu.setObjectName("alertList")
        self.list_button = QToolButton(self)
        self.list_button.setObjectName("alertListButton")
        self.list_button.setMenu(self.list_menu)
        self.list_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.list_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("alertShow")
        self.show_button.clicked.connect(self._show_first)
        self.mute_button = QToolButton(self)
        self.mute_button.setDefaultAction(self.mute_action)
        self.dismiss_button = QToolButton(self)
        self.dismiss_button.setObjectName("alertDismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        for widget in (self.icon_label, self.list_button, self.show_button, self.dismiss_button):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)

        layout = self._layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.list_button)
        layout.addWidget(self.show_button)
        layout.addWidget(self.mute_button)
        layout.addWidget(self.dismiss_button)

        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(250)
        self._flash_timer.timeout.connect(self._flash_step)
        self.retranslate_ui()
        self.restyle()

    # -- state ---------------------------------------------------------------------

    @property
    def is_alerting(self) -> bool:
        """True while alerts wait for the dispatcher (the strip is red)."""
        return bool(self.alerts)

    def groups(self) -> dict[AlertKind, list[Alert]]:
        """The waiting alerts by kind, most urgent kind first, newest first within one."""
        grouped: dict[AlertKind, list[Alert]] = {kind: [] for kind in AlertKind}
        for alert in reversed(self.alerts):
            grouped[alert.kind].append(alert)
        return {kind: alerts for kind, alerts in grouped.items() if alerts}

    def push(self, alerts: Iterable[Alert]) -> None:
        """Add ``alerts`` (a request alerts once per kind) and flash."""
        known = {(a.kind, a.request_id) for a in self.alerts}
        fresh = [a for a in alerts if (a.kind, a.request_id) not in known]
        if not fresh:
            return
        self.alerts.extend(fresh)
        self._update()
        self._flash_left = FLASH_TOGGLES
        self._bright = True
        self._flash_timer.start()
        self._paint()

    def dismiss(self) -> None:
        """Forget every alert; the strip goes calm."""
        self.alerts.clear()
        self._flash_timer.stop()
        self._update()

    def forget(self, request_id: int, kinds: Iterable[AlertKind] | None = None) -> None:
        """Drop the alerts of a request (of ``kinds`` only, if given): it was looked at,
        it closed, or what it alerted about was dealt with."""
        if not any(a.request_id == request_id for a in self.alerts):
            return
        dropped = set(AlertKind) if kinds is None else set(kinds)
        kept = [a for a in self.alerts if a.request_id != request_id or a.kind not in dropped]
        if len(kept) != len(self.alerts):
            self.alerts = kept
            self._update()

    def _show_first(self) -> None:
        """Select the newest alert of the most urgent kind."""
        groups = self.groups()
        if not groups:
            return
        self._choose(next(iter(groups.values()))[0].request_id)

    def _choose(self, request_id: int) -> None:
        self.forget(request_id)
        self.sig_show_requested.emit(request_id)

    # -- text ----------------------------------------------------------------------

    def describe(self, alert: Alert) -> str:
        """One line saying what happened to which request."""
        texts = {
            AlertKind.NEW_P1: self.tr("New P1 safety request {reference}"),
            AlertKind.TRIAGE_BREACH: self.tr("{reference}: triage deadline passed"),
            AlertKind.ASSIGN_BREACH: self.tr("{reference}: assignment deadline passed"),
            AlertKind.ARRIVE_BREACH: self.tr("{reference}: arrival deadline passed"),
        }
        return texts[alert.kind].format(reference=alert.reference)

    def describe_group(self, kind: AlertKind, alerts: list[Alert]) -> str:
        """One phrase for every alert of one kind ("12 requests past the assignment deadline")."""
        if len(alerts) == 1:
            return self.describe(alerts[0])
        texts = {
            AlertKind.NEW_P1: self.tr("{count} new P1 safety requests"),
            AlertKind.TRIAGE_BREACH: self.tr("{count} requests past the triage deadline"),
            AlertKind.ASSIGN_BREACH: self.tr("{count} requests past the assignment deadline"),
            AlertKind.ARRIVE_BREACH: self.tr("{count} requests past the arrival deadline"),
        }
        return texts[kind].format(count=len(alerts))

    def summary(self) -> str:
        """Every group's phrase, the most urgent first (the strip's whole text)."""
        groups = self.groups()
        if not groups:
            return self.tr("No alerts")
        return " · ".join(self.describe_group(kind, alerts) for kind, alerts in groups.items())

    def _update(self) -> None:
        alerting = self.is_alerting
        self._full_text = self.summary()
        self.text.setToolTip(plain_tooltip(self._full_text) if alerting else "")
        self._elide()
        self._fill_list()
        for widget in (self.icon_label, self.list_button, self.show_button, self.dismiss_button):
            widget.setVisible(alerting)
        if not alerting:
            self._flash_timer.stop()
            self._bright = True
        self._paint()

    def _elide(self) -> None:
        metrics = self.text.fontMetrics()
        width = max(0, self.text.width())
        self.text.setText(
            metrics.elidedText(self._full_text, Qt.TextElideMode.ElideRight, width)
            if width > 0
            else self._full_text
        )

    def _fill_list(self) -> None:
        menu = self.list_menu
        menu.clear()
        total = len(self.alerts)
        self.list_button.setText(self.tr("List ({count})").format(count=total))
        for kind, alerts in self.groups().items():
            menu.addSection(self.describe_group(kind, alerts) if len(alerts) > 1 else "")
            for alert in alerts[:LIST_LIMIT]:
                action = menu.addAction(self.describe(alert))
                action.setData(alert.request_id)
                action.triggered.connect(
                    lambda _checked=False, rid=alert.request_id: self._choose(rid)
                )
            if len(alerts) > LIST_LIMIT:
                rest = menu.addAction(
                    self.tr("… and {count} more").format(count=len(alerts) - LIST_LIMIT)
                )
                rest.setEnabled(False)

    def listed_requests(self) -> list[int]:
        """The request ids the list offers, in menu order (read by tests)."""
        return [int(a.data()) for a in self.list_menu.actions() if isinstance(a.data(), int)]

    # -- look ----------------------------------------------------------------------

    def _flash_step(self) -> None:
        self._flash_left -= 1
        self._bright = not self._bright if self._flash_left > 0 else True
        if self._flash_left <= 0:
            self._flash_timer.stop()
        self._paint()

    def _paint(self) -> None:
        if not self.is_alerting:
            self.setStyleSheet("QFrame#alertBanner { background: transparent; }")
            return
        base = colour("danger_fill")
        shade = base if self._bright else base.darker(140)
        self.setStyleSheet(
            f"QFrame#alertBanner {{ background: {shade.name()}; border-radius: 4px; }}"
            f" QFrame#alertBanner QLabel {{ color: {colour('on_danger').name()};"
            " font-weight: bold; }"
        )

    def _fix_height(self) -> None:
        # One height for both states: calm or alerting, the queue below stays put.
        tallest = max(
            self.show_button.sizeHint().height(),
            self.list_button.sizeHint().height(),
            self.mute_button.sizeHint().height(),
            self.text.fontMetrics().height(),
        )
        margins = self._layout.contentsMargins()
        self.setFixedHeight(tallest + margins.top() + margins.bottom())

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.mute_action.setText(self.tr("&Mute alerts"))
        self.mute_action.setStatusTip(
            self.tr("Silence the alert sound on this workstation (the banner still shows)")
        )
        self.show_button.setText(self.tr("Show"))
        self.show_button.setToolTip(self.tr("Select the most urgent alerted request"))
        self.list_button.setToolTip(self.tr("List the alerted requests"))
        self.dismiss_button.setToolTip(self.tr("Dismiss all alerts"))
        self._update()
        self._fix_height()

    def restyle(self) -> None:
        """Pick up the icons and colours of a new theme."""
        size = self.text.fontMetrics().height()
        self.icon_label.setPixmap(icon("alert.banner").pixmap(size, size))
        self.mute_action.setIcon(icon("alert.mute"))
        self.dismiss_button.setIcon(icon("alert.dismiss"))
        self._paint()
        self._fix_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Elide the summary to the new width."""
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
