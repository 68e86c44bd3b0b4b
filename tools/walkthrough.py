"""Walk through the real console the way a dispatcher does, one screenshot per step.

Plays the core loop (sign in, take a call, guide the caller, queue a call that
needs a truck, assign the best crew, en route, on scene, complete, timeline,
alert, shortcuts, theme, language) and the supervisor's report (sign out, sign
in as supervisor, dashboard, PDF report, revenue) in the real console, on a
fresh SQLite database seeded with the project's demo data, and writes

    <out>/<lang>-<size>-<theme>/NN-step-name.png

Run it under xvfb (xvfb, imagemagick and poppler-utils must be installed)::

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/walkthrough.py \\
        --out /tmp/walk [--lang en|zh|both] [--size 1366x768|1920x1080|both] \\
        [--theme light|dark|both]

Each combination runs in a process of its own, on an X server of exactly that
screen size (``xvfb-run`` is started for it; ``--no-xvfb`` uses the current
display and crops the pictures to the size). The console gets private settings
and data folders (XDG_CONFIG_HOME / XDG_DATA_HOME in a temporary folder), so a
user's own settings are never touched, and ``[map] provider = "none"`` (no
internet needed: the bundled boundary layer is drawn).

The dark theme takes the pictures marked "main" only. A step that cannot be
carried out is logged as a warning with its name, pictured anyway, and the walk
goes on; a shortcut that did nothing is a failure too (the step goes on through
the menu action). The summary at the end lists every step and picture, the
failures ("-") and what the pictures show that does not fit ("~": windows beyond
the screen, a queue under 8 rows, measured at each picture); the exit status is
1 when any step failed. When Qt's xcb platform plugin lacks system libraries the
script names the apt packages and stops. ``--no-demo`` leaves out the live demo
traffic that an embedded database otherwise gets.

Adapting it: every step is a small generator (``step_*``) that finds widgets by
class or objectName, presses keys or clicks, and yields what to wait for
(:class:`Wait`), what to do on the event loop (:class:`Do`: a key press that
opens a modal dialog must not block the walk) and which picture to take
(:class:`Shot`). Modal dialogs nobody expected (a new confirmation) are
pictured and accepted by the scheduler, so new guard rails do not stop the walk.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QWidget

LANGUAGES = ("en", "zh")
SIZES = ("1366x768", "1920x1080")
THEMES = ("light", "dark")
RUN_TIMEOUT_S = 900
TICK_MS = 40
SETTLE_MS = 350

log = logging.getLogger("walkthrough")


# -- what a step yields --------------------------------------------------------------


@dataclass
class Wait:
    """Wait until ``cond()`` is true (else the step fails with ``what``)."""

    cond: Callable[[], object]
    what: str
    timeout_s: float = 15.0
    handle_modals: bool = True
    """Picture and accept modal dialogs that show up meanwhile (confirmations)."""


@dataclass
class Do:
    """Run ``fn`` from the event loop (it may open a modal dialog and block there)."""

    fn: Callable[[], object]


@dataclass
class Shot:
    """Take a numbered picture of the whole screen after the paint settled."""

    name: str
    main: bool = False
    """Also taken in the dark theme."""


@dataclass
class Settle:
    """Let paints, layouts and animations finish (not a condition wait)."""

    ms: int = SETTLE_MS


Instruction = Wait | Do | Shot | Settle
StepGen = Generator[Instruction, None, None]


class StepFailed(Exception):
    """A step could not do what it is for."""


@dataclass
class StepReport:
    """What one step did: its pictures and, if it failed, why."""

    name: str
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the pictures show that is worth a look (not failures): geometry measured."""


# -- the parent: one child process per combination -------------------------------------


