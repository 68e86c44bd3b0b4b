"""Chinese for the few texts of Qt's own dialogs missing from qtbase_zh_CN.qm."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}
