"""Simplified Chinese for the field link in the console: crew feeds and the device dialog."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    ("Errors", "There is no device {key}."): "没有编号为 {key} 的设备。",
    # -- crew board: the Feed column ----------------------------------------------------
    ("CrewTableModel", "Feed"): "回传",
    ("CrewBoardPanel", "Feed"): "回传",
    ("CrewTableModel", "Live"): "在线",
    ("CrewTableModel", "Quiet"): "间歇",
    ("CrewTableModel", "Silent"): "中断",
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
    # -- crew board: the administrator's device action ----------------------------------
    ("CrewBoardPanel", "Devices…"): "设备…",
    ("CrewBoardPanel", "The phones that report this crew's position"): "为该车组回传位置的手机",
    ("MainWindow", "This database keeps no devices."): "此数据库不保存设备。",
    # -- the device dialog ---------------------------------------------------------------
    ("DevicesDialog", "Devices of {crew}"): "{crew} 的设备",
    ("DevicesDialog", "Label"): "名称",
    ("DevicesDialog", "Identifier"): "标识",
    ("DevicesDialog", "Added"): "添加时间",
    ("DevicesDialog", "State"): "状态",
    ("DevicesDialog", "Add device…"): "添加设备…",
    ("DevicesDialog", "Revoke…"): "吊销…",
    ("DevicesDialog", "Close"): "关闭",
    ("DevicesDialog", "Settings for the phone"): "手机设置",
    ("DevicesDialog", "Identifier:"): "标识：",
    ("DevicesDialog", "Copy"): "复制",
    ("DevicesDialog", "Copy the identifier to the clipboard"): "将标识复制到剪贴板",
    (
        "DevicesDialog",
        "Shown only this once: scan the code with Traccar Client (Settings ▸ scan "
        "QR code) or type the server and identifier into the app. The identifier "
        "is a password; whoever holds it can report for this crew.",
    ): (
        "仅显示这一次：用 Traccar Client 扫描二维码（设置 ▸ 扫描二维码），"
        "或在应用中输入服务器地址和标识。标识等同密码，持有者即可为该车组回传。"
    ),
    ("DevicesDialog", "Give the device a label, e.g. the phone's owner."): (
        "请为设备命名，例如手机持有人。"
    ),
    ("DevicesDialog", "Added {label}. Set up the phone now."): "已添加 {label}，请立即设置手机。",
    ("DevicesDialog", "Revoked {label}: its fixes are refused from now on."): (
        "已吊销 {label}：此后其定位将被拒收。"
    ),
    ("DevicesDialog", "Server URL: {url}"): "服务器地址：{url}",
    ("DevicesDialog", "Device identifier: {id}"): "设备标识：{id}",
    ("DevicesDialog", "Reporting interval: {seconds} s"): "回传间隔：{seconds} 秒",
    ("DevicesDialog", "Heartbeat when standing still: {seconds} s"): "静止时心跳：{seconds} 秒",
    ("DevicesDialog", "Location accuracy: high"): "定位精度：高",
    ("DevicesDialog", "Configuration link (the QR code):"): "配置链接（即二维码内容）：",
    ("DevicesDialog", "Add device"): "添加设备",
    ("DevicesDialog", "Label (e.g. the phone's owner or the vehicle):"): (
        "名称（例如手机持有人或车辆）："
    ),
    ("DevicesDialog", "Revoke device"): "吊销设备",
    (
        "DevicesDialog",
        "Revoke {label} (…{hint})? The phone can no longer report for {crew}; "
        "this cannot be undone.",
    ): "吊销 {label}（…{hint}）？该手机将无法再为 {crew} 回传，且无法撤销。",
    ("DevicesDialog", "A label may hold at most {count} characters."): "名称最多 {count} 个字符。",
    ("DevicesDialog", "Active"): "在用",
    ("DevicesDialog", "Revoked {when}"): "已吊销 {when}",
}