def _combinations(args: argparse.Namespace) -> list[tuple[str, str, str]]:
    def pick(value: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        return allowed if value == "both" else (value,)

    return [
        (lang, size, theme)
        for theme in pick(args.theme, THEMES)
        for size in pick(args.size, SIZES)
        for lang in pick(args.lang, LANGUAGES)
    ]


def missing_libraries() -> list[str]:
    """Debian packages whose libraries the xcb plugin or the web engine cannot find."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    binaries = [
        qt / "plugins" / "platforms" / "libqxcb.so",
        *sorted((qt / "lib").glob("libQt6WebEngineCore.so*"))[:1],
    ]
    packages: set[str] = set()
    for binary in binaries:
        if not binary.exists() or not shutil.which("ldd"):
            continue
        listing = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
        for line in listing.stdout.splitlines():
            if "not found" in line:
                library = line.split()[0]  # libxcb-icccm.so.4 -> libxcb-icccm4
                base, _, version = library.partition(".so.")
                packages.add(f"{base}-{version}" if base[-1].isdigit() else f"{base}{version}")
    return sorted(packages)


def _run_children(args: argparse.Namespace) -> int:
    missing = missing_libraries()
    if missing:
        print(
            "walkthrough: Qt's xcb platform lacks system libraries; install them with:"
            f" apt-get install {' '.join(missing)}",
            file=sys.stderr,
        )
        return 1
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    failed = False
    summaries: list[tuple[str, list[StepReport]]] = []
    xvfb = shutil.which("xvfb-run") if not args.no_xvfb else None
    if not xvfb and not os.environ.get("DISPLAY"):
        print("walkthrough: no DISPLAY and no xvfb-run: install xvfb", file=sys.stderr)
        return 1
    for lang, size, theme in _combinations(args):
        combo = f"{lang}-{size}-{theme}"
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--out",
            str(out),
            "--lang",
            lang,
            "--size",
            size,
            "--theme",
            theme,
            "--child",
        ]
        if args.no_demo:
            command.append("--no-demo")
        if xvfb:
            command = [xvfb, "-a", "-s", f"-screen 0 {size}x24", *command]
        print(f"== {combo}", flush=True)
        started = time.monotonic()
        try:
            status = subprocess.run(command, timeout=RUN_TIMEOUT_S, check=False).returncode
        except subprocess.TimeoutExpired:
            status = 124
            print(f"walkthrough: {combo} took longer than {RUN_TIMEOUT_S} s", file=sys.stderr)
        print(f"== {combo}: exit {status} after {time.monotonic() - started:.0f} s", flush=True)
        reports = _read_reports(out / combo / "steps.json")
        summaries.append((combo, reports))
        failed |= status != 0 or not reports or any(r.problems for r in reports)
    print("\nSummary")
    for combo, reports in summaries:
        bad = [r for r in reports if r.problems]
        print(f"{combo}: {len(reports)} steps, {len(bad)} failed")
        for report in reports:
            mark = "FAILED" if report.problems else "ok"
            print(f"  {mark:6} {report.name}: {', '.join(report.files) or '-'}")
            for problem in report.problems:
                print(f"         - {problem}")
            for note in report.notes:
                print(f"         ~ {note}")
    return 1 if failed else 0


def _read_reports(path: Path) -> list[StepReport]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [
        StepReport(r["name"], list(r["files"]), list(r["problems"]), list(r.get("notes", [])))
        for r in raw
    ]


# -- the child: the console in this process ---------------------------------------------


def _private_environment(work: Path) -> None:
    """Settings, logs and the database go to ``work``, never to the user's folders."""
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    # Xvfb has no usable GLX here: widgets and the map page are drawn in software.
    os.environ.setdefault("QT_XCB_GL_INTEGRATION", "none")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    wanted = ["--disable-gpu"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        wanted.append("--no-sandbox")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(
        [*flags, *(flag for flag in wanted if flag not in flags)]
    )


def _seed(url: str) -> None:
    from console.db import schema
    from console.db.seed import DEMO_HISTORY_DAYS, SeedOptions, seed_database

    engine = schema.open_database(url, create=True)
    try:
        seed_database(engine, SeedOptions(history_days=DEMO_HISTORY_DAYS))
    finally:
        engine.dispose()


def _prepare_settings(theme: str) -> None:
    from PySide6.QtCore import QSettings

    from console.config import default_config_file
    from console.ui.main_window import SETTINGS_APPLICATION, SETTINGS_ORGANISATION
    from console.ui.theme import THEME_KEY

    config = default_config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[map]\nprovider = "none"\n', encoding="utf-8")
    settings = QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)
    settings.setValue(THEME_KEY, theme)
    settings.setValue("alerts/muted", True)
    settings.sync()


def _run_child(args: argparse.Namespace) -> int:
    combo = f"{args.lang}-{args.size}-{args.theme}"
    out = Path(args.out).resolve() / combo
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="walkthrough-"))
    _private_environment(work)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"walk {combo} %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    url = f"sqlite:///{work / 'console.db'}"
    started = time.monotonic()
    _seed(url)
    log.info("seeded %s in %.1f s", url, time.monotonic() - started)
    _prepare_settings(args.theme)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from console import cli

    app = QApplication([sys.argv[0], "-platform", "xcb"])
    width, height = (int(n) for n in args.size.split("x"))
    walk = Walk(app, out, url, lang=args.lang, theme=args.theme, size=(width, height))
    QTimer.singleShot(0, walk.start)
    status = cli.main(["--db", url, "--lang", args.lang, *(["--no-demo"] if args.no_demo else [])])
    walk.finish(status)
    shutil.rmtree(work, ignore_errors=True)
    return 0 if walk.ok else 1


# -- the scheduler ------------------------------------------------------------------


