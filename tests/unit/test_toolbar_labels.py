"""Toolbar labels carry no menu mnemonic: "刷新(&R)" reads "刷新" beside its icon."""

from __future__ import annotations

import pytest

from console.ui.labels import without_mnemonic


@pytest.mark.parametrize(
    ("menu_text", "label"),
    [
        ("刷新(&R)", "刷新"),
        ("上一个工单(&V)", "上一个工单"),
        ("&Refresh", "Refresh"),
        ("Supervisor &dashboard", "Supervisor dashboard"),
        ("Fish && chips", "Fish & chips"),
    ],
)
def test_a_menu_text_becomes_a_plain_label(menu_text: str, label: str) -> None:
    assert without_mnemonic(menu_text) == label
