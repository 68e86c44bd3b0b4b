"""The start-up check that names the system libraries Qt's xcb plugin lacks, before Qt aborts."""

from __future__ import annotations

from pathlib import Path

from console.qt_libraries import (
    apt_command,
    check_qt_libraries,
    choose_packages,
    missing_sonames,
    package_for,
    wants_xcb,
)

# What ldd printed for libqxcb.so on a machine with libxcb-cursor0 but without
# libxcb-icccm4 and libxcb-keysyms1 (trimmed).
LDD_XCB = """\
\tlinux-vdso.so.1 (0x00007ffd5b7e5000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x7f1)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f6a1c5e0000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f6a1c3b0000)
\tlibxcb-icccm.so.4 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f6a1c620000)
"""

LDD_WEBENGINE = """\
\tlibnss3.so => not found
\tlibasound.so.2 => not found
\tlibxkbfile.so.1 => /lib/x86_64-linux-gnu/libxkbfile.so.1 (0x00007f6a1c5e0000)
"""

LDD_COMPLETE = """\
\tlibxcb-icccm.so.4 => /lib/x86_64-linux-gnu/libxcb-icccm.so.4 (0x00007f6a1c5e0000)
"""


def test_not_found_lines_are_collected_once_in_order() -> None:
    assert missing_sonames(LDD_XCB) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_a_complete_system_lacks_nothing() -> None:
    assert missing_sonames(LDD_COMPLETE) == []
    assert missing_sonames("") == []


def test_known_libraries_map_to_their_debian_packages() -> None:
    assert package_for("libxcb-icccm.so.4") == ("libxcb-icccm4",)
    assert package_for("libxkbcommon-x11.so.0") == ("libxkbcommon-x11-0",)
    assert package_for("libnss3.so") == ("libnss3",)
    assert package_for("libGL.so.1") == ("libgl1",)


def test_unknown_libraries_follow_debians_naming_rule() -> None:
    assert package_for("libxcb-future.so.2") == ("libxcb-future2",)
    assert package_for("libfoo3.so.1") == ("libfoo3-1",)
    assert package_for("libBar.so.7") == ("libbar7",)


def test_renamed_packages_take_the_name_apt_knows() -> None:
    assert choose_packages(["libasound.so.2"], known=lambda name: name == "libasound2") == (
        "libasound2",
    )
    assert choose_packages(["libasound.so.2"], known=lambda name: True) == ("libasound2t64",)


def test_libraries_of_one_package_name_it_once() -> None:
    assert choose_packages(["libnss3.so", "libsmime3.so", "libnssutil3.so"]) == ("libnss3",)


def test_check_reads_every_binary_and_gives_one_apt_line() -> None:
    outputs = {Path("libqxcb.so"): LDD_XCB, Path("libQt6WebEngineCore.so.6"): LDD_WEBENGINE}
    missing = check_qt_libraries(
        outputs, ldd=lambda path: outputs[path], known=lambda name: name == "libasound2"
    )
    assert missing.sonames == (
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libnss3.so",
        "libasound.so.2",
    )
    assert missing.packages == ("libxcb-icccm4", "libxcb-keysyms1", "libnss3", "libasound2")
    message = missing.message()
    assert "\n" not in message
    assert message.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libnss3 libasound2")


def test_nothing_missing_is_falsy() -> None:
    missing = check_qt_libraries([Path("x")], ldd=lambda path: LDD_COMPLETE)
    assert not missing
    assert missing.packages == ()


def test_apt_command_lists_the_packages() -> None:
    assert apt_command(["libxcb-icccm4"]) == "sudo apt-get install libxcb-icccm4"


def test_only_an_on_screen_linux_start_is_checked() -> None:
    assert wants_xcb({"DISPLAY": ":0"}, "linux")
    assert wants_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not wants_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not wants_xcb({}, "linux")
    assert not wants_xcb({"DISPLAY": ":0"}, "darwin")