class Walk:
    """Runs the steps one after the other from a timer, in whatever event loop is running."""

    def __init__(
        self,
        app: QApplication,
        out: Path,
        url: str,
        *,
        lang: str,
        theme: str,
        size: tuple[int, int],
    ) -> None:
        from PySide6.QtCore import QTimer

        self.app = app
        self.out = out
        self.url = url
        self.lang = lang
        self.other_lang = "zh" if lang == "en" else "en"
        self.theme = theme
        self.size = size
        self.reports: list[StepReport] = []
        self.state: dict[str, Any] = {}
        self._shot_number = 0
        self._steps: list[tuple[str, Callable[[Walk], StepGen]]] = list(STEPS)
        self._gen: StepGen | None = None
        self._report: StepReport | None = None
        self._waiting: Wait | None = None
        self._deadline = 0.0
        self._settle_until = 0.0
        self._pending_shot: Shot | None = None
        self._noted: set[str] = set()
        self._modal_seen: dict[int, float] = {}
        self._busy = False
        self._done = False
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def ok(self) -> bool:
        """True when every step did what it is for."""
        return self._done and not any(r.problems for r in self.reports)

    def start(self) -> None:
        """Begin with the first step (called from the console's first event loop)."""
        self._timer.start()

    def finish(self, status: int) -> None:
        """Write the step list next to the pictures."""
        wait = self._waiting
        if not self._done and not self._steps and status == 0:
            self._done = True  # the last step quit the console, as it should
            if self._report is not None and wait is not None and not wait.cond():
                self._report.problems.append(f"the console quit before {wait.what}")
        if not self._done:
            self._fail_current("the console ended before the walk was over")
            for name, _driver in self._steps:
                self.reports.append(StepReport(name, [], ["not reached"]))
        if status != 0:
            self.reports.append(StepReport("exit", [], [f"the console exited with {status}"]))
        data = [
            {"name": r.name, "files": r.files, "problems": r.problems, "notes": r.notes}
            for r in self.reports
        ]
        (self.out / "steps.json").write_text(json.dumps(data, indent=1), encoding="utf-8")

    # -- ticking ---------------------------------------------------------------------

    def _tick(self) -> None:
        if self._busy or self._done:
            return
        self._busy = True
        try:
            self._advance()
        except Exception as exc:  # the walk must go on whatever a step does
            log.exception("walk machinery failed")
            self._fail_current(f"{type(exc).__name__}: {exc}")
        finally:
            self._busy = False

    def _advance(self) -> None:
        now = time.monotonic()
        if now < self._settle_until:
            return
        if self._pending_shot is not None:
            shot, self._pending_shot = self._pending_shot, None
            self._take(shot)
        if self._waiting is not None:
            wait = self._waiting
            if wait.handle_modals and self._handle_modal(now):
                return
            if wait.cond():
                self._waiting = None
            elif now > self._deadline:
                self._waiting = None
                self._resume(StepFailed(f"timed out waiting for {wait.what}"))
                return
            else:
                return
        self._resume(None)

    def _resume(self, error: StepFailed | None) -> None:
        if self._gen is None:
            if not self._steps:
                self._end()
                return
            name, driver = self._steps.pop(0)
            log.info("step %s", name)
            self._report = StepReport(name)
            self.reports.append(self._report)
            self._gen = driver(self)
        try:
            instruction = self._gen.throw(error) if error is not None else next(self._gen)
        except StopIteration:
            self._end_step()
            return
        except StepFailed as exc:
            self._fail_current(str(exc))
            return
        self._obey(instruction)

    def _obey(self, instruction: Instruction) -> None:
        from PySide6.QtCore import QTimer

        if isinstance(instruction, Wait):
            self._waiting = instruction
            self._deadline = time.monotonic() + instruction.timeout_s
        elif isinstance(instruction, Do):
            fn = instruction.fn
            QTimer.singleShot(0, lambda: self._call(fn))
        elif isinstance(instruction, Settle):
            self._settle_until = time.monotonic() + instruction.ms / 1000
        else:
            self._settle_until = time.monotonic() + SETTLE_MS / 1000
            self._pending_shot = instruction

    def note(self, problem: str) -> None:
        """Record a problem of the current step and go on with it."""
        log.warning("step %s: %s", self._report.name if self._report else "-", problem)
        if self._report is not None:
            self._report.problems.append(problem)

    def observe(self, note: str) -> None:
        """Record something seen that is wrong but does not stop the step."""
        log.info("step %s: %s", self._report.name if self._report else "-", note)
        if self._report is not None:
            self._report.notes.append(note)

    def _call(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except Exception as exc:
            log.exception("an action failed")
            if self._report is not None:
                self._report.problems.append(f"action failed: {type(exc).__name__}: {exc}")

    def _end_step(self) -> None:
        report = self._report
        if report is not None and not report.files and not report.problems:
            self._take(Shot(report.name, main=True))
        self._gen = None
        self._report = None

    def _fail_current(self, problem: str) -> None:
        report = self._report
        if report is None:
            return
        log.warning("step %s: %s", report.name, problem)
        report.problems.append(problem)
        self._take(Shot(f"{report.name}-failed", main=True))
        self._close_stray_modals()
        if self._gen is not None:
            self._gen.close()
        self._gen = None
        self._report = None
        self._waiting = None

    def _end(self) -> None:
        from PySide6.QtCore import QTimer

        self._done = True
        self._timer.stop()
        # The last step quits; if the console is still up a little later, end it.
        QTimer.singleShot(10_000, self.app.quit)

    # -- modal dialogs ----------------------------------------------------------------

    def _handle_modal(self, now: float) -> bool:
        """Picture and accept a modal dialog that a step did not expect; True if one is up."""
        modal = self.app.activeModalWidget()
        if modal is None or modal.objectName() == "signInDialog" or _is_file_dialog(modal):
            return False
        first = self._modal_seen.setdefault(id(modal), now)
        if now - first < 0.4:
            return True  # let it paint first
        name = modal.objectName() or type(modal).__name__
        log.info("accepting dialog %r (%s)", modal.windowTitle(), name)
        self._take(Shot(f"{self._report.name if self._report else 'walk'}-{name}", main=True))
        accept_dialog(modal)
        self._modal_seen.pop(id(modal), None)
        self._settle_until = now + 0.2
        return True

    def _close_stray_modals(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QDialog

        modal = self.app.activeModalWidget()
        if isinstance(modal, QDialog) and modal.objectName() != "signInDialog":
            QTimer.singleShot(0, modal.reject)

    # -- pictures ---------------------------------------------------------------------

    def _take(self, shot: Shot) -> None:
        from PySide6.QtGui import QGuiApplication

        self._shot_number += 1
        if self.theme == "dark" and not shot.main:
            return
        screen = QGuiApplication.primaryScreen()
        picture = screen.grabWindow(0)
        width, height = self.size
        if picture.width() > width or picture.height() > height:
            picture = picture.copy(0, 0, width, height)
        name = f"{self._shot_number:02d}-{shot.name}.png"
        picture.save(str(self.out / name))
        if self._report is not None:
            self._report.files.append(name)
            # A note is written where it first shows, not again on every later picture.
            seen = measure_screen(self.size)
            self._report.notes.extend(f"{name}: {n}" for n in seen if n not in self._noted)
            self._noted = set(seen)

    def picture_file(self, name: str) -> Path:
        """A path for a picture made outside the screen grab (counted like the others)."""
        self._shot_number += 1
        path = self.out / f"{self._shot_number:02d}-{name}.png"
        if self._report is not None:
            self._report.files.append(path.name)
        return path


# -- measuring what the pictures show ---------------------------------------------------------

MIN_QUEUE_ROWS = 8
"""The issue's rule: the queue keeps at least this many visible rows."""


def measure_screen(size: tuple[int, int]) -> list[str]:
    """Notes on what does not fit: windows beyond the screen, a queue with few rows."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from console.ui.main_window import MainWindow

    windows = (Qt.WindowType.Window, Qt.WindowType.Dialog)
    width, height = size
    notes: list[str] = []
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible() or widget.windowType() not in windows:
            continue
        frame = widget.frameGeometry()
        if (
            frame.right() >= width
            or frame.bottom() >= height
            or frame.left() < 0
            or frame.top() < 0
        ):
            name = widget.objectName() or type(widget).__name__
            notes.append(
                f"{name} at {frame.x()},{frame.y()} size {frame.width()}x{frame.height()}"
                f" goes beyond the {width}x{height} screen"
            )
        if isinstance(widget, MainWindow):
            view = widget.view
            row = max(1, view.verticalHeader().defaultSectionSize())
            rows = view.viewport().height() // row
            if rows < MIN_QUEUE_ROWS:
                notes.append(f"the queue shows {rows} whole rows (fewer than {MIN_QUEUE_ROWS})")
    return notes


# -- finding and pressing -------------------------------------------------------------------


def _is_file_dialog(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QFileDialog

    return isinstance(widget, QFileDialog)


def accept_dialog(dialog: QWidget) -> None:
    """Press the accepting button of a message box or dialog (as a click would)."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

    if isinstance(dialog, QMessageBox):
        for button in dialog.buttons():
            role = dialog.buttonRole(button)
            if role in (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole):
                button.click()
                return
        default = dialog.defaultButton()
        if default is not None:
            default.click()
            return
    box = dialog.findChild(QDialogButtonBox)
    if box is not None:
        for button in box.buttons():
            if box.buttonRole(button) in (
                QDialogButtonBox.ButtonRole.AcceptRole,
                QDialogButtonBox.ButtonRole.YesRole,
            ):
                button.click()
                return
    if isinstance(dialog, QDialog):
        dialog.accept()


def top(name: str | None = None, cls: type | None = None) -> QWidget | None:
    """A visible top-level widget with this objectName and/or class."""
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible():
            continue
        if name is not None and widget.objectName() != name:
            continue
        if cls is not None and not isinstance(widget, cls):
            continue
        return widget
    return None


def exposed(name: str) -> Callable[[], bool]:
    """True once the window ``name`` is on the screen (mapped), not only asked to show."""

    def check() -> bool:
        widget = top(name)
        handle = widget.windowHandle() if widget is not None else None
        return handle is not None and handle.isExposed()

    return check


def main_window() -> Any:
    """The visible console window."""
    from console.ui.main_window import MainWindow

    found = top(cls=MainWindow)
    return found if isinstance(found, MainWindow) else None


def need(found: Any, what: str) -> Any:
    """``found``, or the step fails naming ``what``."""
    if found is None:
        raise StepFailed(f"{what} not found")
    return found


def key(widget: QWidget, sequence: str) -> Do:
    """Press ``sequence`` (e.g. "Ctrl+N", "F1", "3") on ``widget``."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    combination = QKeySequence(sequence)[0]  # type: ignore[index]
    return Do(lambda: QTest.keyClick(widget, combination.key(), combination.keyboardModifiers()))


def type_text(widget: QWidget, text: str) -> Do:
    """Type ``text`` into a line edit; non-Latin text is committed whole, as an IME does."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    def run() -> None:
        widget.setFocus()
        if text.isascii():
            QTest.keyClicks(widget, text)
        elif isinstance(widget, QLineEdit):
            widget.insert(text)

    return Do(run)


def tick(box: QWidget) -> StepGen:
    """Tick a check box from the keyboard (focus, Space)."""
    yield Do(box.setFocus)
    yield key(box, "Space")


def click_at(widget: QWidget, point: QPoint) -> Do:
    """Click ``widget`` at ``point`` (a QPoint in its coordinates)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    return Do(
        lambda: QTest.mouseClick(
            widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
        )
    )


def click(widget: QWidget) -> Do:
    """Click ``widget`` with the left mouse button."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    return Do(lambda: QTest.mouseClick(widget, Qt.MouseButton.LeftButton))


def press_or(
    walk: Walk,
    widget: QWidget,
    sequence: str,
    done: Callable[[], object],
    what: str,
    *,
    fallback: Callable[[], object],
) -> StepGen:
    """Press a shortcut; if nothing happens, note it and do the same by ``fallback``."""
    yield from activate(widget)
    yield key(widget, sequence)
    try:
        yield Wait(done, what, 4)
    except StepFailed:
        walk.note(f"the shortcut {sequence} did nothing; {what} reached by the menu")
        yield Do(fallback)
        yield Wait(done, what)


def activate(widget: QWidget) -> StepGen:
    """Make ``widget``'s window the active one (what a window manager does on a click)."""
    from PySide6.QtWidgets import QApplication

    window = widget.window()
    if QApplication.activeWindow() is window or QApplication.activeModalWidget() is not None:
        return
    yield Do(window.activateWindow)
    try:
        yield Wait(lambda: QApplication.activeWindow() is window, "the window to be active", 3)
    except StepFailed:
        log.warning("%s did not become the active window", window.objectName())


def alive(widget: object) -> bool:
    """False once Qt deleted the widget behind this Python object."""
    import shiboken6

    return bool(shiboken6.isValid(widget))


def request_status(request_id: int) -> str:
    """The stored status of a request, read as the console reads it."""
    window = main_window()
    if window is None:
        return ""
    row = window.backend.request(request_id)
    return str(row.status.value) if row is not None else ""


def raise_dock(window: Any, key_name: str) -> Any:
    """Bring the dock ``key_name`` to the front; its content widget."""
    dock = need(window.dock(key_name), f"the {key_name} panel")
    dock.show()
    dock.raise_()
    return dock.widget()


# -- the steps: the core loop -------------------------------------------------------------


def step_sign_in(walk: Walk) -> StepGen:
    """The sign-in dialog; the dispatcher types the password and presses Enter."""
    # The dialog shows before the database is open (demo data may still be loading):
    # its fields take input once it is ready.
    yield Wait(
        lambda: getattr(top("signInDialog"), "ready", False),
        "the sign-in dialog, ready",
        120,
        handle_modals=False,
    )
    dialog = need(top("signInDialog"), "the sign-in dialog")
    yield Shot("sign-in", main=True)
    password = dialog.password
    yield Do(password.clear)
    yield type_text(password, "demo")
    yield Shot("sign-in-password-typed")
    yield key(password, "Return")
    yield Wait(main_window, "the console window after sign-in", 60, handle_modals=False)


def step_workspace(walk: Walk) -> StepGen:
    """The workspace at start: queue, detail, suggestions, map, crews."""
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWebEngineWidgets import QWebEngineView

    window = need(main_window(), "the console window")
    screen = QGuiApplication.primaryScreen().availableGeometry()
    # The screen of the size asked for (or its top left corner on a bigger display).
    area = screen.intersected(QRect(screen.topLeft(), QSize(*walk.size)))
    yield Settle(500)
    if window.geometry() != area:
        # Without a window manager (Xvfb) showMaximized() cannot maximise.
        log.info("window %dx%d after start; sized to the screen", window.width(), window.height())
        yield Do(lambda: window.setGeometry(area))
    yield Wait(lambda: window.proxy.rowCount() > 0, "rows in the queue", 30)
    view = window.findChild(QWebEngineView)
    if view is None:
        raise StepFailed("the map view is not there")
    yield Wait(lambda: getattr(view, "is_ready", False), "the map page to be ready", 40)
    yield Settle(1500)
    yield Shot("workspace", main=True)


def open_intake_form(walk: Walk) -> Generator[Instruction, None, Any]:
    """Ctrl+N in the queue (the menu action if the key does nothing); the form it opened."""
    window = need(main_window(), "the console window")
    yield from press_or(
        walk,
        window.view,
        "Ctrl+N",
        exposed("intakeDialog"),
        "the intake form",
        fallback=window.open_intake,
    )
    return need(top("intakeDialog"), "the intake form")


def step_intake(walk: Walk) -> StepGen:
    """Ctrl+N opens the new-call form; the battery call is filled in section by section."""
    dialog = yield from open_intake_form(walk)
    walk.state["intake"] = dialog
    yield Shot("intake-empty", main=True)
    # 1. Safety gate: the caller is off the road, nobody hurt; nothing to tick.
    yield Do(dialog.checks["live_lane"].setFocus)
    yield Shot("intake-safety")
    # 2. Caller.
    yield type_text(dialog.texts["phone"], "138 1234 5678")
    yield type_text(dialog.texts["name"], "Lin Xiao" if walk.lang == "en" else "林晓")
    yield Shot("intake-caller")
    # 3. Location by city search.
    yield from city_search(walk, dialog, "Hangzhou", "杭州", "intake-city-search")
    yield type_text(
        dialog.texts["address"], "Wensan Road 100" if walk.lang == "en" else "文三路 100 号"
    )
    yield Shot("intake-location")
    # 4. Vehicle.
    yield Do(lambda: ensure_visible(dialog, dialog.texts["plate"]))
    yield type_text(dialog.texts["plate"], "浙A12345")
    yield type_text(dialog.texts["make_model"], "VW Lavida")
    yield Shot("intake-vehicle")
    # 5. Fault / service: will not start.
    yield Do(lambda: choose(dialog, "service", "JUMP_START"))
    yield Do(lambda: ensure_visible(dialog, dialog.choices["service"]))
    yield Shot("intake-service", main=True)
    # 6. The quote section.
    quote = getattr(dialog, "quote", None)
    if quote is None:
        raise StepFailed("the quote section is not in the form")
    yield Do(lambda: ensure_visible(dialog, quote))
    yield Wait(lambda: quote.view is not None, "a quote for the jump start", 10)
    yield Settle(600)
    yield Shot("intake-quote", main=True)


def city_search(walk: Walk, dialog: Any, english: str, chinese: str, shot: str) -> StepGen:
    """Type the city into the search box, picture the matches, take the first (Enter)."""
    edit = dialog.texts["city"]
    yield Do(lambda: ensure_visible(dialog, dialog.city))
    yield Do(edit.clear)
    yield type_text(edit, english if walk.lang == "en" else chinese)
    yield Settle(400)
    yield Shot(shot)
    popup = dialog.city.completer().popup() if dialog.city.completer() else None
    if popup is not None and popup.isVisible():
        yield key(popup, "Down")
        yield key(popup, "Return")
    else:
        yield key(edit, "Return")
    yield Settle(300)
    if not dialog.texts["lat"].text().strip():
        # Not filled from the city: the dispatcher presses "city centre".
        yield click(dialog.centre_button)
        yield Wait(lambda: dialog.texts["lat"].text().strip(), "coordinates from the city", 5)


def ensure_visible(dialog: QWidget, widget: QWidget) -> None:
    """Scroll the form so that ``widget`` shows (as tabbing to it would)."""
    from PySide6.QtWidgets import QScrollArea

    area = dialog.findChild(QScrollArea)
    if area is not None:
        area.ensureWidgetVisible(widget, 20, 40)


def choose(dialog: Any, key_name: str, code: str) -> None:
    """Pick the entry with data ``code`` in the form's choice ``key_name``."""
    combo = dialog.choices[key_name]
    combo.setFocus()
    index = combo.findData(code)
    if index < 0:
        raise StepFailed(f"no {code} in the {key_name} choice")
    combo.setCurrentIndex(index)


# Answers for the battery call: safe, unhurt, no smoke, petrol, will not start,
# only clicking, and it starts on a second try.
BATTERY_ANSWERS = {
    "position": "safe",
    "injuries": "no",
    "smoke": "no",
    "powertrain": "ice",
    "hv_warning": "no",
    "vulnerable": "no",
    "complaint": "no_start",
    "crank": "click",
    "retry": "yes",
    "cables": "yes",
    "jump_guide": "yes",
}


def step_guidance(walk: Walk) -> StepGen:
    """Guide the caller: the guidance panel walks the battery protocol by number keys."""
    from console.ui.guidance_panel import GuidancePanel

    dialog = need(walk.state.get("intake"), "the intake form")
    yield click(dialog.guide_button)
    window = need(main_window(), "the console window")
    panel = need(window.findChild(GuidancePanel), "the guidance panel")
    yield Wait(lambda: panel.run is not None, "the guidance panel to start", 10)
    yield Wait(lambda: not alive(dialog) or not dialog.isVisible(), "the form to close", 5)
    yield Settle(500)
    yield Shot("guidance-start", main=True)
    for answered in range(20):
        run = panel.run
        if run is None or run.finished:
            break
        node = run.node
        wanted = BATTERY_ANSWERS.get(node.id)
        ids = [a.id for a in node.answers]
        index = ids.index(wanted) if wanted in ids else 0
        yield from activate(panel)
        yield key(panel, str(index + 1))
        yield Wait(_moved_on(panel, node), f"the answer to {node.id}", 5)
        if answered in (2, 5):
            yield Shot(f"guidance-answer-{answered + 1}")
    yield Settle(300)
    yield Shot("guidance-outcome", main=True)
    yield key(panel, "Ctrl+S")
    yield Wait(lambda: panel.saved is not None, "the outcome to be stored", 10)
    yield Shot("guidance-saved")


def _moved_on(panel: Any, node: object) -> Callable[[], bool]:
    """True once the guidance panel has left ``node`` (or ended)."""
    return lambda: panel.run is None or panel.run.finished or panel.run.node is not node


def step_truck_call(walk: Walk) -> StepGen:
    """A second call that needs a truck: EV on the expressway, live lane, towed; queued."""
    window = need(main_window(), "the console window")
    dialog = yield from open_intake_form(walk)
    yield from tick(dialog.checks["live_lane"])
    yield Wait(dialog.safety_advice.isVisible, "the safety advice", 5)
    yield Shot("truck-safety-gate", main=True)
    yield type_text(dialog.texts["phone"], "139 8765 4321")
    yield type_text(dialog.texts["name"], "Wang Lei" if walk.lang == "en" else "王磊")
    yield from city_search(walk, dialog, "Hangzhou", "杭州", "truck-city-search")
    yield type_text(dialog.texts["address"], "G60 K12+300")
    yield Do(lambda: choose(dialog, "road", "EXPRESSWAY"))
    yield type_text(dialog.texts["plate"], "浙AD12345")
    yield type_text(dialog.texts["make_model"], "BYD Han EV")
    yield Do(lambda: choose(dialog, "powertrain", "EV"))
    yield Do(lambda: choose(dialog, "service", "TOW"))
    quote = getattr(dialog, "quote", None)
    if quote is not None:
        yield Do(lambda: ensure_visible(dialog, quote))
        yield Wait(
            lambda: quote.dest_address.isEnabled() and quote.tow_km.isEnabled(),
            "the tow destination fields",
            10,
        )
        yield type_text(quote.dest_address, "Jiaxing BYD service")
        yield type_text(quote.dest_lat, "30.7522")
        yield type_text(quote.dest_lon, "120.7585")
        yield type_text(quote.tow_km, "80")
        yield Do(lambda: ensure_visible(dialog, quote))
        yield Wait(
            lambda: quote.view is not None and quote.view.charge.facts.tow_km == 80,
            "the tow quote",
            10,
        )
        yield from tick(quote.accept_box)
        yield Settle(400)
        yield Shot("truck-quote", main=True)
    yield Do(lambda: ensure_visible(dialog, dialog.priority_label))
    yield Shot("truck-filled")
    yield from activate(dialog)
    yield key(dialog.texts["plate"], "Ctrl+Return")
    yield Wait(lambda: not alive(dialog) or not dialog.isVisible(), "the form to close", 10)
    yield Wait(lambda: window.selected_request_id is not None, "the new request selected", 10)
    walk.state["request"] = window.selected_request_id
    yield Wait(
        lambda: request_status(walk.state["request"]) == "QUEUED", "the request to be queued", 10
    )


def step_queue_selected(walk: Walk) -> StepGen:
    """The queue with the new request selected, its detail beside it."""
    window = need(main_window(), "the console window")
    raise_dock(window, "queue")
    raise_dock(window, "detail")
    request_id = need(walk.state.get("request"), "the new request")
    view = window.view
    try:
        yield Wait(lambda: view.selectionModel().selectedRows(), "a selected queue row", 5)
    except StepFailed:
        walk.observe("the new request is in the detail panel but not selected in the queue")
        index = window._proxy_index(request_id)
        if index is None:
            raise StepFailed("the new request is not in the queue") from None
        yield Do(lambda: view.scrollTo(index))
        yield Settle(200)
        yield click_at(view.viewport(), view.visualRect(window._proxy_index(request_id)).center())
        yield Wait(lambda: view.selectionModel().selectedRows(), "the clicked row selected", 5)
    yield Settle(500)
    yield Shot("queue-selected", main=True)


def step_suggestions(walk: Walk) -> StepGen:
    """The crew suggestions for the selected request (and their routes on the map)."""
    from console.ui.suggestion_panel import SuggestionPanel

    window = need(main_window(), "the console window")
    raise_dock(window, "suggestions")
    panel = need(window.findChild(SuggestionPanel), "the suggestions panel")
    request_id = walk.state.get("request")
    yield Wait(
        lambda: (
            panel.result is not None
            and panel.result.request_id == request_id
            and bool(panel.result.suggestions)
        ),
        "suggestions for the request",
        15,
    )
    yield Settle(800)
    yield Shot("suggestions", main=True)


def step_assign(walk: Walk) -> StepGen:
    """Ctrl+Return assigns the best crew (a warning about the target is pictured if shown)."""
    window = need(main_window(), "the console window")
    request_id = need(walk.state.get("request"), "the queued request")
    yield Do(window.view.setFocus)
    yield from press_or(
        walk,
        window.view,
        "Ctrl+Return",
        _has_status(request_id, "ASSIGNED"),
        "the request assigned",
        fallback=window.request_assign_first,
    )
    yield Settle(800)
    yield Shot("assigned", main=True)


def step_progress(walk: Walk) -> StepGen:
    """En route, on scene, (tow,) complete, by the detail panel's shortcuts."""
    window = need(main_window(), "the console window")
    request_id = need(walk.state.get("request"), "the request")
    raise_dock(window, "detail")
    actions = window.detail.actions_by_key
    moves = (
        ("en_route", "EN_ROUTE"),
        ("on_scene", "ON_SCENE"),
        ("tow", "TOWING"),
        ("complete", "COMPLETED"),
    )
    for action_key, status in moves:
        action = actions.get(action_key)
        if action is None or not action.isEnabled():
            if action_key == "tow":
                continue
            raise StepFailed(f"{action_key} is not offered")
        sequence = action.shortcut().toString()
        yield Do(window.view.setFocus)
        yield from press_or(
            walk,
            window.view,
            sequence,
            _has_status(request_id, status),
            f"the request {status}",
            fallback=action.trigger,
        )
        yield Settle(500)
        yield Shot(f"progress-{action_key.replace('_', '-')}", main=action_key == "complete")


def _has_status(request_id: int, status: str) -> Callable[[], bool]:
    return lambda: request_status(request_id) == status


def step_timeline(walk: Walk) -> StepGen:
    """The timeline of the completed request."""
    from console.ui.timeline_panel import RequestTimelinePanel

    window = need(main_window(), "the console window")
    request_id = need(walk.state.get("request"), "the request")
    yield Do(lambda: window.select_request(request_id))
    raise_dock(window, "timeline")
    panel = need(window.findChild(RequestTimelinePanel), "the timeline panel")
    yield Do(panel.refresh)
    yield Wait(lambda: panel.tree.topLevelItemCount() > 3, "timeline entries", 10)
    yield Settle(500)
    yield Shot("timeline", main=True)


def step_alert(walk: Walk) -> StepGen:
    """A colleague at another desk takes a P1 call: the alert banner shows it."""
    from console.core.intake import RequestDraft
    from console.core.roles import Principal
    from console.core.vocab import Priority, RequestStatus, Role
    from console.db.backend import DatabaseBackend
    from console.db.engine import make_engine

    window = need(main_window(), "the console window")
    raise_dock(window, "queue")
    banner = window.alerts.banner

    def colleague_call() -> None:
        engine = make_engine(walk.url)
        try:
            backend = DatabaseBackend(engine, principal=Principal.user("desk2", Role.DISPATCHER))
            backend.take_call(
                RequestDraft(
                    caller_phone="13700001111",
                    lat=31.23,
                    lon=121.47,
                    city="上海",
                    service_type="TOW",
                    priority=Priority.P1,
                    priority_reason="Vehicle stopped in a live lane",
                ),
                outcome=RequestStatus.QUEUED,
            )
        finally:
            engine.dispose()

    yield Do(colleague_call)
    yield Wait(banner.isVisible, "the alert banner", 15)
    yield Settle(500)
    yield Shot("alert-banner", main=True)


def step_shortcuts(walk: Walk) -> StepGen:
    """F1 lists the keyboard shortcuts; Esc closes the list."""
    window = need(main_window(), "the console window")
    yield Do(window.view.setFocus)
    yield from press_or(
        walk,
        window.view,
        "F1",
        lambda: top("shortcutsDialog"),
        "the shortcuts list",
        fallback=window.show_shortcuts,
    )
    yield Settle(300)
    yield Shot("shortcuts-f1", main=True)
    dialog = need(top("shortcutsDialog"), "the shortcuts list")
    yield key(dialog, "Escape")
    yield Wait(lambda: not alive(dialog) or not dialog.isVisible(), "Esc to close it", 5)


def step_theme(walk: Walk) -> StepGen:
    """Ctrl+Shift+L switches the theme (dark in a light walk, light in a dark one)."""
    from console.ui.theme import current_theme

    window = need(main_window(), "the console window")
    before = current_theme()
    yield from press_or(
        walk,
        window.view,
        "Ctrl+Shift+L",
        lambda: current_theme() is not before,
        "the other theme",
        fallback=window.toggle_theme,
    )
    yield Settle(1500)
    yield Shot(f"theme-{current_theme().value}", main=True)
    yield Do(window.toggle_theme)
    yield Wait(lambda: current_theme() is before, "the theme back", 5)
    yield Settle(800)


def step_language(walk: Walk) -> StepGen:
    """View ▸ Language: the other language at runtime (the menu pictured), then back."""
    from console.ui.i18n import current_language

    window = need(main_window(), "the console window")
    other = walk.other_lang
    menu = window.view_menu
    yield Do(lambda: menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft())))
    yield Wait(menu.isVisible, "the View menu", 5)
    yield Shot("language-view-menu")
    yield Do(menu.hide)
    yield Do(window.language_actions[other].trigger)
    yield Wait(lambda: current_language() == other, f"the switch to {other}", 5)
    yield Settle(1200)
    yield Shot(f"language-{other}", main=True)
    yield Do(window.language_actions[walk.lang].trigger)
    yield Wait(lambda: current_language() == walk.lang, f"the switch back to {walk.lang}", 5)
    yield Settle(800)
    yield Shot(f"language-back-{walk.lang}")


