"""The guidance panel: reads a protocol to the caller, one node at a time.

The node's text is shown large in the CALLER's language (the request's
``caller_language``) for the dispatcher to read aloud; when the dispatcher's
own interface language differs, the same text is shown small underneath.
Answers are buttons (keys 1-9), Backspace goes back, Ctrl+E escalates to a
dispatcher, and once an outcome is reached Ctrl+S stores it: the request
is closed as resolved remotely, or queued with the outcome's service type,
equipment and priority. A broken script set is refused with the reason.

Questions the caller already answered at intake are not asked again: they
are listed as answered and recorded in the path as such. Everything sits in
a scroll area, so a small dock scrolls instead of cutting a safety text short
or squeezing the answer buttons (which wrap their text and keep full height).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Protocol

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import DomainError
from console.core.guidance import (
    ESCALATE,
    INTAKE,
    GuidanceLibrary,
    GuidanceRun,
    Issue,
    Text,
    load_library,
)
from console.core.ports import GuidanceCommands
from console.core.records import RequestRow
from console.core.vocab import RequestStatus
from console.ui.i18n import current_language
from console.ui.icons import colour, icon
from console.ui.labels import error_text, label
from console.ui.plain_text import make_plain, plain_tooltip
from console.ui.wrapping_button import WrappingButton

__all__ = ["GuidanceBackend", "GuidancePanel"]

logger = logging.getLogger(__name__)

MAX_ANSWER_KEYS = 9
"""Answers reachable with the digit keys."""
PATH_ROWS = 6
"""Rows of the recorded path shown without scrolling the list."""
GUIDABLE = frozenset({RequestStatus.NEW, RequestStatus.TRIAGE, RequestStatus.QUEUED})
"""Statuses in which a call can still be guided (no crew holds it yet)."""


class GuidanceBackend(GuidanceCommands, Protocol):
    """What the panel needs: read a request, finish a guided call."""

    def request(self, request_id: int) -> RequestRow | None:
        """One request as it is now, or None."""
        ...


class GuidancePanel(QWidget):
    """Walks the dispatcher through a guidance protocol for one request."""

    sig_finished = Signal(object)
    """Emitted with the stored :class:`RequestRow` once an outcome was saved."""

    def __init__(
        self,
        backend: GuidanceBackend,
        *,
        loader: Callable[[], tuple[GuidanceLibrary | None, list[Issue]]] = load_library,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guidancePanel")
        # Takes the keyboard when a run starts, so the digit keys answer at once.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._backend = backend
        self.library, self.issues = loader()
        self.run: GuidanceRun | None = None
        self.row: RequestRow | None = None
        self.saved: RequestRow | None = None
        self._message = ""
        self._build()
        self.retranslate_ui()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("guidanceTitle")
        self.title.setWordWrap(True)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("guidanceKind")
        self.caller_text = QLabel()
        self.caller_text.setObjectName("guidanceCallerText")
        self.caller_text.setWordWrap(True)
        self.caller_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.caller_text.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.caller_text.setFont(font)
        self.own_text = QLabel()
        self.own_text.setObjectName("guidanceOwnText")
        self.own_text.setWordWrap(True)
        small = self.own_text.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        small.setItalic(True)
        self.own_text.setFont(small)
        self.own_text.setEnabled(False)  # muted: it is for the dispatcher, not to be read out
        self.known_text = QLabel()
        self.known_text.setObjectName("guidanceKnown")
        self.known_text.setWordWrap(True)

        self.answer_box = QVBoxLayout()
        self.answer_buttons: list[WrappingButton] = []
        self.number = QDoubleSpinBox()
        self.number.setRange(0, 100000)
        self.number.setDecimals(0)
        self.number_button = QPushButton()
        self.number_button.clicked.connect(self._answer_number)
        self.number.lineEdit().returnPressed.connect(self._answer_number)
        self.number_row = QWidget()
        number_layout = QHBoxLayout(self.number_row)
        number_layout.setContentsMargins(0, 0, 0, 0)
        number_layout.addWidget(self.number, 1)
        number_layout.addWidget(self.number_button)

        self.outcome = QLabel()
        self.outcome.setObjectName("guidanceOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setFrameShape(QFrame.Shape.StyledPanel)
        self.finish_button = QPushButton(icon("request.resolve"), "")
        self.finish_button.setObjectName("guidanceFinish")
        self.finish_button.clicked.connect(self.finish)

        self.path_title = QLabel()
        # A one-column tree rather than a list widget: the same look, and a model
        # with the table interface every other panel's views have.
        self.path_list = QTreeWidget()
        self.path_list.setObjectName("guidancePath")
        self.path_list.setColumnCount(2)
        self.path_list.setHeaderHidden(True)
        self.path_list.setRootIsDecorated(False)
        self.path_list.setAlternatingRowColors(True)
        header = self.path_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.path_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A few rows high; a longer path scrolls in the list, the panel scrolls around it.
        rows = self.path_list.fontMetrics().lineSpacing() + 6
        self.path_list.setFixedHeight(rows * PATH_ROWS + 2 * self.path_list.frameWidth())
        self.back_button = QPushButton(icon("nav.previous"), "")
        self.back_button.clicked.connect(self.back)
        self.escalate_button = QPushButton(icon("app.warning"), "")
        self.escalate_button.setObjectName("guidanceEscalate")
        self.escalate_button.clicked.connect(self.escalate)
        self.message = QLabel()
        # Script text comes from files and answers from callers: shown as written.
        make_plain(
            self.title, self.caller_text, self.own_text, self.known_text, self.outcome, self.message
        )
        self.message.setObjectName("guidanceMessage")
        self.message.setWordWrap(True)

        controls = QHBoxLayout()
        controls.addWidget(self.back_button)
        controls.addStretch(1)
        controls.addWidget(self.escalate_button)

        # Everything scrolls inside the dock: a small dock never cuts a safety text
        # short or squeezes the answer buttons, it shows a scroll bar instead.
        self.content = QWidget()
        self.content.setObjectName("guidanceContent")
        content = QVBoxLayout(self.content)
        content.addWidget(self.title)
        content.addWidget(self.kind_label)
        content.addWidget(self.caller_text)
        content.addWidget(self.own_text)
        content.addWidget(self.known_text)
        content.addLayout(self.answer_box)
        content.addWidget(self.number_row)
        content.addWidget(self.outcome)
        content.addWidget(self.finish_button)
        content.addLayout(controls)
        content.addWidget(self.message)
        content.addWidget(self.path_title)
        content.addWidget(self.path_list)
        content.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("guidanceScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for digit in range(1, MAX_ANSWER_KEYS + 1):
            shortcut = QShortcut(QKeySequence(str(digit)), self, context=context)
            shortcut.activated.connect(lambda n=digit: self.choose(n - 1))
        QShortcut(QKeySequence("Backspace"), self, context=context).activated.connect(self.back)
        QShortcut(QKeySequence("Ctrl+E"), self, context=context).activated.connect(self.escalate)
        # Ctrl+Return is the window's "assign best crew"; saving the outcome is Ctrl+S.
        QShortcut(QKeySequence("Ctrl+S"), self, context=context).activated.connect(self.finish)

        self.guide_action = QAction(icon("request.triage"), "", self)
        self.guide_action.setObjectName("guideAction")
        self.guide_action.setShortcut(QKeySequence("F6"))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.guide_action)

    # ----------------------------------------------------------------------- API

    @property
    def request_id(self) -> int | None:
        """The request being guided, or None."""
        return self.row.id if self.row else None

    def open_reference(self) -> str | None:
        """The request being guided and not yet saved (work still open), else None."""
        if self.run is None or self.row is None or self.saved is not None:
            return None
        return self.row.reference

    def start(self, request_id: int | None, known: Mapping[str, str] | None = None) -> bool:
        """Begin guiding ``request_id`` from the case entry; False (and why) if it cannot.

        ``known`` are answers the caller gave at intake (``"protocol.node" ->
        answer``): those questions are shown as answered, not asked again.
        """
        self.saved = None
        self._message = ""
        if self.library is None:
            self.run = None
            self.row = None
            self._render()
            return False
        if request_id is None:
            self._message = self.tr("Select a request first.")
            self._render()
            return False
        try:
            row = self._backend.request(request_id)
        except DomainError as exc:
            row, self._message = None, error_text(exc)
        except Exception:  # the database may be away; the panel must survive
            logger.warning("request %s unavailable for guidance", request_id, exc_info=True)
            row, self._message = None, self.tr("The database cannot be reached.")
        if row is not None and row.status not in GUIDABLE:
            self._message = self.tr("Request {reference} is {status}: it cannot be guided.").format(
                reference=row.reference, status=label(row.status)
            )
            row = None
        if row is None:
            self._render()
            return False
        self.row = row
        facts: dict[str, str | bool] = {
            "powertrain": row.powertrain.value,
            "vehicle_class": row.vehicle_class.value,
            "awd": row.awd,
            "road_type": row.road_type.value,
        }
        self.run = GuidanceRun(self.library, facts, known=known, source=INTAKE)
        self._render()
        self.take_focus()
        return True

    def take_focus(self) -> None:
        """Put the keyboard in the panel: digits answer, Backspace goes back."""
        if self.run is not None and not self.run.finished and self.run.node.kind == "number":
            self.number.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, index: int) -> None:
        """Take the ``index``-th answer of the current node (0 = the first button)."""
        run = self.run
        if run is None or run.finished or run.node.kind == "number":
            return
        answers = run.node.answers
        if 0 <= index < len(answers):
            run.answer(answers[index].id)
            self._message = ""
            self._render()

    def back(self) -> None:
        """Take the last answer back."""
        if self.run is not None and self.saved is None and self.run.back():
            self._message = ""
            self._render()

    def escalate(self) -> None:
        """Hand the call to a dispatcher with this step's escalation code."""
        if self.run is not None and not self.run.finished and self.saved is None:
            self.run.escalate()
            self._render()

    def finish(self) -> RequestRow | None:
        """Store the outcome (one transaction); the request is closed or queued."""
        run, row = self.run, self.row
        if run is None or row is None or run.result is None or self.saved is not None:
            return None
        try:
            stored = self._backend.finish_guidance(
                row.id, run.result.path(), expected_version=row.version
            )
        except DomainError as exc:
            self._message = error_text(exc)
            self._render()
            return None
        except Exception:
            logger.warning("storing guidance for %s failed", row.reference, exc_info=True)
            self._message = self.tr(
                "The outcome could not be saved; the connection may be down. Try again."
            )
            self._render()
            return None
        self.saved = stored
        self._message = self.tr("Saved: {reference} is {status}.").format(
            reference=stored.reference, status=label(stored.status)
        )
        self._render()
        self.sig_finished.emit(stored)
        return stored

    # ---------------------------------------------------------------------- text

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Guidance"))
        self.guide_action.setText(self.tr("Guide the caller…"))
        self.guide_action.setToolTip(
            self.tr("Walk the caller through a guidance script for the selected request (F6)")
        )
        self.guide_action.setStatusTip(
            self.tr(
                "Guide the selected request's caller; in the new-call form F6 stores the call "
                "and guides it, without asking the safety questions again"
            )
        )
        self.number_button.setText(self.tr("Answer"))
        self.finish_button.setText(self.tr("Finish and save (Ctrl+S)"))
        self.back_button.setText(self.tr("Back (Backspace)"))
        self.escalate_button.setText(self.tr("Escalate to dispatch (Ctrl+E)"))
        self.path_title.setText(self.tr("Path so far"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ----------------------------------------------------------------- internals

    def _caller_language(self) -> str:
        return self.row.caller_language.value if self.row else current_language()

    def _pair(self, text: Text) -> tuple[str, str]:
        """(caller's text, dispatcher's text or "" when the languages match)."""
        caller = text.in_language(self._caller_language())
        own = text.in_language(current_language())
        return caller, "" if own == caller else own

    def _render(self) -> None:
        run = self.run
        self._clear_answers()
        if self.library is None:
            self._show_broken()
            return
        self.path_list.clear()
        if run is None or self.row is None:
            self.title.setText(self.tr("Guidance"))
            self.kind_label.clear()
            self.caller_text.setText(
                self.tr("Select a request and press F6, or choose “Guide the caller” in intake.")
            )
            self.own_text.hide()
            self.known_text.hide()
            self._show_controls(outcome=False)
            self.message.setText(self._message)
            return
        self.title.setText(
            self.tr("{reference} · {protocol} (caller speaks {language})").format(
                reference=self.row.reference,
                protocol=run.protocol.title.in_language(current_language()),
                language=self.tr("Chinese")
                if self._caller_language() == "zh"
                else self.tr("English"),
            )
        )
        known: list[str] = []
        for step in run.steps:
            texts = self.library.step_text(step.code(), current_language())
            question = texts[0] if texts else step.code()
            given = texts[1] if texts else ""
            if step.answer == ESCALATE:
                given = self.tr("Escalated")
            elif step.source == INTAKE:
                known.append(f"{question} {given}")
                given = self.tr("{answer} (at intake)").format(answer=given)
            item = QTreeWidgetItem([question, given])
            item.setToolTip(0, plain_tooltip(question))
            self.path_list.addTopLevelItem(item)
        self.path_list.scrollToBottom()
        self.known_text.setText(
            self.tr("Answered at intake, not asked again: {answers}").format(
                answers=" · ".join(known)
            )
            if known
            else ""
        )
        self.known_text.setVisible(bool(known))
        node = run.node
        caller, own = self._pair(node.text)
        if node.check is not None:
            check_caller, check_own = self._pair(node.check)
            caller = f"{caller}\n\n{check_caller}"
            own = f"{own}\n\n{check_own}" if own else ""
        self.caller_text.setText(caller)
        self.own_text.setText(own)
        self.own_text.setVisible(bool(own))
        self.kind_label.setText(self._kind_text(node.type))
        warn = node.type == "warning"
        self.kind_label.setStyleSheet(
            f"font-weight: bold; color: {colour('danger').name()};"
            if warn
            else "font-weight: bold;"
        )
        result = run.result
        if result is not None:
            response = result.response
            summary = self.tr(
                "Outcome {code}: {label}\nService: {service} · Priority: {priority}{equipment}"
            ).format(
                code=result.code,
                label=response.label.in_language(current_language()),
                service=label(response.service),
                priority=label(result.priority),
                equipment=(
                    self.tr(" · Needs: {kinds}").format(
                        kinds=", ".join(label(k) for k in sorted(response.equipment))
                    )
                    if response.equipment
                    else ""
                ),
            )
            closing = (
                self.tr("The request will be closed as resolved by phone.")
                if response.resolved
                else self.tr("The request will be queued for a crew.")
            )
            self.outcome.setText(f"{summary}\n{closing}")
            self._show_controls(outcome=True)
        else:
            self._show_controls(outcome=False)
            self.number_row.setVisible(node.kind == "number")
            if node.kind == "number":
                # The digits go into the number box, not to the answer shortcuts.
                self.number.setFocus(Qt.FocusReason.OtherFocusReason)
                self.number.selectAll()
            if node.kind != "number":
                for i, answer in enumerate(node.answers):
                    answer_caller, answer_own = self._pair(answer.text)
                    text = f"{i + 1}  {answer_caller}" + (f"  ({answer_own})" if answer_own else "")
                    button = WrappingButton(text)
                    button.setObjectName(f"guidanceAnswer_{answer.id}")
                    button.clicked.connect(lambda _c=False, n=i: self.choose(n))
                    self.answer_box.addWidget(button)
                    self.answer_buttons.append(button)
        self.back_button.setEnabled(run.can_go_back and self.saved is None)
        self.escalate_button.setEnabled(not run.finished)
        self.finish_button.setEnabled(run.finished and self.saved is None)
        self.message.setText(self._message)

    def _kind_text(self, node_type: str) -> str:
        texts = {
            "question": self.tr("Ask the caller"),
            "instruction": self.tr("Read the instruction, then check"),
            "warning": self.tr("Safety warning: read it out now"),
            "outcome": self.tr("Tell the caller"),
        }
        return texts.get(node_type, "")

    def _show_controls(self, *, outcome: bool) -> None:
        self.number_row.setVisible(False)
        self.outcome.setVisible(outcome)
        self.finish_button.setVisible(outcome)
        for widget in (self.back_button, self.escalate_button):
            widget.setVisible(self.run is not None)

    def _show_broken(self) -> None:
        self.title.setText(self.tr("Guidance is unavailable"))
        self.kind_label.clear()
        first = "\n".join(str(issue) for issue in self.issues[:8])
        self.caller_text.setText(
            self.tr(
                "The guidance scripts have {count} problem(s) and will not be used until "
                "they are fixed (run “python main.py guidance check”):"
            ).format(count=QLocale().toString(len(self.issues)))
        )
        self.own_text.setText(first)
        self.own_text.show()
        self.known_text.hide()
        self.path_list.clear()
        self._show_controls(outcome=False)
        self.message.setText(self._message)

    def _clear_answers(self) -> None:
        for button in self.answer_buttons:
            self.answer_box.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.answer_buttons = []

    def _answer_number(self) -> None:
        run = self.run
        if run is None or run.finished or run.node.kind != "number":
            return
        try:
            run.answer_number(self.number.value())
        except ValueError:
            self._message = self.tr("That number is not covered by the script; escalate instead.")
        else:
            self._message = ""
        self._render()
