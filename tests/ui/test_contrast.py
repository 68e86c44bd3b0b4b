"""Contrast of both themes, computed from what the console paints (WCAG 2 AA).

Text must reach 4.5:1 against its background, control outlines and icons 3:1.
The checks read the QPalette of each theme, the colours item models hand to
views, the stylesheets widgets really carry, and pixels of a rendered check box.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from console.core.records import RequestChanges
from console.core.vocab import Priority, Skill
from console.ui.alert_banner import Alert, AlertKind
from console.ui.app import build_main_window
from console.ui.contrast import GRAPHIC_RATIO, TEXT_RATIO, blend, contrast_ratio, parse_qss
from console.ui.crew_model import BADGES_ROLE, CrewColumn, CrewTableModel
from console.ui.dashboard.tiles import KpiTile, Standing
from console.ui.icons import ICONS, colour, priority_icon_name
from console.ui.main_window import MainWindow
from console.ui.queue_model import Column, RequestQueueModel
from console.ui.sign_in_dialog import demo_badge_style
from console.ui.theme import Theme, apply_theme, indicator_colour
from tests.ui.conftest import T0, FakeClock, FakeQueueSource, crew_row, request_row

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

TEXT_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
)
"""(text role, background role) pairs that put text on screen."""
TEXT_TONES = ("text", "muted", "accent", "ok", "warn", "danger", "ev")
"""Icon-palette tones that are also used as text (labels, table cells, badges)."""


@pytest.fixture(params=[Theme.LIGHT, Theme.DARK], ids=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Theme]:
    """Each theme in turn, applied to the application."""
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, Theme.LIGHT)


def test_every_text_role_reads_on_its_background(theme: Theme, qapp: QApplication) -> None:
    palette = qapp.palette()
    failures = []
    for group in (Group.Active, Group.Inactive):
        for text, background in TEXT_PAIRS:
            ratio = contrast_ratio(palette.color(group, text), palette.color(group, background))
            if ratio < TEXT_RATIO:
                failures.append((group.name, text.name, background.name, round(ratio, 2)))
    assert not failures


def test_every_tone_reads_as_text_on_window_inputs_and_tables(
    theme: Theme, qapp: QApplication
) -> None:
    palette = qapp.palette()
    failures = []
    for tone in TEXT_TONES:
        for background in (Role.Window, Role.Base, Role.AlternateBase):
            ratio = contrast_ratio(colour(tone), palette.color(background))
            if ratio < TEXT_RATIO:
                failures.append((tone, background.name, round(ratio, 2)))
    assert not failures


def test_crew_skill_badges_read_on_their_wash(theme: Theme, qapp: QApplication) -> None:
    """The crew board draws each skill badge's text on a 40/255 wash of its own tone."""
    model = CrewTableModel(FakeClock(T0))
    model.load([crew_row(1, skills=frozenset(Skill))])
    badges = model.data(model.index(0, CrewColumn.SKILLS), BADGES_ROLE)
    assert len(badges) == len(Skill)
    palette = qapp.palette()
    for _text, tone in badges:
        wash = QColor(colour(tone))
        wash.setAlpha(40)
        for background in (Role.Base, Role.AlternateBase):
            ratio = contrast_ratio(colour(tone), blend(wash, palette.color(background)))
            assert ratio >= TEXT_RATIO, (tone, background.name, round(ratio, 2))


def test_alert_and_badge_fills_carry_readable_text(theme: Theme) -> None:
    fill = colour("danger_fill")
    assert contrast_ratio(colour("on_danger"), fill) >= TEXT_RATIO
    assert contrast_ratio(colour("on_danger"), fill.darker(140)) >= TEXT_RATIO  # flashing
    assert contrast_ratio(colour("on_warn"), colour("warn")) >= TEXT_RATIO


def test_queue_cells_read_in_every_sla_state_and_priority(theme: Theme, qapp: QApplication) -> None:
    """SLA green/amber/red and P1 rows, on plain and alternate rows."""
    rows = (
        request_row(1),  # P2, on track
        request_row(2, priority=Priority.P1),  # P1, on track
        request_row(3, priority=Priority.P1, assign_due_at=T0 + timedelta(seconds=15)),
        request_row(4, priority=Priority.P1, assign_due_at=T0 - timedelta(seconds=10)),
        request_row(5, assign_due_at=T0 - timedelta(seconds=10)),  # P2, breached
        request_row(6, priority=Priority.P3),
    )
    model = RequestQueueModel(FakeClock(T0))
    model.load(RequestChanges(1, rows))
    palette = qapp.palette()
    failures = []
    seen_tones = set()
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            index = model.index(r, c, QModelIndex())
            fg = model.data(index, Qt.ItemDataRole.ForegroundRole)
            bg = model.data(index, Qt.ItemDataRole.BackgroundRole)
            text = QColor(fg) if fg is not None else palette.color(Role.Text)
            if fg is not None:
                seen_tones.add(QColor(fg).name())
            for base in (Role.Base, Role.AlternateBase):
                under = palette.color(base)
                shown = blend(QColor(bg), under) if bg is not None else under
                ratio = contrast_ratio(text, shown)
                if ratio < TEXT_RATIO:
                    failures.append((r, Column(c).name, base.name, round(ratio, 2)))
                if c == Column.PRIORITY:
                    row = model.data(index, Qt.ItemDataRole.UserRole)
                    tone = ICONS[priority_icon_name(row.priority)][1]
                    if contrast_ratio(colour(tone), shown) < GRAPHIC_RATIO:
                        failures.append((r, "priority icon", base.name))
    assert {colour(t).name() for t in ("ok", "warn", "danger")} <= seen_tones
    assert not failures