# -- the steps: the supervisor's report ---------------------------------------------------


def step_sign_out(walk: Walk) -> StepGen:
    """Ctrl+Shift+O signs out; the supervisor signs in with the password "demo"."""
    from PySide6.QtGui import QAction

    window = need(main_window(), "the console window")
    walk.state["old_window"] = window
    sign_out = need(window.findChild(QAction, "signOutAction"), "File ▸ Sign out")
    yield from press_or(
        walk,
        window.view,
        "Ctrl+Shift+O",
        lambda: top("signInDialog"),
        "the sign-in dialog after sign-out",
        fallback=sign_out.trigger,
    )
    dialog = need(top("signInDialog"), "the sign-in dialog")
    yield Do(dialog.username.clear)
    yield type_text(dialog.username, "supervisor")
    yield Do(dialog.password.clear)
    yield type_text(dialog.password, "demo")
    yield Shot("sign-in-supervisor", main=True)
    yield key(dialog.password, "Return")
    yield Wait(
        lambda: main_window() not in (None, walk.state["old_window"]),
        "the supervisor's console",
        60,
        handle_modals=False,
    )
    yield Settle(1500)
    yield Shot("supervisor-console")


def step_dashboard(walk: Walk) -> StepGen:
    """Ctrl+Shift+D opens the supervisor dashboard."""
    window = need(main_window(), "the supervisor's console")
    yield Do(window.view.setFocus)
    yield from press_or(
        walk,
        window.view,
        "Ctrl+Shift+D",
        lambda: top("DashboardWindow"),
        "the dashboard",
        fallback=window.open_dashboard,
    )
    dashboard = need(top("DashboardWindow"), "the dashboard")
    walk.state["dashboard"] = dashboard
    yield Settle(2000)
    yield Shot("dashboard", main=True)


