"""Simplified Chinese for the field link in the console: crew feeds and the device dialog."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    # -- crew board: the Feed column ----------------------------------------------------
    ("CrewTableModel", "Feed"): "回传",
    ("CrewBoardPanel", "Feed"): "回传",
    ("CrewTableModel", "Live"): "在线",
    ("CrewTableModel", "Quiet · {age}"): "间歇 · {age}",
    ("CrewTableModel", "Silent · {age}"): "中断 · {age}",
    ("CrewTableModel", "No fix yet"): "尚无定位",
    ("CrewTableModel", "No device"): "无设备",
    (
        "CrewTableModel",
        "Feed silent for {age}: the position may be out of date.",
    ): "回传已中断 {age}：位置可能已过时。",
    (
        "CrewTableModel",
        "A device is registered but has not reported yet.",
    ): "已登记设备，但尚未回传。",
    (
        "CrewTableModel",
        "No registered device: positions are entered by hand.",
    ): "未登记设备：位置由人工录入。",
    ("CrewTableModel", "Newest fix: {time}"): "最新定位：{time}",
    ("CrewTableModel", "Active devices: {count}"): "在用设备：{count} 台",
    ("Labels", "Live feed"): "回传在线",
    ("Labels", "Quiet feed"): "回传间歇",
    ("Labels", "Silent feed"): "回传中断",
    ("Labels", "Device never reported"): "设备从未回传",
    ("Labels", "No device"): "无设备",
    ("Reasons", "feed silent {value} min"): "回传中断 {value} 分钟",
}
