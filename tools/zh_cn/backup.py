"""Simplified Chinese for the refusals of backup and restore."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    ("Errors", "Backup refused: {path} {detail}."): "已拒绝该备份：{path}（{detail}）。",
    (
        "Errors",
        "The database {url} is open in a console or another program; close it, then restore again.",
    ): "数据库 {url} 正被调度台或其他程序打开；请先关闭，再重新恢复。",
}