def _rule_background(widget: QWidget, selector: str, rules: list, palette: QPalette) -> QColor:
    """What a rule's text is painted on: its own background, an enclosing rule's, the
    nearest styled ancestor's, else the palette's base (inputs) or window colour."""
    for rule in rules:
        found = rule.colour("background", palette)
        if found is not None and (rule.selector == selector or selector.startswith(rule.selector)):
            return found
    parent = widget.parentWidget()
    while parent is not None:
        for rule in parse_qss(parent.styleSheet()):
            found = rule.colour("background", palette)
            if found is not None:
                return found
        parent = parent.parentWidget()
    if isinstance(widget, QLineEdit | QTextEdit | QAbstractItemView):
        return palette.color(Role.Base)
    return palette.color(Role.Window)


def stylesheet_failures(root: QWidget, palette: QPalette) -> tuple[int, list[tuple]]:
    """(rules checked, failing pairs) over every stylesheet in ``root``'s widget tree."""
    checked = 0
    failures: list[tuple] = []
    for widget in [root, *root.findChildren(QWidget)]:
        rules = parse_qss(widget.styleSheet())
        for rule in rules:
            text = rule.colour("color", palette)
            border = rule.colour("border", palette)
            if text is None and border is None:
                continue
            background = _rule_background(widget, rule.selector, rules, palette)
            checked += 1
            if text is not None and contrast_ratio(text, background) < TEXT_RATIO:
                failures.append((widget.objectName() or type(widget).__name__, rule.selector,
                                 "text", text.name(), background.name()))  # fmt: skip
            # An outline is what marks an unfilled chip or message; a filled card's
            # frame is decoration (its fill already sets it apart).
            filled = rule.colour("background", palette) is not None
            if (
                border is not None
                and not filled
                and contrast_ratio(border, background) < GRAPHIC_RATIO
            ):
                failures.append((widget.objectName() or type(widget).__name__, rule.selector,
                                 "border", border.name(), background.name()))  # fmt: skip
    return checked, failures


@pytest.fixture
def themed_window(
    qtbot: QtBot, theme: Theme, fake_source: FakeQueueSource, clock: FakeClock, qsettings: QSettings
) -> MainWindow:
    """The main window over the fake source, switched to ``theme`` and shown."""
    window = build_main_window(fake_source, "en", clock, settings=qsettings, poll_ms=60_000)
    qtbot.addWidget(window)
    window.set_theme(theme)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_stylesheet_colour_pair_reads(
    qtbot: QtBot, themed_window: MainWindow, qapp: QApplication
) -> None:
    window = themed_window
    # States that carry their own colours: the alert banner (both flash shades),
    # an intake form with its errors, KPI tiles of every standing, a demo badge.
    banner = window.alerts.banner
    banner.push([Alert(AlertKind.NEW_P1, 1, "RA-20261123-0001")])
    assert banner.is_alerting
    dialog = window.open_intake()
    dialog.submit()
    extras = QWidget()
    qtbot.addWidget(extras)
    layout = QVBoxLayout(extras)
    for standing in Standing:
        tile = KpiTile("satisfaction", extras)
        tile.set_figure("Satisfied", "91 %", "target 90 %", standing)
        layout.addWidget(tile)
    badge = QLabel("DEMO", extras)
    badge.setStyleSheet(demo_badge_style())
    layout.addWidget(badge)
    palette = qapp.palette()
    checked = 0
    failures = []
    for bright in (True, False):
        banner._bright = bright  # the flash's second shade
        banner.restyle()
        for root in (window, dialog, extras):
            count, found = stylesheet_failures(root, palette)
            checked += count
            failures += found
    assert checked >= 12, "the check found the styled widgets"
    assert "alertBanner" in {f"{w.objectName()}" for w in window.findChildren(QWidget)
                             if "color" in w.styleSheet()}  # fmt: skip
    assert not failures
    dialog.close()


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_check_box_and_radio_outlines_stand_out_from_the_window(
    qtbot: QtBot, theme: Theme, qapp: QApplication, kind: type[QCheckBox | QRadioButton]
) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.setAutoFillBackground(True)
    button = kind("Smoke or fire", holder)
    button.move(10, 10)
    holder.resize(240, 60)
    holder.show()
    qtbot.waitExposed(holder)
    window_colour = qapp.palette().color(Role.Window)
    assert contrast_ratio(indicator_colour(), window_colour) >= GRAPHIC_RATIO
    assert contrast_ratio(indicator_colour(), qapp.palette().color(Role.Base)) >= GRAPHIC_RATIO
    image = button.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(button)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if kind is QCheckBox
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    box = button.style().subElementRect(element, option, button)
    ratio = image.devicePixelRatio()
    middle = round((box.top() + box.height() / 2) * ratio)
    # Along the indicator's middle row, from its left edge inwards: its outline.
    edge = [
        contrast_ratio(QColor(image.pixel(round(x * ratio), middle)), window_colour)
        for x in range(box.left(), box.left() + 3)
    ]
    assert max(edge) >= GRAPHIC_RATIO, edge


def test_every_icon_stands_out_from_the_window_and_inputs(theme: Theme, qapp: QApplication) -> None:
    """Icons are graphics (3:1); the alert banner's own icon sits on the banner's fill."""
    palette = qapp.palette()
    failures = []
    for name, (_glyph, tone) in ICONS.items():
        grounds = (
            [("banner", colour("danger_fill")), ("banner flash", colour("danger_fill").darker(140))]
            if tone.startswith("on_")
            else [
                (role.name, palette.color(role)) for role in (Role.Window, Role.Base, Role.Button)
            ]
        )
        for where, ground in grounds:
            ratio = contrast_ratio(colour(tone), ground)
            if ratio < GRAPHIC_RATIO:
                failures.append((name, tone, where, round(ratio, 2)))
    assert not failures
