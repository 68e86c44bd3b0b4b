"""The strip on the request detail about the job's crew: live ETA and "arrived?".

It only shows what :class:`~console.ui.field.tracker.JobTracker` hands it; the
buttons ask the window to act (mark on scene through the panel's own action,
or dismiss the question). Hidden while there is nothing to say.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.core.field.arrival import ARRIVAL_RADIUS_M
from console.core.field.live_eta import FeedSilent, LiveEta
from console.ui.field.tracker import JobView
from console.ui.icons import colour, icon
from console.ui.plain_text import make_plain
from console.ui.request_detail import fix_age_text

__all__ = ["JobFieldStrip"]


class JobFieldStrip(QFrame):
    """Live ETA of the selected job's crew and, when its fixes say so, "arrived?"."""

    sig_mark_on_scene = Signal(int)
    """The dispatcher confirmed the arrival of the request (its id)."""
    sig_dismissed = Signal(int)
    """The dispatcher answered "not yet" for the request (its id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobFieldStrip")
        self._view: JobView | None = None
        self.can_mark: Callable[[], bool] = lambda: True
        """Whether "mark on scene" is offered (the role and the job's status allow it)."""
        self.eta_label = QLabel(self)
        self.eta_label.setObjectName("liveEta")
        self.eta_label.setWordWrap(True)
        self.prompt = QFrame(self)
        self.prompt.setObjectName("arrivalPrompt")
        self.prompt_label = QLabel(self.prompt)
        self.prompt_label.setObjectName("arrivalText")
        self.prompt_label.setWordWrap(True)
        make_plain(self.eta_label, self.prompt_label)
        self.mark_button = QPushButton(self.prompt)
        self.mark_button.setObjectName("arrivalMark")
        self.dismiss_button = QPushButton(self.prompt)
        self.dismiss_button.setObjectName("arrivalDismiss")
        self.mark_button.clicked.connect(self._mark)
        self.dismiss_button.clicked.connect(self._dismiss)
        row = QHBoxLayout(self.prompt)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.prompt_label, 1)
        row.addWidget(self.mark_button)
        row.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(4)
        layout.addWidget(self.prompt)
        layout.addWidget(self.eta_label)
        self.restyle()
        self.show_view(None)

    @property
    def view(self) -> JobView | None:
        """What is shown."""
        return self._view

    def show_view(self, view: JobView | None) -> None:
        """Show ``view`` (None: hide the strip)."""
        self._view = view
        self._render()

    def restyle(self) -> None:
        """Pick up the colours of a new theme."""
        tone = colour("accent").name()
        self.prompt.setStyleSheet(
            f"QFrame#arrivalPrompt {{ border: 2px solid {tone}; border-radius: 4px; }}"
            f" QLabel#arrivalText {{ color: {tone}; font-weight: bold; }}"
        )
        self.mark_button.setIcon(icon("request.on_scene"))
        self._render()

    def retranslate_ui(self) -> None:
        """Set every string in the current language."""
        self.mark_button.setText(self.tr("Mark on scene"))
        self.dismiss_button.setText(self.tr("Not yet"))
        self.dismiss_button.setToolTip(
            self.tr("Hide this question until the crew leaves the scene and comes back")
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate on a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _render(self) -> None:
        if not self.mark_button.text():
            self.retranslate_ui()
            return
        view = self._view
        eta_text, silent = self._eta_text(view)
        self.eta_label.setText(eta_text)
        self.eta_label.setVisible(bool(eta_text))
        self.eta_label.setStyleSheet(
            f"QLabel#liveEta {{ color: {colour('warn').name()}; font-weight: bold; }}"
            if silent
            else ""
        )
        found = view.arrival if view is not None else None
        if view is not None and found is not None:
            self.prompt_label.setText(
                self.tr(
                    "Arrived? {crew} has stayed within {metres} m of the scene for {duration}."
                ).format(
                    crew=view.crew_call_sign or self.tr("The crew"),
                    metres=round(ARRIVAL_RADIUS_M),
                    duration=fix_age_text(found.last - found.since),
                )
            )
            self.mark_button.setVisible(self.can_mark())
        self.prompt.setVisible(found is not None)
        self.setVisible(bool(eta_text) or found is not None)

    def _eta_text(self, view: JobView | None) -> tuple[str, bool]:
        """The ETA line and whether it says the feed is silent."""
        eta = view.eta if view is not None else None
        if view is None or eta is None:
            return "", False
        crew = view.crew_call_sign or self.tr("The crew")
        if isinstance(eta, LiveEta):
            return (
                self.tr("Live ETA {minutes} min · from a fix {age} ago").format(
                    minutes=eta.minutes, age=fix_age_text(eta.fix_age)
                ),
                False,
            )
        assert isinstance(eta, FeedSilent)
        if eta.age is None:
            return self.tr("{crew} has sent no position: live ETA unknown").format(crew=crew), True
        return (
            self.tr("No position from {crew} for {age}: live ETA unknown").format(
                crew=crew, age=fix_age_text(eta.age)
            ),
            True,
        )

    def _mark(self) -> None:
        if self._view is not None:
            self.sig_mark_on_scene.emit(self._view.request.id)

    def _dismiss(self) -> None:
        if self._view is not None:
            self.sig_dismissed.emit(self._view.request.id)
