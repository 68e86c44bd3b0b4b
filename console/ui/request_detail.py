"""The request detail panel: everything about one request and the moves it allows.

The panel shows the request the window says is selected and refreshes when the
window broadcasts changed rows. Its actions go through ``backend.move``; a
refusal (someone else moved the request first, a reason is missing) is shown
as a translated message in the panel, and the panel reloads the request.

Only the actions that fit the job are offered (:func:`console.core.guards.
available_actions`: the lifecycle allows them and the service fits, so a jump
start is never "towed"). "On scene" asks first when the crew's last fix is
more than a kilometre away; "Complete" asks exactly once (the bill dialog of
a quoted job is that question).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import DomainError
from console.core.guards import (
    ACTION_MOVES,
    Action,
    SceneCheck,
    available_actions,
    check_on_scene,
    projected_overrun,
)
from console.core.ports import PricingDesk, RequestCommands
from console.core.pricing import ActualFacts, ChargeRecord
from console.core.records import CrewRow, RequestRow
from console.core.vocab import Priority, RequestStatus
from console.ui.i18n import current_language
from console.ui.icons import colour, icon
from console.ui.labels import QT_TRANSLATE_NOOP, error_text, field_label, label
from console.ui.plain_text import make_plain, plain_tooltip
from console.ui.pricing_panel import PricingSection, ask_completion
from console.ui.triage_text import reason_text

__all__ = [
    "CANCEL_REASON_LABELS",
    "REASON_LIMIT",
    "REQUEST_ACTIONS",
    "TWO_COLUMNS_FROM",
    "CancelCode",
    "CancelReasonDialog",
    "Confirmation",
    "RequestAction",
    "RequestDetailPanel",
    "cancel_reason_text",
    "fix_age_text",
]

logger = logging.getLogger(__name__)

TWO_COLUMNS_FROM = 640
"""Panel width (pixels) from which the sections sit in two columns."""

REASON_LIMIT = 300
"""Longest reason the service layer stores (``services._required_reason``)."""

_CANCEL_CONTEXT = "CancelReasonDialog"


class CancelCode(StrEnum):
    """Why a request was cancelled, chosen from a fixed list."""

    CALLER_CANCELLED = "CALLER_CANCELLED"
    SELF_FIXED = "SELF_FIXED"
    DUPLICATE = "DUPLICATE"
    TOWED_BY_OTHERS = "TOWED_BY_OTHERS"
    NO_ANSWER = "NO_ANSWER"
    OTHER = "OTHER"


CANCEL_REASON_LABELS: dict[CancelCode, str] = {
    CancelCode.CALLER_CANCELLED: QT_TRANSLATE_NOOP("CancelReasonDialog", "Caller cancelled"),
    CancelCode.SELF_FIXED: QT_TRANSLATE_NOOP("CancelReasonDialog", "Caller fixed it themselves"),
    CancelCode.DUPLICATE: QT_TRANSLATE_NOOP("CancelReasonDialog", "Duplicate call"),
    CancelCode.TOWED_BY_OTHERS: QT_TRANSLATE_NOOP("CancelReasonDialog", "Vehicle towed by others"),
    CancelCode.NO_ANSWER: QT_TRANSLATE_NOOP("CancelReasonDialog", "No answer at callback"),
    CancelCode.OTHER: QT_TRANSLATE_NOOP("CancelReasonDialog", "Other"),
}
"""Cancel reason code -> English label (stored as written, shown translated)."""


def cancel_reason_text(code: CancelCode, text: str = "") -> str:
    """The stored cancel reason: "<code label>: <text>", or the label alone.

    The label is stored in English, whatever the dispatcher's language, so the
    record reads the same on every workstation and the code can be recovered.
    """
    detail = " ".join(text.split())
    base = CANCEL_REASON_LABELS[code]
    return f"{base}: {detail}" if detail else base


class CancelReasonDialog(QDialog):
    """Asks why a request is cancelled: a code from the list plus optional text."""

    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelReasonDialog")
        self._reference = reference
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.code = QComboBox(self)
        for code in CancelCode:
            self.code.addItem("", code.value)
        self.code.setCurrentIndex(-1)
        self.detail = QLineEdit(self)
        self.detail.setMaxLength(REASON_LIMIT - max(map(len, CANCEL_REASON_LABELS.values())) - 2)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._code_label = QLabel(self)
        self._detail_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self._code_label, self.code)
        form.addRow(self._detail_label, self.detail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.code.currentIndexChanged.connect(self._validate)
        self.detail.textChanged.connect(self._validate)
        self.retranslate_ui()

    def choice(self) -> tuple[CancelCode, str] | None:
        """The chosen code and text, or ``None`` while they are not enough."""
        data = self.code.currentData()
        if not isinstance(data, str):
            return None
        code = CancelCode(data)
        text = self.detail.text().strip()
        if code is CancelCode.OTHER and not text:
            return None
        return code, text

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.choice() is not None)
        data = self.code.currentData()
        if data is None:
            self.hint.setText(self.tr("Choose a reason from the list."))
        elif data == CancelCode.OTHER.value and not self.detail.text().strip():
            self.hint.setText(self.tr("Describe the reason for “Other”."))
        else:
            self.hint.clear()

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("Cancel request"))
        self.prompt.setText(
            self.tr("Why is {reference} cancelled?").format(reference=self._reference)
        )
        self._code_label.setText(self.tr("Reason"))
        self._detail_label.setText(self.tr("Details"))
        self.detail.setPlaceholderText(self.tr("Optional; required for “Other”"))
        for index in range(self.code.count()):
            code = CancelCode(self.code.itemData(index))
            self.code.setItemText(
                index, QCoreApplication.translate(_CANCEL_CONTEXT, CANCEL_REASON_LABELS[code])
            )
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


@dataclass(frozen=True, slots=True)
class RequestAction:
    """One lifecycle move the panel offers."""

    key: str
    target: RequestStatus
    sources: frozenset[RequestStatus]
    icon: str
    shortcut: str
    needs_reason: bool = False


def _action(
    action: Action, icon_name: str, shortcut: str, *, needs_reason: bool = False
) -> RequestAction:
    move = ACTION_MOVES[action]
    return RequestAction(action.value, move.target, move.sources, icon_name, shortcut, needs_reason)


REQUEST_ACTIONS: tuple[RequestAction, ...] = (
    _action(Action.TRIAGE, "request.triage", "Ctrl+Shift+T"),
    _action(Action.QUEUE, "request.queue", "Ctrl+Shift+Q"),
    _action(Action.RESOLVE, "request.resolve", "Ctrl+Shift+R"),
    _action(Action.EN_ROUTE, "request.en_route", "Ctrl+Shift+E"),
    _action(Action.ON_SCENE, "request.on_scene", "Ctrl+Shift+S"),
    _action(Action.TOW, "request.tow", "Ctrl+Shift+W"),
    _action(Action.COMPLETE, "request.complete", "Ctrl+Shift+C"),
    _action(Action.RELEASE, "request.release", "Ctrl+Shift+U", needs_reason=True),
    _action(Action.CANCEL, "request.cancel", "Ctrl+Shift+X", needs_reason=True),
)
"""Every action, in the order the panel shows them (moves from :data:`ACTION_MOVES`)."""


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A question the dispatcher answers before an action goes ahead."""

    key: str
    """The action asked about ("on_scene", "complete")."""
    title: str
    text: str
    warning: bool = False
    """True when the answer that goes ahead is the risky one (the default is "No")."""


