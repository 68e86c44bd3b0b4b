"""A QR code as a QImage, painted from segno's module matrix (no Pillow needed)."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

__all__ = ["QUIET_ZONE", "qr_image", "qr_matrix"]

QUIET_ZONE = 4
"""Blank modules around the code: the standard's minimum, which phone scanners need."""


def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of ``text``'s QR code, row by row (error level M)."""
    code = segno.make(text, error="m", micro=False)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


def qr_image(text: str, module_px: int = 6) -> QImage:
    """``text`` as a black-on-white QR code, ``module_px`` pixels a module, with its quiet zone.

    Black on white whatever the theme: scanners expect dark modules on a light ground.
    """
    matrix = qr_matrix(text)
    side = (len(matrix) + 2 * QUIET_ZONE) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    try:
        black = QColor(Qt.GlobalColor.black)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        QRect(
                            (x + QUIET_ZONE) * module_px,
                            (y + QUIET_ZONE) * module_px,
                            module_px,
                            module_px,
                        ),
                        black,
                    )
    finally:
        painter.end()
    return image