def step_report_pdf(walk: Walk) -> StepGen:
    """Report PDF… asks where to save (Qt's own dialog), then page 1 rendered to a picture."""
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    dashboard = need(walk.state.get("dashboard"), "the dashboard")
    target = walk.out / "report.pdf"
    target.unlink(missing_ok=True)
    yield Do(dashboard.pdf_action.trigger)

    def file_dialog() -> QFileDialog | None:
        modal = QApplication.activeModalWidget()
        return modal if isinstance(modal, QFileDialog) else None

    try:
        yield Wait(file_dialog, "the save dialog", 10, handle_modals=False)
    except StepFailed:
        log.warning("no Qt save dialog came up; writing the report directly")
        yield Do(lambda: dashboard.export_report_pdf(target))
        yield Wait(target.exists, "the PDF file", 30)
        raise StepFailed("no save dialog for the PDF report") from None
    chooser = need(file_dialog(), "the save dialog")
    yield Settle(500)
    yield Shot("report-save-dialog", main=True)
    name_edit = chooser.findChild(QLineEdit, "fileNameEdit")
    if name_edit is not None:
        yield Do(name_edit.clear)
        yield type_text(name_edit, str(target))
        yield key(name_edit, "Return")
    else:
        yield Do(lambda: chooser.selectFile(str(target)))
        yield Do(chooser.accept)
    yield Wait(lambda: target.exists() and target.stat().st_size > 0, "the PDF file", 30)
    yield Settle(1000)
    picture = walk.picture_file("report-pdf-page1")
    stem = picture.with_suffix("")
    result = subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "90",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(target),
            str(stem),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not picture.exists():
        raise StepFailed(f"pdftoppm failed: {result.stderr.strip()}")


