"""The Chinese catalogue is complete and compiled; every code has a label."""

from __future__ import annotations

import inspect
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from string import Formatter

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from console.core import vocab
from console.core.errors import MESSAGES, IllegalTransition, ValidationError
from console.paths import resource_path
from console.ui.i18n import install_language
from console.ui.labels import (
    ERROR_TEMPLATES,
    FIELD_LABELS,
    LABELLED_ENUMS,
    error_text,
    field_label,
    label,
    label_source,
)

ROOT = Path(__file__).resolve().parents[2]
ZH_TS = resource_path("i18n", "console_zh_CN.ts")
ZH_QM = resource_path("i18n", "console_zh_CN.qm")
EN_QM = resource_path("i18n", "console_en.qm")

SAME_IN_CHINESE = {"P1", "P2", "P3", "EV", "HEV", "SUV", "ICE"}
"""Labels that are written the same way in Chinese."""

Key = tuple[str, str, str]


def messages(ts: Path) -> dict[Key, ET.Element]:
    """(context, source, disambiguation) -> <translation> element of every message."""
    found: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            translation = message.find("translation")
            assert translation is not None, key
            found[key] = translation
    return found


def is_finished(translation: ET.Element) -> bool:
    return translation.get("type") is None and bool(translation.text)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ET.Element]:
    """A fresh lupdate run over console/ui into a throw-away catalogue."""
    ts = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "console" / "ui").rglob("*.py"))
    subprocess.run(
        [
            str(lupdate),
            *files,
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return messages(ts)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """Chinese installed for the test, English again afterwards."""
    install_language(qapp, "zh")
    yield
    install_language(qapp, "en")


def test_every_source_string_is_translated(extracted: dict[Key, ET.Element]) -> None:
    committed = messages(ZH_TS)
    assert len(extracted) > 100
    missing = sorted(key for key in extracted if key not in committed)
    unfinished = sorted(key for key, tr in committed.items() if not is_finished(tr))
    assert missing == [], "run: python tools/update_translations.py"
    assert unfinished == [], "translate these in resources/i18n/console_zh_CN.ts"


def test_translations_keep_placeholders_and_accelerators() -> None:
    for (context, source, _), translation in messages(ZH_TS).items():
        text = translation.text or ""
        assert placeholders(text) == placeholders(source), (context, source)
        if "&" in source.replace("&&", ""):
            assert "&" in text, (context, source)


def test_compiled_catalogue_matches_the_ts_file() -> None:
    assert ZH_QM.is_file()
    assert EN_QM.is_file()
    translator = QTranslator()
    assert translator.load(str(ZH_QM))
    assert translator.translate("Labels", "Tow") == "拖车"
    assert translator.translate("MainWindow", "Roadside Assistance Dispatch Console") == (
        "道路救援调度台"
    )
    stale = [
        key
        for key, tr in messages(ZH_TS).items()
        if translator.translate(key[0], key[1], key[2] or None) != tr.text
    ]
    assert stale == [], "recompile: python tools/update_translations.py"


def vocabulary_enums() -> list[type[Enum]]:
    return [
        obj
        for _, obj in inspect.getmembers(vocab, inspect.isclass)
        if issubclass(obj, Enum) and obj.__module__ == vocab.__name__
    ]


def test_every_vocabulary_enum_is_labelled() -> None:
    assert set(vocabulary_enums()) == set(LABELLED_ENUMS)


def test_every_enum_member_has_a_chinese_label(chinese: None) -> None:
    # LABELLED_ENUMS is every vocabulary enum (checked above).
    for enum_type in LABELLED_ENUMS:
        for member in enum_type:
            english = label_source(member)
            assert english, f"{enum_type.__name__}.{member.name} has no label"
            chinese_text = label(member)
            assert chinese_text
            if english not in SAME_IN_CHINESE:
                assert chinese_text != english, f"{enum_type.__name__}.{member.name}"


def test_every_message_code_has_a_translated_template(chinese: None) -> None:
    assert ERROR_TEMPLATES == MESSAGES
    for code, english in ERROR_TEMPLATES.items():
        translated = QCoreApplication.translate("Errors", english)
        assert translated != english, code


def test_every_field_label_is_translated(chinese: None) -> None:
    for code, english in FIELD_LABELS.items():
        assert field_label(code) != english, code


def test_error_text_in_both_languages(qapp: QApplication) -> None:
    required = ValidationError("field.required", field="caller_phone")
    illegal = IllegalTransition("lifecycle.illegal", from_status="QUEUED", to_status="COMPLETED")
    unknown_field = ValidationError("field.required", field="mystery")
    assert error_text(required) == "Caller phone is required."
    assert error_text(illegal) == "A request cannot move from Queued to Completed."
    assert error_text(unknown_field) == "mystery is required."
    install_language(qapp, "zh")
    try:
        assert error_text(required) == "来电人电话为必填项。"
        assert error_text(illegal) == "工单不能从“待派车”变更为“已完成”。"
    finally:
        install_language(qapp, "en")
    assert error_text(required) == "Caller phone is required."
