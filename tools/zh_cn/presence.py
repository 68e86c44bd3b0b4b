"""Simplified Chinese for a database file that disappears, and for a lost database at start."""

from __future__ import annotations

_E = "Errors"
_W = "MainWindow"
_N = "DatabaseLostNotice"
_L = "LostDatabaseDialog"

ZH_CN: dict[tuple[str, str], str] = {
    # -- the data layer's refusals ---------------------------------------------------------
    (
        _E,
        "The database file {path} is missing: it was deleted or moved while the console "
        "ran. Nothing more is saved; restore it from a backup and restart the console.",
    ): "数据库文件 {path} 不见了：控制台运行期间它被删除或移走。此后的操作都不会保存；"
    "请从备份恢复该文件并重新启动控制台。",
    (
        _E,
        "The database file {path} was replaced by another file while the console ran. "
        "Nothing more is saved; restart the console to open the file now there.",
    ): "控制台运行期间，数据库文件 {path} 被另一个文件替换。此后的操作都不会保存；"
    "请重新启动控制台以打开现在的文件。",
    (
        _E,
        "The database {path} held data before and is now missing or empty: restore it "
        "from a backup, or pass --new-database to start a new one there.",
    ): "数据库 {path} 以前存有数据，现在却不见了或是空的：请从备份恢复，"
    "或加上 --new-database 在该位置新建数据库。",
    # -- status bar ------------------------------------------------------------------------
    (_W, "Database file is missing: {source}"): "数据库文件不见了：{source}",
    (_W, "Database file was replaced: {source}"): "数据库文件已被替换：{source}",
    # -- the notice under a running console ------------------------------------------------
    (_N, "Database file is missing"): "数据库文件不见了",
    (_N, "Database file was replaced"): "数据库文件已被替换",
    (
        _N,
        "Saving is stopped so that no call is reported as saved when it is not. Write down "
        "the calls you are taking, restore the database from the latest backup "
        "(roadside-console restore BACKUP) and start the console again. Other workstations "
        "on the same file are affected too.",
    ): "已停止保存，以免把没有保存的来电显示为已保存。请把正在受理的来电记下来，"
    "用最近的备份恢复数据库（roadside-console restore 备份文件），然后重新启动控制台。"
    "使用同一文件的其他工作站也受影响。",
    (_N, "Quit the console"): "退出控制台",
    (_N, "Keep the window open (read only)"): "保持窗口打开（只读）",
    # -- the question at start ---------------------------------------------------------------
    (_L, "Database missing"): "数据库不见了",
    (
        _L,
        "The database {path} held data before and is now missing or empty.",
    ): "数据库 {path} 以前存有数据，现在却不见了或是空的。",
    (
        _L,
        "If it was deleted or moved by mistake, quit and restore it from the latest backup "
        "(roadside-console restore BACKUP). A new database starts empty, with demo data only.",
    ): "如果它是被误删或误移的，请退出并用最近的备份恢复（roadside-console restore 备份文件）。"
    "新建的数据库是空的，只有演示数据。",
    (_L, "Create a new database"): "新建数据库",
    (_L, "Quit"): "退出",
    # -- the rescue copy -----------------------------------------------------------------------
    (
        _E,
        "Could not save a rescue copy to {path}: {detail}",
    ): "无法把抢救副本保存到 {path}：{detail}",
    (
        _N,
        "Saving is stopped so that no call is reported as saved when it is not. This console "
        "still reaches the lost database: save a rescue copy first (it holds everything saved "
        "up to now), then restore it with roadside-console restore COPY and start the console "
        "again. Other workstations on the same file are affected too.",
    ): "已停止保存，以免把没有保存的来电显示为已保存。本控制台仍能读到丢失的数据库："
    "请先保存一份抢救副本（其中有到目前为止保存的全部内容），再用 "
    "roadside-console restore 副本文件 恢复，然后重新启动控制台。使用同一文件的其他工作站也受影响。",
    (_N, "Save a rescue copy…"): "保存抢救副本…",
    (_W, "Save a rescue copy"): "保存抢救副本",
    (_W, "SQLite database (*.db);;All files (*)"): "SQLite 数据库 (*.db);;所有文件 (*)",
    (_W, "Rescue copy"): "抢救副本",
    (
        _W,
        "Saved a rescue copy with {events} ledger events and {requests} requests to {path}. "
        "Restore it with: roadside-console restore {path}",
    ): "已把抢救副本（{events} 条台账事件、{requests} 个工单）保存到 {path}。"
    "恢复命令：roadside-console restore {path}",
}