def step_revenue(walk: Walk) -> StepGen:
    """View ▸ Revenue by programme…"""
    window = need(main_window(), "the supervisor's console")
    revenue = need(getattr(window, "revenue", None), "the revenue menu entry")
    dashboard = walk.state.get("dashboard")
    if dashboard is not None:
        yield Do(dashboard.close)
    yield Do(revenue.action.trigger)
    yield Wait(lambda: top("revenueDialog"), "the revenue dialog", 10)
    yield Settle(800)
    yield Shot("revenue", main=True)
    dialog = need(top("revenueDialog"), "the revenue dialog")
    yield key(dialog, "Escape")
    yield Wait(lambda: not alive(dialog) or not dialog.isVisible(), "Esc to close it", 5)


def step_close(walk: Walk) -> StepGen:
    """Ctrl+Q quits the console."""
    window = need(main_window(), "the supervisor's console")
    yield from press_or(
        walk,
        window.view,
        "Ctrl+Q",
        lambda: main_window() is None,
        "the console to close",
        fallback=window.quit_action.trigger,
    )


STEPS: tuple[tuple[str, Callable[[Walk], StepGen]], ...] = (
    ("sign-in", step_sign_in),
    ("workspace", step_workspace),
    ("intake", step_intake),
    ("guidance", step_guidance),
    ("truck-call", step_truck_call),
    ("queue-selected", step_queue_selected),
    ("suggestions", step_suggestions),
    ("assign", step_assign),
    ("progress", step_progress),
    ("timeline", step_timeline),
    ("alert", step_alert),
    ("shortcuts", step_shortcuts),
    ("theme", step_theme),
    ("language", step_language),
    ("sign-out", step_sign_out),
    ("dashboard", step_dashboard),
    ("report-pdf", step_report_pdf),
    ("revenue", step_revenue),
    ("close", step_close),
)
"""The walk, in order: (name, driver)."""


def main(argv: list[str] | None = None) -> int:
    """Run the walkthrough for the combinations asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", required=True, help="folder for the pictures")
    parser.add_argument("--lang", choices=[*LANGUAGES, "both"], default="both")
    parser.add_argument("--size", choices=[*SIZES, "both"], default="both")
    parser.add_argument("--theme", choices=[*THEMES, "both"], default="both")
    parser.add_argument(
        "--no-xvfb",
        action="store_true",
        help="use the current display (pictures cropped to the size)",
    )
    parser.add_argument(
        "--no-demo", action="store_true", help="without the live demo traffic (on by default)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _run_child(args)
    return _run_children(args)


if __name__ == "__main__":
    sys.exit(main())
