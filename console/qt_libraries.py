"""Which system libraries Qt's on-screen platform and web engine lack, and the apt line for them.

Qt aborts the whole process (SIGABRT) inside QGuiApplication's constructor when
the xcb platform plugin cannot be loaded, so the console asks before it creates
the application: ``ldd`` on the plugin (and on the web engine the map needs)
names every shared library the dynamic loader cannot find. Each missing
library is mapped to the Debian/Ubuntu package that ships it, so the fix is one
``apt-get install`` line.

Pure Python, no Qt import: ``./dev`` runs ``python -m console.qt_libraries``
before it starts the console, and installs what it prints when it is root.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "PACKAGES",
    "MissingLibraries",
    "apt_command",
    "check_qt_libraries",
    "main",
    "missing_sonames",
    "package_for",
    "qt_binaries",
    "wants_xcb",
]

PACKAGES: dict[str, tuple[str, ...]] = {
    # The xcb platform plugin (libqxcb.so, libQt6XcbQpa.so.6) and Qt's GUI core.
    "libxcb.so.1": ("libxcb1",),
    "libxcb-cursor.so.0": ("libxcb-cursor0",),
    "libxcb-icccm.so.4": ("libxcb-icccm4",),
    "libxcb-image.so.0": ("libxcb-image0",),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1",),
    "libxcb-randr.so.0": ("libxcb-randr0",),
    "libxcb-render.so.0": ("libxcb-render0",),
    "libxcb-render-util.so.0": ("libxcb-render-util0",),
    "libxcb-shape.so.0": ("libxcb-shape0",),
    "libxcb-shm.so.0": ("libxcb-shm0",),
    "libxcb-sync.so.1": ("libxcb-sync1",),
    "libxcb-util.so.1": ("libxcb-util1",),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0",),
    "libxcb-xkb.so.1": ("libxcb-xkb1",),
    "libxcb-glx.so.0": ("libxcb-glx0",),
    "libxcb-dri3.so.0": ("libxcb-dri3-0",),
    "libxkbcommon.so.0": ("libxkbcommon0",),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0",),
    "libX11.so.6": ("libx11-6",),
    "libX11-xcb.so.1": ("libx11-xcb1",),
    "libXau.so.6": ("libxau6",),
    "libXdmcp.so.6": ("libxdmcp6",),
    "libEGL.so.1": ("libegl1",),
    "libGL.so.1": ("libgl1",),
    "libGLX.so.0": ("libglx0",),
    "libGLdispatch.so.0": ("libglvnd0",),
    "libfontconfig.so.1": ("libfontconfig1",),
    "libfreetype.so.6": ("libfreetype6",),
    "libdbus-1.so.3": ("libdbus-1-3",),
    "libglib-2.0.so.0": ("libglib2.0-0t64", "libglib2.0-0"),
    "libgthread-2.0.so.0": ("libglib2.0-0t64", "libglib2.0-0"),
    "libgobject-2.0.so.0": ("libglib2.0-0t64", "libglib2.0-0"),
    "libgio-2.0.so.0": ("libglib2.0-0t64", "libglib2.0-0"),
    "libgmodule-2.0.so.0": ("libglib2.0-0t64", "libglib2.0-0"),
    "libpng16.so.16": ("libpng16-16t64", "libpng16-16"),
    "libharfbuzz.so.0": ("libharfbuzz0b",),
    "libz.so.1": ("zlib1g",),
    # QtWebEngine (the map): Chromium's own needs.
    "libnss3.so": ("libnss3",),
    "libnssutil3.so": ("libnss3",),
    "libsmime3.so": ("libnss3",),
    "libnspr4.so": ("libnspr4",),
    "libplc4.so": ("libnspr4",),
    "libplds4.so": ("libnspr4",),
    "libXcomposite.so.1": ("libxcomposite1",),
    "libXdamage.so.1": ("libxdamage1",),
    "libXext.so.6": ("libxext6",),
    "libXfixes.so.3": ("libxfixes3",),
    "libXrandr.so.2": ("libxrandr2",),
    "libXrender.so.1": ("libxrender1",),
    "libXtst.so.6": ("libxtst6",),
    "libxkbfile.so.1": ("libxkbfile1",),
    "libasound.so.2": ("libasound2t64", "libasound2"),
    "libgbm.so.1": ("libgbm1",),
    "libdrm.so.2": ("libdrm2",),
    "libexpat.so.1": ("libexpat1",),
}
"""Shared library (soname) -> Debian package(s) that ship it, the current name first.

