"""Call intake: a new request in the fixed order of the call protocol.

Safety first (is anyone in danger?), then a callback number, the caller, where
the vehicle is, what vehicle, what is wrong, notes. The priority follows from
the answers (``console.core.triage``) and is shown with its reason; the
dispatcher may override it, with a reason. Field checks run inline with the
same validators the service layer uses, so nothing is written until every
field is right. A half-typed call is kept in the settings and offered back
when the dialog opens again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, tzinfo
from enum import StrEnum
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.core.city_search import CityName
from console.core.errors import DomainError, ValidationError
from console.core.faults import Fault, service_for
from console.core.handover import GuidanceStart, intake_answers
from console.core.inputs import parse_json
from console.core.intake import RequestDraft, draft_errors, location_warnings
from console.core.ports import PricingDesk, RequestCommands
from console.core.records import DepotRow, RequestRow
from console.core.triage import TriageAnswers, TriageResult, decide_priority, derive_priority
from console.core.validation import validate_coordinates
from console.core.vocab import (
    CallerLanguage,
    Powertrain,
    Priority,
    RequestStatus,
    RoadType,
    ServiceType,
    VehicleClass,
)
from console.ui.city_completer import CityCompleter
from console.ui.i18n import current_language
from console.ui.icons import colour, icon
from console.ui.labels import error_text, field_label, label
from console.ui.plain_text import make_plain
from console.ui.quote_widget import QuoteWidget
from console.ui.screen_fit import fit_to_screen
from console.ui.triage_text import factor_text, join_reasons

__all__ = ["DRAFT_KEY", "IntakeDialog", "draft_key"]

logger = logging.getLogger(__name__)

DRAFT_KEY = "intake/draft"
"""QSettings key where earlier consoles kept the unfinished intake of whoever was signed in.

