"""Texts of Qt's own dialogs that the Chinese catalogue shipped with Qt leaves out.

Qt 6's ``qtbase_zh_CN.qm`` translates the file dialog except two labels whose
source gained a keyboard accelerator ("&Look in:", "Files of &type:"), so a save
dialog showed them in English. Listed here under Qt's own context, they are
extracted into the console's catalogue, which Qt consults when its own has no
translation (see :func:`console.ui.i18n.install_language`).
"""

from __future__ import annotations

from console.ui.labels import QT_TRANSLATE_NOOP

__all__ = ["QT_GAPS"]

QT_GAPS: tuple[tuple[str, str], ...] = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
)
"""(Qt context, source text) of each text Qt's catalogue lacks."""