Debian 13 and Ubuntu 24.04 renamed a few packages with a ``t64`` suffix; where
apt can be asked, the first name it knows is used.
"""

_SONAME = re.compile(r"^(?P<stem>lib[\w.+-]*?)\.so(?:\.(?P<version>\d+))?")
_NOT_FOUND = re.compile(r"^\s*(?P<soname>\S+)\s+=>\s+not found\s*$")


def missing_sonames(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reported as "not found", in order of first mention, each once."""
    found: list[str] = []
    for line in ldd_output.splitlines():
        match = _NOT_FOUND.match(line)
        if match and match["soname"] not in found:
            found.append(match["soname"])
    return found


def package_for(soname: str) -> tuple[str, ...]:
    """The Debian package names that may ship ``soname``, the preferred one first.

    Sonames outside :data:`PACKAGES` follow Debian's naming rule: the library
    name, lower case, then its major version (after a hyphen when the name ends
    in a digit), e.g. ``libxcb-foo.so.2`` -> ``libxcb-foo2``.
    """
    if soname in PACKAGES:
        return PACKAGES[soname]
    match = _SONAME.match(soname)
    if match is None:
        return (soname,)
    stem, version = match["stem"].lower(), match["version"] or ""
    separator = "-" if version and stem[-1].isdigit() else ""
    return (f"{stem}{separator}{version}",)


def apt_command(packages: Sequence[str]) -> str:
    """The one command line that installs ``packages``."""
    return "sudo apt-get install " + " ".join(packages)


@dataclass(frozen=True)
class MissingLibraries:
    """What the loader cannot find, and the packages that bring it."""

    sonames: tuple[str, ...]
    packages: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.sonames)

    def message(self) -> str:
        """One line for a person: what is missing and the command that fixes it."""
        return (
            f"Qt cannot start: the system lacks {', '.join(self.sonames)}; "
            f"install them with: {apt_command(self.packages)}"
        )


def qt_binaries() -> list[Path]:
    """PySide6's xcb platform plugin and web engine core, where they are installed."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    candidates = (
        qt / "plugins" / "platforms" / "libqxcb.so",
        qt / "lib" / "libQt6WebEngineCore.so.6",
    )
    return [path for path in candidates if path.is_file()]


def _run_ldd(path: Path) -> str:
    done = subprocess.run(
        ["ldd", str(path)], capture_output=True, text=True, check=False, timeout=30
    )
    return done.stdout


def _apt_knows(package: str) -> bool:
    if shutil.which("apt-cache") is None:
        return True
    done = subprocess.run(
        ["apt-cache", "show", "--no-all-versions", package],
        capture_output=True,
        check=False,
        timeout=30,
    )
    return done.returncode == 0 and bool(done.stdout.strip())


def choose_packages(
    sonames: Iterable[str], known: Callable[[str], bool] = _apt_knows
) -> tuple[str, ...]:
    """One package per missing library (the first name apt knows), each package once."""
    chosen: list[str] = []
    for soname in sonames:
        names = package_for(soname)
        pick = next((name for name in names if len(names) == 1 or known(name)), names[-1])
        if pick not in chosen:
            chosen.append(pick)
    return tuple(chosen)


def check_qt_libraries(
    binaries: Iterable[Path] | None = None,
    *,
    ldd: Callable[[Path], str] = _run_ldd,
    known: Callable[[str], bool] = _apt_knows,
) -> MissingLibraries:
    """Ask ``ldd`` what Qt's xcb plugin and web engine lack (nothing where ldd is absent)."""
    paths = qt_binaries() if binaries is None else list(binaries)
    if ldd is _run_ldd and shutil.which("ldd") is None:
        return MissingLibraries((), ())
    sonames: list[str] = []
    for path in paths:
        try:
            output = ldd(path)
        except (OSError, subprocess.SubprocessError):
            continue
        sonames += [name for name in missing_sonames(output) if name not in sonames]
    return MissingLibraries(tuple(sonames), choose_packages(sonames, known) if sonames else ())


def wants_xcb(environ: dict[str, str] | os._Environ[str], platform: str = sys.platform) -> bool:
    """True when Qt will pick its xcb plugin: Linux, a display, no other platform asked for."""
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "")
    return requested in ("", "xcb") or requested.startswith("xcb:")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m console.qt_libraries``: print the packages to install, one a line.

    Exit status 0 when nothing is missing, 1 when something is (the packages are
    on stdout, the reason on stderr).
    """
    del argv
    missing = check_qt_libraries()
    if not missing:
        return 0
    print(f"missing: {' '.join(missing.sonames)}", file=sys.stderr)
    for package in missing.packages:
        print(package)
    return 1


if __name__ == "__main__":
    sys.exit(main())