Whose it was is not known, so it is dropped, never offered (it holds a caller's data)."""


def draft_key(user: str) -> str:
    """QSettings key of the unfinished intake of ``user`` (the signed-in actor).

    A digest, so any user name makes a valid key and the file does not list who
    kept drafts on this workstation.
    """
    digest = hashlib.sha256(user.encode("utf-8")).hexdigest()[:24]
    return f"intake/drafts/{digest}"


GUIDE_KEY = "F6"
"""The key of "Guide the caller", the same as the main window's."""

_TEXT_FIELDS = ("phone", "name", "city", "lat", "lon", "address", "plate", "make_model",
                "override_reason")  # fmt: skip
_CHECKS = ("live_lane", "injuries", "smoke", "ev_warning", "vulnerable", "awd", "resolved",
           "scheduled", "override")  # fmt: skip
_CHOICES: dict[str, type[StrEnum]] = {
    "language": CallerLanguage,
    "road": RoadType,
    "powertrain": Powertrain,
    "vehicle_class": VehicleClass,
    "service": ServiceType,
    "override_priority": Priority,
}
# Error lines that belong to more than one input focus the first of them.
_FOCUS = {"coordinates": "lat"}
_DEFAULTS = {"powertrain": Powertrain.UNKNOWN.value, "override_priority": Priority.P2.value}
# Field codes of the domain (as in ValidationError.field) -> the form's own keys.
_FIELD_KEYS = {
    "caller_phone": "phone",
    "caller_name": "name",
    "lat": "coordinates",
    "lon": "coordinates",
    "address": "address",
    "city": "city",
    "plate": "plate",
    "make_model": "make_model",
    "priority_reason": "override_reason",
    "notes": "notes",
}


class IntakeDialog(QDialog):
    """The new-call form; creates, triages and queues (or resolves) the request."""

    sig_request_created = Signal(object)
    """Emitted with the stored :class:`RequestRow` (after its last move) on success."""

    sig_pick_on_map = Signal()
    """Emitted when the dispatcher asks to pick the location on the map."""

    sig_guidance_requested = Signal(object)
    """Emitted with a :class:`GuidanceStart` (the new request's id and the safety answers
    already given) when the call is stored for guidance by script."""

    def __init__(
        self,
        backend: RequestCommands,
        settings: QSettings,
        *,
        depots: Iterable[DepotRow] = (),
        clock: Callable[[], datetime],
        tz: tzinfo | None = None,
        map_pick: bool = False,
        user: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``user`` is the signed-in actor: each user's unfinished call is kept apart."""
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.setSizeGripEnabled(True)
        self._backend = backend
        self._settings = settings
        self._draft_key = draft_key(user)
        self._clock = clock
        self._tz = tz
        self._depots = list(depots)
        self._submitted = False
        self.created: RequestRow | None = None
        """The request made by the last successful submit."""

        self.texts: dict[str, QLineEdit] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.choices: dict[str, QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._pending: dict[str, Any] | None = None
        self._centre_filled: tuple[str, str] | None = None
        """The coordinates last filled from a city centre (a new city may replace them)."""

        self._build()
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_draft)
        self._connect_changes()
        self.pick_button.setVisible(map_pick)
        self.retranslate_ui()
        self._update_priority()
        self._offer_draft()
        # Inside a 1366x768 screen less title bar and taskbar; the form scrolls.
        self.resize(1040, 680)
        fit_to_screen(self)

    # -- building ------------------------------------------------------------------

    def _line(self, key: str, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(f"intake_{key}")
        self.texts[key] = edit
        return edit

    def _check(self, key: str, parent: QWidget) -> QCheckBox:
        box = QCheckBox(parent)
        box.setObjectName(f"intake_{key}")
        self.checks[key] = box
        return box

    def _choice(self, key: str, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(f"intake_{key}")
        for member in _CHOICES[key]:
            combo.addItem("", member.value)
        self.choices[key] = combo
        return combo

    def _error(self, key: str, parent: QWidget) -> QLabel:
        message = QLabel(parent)
        make_plain(message)
        message.setObjectName(f"error_{key}")
        message.setWordWrap(True)
        message.setVisible(False)
        self.errors[key] = message
        return message

    def _row(self, form: QFormLayout, key: str, field: QWidget, parent: QWidget) -> None:
        name = QLabel(parent)
        name.setBuddy(field)
        self._names[key] = name
        column = QVBoxLayout()
        column.setSpacing(1)
        column.addWidget(field)
        column.addWidget(self._error(key, parent))
        form.addRow(name, column)

    def _group(self, key: str, parent: QWidget) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(parent)
        box.setObjectName(f"group_{key}")
        self._groups[key] = box
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _build(self) -> None:
        body = QWidget(self)

        # 1. Safety gate.
        safety, safety_form = self._group("safety", body)
        for key in ("live_lane", "injuries", "smoke", "ev_warning", "vulnerable"):
            safety_form.addRow(self._check(key, safety))
        self.safety_advice = QLabel(safety)
        self.safety_advice.setObjectName("safetyAdvice")
        self.safety_advice.setWordWrap(True)
        safety_form.addRow(self.safety_advice)

        # 2. Caller.
        caller, caller_form = self._group("caller", body)
        self._row(caller_form, "phone", self._line("phone", caller), caller)
        self._row(caller_form, "name", self._line("name", caller), caller)
        self._row(caller_form, "language", self._choice("language", caller), caller)

        # 3. Location.
        location, location_form = self._group("location", body)
        self.city = QComboBox(location)
        self.city.setObjectName("intake_city_combo")
        self.city.setEditable(True)
        self.city.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.city_completer = CityCompleter(self.city)
        self.city_completer.sig_city_chosen.connect(self._city_chosen)
        city_edit = self.city.lineEdit()
        assert city_edit is not None
        self.texts["city"] = city_edit
        self.centre_button = QPushButton(icon("intake.city_centre"), "", location)
        self.centre_button.clicked.connect(self.use_city_centre)
        city_row = QHBoxLayout()
        city_row.addWidget(self.city, 1)
        city_row.addWidget(self.centre_button)
        city_widget = QWidget(location)
        city_widget.setLayout(city_row)
        city_row.setContentsMargins(0, 0, 0, 0)
        self._row(location_form, "city", city_widget, location)
        coordinates = QWidget(location)
        coord_row = QHBoxLayout(coordinates)
        coord_row.setContentsMargins(0, 0, 0, 0)
        self.lat_label = QLabel(coordinates)
        self.lon_label = QLabel(coordinates)
        coord_row.addWidget(self.lat_label)
        coord_row.addWidget(self._line("lat", coordinates), 1)
        coord_row.addWidget(self.lon_label)
        coord_row.addWidget(self._line("lon", coordinates), 1)
        self.pick_button = QPushButton(icon("intake.location"), "", coordinates)
        self.pick_button.clicked.connect(self.sig_pick_on_map)
        coord_row.addWidget(self.pick_button)
        self._row(location_form, "coordinates", coordinates, location)
        self.area_warning = QLabel(location)
        self.area_warning.setObjectName("areaWarning")
        self.area_warning.setWordWrap(True)
        self.area_warning.setVisible(False)
        location_form.addRow(self.area_warning)
        self._row(location_form, "address", self._line("address", location), location)
        self._row(location_form, "road", self._choice("road", location), location)

        # 4. Vehicle.
        vehicle, vehicle_form = self._group("vehicle", body)
        self._row(vehicle_form, "plate", self._line("plate", vehicle), vehicle)
        self._row(vehicle_form, "make_model", self._line("make_model", vehicle), vehicle)
        self._row(vehicle_form, "powertrain", self._choice("powertrain", vehicle), vehicle)
        self._row(vehicle_form, "vehicle_class", self._choice("vehicle_class", vehicle), vehicle)
        vehicle_form.addRow(self._check("awd", vehicle))

        # 5. Fault / service.
        service, service_form = self._group("service", body)
        self.fault = QComboBox(service)
        self.fault.setObjectName("intake_fault")
        self.fault.addItem("", "")
        for fault in Fault:
            self.fault.addItem("", fault.value)
        self._row(service_form, "fault", self.fault, service)
        self._row(service_form, "service", self._choice("service", service), service)
        service_form.addRow(self._check("resolved", service))
        service_form.addRow(self._check("scheduled", service))

        # 6. Notes.
        notes_box, notes_form = self._group("notes", body)
        self.notes = QPlainTextEdit(notes_box)
        self.notes.setObjectName("intake_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        notes_form.addRow(self.notes)
        notes_form.addRow(self._error("notes", notes_box))

        # 7. Priority, derived from the answers above.
        priority, priority_form = self._group("priority", body)
        self.priority_label = QLabel(priority)
        self.priority_label.setObjectName("derivedPriority")
        self.priority_label.setWordWrap(True)
        bold = QFont(self.priority_label.font())
        bold.setBold(True)
        self.priority_label.setFont(bold)
        priority_form.addRow(self.priority_label)
        override_row = QHBoxLayout()
        override_row.addWidget(self._check("override", priority))
        override_row.addWidget(self._choice("override_priority", priority))
        override_row.addStretch(1)
        priority_form.addRow(override_row)
        self._row(
            priority_form, "override_reason", self._line("override_reason", priority), priority
        )

        left = QVBoxLayout()
        for box in (safety, caller, location):
            left.addWidget(box)
        # The quote (issue 11) only where the backend can price.
        self.quote: QuoteWidget | None = None
        if isinstance(self._backend, PricingDesk):
            self.quote = QuoteWidget(self._backend, body)
            self.quote.bind(self.quote_job)
            left.addWidget(self.quote)
        left.addStretch(1)
        right = QVBoxLayout()
        for box in (vehicle, service, notes_box, priority):
            right.addWidget(box)
        right.addStretch(1)
        columns = QGridLayout(body)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        # Banners: a kept draft, and what went wrong.
        self.draft_banner = QWidget(self)
        self.draft_banner.setObjectName("draftBanner")
        banner_row = QHBoxLayout(self.draft_banner)
        banner_row.setContentsMargins(6, 4, 6, 4)
        self.draft_text = QLabel(self.draft_banner)
        self.restore_button = QPushButton(icon("app.restore"), "", self.draft_banner)
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_draft_button = QPushButton(icon("app.discard"), "", self.draft_banner)
        self.discard_draft_button.clicked.connect(self.discard_draft)
        banner_row.addWidget(self.draft_text, 1)
        banner_row.addWidget(self.restore_button)
        banner_row.addWidget(self.discard_draft_button)
        self.draft_banner.setVisible(False)
        self.form_error = QLabel(self)
        make_plain(self.form_error)
        self.form_error.setObjectName("formError")
        self.form_error.setWordWrap(True)
        self.form_error.setVisible(False)

        self.create_button = QPushButton(icon("request.new"), "", self)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        self.guide_button = QPushButton(icon("request.triage"), "", self)
        self.guide_button.setObjectName("guideButton")
        self.guide_button.clicked.connect(self.submit_for_guidance)
        # F6 is "Guide the caller" in the main window too. A QShortcut, not the button's
        # own: setText() replaces a button's shortcut with its mnemonic.
        guide = QShortcut(QKeySequence(GUIDE_KEY), self)
        guide.activated.connect(self.guide_button.click)
        self.clear_button = QPushButton(icon("app.discard"), "", self)
        self.clear_button.clicked.connect(self.discard_draft)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.guide_button)
        buttons.addWidget(self.create_button)
        submit = QShortcut(QKeySequence("Ctrl+Return"), self)
        submit.activated.connect(self.submit)
        submit_keypad = QShortcut(QKeySequence("Ctrl+Enter"), self)
        submit_keypad.activated.connect(self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_banner)
        layout.addWidget(self.form_error)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self._set_tab_order()
        self._fill_cities()
        self._set_default_choices()

    def _set_default_choices(self) -> None:
        for key, combo in self.choices.items():
            default = _DEFAULTS.get(key)
            combo.setCurrentIndex(max(0, combo.findData(default)) if default else 0)

    def _set_tab_order(self) -> None:
        """Protocol order: safety, caller, location, vehicle, service, notes, priority."""
        chain: list[QWidget] = [
            *(
                self.checks[k]
                for k in ("live_lane", "injuries", "smoke", "ev_warning", "vulnerable")
            ),
            self.texts["phone"],
            self.texts["name"],
            self.choices["language"],
            self.city,
            self.centre_button,
            self.texts["lat"],
            self.texts["lon"],
            self.pick_button,
            self.texts["address"],
            self.choices["road"],
            self.texts["plate"],
            self.texts["make_model"],
            self.choices["powertrain"],
            self.choices["vehicle_class"],
            self.checks["awd"],
            self.fault,
            self.choices["service"],
            self.checks["resolved"],
            self.checks["scheduled"],
            # Price and coverage follow the service they price.
            *(self.quote.tab_chain() if self.quote is not None else []),
            self.notes,
            self.checks["override"],
            self.choices["override_priority"],
            self.texts["override_reason"],
            self.guide_button,
            self.create_button,
            self.close_button,
            self.clear_button,
            self.restore_button,
            self.discard_draft_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _fill_cities(self) -> None:
        english = current_language() == "en"
        typed = self.texts["city"].text()
        stored = self._city_value()
        entries: dict[str, str] = {}
        for depot in self._depots:
            name = depot.city_en if english else depot.city_zh
            province = depot.province_en if english else depot.province_zh
            entries[depot.city_zh] = name if name == province else f"{name} · {province}"
        names: dict[str, CityName] = {}
        for depot in self._depots:
            names[depot.city_zh] = CityName(
                depot.city_zh,
                (depot.city_zh, depot.city_en),
                (depot.province_zh, depot.province_en),
            )
        ordered = sorted(entries.items(), key=lambda item: item[1])
        self.city_completer.set_cities([(names[key], text) for key, text in ordered])
        with QSignalBlocker(self.city):
            self.city.clear()
            for city_zh, text in ordered:
                self.city.addItem(text, city_zh)
            index = self.city.findData(stored) if stored else -1
            self.city.setCurrentIndex(index)
            if index < 0:
                self.city.setEditText(typed)

    def _connect_changes(self) -> None:
        for edit in self.texts.values():
            edit.textChanged.connect(self._changed)
        for box in self.checks.values():
            box.toggled.connect(self._changed)
        for combo in self.choices.values():
            combo.currentIndexChanged.connect(self._changed)
        self.city.currentIndexChanged.connect(self._changed)
        self.fault.currentIndexChanged.connect(self._fault_chosen)
        self.choices["powertrain"].currentIndexChanged.connect(self._apply_fault_service)
        self.notes.textChanged.connect(self._changed)
        for key in ("lat", "lon"):
            self.texts[key].editingFinished.connect(self._check_location)
        self.texts["lat"].textChanged.connect(self._split_pasted_coordinates)

    # -- text ------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.setWindowTitle(self.tr("New call"))
        titles = {
            "safety": self.tr("1 · Safety first"),
            "caller": self.tr("2 · Caller"),
            "location": self.tr("3 · Location"),
            "vehicle": self.tr("4 · Vehicle"),
            "service": self.tr("5 · Fault and service"),
            "notes": self.tr("6 · Notes"),
            "priority": self.tr("Priority"),
        }
        for key, box in self._groups.items():
            box.setTitle(titles[key])
        checks = {
            "live_lane": self.tr("Vehicle stopped in a live traffic lane?"),
            "injuries": self.tr("Anyone injured?"),
            "smoke": self.tr("Smoke or fire?"),
            "ev_warning": self.tr("EV warning: battery warning light, burning smell or hissing?"),
            "vulnerable": self.tr("Children, elderly, disabled or pregnant people on board?"),
            "awd": field_label("awd"),
            "resolved": self.tr("Fixed by phone: resolve remotely, send no crew"),
            "scheduled": self.tr("Caller asks for a scheduled visit later"),
            "override": self.tr("Override priority:"),
        }
        for key, check in self.checks.items():
            check.setText(checks[key])
        names = {
            "phone": self.tr("Callback number"),
            "name": field_label("caller_name"),
            "language": field_label("caller_language"),
            "city": field_label("city"),
            "coordinates": self.tr("Coordinates"),
            "address": field_label("address"),
            "road": field_label("road_type"),
            "plate": field_label("plate"),
            "make_model": field_label("make_model"),
            "powertrain": field_label("powertrain"),
            "vehicle_class": field_label("vehicle_class"),
            "fault": self.tr("The caller says"),
            "service": self.tr("Service"),
            "override_reason": self.tr("Override reason"),
        }
        for key, widget in self._names.items():
            widget.setText(names[key])
        faults = {
            "": self.tr("— choose what is wrong —"),
            Fault.WONT_START: self.tr("Won't start"),
            Fault.FLAT_TYRE: self.tr("Flat tyre"),
            Fault.OUT_OF_FUEL: self.tr("Out of fuel or charge"),
            Fault.LOCKED_OUT: self.tr("Locked out"),
            Fault.STUCK: self.tr("Stuck (mud, sand, snow, ditch)"),
            Fault.ACCIDENT: self.tr("Accident"),
            Fault.EV_WARNING: self.tr("EV warning (battery or high voltage)"),
        }
        for index in range(self.fault.count()):
            self.fault.setItemText(index, faults[str(self.fault.itemData(index))])
        self.fault.setToolTip(
            self.tr("Choose what the caller describes: the service (and safety hints) follow")
        )
        self.lat_label.setText(self.tr("Lat"))
        self.lon_label.setText(self.tr("Lon"))
        self.texts["phone"].setPlaceholderText(self.tr("e.g. 138 1234 5678 or 0571-87654321"))
        self.texts["lat"].setPlaceholderText(self.tr("e.g. 30.27415"))
        self.texts["lon"].setPlaceholderText(self.tr("e.g. 120.15515"))
        self.texts["address"].setPlaceholderText(self.tr("Road, kilometre post, landmark"))
        self.texts["plate"].setPlaceholderText(self.tr("e.g. 浙A12345"))
        self.texts["override_reason"].setPlaceholderText(
            self.tr("Why the derived priority does not fit")
        )
        self.texts["city"].setPlaceholderText(self.tr("Type to search the depots' cities"))
        self.notes.setPlaceholderText(self.tr("What the caller said, landmarks, access"))
        self.centre_button.setText(self.tr("Use city centre"))
        self.centre_button.setToolTip(
            self.tr("Fill in approximate coordinates from the city's depots")
        )
        self.pick_button.setText(self.tr("Pick on map"))
        for combo in self.choices.values():
            for index in range(combo.count()):
                code = combo.itemData(index)
                enum_type = _CHOICES[_key_of(self.choices, combo)]
                combo.setItemText(index, label(enum_type(code)))
        self.restore_button.setText(self.tr("Restore"))
        self.discard_draft_button.setText(self.tr("Discard"))
        self.create_button.setText(self.tr("Create request"))
        self.create_button.setToolTip(self.tr("Create the request (Ctrl+Enter)"))
        self.guide_button.setText(self.tr("Guide the caller"))
        self.guide_button.setToolTip(
            self.tr(
                "Store the call in triage and walk the caller through a guidance script ({key})"
            ).format(key=QKeySequence(GUIDE_KEY).toString(QKeySequence.SequenceFormat.NativeText))
        )
        self.clear_button.setText(self.tr("Clear form"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close; what you typed is kept for next time (Esc)"))
        self._fill_cities()
        self._update_priority()
        self._update_draft_banner()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- live feedback ------------------------------------------------------------------

    def _changed(self) -> None:
        self._update_priority()
        if self.quote is not None:
            self.quote.schedule()
        if not self._submitted:
            self._save_timer.start()

    def answers(self) -> TriageAnswers:
        """The safety-relevant answers as typed so far."""
        local = self._clock().astimezone(self._tz)
        return TriageAnswers(
            in_live_lane=self.checks["live_lane"].isChecked(),
            injuries=self.checks["injuries"].isChecked(),
            smoke_or_fire=self.checks["smoke"].isChecked(),
            ev_warning=self.checks["ev_warning"].isChecked(),
            vulnerable_occupants=self.checks["vulnerable"].isChecked(),
            road_type=RoadType(self._code("road")),
            local_time=local.time(),
            scheduled=self.checks["scheduled"].isChecked(),
            accident=self._fault() is Fault.ACCIDENT,
        )

    def _fault(self) -> Fault | None:
        code = self.fault.currentData()
        return Fault(code) if code else None

    def _fault_chosen(self) -> None:
        """The service follows the fault; an EV warning ticks the safety box."""
        fault = self._fault()
        if fault is not None and service_for(fault).ev_warning:
            self.checks["ev_warning"].setChecked(True)
        self._apply_fault_service()
        self._changed()

    def _apply_fault_service(self) -> None:
        fault = self._fault()
        if fault is None:
            return
        powertrain = Powertrain(self._code("powertrain") or Powertrain.UNKNOWN.value)
        combo = self.choices["service"]
        combo.setCurrentIndex(max(0, combo.findData(service_for(fault, powertrain).service.value)))

    def derived(self) -> TriageResult:
        """The priority the protocol gives for the answers so far."""
        return derive_priority(self.answers())

    def _update_priority(self) -> None:
        result = self.derived()
        reasons = join_reasons(factor_text(f) for f in result.factors)
        self.priority_label.setText(
            self.tr("{priority} — {reason}").format(priority=label(result.priority), reason=reasons)
        )
        tone = {"P1": "danger", "P2": "accent", "P3": "muted"}[result.priority.value]
        self.priority_label.setStyleSheet(f"color: {colour(tone).name()};")
        overriding = self.checks["override"].isChecked()
        self.choices["override_priority"].setEnabled(overriding)
        self.texts["override_reason"].setEnabled(overriding)
        self._update_safety_advice()

    def _update_safety_advice(self) -> None:
        lines: list[str] = []
        if self.checks["live_lane"].isChecked() or self._code("road") == RoadType.EXPRESSWAY:
            lines.append(
                self.tr(
                    "Everyone out on the side away from traffic and behind the barrier; "
                    "hazard lights on; warning triangle 150 m behind on an expressway."
                )
            )
        if self._fault() is Fault.ACCIDENT and not self.checks["injuries"].isChecked():
            lines.append(
                self.tr("Accident: ask whether anyone is hurt and whether 122 has been called.")
            )
        if self.checks["injuries"].isChecked():
            lines.append(self.tr("Make sure 120 (ambulance) and 122 (traffic police) are called."))
        if self.checks["smoke"].isChecked():
            lines.append(self.tr("Everyone away from the vehicle; make sure 119 (fire) is called."))
        if self.checks["ev_warning"].isChecked():
            lines.append(
                self.tr("Do not touch orange high-voltage cables; keep 10 m away if it smokes.")
            )
        self.safety_advice.setText("\n".join(f"• {line}" for line in lines))
        self.safety_advice.setStyleSheet(f"color: {colour('danger').name()};")
        self.safety_advice.setVisible(bool(lines))

    def _split_pasted_coordinates(self, text: str) -> None:
        # A pasted "30.27, 120.15" in the latitude box fills both boxes.
        parts = [p for p in text.replace("，", ",").split(",") if p.strip()]
        if len(parts) != 2:
            return
        try:
            lat, lon = (float(p) for p in parts)
        except ValueError:
            return
        self.set_location(lat, lon)

    def _check_location(self) -> None:
        self.area_warning.setVisible(False)
        try:
            lat, lon = validate_coordinates(self.texts["lat"].text(), self.texts["lon"].text())
        except ValidationError:
            return
        warnings = location_warnings(lat, lon)
        if warnings:
            self.area_warning.setText("⚠ " + error_text(warnings[0]))
            self.area_warning.setStyleSheet(f"color: {colour('warn').name()};")
            self.area_warning.setVisible(True)

    def set_location(self, lat: float, lon: float, address: str | None = None) -> None:
        """Fill in the coordinates (and the address, if given): the map's hook."""
        with QSignalBlocker(self.texts["lat"]):
            self.texts["lat"].setText(f"{lat:.6f}")
        self.texts["lon"].setText(f"{lon:.6f}")
        if address:
            self.texts["address"].setText(address)
        self._changed()
        self._check_location()

    def use_city_centre(self) -> None:
        """Approximate coordinates: the middle of the chosen city's depots."""
        city = self._city_value()
        points = [(d.lat, d.lon) for d in self._depots if d.city_zh == city]
        if not points:
            self._show_field_error("city", self.tr("Choose a city from the list first."))
            return
        self._show_field_error("city", "")
        self.set_location(
            sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        )
        self._centre_filled = (self.texts["lat"].text(), self.texts["lon"].text())

    def _city_chosen(self, _key: str) -> None:
        """A picked city fills the coordinates, unless the dispatcher typed their own."""
        typed = (self.texts["lat"].text().strip(), self.texts["lon"].text().strip())
        if typed in (("", ""), self._centre_filled):
            self.use_city_centre()

    # -- values ----------------------------------------------------------------------

    def _code(self, key: str) -> str:
        value = self.choices[key].currentData()
        return str(value) if value is not None else ""

    def _city_value(self) -> str:
        text = self.texts["city"].text().strip()
        index = self.city.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.city.itemData(index))
        for i in range(self.city.count()):
            # A typed Chinese name matches its entry even in the English UI.
            if self.city.itemData(i) == text:
                return text
        return text

    def draft(self) -> RequestDraft:
        """The form as a request draft, with the priority it would be stored with.

        Raises ``ValidationError`` (``reason.required``) for an override without a reason.
        """
        derived = self.derived()
        override = (
            Priority(self._code("override_priority"))
            if self.checks["override"].isChecked()
            else None
        )
        priority, reason = decide_priority(derived, override, self.texts["override_reason"].text())
        return RequestDraft(
            caller_phone=self.texts["phone"].text(),
            caller_name=self.texts["name"].text(),
            caller_language=self._code("language"),
            lat=self.texts["lat"].text(),
            lon=self.texts["lon"].text(),
            address=self.texts["address"].text(),
            city=self._city_value(),
            road_type=self._code("road"),
            plate=self.texts["plate"].text(),
            make_model=self.texts["make_model"].text(),
            powertrain=self._code("powertrain"),
            vehicle_class=self._code("vehicle_class"),
            awd=self.checks["awd"].isChecked(),
            service_type=self._code("service"),
            priority=priority,
            priority_reason=reason,
            notes=self.notes.toPlainText(),
        )

    # -- submitting ----------------------------------------------------------------------

    def submit_for_guidance(self) -> RequestRow | None:
        """Store the call in triage and hand it to the guidance panel.

        The safety answers of the form go along, so the script does not ask them again.
        """
        known = intake_answers(self.answers())
        row = self.submit(guide=True)
        if row is not None:
            self.sig_guidance_requested.emit(GuidanceStart(row.id, known))
        return row

    def submit(self, *, guide: bool = False) -> RequestRow | None:
        """Check every field; if all are right, store the request and move it on.

        With ``guide`` the request is left in triage for the guidance script
        to decide what happens next.
        """
        self._clear_errors()
        errors: list[ValidationError] = []
        try:
            draft = self.draft()
        except ValidationError as exc:
            errors.append(exc)
            draft = None
        if draft is not None:
            errors.extend(draft_errors(draft))
        if errors:
            self._show_errors(errors)
            return None
        assert draft is not None
        target = (
            RequestStatus.TRIAGE
            if guide
            else RequestStatus.RESOLVED_REMOTELY
            if self.checks["resolved"].isChecked()
            else RequestStatus.QUEUED
        )
        try:
            # One transaction: the call is stored and queued (or closed) together, or not at all.
            row = self._backend.take_call(draft, outcome=target)
        except DomainError as exc:
            self._show_errors([exc])
            return None
        except Exception:  # the data layer failing must not lose the call
            logger.warning("creating a request failed", exc_info=True)
            self._show_banner(
                self.tr(
                    "The request could not be saved; the connection may be down. "
                    "Nothing was stored: try again."
                )
            )
            return None
        self._submitted = True
        self._save_timer.stop()
        row = self._accept_quote(row)
        self.created = row
        self.clear_draft()
        self.sig_request_created.emit(row)
        self.accept()
        return row

    def quote_job(self) -> dict[str, Any]:
        """The job as the quote box needs it (codes and text as typed)."""
        return {
            "service": self._code("service"),
            "road": self._code("road"),
            "vehicle_class": self._code("vehicle_class"),
            "powertrain": self._code("powertrain"),
            "lat": self.texts["lat"].text(),
            "lon": self.texts["lon"].text(),
            "city": self._city_value(),
            "plate": self.texts["plate"].text(),
            "remote": self.checks["resolved"].isChecked(),
        }

    def _accept_quote(self, row: RequestRow) -> RequestRow:
        """Store the quote the caller accepted with the new request (its own transaction)."""
        query = self.quote.accepted_query() if self.quote is not None else None
        if query is None or not isinstance(self._backend, PricingDesk):
            return row
        try:
            self._backend.accept_quote(row.id, query)
            return self._backend.request(row.id) or row
        except Exception:  # the request is stored; the quote can be accepted on it later
            logger.warning("storing the accepted quote of %s failed", row.reference, exc_info=True)
            return row

    def _clear_errors(self) -> None:
        for message in self.errors.values():
            message.clear()
            message.setVisible(False)
        self.form_error.setVisible(False)

    def _show_field_error(self, key: str, text: str) -> None:
        message = self.errors[key]
        message.setText(text)
        message.setStyleSheet(f"color: {colour('danger').name()};")
        message.setVisible(bool(text))

    def _show_banner(self, text: str) -> None:
        self.form_error.setText(text)
        tone = colour("danger").name()
        self.form_error.setStyleSheet(
            f"QLabel#formError {{ color: {tone}; border: 1px solid {tone};"
            " border-radius: 4px; padding: 4px 6px; }"
        )
        self.form_error.setVisible(True)

    def _show_errors(self, errors: Sequence[DomainError]) -> None:
        unplaced: list[str] = []
        first: QWidget | None = None
        shown: dict[str, list[str]] = {}
        for err in errors:
            key = _FIELD_KEYS.get(err.field or "")
            if key is None:
                unplaced.append(error_text(err))
                continue
            shown.setdefault(key, []).append(error_text(err))
            if first is None:
                first = self.notes if key == "notes" else self.texts.get(_FOCUS.get(key, key))
        for key, texts in shown.items():
            self._show_field_error(key, " ".join(dict.fromkeys(texts)))
        banner = self.tr("Please correct the marked fields.") if shown else ""
        self._show_banner(" ".join([banner, *unplaced]).strip())
        if first is not None:
            first.setFocus()

    # -- the kept draft -------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every input as plain data."""
        data: dict[str, Any] = {key: edit.text() for key, edit in self.texts.items()}
        data["city"] = self._city_value()
        data.update({key: box.isChecked() for key, box in self.checks.items()})
        data.update({key: self._code(key) for key in self.choices})
        data["notes"] = self.notes.toPlainText()
        data["fault"] = str(self.fault.currentData() or "")
        return data

    def is_blank(self) -> bool:
        """True when nothing was typed or ticked."""
        data = self.values()
        typed = any(str(data.get(key, "")).strip() for key in (*_TEXT_FIELDS, "notes"))
        ticked = any(data.get(key) for key in _CHECKS)
        return not (typed or ticked or data.get("fault"))

    def save_draft(self) -> None:
        """Keep the form in the settings (nothing is kept for an empty form)."""
        if self._submitted:
            return
        if self.is_blank():
            if self._pending is None:  # a draft still on offer is kept until answered
                self.clear_draft()
            return
        data = self.values()
        data["saved_at"] = self._clock().isoformat()
        self._settings.setValue(self._draft_key, json.dumps(data, ensure_ascii=False))
        self._settings.sync()

    def clear_draft(self) -> None:
        """Forget the kept draft."""
        self._settings.remove(self._draft_key)
        self._settings.sync()

    def kept_draft(self) -> dict[str, Any] | None:
        """The draft kept from an earlier intake, if any."""
        raw = self._settings.value(self._draft_key)
        if not isinstance(raw, str) or not raw:
            return None
        try:
            data = parse_json(raw)
        except ValueError:  # bad JSON, or a DocumentError (nested too deep)
            logger.warning("ignoring a damaged intake draft")
            return None
        return data if isinstance(data, dict) else None

    def _offer_draft(self) -> None:
        if self._settings.contains(DRAFT_KEY):
            logger.info("dropping an intake draft kept without its user")
            self._settings.remove(DRAFT_KEY)
            self._settings.sync()
        self._pending = self.kept_draft()
        self._update_draft_banner()

    @property
    def draft_offered(self) -> bool:
        """True while a kept draft waits to be restored or discarded."""
        return self._pending is not None

    def _update_draft_banner(self) -> None:
        pending = self._pending
        if not pending:
            self.draft_banner.setVisible(False)
            return
        when = ""
        try:
            saved = datetime.fromisoformat(str(pending.get("saved_at", "")))
            when = f"{saved.astimezone(self._tz):%H:%M}"
        except ValueError:
            pass
        self.draft_text.setText(
            self.tr("An unfinished call from {time} was kept. Restore it?").format(time=when)
        )
        tone = colour("warn").name()
        self.draft_banner.setStyleSheet(
            f"QWidget#draftBanner {{ border: 1px solid {tone}; border-radius: 4px; }}"
        )
        self.draft_banner.setVisible(True)

    def restore_draft(self) -> None:
        """Fill the form from the kept draft."""
        data = self._pending or {}
        for key, edit in self.texts.items():
            if key != "city" and isinstance(data.get(key), str):
                edit.setText(data[key])
        for key, box in self.checks.items():
            box.setChecked(bool(data.get(key)))
        for key, combo in self.choices.items():
            index = combo.findData(data.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        fault = self.fault.findData(data.get("fault") or "")
        with QSignalBlocker(self.fault):  # the service was restored as it was
            self.fault.setCurrentIndex(max(0, fault))
        city = data.get("city")
        if isinstance(city, str):
            index = self.city.findData(city)
            if index >= 0:
                self.city.setCurrentIndex(index)
            else:
                self.city.setEditText(city)
        if isinstance(data.get("notes"), str):
            self.notes.setPlainText(data["notes"])
        self._pending = None
        self._update_draft_banner()
        self._check_location()
        self.texts["phone"].setFocus()

    def discard_draft(self) -> None:
        """Empty the form and forget the kept draft."""
        self._pending = None
        self._update_draft_banner()
        for edit in self.texts.values():
            edit.clear()
        self.city.setCurrentIndex(-1)
        for box in self.checks.values():
            box.setChecked(False)
        self._set_default_choices()
        self.fault.setCurrentIndex(0)
        self.notes.clear()
        self._clear_errors()
        self.area_warning.setVisible(False)
        self._save_timer.stop()
        self.clear_draft()
        self.checks["live_lane"].setFocus()

    def reject(self) -> None:
        """Close; the typed call is kept for next time."""
        self._save_timer.stop()
        self.save_draft()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Keep the draft when the window is closed by its frame."""
        if not self._submitted:
            self._save_timer.stop()
            self.save_draft()
        super().closeEvent(event)


def _key_of(mapping: dict[str, QComboBox], combo: QComboBox) -> str:
    return next(key for key, value in mapping.items() if value is combo)
