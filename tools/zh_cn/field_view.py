"""Simplified Chinese for the selected job's field view (crew trail, live ETA, "arrived?")."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    ("MapPanel", "Crew trail"): "车组轨迹",
    ("MapPanel", "Selected job"): "选中的工单",
    ("MapPanel", "Crew's trail since assignment (arrows: direction)"): "派车以来的车组轨迹（箭头：行驶方向）",
    ("JobFieldStrip", "Mark on scene"): "标记到达现场",
    ("JobFieldStrip", "Not yet"): "尚未到达",
    ("JobFieldStrip", "Hide this question until the crew leaves the scene and comes back"):
        "隐藏此提示，直到车组离开现场后再次到达",
    ("JobFieldStrip", "Arrived? {crew} has stayed within {metres} m of the scene for {duration}."):
        "已到达？{crew} 已在现场 {metres} 米范围内停留 {duration}。",
    ("JobFieldStrip", "The crew"): "车组",
    ("JobFieldStrip", "Live ETA {minutes} min · from a fix {age} ago"):
        "实时预计 {minutes} 分钟到达 · 依据 {age}前的定位",
    ("JobFieldStrip", "{crew} has sent no position: live ETA unknown"):
        "{crew} 尚未上报位置：实时预计到达时间未知",
    ("JobFieldStrip", "No position from {crew} for {age}: live ETA unknown"):
        "{crew} 已 {age}未上报位置：实时预计到达时间未知",
}  # fmt: skip