# Field rows per section; codes with an entry in labels.FIELD_LABELS use that label.
_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("caller", ("caller_name", "caller_phone", "caller_language")),
    ("vehicle", ("plate", "make_model", "powertrain", "vehicle_class", "awd")),
    ("location", ("city", "address", "road_type", "coordinates")),
    ("service", ("service_type", "priority", "priority_reason", "status", "crew", "eta_minutes")),
    ("times", ("created", "queued", "assign_due", "arrive_due")),
    ("notes", ("notes", "cancel_reason")),
)

ReasonPrompt = Callable[[str, str], "str | None"]
CancelPrompt = Callable[[RequestRow], "tuple[CancelCode, str] | None"]
CompletionPrompt = Callable[[RequestRow, ChargeRecord], "ActualFacts | None"]
ConfirmPrompt = Callable[[Confirmation], bool]
CrewLookup = Callable[[int], "CrewRow | None"]


class RequestDetailPanel(QWidget):
    """Shows one request and the lifecycle actions its status allows."""

    sig_changed = Signal(object)
    """Emitted with the new :class:`RequestRow` after this panel moved a request."""

    def __init__(
        self,
        backend: RequestCommands,
        clock: Callable[[], datetime],
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("requestDetail")
        self._backend = backend
        self._clock = clock
        self._tz = tz
        self._row: RequestRow | None = None
        self._request_id: int | None = None
        self._city_en: dict[str, str] = {}
        self.ask_reason: ReasonPrompt = self._prompt_reason
        """How a reason is asked for (releasing a crew); tests replace it."""
        self.ask_cancel: CancelPrompt = self._prompt_cancel
        """How a cancel reason (code and text) is asked for; tests replace it."""
        self.ask_completion: CompletionPrompt = lambda row, record: ask_completion(
            self, row, record
        )
        """How the actual tow km and waiting time of a quoted job are asked for."""
        self.confirm: ConfirmPrompt = self._prompt_confirm
        """How a yes/no question is asked (on scene far away, complete); tests replace it."""
        self.find_crew: CrewLookup = self._crew_from_backend
        """Where the assigned crew's last fix is read; the window gives its crew list."""

        self.title = QLabel(self)
        make_plain(self.title)
        self.title.setObjectName("detailTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.priority_chip = QLabel(self)
        self.status_chip = QLabel(self)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.priority_chip)
        header.addWidget(self.status_chip)
        header.addStretch(1)

        self.message = QLabel(self)
        make_plain(self.message)
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        self._section_titles: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        """Field code -> the label showing its value (read by tests)."""
        body = QWidget(self)
        self._grid = QGridLayout(body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(24)
        self._section_boxes = [self._section(body, section, codes) for section, codes in _SECTIONS]
        self.pricing: PricingSection | None = None
        if isinstance(backend, PricingDesk):
            self.pricing = PricingSection(backend, body)
            self.pricing.sig_changed.connect(self._on_priced)
            self._section_boxes.append(self.pricing)
        self._columns = 0
        self._arrange(1)
        self.body_scroll = QScrollArea(self)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setWidget(body)

        self.actions_by_key: dict[str, QAction] = {}
        self._permitted: frozenset[str] | None = None
        self._buttons: dict[str, QToolButton] = {}
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for spec in REQUEST_ACTIONS:
            action = QAction(icon(spec.icon), "", self)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, s=spec: self.run_action(s))
            self.addAction(action)
            self.actions_by_key[spec.key] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            buttons.addWidget(button)
            self._buttons[spec.key] = button
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.body_scroll, 1)
        layout.addWidget(self.placeholder, 1)
        self.retranslate_ui()
        self._render()

    # -- building --------------------------------------------------------------

    def _section(self, parent: QWidget, section: str, codes: Iterable[str]) -> QWidget:
        box = QWidget(parent)
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 4, 0, 4)
        title = QLabel(box)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        self._section_titles[section] = title
        outer.addWidget(title)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for code in codes:
            name = QLabel(box)
            value = QLabel(box)
            value.setWordWrap(True)
            # Caller-entered text (notes, addresses) must never be read as rich text.
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self._names[code] = name
            self.values[code] = value
            form.addRow(name, value)
        outer.addLayout(form)
        return box

    def _arrange(self, columns: int) -> None:
        """Lay the sections out in one column (narrow dock) or two (wide)."""
        if columns == self._columns:
            return
        self._columns = columns
        for box in self._section_boxes:
            self._grid.removeWidget(box)
        for n, box in enumerate(self._section_boxes):
            self._grid.addWidget(box, n // columns, n % columns)
        rows = (len(self._section_boxes) + columns - 1) // columns
        for row in range(len(self._section_boxes) + 1):
            self._grid.setRowStretch(row, 1 if row == rows else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two columns of sections when there is room for them."""
        self._arrange(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)
        super().resizeEvent(event)

    def add_banner(self, widget: QWidget) -> None:
        """Show ``widget`` under the message line: a feature's strip about the shown job."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.message) + 1, widget)

    def set_city_names(self, english: dict[str, str]) -> None:
        """English names of the (Chinese) stored city names."""
        self._city_en = dict(english)
        self._render()

    # -- text ------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        titles = {
            "caller": self.tr("Caller"),
            "vehicle": self.tr("Vehicle"),
            "location": self.tr("Location"),
            "service": self.tr("Service and dispatch"),
            "times": self.tr("Times and service levels"),
            "notes": self.tr("Notes"),
        }
        for key, widget in self._section_titles.items():
            widget.setText(titles[key])
        own = {
            "coordinates": self.tr("Coordinates"),
            "created": self.tr("Call taken"),
            "queued": self.tr("Queued at"),
            "assign_due": self.tr("Assign by"),
            "arrive_due": self.tr("Arrive by"),
            "eta_minutes": self.tr("ETA"),
        }
        for code, widget in self._names.items():
            widget.setText(own.get(code) or field_label(code))
        texts = {
            "triage": self.tr("Start triage"),
            "queue": self.tr("Queue for dispatch"),
            "resolve": self.tr("Resolved by phone"),
            "en_route": self.tr("En route"),
            "on_scene": self.tr("On scene"),
            "tow": self.tr("Start tow"),
            "complete": self.tr("Complete"),
            "release": self.tr("Release crew…"),
            "cancel": self.tr("Cancel request…"),
        }
        for key, action in self.actions_by_key.items():
            action.setText(texts[key])
            action.setToolTip(
                f"{texts[key]} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        self.placeholder.setText(self.tr("Select a request in the queue to see its details."))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def restyle(self) -> None:
        """Pick up the icons and colours of a new theme."""
        for spec in REQUEST_ACTIONS:
            self.actions_by_key[spec.key].setIcon(icon(spec.icon))
        self._render()

    # -- what is shown -----------------------------------------------------------

    @property
    def request(self) -> RequestRow | None:
        """The request shown, as last read."""
        return self._row

    def show_request(self, request_id: int | None) -> None:
        """Show request ``request_id`` (``None``: nothing); reads it from the backend."""
        if request_id != self._request_id:
            self.clear_message()
        self._request_id = request_id
        if request_id is None:
            self._row = None
            self._render()
            return
        if self._row is None or self._row.id != request_id:
            self._row = None
        self.reload()

    def show_row(self, row: RequestRow) -> None:
        """Show ``row`` as given (the window already has it)."""
        if row.id != self._request_id:
            self.clear_message()
        self._request_id = row.id
        self._row = row
        self._render()

    def take_changes(self, rows: Iterable[RequestRow]) -> None:
        """Refresh from changed rows broadcast by the window, if ours is among them."""
        if self._request_id is None:
            return
        for row in rows:
            if row.id == self._request_id and (
                self._row is None or row.revision >= self._row.revision
            ):
                self._row = row
                self._render()

    def reload(self) -> None:
        """Read the shown request again from the backend."""
        if self._request_id is None:
            return
        try:
            row = self._backend.request(self._request_id)
        except DomainError as exc:
            self.show_message(error_text(exc))
            return
        except Exception:  # the data layer failing must not kill the panel
            logger.warning("could not read request %s", self._request_id, exc_info=True)
            self.show_message(self.tr("The request could not be read; the connection may be down."))
            return
        self._row = row
        self._render()

    def permit_actions(self, keys: frozenset[str]) -> None:
        """Offer only the actions in ``keys`` (the signed-in role's); the rest stay hidden."""
        self._permitted = keys
        self._render()

    def permits(self, key: str) -> bool:
        """Whether the signed-in role may take the action ``key`` (whatever the status)."""
        return self._permitted is None or key in self._permitted

    def permit_pricing(self, allowed: bool) -> None:
        """Offer the quote and bill section only to a role that may read them.

        A role that may not never sees the section, so nothing asks the data
        layer for charges it would refuse.
        """
        if allowed or self.pricing is None:
            return
        section, self.pricing = self.pricing, None
        self._section_boxes.remove(section)
        self._grid.removeWidget(section)
        section.hide()
        section.deleteLater()
        columns, self._columns = self._columns, 0
        self._arrange(columns or 1)

    def show_message(self, text: str, *, error: bool = True) -> None:
        """Show ``text`` above the details (red for errors)."""
        tone = colour("danger" if error else "ok").name()
        self.message.setStyleSheet(
            f"QLabel#detailMessage {{ color: {tone}; border: 1px solid {tone};"
            " border-radius: 4px; padding: 4px 6px; }"
        )
        self.message.setText(text)
        self.message.setVisible(True)

    def clear_message(self) -> None:
        """Hide the message line."""
        self.message.clear()
        self.message.setVisible(False)

    def _render(self) -> None:
        row = self._row
        if self.pricing is not None:
            self.pricing.show_row(row)
        has_row = row is not None
        self.body_scroll.setVisible(has_row)
        self.placeholder.setVisible(not has_row)
        self.title.setVisible(has_row)
        self.priority_chip.setVisible(has_row)
        self.status_chip.setVisible(has_row)
        offered = {action.value for action in available_actions(row)} if row else set()
        for spec in REQUEST_ACTIONS:
            allowed = spec.key in offered and (
                self._permitted is None or spec.key in self._permitted
            )
            self.actions_by_key[spec.key].setEnabled(allowed)
            self._buttons[spec.key].setVisible(allowed)
        if row is None:
            return
        self.title.setText(row.reference)
        self._chip(self.priority_chip, label(row.priority), _priority_tone(row.priority))
        self._chip(self.status_chip, label(row.status), "accent" if row.is_open else "muted")
        self.priority_chip.setToolTip(plain_tooltip(reason_text(row.priority_reason)))
        values = {
            "caller_name": row.caller_name or "-",
            "caller_phone": row.caller_phone,
            "caller_language": label(row.caller_language),
            "plate": row.plate or "-",
            "make_model": row.make_model or "-",
            "powertrain": label(row.powertrain),
            "vehicle_class": label(row.vehicle_class),
            "awd": self.tr("Yes") if row.awd else self.tr("No"),
            "city": self._city(row.city),
            "address": row.address or "-",
            "road_type": label(row.road_type),
            "coordinates": f"{row.lat:.5f}, {row.lon:.5f}",
            "service_type": label(row.service_type),
            "priority": label(row.priority),
            "priority_reason": reason_text(row.priority_reason) or "-",
            "status": label(row.status),
            "crew": row.assigned_crew_call_sign or "-",
            "eta_minutes": "-"
            if row.eta_minutes is None
            else self.tr("{minutes} min").format(minutes=row.eta_minutes),
            "created": self._time(row.created_at),
            "queued": self._time(row.queued_at),
            "assign_due": self._time(row.assign_due_at),
            "arrive_due": self._arrive_due_text(row),
            "notes": row.notes or "-",
            "cancel_reason": row.cancel_reason or "-",
        }
        for code, text in values.items():
            self.values[code].setText(text)
        late = projected_overrun(row) > 0
        self.values["arrive_due"].setStyleSheet(
            f"color: {colour('warn').name()}; font-weight: bold;" if late else ""
        )

    def _arrive_due_text(self, row: RequestRow) -> str:
        """The arrival target, and by how much the assigned crew's ETA misses it."""
        text = self._time(row.arrive_due_at)
        late = projected_overrun(row)
        if late:
            text += " · " + self.tr("ETA exceeds target by {minutes} min").format(minutes=late)
        return text

    def _city(self, city: str) -> str:
        if not city:
            return "-"
        english = self._city_en.get(city)
        if current_language() == "en" and english:
            return f"{english} ({city})"
        return city

    def _chip(self, widget: QLabel, text: str, tone: str) -> None:
        shade = colour(tone).name()
        widget.setText(text)
        widget.setStyleSheet(
            f"QLabel {{ color: {shade}; border: 1px solid {shade}; border-radius: 8px;"
            " padding: 1px 8px; font-weight: bold; }"
        )

    def _time(self, moment: datetime | None) -> str:
        if moment is None:
            return "-"
        local = moment.astimezone(self._tz)
        today = self._clock().astimezone(self._tz).date()
        return f"{local:%H:%M:%S}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"

    # -- actions ----------------------------------------------------------------

    def run_action(self, spec: RequestAction) -> None:
        """Carry out ``spec`` on the shown request (asking for a reason when needed)."""
        row = self._row
        if row is None or Action(spec.key) not in available_actions(row):
            return
        if spec.key == "on_scene" and not self._confirm_on_scene(row):
            return
        if spec.key == "complete" and not self._will_bill(row) and not self._confirm_complete(row):
            return
        reason = ""
        if spec.key == "cancel":
            chosen = self.ask_cancel(row)
            if chosen is None:
                return
            reason = cancel_reason_text(*chosen)
        elif spec.needs_reason:
            titles = {
                "release": self.tr("Release crew"),
                "cancel": self.tr("Cancel request"),
            }
            asked = self.ask_reason(
                titles.get(spec.key, spec.key),
                self.tr("Reason for {reference}:").format(reference=row.reference),
            )
            if asked is None:
                return
            reason = asked
        if spec.key == "complete" and self._complete_with_bill(row):
            return
        try:
            moved = self._backend.move(row.id, spec.target, reason=reason)
        except DomainError as exc:
            self.show_message(error_text(exc))
            self.reload()
            return
        except Exception:  # the data layer failing must not kill the panel
            logger.warning("move of request %s failed", row.id, exc_info=True)
            self.show_message(self.tr("The change could not be saved; the connection may be down."))
            return
        self.clear_message()
        self._row = moved
        self._render()
        self.sig_changed.emit(moved)

    def _will_bill(self, row: RequestRow) -> bool:
        """True when completing ``row`` opens the bill dialog (a quoted job not yet billed)."""
        record = self.pricing.record if self.pricing is not None else None
        return (
            isinstance(self._backend, PricingDesk)
            and record is not None
            and record.request_id == row.id
            and record.bill is None
        )

    def _complete_with_bill(self, row: RequestRow) -> bool:
        """Complete a quoted request with its bill; False when it has no quote to bill.

        The bill dialog is the one question "Complete" asks: cancelling it
        leaves the job open.
        """
        backend = self._backend
        record = self.pricing.record if self.pricing is not None else None
        if not isinstance(backend, PricingDesk) or record is None or not self._will_bill(row):
            return False
        actual = self.ask_completion(row, record)
        if actual is None:
            return True
        try:
            moved = backend.complete_with_bill(row.id, actual)
        except DomainError as exc:
            self.show_message(error_text(exc))
            self.reload()
            return True
        except Exception:  # the data layer failing must not kill the panel
            logger.warning("billing request %s failed", row.id, exc_info=True)
            self.show_message(self.tr("The change could not be saved; the connection may be down."))
            return True
        self.clear_message()
        self._row = moved
        self._render()
        self.sig_changed.emit(moved)
        return True

    def _on_priced(self, request_id: int) -> None:
        if request_id == self._request_id:
            self.reload()
            if self._row is not None:
                self.sig_changed.emit(self._row)

    # -- confirmations -------------------------------------------------------------

    def _confirm_on_scene(self, row: RequestRow) -> bool:
        """Go ahead with "on scene", asking first when the crew's last fix is far away."""
        crew = self.find_crew(row.assigned_crew_id) if row.assigned_crew_id is not None else None
        check = check_on_scene(
            row.lat,
            row.lon,
            crew_lat=crew.lat if crew is not None else None,
            crew_lon=crew.lon if crew is not None else None,
            gps_at=crew.gps_at if crew is not None else None,
            now=self._clock(),
        )
        if not check.needs_confirmation:
            return True
        return self.confirm(
            Confirmation(
                "on_scene",
                self.tr("Crew not at the scene?"),
                self._scene_text(row, check),
                warning=True,
            )
        )

    def _scene_text(self, row: RequestRow, check: SceneCheck) -> str:
        crew = row.assigned_crew_call_sign or self.tr("The crew")
        if check.distance_km is None or check.fix_age is None:
            where = self.tr("{crew} has no GPS fix, so its position is not known.").format(
                crew=crew
            )
        else:
            where = self.tr(
                "{crew}'s last GPS fix is {km} km from the scene (fix {age} old)."
            ).format(crew=crew, km=f"{check.distance_km:.1f}", age=fix_age_text(check.fix_age))
        return (
            where
            + "\n\n"
            + self.tr("Mark {reference} on scene anyway?").format(reference=row.reference)
        )

    def _confirm_complete(self, row: RequestRow) -> bool:
        text = self.tr("Complete {reference}?").format(reference=row.reference)
        if row.assigned_crew_call_sign:
            text += " " + self.tr("{crew} becomes free for the next job.").format(
                crew=row.assigned_crew_call_sign
            )
        return self.confirm(Confirmation("complete", self.tr("Complete request"), text))

    def _prompt_confirm(self, question: Confirmation) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning if question.warning else QMessageBox.Icon.Question,
            question.title,
            question.text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName(f"confirm-{question.key}")
        box.setDefaultButton(
            QMessageBox.StandardButton.No if question.warning else QMessageBox.StandardButton.Yes
        )
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()

    def _crew_from_backend(self, crew_id: int) -> CrewRow | None:
        crews = getattr(self._backend, "crews", None)
        if not callable(crews):
            return None
        try:
            return next((crew for crew in crews() if crew.id == crew_id), None)
        except Exception:  # the data layer failing must not kill the panel
            logger.warning("could not read crew %s", crew_id, exc_info=True)
            return None

    def _prompt_reason(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt, QLineEdit.EchoMode.Normal, "")
        return text if ok else None

    def _prompt_cancel(self, row: RequestRow) -> tuple[CancelCode, str] | None:
        dialog = CancelReasonDialog(row.reference, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.choice()
        finally:
            dialog.deleteLater()


def fix_age_text(age: timedelta) -> str:
    """How old a GPS fix is: "9 s", "12 min", "3 h 05 min" in the current language."""
    seconds = max(0, int(age.total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("RequestDetailPanel", "{seconds} s").format(
            seconds=seconds
        )
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("RequestDetailPanel", "{minutes} min").format(
            minutes=minutes
        )
    return QCoreApplication.translate("RequestDetailPanel", "{hours} h {minutes} min").format(
        hours=minutes // 60, minutes=f"{minutes % 60:02d}"
    )


def _priority_tone(priority: Priority) -> str:
    return {Priority.P1: "danger", Priority.P2: "accent", Priority.P3: "muted"}[priority]
