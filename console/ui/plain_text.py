"""User text shown by Qt exactly as typed, never as rich text.

Qt guesses the format of label, tooltip and message-box text (``Qt::AutoText``):
anything that looks like a tag is rendered as HTML, so an address typed as
``<h1>x</h1>`` draws a heading and ``<img src=file:///...>`` loads a local file.
Every place that shows text a user or a file supplied goes through here.
"""

from __future__ import annotations

import html
from typing import overload

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


@overload
def plain_tooltip(text: str) -> str: ...
@overload
def plain_tooltip(text: None) -> None: ...
@overload
def plain_tooltip(text: str | None) -> str | None: ...
def plain_tooltip(text: str | None) -> str | None:
    """``text`` as a tooltip Qt shows literally (``None`` or empty stays as is).

    Qt has no plain-text flag for tooltips: text without ``<`` cannot look like
    rich text and is returned unchanged; anything else is HTML-escaped inside
    ``<qt>``, with its line breaks kept.
    """
    if not text or "<" not in text:
        return text
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` (and any text set later) as plain text."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def make_plain(*labels: QLabel) -> None:
    """Show the text of existing ``labels`` as plain text from now on."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box whose ``text`` is shown as plain text (not yet shown: call ``exec``)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_plain_message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox.StandardButton:
    """Like ``QMessageBox.warning`` and friends, with ``text`` shown as plain text."""
    return QMessageBox.StandardButton(plain_message_box(parent, icon, title, text, buttons).exec())
