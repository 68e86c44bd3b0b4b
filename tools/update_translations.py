"""Refresh the Qt Linguist catalogues of the console and compile them.

    python tools/update_translations.py

1. ``pyside6-lupdate`` scans every ``.py`` under ``console/ui`` and merges new
   or changed source strings into ``resources/i18n/console_zh_CN.ts`` and
   ``console_en.ts``; existing translations are kept, vanished strings dropped.
2. Messages still unfinished are filled from :data:`ZH_CN` (Simplified Chinese,
   merged from the per-area modules of ``tools/zh_cn``)
   or with the source text itself (the English identity catalogue). A finished
   translation is never overwritten, so edits made in Qt Linguist win.
3. ``pyside6-lrelease`` compiles both catalogues to ``.qm``.

Exits with status 1 when a Chinese message is left without a translation: add
it to a module of ``tools/zh_cn`` (or translate it in Linguist) and run again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from zh_cn import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "console" / "ui"
I18N_DIR = ROOT / "resources" / "i18n"
ZH_TS = I18N_DIR / "console_zh_CN.ts"
EN_TS = I18N_DIR / "console_en.ts"

ZH_CN: dict[tuple[str, str], str] = load_catalogue()
"""Simplified Chinese for every source string, keyed by (context, source text)."""


def qt_tool(name: str) -> Path:
    """The PySide6 command-line tool ``name``, preferably next to this Python."""
    suffix = ".exe" if sys.platform == "win32" else ""
    beside = Path(sys.executable).parent / f"{name}{suffix}"
    if beside.exists():
        return beside
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found next to {sys.executable} or on PATH")
    return Path(found)


def source_files() -> list[Path]:
    """Every Python file of the user interface, relative to the repository root."""
    return sorted(path.relative_to(ROOT) for path in UI_DIR.rglob("*.py"))


def run_lupdate(ts: Path, target_language: str) -> None:
    """Merge the current source strings into ``ts`` (created if missing)."""
    command = [
        str(qt_tool("pyside6-lupdate")),
        *map(str, source_files()),
        "-source-language",
        "en",
        "-target-language",
        target_language,
        "-locations",
        "relative",
        "-no-obsolete",
        "-ts",
        str(ts),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str]:
    return context.findtext("name", ""), message.findtext("source", "")


def _is_unfinished(translation: ET.Element | None) -> bool:
    return translation is None or translation.get("type") is not None or not translation.text


def fill(ts: Path, translations: Mapping[tuple[str, str], str] | None) -> list[tuple[str, str]]:
    """Fill unfinished messages of ``ts`` from ``translations`` (``None``: identity).

    Returns the (context, source) of messages that are still unfinished.
    """
    tree = ET.parse(ts)
    missing: list[tuple[str, str]] = []
    changed = False
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if not _is_unfinished(translation):
                continue
            key = _key(context, message)
            text = key[1] if translations is None else translations.get(key)
            if translation is None or text is None or message.get("numerus") == "yes":
                missing.append(key)
                continue
            translation.text = text
            translation.attrib.pop("type", None)
            changed = True
    if changed:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text(
            f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
        )
    return missing


def release(ts: Path) -> Path:
    """Compile ``ts`` to the ``.qm`` file beside it and return that path."""
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [str(qt_tool("pyside6-lrelease")), str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )
    return qm


def main() -> int:
    """Update, fill and compile both catalogues; 1 if Chinese is incomplete."""
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    run_lupdate(ZH_TS, "zh_CN")
    run_lupdate(EN_TS, "en")
    missing = fill(ZH_TS, ZH_CN)
    fill(EN_TS, None)
    # A second pass writes the filled files back in lupdate's own layout.
    run_lupdate(ZH_TS, "zh_CN")
    run_lupdate(EN_TS, "en")
    release(ZH_TS)
    release(EN_TS)
    for context, source in missing:
        print(f"untranslated [{context}] {source!r}", file=sys.stderr)
    if missing:
        print(f"{len(missing)} message(s) need a Chinese translation in {ZH_TS}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
